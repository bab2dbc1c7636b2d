"""The pool benchmark runs end to end on a tiny folder and reports every figure issue 14 asks for
(the extractor's figures are the benchmark's business; the tests check what does not depend on it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "pool.py"
PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
# one randomised trial (one-paragraph abstract), an individual-patient-data meta-analysis, a review
FOLDER = ("PMID28968167.txt", "PMID17551145.txt", "PMID22859511.txt")


def test_a_tiny_folder(tmp_path: Path) -> None:
    if not SCRIPT.is_file():  # the sdist ships tests/ but not benchmarks/
        pytest.skip(f"{SCRIPT} is not in this tree")
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in FOLDER:
        shutil.copy(PAGES / name, folder / name)
    out = tmp_path / "figures.json"
    cmd = [sys.executable, str(SCRIPT), str(folder), "--list", "--uncovered", "3", "--json", str(out)]
    printed = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    [f] = json.loads(out.read_text())["folders"]
    assert f["pages"] == 3
    assert f["pages_read"] + sum(f["not_read"].values()) == 3
    assert f["results"] == f["arm_results"] + f["comparisons"]
    assert f["trials_with_two_arms"] <= f["trials"] <= f["pages_read"]
    assert f["randomised_pages"] == 1
    assert f["randomised_with_two_arms"] + len(f["randomised_without_two_arms"]) == 1
    # the four results sentences of PMID28968167 print 2 + 6 + 6 + 4 counted numbers
    coverage = f["coverage_randomised"]
    assert (coverage["pages"], coverage["numbers_counted"]) == (1, 18)
    assert 0 <= coverage["numbers_covered"] <= 18
    assert f["extract_ms"]["pages"] == f["pages_read"]
    if f["pages_read"]:
        assert 0 < f["extract_ms"]["median_ms"] <= f["extract_ms"]["p95_ms"]
    assert "pages reporting a randomised trial      1" in printed
    assert "number coverage, randomised-trial pages" in printed
    assert "parse+extract per abstract" in printed
