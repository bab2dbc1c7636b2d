"""Fixtures for the web tests: a store with CONTACT-01 and three other trials with a docetaxel
arm, served by a real `ctkg serve` process over loopback, and a headless Debian Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from kg.resources import bundled_path

ABSTRACTS = Path(__file__).resolve().parents[1] / "fixtures" / "abstracts"
# CheckMate 017 and 057 (nivolumab vs docetaxel), selumetinib + docetaxel vs placebo + docetaxel
DOCETAXEL_TRIALS = ["PMID26028407.txt", "PMID26412456.txt", "PMID23200175.txt"]
CTKG = str(Path(sys.executable).with_name("ctkg"))
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def web_inputs() -> list[Path]:
    return [bundled_path("examples", "contact-01.pubmed.txt"), *(ABSTRACTS / n for n in DOCETAXEL_TRIALS)]


@pytest.fixture(scope="session")
def web_store_dir(web_inputs, tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("web") / "store"
    done = subprocess.run(
        [CTKG, "build", *map(str, web_inputs), "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return store


@pytest.fixture(scope="session")
def web_store(web_store_dir) -> pyoxigraph.Store:
    """The served store, read beside the server (read-only handles take no lock)."""
    return pyoxigraph.Store.read_only(str(web_store_dir))


@pytest.fixture(scope="session")
def web_url(web_store_dir) -> Iterator[str]:
    """A real `ctkg serve` process on a free loopback port; its root URL."""
    proc = subprocess.Popen(
        [CTKG, "serve", "--store", str(web_store_dir), "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    line = proc.stderr.readline()
    match = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"ctkg serve did not start: {line}{proc.stderr.read()}")
    yield match.group(1)
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Debian's chromedriver: explicit paths, nothing downloaded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ctkg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1300,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots land in test-artifacts/ (ignored by git) for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
