"""Commands that read a store: validate, queries, query, export, summary, explain."""

from __future__ import annotations

import argparse
import sys

from kg.cli.targets import reader


def validate_command(args: argparse.Namespace) -> int:
    """Every shape, cross-document checks included, on the embedded store or a server: the
    same findings on both (a server's ctkg graphs are validated in a local copy)."""
    from kg.stores.embedded import graphs_holding
    from kg.validate import validate_store

    with reader(args) as store:
        graphs = store.source_graphs()
        if not graphs:
            print("the store is empty: nothing to validate", file=sys.stderr)
            return 1
        local = store.local()
        report = validate_store(local)
        where = {f.focus: graphs_holding(local, f.focus) for f in report.findings}
    state = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    print(f"{len(graphs)} source graph(s): {state}, {len(report.warnings)} warning(s)")
    for f in report.findings:
        print(f"  {f}  [in {', '.join(f'<{g}>' for g in sorted(set(where[f.focus])))}]")
    return 0 if report.conforms else 1


def queries_command(_args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    for q in list_queries():
        params = f" [--param {' --param '.join(p + '=...' for p in q.parameters)}]" if q.parameters else ""
        per_trial = " (--trial IRI|NCT: one trial's rows)" if "trial_iri" in q.restrict else ""
        print(f"{q.name}{params}\n    {q.title}: {q.description}{per_trial}")
    return 0


def query_command(args: argparse.Namespace) -> int:
    from kg.paging import page, stream
    from kg.queries import (
        QueryError,
        load_query,
        restrict,
        run,
        to_csv,
        to_json,
        to_text_table,
        trial_iris,
        write_csv,
    )

    params = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        params[key] = value
    query = load_query(args.query)
    if args.trial and "trial_iri" not in query.restrict:
        raise QueryError(f"--trial: query {query.name!r} cannot be restricted to a trial")
    if args.offset and args.limit is None:
        raise QueryError("--offset: give the page's size with --limit too")
    with reader(args) as target:
        if args.trial:
            query = restrict(query, "trial_iri", trial_iris(target, args.trial))
        if args.format == "csv" and args.limit is None:  # row by row, in constant memory
            columns, rows = stream(target, query, params)
            write_csv(columns, rows, sys.stdout)
            return 0
        table = (
            run(target, query, params)
            if args.limit is None
            else page(target, query, params, args.limit, args.offset)
        )
    render = {"csv": to_csv, "json": to_json, "table": to_text_table}[args.format]
    text = render(table)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def export_command(args: argparse.Namespace) -> int:
    from kg.cli.parser import SYNTHESIS_FORMATS
    from kg.cli.synthesis import synthesis_bytes
    from kg.export import export_bytes
    from kg.files import write_atomically
    from kg.namespaces import base_iri
    from kg.owl.protege import OWL_FORMATS, owl_export_bytes, write_owl_bundle

    with reader(args) as store:
        if args.format in SYNTHESIS_FORMATS:  # contrasts for meta-analysis, not RDF
            data = synthesis_bytes(store, args)
        elif args.format in OWL_FORMATS and args.out:
            source = store.local()  # a server's ctkg graphs only, read as N-Triples
            for path in write_owl_bundle(source, args.format, args.out, base_iri(args.base)):
                print(f"wrote {path}", file=sys.stderr)
            return 0
        elif args.format in OWL_FORMATS:
            data = owl_export_bytes(store.local(), args.format, base_iri(args.base))
        else:
            data = export_bytes(store.local(), args.format)
    if args.out:
        write_atomically(data, args.out)
        print(f"wrote {len(data)} bytes to {args.out}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def summary_command(args: argparse.Namespace) -> int:
    from kg.summary import summary

    with reader(args) as target:
        print(summary(target))
    return 0


def explain_command(args: argparse.Namespace) -> int:
    from kg.summary import explain

    with reader(args) as target:
        print(explain(target, args.trial))
    return 0
