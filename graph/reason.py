"""OWL 2 DL reasoning over the store with HermiT, through owlready2.

HermiT checks that the ontology and the facts are consistent and works out what follows from
them.  The entailed types and property values of diplograph's own individuals are written to
their own named graph, ``{base}graph/inferred``, in one SPARQL Update, so a user can query them
(Oxigraph itself does no reasoning) and drop them again.  HermiT runs as a Java child process
that owlready2 starts; Pellet, owlready2's other reasoner, does not run on Java 17.

On an inconsistent graph HermiT says only "inconsistent"; ``diagnose`` then looks for the usual
culprits (an individual in two disjoint classes, two values of a functional property, a value
outside a property's datatype) so that the error names the individuals and classes involved.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, Literal, URIRef
from rdflib.collection import Collection

from diplograph.graph.config import ONTOLOGY_NS, SECTOR_NS
from diplograph.graph.owl_export import GraphNames, bind_prefixes, kg_graph, normalise_base
from diplograph.graph.store import replace_graphs


class ReasoningError(RuntimeError):
    """The reasoner could not run (no Java, HermiT failed)."""


class InconsistentGraphError(ReasoningError):
    """The ontology and the facts contradict each other; ``clashes`` says where."""

    def __init__(self, clashes: list[str]) -> None:
        self.clashes = clashes
        found = "\n".join(f"  - {c}" for c in clashes) or (
            "  (no disjointness, functional-property or datatype clash found by the quick check: "
            "open the export in Protégé and ask HermiT to explain the inconsistency)"
        )
        super().__init__(f"HermiT found the graph inconsistent:\n{found}")


@dataclass
class ReasonResult:
    """What a reasoning run found and wrote."""

    consistent: bool
    graph: str
    individuals: int
    inferred_types: int
    inferred_values: int
    seconds: float
    triples: list[tuple[str, str, str]] = field(default_factory=list, repr=False)

    @property
    def inferred(self) -> int:
        return self.inferred_types + self.inferred_values

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        return (
            f"consistent: {self.individuals} individuals; {self.inferred_types} inferred types and "
            f"{self.inferred_values} inferred property values written to <{self.graph}> "
            f"in {self.seconds:.1f} s"
        )


def reason(store: ox.Store, base_iri: str) -> ReasonResult:
    """Check consistency with HermiT and replace ``{base}graph/inferred`` with the entailments."""
    started = time.monotonic()
    base = normalise_base(base_iri)
    tbox, abox = kg_graph(store, base)
    kg = tbox + abox
    triples, individuals = run_hermit(kg, base)
    graph = GraphNames(base).inferred
    replace_graphs(store, {graph: [_ox_triple(t) for t in sorted(triples)]})
    inferred_types = sum(1 for t in triples if t[1] == str(RDF.type))
    return ReasonResult(
        consistent=True, graph=graph, individuals=individuals, inferred_types=inferred_types,
        inferred_values=len(triples) - inferred_types, seconds=time.monotonic() - started,
        triples=sorted(triples),
    )


def own_namespaces(base: str) -> tuple[str, ...]:
    """IRIs diplograph mints; entailments about Wikidata or GeoNames IRIs are left out (see README)."""
    return (base, ONTOLOGY_NS, SECTOR_NS)


def _ox_triple(triple: tuple[str, str, str]) -> tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode]:
    return tuple(ox.NamedNode(iri) for iri in triple)  # type: ignore[return-value]


# --- HermiT through owlready2 --------------------------------------------------------------------


def run_hermit(kg: rdflib.Graph, base: str) -> tuple[set[tuple[str, str, str]], int]:
    """Entailed triples about our own individuals, and how many such individuals there are.

    Raises InconsistentGraphError (with a diagnosis) when HermiT finds a contradiction.
    """
    import owlready2

    if not shutil.which(owlready2.JAVA_EXE) and not shutil.which("java"):
        raise ReasoningError("HermiT needs Java: install a JRE (e.g. openjdk-17-jre-headless)")
    world = owlready2.World()
    with tempfile.TemporaryDirectory() as tmp:
        # owlready2 reads N-Triples and RDF/XML, not Turtle; its own Turtle writer writes nothing.
        path = Path(tmp) / "kg.nt"
        kg.serialize(destination=path, format="nt", encoding="utf-8")
        world.get_ontology(path.as_uri()).load()
        try:
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            raise InconsistentGraphError(diagnose(kg, base)) from None
        except owlready2.OwlReadyJavaError as exc:
            raise ReasoningError(f"HermiT failed: {exc}") from exc
        return entailments(world, kg, own_namespaces(base))


def entailments(
    world, kg: rdflib.Graph, namespaces: tuple[str, ...]
) -> tuple[set[tuple[str, str, str]], int]:
    """All named types and object property values of our individuals, minus what is asserted.

    HermiT reports direct types and some values; the closure over the (reasoned) class and
    property hierarchies is added here, because SPARQL users ask for ``?x a dg:Actor``.
    """
    from owlready2 import ObjectPropertyClass, ThingClass

    def own(iri: str) -> bool:
        return iri.startswith(namespaces)

    def named(iri: str) -> bool:
        return not iri.startswith(str(OWL))  # owl:Thing, owl:topObjectProperty, owlready2's roots

    found: set[tuple[str, str, str]] = set()
    ours = [ind for ind in world.individuals() if own(ind.iri)]
    for ind in ours:
        for cls in ind.is_a:
            if isinstance(cls, ThingClass):
                found.update((ind.iri, str(RDF.type), a.iri) for a in cls.ancestors() if named(a.iri))
    for prop in world.object_properties():
        supers = [a for a in prop.ancestors() if isinstance(a, ObjectPropertyClass) and named(a.iri)]
        for subject, value in prop.get_relations():
            if own(subject.iri) and hasattr(value, "iri") and own(value.iri):
                found.update((subject.iri, sup.iri, value.iri) for sup in supers)
    asserted = {(str(s), str(p), str(o)) for s, p, o in kg if isinstance(o, URIRef)}
    return found - asserted, len(ours)


# --- diagnosis of an inconsistency ---------------------------------------------------------------


def diagnose(kg: rdflib.Graph, base: str) -> list[str]:
    """Human-readable clashes: disjoint types, functional properties with two values, bad datatypes."""
    bind_prefixes(kg, base)
    return disjointness_clashes(kg) + functional_clashes(kg) + datatype_clashes(kg)


def _name(kg: rdflib.Graph, node: rdflib.term.Node) -> str:
    label = kg.value(node, RDFS.label)
    prefixed = kg.namespace_manager.normalizeUri(node) if isinstance(node, URIRef) else str(node)
    if isinstance(node, URIRef) and str(node).startswith(ONTOLOGY_NS):
        return prefixed  # dg:Company says more than "Company (dg:Company)"
    return f"{label} {prefixed}" if label else prefixed


def superclasses(kg: rdflib.Graph) -> dict[URIRef, set[URIRef]]:
    """Each named class with all its named superclasses (itself included)."""
    direct: dict[URIRef, set[URIRef]] = defaultdict(set)
    for sub, sup in kg.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct[sub].add(sup)
    closure: dict[URIRef, set[URIRef]] = {}
    for cls in set(kg.subjects(RDF.type, OWL.Class)) | set(direct):
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closure[cls] = seen
    return closure


def type_reasons(kg: rdflib.Graph) -> dict[URIRef, dict[URIRef, str]]:
    """For each individual: every named class it must be in, with why (asserted, domain, range)."""
    reasons: dict[URIRef, dict[URIRef, str]] = defaultdict(dict)

    def add(ind: rdflib.term.Node, cls: rdflib.term.Node, why: str) -> None:
        if isinstance(ind, URIRef) and isinstance(cls, URIRef):
            reasons[ind].setdefault(cls, why)

    for ind, cls in kg.subject_objects(RDF.type):
        if cls != OWL.NamedIndividual and (cls, RDF.type, OWL.Class) in kg:
            add(ind, cls, "asserted")
    for prop, domain in kg.subject_objects(RDFS.domain):
        for ind in kg.subjects(prop, None):
            add(ind, domain, f"subject of {_name(kg, prop)}")
    for prop, range_ in kg.subject_objects(RDFS.range):
        if (prop, RDF.type, OWL.ObjectProperty) in kg:
            for value in kg.objects(None, prop):
                add(value, range_, f"value of {_name(kg, prop)}")
    return reasons


def disjoint_pairs(kg: rdflib.Graph) -> set[frozenset[URIRef]]:
    pairs = {frozenset(p) for p in kg.subject_objects(OWL.disjointWith)}
    for group in kg.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(kg, kg.value(group, OWL.members)))
        pairs.update(frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:])
    return pairs


def disjointness_clashes(kg: rdflib.Graph) -> list[str]:
    closure, pairs = superclasses(kg), disjoint_pairs(kg)
    clashes = []
    for ind, why_by_class in sorted(type_reasons(kg).items()):
        via: dict[URIRef, URIRef] = {}
        for cls in why_by_class:
            for sup in closure.get(cls, {cls}):
                via.setdefault(sup, cls)
        for pair in sorted(pairs, key=sorted):
            a, b = sorted(pair)
            if a in via and b in via:
                ca, cb = via[a], via[b]
                clashes.append(
                    f"{_name(kg, ind)} is in both {_name(kg, a)} and {_name(kg, b)}, which are disjoint "
                    f"(from {_name(kg, ca)}: {why_by_class[ca]}; {_name(kg, cb)}: {why_by_class[cb]})"
                )
    return clashes


def functional_clashes(kg: rdflib.Graph) -> list[str]:
    """Two values of a functional property; for objects, only where they are known to differ."""
    clashes = []
    different = _different_individuals(kg)
    for prop in sorted(kg.subjects(RDF.type, OWL.FunctionalProperty)):
        for subject in sorted(set(kg.subjects(prop, None))):
            values = sorted(set(kg.objects(subject, prop)))
            literals = all(isinstance(v, Literal) for v in values)
            literal_clash = literals and len({v.toPython() for v in values}) > 1
            object_clash = any(frozenset((a, b)) in different for a in values for b in values if a != b)
            if literal_clash or object_clash:
                shown = ", ".join(_name(kg, v) if isinstance(v, URIRef) else repr(str(v)) for v in values)
                clashes.append(
                    f"{_name(kg, subject)} has {len(values)} values of functional {_name(kg, prop)}: {shown}"
                )
    return clashes


def _different_individuals(kg: rdflib.Graph) -> set[frozenset]:
    pairs = {frozenset(p) for p in kg.subject_objects(OWL.differentFrom)}
    for group in kg.subjects(RDF.type, OWL.AllDifferent):
        members = list(Collection(kg, kg.value(group, OWL.distinctMembers)))
        pairs.update(frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:])
    return pairs


_INTEGERS = {XSD.integer, XSD.int, XSD.long, XSD.short, XSD.byte, XSD.nonNegativeInteger, XSD.positiveInteger}
_ACCEPTS = {XSD.decimal: _INTEGERS | {XSD.decimal}, XSD.integer: _INTEGERS, XSD.string: {XSD.string, None}}


def datatype_clashes(kg: rdflib.Graph) -> list[str]:
    """Values whose datatype cannot belong to the property's declared range."""
    clashes = []
    for prop, range_ in sorted(kg.subject_objects(RDFS.range)):
        accepted = _ACCEPTS.get(range_, {range_})
        if (prop, RDF.type, OWL.DatatypeProperty) not in kg:
            continue
        for subject, value in sorted(kg.subject_objects(prop)):
            if isinstance(value, Literal) and value.datatype not in accepted and not value.language:
                clashes.append(f"{_name(kg, subject)} has {_name(kg, prop)} {str(value)!r} of datatype "
                               f"{_name(kg, value.datatype) if value.datatype else 'plain'}, "
                               f"outside its range {_name(kg, range_)}")
    return clashes
