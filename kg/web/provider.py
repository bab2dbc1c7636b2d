"""The store ``ctkg serve`` reads: a handle on an embedded store's folder that follows
committed builds, as a kg.stores.embedded.EmbeddedStore (a remote store needs no provider:
the server itself always answers with what it holds).

Nothing here imports the web pages: query worker processes (``kg.web.workers``) open their
own provider and must start quickly.
"""

from __future__ import annotations

import os
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.stores.embedded import EmbeddedStore


class StoreProvider:
    """A read-only handle on a store folder, reopened when another process has changed it."""

    def __init__(self, path: Path, writable: bool = False):
        import pyoxigraph

        from kg.stores.embedded import EmbeddedStore
        from kg.swap import recover_if_idle, store_lock

        self.path, self.writable = path, writable
        recover_if_idle(path)  # a build killed mid-swap: finish it before reading
        if not path.exists():
            raise FileNotFoundError(f"{path}: no store here (run 'ctkg build' first)")
        self._lock = threading.Lock()
        self._held = ExitStack()
        if writable:  # as any writer: no build may swap the folder under this handle
            self._held.enter_context(store_lock(path))
        self._signature = self._current()
        engine = pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))
        self._store = EmbeddedStore(engine, str(path))

    def _current(self) -> tuple:
        stat = os.stat(self.path)
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path))
        return stat.st_ino, tuple(files)

    def __call__(self) -> EmbeddedStore:
        if self.writable:
            return self._store
        import pyoxigraph

        from kg.stores.embedded import EmbeddedStore

        with self._lock:
            try:
                now = self._current()
            except OSError:  # the folder is being swapped this instant: keep the open handle
                return self._store
            if now != self._signature:
                self._store = EmbeddedStore(pyoxigraph.Store.read_only(str(self.path)), str(self.path))
                self._signature = now
            return self._store
