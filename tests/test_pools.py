"""ordered_map: results in input order, and the input read only a few items ahead."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from kg.pools import ordered_map


def test_results_come_in_input_order_whatever_finishes_first() -> None:
    def slow_first(n: int) -> int:
        time.sleep(0.05 if n == 0 else 0)
        return n * n

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(ordered_map(pool, slow_first, range(10), ahead=4)) == [n * n for n in range(10)]


def test_the_input_is_read_at_most_ahead_items_before_its_result_is_taken() -> None:
    read: list[int] = []

    def items() -> Iterator[int]:
        for n in range(100):
            read.append(n)
            yield n

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = ordered_map(pool, lambda n: n, items(), ahead=3)
        assert next(results) == 0
        assert read == [0, 1, 2]  # Executor.map would have read all 100 by now
        assert list(results) == list(range(1, 100))


PARENT = """
import multiprocessing, os, signal, sys, time
from kg.pools import die_with_parent

def sleep():
    time.sleep(300)

if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    from concurrent.futures import ProcessPoolExecutor
    pool = ProcessPoolExecutor(1, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),))
    pool.submit(sleep)
    while not multiprocessing.active_children():
        time.sleep(0.01)
    print(multiprocessing.active_children()[0].pid, flush=True)
    time.sleep(1)  # the worker has run its initializer and taken the task
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_worker_dies_with_its_parent_even_when_the_parent_is_killed(tmp_path) -> None:
    import os
    import subprocess
    import sys

    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    worker = int(done.stdout.split()[0])
    for _ in range(200):  # the kernel signals the orphan at once; give it up to 10 s to go
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(worker, 9)
    raise AssertionError(f"worker {worker} outlived its parent")
