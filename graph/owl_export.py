"""OWL 2 DL export of the store, shaped so that Protégé opens it without a warning.

The store holds more than OWL: SHACL reports, VoID link metadata and reasoner output sit in
named graphs of their own.  This module picks the ontology graph (TBox) and the document and
link graphs (ABox), drops any ABox triple that would break the OWL 2 DL profile (and says so),
declares every individual, and writes RDF/XML with rdflib.  OWL/XML and functional syntax are
produced by the OWL API 3.4.3 jar that owlready2 ships, run through JPype in a child process
(a JVM can start only once per process, and a server must not hold one).

Run ``python -m diplograph.graph.owl_export check FILE [--catalog CATALOG]`` to get the OWL API's
OWL 2 DL profile report and entity counts as JSON, as Protégé would see them.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox
import rdflib
from rdflib import OWL, RDF, RDFS, XSD, BNode, Literal, URIRef

from diplograph.graph.config import DEFAULT_BASE_IRI, ONTOLOGY_FILE, ONTOLOGY_IRI, SECTORS_FILE, IRIs

log = logging.getLogger(__name__)

FORMATS = {"rdfxml": ".owl", "owx": ".owx", "ofn": ".ofn"}
TBOX_NAME = "diplograph"
ABOX_NAME = "diplograph-kg"
CATALOG_NAME = "catalog-v001.xml"

# The datatypes of the OWL 2 datatype map: a literal of any other datatype breaks the DL profile.
_XSD_NAMES = (
    "anyURI base64Binary boolean byte dateTime dateTimeStamp decimal double float hexBinary int integer "
    "language long Name NCName negativeInteger NMTOKEN nonNegativeInteger nonPositiveInteger "
    "normalizedString positiveInteger short string token unsignedByte unsignedInt unsignedLong unsignedShort"
)
OWL2_DATATYPES = frozenset(
    [XSD[name] for name in _XSD_NAMES.split()]
    + [RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, OWL.real, OWL.rational, RDF.langString]
)
# Properties every OWL 2 ontology may use on individuals without declaring them.
BUILTIN_ANNOTATIONS = frozenset(
    [RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo, OWL.deprecated]
)
INDIVIDUAL_LINKS = frozenset([OWL.sameAs, OWL.differentFrom])


class ExportError(RuntimeError):
    """The export cannot be written as asked (unknown format, Java missing, OWL API failure)."""


class GraphNames(IRIs):
    """The named graphs that hold something other than ABox facts (names from graph.config.IRIs)."""

    @property
    def ontology(self) -> str:
        return self.ontology_graph

    @property
    def inferred(self) -> str:
        return self.inferred_graph

    @property
    def links(self) -> str:
        return self.links_graph

    @property
    def linkset(self) -> str:
        return self.linkset_graph

    @property
    def dataset(self) -> str:
        return self.dataset_graph

    @property
    def kg_ontology(self) -> str:
        """The IRI of the exported knowledge graph (the ABox ontology)."""
        return f"{self.base}kg"

    def is_abox(self, graph: str) -> bool:
        """True for document graphs, the links graph and any other graph of facts."""
        not_facts = (self.ontology, self.inferred, self.linkset, self.dataset)
        return graph not in not_facts and not graph.startswith((self.report_prefix, self.candidates_prefix))


def normalise_base(base_iri: str | None) -> str:
    """The base IRI ending in / or #; an empty one (a store without VoID) means the default."""
    base_iri = base_iri or DEFAULT_BASE_IRI
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


# --- from pyoxigraph to rdflib -------------------------------------------------------------------


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> rdflib.term.Node:
    """One pyoxigraph term as rdflib's; xsd:string literals become plain ones, as RDF 1.1 says."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def graph_of(store: ox.Store, graph_names: list[str]) -> rdflib.Graph:
    """The union of some named graphs of the store as one rdflib graph."""
    out = rdflib.Graph()
    for name in graph_names:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            out.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return out


def tbox_graph(store: ox.Store, base_iri: str) -> rdflib.Graph:
    """The ontology and sector scheme from the store, or from the project files if the store has none."""
    names = GraphNames(normalise_base(base_iri))
    tbox = graph_of(store, [names.ontology])
    if (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) not in tbox:
        log.warning("store has no ontology graph <%s>; using %s", names.ontology, ONTOLOGY_FILE)
        tbox.parse(ONTOLOGY_FILE)
        if SECTORS_FILE.exists():
            tbox.parse(SECTORS_FILE)
    for other in set(tbox.subjects(RDF.type, OWL.Ontology)) - {URIRef(ONTOLOGY_IRI)}:
        # A second ontology header in one document makes the OWL API pick one at random.
        log.warning("dropping the header of ontology <%s> merged into the TBox", other)
        tbox.remove((other, None, None))
    return tbox


def abox_graph_names(store: ox.Store, base_iri: str) -> list[str]:
    names = GraphNames(normalise_base(base_iri))
    graphs = (g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return sorted(g for g in graphs if names.is_abox(g))


# --- keeping the ABox inside OWL 2 DL ------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """What the TBox declares: the ABox may use these terms and nothing else."""

    classes: frozenset[URIRef]
    object_properties: frozenset[URIRef]
    data_properties: frozenset[URIRef]
    annotation_properties: frozenset[URIRef]

    @classmethod
    def of(cls, tbox: rdflib.Graph) -> Vocabulary:
        def declared(kind: URIRef) -> frozenset[URIRef]:
            return frozenset(s for s in tbox.subjects(RDF.type, kind) if isinstance(s, URIRef))

        return cls(
            classes=declared(OWL.Class) | {OWL.Thing},
            object_properties=declared(OWL.ObjectProperty),
            data_properties=declared(OWL.DatatypeProperty),
            annotation_properties=declared(OWL.AnnotationProperty) | BUILTIN_ANNOTATIONS,
        )

    def problem(self, triple: tuple) -> str | None:
        """Why a triple cannot stand in an OWL 2 DL ABox, or None if it can."""
        s, p, o = triple
        if not isinstance(s, URIRef):
            return "blank node subject"
        if p == RDF.type:
            ok = o in self.classes or o == OWL.NamedIndividual
            return None if ok else f"type <{o}> is not a declared class"
        if p in self.object_properties or p in INDIVIDUAL_LINKS:
            return None if isinstance(o, URIRef) else f"<{p}> needs an IRI value"
        if p in self.data_properties:
            if not isinstance(o, Literal):
                return f"<{p}> needs a literal value"
            return datatype_problem(o)
        if p in self.annotation_properties:
            return datatype_problem(o) if isinstance(o, Literal) else None
        return f"<{p}> is not declared in the ontology"


def datatype_problem(literal: Literal) -> str | None:
    if literal.datatype is None or literal.datatype in OWL2_DATATYPES:
        return None
    return f"datatype <{literal.datatype}> is outside the OWL 2 datatype map"


def owl_abox(raw: rdflib.Graph, vocabulary: Vocabulary) -> rdflib.Graph:
    """The ABox triples that are OWL 2 DL, plus a NamedIndividual declaration for each individual.

    Dropped triples are logged by reason: a profile violation in Protégé is harder to trace back
    to the pipeline than a warning here.
    """
    out, dropped = rdflib.Graph(), Counter()
    for triple in raw:
        reason = vocabulary.problem(triple)
        if reason:
            dropped[reason] += 1
        else:
            out.add(triple)
    for reason, count in dropped.most_common():
        log.warning("export left out %d triple(s): %s", count, reason)
    for individual in individuals(out, vocabulary):
        out.add((individual, RDF.type, OWL.NamedIndividual))
    return out


def individuals(abox: rdflib.Graph, vocabulary: Vocabulary) -> set[URIRef]:
    """Every IRI the ABox uses as an individual (subjects, and values of object properties)."""
    found = {s for s in abox.subjects() if isinstance(s, URIRef)}
    for _, p, o in abox:
        if isinstance(o, URIRef) and (p in vocabulary.object_properties or p in INDIVIDUAL_LINKS):
            found.add(o)
    return found


def kg_graph(store: ox.Store, base_iri: str) -> tuple[rdflib.Graph, rdflib.Graph]:
    """The TBox and the cleaned ABox of the store, ready to be written or reasoned over."""
    tbox = tbox_graph(store, base_iri)
    raw = graph_of(store, abox_graph_names(store, base_iri))
    return tbox, owl_abox(raw, Vocabulary.of(tbox))


def bind_prefixes(graph: rdflib.Graph, base: str) -> rdflib.Graph:
    prefixes = {
        "dg": "https://w3id.org/diplograph/ontology#",
        "sector": "https://w3id.org/diplograph/sector/",
        "id": f"{base}id/",
        "prov": "http://www.w3.org/ns/prov#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcterms": "http://purl.org/dc/terms/",
        "org": "http://www.w3.org/ns/org#",
        "wd": "http://www.wikidata.org/entity/",
    }
    for prefix, ns in prefixes.items():
        graph.bind(prefix, ns, override=True)
    return graph


# --- writing -------------------------------------------------------------------------------------


def export_owl(store: ox.Store, out: Path, fmt: str, base_iri: str) -> list[Path]:
    """Write the store as OWL 2 DL: one file, or a directory with TBox, ABox and a Protégé catalog.

    ``out`` is taken as a directory when it exists as one or has no file suffix.
    Returns the files written.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    base = normalise_base(base_iri)
    tbox, abox = kg_graph(store, base)
    out = Path(out)
    if out.is_dir() or not out.suffix:
        return _export_directory(tbox, abox, out, fmt, base)
    return [_export_single(tbox, abox, out, fmt, base)]


def _export_single(tbox: rdflib.Graph, abox: rdflib.Graph, out: Path, fmt: str, base: str) -> Path:
    """One ontology holding ontology and individuals; the TBox header becomes a pointer to it."""
    kg = URIRef(GraphNames(base).kg_ontology)
    merged = bind_prefixes(rdflib.Graph(), base)
    for triple in tbox:
        if triple[0] != URIRef(ONTOLOGY_IRI):
            merged.add(triple)
    merged += abox
    _add_kg_header(merged, kg)
    merged.add((kg, RDFS.seeAlso, URIRef(ONTOLOGY_IRI)))
    out.parent.mkdir(parents=True, exist_ok=True)
    _write_all([(merged, out)], fmt)
    return out


def _export_directory(tbox: rdflib.Graph, abox: rdflib.Graph, out: Path, fmt: str, base: str) -> list[Path]:
    """TBox and ABox files, the ABox importing the TBox, resolved offline through the catalog."""
    out.mkdir(parents=True, exist_ok=True)
    suffix = FORMATS[fmt]
    tbox_path, abox_path = out / f"{TBOX_NAME}{suffix}", out / f"{ABOX_NAME}{suffix}"
    kg = URIRef(GraphNames(base).kg_ontology)
    kg_out = rdflib.Graph()
    kg_out += abox
    bind_prefixes(kg_out, base)
    _add_kg_header(kg_out, kg)
    kg_out.add((kg, OWL.imports, URIRef(ONTOLOGY_IRI)))
    _write_all([(bind_prefixes(tbox, base), tbox_path), (kg_out, abox_path)], fmt)
    iris = [ONTOLOGY_IRI, *_version_iris(tbox)]
    catalog = write_catalog(out, {iri: tbox_path.name for iri in iris})
    return [tbox_path, abox_path, catalog]


def _write_all(outputs: list[tuple[rdflib.Graph, Path]], fmt: str) -> None:
    """Write RDF/XML with rdflib; for OWL/XML or functional syntax convert it with the OWL API.

    All conversions run in one JVM.  Each later file may import the earlier ones (the ABox
    imports the TBox), so each conversion maps the earlier ontologies' IRIs to their files.
    """
    if fmt == "rdfxml":
        for graph, path in outputs:
            write_rdfxml(graph, path)
        return
    with tempfile.TemporaryDirectory() as tmp:
        jobs, known = [], {}
        for graph, path in outputs:
            rdfxml = Path(tmp) / (path.stem + ".owl")
            write_rdfxml(graph, rdfxml)
            # The OWL API runs in a child process: give it absolute paths, whatever its working directory.
            jobs.append({"src": str(rdfxml), "dst": str(path.resolve()), "fmt": fmt, "iri_map": dict(known)})
            for ontology in graph.subjects(RDF.type, OWL.Ontology):
                known[str(ontology)] = str(rdfxml)
        run_owlapi(["convert", json.dumps(jobs)])


def _version_iris(tbox: rdflib.Graph) -> list[str]:
    return [str(v) for v in tbox.objects(URIRef(ONTOLOGY_IRI), OWL.versionIRI)]


def _add_kg_header(graph: rdflib.Graph, kg: URIRef) -> None:
    graph.add((kg, RDF.type, OWL.Ontology))
    graph.add((kg, RDFS.label, Literal("diplograph knowledge graph", lang="en")))
    graph.add((kg, RDFS.comment, Literal(
        "Individuals read from news articles by diplograph, with their provenance.", lang="en")))


def write_rdfxml(graph: rdflib.Graph, path: Path) -> None:
    """Pretty RDF/XML (typed elements, readable in an editor); the lists it warns about are kept."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Assertions on .* other than RDF.first and RDF.rest")
        graph.serialize(destination=path, format="pretty-xml", encoding="utf-8")


def write_catalog(directory: Path, mapping: dict[str, str]) -> Path:
    """A Protégé XML catalog mapping ontology IRIs to files by relative path."""
    entries = "\n".join(
        f"    <uri id=\"diplograph\" name={quoteattr(iri)} uri={quoteattr(name)}/>"
        for iri, name in mapping.items()
    )
    text = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        f"{entries}\n</catalog>\n"
    )
    path = directory / CATALOG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def read_catalog(path: Path) -> dict[str, Path]:
    """Ontology IRI -> file, from a catalog written by ``write_catalog`` (or by Protégé)."""
    import xml.etree.ElementTree as ET

    ns = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"
    root = ET.parse(path).getroot()
    return {el.get("name"): (path.parent / el.get("uri")).resolve() for el in root.iter(f"{ns}uri")}


# --- the OWL API bridge --------------------------------------------------------------------------


def owlapi_jar() -> Path:
    """The OWL API 3.4.3 distribution jar that owlready2 ships in its pellet/ folder."""
    import owlready2

    jars = sorted((Path(owlready2.__file__).parent / "pellet").glob("owlapi-distribution-*.jar"))
    if not jars:
        raise ExportError("owlready2's pellet/ folder has no owlapi-distribution jar")
    return jars[-1]


def java_missing() -> str | None:
    """Why the OWL API cannot run here, or None if it can."""
    if not shutil.which("java"):
        return "no `java` on PATH (install a JRE, e.g. openjdk-17-jre-headless)"
    try:
        import jpype  # noqa: F401
    except ImportError:
        return "JPype1 is not installed (pip install 'JPype1>=1.5,<2')"
    return None


def run_owlapi(args: list[str], timeout: float = 300) -> str:
    """Run this module's OWL API command in a child process, so the caller never holds a JVM."""
    missing = java_missing()
    if missing:
        raise ExportError(f"the OWL API is needed for this and cannot run: {missing}")
    proc = subprocess.run(
        [sys.executable, "-m", "diplograph.graph.owl_export", *args],
        capture_output=True, text=True, timeout=timeout,
    )
    if proc.returncode != 0:
        raise ExportError(f"OWL API {args[0]} failed: {proc.stderr.strip()[-2000:]}")
    return proc.stdout


def check_profile(path: Path, catalog: Path | None = None) -> dict:
    """The OWL API's OWL 2 DL profile violations and entity counts for an exported file, as a dict."""
    args = ["check", str(path.resolve())] + (["--catalog", str(catalog.resolve())] if catalog else [])
    return json.loads(run_owlapi(args))


def _start_jvm() -> None:
    import jpype
    import jpype.imports  # noqa: F401  (lets Python import Java packages by name)

    jpype.startJVM(classpath=[str(owlapi_jar())], convertStrings=True)


def _manager(iri_map: dict[str, Path]):
    """An OWL API manager that fails on a missing import and resolves the mapped IRIs to files."""
    from java.io import File  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.apibinding import OWLManager  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.model import IRI  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.util import SimpleIRIMapper  # type: ignore[import-not-found]

    manager = OWLManager.createOWLOntologyManager()
    manager.setSilentMissingImportsHandling(False)
    for iri, file in iri_map.items():
        manager.addIRIMapper(SimpleIRIMapper(IRI.create(iri), IRI.create(File(str(file)))))
    return manager


def _load(manager, path: str):
    from java.io import File  # type: ignore[import-not-found]

    return manager.loadOntologyFromOntologyDocument(File(path))


def _cli_convert(jobs_json: str) -> None:
    for job in json.loads(jobs_json):
        _convert(job["src"], job["dst"], job["fmt"], job["iri_map"])


def _convert(src: str, dst: str, fmt: str, iri_map: dict[str, str]) -> None:
    from java.io import File  # type: ignore[import-not-found]
    from org.semanticweb.owlapi.io import (  # type: ignore[import-not-found]
        OWLFunctionalSyntaxOntologyFormat,
        OWLXMLOntologyFormat,
    )
    from org.semanticweb.owlapi.model import IRI  # type: ignore[import-not-found]

    manager = _manager({iri: Path(file) for iri, file in iri_map.items()})
    ontology = _load(manager, src)
    target = OWLXMLOntologyFormat() if fmt == "owx" else OWLFunctionalSyntaxOntologyFormat()
    target.copyPrefixesFrom(manager.getOntologyFormat(ontology))
    manager.saveOntology(ontology, target, IRI.create(File(dst)))


def _cli_check(path: str, catalog: str | None) -> None:
    from org.semanticweb.owlapi.profiles import OWL2DLProfile  # type: ignore[import-not-found]

    manager = _manager(read_catalog(Path(catalog)) if catalog else {})
    ontology = _load(manager, path)
    report = OWL2DLProfile().checkOntology(ontology)
    closure = list(ontology.getImportsClosure())
    annotation_properties = {str(p.getIRI()) for o in closure for p in o.getAnnotationPropertiesInSignature()}
    result = {
        "ontology": str(ontology.getOntologyID().getOntologyIRI()),
        "imports": sorted(str(o.getOntologyID().getOntologyIRI()) for o in closure if o != ontology),
        "violations": [str(v) for v in report.getViolations()],
        "classes": int(ontology.getClassesInSignature(True).size()),
        "object_properties": int(ontology.getObjectPropertiesInSignature(True).size()),
        "data_properties": int(ontology.getDataPropertiesInSignature(True).size()),
        "annotation_properties": len(annotation_properties),
        "individuals": int(ontology.getIndividualsInSignature(True).size()),
        "axioms": sum(int(o.getAxiomCount()) for o in closure),
    }
    print(json.dumps(result, indent=2))


def main(argv: list[str]) -> int:
    """``check FILE [--catalog C]`` or ``convert JOBS_JSON``; starts the JVM once."""
    if not argv or argv[0] not in ("check", "convert"):
        print(__doc__, file=sys.stderr)
        return 2
    _start_jvm()
    if argv[0] == "check":
        catalog = argv[argv.index("--catalog") + 1] if "--catalog" in argv else None
        _cli_check(argv[1], catalog)
    else:
        _cli_convert(argv[1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
