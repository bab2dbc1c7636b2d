"""The scale benchmark runs end to end on a tiny corpus and writes the figures issue 8 asks for
(the numbers themselves are the benchmark's business, not the tests')."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmark_scripts import load_script

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "scale.py"
REQUIRED = (
    "n", "docs_per_s", "triples_per_s", "ceiling_triples_per_s", "baseline_triples_per_s",
    "peak_rss_mb", "validate_s", "jena_validate_s", "queries",
)  # fmt: skip


def scale_module():
    return load_script("scale")


def test_one_small_size_writes_every_figure(tmp_path: Path) -> None:
    scale_module()
    out = tmp_path / "figures.json"
    cmd = [sys.executable, str(SCRIPT), "--sizes", "8", "--json", str(out), "--work", str(tmp_path / "w")]
    cmd += ["--jena-max", "0", "--baseline-limit", "300", "--query-runs", "1", "--jobs", "2", "--keep"]
    printed = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    [size] = json.loads(out.read_text())["sizes"]
    assert all(key in size for key in REQUIRED)
    assert size["n"] == 8
    assert size["quads"] > 1000
    disk = size["disk_per_doc_kb"]
    assert disk["store"] == pytest.approx(size["store_mb"] * 1024 / 8)
    assert disk["ceiling_nquads"] > 0 and disk["build_peak"] >= 0
    assert "disk per document: store" in printed
    assert size["ratio_to_ceiling"] == pytest.approx(size["triples_per_s"] / size["ceiling_triples_per_s"])
    assert size["baseline"]["finished"] is True  # eight documents: pySHACL finishes
    assert size["speedup_vs_baseline"] == pytest.approx(
        size["triples_per_s"] / size["baseline_triples_per_s"]
    )
    assert size["jena"] == {"skipped": "N > --jena-max 0 (Jena's in-memory graph would not fit)"}
    assert size["jena_validate_s"] is None
    for name in ("trial-summary", "efficacy-results", "sources"):
        assert size["queries"][name]["rows"] > 0
        assert size["queries"][name]["median_s"] <= size["queries"][name]["p95_s"]
    assert "end to end =" in printed and "x ceiling" in printed
    assert size["speedup_jobs"] == pytest.approx(size["jobs1_build_s"] / size["build_s"])
    assert size["speedup_vs_one_core"] == pytest.approx(size["one_core_build_s"] / size["build_s"])
    assert "pinned to one core" in printed
    assert_query_figures(size, printed)
    # the query step alone, on the store just built (opened read-only)
    again = tmp_path / "queries.json"
    store = tmp_path / "w" / "n8" / "build" / "store"
    cmd = [
        sys.executable,
        str(SCRIPT),
        "--queries-only",
        str(store),
        "--json",
        str(again),
        "--query-runs",
        "1",
    ]
    printed = subprocess.run(
        cmd + ["--work", str(tmp_path / "q")], check=True, capture_output=True, text=True
    ).stdout
    only = json.loads(again.read_text())["queries_only"]
    assert only["store"] == str(store) and only["sample_trial_iri"] == size["sample_trial_iri"]
    assert_query_figures(only, printed)


def assert_query_figures(figures: dict, printed: str) -> None:
    """Listings streamed beside the row-delivery floor, first pages, and the forms restricted to
    one trial, one publication and one drug over fixed samples."""
    floor = figures["query_floor"]
    assert floor["rows"] == 8 and floor["us_per_row"] == pytest.approx(floor["median_s"] / 8 * 1e6)
    trials = figures["sample_trial_iri"]
    assert 1 <= len(trials) <= 20 and trials == sorted(trials)
    per_trial = figures["queries_per_trial"]
    assert {"trial-summary", "efficacy-results", "arms", "source-conflicts"} <= set(per_trial)
    assert "sources" not in per_trial  # not restrictable to a trial
    for name in ("trial-summary", "arms"):
        assert per_trial[name]["runs"] == len(trials) and per_trial[name]["rows"] > 0
        assert per_trial[name]["median_s"] <= per_trial[name]["p95_s"]
    assert per_trial["trial-summary"]["rows"] == len(trials)  # one summary row per trial
    assert set(figures["queries_per_publication"]) == {"citations"}
    assert figures["queries_per_drug"]["trials-by-drug"]["runs"] == len(figures["sample_drugs"]) > 0
    sources = figures["queries"]["sources"]
    assert sources["floor_s"] == pytest.approx(floor["median_s"])  # 8 rows too
    assert sources["floor_share"] == pytest.approx(sources["floor_s"] / sources["median_s"])
    assert sources["peak_rss_mb"] > 0
    pages = figures["query_pages"]["sources"]
    assert pages["0"]["rows"] == 8 and pages["1000"]["rows"] == 0  # eight sources: one short page
    assert "of floor speed" in printed and "restricted to one trial (" in printed
    assert "first pages, --limit 100" in printed and "source-conflicts (target: <= 1 s)" in printed


def test_a_pinned_command_runs_on_the_cores_given() -> None:
    scale = scale_module()
    core = min(os.sched_getaffinity(0))
    m = scale.measure(scale.python("import os; print(sorted(os.sched_getaffinity(0)))"), cpus={core})
    assert m.returncode == 0 and m.stdout.strip() == f"[{core}]"


def test_the_baseline_stops_at_its_cpu_limit(tmp_path: Path) -> None:
    scale = scale_module()
    folder, _manifest = scale.corpus(tmp_path, 200, seed=3)
    stopped = scale.baseline(folder, tmp_path, cpu_limit=1.0)
    assert stopped["finished"] is False
    assert 1.0 <= stopped["cpu_s"] < 5.0
    assert stopped["wall_s"] >= stopped["cpu_s"] * 0.9
