"""The store ``ctkg serve`` reads: a handle on a store folder that follows committed builds.

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
    import pyoxigraph


class StoreProvider:
    """A read-only handle on a store folder, reopened when another process has changed it."""

    def __init__(self, path: Path, writable: bool = False):
        import pyoxigraph

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
        self._store = pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))

    def _current(self) -> tuple:
        stat = os.stat(self.path)
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path))
        return stat.st_ino, tuple(files)

    def __call__(self) -> pyoxigraph.Store:
        if self.writable:
            return self._store
        import pyoxigraph

        with self._lock:
            try:
                now = self._current()
            except OSError:  # the folder is being swapped this instant: keep the open handle
                return self._store
            if now != self._signature:
                self._store = pyoxigraph.Store.read_only(str(self.path))
                self._signature = now
            return self._store
