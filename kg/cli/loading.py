"""Commands that put documents into a store: build, fetch, remove, example."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.cli.targets import chosen_endpoint
from kg.resources import bundled_path

EXAMPLE = "contact-01.pubmed.txt"
CROSS_SHOWN = 20  # cross-document findings printed by a build; 'ctkg validate' lists all


def build_command(args: argparse.Namespace) -> int:
    from kg.build import build_store, collect
    from kg.findings import refresh as refresh_findings
    from kg.stores.embedded import default_store_path
    from kg.stores.remote import RemoteStore

    endpoint = chosen_endpoint(args)
    cluster = _cluster(args)
    if endpoint:
        result = collect(
            args.inputs,
            base=args.base,
            allow_invalid=args.allow_invalid,
            keep_going=args.keep_going,
            cluster=cluster,
        )
        if not _upload(endpoint, result, args):
            return 1
        refresh_findings(RemoteStore(endpoint), [d.graph_iri for d in result.documents])
        result.cross_document = _cross_document(endpoint, result)
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
            cluster=cluster,
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


def _cluster(args: argparse.Namespace):
    """The Dask cluster to prepare documents on, when ``--scheduler`` names one."""
    if not getattr(args, "scheduler", None):
        if getattr(args, "partitions", None):
            raise ValueError("--partitions goes with --scheduler")
        return None
    from kg.distributed import Cluster

    return Cluster(args.scheduler, args.partitions)


def _upload(endpoint, result, args: argparse.Namespace) -> bool:
    """Send the collected graphs to the endpoint; say which documents went in and which did not."""
    from kg.stores.embedded import ontology_terms
    from kg.stores.remote import RemoteStore

    store = RemoteStore(endpoint, args.protocol, args.batch_size, args.max_request_bytes)
    if args.protocol == "bulk":
        report = store.load_ntriples([(d.graph_iri, d.ntriples) for d in result.documents], _say)
    else:
        report = store.load([(d.graph_iri, d.graph) for d in result.documents], progress=_say)
    if report.error is None:  # then the ontology's terms, as kg.build does for the embedded store
        report = store.load([ontology_terms()])
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


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _cross_document(endpoint, result) -> list:
    """What only shows across documents, checked on the server's ctkg graphs after the load
    as a build to the embedded store checks its store (kg.build): the same findings on both."""
    from kg.bulk import cross_document as unreported_across_documents
    from kg.stores.remote import RemoteStore

    return unreported_across_documents(RemoteStore(endpoint).local(), result.documents)


def fetch_command(args: argparse.Namespace) -> int:
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
    return build_command(
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


def remove_command(args: argparse.Namespace) -> int:
    from kg.findings import remove_sources
    from kg.stores import open_store

    with open_store(chosen_endpoint(args) or args.store) as store:  # embedded or remote
        removed = remove_sources(store, args.sources)
    for iri in removed:
        print(f"removed <{iri}>", file=sys.stderr)
    return 0


def example_command(args: argparse.Namespace) -> int:
    from kg.build import build
    from kg.stores.embedded import open_oxigraph
    from kg.summary import summary

    path = bundled_path("examples", EXAMPLE)
    with open_oxigraph(args.store) as store:
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
