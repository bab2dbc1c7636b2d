"""Replacing a store folder by a freshly built one, so that no crash can lose a store.

``ctkg build`` loads into a staging folder beside the store and puts it in place by two
renames (store -> old, staging -> store).  Between them there is no store folder, and a
process killed there used to leave nothing in place.  So the swap is journalled: once the
staging folder is complete, a small journal file beside the store names it, and only then
do the renames start.  The next command that takes the store's lock reads the journal and
finishes the swap (the new store was complete), or, with no journal, throws away what an
unfinished build left (its staging folder; the old store is still in place).  Either way
the store holds exactly its old or its new contents.

Writers exclude each other by an ``flock`` on a lock file beside the store, taken before
anything is read and held until the swap is over: a second build that starts meanwhile
gets a clear error instead of overwriting the first one's documents with a stale copy.
The lock goes with the process, however it ends.

``CTKG_FAILPOINT`` names a point where the process kills itself (SIGKILL) or stalls, for the
tests that check every point of a build is recoverable and that racing builds lose nothing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: dict[Path, tuple[int, int]] = {}  # lock file -> (descriptor, depth): re-entrant in a process


class LockedError(RuntimeError):
    """Another process is writing the store."""


def failpoint(name: str) -> None:
    """Die here, as a kill -9 would, when ``CTKG_FAILPOINT`` names this point; with
    ``NAME:wait=FILE``, stall here until FILE exists instead (to race another process)."""
    point, _, wait = os.environ.get("CTKG_FAILPOINT", "").partition(":wait=")
    if point != name:
        return
    if not wait:
        os.kill(os.getpid(), signal.SIGKILL)
    Path(wait + ".reached").touch()
    while not Path(wait).exists():
        time.sleep(0.05)


def _beside(location: Path, what: str) -> Path:
    return location.with_name(f".{location.name}.{what}")


def staging_path(location: Path) -> Path:
    return _beside(location, f"staging-{os.getpid()}")


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


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap(staging: Path, location: Path) -> None:
    """Put the complete ``staging`` folder where the store is (the caller holds the lock)."""
    journal, old = _beside(location, "swap"), _beside(location, f"old-{os.getpid()}")
    temp = journal.with_name(journal.name + ".tmp")
    temp.write_text(json.dumps({"staging": staging.name, "old": old.name}))
    with open(temp, "rb+") as f:
        os.fsync(f.fileno())
    temp.rename(journal)
    _sync_dir(location.parent)
    failpoint("swap-journalled")
    if location.exists():
        location.rename(old)
    failpoint("swap-between-renames")
    staging.rename(location)
    _sync_dir(location.parent)
    failpoint("swap-renamed")
    journal.unlink()
    shutil.rmtree(old, ignore_errors=True)


def recover(location: Path) -> list[str]:
    """Finish the swap a killed build journalled, or clear what an unfinished one left; what
    was done, one line each (the caller holds the lock)."""
    location = Path(location).absolute()
    journal, done = _beside(location, "swap"), []
    if journal.exists():
        names = json.loads(journal.read_text())
        staging, old = location.with_name(names["staging"]), location.with_name(names["old"])
        if staging.exists():  # complete, not yet in place
            if location.exists():
                location.rename(old)
            staging.rename(location)
            _sync_dir(location.parent)
            done.append(f"finished the swap of a build that was stopped: {location} holds its store")
        journal.unlink()
    for leftover in sorted(location.parent.glob(f".{location.name}.old-*")):
        if location.exists():
            shutil.rmtree(leftover, ignore_errors=True)
        else:  # cannot happen after a journalled swap; never throw away the only copy
            leftover.rename(location)
            done.append(f"put back {leftover.name}: the store was missing")
    for leftover in sorted(location.parent.glob(f".{location.name}.staging-*")):
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed {leftover.name}, left by a build that did not finish")
    return done


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
