"""Commands that read a store: validate, queries, query, export, summary, explain."""

from __future__ import annotations

import argparse
import sys

from kg.cli.targets import reader


def validate_command(args: argparse.Namespace) -> int:
    from kg.remote import Endpoint
    from kg.remote import client as remote
    from kg.store import graphs_holding, named_graphs
    from kg.validate import Report, validate_graph, validate_store

    with reader(args) as target:
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


def queries_command(_args: argparse.Namespace) -> int:
    from kg.queries import list_queries

    for q in list_queries():
        params = f" [--param {' --param '.join(p + '=...' for p in q.parameters)}]" if q.parameters else ""
        per_trial = " (--trial IRI|NCT: one trial's rows)" if "trial_iri" in q.restrict else ""
        print(f"{q.name}{params}\n    {q.title}: {q.description}{per_trial}")
    return 0


def query_command(args: argparse.Namespace) -> int:
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
    with reader(args) as target:
        if args.trial:
            query = restrict(query, "trial_iri", trial_iris(target, args.trial))
        table = run(target, query, params)
    render = {"csv": to_csv, "json": to_json, "table": to_text_table}[args.format]
    text = render(table)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def export_command(args: argparse.Namespace) -> int:
    from kg.cli.parser import SYNTHESIS_FORMATS
    from kg.cli.synthesis import synthesis_bytes
    from kg.export import OWL_FORMATS, export_bytes, owl_export_bytes, write_atomically, write_owl_bundle
    from kg.namespaces import base_iri
    from kg.remote import Endpoint
    from kg.remote.client import dataset

    with reader(args) as target:
        source = (
            target
            if args.format in SYNTHESIS_FORMATS or not isinstance(target, Endpoint)
            else dataset(target)
        )
        if args.format in SYNTHESIS_FORMATS:  # contrasts for meta-analysis, not RDF
            data = synthesis_bytes(target, args)
        elif args.format in OWL_FORMATS and args.out:
            for path in write_owl_bundle(source, args.format, args.out, base_iri(args.base)):
                print(f"wrote {path}", file=sys.stderr)
            return 0
        elif args.format in OWL_FORMATS:
            data = owl_export_bytes(source, args.format, base_iri(args.base))
        else:
            data = export_bytes(source, args.format)
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
