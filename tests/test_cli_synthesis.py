"""`ctkg export --format contrasts|netmeta|gemtc|multinma|fhir` and `ctkg meta` on a built store
(the seed and the three nivolumab / docetaxel abstracts of tests/fixtures): data on stdout or in
--out, warnings on stderr, clear errors with exit 2 and nothing written."""

from __future__ import annotations

import csv
import io
import json
import math
from statistics import NormalDist

import pytest
from conftest import FIXTURES, SEED
from test_cli import ctkg


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("synthesis") / "store")
    files = [
        SEED,
        *(FIXTURES / "abstracts" / n for n in ("PMID26028407.txt", "PMID26412456.txt", "PMID23200175.txt")),
    ]
    done = ctkg("build", *map(str, files), "--store", location)
    assert done.returncode == 0, done.stderr
    return location


def test_contrasts_csv_carries_scale_se_and_provenance(store):
    done = ctkg("export", "--format", "contrasts", "--store", store)
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    contact = next(r for r in rows if r["trial"] == "CONTACT-01" and r["endpoint"] == "overall survival")
    # "stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]; P = .3668"
    assert (contact["estimate"], contact["ci_lower"], contact["ci_upper"]) == ("0.88", "0.68", "1.16")
    assert float(contact["y"]) == pytest.approx(math.log(0.88), abs=1e-9)
    se = (math.log(1.16) - math.log(0.68)) / (2 * NormalDist().inv_cdf(0.975))
    assert float(contact["se"]) == pytest.approx(se, abs=1e-9)
    assert contact["se_method"] == "ci" and contact["control"] == "docetaxel"
    assert contact["evidence"].startswith("stratified hazard ratio [HR], 0.88")
    assert contact["source_file"] == "contact-01.pubmed.txt"


@pytest.mark.parametrize("fmt", ["netmeta", "gemtc", "multinma"])
def test_network_exports_write_to_a_file(store, tmp_path, fmt):
    out = tmp_path / f"os-{fmt}.csv"
    done = ctkg(
        "export", "--format", fmt, "--outcome", "overall survival", "--store", store, "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert (
        rows[0]
        == {
            "netmeta": ["TE", "seTE", "treat1", "treat2", "studlab"],
            "gemtc": ["study", "treatment", "diff", "std.err"],
            "multinma": ["study", "trt", "y", "se"],
        }[fmt]
    )
    studies = {r[-1] if fmt == "netmeta" else r[0] for r in rows[1:]}
    assert {"CONTACT-01", "CheckMate 017", "CheckMate 057"} <= studies


def test_fhir_export_is_a_bundle(store, tmp_path):
    out = tmp_path / "evidence.json"
    done = ctkg("export", "--format", "fhir", "--store", store, "--out", str(out))
    assert done.returncode == 0, done.stderr
    bundle = json.loads(out.read_text())
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"


def _meta(store, treatment: str, svg):
    """``ctkg meta`` on overall survival, the treatment against docetaxel."""
    args = ["--endpoint", "overall survival", "--treatment", treatment, "--comparator", "docetaxel"]
    return ctkg("meta", *args, "--store", store, "--svg", str(svg))


def test_meta_prints_the_table_and_writes_the_plot(store, tmp_path):
    svg = tmp_path / "os.svg"
    done = _meta(store, "nivolumab", svg)
    assert done.returncode == 0, done.stderr
    assert "random effects (DerSimonian-Laird)" in done.stdout and "I\u00b2" in done.stdout
    assert svg.read_text().count('class="pooled"') == 2


def test_meta_with_too_few_trials_is_a_clear_error_and_writes_nothing(store, tmp_path):
    svg = tmp_path / "none.svg"
    done = _meta(store, "atezolizumab+cabozantinib", svg)
    assert done.returncode == 2
    assert (
        "1 trial(s) with a standard error (CONTACT-01" in done.stderr and "pooling needs two" in done.stderr
    )
    assert not svg.exists()


def test_a_network_of_nothing_is_a_clear_error(store, tmp_path):
    out = tmp_path / "x.csv"
    done = ctkg(
        "export", "--format", "netmeta", "--outcome", "no such endpoint", "--store", store, "--out", str(out)
    )
    assert (
        done.returncode == 2 and "no HR contrast with a standard error on 'no such endpoint'" in done.stderr
    )
    assert not out.exists()
