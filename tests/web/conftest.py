"""Fixtures for the web tests: a store with CONTACT-01 and three other trials with a docetaxel
arm, the web application served over loopback, and a headless Debian Chromium."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pyoxigraph
import pytest

from kg.build import build
from kg.namespaces import DEFAULT_BASE
from kg.resources import bundled_path
from kg.web.app import make_app

ABSTRACTS = Path(__file__).resolve().parents[1] / "fixtures" / "abstracts"
# CheckMate 017 and 057 (nivolumab vs docetaxel), selumetinib + docetaxel vs placebo + docetaxel
DOCETAXEL_TRIALS = ["PMID26028407.txt", "PMID26412456.txt", "PMID23200175.txt"]
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def web_inputs() -> list[Path]:
    return [bundled_path("examples", "contact-01.pubmed.txt"), *(ABSTRACTS / n for n in DOCETAXEL_TRIALS)]


@pytest.fixture(scope="session")
def web_store(web_inputs) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    build(web_inputs, store, progress=lambda _m: None)
    return store


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _sparql_stand_in(store: pyoxigraph.Store):
    """A minimal SPARQL protocol query endpoint, only for serving the app in tests
    without ``ctkg serve``: POSTed form queries, JSON results."""

    def endpoint(environ, start_response):
        size = int(environ.get("CONTENT_LENGTH") or 0)
        query = parse_qs(environ["wsgi.input"].read(size).decode())["query"][0]
        results = store.query(query, use_default_graph_as_union=True)
        body = results.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
        start_response("200 OK", [("Content-Type", "application/sparql-results+json")])
        return [body]

    return endpoint


@pytest.fixture(scope="session")
def web_url(web_store) -> Iterator[str]:
    """The app on a free loopback port, with the test-only /sparql stand-in beside it."""
    app = make_app(lambda: web_store, DEFAULT_BASE)
    sparql = _sparql_stand_in(web_store)

    def dispatch(environ, start_response):
        if environ.get("PATH_INFO") == "/sparql":
            return sparql(environ, start_response)
        return app(environ, start_response)

    server = make_server("127.0.0.1", 0, dispatch, server_class=_Server, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


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
