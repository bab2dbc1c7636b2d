"""Queries of ``ctkg serve`` evaluated in worker processes that can be killed.

A query cannot be stopped inside the engine: pyoxigraph has no cancel, and a thread that
times out keeps computing (five slow queries used to make even ``ASK {}`` wait).  Some
queries also take the whole process down (a Rust panic aborts it; deep nesting overflows
the stack).  So each query goes to one of a few worker processes, each holding its own
read-only handle on the store: past the timeout the worker is killed, if it dies the
query is answered 500, and either way a fresh worker takes its place in the background
while the others go on serving.  Workers die with the server (``die_with_parent``).
"""

from __future__ import annotations

import os
import queue
import threading
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection
from pathlib import Path

from kg.web.evaluate import Job
from kg.web.response import Response, text_response, timed_out

GRACE_S = 1.0  # beyond the query timeout, for the worker to notice it and answer 503 itself


def _serve_jobs(conn: Connection, path: str, row_limit: int, timeout_s: float, parent: int) -> None:
    """A worker's life: answer jobs from the pipe until the server goes."""
    from kg.pools import die_with_parent
    from kg.web.evaluate import evaluate
    from kg.web.provider import StoreProvider

    die_with_parent(parent)
    provider = StoreProvider(Path(path))
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = evaluate(provider(), job, row_limit, timeout_s)
        except Exception as err:  # any engine error is this query's, never the worker's end
            answer = text_response("500 Internal Server Error", f"query failed: {type(err).__name__}: {err}")
        conn.send(answer)


@dataclass
class _Worker:
    process: object
    conn: Connection


class QueryWorkers:
    """A fixed number of query worker processes; ``run`` hands a job to an idle one."""

    def __init__(self, path: Path, size: int, row_limit: int, timeout_s: float):
        self._ctx = get_context("spawn")
        self._args = (str(path), row_limit, timeout_s, os.getpid())
        self.timeout_s = timeout_s
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve_jobs, args=(theirs, *self._args), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start another in the background (starting takes a moment)."""
        worker.process.kill()
        worker.process.join()
        worker.conn.close()
        threading.Thread(target=lambda: self._idle.put(self._spawn()), daemon=True).start()

    def run(self, job: Job) -> Response:
        try:  # every worker busy for a whole timeout: the server is saturated, say so
            worker = self._idle.get(timeout=self.timeout_s)
        except queue.Empty:
            return text_response("503 Service Unavailable", "every query worker is busy; try again later")
        try:
            worker.conn.send(job)
            if worker.conn.poll(self.timeout_s + GRACE_S):
                answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            return text_response(
                "500 Internal Server Error", "the query engine crashed on this query (the server goes on)"
            )
        self._replace(worker)
        return timed_out(self.timeout_s)

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            worker.process.kill()
