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
