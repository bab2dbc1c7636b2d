"""The ``ctkg`` command: a thin layer over the library; data on stdout, progress on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg import __version__
from kg.resources import bundled_path

EXAMPLE = "contact-01.pubmed.txt"
CROSS_SHOWN = 20  # cross-document findings printed by a build; 'ctkg validate' lists all


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        metavar="DIR",
        help="store folder (default: $CTKG_STORE or ~/.local/share/ctkg/store)",
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def _base_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )


def _endpoint_options(p: argparse.ArgumentParser, write: bool = False) -> None:
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="SPARQL query endpoint of a remote store, instead of the embedded one"
        " (default: $CTKG_ENDPOINT or the config file); it must query the union of named graphs"
        " as its default graph (oxigraph serve --union-default-graph; Fuseki tdb:unionDefaultGraph)",
    )
    p.add_argument("--timeout", type=float, metavar="S", help="seconds to wait for the server (default 60)")
    if not write:
        return
    p.add_argument(
        "--update-url", metavar="URL", help="SPARQL Update endpoint (default: derived from --endpoint)"
    )
    p.add_argument(
        "--graph-store", metavar="URL", help="Graph Store endpoint (default: derived from --endpoint)"
    )
    p.add_argument(
        "--protocol",
        choices=("gsp", "update"),
        default="gsp",
        help="gsp: PUT each graph (Graph Store Protocol); update: SPARQL Update batches",
    )
    p.add_argument("--batch-size", type=int, default=50, metavar="N", help="graphs per batch (default 50)")
    p.add_argument(
        "--max-request-bytes",
        type=int,
        default=8_000_000,
        metavar="B",
        help="larger graphs go in pieces to a temporary graph, then MOVE (default 8000000)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctkg", description="Clinical-trial reports to a validated, queryable RDF knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"ctkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("example", help="build the bundled CONTACT-01 example, validate it, print a summary")
    _store_option(p)
    _base_option(p)

    p = sub.add_parser("build", help="parse, map, validate and load documents (all or nothing)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, or folders of them")
    _store_option(p)
    _base_option(p)
    p.add_argument("--allow-invalid", action="store_true", help="load graphs that break shape rules")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="load the files that parse and validate, report the others (exit 1), instead of loading nothing",
    )
    p.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes that parse, map and validate (default: every core)",
    )
    _endpoint_options(p, write=True)

    p = sub.add_parser("fetch", help="download PubMed or ClinicalTrials.gov records, then import them")
    p.add_argument("service", choices=("pubmed", "ctgov"))
    p.add_argument("ids", nargs="+", metavar="ID", help="PMIDs (pubmed) or NCT ids (ctgov)")
    p.add_argument(
        "--follow",
        action="append",
        default=[],
        choices=("cited-by", "similar", "references"),
        help="also fetch the articles PubMed links each PMID to (one hop)",
    )
    p.add_argument("--cache", metavar="DIR", help="download folder (default: $CTKG_CACHE or ~/.cache/ctkg)")
    p.add_argument("--no-import", action="store_true", help="only download; print the cached files")
    _store_option(p)
    _endpoint_options(p, write=True)

    p = sub.add_parser("remove", help="take one source's named graph out of the store")
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="graph IRI, or source file name as in 'sources'"
    )
    _store_option(p)

    p = sub.add_parser("validate", help="validate every source graph in the store against the shapes")
    _store_option(p)
    _endpoint_options(p)

    sub.add_parser("queries", help="list the bundled queries")

    p = sub.add_parser("query", help="run a bundled query (by name) or a .rq file")
    p.add_argument("query", metavar="NAME|FILE.rq")
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="query parameter")
    p.add_argument(
        "--trial",
        action="append",
        default=[],
        metavar="IRI|NCT",
        help="only the rows of this trial (IRI or NCT number; repeatable), for queries that allow it",
    )
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_option(p)
    _endpoint_options(p)

    p = sub.add_parser("export", help="export the store as RDF, or as OWL for Protégé")
    p.add_argument(
        "--format",
        choices=("ttl", "nt", "nq", "trig", "jsonld", "rdfxml", "owl", "owl-ttl"),
        default="nq",
        help="owl / owl-ttl: an OWL 2 DL document (RDF/XML / Turtle) importing the ontology; with --out "
        "the ontology (ontology.owl) and a Protégé catalog are written beside it",
    )
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")
    _base_option(p)
    _store_option(p)
    _endpoint_options(p)

    p = sub.add_parser("serve", help="serve the store as a SPARQL endpoint (read-only) and linked-data pages")
    _store_option(p)
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="query timeout in seconds (default 30)"
    )
    p.add_argument(
        "--row-limit", type=int, default=10_000, metavar="N", help="most rows per answer (default 10000)"
    )
    p.add_argument(
        "--writable",
        action="store_true",
        help="accept SPARQL updates at /update (holds the store's lock: builds must wait)",
    )
    p.add_argument("--workers", type=int, default=3, metavar="N", help="query worker processes (default 3)")
    p.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="IRI",
        help="an endpoint queries may call with SERVICE (repeatable; default: none)",
    )

    p = sub.add_parser(
        "reason", help="infer types (HermiT or SPARQL rules) into the graph <base>graph/inferred"
    )
    p.add_argument("--method", choices=("hermit", "rules"), default="hermit")
    p.add_argument("--batch", type=int, default=25, metavar="N", help="trials per HermiT run (default 25)")
    _base_option(p)
    _store_option(p)

    p = sub.add_parser(
        "enrich",
        help="fetch labels and cross-references of mapped drugs and conditions from a SPARQL endpoint",
    )
    p.add_argument("--endpoint", required=True, metavar="URL", help="Wikidata-shaped SPARQL endpoint")
    _base_option(p)
    _store_option(p)

    p = sub.add_parser("docs", help="write the HTML reference of the ontology (every class and property)")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")

    p = sub.add_parser("summary", help="print a readable summary of the trials in the store")
    _store_option(p)
    _endpoint_options(p)

    p = sub.add_parser(
        "publish", help="write the linked-data site as static files: pages, .ttl/.jsonld per resource, VoID"
    )
    p.add_argument("dir", metavar="DIR", help="output folder (replaced whole, atomically)")
    _store_option(p)
    p.add_argument(
        "--base", help="base IRI of the instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )
    p.add_argument(
        "--endpoint", metavar="URL", help="SPARQL endpoint for the editor page and the VoID description"
    )

    p = sub.add_parser(
        "explain", help="show each extracted fact in the sentence it was read from, and what was not read"
    )
    p.add_argument("--trial", help="only this trial (its label, e.g. CONTACT-01)")
    _store_option(p)
    _endpoint_options(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from kg.build import BuildError
    from kg.enrich import EnrichError
    from kg.fetch import FetchError
    from kg.queries import QueryError
    from kg.remote import RemoteError
    from kg.sources import SourceError
    from kg.store import StoreError

    try:
        return _COMMANDS[args.command](args)
    except (
        SourceError,
        BuildError,
        QueryError,
        StoreError,
        FetchError,
        RemoteError,
        EnrichError,
        ValueError,
    ) as err:
        print(f"ctkg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _endpoint(args: argparse.Namespace):
    """The remote endpoint the command should use, or None for the embedded store
    (an explicit --store wins over a configured default endpoint)."""
    from kg.remote import resolve_endpoint

    url = getattr(args, "endpoint", None)
    if args.store and not url:
        return None
    return resolve_endpoint(
        url,
        getattr(args, "update_url", None),
        getattr(args, "graph_store", None),
        getattr(args, "timeout", None),
    )


@contextmanager
def _reader(args: argparse.Namespace) -> Iterator:
    """What a reading command reads: a remote endpoint, or the embedded store opened read-only."""
    from kg.store import open_store

    endpoint = _endpoint(args)
    if endpoint:
        yield endpoint
        return
    with open_store(args.store, read_only=True) as store:
        yield store


def _build(args: argparse.Namespace) -> int:
    from kg.build import build_store, collect
    from kg.store import default_store_path

    endpoint = _endpoint(args)
    if endpoint:
        result = collect(
            args.inputs, base=args.base, allow_invalid=args.allow_invalid, keep_going=args.keep_going
        )
        if not _upload(endpoint, result, args):
            return 1
        location = endpoint.query_url
    else:
        location = args.store or default_store_path()
        result = build_store(
            args.inputs,
            location,
            base=args.base,
            allow_invalid=args.allow_invalid,
            keep_going=args.keep_going,
            jobs=args.jobs,
        )
    for failure in result.failures:
        print(f"not loaded: {failure}", file=sys.stderr)
    for d in result.documents:
        for f in d.report.findings:
            print(f"  {d.path}: {f}", file=sys.stderr)
    for f in result.cross_document[:CROSS_SHOWN]:
        print(f"  across documents: {f}", file=sys.stderr)
    if len(result.cross_document) > CROSS_SHOWN:
        more = len(result.cross_document) - CROSS_SHOWN
        print(f"  ... and {more} more across documents ('ctkg validate' lists all)", file=sys.stderr)
    violations = sum(len(d.report.violations) for d in result.documents)
    warnings = sum(len(d.report.warnings) for d in result.documents)
    print(
        f"loaded {len(result.documents):,} document(s), {result.triples:,} triples, into {location}"
        f" ({violations} violations, {warnings} warnings;"
        f" {len(result.cross_document)} finding(s) across documents)",
        file=sys.stderr,
    )
    return 1 if result.failures else 0


def _upload(endpoint, result, args: argparse.Namespace) -> bool:
    """Send the collected graphs to the endpoint; say which documents went in and which did not."""
    from kg.remote.load import upload
    from kg.store import ontology_terms

    report = upload(
        endpoint,
        [(d.graph_iri, d.graph) for d in result.documents],
        protocol=args.protocol,
        batch_size=args.batch_size,
        max_bytes=args.max_request_bytes,
        progress=lambda message: print(message, file=sys.stderr),
    )
    if report.error is None:  # then the ontology's terms, as kg.build does for the embedded store
        report = upload(
            endpoint, [ontology_terms()], protocol=args.protocol, max_bytes=args.max_request_bytes
        )
    if report.error is None:
        return True
    path_of = {str(d.graph_iri): d.path for d in result.documents}
    print(f"ctkg build: error: {report.error}", file=sys.stderr)
    print(f"loaded {len(report.loaded)} of {len(path_of)} document graph(s):", file=sys.stderr)
    for iri in report.loaded:
        print(f"  loaded     {path_of[iri]} <{iri}>", file=sys.stderr)
    for iri in report.not_loaded:
        print(f"  not loaded {path_of[iri]} <{iri}>", file=sys.stderr)
    return False


def _fetch(args: argparse.Namespace) -> int:
    import re

    from kg.fetch import Fetcher, default_cache

    pattern = r"^[0-9]{1,9}$" if args.service == "pubmed" else r"^NCT[0-9]{8}$"
    bad = [i for i in args.ids if not re.match(pattern, i)]
    if bad:
        raise ValueError(f"not a {'PMID' if args.service == 'pubmed' else 'NCT id'}: {', '.join(bad)}")
    fetcher = Fetcher(cache=Path(args.cache) if args.cache else default_cache())
    ids = list(args.ids)
    if args.service == "pubmed":
        for pmid in args.ids:
            for link in args.follow:
                ids += [i for i in fetcher.linked(pmid, link) if i not in ids]
        paths = fetcher.pubmed(ids)
    else:
        paths = fetcher.trials(ids)
    for path in paths:
        print(path)
    if args.no_import:
        return 0
    return _build(
        argparse.Namespace(
            **{
                **vars(args),
                "inputs": paths,
                "base": None,
                "allow_invalid": False,
                "keep_going": True,
                "jobs": None,
            }
        )
    )


def _remove(args: argparse.Namespace) -> int:
    from kg.store import open_store, remove_sources

    with open_store(args.store) as store:
        removed = remove_sources(store, args.sources)
    for iri in removed:
        print(f"removed <{iri}>", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kg.remote import Endpoint
    from kg.remote import client as remote
    from kg.store import graphs_holding, named_graphs
    from kg.validate import Report, validate_graph, validate_store

    with _reader(args) as target:
        graphs = (remote.source_graphs if isinstance(target, Endpoint) else named_graphs)(target)
        if not graphs:
            print("the store is empty: nothing to validate", file=sys.stderr)
            return 1
        where: dict[str, list[str]] = {}  # focus node -> graphs that describe it
        if isinstance(target, Endpoint):  # one graph at a time over HTTP, with pySHACL
            report = Report()
            for iri in graphs:
                found = validate_graph(remote.graph(target, iri)).findings
                report.findings += found
                for f in found:
                    where.setdefault(f.focus, []).append(iri)
            report.sort()
        else:
            report = validate_store(target)
            where = {f.focus: graphs_holding(target, f.focus) for f in report.findings}
    state = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    print(f"{len(graphs)} source graph(s): {state}, {len(report.warnings)} warning(s)")
    for f in report.findings:
        print(f"  {f}  [in {', '.join(f'<{g}>' for g in sorted(set(where[f.focus])))}]")
    return 0 if report.conforms else 1


def _queries(_args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    for q in list_queries():
        params = f" [--param {' --param '.join(p + '=...' for p in q.parameters)}]" if q.parameters else ""
        per_trial = " (--trial IRI|NCT: one trial's rows)" if "trial_iri" in q.restrict else ""
        print(f"{q.name}{params}\n    {q.title}: {q.description}{per_trial}")
    return 0


def _query(args: argparse.Namespace) -> int:
    from kg.queries import QueryError, load_query, restrict, run, to_csv, to_json, to_text_table, trial_iris

    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key] = value
    query = load_query(args.query)
    if args.trial and "trial_iri" not in query.restrict:
        raise QueryError(f"--trial: query {query.name!r} cannot be restricted to a trial")
    with _reader(args) as target:
        if args.trial:
            query = restrict(query, "trial_iri", trial_iris(target, args.trial))
        table = run(target, query, params)
    render = {"csv": to_csv, "json": to_json, "table": to_text_table}[args.format]
    text = render(table)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kg.export import OWL_FORMATS, export_bytes, owl_export_bytes, write_atomically, write_owl_bundle
    from kg.namespaces import base_iri
    from kg.remote import Endpoint
    from kg.remote.client import dataset

    with _reader(args) as target:
        source = dataset(target) if isinstance(target, Endpoint) else target
        if args.format in OWL_FORMATS and args.out:
            for path in write_owl_bundle(source, args.format, args.out, base_iri(args.base)):
                print(f"wrote {path}", file=sys.stderr)
            return 0
        if args.format in OWL_FORMATS:
            data = owl_export_bytes(source, args.format, base_iri(args.base))
        else:
            data = export_bytes(source, args.format)
    if args.out:
        write_atomically(data, args.out)
        print(f"wrote {len(data)} bytes to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def _reason(args: argparse.Namespace) -> int:
    from kg.namespaces import base_iri
    from kg.reason import inferred_graph_iri, reason
    from kg.store import open_store

    base = base_iri(args.base)
    with open_store(args.store) as store:
        inferred = reason(store, base, args.method, args.batch, lambda m: print(m, file=sys.stderr))
    print(f"{len(inferred)} inferred types in <{inferred_graph_iri(base)}> ({args.method})")
    return 0


def _enrich(args: argparse.Namespace) -> int:
    from kg.enrich import enrich, enrichment_graph_iri
    from kg.namespaces import base_iri
    from kg.store import open_store

    base = base_iri(args.base)
    with open_store(args.store) as store:
        graph = enrich(store, args.endpoint, base)
    print(f"{len(graph)} triples from {args.endpoint} in <{enrichment_graph_iri(base)}>")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from kg.docs import ontology_html
    from kg.export import write_atomically
    from kg.owl import ontology_graph

    html = ontology_html(ontology_graph())
    if args.out:
        write_atomically(html.encode(), args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(html)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from kg.namespaces import base_iri
    from kg.serve import ServeOptions, serve
    from kg.store import StoreError, default_store_path

    path = Path(args.store) if args.store else default_store_path()
    options = ServeOptions(
        timeout_s=args.timeout,
        row_limit=args.row_limit,
        workers=max(1, args.workers),
        allowed_services=frozenset(args.allow_service),
    )
    try:
        serve(path, args.host, args.port, str(base_iri(args.base)), options, args.writable)
    except (FileNotFoundError, OSError, RuntimeError) as err:
        raise StoreError(f"cannot serve {path}: {err}") from None
    return 0


def _summary(args: argparse.Namespace) -> int:
    from kg.summary import summary

    with _reader(args) as target:
        print(summary(target))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from kg.summary import explain

    with _reader(args) as target:
        print(explain(target, args.trial))
    return 0


def _publish(args: argparse.Namespace) -> int:
    from kg.namespaces import base_iri
    from kg.store import open_store
    from kg.web.publish import publish

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    with open_store(args.store, read_only=True) as store:
        result = publish(store, args.dir, base_iri(args.base), endpoint=args.endpoint, progress=progress)
    for iri in result.skipped:
        print(f"not published (its path cannot be a file name): <{iri}>", file=sys.stderr)
    print(f"published {result.resources} resources in {result.files} files to {args.dir}", file=sys.stderr)
    return 0


def _example(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.store import open_store
    from kg.summary import summary

    path = bundled_path("examples", EXAMPLE)
    with open_store(args.store) as store:
        doc = build([path], store, base=args.base).documents[0]
        print(f"Built {Path(path).name}: {doc.triples} triples in <{doc.graph_iri}>")
        print(
            f"Validation: {'conforms' if doc.report.conforms else 'VIOLATIONS'}"
            f" ({len(doc.report.violations)} violations, {len(doc.report.warnings)} warnings)"
        )
        for f in doc.report.findings:
            print(f"  {f}")
        print(summary(store))
    return 0


_COMMANDS = {
    "example": _example,
    "build": _build,
    "validate": _validate,
    "queries": _queries,
    "query": _query,
    "export": _export,
    "summary": _summary,
    "serve": _serve,
    "explain": _explain,
    "remove": _remove,
    "fetch": _fetch,
    "reason": _reason,
    "docs": _docs,
    "enrich": _enrich,
    "publish": _publish,
}


if __name__ == "__main__":
    sys.exit(main())
