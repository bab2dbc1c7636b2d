"""The synthesis benchmark runs on a built store and reports every figure (no timing limits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "synthesis.py"
CTKG = [sys.executable, "-m", "kg.cli"]


def test_the_seed_store(tmp_path: Path, seed_path: Path) -> None:
    if not SCRIPT.is_file():  # the sdist ships tests/ but not benchmarks/
        pytest.skip(f"{SCRIPT} is not in this tree")
    store = tmp_path / "store"
    subprocess.run([*CTKG, "build", str(seed_path), "--store", str(store)], check=True, capture_output=True)
    out = tmp_path / "figures.json"
    subprocess.run(
        [sys.executable, str(SCRIPT), str(store), "--json", str(out)], check=True, capture_output=True
    )
    f = json.loads(out.read_text())
    # CONTACT-01 prints two hazard ratios with 95% intervals (overall and progression-free survival)
    assert (f["contrasts"], f["with_se"], f["trials"]) == (2, 2, 1)
    assert f["se_method"] == {"ci": 2} and f["network_studies"] == 1
    assert f["fhir_resources"] == 1 + 2 + 2 + 2 + 1  # study, 2 outcomes, 2 regimens, 2 Evidence, 1 citation
    assert set(f["seconds"]) == {"contrasts", "contrasts_csv", "networks", "fhir"}
