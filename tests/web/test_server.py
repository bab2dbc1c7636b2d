"""`ctkg serve` as a real process: the SPARQL 1.1 Protocol through SPARQLWrapper and plain HTTP,
every results format, read-only, limits, and builds of the same store while it serves."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph
import pytest
from conftest import FIXTURES, SEED
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper

CTKG = str(Path(sys.executable).with_name("ctkg"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ARMS = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> SELECT ?arm ?n WHERE { ?arm a ctkg:Arm ; ctkg:nRandomized ?n } ORDER BY ?arm"
GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/ctkg/ontology#Arm> ; ?p ?o . BIND(?s AS ?x) }"


class Served:
    def __init__(self, store: Path, *options: str):
        self.proc = subprocess.Popen(
            [CTKG, "serve", "--store", str(store), "--port", "0", *options],
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/sparql", line)
        assert match, (
            f"serve did not start: {line}{self.proc.stderr.read() if self.proc.poll() is not None else ''}"
        )
        self.url = match.group(0)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("served") / "store"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    return store


@pytest.fixture(scope="module")
def served(store_dir):
    server = Served(store_dir)
    yield server
    server.stop()


def _count(store: Path) -> int:
    with_store = pyoxigraph.Store.read_only(str(store))
    return int(next(iter(with_store.query(COUNT)))["n"].value)


def _http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def _wrapper(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_sparqlwrapper_gets_json_and_xml_results(served, store_dir):
    rows = _wrapper(served.url, ARMS, JSON).queryAndConvert()["results"]["bindings"]
    assert sorted(int(r["n"]["value"]) for r in rows) == [
        180,
        186,
    ]  # "186 patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel"
    xml = _wrapper(served.url, ARMS, XML).queryAndConvert()
    assert sorted(int(b.firstChild.nodeValue) for b in xml.getElementsByTagName("literal")) == [180, 186]
    n = _wrapper(served.url, COUNT, JSON).queryAndConvert()["results"]["bindings"][0]["n"]["value"]
    assert int(n) == _count(store_dir)


@pytest.mark.parametrize("fmt,delimiter", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_gets_csv_and_tsv(served, fmt, delimiter):
    text = _wrapper(served.url, ARMS, fmt).queryAndConvert().decode()
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert [c.lstrip("?") for c in rows[0]] == ["arm", "n"]
    assert sorted(r[1] for r in rows[1:]) == ["180", "186"]


@pytest.mark.parametrize("fmt,parse_as", [(TURTLE, "turtle"), (JSONLD, "json-ld")])
def test_construct_comes_as_turtle_or_json_ld(served, fmt, parse_as):
    sparql = SPARQLWrapper(served.url)
    sparql.setQuery(GRAPH)
    sparql.setReturnFormat(fmt)
    body = sparql.query().response.read()
    graph = Graph().parse(data=body, format=parse_as)
    status, headers, nt = _http(
        served.url + "?" + urlencode({"query": GRAPH}), headers={"Accept": "application/n-triples"}
    )
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert graph.isomorphic(Graph().parse(data=nt, format="nt")) and len(graph) > 10


@pytest.mark.parametrize(
    "accept,ctype",
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv; charset=utf-8"),
        (None, "application/sparql-results+json"),
    ],
)
def test_plain_http_get_and_post_negotiate_the_format(served, accept, ctype):
    headers = {"Accept": accept} if accept else {}
    answers = [
        _http(served.url + "?" + urlencode({"query": ARMS}), headers=headers),
        _http(
            served.url,
            urlencode({"query": ARMS}).encode(),
            {**headers, "Content-Type": "application/x-www-form-urlencoded"},
        ),
        _http(served.url, ARMS.encode(), {**headers, "Content-Type": "application/sparql-query"}),
    ]
    for status, got, body in answers:
        assert status == 200 and got["Content-Type"] == ctype
        assert b"180" in body and b"186" in body


def test_format_parameter_and_unacceptable_types(served):
    status, headers, _ = _http(served.url + "?" + urlencode({"query": ARMS, "format": "tsv"}))
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    assert _http(served.url + "?" + urlencode({"query": ARMS}), headers={"Accept": "image/png"})[0] == 406


def test_ask_and_malformed_queries(served):
    status, _, body = _http(
        served.url + "?" + urlencode({"query": "ASK { ?s a <https://w3id.org/ctkg/ontology#Trial> }"})
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = _http(served.url + "?" + urlencode({"query": "SELEKT nothing"}))
    assert status == 400 and b"malformed query" in body
    assert _http(served.url)[0] == 400


@pytest.mark.parametrize(
    "path,data,ctype",
    [
        ("/update", "update=CLEAR ALL", "application/x-www-form-urlencoded"),
        ("/sparql", "update=CLEAR ALL", "application/x-www-form-urlencoded"),
        ("/sparql", "DROP ALL", "application/sparql-update"),
    ],
)
def test_updates_are_refused_and_change_nothing(served, store_dir, path, data, ctype):
    before = _count(store_dir)
    status, _, body = _http(served.url.replace("/sparql", path), data.encode(), {"Content-Type": ctype})
    assert status in (403, 405) and b"read-only" in body
    assert _count(store_dir) == before > 0
    sparql = SPARQLWrapper(served.url, updateEndpoint=served.url.replace("/sparql", "/update"))
    sparql.setMethod("POST")
    sparql.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(Exception, match="403"):
        sparql.query()
    assert _count(store_dir) == before


def test_row_limit_cuts_and_says_so(store_dir):
    server = Served(store_dir, "--row-limit", "5")
    try:
        status, headers, body = _http(server.url + "?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
        assert status == 200 and headers["X-Ctkg-Truncated"] == "true" and headers["X-Ctkg-Row-Limit"] == "5"
        assert len(json.loads(body)["results"]["bindings"]) == 5
        status, headers, _ = _http(server.url + "?" + urlencode({"query": ARMS}))
        assert status == 200 and "X-Ctkg-Truncated" not in headers
    finally:
        server.stop()


def test_a_query_over_the_timeout_is_stopped(store_dir):
    server = Served(store_dir, "--timeout", "1", "--row-limit", "1000000000")
    try:
        explode = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~600^3 rows
        status, _, body = _http(server.url + "?" + urlencode({"query": explode}))
        assert status == 503 and b"timed out after 1 s" in body
        assert _http(server.url + "?" + urlencode({"query": ARMS}))[0] == 200  # still serving
    finally:
        server.stop()


def test_build_on_the_served_store_works_and_is_seen(tmp_path):
    store = tmp_path / "store"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    server = Served(store)
    try:
        new = FIXTURES / "ctgov" / "NCT06388018.json"
        done = subprocess.run(
            [CTKG, "build", str(new), "--store", str(store)], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        deadline = time.monotonic() + 10
        query = "ASK { GRAPH <https://w3id.org/ctkg/id/graph/ctgov/nct06388018> { ?s ?p ?o } }"
        while time.monotonic() < deadline:
            status, _, body = _http(server.url + "?" + urlencode({"query": query}))
            if json.loads(body)["boolean"]:
                break
            time.sleep(0.2)
        assert json.loads(body)["boolean"] is True
    finally:
        server.stop()


def test_a_writable_server_holds_the_lock_and_build_says_so(tmp_path):
    store = tmp_path / "store"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    server = Served(store, "--writable")
    try:
        done = subprocess.run(
            [CTKG, "build", str(SEED), "--store", str(store)], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2
        assert (
            "cannot open the store" in done.stderr
            and "another ctkg process (a build, or serve --writable)" in done.stderr
        )
        status, _, _ = _http(
            server.url.replace("/sparql", "/update"),
            b"update=DROP ALL",
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 204
        assert (
            json.loads(_http(server.url + "?" + urlencode({"query": COUNT}))[2])["results"]["bindings"][0][
                "n"
            ]["value"]
            == "0"
        )
    finally:
        server.stop()


def test_serving_a_missing_store_is_a_clear_error(tmp_path):
    done = subprocess.run(
        [CTKG, "serve", "--store", str(tmp_path / "none"), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and "no store here" in done.stderr
