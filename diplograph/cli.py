"""The `diplograph` command line: a thin layer over graph.build's Python API."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pyoxigraph as ox

from diplograph import __version__
from diplograph.graph import build as api
from diplograph.graph import store as stores
from diplograph.graph.config import base_iri_from_env

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}


def _progress(n: int, total: int, path: str) -> None:
    if not sys.stderr.isatty():
        return
    width = 30
    done = int(width * n / max(total, 1))
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {Path(path).name[:40]:<40}")
    if n == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def cmd_build(args: argparse.Namespace) -> int:
    summary = api.build(args.paths, args.store, base_iri_from_env(args.base_iri), max_bytes=args.max_bytes,
                        force=args.force, min_confidence=args.min_confidence, progress=_progress)
    for result in summary.results:
        if result.status == "failed":
            print(f"error: {result.message}", file=sys.stderr)
        elif result.message:
            print(f"warning: {result.path}: {result.message}", file=sys.stderr)
        for r in result.rejected:
            shape = r.shape.rsplit("#", 1)[-1] if r.shape.startswith("http") else r.constraint.rsplit("#", 1)[-1]
            print(f"rejected: {result.path}: {r.message or shape} [{shape}] in sentence: "
                  f"{(r.sentence_text or '')[:120]!r}", file=sys.stderr)
    built = [r for r in summary.results if r.status == "built"]
    print(f"documents: {summary.count('built')} built, {summary.count('unchanged')} unchanged, "
          f"{summary.count('failed')} failed; entities: {sum(r.entities for r in built)}; "
          f"facts: {sum(r.facts for r in built)}; rejected facts: {sum(len(r.rejected) for r in built)}; "
          f"below confidence {args.min_confidence}: {sum(r.candidates for r in built)}")
    return 1 if summary.failed else 0


def _read_query(args: argparse.Namespace) -> str:
    if args.expression is not None:
        return args.expression
    if args.file is None:
        raise SystemExit("error: give a query file or -e QUERY")
    try:
        return Path(args.file).read_text(encoding="utf-8")
    except OSError as exc:
        raise SystemExit(f"error: cannot read query file {args.file}: {exc.strerror or exc}") from exc


def _table(solutions: ox.QuerySolutions) -> str:
    variables = [v.value for v in solutions.variables]
    rows = [[(row[v].value if row[v] is not None else "") for v in variables] for row in solutions]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(variables)]
    line = " | ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True))
    out = [line, "-+-".join("-" * w for w in widths)]
    out += [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out) + f"\n({len(rows)} rows)"


def cmd_query(args: argparse.Namespace) -> int:
    sparql = _read_query(args)
    try:
        results = api.query(args.store, sparql)
    except SyntaxError as exc:
        print(f"error: query syntax: {exc}", file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    if isinstance(results, ox.QuerySolutions):
        if args.format == "table":
            print(_table(results))
            return 0
        if args.format not in RESULT_FORMATS:
            print(f"error: --format {args.format} is for CONSTRUCT/DESCRIBE; SELECT gives "
                  f"{', '.join([*RESULT_FORMATS, 'table'])}", file=sys.stderr)
            return 2
        results.serialize(out, format=RESULT_FORMATS[args.format])
    elif isinstance(results, ox.QueryBoolean):
        if args.format == "table":
            print("true" if bool(results) else "false")
        else:
            results.serialize(out, format=RESULT_FORMATS.get(args.format, ox.QueryResultsFormat.JSON))
    else:
        fmt = GRAPH_FORMATS.get(args.format, ox.RdfFormat.TURTLE)
        ox.serialize(results, out, format=fmt, prefixes=stores.PREFIXES if fmt is ox.RdfFormat.TURTLE else None)
    out.flush()
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    conforms, report = api.validate(args.store)
    if conforms:
        print("conforms: the stored graph satisfies every shape")
        return 0
    print(report.serialize(format="turtle"))
    return 1


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in ("owx", "ofn") or (args.format == "rdfxml" and args.output and
                                         (args.owl or not Path(args.output).suffix)):
        from diplograph.graph.owl_export import export_owl

        if not args.output:
            print("error: the OWL export needs -o FILE or -o FOLDER", file=sys.stderr)
            return 2
        store = stores.open_store(args.store, read_only=True)
        written = export_owl(store, Path(args.output), args.format,
                             stores.stored_base_iri(store) or base_iri_from_env(None))
        for path in written:
            print(path)
        return 0
    if args.output:
        with open(args.output, "wb") as handle:
            api.export(args.store, args.format, handle)
    else:
        api.export(args.store, args.format, sys.stdout.buffer)
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    store = stores.open_store(args.store, read_only=True)
    rows = stores.query(store, """
        PREFIX dg: <https://w3id.org/diplograph/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?doc ?title ?path ?sha (COUNT(DISTINCT ?fact) AS ?facts) (COUNT(DISTINCT ?rej) AS ?rejected)
        WHERE {
          GRAPH ?doc { ?doc a dg:Document ; dcterms:title ?title ; dg:path ?path ; dg:sha256 ?sha .
                       OPTIONAL { ?fact prov:wasGeneratedBy ?run . ?run prov:used ?doc } }
          OPTIONAL { GRAPH ?r { ?report prov:wasDerivedFrom ?doc ; sh:result ?rej } }
        } GROUP BY ?doc ?title ?path ?sha ORDER BY ?path""")
    rows = [{k: row[k].value for k in ("doc", "title", "path", "sha", "facts", "rejected")} for row in rows]
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        print(f"{r['path']}\n  {r['doc']}\n  title: {r['title']}\n  sha256: {r['sha']}\n"
              f"  facts: {r['facts']}, rejected: {r['rejected']}")
    print(f"({len(rows)} documents)")
    return 0


def cmd_candidates(args: argparse.Namespace) -> int:
    from diplograph.graph.candidates import LIST_QUERY

    rows = stores.query(stores.open_store(args.store, read_only=True), LIST_QUERY)
    facts = set()
    for row in rows:
        facts.add(row["fact"].value)
        sentence = row["sentence"].value if row["sentence"] else ""
        print(f"{float(row['confidence'].value):.2f}  {row['label'].value}\n      {sentence[:160]}")
    print(f"({len(facts)} candidate facts below the confidence threshold)")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    if api.remove(args.store, args.doc, base_iri_from_env(args.base_iri) if args.base_iri else None):
        print(f"removed {args.doc}")
        return 0
    print(f"error: no document {args.doc} in {args.store}", file=sys.stderr)
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    from diplograph.api.server import run_from_args

    return run_from_args(args)


def cmd_reason(args: argparse.Namespace) -> int:
    from diplograph.graph.reason import ReasoningError, reason

    store = stores.open_store(args.store)
    try:
        result = reason(store, stores.stored_base_iri(store) or base_iri_from_env(None))
    except ReasoningError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(result)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from diplograph.graph.link import link

    store = stores.open_store(args.store)
    base = stores.stored_base_iri(store) or base_iri_from_env(None)
    result = link(store, base, online=args.online, csv_path=Path(args.csv) if args.csv else None,
                  cache_dir=Path(args.cache_dir))
    print(result)
    if args.void:
        from diplograph.graph.link import write_linkset

        print(write_linkset(store, Path(args.void), base))
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from diplograph.graph.docs import write_docs

    print(write_docs(Path(args.output)))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="diplograph", description="News about relations between countries, "
                                "as a validated, provenance-tracked knowledge graph.")
    p.add_argument("--version", action="version", version=f"diplograph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_store(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--store", required=True, help="store directory (pyoxigraph on disk)")
        return sp

    b = with_store(sub.add_parser("build", help="build or update the store from article files and folders"))
    b.add_argument("paths", nargs="+", help="text files or folders of them")
    b.add_argument("--base-iri", help="base of every minted IRI (env DIPLOGRAPH_BASE_IRI)")
    b.add_argument("--max-bytes", type=int, default=api.DEFAULT_MAX_BYTES, help="largest file accepted")
    b.add_argument("--force", action="store_true", help="rebuild documents even when unchanged")
    b.add_argument("--min-confidence", type=float, default=float(os.environ.get("DIPLOGRAPH_MIN_CONFIDENCE",
                                                                              api.DEFAULT_MIN_CONFIDENCE)),
                   help="facts below this confidence are kept out of the graph, listed by `candidates` "
                   "(env DIPLOGRAPH_MIN_CONFIDENCE)")
    b.set_defaults(func=cmd_build)

    q = with_store(sub.add_parser("query", help="run a SPARQL query"))
    q.add_argument("file", nargs="?", help="a .rq file")
    q.add_argument("-e", dest="expression", help="the query text itself")
    q.add_argument("--format", default="table",
                   choices=["json", "csv", "tsv", "xml", "table", "turtle", "ntriples", "rdfxml", "jsonld"])
    q.set_defaults(func=cmd_query)

    v = with_store(sub.add_parser("validate", help="SHACL report of the stored graph; exit 1 on violations"))
    v.set_defaults(func=cmd_validate)

    e = with_store(sub.add_parser("export", help="write the graph in an RDF format"))
    e.add_argument("--format", default="turtle", choices=[*api.RDF_FORMATS, "owx", "ofn"])
    e.add_argument("-o", "--output", help="output file; a folder (rdfxml, owx, ofn) gets the Protégé export: "
                   "ontology, individuals and catalog-v001.xml")
    e.add_argument("--owl", action="store_true", help="with rdfxml and -o FILE: the Protégé-ready OWL 2 DL file")
    e.set_defaults(func=cmd_export)

    d = with_store(sub.add_parser("documents", help="list the stored documents"))
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_documents)

    c = with_store(sub.add_parser("candidates", help="list facts kept out for low confidence"))
    c.set_defaults(func=cmd_candidates)

    r = with_store(sub.add_parser("remove", help="remove a document and its facts"))
    r.add_argument("doc", help="document name, path or IRI")
    r.add_argument("--base-iri")
    r.set_defaults(func=cmd_remove)

    try:
        from diplograph.api.server import add_serve_arguments
    except ImportError:
        add_serve_arguments = None
    s = sub.add_parser("serve", help="serve the store over SPARQL 1.1 and Linked Data")
    if add_serve_arguments:
        add_serve_arguments(s)
    s.set_defaults(func=cmd_serve)

    rs = with_store(sub.add_parser("reason", help="HermiT reasoning; inferences go to their own graph"))
    rs.set_defaults(func=cmd_reason)

    lk = with_store(sub.add_parser("link", help="link entities to Wikidata"))
    lk.add_argument("--online", action="store_true", help="ask Wikidata's search API")
    lk.add_argument("--csv", help="CSV of `local label or IRI, external IRI`")
    lk.add_argument("--cache-dir", default=".diplograph-cache")
    lk.add_argument("--void", metavar="FILE", help="also write the links and their VoID Linkset as Turtle")
    lk.set_defaults(func=cmd_link)

    dc = sub.add_parser("docs", help="write the ontology's HTML documentation")
    dc.add_argument("-o", "--output", default="docs/ontology.html")
    dc.set_defaults(func=cmd_docs)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except stores.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
