"""Writing files and folders whole or not at all: every output ctkg writes goes through here.

A file is written to a temporary name beside it and renamed over the target, so a reader
sees the old file or the new one, never a part.  It gets the mode any new file gets (0666
less the umask), or the mode of the file it replaces: the temporary name is created with
``os.open(..., 0o666)``, which applies the umask, not with ``mkstemp`` (always 0600).

A folder (a store, a published site) is built as a staging folder beside it and put in
place by two renames (target -> old, staging -> target).  Between them there is no target,
and a process killed there used to leave nothing in place.  So the swap is journalled: once
the staging folder is complete, a small journal file beside the target names it, and only
then do the renames start.  ``recover`` (run by the next writer) reads the journal and
finishes the swap (the new folder was complete), or, with no journal, throws away what an
unfinished writer left (its staging folder; the old one is still in place).  Either way the
target holds exactly its old or its new contents.  Writers of one target exclude each other
by ``writer_lock``, an ``flock`` on a file beside it that goes with the process, however it
ends.

``CTKG_FAILPOINT`` names a point where the process kills itself (SIGKILL) or stalls, for the
tests that check every point of a build is recoverable and that racing builds lose nothing.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HELD: dict[Path, tuple[int, int]] = {}  # lock file -> (descriptor, depth): re-entrant in a process


class LockedError(RuntimeError):
    """Another process is writing the target."""


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


def write_atomically(data: bytes, out: str | Path) -> None:
    """Write ``data`` to ``out`` through a temporary file beside it and a rename."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if out.exists():
                os.fchmod(fh.fileno(), stat.S_IMODE(out.stat().st_mode))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _beside(location: Path, what: str) -> Path:
    return location.with_name(f".{location.name}.{what}")


@contextmanager
def writer_lock(location: Path, busy: str) -> Iterator[None]:
    """Hold the writer lock of ``location`` (re-entrant within a process); raises
    ``LockedError`` ("<location>: <busy>") at once if another process holds it."""
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
            raise LockedError(f"{location}: {busy}") from None
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


def staging_path(location: Path) -> Path:
    """Where this process builds the next version of the folder ``location``."""
    return _beside(Path(location), f"staging-{os.getpid()}")


def sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def swap(staging: Path, location: Path) -> None:
    """Put the complete ``staging`` folder where ``location`` is (the caller excludes other
    writers of ``location``)."""
    journal, old = _beside(location, "swap"), _beside(location, f"old-{os.getpid()}")
    temp = journal.with_name(journal.name + ".tmp")
    temp.write_text(json.dumps({"staging": staging.name, "old": old.name}))
    with open(temp, "rb+") as f:
        os.fsync(f.fileno())
    temp.rename(journal)
    sync_dir(location.parent)
    failpoint("swap-journalled")
    if location.exists():
        location.rename(old)
    failpoint("swap-between-renames")
    staging.rename(location)
    sync_dir(location.parent)
    failpoint("swap-renamed")
    journal.unlink()
    shutil.rmtree(old, ignore_errors=True)


def recover(location: Path) -> list[str]:
    """Finish the swap a killed writer journalled, or clear what an unfinished one left; what
    was done, one line each (the caller excludes other writers)."""
    location = Path(location).absolute()
    journal, done = _beside(location, "swap"), []
    if journal.exists():
        names = json.loads(journal.read_text())
        staging, old = location.with_name(names["staging"]), location.with_name(names["old"])
        if staging.exists():  # complete, not yet in place
            if location.exists():
                location.rename(old)
            staging.rename(location)
            sync_dir(location.parent)
            done.append(f"finished the swap of a writer that was stopped: {location} holds its new contents")
        journal.unlink()
    for leftover in sorted(location.parent.glob(f".{location.name}.old-*")):
        if location.exists():
            shutil.rmtree(leftover, ignore_errors=True)
        else:  # cannot happen after a journalled swap; never throw away the only copy
            leftover.rename(location)
            done.append(f"put back {leftover.name}: {location.name} was missing")
    for leftover in sorted(location.parent.glob(f".{location.name}.staging-*")):
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed {leftover.name}, left by a writer that did not finish")
    return done
