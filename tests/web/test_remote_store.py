"""`ctkg serve --endpoint` and `ctkg publish --sparql`: the same site from a real Oxigraph server
as from the embedded store, both built from the same documents at the same build time.

The server queries the union of its named graphs (`oxigraph serve --union-default-graph`), a
bag, so the pages and the VoID description must not count a triple once per graph that holds it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from servers import OxigraphServer

CTKG = str(Path(sys.executable).with_name("ctkg"))
TRIAL_PAGE = "/trial/nct04471428.html"  # CONTACT-01
PAGES = [TRIAL_PAGE, "/", "/forest.html", "/trial/nct04471428.ttl", "/dataset.ttl", "/drug/docetaxel.html"]
ARMS = """PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
SELECT DISTINCT ?arm ?n WHERE { ?arm a ctkg:Arm ; ctkg:nRandomized ?n } ORDER BY ?arm"""
CONTACT_ARMS = """PREFIX ctkg: <https://w3id.org/ctkg/ontology#>
CONSTRUCT { ?arm ?p ?o } WHERE {
  <https://w3id.org/ctkg/id/trial/nct04471428> ctkg:hasArm ?arm . ?arm ?p ?o }"""


def _run(*args: str) -> None:
    done = subprocess.run([CTKG, *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def stores(web_inputs, tmp_path_factory, monkeypatch_module) -> Iterator[dict[str, list[str]]]:
    """{"embedded": options, "oxigraph": options}: the web documents in both, built alike."""
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path_factory.mktemp("remote-web")
    server = OxigraphServer(root / "oxigraph").start()
    try:
        options = {"embedded": ["--store", str(root / "store")], "oxigraph": ["--endpoint", server.query_url]}
        for where in options.values():
            _run("build", *map(str, web_inputs), *where)
        yield options
    finally:
        server.kill()


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


@pytest.fixture(scope="module")
def served(stores) -> Iterator[dict[str, str]]:
    """{name: root URL of a `ctkg serve` process over that store}."""
    procs, urls = [], {}
    try:
        for name, where in stores.items():
            proc = subprocess.Popen([CTKG, "serve", *where, "--port", "0"], stderr=subprocess.PIPE, text=True)
            procs.append(proc)
            line = proc.stderr.readline()
            match = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", line)
            assert match, f"ctkg serve did not start: {line}"
            urls[name] = match.group(1)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(10)


def _get(url: str, accept: str = "text/html") -> tuple[str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers["Content-Type"], response.read()


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_the_same_from_the_server(served, path):
    """Byte for byte, but for the server's own URL (the VoID description names its endpoint)."""
    embedded, remote = (
        (ctype, body.replace(served[name].encode(), b"ROOT"))
        for name in ("embedded", "oxigraph")
        for ctype, body in [_get(served[name] + path)]
    )
    assert remote == embedded
    if path == TRIAL_PAGE:
        assert b"<h1>CONTACT-01" in remote[1]
        assert b"atezolizumab" in remote[1]


def test_sparql_answers_are_the_same_from_the_server(served):
    select = {
        name: _get(f"{url}/sparql?{urlencode({'query': ARMS})}", "application/sparql-results+json")
        for name, url in served.items()
    }
    assert select["oxigraph"] == select["embedded"]
    rows = json.loads(select["oxigraph"][1])["results"]["bindings"]
    numbers = {r["arm"]["value"].split("/trial/")[1]: r["n"]["value"] for r in rows}
    assert numbers == {  # the arms whose randomized numbers the four reports give
        "nct00890825/pubmed-page-23200175/arm/placebo-docetaxel": "43",
        "nct00890825/pubmed-page-23200175/arm/selumetinib-docetaxel": "44",
        "nct01673867/pubmed-page-26412456/arm/docetaxel": "290",
        "nct01673867/pubmed-page-26412456/arm/nivolumab": "292",
        "nct04471428/pubmed-page-38552197/arm/atezolizumab-cabozantinib": "186",
        "nct04471428/pubmed-page-38552197/arm/docetaxel": "180",
    }
    graphs = {
        name: _get(f"{url}/sparql?{urlencode({'query': CONTACT_ARMS})}", "text/turtle")
        for name, url in served.items()
    }
    assert graphs["oxigraph"][0] == graphs["embedded"][0] == "text/turtle; charset=utf-8"
    mine, theirs = (Graph().parse(data=graphs[n][1], format="turtle") for n in ("embedded", "oxigraph"))
    assert len(mine) == 21 and isomorphic(mine, theirs)  # 10 statements an arm, +1 drug of the combination
    ask = {
        name: _get(
            f"{url}/sparql?{urlencode({'query': 'ASK { ?s ?p ?o }'})}", "application/sparql-results+json"
        )
        for name, url in served.items()
    }
    assert (
        ask["oxigraph"]
        == ask["embedded"]
        == ("application/sparql-results+json", b'{"head": {}, "boolean": true}')
    )


def test_a_query_the_server_rejects_is_the_clients_error(served):
    url = f"{served['oxigraph']}/sparql?{urlencode({'query': 'SELECT ?x WHERE { ?x ?y }'})}"
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(url, "application/sparql-results+json")
    assert err.value.code == 400


def test_serving_a_remote_store_writable_is_refused(stores):
    done = subprocess.run(
        [CTKG, "serve", *stores["oxigraph"], "--writable", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--writable serves the embedded store only" in done.stderr


def test_publish_from_the_server_writes_the_same_site(stores, tmp_path):
    sites = {}
    for name, where in stores.items():
        sites[name] = tmp_path / name
        source = ["--sparql", where[1]] if name == "oxigraph" else where
        _run("publish", str(sites[name]), *source, "--endpoint", "https://example.org/sparql")
    files = {
        name: sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
        for name, site in sites.items()
    }
    assert files["oxigraph"] == files["embedded"]
    assert len(files["embedded"]) > 100
    for rel in files["embedded"]:
        mine, theirs = ((sites[n] / rel).read_bytes() for n in ("embedded", "oxigraph"))
        if rel == Path("dump.nq"):  # the same quads; the writer's order is the engine's
            assert sorted(mine.splitlines()) == sorted(theirs.splitlines())
        elif rel.suffix == ".jsonld" and rel.name != "context.jsonld":  # rdflib's order varies
            parsed = [Graph().parse(data=doc, format="json-ld") for doc in (mine, theirs)]
            assert isomorphic(*parsed), rel
        else:
            assert mine == theirs, rel
