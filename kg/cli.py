"""The ``ctkg`` command: a thin layer over the library; data on stdout, progress on stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg import __version__
from kg.resources import bundled_path

EXAMPLE = "contact-01.pubmed.txt"


def _store_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        metavar="DIR",
        help="store folder (default: $CTKG_STORE or ~/.local/share/ctkg/store)",
    )


def _base_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
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

    p = sub.add_parser("remove", help="take one source's named graph out of the store")
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="graph IRI, or source file name as in 'sources'"
    )
    _store_option(p)

    p = sub.add_parser("validate", help="validate every source graph in the store against the shapes")
    _store_option(p)

    sub.add_parser("queries", help="list the bundled queries")

    p = sub.add_parser("query", help="run a bundled query (by name) or a .rq file")
    p.add_argument("query", metavar="NAME|FILE.rq")
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="query parameter")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _store_option(p)

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

    p = sub.add_parser(
        "explain", help="show each extracted fact in the sentence it was read from, and what was not read"
    )
    p.add_argument("--trial", help="only this trial (its label, e.g. CONTACT-01)")
    _store_option(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from kg.build import BuildError
    from kg.enrich import EnrichError
    from kg.fetch import FetchError
    from kg.queries import QueryError
    from kg.sources import SourceError
    from kg.store import StoreError

    try:
        return _COMMANDS[args.command](args)
    except (SourceError, BuildError, QueryError, StoreError, FetchError, EnrichError, ValueError) as err:
        print(f"ctkg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _build(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.store import open_store

    with open_store(args.store) as store:
        result = build(
            args.inputs, store, base=args.base, allow_invalid=args.allow_invalid, keep_going=args.keep_going
        )
    for failure in result.failures:
        print(f"not loaded: {failure}", file=sys.stderr)
    for d in result.documents:
        for f in d.report.findings:
            print(f"  {d.path}: {f}", file=sys.stderr)
        print(
            f"loaded {d.path}: {len(d.graph)} triples into <{d.graph_iri}>"
            f" ({len(d.report.violations)} violations, {len(d.report.warnings)} warnings)",
            file=sys.stderr,
        )
    return 1 if result.failures else 0


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
        argparse.Namespace(inputs=paths, store=args.store, base=None, allow_invalid=False, keep_going=True)
    )


def _remove(args: argparse.Namespace) -> int:
    from kg.store import open_store, remove_sources

    with open_store(args.store) as store:
        removed = remove_sources(store, args.sources)
    for iri in removed:
        print(f"removed <{iri}>", file=sys.stderr)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from kg.store import graph_of, named_graphs, open_store
    from kg.validate import validate_graph

    failed = 0
    with open_store(args.store, read_only=True) as store:
        graphs = named_graphs(store)
        for iri in graphs:
            report = validate_graph(graph_of(store, iri))
            state = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
            print(f"{iri}: {state}, {len(report.warnings)} warning(s)")
            for f in report.findings:
                print(f"  {f}")
            failed += not report.conforms
    if not graphs:
        print("the store is empty: nothing to validate", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _queries(_args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    for q in list_queries():
        params = f" [--param {' --param '.join(p + '=...' for p in q.parameters)}]" if q.parameters else ""
        print(f"{q.name}{params}\n    {q.title}: {q.description}")
    return 0


def _query(args: argparse.Namespace) -> int:
    from kg.queries import QueryError, load_query, run, to_csv, to_json, to_text_table
    from kg.store import open_store

    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key] = value
    query = load_query(args.query)
    with open_store(args.store, read_only=True) as store:
        table = run(store, query, params)
    render = {"csv": to_csv, "json": to_json, "table": to_text_table}[args.format]
    text = render(table)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kg.export import OWL_FORMATS, export_bytes, owl_export_bytes, write_atomically, write_owl_bundle
    from kg.namespaces import base_iri
    from kg.store import open_store

    with open_store(args.store, read_only=True) as store:
        if args.format in OWL_FORMATS and args.out:
            for path in write_owl_bundle(store, args.format, args.out, base_iri(args.base)):
                print(f"wrote {path}", file=sys.stderr)
            return 0
        if args.format in OWL_FORMATS:
            data = owl_export_bytes(store, args.format, base_iri(args.base))
        else:
            data = export_bytes(store, args.format)
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


def _summary(args: argparse.Namespace) -> int:
    from kg.store import open_store
    from kg.summary import summary

    with open_store(args.store, read_only=True) as store:
        print(summary(store))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from kg.store import open_store
    from kg.summary import explain

    with open_store(args.store, read_only=True) as store:
        print(explain(store, args.trial))
    return 0


def _example(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.store import open_store
    from kg.summary import summary

    path = bundled_path("examples", EXAMPLE)
    with open_store(args.store) as store:
        doc = build([path], store, base=args.base).documents[0]
        print(f"Built {Path(path).name}: {len(doc.graph)} triples in <{doc.graph_iri}>")
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
    "explain": _explain,
    "remove": _remove,
    "fetch": _fetch,
    "reason": _reason,
    "docs": _docs,
    "enrich": _enrich,
}


if __name__ == "__main__":
    sys.exit(main())
