"""The store's writer lock; the journalled folder swap that puts a new store in place lives in
``kg.files`` (``swap``, ``recover``, ``staging_path``, ``failpoint`` are that module's, named
here too for the store's callers).

Writers exclude each other by an ``flock`` on a lock file beside the store, taken before
anything is read and held until the swap is over: a second build that starts meanwhile
gets a clear error instead of overwriting the first one's documents with a stale copy.
The lock goes with the process, however it ends.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.files import failpoint, recover, staging_path, swap

__all__ = ["LockedError", "failpoint", "recover", "recover_if_idle", "staging_path", "store_lock", "swap"]

_HELD: dict[Path, tuple[int, int]] = {}  # lock file -> (descriptor, depth): re-entrant in a process


class LockedError(RuntimeError):
    """Another process is writing the store."""


def _beside(location: Path, what: str) -> Path:
    return location.with_name(f".{location.name}.{what}")


@contextmanager
def store_lock(location: Path) -> Iterator[None]:
    """Hold the store's writer lock (re-entrant within a process); raises ``LockedError``
    at once if another process holds it."""
    import fcntl

    location = Path(location).absolute()
    lock = _beside(location, "lock")
    if lock in _HELD:
        fd, depth = _HELD[lock]
        _HELD[lock] = (fd, depth + 1)
    else:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise LockedError(
                f"{location}: cannot open the store: another ctkg process (a build, or serve --writable)"
                " is writing it"
            ) from None
        _HELD[lock] = (fd, 1)
    try:
        yield
    finally:
        fd, depth = _HELD[lock]
        if depth > 1:
            _HELD[lock] = (fd, depth - 1)
        else:
            del _HELD[lock]
            os.close(fd)  # closing the descriptor lets go of the flock


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
