"""The `diplograph` command line: a thin layer over graph.build's Python API."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from diplograph import __version__
from diplograph.evaluate import EvaluationError
from diplograph.graph import build as api
from diplograph.graph import store as stores
from diplograph.graph.cluster import ClusterError
from diplograph.graph.config import MODELS_DIR, QUERIES_DIR, base_iri_from_env

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                 "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}
DEFAULT_STORE = "var/store"  # where `make run` builds, relative to the working directory
SERVE_PORT = 7878  # Oxigraph's own default; `make run` passes --port 8000


class UsageError(Exception):
    """A wrong option or argument: one line on standard error, exit status 2."""


def default_store() -> str:
    return os.environ.get("DIPLOGRAPH_STORE") or DEFAULT_STORE


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help ends with its default, unless the help already says it or there is none."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if (not action.option_strings or "default" in text or default in (None, False, argparse.SUPPRESS)
                or default == []):
            return text
        return f"{text} (default: %(default)s)" if text else "default: %(default)s"


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
    if args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give 1 or more worker processes")
    if args.cluster and args.jobs != 1:
        raise UsageError("--cluster and --jobs: give one; the cluster's workers do the extraction")
    if args.token and not args.into:
        raise UsageError("--token goes with --into URL (a running server); a build into --store needs none")
    token = (args.token or os.environ.get("DIPLOGRAPH_UPDATE_TOKEN")) if args.into else None
    summary = api.build(args.paths, args.store, base_iri_from_env(args.base_iri), max_bytes=args.max_bytes,
                        force=args.force, min_confidence=args.min_confidence, progress=_progress, jobs=args.jobs,
                        into=args.into, token=token, cluster=args.cluster)
    for folder in summary.empty_folders:
        print(f"warning: {folder}: no .txt files in this folder (articles are read from *.txt and *.text)",
              file=sys.stderr)
    for result in summary.results:
        if result.status == "failed":
            print(f"error: {result.message}", file=sys.stderr)
        elif result.message:
            print(f"warning: {result.path}: {result.message}", file=sys.stderr)
        for r in result.rejected:
            shape = r.shape.rsplit("#", 1)[-1] if r.shape.startswith("http") else r.constraint.rsplit("#", 1)[-1]
            print(f"rejected: {result.path}: {r.message or shape} [{shape}] in sentence: "
                  f"{(r.sentence_text or '')[:120]!r}", file=sys.stderr)
    print(build_report(summary, args.min_confidence, args.into or args.store))
    return 1 if summary.failed or summary.empty_folders or not summary.results else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def build_report(summary: api.BuildSummary, min_confidence: float, store: str) -> str:
    """Two lines: what the store holds after the build (each entity and fact once, however many
    documents mention it), and what this build changed."""
    counts = (f"documents: {summary.count('built')} built, {summary.count('unchanged')} unchanged, "
              f"{summary.count('failed')} failed")
    if not summary.results:
        return f"{counts}; nothing to build, {store} left as it was"
    total = summary.after
    lines = [f"{counts}; the store holds {_count(total['documents'], 'document')}, entities: {total['entities']}; "
             f"facts: {total['facts']}; rejected facts: {total['rejected']}; candidate facts: {total['candidates']}"]
    built = [r for r in summary.results if r.status == "built"]
    if not built:
        lines.append("changed by this build: nothing")
    else:
        delta = "; ".join(f"{label} {summary.change(name):+d}" for name, label in (
            ("documents", "documents"), ("entities", "entities"), ("facts", "facts"),
            ("rejected", "rejected facts"), ("candidates", "candidate facts")))
        lines.append(f"changed by this build: {delta} ({_count(len(built), 'document')} written with "
                     f"{_count(sum(r.facts for r in built), 'fact')}, {sum(len(r.rejected) for r in built)} rejected, "
                     f"{sum(r.candidates for r in built)} below confidence {min_confidence})")
    return "\n".join(lines)


def _read_query(args: argparse.Namespace) -> str:
    if args.expression is not None:
        if args.file is not None:
            raise UsageError(f"give a query file or -e QUERY, not both ({args.file} and -e)")
        return args.expression
    if args.file is None:
        raise UsageError("give a query file or -e QUERY")
    try:
        return Path(args.file).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"query file {args.file} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at "
                         f"offset {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise UsageError(f"cannot read query file {args.file}: {exc.strerror or exc}") from exc


def _substitutions(store: ox.Store, sparql: str, texts: list[str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """`--bind name=<IRI>` / `name="literal"` as pyoxigraph substitutions; a warning on standard error
    for a variable the query does not use and for a value the store holds nowhere."""
    from diplograph.graph.bindings import BindingError, parse_bindings

    try:
        bindings = parse_bindings(texts, stores.stored_base_iri(store), stores.PREFIXES)
    except BindingError as exc:
        hint = ""
        if any(text.partition("=")[2][:1] not in ("<", '"', "'") for text in texts):
            hint = " (a shell drops quotes: write NAME='\"text\"' for a literal)"
        raise UsageError(f"--bind {exc}{hint}") from exc
    substitutions = {}
    for binding in bindings:
        term = binding.to_term()
        if not re.search(rf"[?$]{re.escape(binding.name)}\b", sparql):
            print(f"warning: --bind {binding.name}: the query has no variable ?{binding.name}", file=sys.stderr)
        if not _occurs(store, term):
            print(f"warning: --bind {binding.name}={term}: the store holds no {'IRI' if binding.is_iri else 'value'}"
                  f" {term} anywhere, so the query may return nothing", file=sys.stderr)
        substitutions[ox.Variable(binding.name)] = term
    return substitutions


def _occurs(store: ox.Store, term: ox.NamedNode | ox.Literal) -> bool:
    """Whether the term is a subject, predicate, object or graph name of any quad."""
    patterns = [(None, None, term, None)]
    if isinstance(term, ox.NamedNode):
        patterns += [(term, None, None, None), (None, term, None, None), (None, None, None, term)]
    return any(next(iter(store.quads_for_pattern(*pattern)), None) is not None for pattern in patterns)


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
    store = stores.open_store(args.store, read_only=True)
    substitutions = _substitutions(store, sparql, args.bind) if args.bind else None
    try:
        results = stores.query(store, sparql, substitutions=substitutions)
    except SyntaxError as exc:
        print(f"error: query syntax: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        if substitutions and "projection" in str(exc):  # pyoxigraph binds only variables a SELECT returns
            raise UsageError(f"--bind: {exc}; list the variable after SELECT (or write SELECT *)") from exc
        raise
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


def cmd_load(args: argparse.Namespace) -> int:
    quads = api.load(args.store, args.file)
    print(f"loaded {quads} quads from {args.file} into {args.store}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from diplograph.api.server import run_from_args

    if stores.is_url(args.store):
        return run_from_args(args)
    path = Path(args.store)
    writable_and_new = getattr(args, "update_token", None) and (not path.exists() or stores.is_empty_folder(path))
    if not writable_and_new:  # with writes on, a new store may start empty
        stores.check_store(path)
    return run_from_args(args)


def cmd_reason(args: argparse.Namespace) -> int:
    from diplograph.graph.reason import ReasoningError, reason

    with stores.hold(args.store, "reason"):
        store = stores.open_store(args.store)
        try:
            result = reason(store, stores.stored_base_iri(store) or base_iri_from_env(None))
        except ReasoningError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        finally:
            del store
    print(result)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    from diplograph.graph.link import link

    with stores.hold(args.store, "link"):
        store = stores.open_store(args.store)
        base = stores.stored_base_iri(store) or base_iri_from_env(None)
        result = link(store, base, online=args.online, csv_path=Path(args.csv) if args.csv else None,
                      cache_dir=Path(args.cache_dir))
        print(result)
        if args.void:
            from diplograph.graph.link import write_linkset

            print(write_linkset(store, Path(args.void), base))
        del store
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from diplograph.evaluate import as_json, evaluate, table

    def warn(message: str) -> None:
        print(f"warning: {message}", file=sys.stderr)

    result = evaluate(args.gold, args.docs, Path(args.queries), base_iri_from_env(args.base_iri), warn=warn,
                      progress=_progress)
    if args.json:
        print(json.dumps({**as_json(result), "min_f1": args.min_f1, "passed": result.f1 >= args.min_f1}, indent=2))
    else:
        print(f"build: {result.build_seconds:.1f} s for {len(args.docs)} path(s)")
        print(table(result, verbose=args.verbose))
    if result.f1 < args.min_f1:
        print(f"error: overall F1 {result.f1:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from diplograph.train import TrainingError, write_models

    try:
        models = write_models(args.gold, Path(args.output), args.min_precision, progress=_progress,
                              relations=[r.strip() for r in args.relations.split(",") if r.strip()])
    except TrainingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for relation, model in models.items():
        cv = model["cross_validated"]
        if "accuracy" in cv:
            print(f"{relation}: {model['examples']} examples; cross-validated accuracy {cv['accuracy']} "
                  f"(always 'active': {cv['always_active']}) -> {Path(args.output) / (relation + '.json')}")
            continue
        print(f"{relation}: {model['examples']} examples ({model['positives']} positive) from {model['articles']} "
              f"articles; threshold {model['threshold']}: cross-validated {cv['right']} right, {cv['wrong']} wrong "
              f"-> {Path(args.output) / (relation + '.json')}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from diplograph.graph.docs import write_docs

    print(write_docs(Path(args.output)))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="diplograph", description="News about relations between countries, "
                                "as a validated, provenance-tracked knowledge graph.", formatter_class=HelpFormatter)
    p.add_argument("--version", action="version", version=f"diplograph {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text, formatter_class=HelpFormatter)

    def with_store(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--store", default=default_store(),
                        help="store directory (pyoxigraph on disk; env DIPLOGRAPH_STORE), or the http(s) URL of "
                        "a SPARQL 1.1 store: a server's root (Oxigraph: /query, /update) or its /sparql endpoint "
                        "(Virtuoso)")
        return add_remote_options(sp)

    b = with_store(command("build", "build or update the store from article files and folders"))
    b.add_argument("paths", nargs="+", help="text files or folders of them (*.txt, *.text)")
    b.add_argument("--base-iri", help="base of every minted IRI (env DIPLOGRAPH_BASE_IRI; default: the "
                   f"store's own, else {base_iri_from_env(None)})")
    b.add_argument("--max-bytes", type=int, default=api.DEFAULT_MAX_BYTES, help="largest file accepted")
    b.add_argument("--force", action="store_true", help="rebuild documents even when unchanged")
    b.add_argument("--min-confidence", type=float, default=float(os.environ.get("DIPLOGRAPH_MIN_CONFIDENCE",
                                                                              api.DEFAULT_MIN_CONFIDENCE)),
                   help="facts below this confidence are kept out of the graph, listed by `candidates` "
                   "(env DIPLOGRAPH_MIN_CONFIDENCE)")
    b.add_argument("--jobs", type=int, default=int(os.environ.get("DIPLOGRAPH_JOBS") or 1), metavar="N",
                   help="extract in N worker processes while this one writes each document, in input order "
                   "(env DIPLOGRAPH_JOBS); the store ends the same for any N")
    b.add_argument("--into", metavar="URL", help="send the documents to a running `diplograph serve` at URL "
                   "(http://HOST:PORT/) through the SPARQL 1.1 Graph Store Protocol instead of writing --store; "
                   "unchanged documents are skipped as in a local build")
    b.add_argument("--cluster", metavar="ADDRESS", help="extract on the workers of a Dask distributed scheduler "
                   "(tcp://HOST:8786) or of a local cluster of N worker processes (local:N) instead of --jobs; "
                   "needs pip install 'diplograph[cluster]'")
    b.add_argument("--token", help="with --into: the server's --update-token (env DIPLOGRAPH_UPDATE_TOKEN)")
    b.set_defaults(func=cmd_build)

    q = with_store(command("query", "run a SPARQL query"))
    q.add_argument("file", nargs="?", help="a .rq file (UTF-8)")
    q.add_argument("-e", dest="expression", help="the query text itself")
    q.add_argument("--format", default="table", help="result format",
                   choices=["json", "csv", "tsv", "xml", "table", "turtle", "ntriples", "rdfxml", "jsonld"])
    q.add_argument("--bind", action="append", default=[], metavar="NAME=VALUE",
                   help="give variable ?NAME a value before the query runs: NAME=<IRI>, NAME=dg:Country, "
                   "NAME='\"literal\"' (quote the quotes in a shell), NAME='\"text\"@en', NAME=2023; repeatable")
    q.set_defaults(func=cmd_query)

    v = with_store(command("validate", "SHACL report of the stored graph; exit 1 on violations"))
    v.set_defaults(func=cmd_validate)

    e = with_store(command("export", "write the graph in an RDF format"))
    e.add_argument("--format", default="turtle", choices=[*api.RDF_FORMATS, "owx", "ofn"], help="RDF format")
    e.add_argument("-o", "--output", help="output file; a folder (rdfxml, owx, ofn) gets the Protégé export: "
                   "ontology, individuals and catalog-v001.xml (default: standard output)")
    e.add_argument("--owl", action="store_true", help="with rdfxml and -o FILE: the Protégé-ready OWL 2 DL file")
    e.set_defaults(func=cmd_export)

    d = with_store(command("documents", "list the stored documents"))
    d.add_argument("--json", action="store_true", help="one JSON array instead of text")
    d.set_defaults(func=cmd_documents)

    c = with_store(command("candidates", "list facts kept out for low confidence"))
    c.set_defaults(func=cmd_candidates)

    r = with_store(command("remove", "remove a document and its facts"))
    r.add_argument("doc", help="document name, path or IRI")
    r.add_argument("--base-iri", help="base IRI of the document's name (default: the store's own)")
    r.set_defaults(func=cmd_remove)

    try:
        from diplograph.api.server import add_serve_arguments
    except ImportError:
        add_serve_arguments = None
    s = command("serve", "serve the store over SPARQL 1.1 and Linked Data")
    if add_serve_arguments:
        add_serve_arguments(s)
        for action in s._actions:  # the store and port as every other command has them
            if action.dest == "store":
                action.required = False
                action.default = default_store()
            elif action.dest == "port" and action.default == SERVE_PORT:
                action.help = (f"{action.help} (default: {SERVE_PORT}, Oxigraph's; "
                               "`make run` serves on 8000)")
    add_remote_options(s)
    s.set_defaults(func=cmd_serve)

    ld = with_store(command("load", "bulk-load an N-Quads file (.nq or .nq.gz, as `export --format nquads` "
                            "writes) into a store"))
    ld.add_argument("file", help="the N-Quads file; .gz is read compressed")
    ld.set_defaults(func=cmd_load)

    rs = with_store(command("reason", "HermiT reasoning; inferences go to their own graph"))
    rs.set_defaults(func=cmd_reason)

    lk = with_store(command("link", "link entities to Wikidata"))
    lk.add_argument("--online", action="store_true", help="ask Wikidata's search API")
    lk.add_argument("--csv", help="CSV of `local label or IRI, external IRI`")
    lk.add_argument("--cache-dir", default=".diplograph-cache", help="where Wikidata's answers are kept")
    lk.add_argument("--void", metavar="FILE", help="also write the links and their VoID Linkset as Turtle")
    lk.set_defaults(func=cmd_link)

    ev = command("evaluate", "score extraction against competency-question gold files: build a temporary "
                 "store from DOCS, run the eight cqNN_*.rq and match their rows with the gold")
    ev.add_argument("docs", nargs="+", metavar="DOCS", help="article files or folders to build from")
    ev.add_argument("--gold", action="append", required=True, metavar="FILE|DIR",
                    help="gold JSON file, or a folder of them (repeatable)")
    ev.add_argument("-v", "--verbose", action="store_true", help="list missed and extra rows")
    ev.add_argument("--json", action="store_true", help="the result as JSON (figures, misses and extras)")
    ev.add_argument("--min-f1", type=float, default=0.0, help="exit 1 when the overall F1 is below this")
    ev.add_argument("--queries", default=str(QUERIES_DIR), help="folder holding cqNN_*.rq")
    ev.add_argument("--base-iri", help="base of minted IRIs (env DIPLOGRAPH_BASE_IRI)")
    ev.set_defaults(func=cmd_evaluate)

    tr = command("train", "fit the learned readers (home countries, market activity and its status, memberships; "
                 "areas of cooperation on request) on annotated articles: gold JSON files beside their texts, "
                 "as `evaluate` reads them")
    tr.add_argument("gold", nargs="+", metavar="FILE|DIR", help="gold JSON files, or folders of them")
    tr.add_argument("-o", "--output", default=str(MODELS_DIR),
                    help="folder for one RELATION.json per relation and status.json (extraction reads them "
                         "from env DIPLOGRAPH_MODELS_DIR)")
    tr.add_argument("--min-precision", type=float, default=0.8,
                    help="the cross-validated precision a model must reach on its own at its threshold")
    tr.add_argument("--relations", default="home,activity,membership",
                    help="the relations to learn, of home, activity, membership and cooperation (areas of "
                         "cooperation are off by default: on fresh articles they were mostly wrong)")
    tr.set_defaults(func=cmd_train)

    dc = command("docs", "write the ontology's HTML documentation")
    dc.add_argument("-o", "--output", default="docs/ontology.html", help="the HTML file")
    dc.set_defaults(func=cmd_docs)
    return p


REMOTE_OPTIONS = {  # option: (environment variable the remote store reads, help)
    "store_query": ("query", "with a store URL: its SPARQL query endpoint, when not the convention's"),
    "store_update": ("update", "with a store URL: its SPARQL Update endpoint, when not the convention's"),
    "store_user": ("user", "with a store URL: user name for basic or digest authentication"),
    "store_password": ("password", "with a store URL: the password (better in the environment)"),
    "store_token": ("token", "with a store URL: a bearer token"),
    "store_auth": ("auth", "with a store URL: basic, digest or bearer (default: bearer with a token, else basic)"),
}


def add_remote_options(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
    for dest, (key, text) in REMOTE_OPTIONS.items():
        sp.add_argument("--" + dest.replace("_", "-"), dest=dest, metavar="VALUE" if key in ("user", "auth") else
                        "URL" if key in ("query", "update") else "SECRET", help=f"{text} (env {stores.STORE_ENV[key]})")
    return sp


def apply_remote_options(args: argparse.Namespace) -> None:
    """Options given on the command line become the environment the remote store reads, so the
    endpoint's engine processes inherit them too; secrets are never echoed."""
    for dest, (key, _) in REMOTE_OPTIONS.items():
        value = getattr(args, dest, None)
        if value:
            os.environ[stores.STORE_ENV[key]] = value


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    apply_remote_options(args)
    try:
        return args.func(args)
    except (stores.StoreError, UsageError, EvaluationError, ClusterError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file that cannot be written or read: one line, not a traceback
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
