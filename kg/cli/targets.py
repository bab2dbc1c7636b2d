"""Where a command reads or writes: a remote endpoint, or the embedded store (kg.stores)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager


def chosen_endpoint(args: argparse.Namespace, option: str = "endpoint"):
    """The remote endpoint the command should use, or None for the embedded store
    (an explicit --store wins over a configured default endpoint); ``option`` names the
    attribute holding its URL (``publish``, whose --endpoint is the one it advertises, reads
    its store from --sparql)."""
    from kg.stores import resolve_endpoint

    url = getattr(args, option, None)
    if args.store and not url:
        return None
    return resolve_endpoint(
        url,
        getattr(args, "update_url", None),
        getattr(args, "graph_store", None),
        getattr(args, "timeout", None),
        getattr(args, "union", None),
    )


@contextmanager
def reader(args: argparse.Namespace) -> Iterator:
    """The store a reading command reads (kg.stores.protocol.Store): a remote endpoint, or the
    embedded store opened read-only."""
    from kg.stores import open_store

    with open_store(chosen_endpoint(args) or args.store, read_only=True) as store:
        yield store
