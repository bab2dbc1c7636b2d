"""An installed wheel, run from another folder, finds its ontology, shapes and queries."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("ctkg-*.whl")
    target = out / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        zf.extractall(target)
    for bundled in (
        "kg/_bundled/ontology/ctkg.ttl",
        "kg/_bundled/shapes/ctkg-shapes.ttl",
        "kg/_bundled/queries/trial-summary.rq",
        "kg/examples/contact-01.pubmed.txt",
        "kg/lexicon/drugs.tsv",
        "kg/lexicon/conditions.tsv",
        "kg/_bundled/ontology/catalog-v001.xml",
        "kg/_bundled/queries/remote/wikidata-drug-crossrefs.rq",
        "kg/web/templates/trial.html",
        "kg/web/static/yasgui/yasgui.min.js",
        "kg/web/static/yasgui/LICENSE",
        "kg/web/static/yasgui/THIRD-PARTY-LICENSES.txt",
    ):
        assert bundled in names
    return target


def test_wheel_runs_the_example_outside_the_repo(wheel_dir, tmp_path):
    env = {"PYTHONPATH": str(wheel_dir), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kg, kg.resources as r; print(kg.__file__); print(r.bundled_path('queries'))",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.splitlines()
    assert all(line.startswith(str(wheel_dir)) for line in where)
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "example", "--store", str(tmp_path / "store")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Validation: conforms" in done.stdout and "Trial CONTACT-01" in done.stdout
