"""Stores: where ctkg's graphs live and the one way every command reads and writes them.

``open_store`` chooses, once, between the embedded store (a folder, kg.stores.embedded) and a
remote SPARQL server (an ``http(s)://`` endpoint, kg.stores.remote); both offer the interface
of kg.stores.protocol.  Graph IRIs are minted in kg.stores.graphs, update texts written in
kg.stores.updates, and every HTTP request goes through kg.stores.http.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kg.stores.embedded import StoreError
from kg.stores.endpoint import Endpoint, RemoteError, resolve_endpoint

if TYPE_CHECKING:
    from kg.stores.protocol import Store

__all__ = ["Endpoint", "RemoteError", "StoreError", "as_store", "open_store", "resolve_endpoint"]


@contextmanager
def open_store(
    where: str | Path | Endpoint | None = None, read_only: bool = False, **remote
) -> Iterator[Store]:
    """The store at ``where``: an Endpoint or http(s) URL is a remote server (``remote`` options:
    protocol, batch_size, max_bytes), anything else the embedded store's folder (None: the
    default one); a writer holds the embedded store's lock while it is open."""
    from kg.stores.embedded import EmbeddedStore, default_store_path, open_oxigraph
    from kg.stores.remote import RemoteStore

    if isinstance(where, str) and where.startswith(("http://", "https://")):
        where = resolve_endpoint(where)
    if isinstance(where, Endpoint):
        yield RemoteStore(where, **remote)
        return
    location = Path(where) if where else default_store_path()
    with open_oxigraph(location, read_only=read_only) as oxigraph:
        yield EmbeddedStore(oxigraph, str(location))


def as_store(target) -> Store:
    """A store, an Endpoint or an open pyoxigraph.Store, as a store: what the library's
    functions accept, so callers holding an engine need not wrap it."""
    from kg.stores.embedded import EmbeddedStore
    from kg.stores.remote import RemoteStore

    if isinstance(target, (EmbeddedStore, RemoteStore)):
        return target
    if isinstance(target, Endpoint):
        return RemoteStore(target)
    return EmbeddedStore(target)
