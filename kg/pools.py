"""Running tasks on an executor with only a few in flight, results in input order; worker
processes that end with the process that started them."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(pool: Executor, fn: Callable[[T], R], items: Iterable[T], ahead: int) -> Iterator[R]:
    """Like ``pool.map``, but ``items`` is read lazily, at most ``ahead`` tasks in flight:
    ``Executor.map`` takes every item up front, which at 100,000 documents is every chunk of
    files or every page of query text held in memory at once."""
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this process when ``parent`` dies, however it dies (a kill -9
    runs no cleanup, and orphaned workers would go on parsing for nobody).  Linux says so
    with a signal (PR_SET_PDEATHSIG); elsewhere a thread watches the parent's id."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was asked for
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
