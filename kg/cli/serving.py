"""Commands that serve, publish or describe the graph: serve, publish, reason, enrich, docs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def serve_command(args: argparse.Namespace) -> int:
    from kg.cli.targets import chosen_endpoint
    from kg.namespaces import base_iri
    from kg.stores.embedded import StoreError, default_store_path
    from kg.web.server import ServeOptions, serve

    path = chosen_endpoint(args) or (Path(args.store) if args.store else default_store_path())
    options = ServeOptions(
        timeout_s=args.timeout,
        row_limit=args.row_limit,
        workers=max(1, args.workers),
        allowed_services=frozenset(args.allow_service),
    )
    try:
        serve(path, args.host, args.port, str(base_iri(args.base)), options, args.writable)
    except StoreError:
        raise
    except (FileNotFoundError, OSError, RuntimeError) as err:
        raise StoreError(f"cannot serve {getattr(path, 'query_url', path)}: {err}") from None
    return 0


def publish_command(args: argparse.Namespace) -> int:
    from kg.cli.targets import chosen_endpoint
    from kg.namespaces import base_iri
    from kg.stores import open_store
    from kg.web.publish import publish

    def progress(message: str) -> None:
        print(message, file=sys.stderr)

    with open_store(chosen_endpoint(args, "sparql") or args.store, read_only=True) as store:
        result = publish(store, args.dir, base_iri(args.base), endpoint=args.endpoint, progress=progress)
    for iri in result.skipped:
        print(f"not published (its path cannot be a file name): <{iri}>", file=sys.stderr)
    print(f"published {result.resources} resources in {result.files} files to {args.dir}", file=sys.stderr)
    return 0


def reason_command(args: argparse.Namespace) -> int:
    from kg.namespaces import base_iri
    from kg.owl.reasoner import reason
    from kg.stores import open_store
    from kg.stores.graphs import inferred_graph_iri

    base = base_iri(args.base)
    with open_store(args.store) as store:
        inferred = reason(store, base, args.method, args.batch, lambda m: print(m, file=sys.stderr))
    print(f"{len(inferred)} inferred types in <{inferred_graph_iri(base)}> ({args.method})")
    return 0


def enrich_command(args: argparse.Namespace) -> int:
    from kg.enrich import enrich
    from kg.namespaces import base_iri
    from kg.stores import open_store
    from kg.stores.graphs import enrichment_graph_iri

    base = base_iri(args.base)
    with open_store(args.store) as store:
        graph = enrich(store, args.endpoint, base)
    print(f"{len(graph)} triples from {args.endpoint} in <{enrichment_graph_iri(base)}>")
    return 0


def docs_command(args: argparse.Namespace) -> int:
    from kg.files import write_atomically
    from kg.owl.axioms import ontology_graph
    from kg.owl.docs import ontology_html

    html = ontology_html(ontology_graph())
    if args.out:
        write_atomically(html.encode(), args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(html)
    return 0
