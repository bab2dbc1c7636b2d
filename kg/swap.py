"""The store's writer lock and recovery; the lock and the journalled folder swap that puts a
new store in place are ``kg.files``'s.

Writers exclude each other by the lock, taken before anything is read and held until the
swap is over: a second build that starts meanwhile gets a clear error instead of
overwriting the first one's documents with a stale copy.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from kg.files import LockedError, recover, writer_lock

__all__ = ["recover_if_idle", "store_lock"]

STORE_BUSY = "cannot open the store: another ctkg process (a build, or serve --writable) is writing it"


def store_lock(location: Path) -> AbstractContextManager[None]:
    """Hold the store's writer lock (re-entrant within a process); raises ``LockedError``
    at once if another process holds it."""
    return writer_lock(location, STORE_BUSY)


def recover_if_idle(location: Path) -> list[str]:
    """``recover`` when no writer is at work (a reader must not wait for a build)."""
    location = Path(location).absolute()
    if not location.parent.is_dir():
        return []
    try:
        with store_lock(location):
            return recover(location)
    except (LockedError, OSError):
        return []
