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


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctkg", description="Clinical-trial reports to a validated, queryable RDF knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"ctkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("example", help="build the bundled CONTACT-01 example, validate it, print a summary")
    _store_option(p)
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )

    p = sub.add_parser("build", help="parse, map, validate and load documents (all or nothing)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, or folders of them")
    _store_option(p)
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )
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

    p = sub.add_parser("export", help="export the store as RDF")
    p.add_argument("--format", choices=("ttl", "nt", "nq", "trig", "jsonld", "rdfxml"), default="nq")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")
    _store_option(p)

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
    from kg.fetch import FetchError
    from kg.queries import QueryError
    from kg.sources import SourceError
    from kg.store import StoreError

    try:
        return _COMMANDS[args.command](args)
    except (SourceError, BuildError, QueryError, StoreError, FetchError, ValueError) as err:
        print(f"ctkg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _build(args: argparse.Namespace) -> int:
    from kg.build import build_store
    from kg.store import default_store_path

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
    for f in result.cross_document:
        print(f"  across documents: {f}", file=sys.stderr)
    violations = sum(len(d.report.violations) for d in result.documents)
    warnings = sum(len(d.report.warnings) for d in result.documents)
    print(
        f"loaded {len(result.documents):,} document(s), {result.triples:,} triples, into {location}"
        f" ({violations} violations, {warnings} warnings;"
        f" {len(result.cross_document)} finding(s) across documents)",
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
        argparse.Namespace(
            inputs=paths, store=args.store, base=None, allow_invalid=False, keep_going=True, jobs=None
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
    from kg.store import graphs_holding, named_graphs, open_store
    from kg.validate import validate_store

    with open_store(args.store, read_only=True) as store:
        graphs = named_graphs(store)
        if not graphs:
            print("the store is empty: nothing to validate", file=sys.stderr)
            return 1
        report = validate_store(store)
        state = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
        print(f"{len(graphs)} source graph(s): {state}, {len(report.warnings)} warning(s)")
        for f in report.findings:
            print(f"  {f}  [in {', '.join(f'<{g}>' for g in graphs_holding(store, f.focus))}]")
    return 0 if report.conforms else 1


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
    from kg.export import export_bytes, write_atomically
    from kg.store import open_store

    with open_store(args.store, read_only=True) as store:
        data = export_bytes(store, args.format)
    if args.out:
        write_atomically(data, args.out)
        print(f"wrote {len(data)} bytes to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
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
    "explain": _explain,
    "remove": _remove,
    "fetch": _fetch,
}


if __name__ == "__main__":
    sys.exit(main())
