"""A CI-sized run of the fuzz harness (benchmarks/fuzz.py) on the fixtures' copies of the shared
documents: 300 mutated cases per input format, every one loaded or refused with an error that
names its file, none over 10 s (issue 16; the 10,000-per-format figures are in the README)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmark_scripts import load_script

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "fuzz.py"
FIXTURES = Path(__file__).parents[1] / "fixtures"
CASES = 300


@pytest.fixture(scope="module")
def fuzz():
    return load_script("fuzz")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """The fixtures laid out as the shared data folder the harness reads."""
    folder = tmp_path_factory.mktemp("fuzz-data")
    for name, source in (
        ("pool", "pages"),
        ("abstracts", "abstracts"),
        ("pubmed_xml", "pubmed_xml"),
        ("ctgov", "ctgov"),
    ):
        (folder / name).symlink_to(FIXTURES / source)
    return folder


def test_cases_are_the_same_bytes_on_every_run(fuzz, data):
    for fmt in fuzz.FORMATS:
        documents = fuzz.seeds(data, fmt)
        assert documents, fmt
        assert [fuzz.mutate(7, fmt, n, documents) for n in range(20)] == [
            fuzz.mutate(7, fmt, n, documents) for n in range(20)
        ]


def test_no_input_crashes_or_hangs_a_parser(fuzz, data):
    summaries = fuzz.run(CASES, seed=0, jobs=2, data=data, watchdog=60)
    assert set(summaries) == set(fuzz.FORMATS)
    for fmt, s in summaries.items():
        problems = [(p.case, p.outcome, p.seconds, p.message) for p in s.problems]
        assert s.cases == CASES, fmt
        assert s.outcomes["crash"] == s.outcomes["hang"] == s.over_limit == 0, (fmt, problems)
        assert s.outcomes["ok"] + s.outcomes["error"] == CASES
        assert s.outcomes["ok"] > 0 and s.outcomes["error"] > 0  # the mutations do both
