"""The extraction benchmark still runs and reports every stage (figures only, no timing limits)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from kg.resources import bundled_path
from tests.benchmark_scripts import load_script

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "extraction.py"


def load_benchmark() -> ModuleType:
    return load_script("extraction")


def test_timing_reports_every_stage_of_the_example() -> None:
    bench = load_benchmark()
    timing = bench.run_timing(
        [bundled_path("examples", "contact-01.pubmed.txt")], repeat=1, validate_repeat=1
    )
    figures = json.loads(json.dumps(timing))  # what --json writes must survive a round trip
    assert figures["failed"] == []
    [doc] = figures["documents"]
    assert doc["name"] == "contact-01.pubmed.txt"
    assert set(doc["stages"]) == set(figures["totals"]) == {"extract", "map", "validate", "load"}
    for stage, total in figures["totals"].items():
        assert doc["stages"][stage]["median_ms"] > 0 and doc["stages"][stage]["runs"] == 1
        assert total["median_ms"] > 0 and total["p95_ms"] > 0 and total["ratio_to_extract"] > 0
