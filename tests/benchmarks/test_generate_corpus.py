"""The benchmark corpus generator: the same corpus for a seed, and documents ctkg reads, validates
and extracts as generated (hazard ratios come back through `ctkg query efficacy-results`)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from kg.cli import main

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "generate_corpus.py"


def generate(out: Path, n: int, seed: int) -> Path:
    """Run the script as users do; returns its manifest."""
    if not SCRIPT.is_file():  # the sdist ships tests/ but not benchmarks/
        pytest.skip(f"{SCRIPT} is not in this tree")
    manifest = out.with_suffix(".jsonl")
    cmd = [sys.executable, str(SCRIPT), "--n", str(n), "--seed", str(seed), "--out", str(out)]
    subprocess.run([*cmd, "--manifest", str(manifest)], check=True, capture_output=True)
    return manifest


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path: Path) -> None:
    generate(tmp_path / "a", 5, seed=11)
    generate(tmp_path / "b", 5, seed=11)
    generate(tmp_path / "c", 5, seed=12)
    a, b, c = (contents(tmp_path / x) for x in "abc")
    assert a == b
    assert len(a) == 10
    assert sorted(p.rsplit(".", 1)[1] for p in a) == ["json"] * 5 + ["txt"] * 5
    assert a.keys() == c.keys() and a != c
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_a_smaller_corpus_is_the_head_of_a_larger_one(tmp_path: Path) -> None:
    """Every document is drawn from its own stream, so growing N does not change the first
    documents except where they point at others (list entries, which draw from 0..N-1)."""
    generate(tmp_path / "small", 3, seed=5)
    generate(tmp_path / "large", 6, seed=5)
    small, large = contents(tmp_path / "small"), contents(tmp_path / "large")
    registry = [k for k in small if k.endswith(".json")]
    assert registry and all(small[k] == large[k] for k in registry)


def test_built_validated_and_hazard_ratios_come_back(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    manifest = generate(tmp_path / "corpus", 4, seed=3)
    store = str(tmp_path / "store")
    # the build parses every file and refuses any document whose graph breaks a shape rule
    assert main(["build", str(tmp_path / "corpus"), "--store", store]) == 0
    capsys.readouterr()
    assert main(["query", "efficacy-results", "--format", "json", "--store", store]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    ratios = {
        (r["endpoint"], r["arm_label"], r["comparator_label"], Decimal(str(r["estimate"])))
        : (Decimal(str(r["ci_lower"])), Decimal(str(r["ci_upper"])), Decimal(str(r["p_value"])))
        for r in rows
        if r["statistic"] == "hazard_ratio"
    }  # fmt: skip
    expected = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert len(expected) == 4
    generated = [hr for page in expected for hr in page["hazard_ratios"]]
    assert len(generated) >= 4
    for hr in generated:
        key = (hr["endpoint"], hr["arm"], hr["comparator"], Decimal(hr["estimate"]))
        assert ratios.get(key) == (
            Decimal(hr["ci_lower"]),
            Decimal(hr["ci_upper"]),
            Decimal(hr["p_value"]),
        ), hr


def test_the_archives_hold_the_generated_studies_and_the_same_seed_the_same_bytes(tmp_path: Path) -> None:
    import gzip
    import zipfile

    forms = ["studies.zip", "AllPublicXML.zip", "pubmed26n0001.xml.gz"]
    for out in ("a", "b"):
        cmd = [sys.executable, str(SCRIPT), "--n", "3", "--seed", "4", "--out", str(tmp_path / out)]
        subprocess.run([*cmd, *(x for f in forms for x in ("--archive", f))], check=True, capture_output=True)
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in forms)
    generate(tmp_path / "files", 3, seed=4)
    with zipfile.ZipFile(tmp_path / "a" / "studies.zip") as z:
        members = {n: json.loads(z.read(n)) for n in z.namelist()}
    files = sorted((tmp_path / "files" / "ctgov").rglob("*.json"))
    assert members == {p.name: json.loads(p.read_text()) for p in files}
    with zipfile.ZipFile(tmp_path / "a" / "AllPublicXML.zip") as z:
        assert z.namelist() == ["Contents.txt", *(f"NCT9000xxxx/{p.stem}.xml" for p in files)]
    articles = gzip.decompress((tmp_path / "a" / "pubmed26n0001.xml.gz").read_bytes()).decode()
    assert articles.count("<PubmedArticle>") == 3
    assert '<PMID Version="1">90000002</PMID>' in articles
