"""`ctkg build --endpoint URL --protocol bulk` against real servers: documents go as N-Quads,
many per request, into an Oxigraph server's /store, or by Virtuoso's SQL loader on this
machine; the graph is the embedded build's, and a request that fails midway leaves the store
as it was."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pyoxigraph
import pytest
from conftest import FIXTURES, SEED
from servers import OxigraphServer, Proxy, VirtuosoServer

from kg.build import collect
from kg.cli import main
from kg.stores.bulk_upload import _size
from kg.stores.graphs import ONTOLOGY_GRAPH

INPUTS = [SEED, FIXTURES / "ctgov" / "NCT03424005.xml", FIXTURES / "ctgov" / "NCT06388018.json"]
UNIONS = {"server": [], "kept": ["--union", "kept"]}


@pytest.fixture(autouse=True)
def one_build_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _quads(nquads: bytes) -> set[pyoxigraph.Quad]:
    """The quads as a store holds them (it writes some literals canonically: a dateTime's zone)."""
    store = pyoxigraph.Store()
    store.load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return set(store)


def _embedded_quads(tmp_path) -> set[pyoxigraph.Quad]:
    assert main(["build", *map(str, INPUTS), "--store", str(tmp_path / "store")]) == 0
    return set(pyoxigraph.Store.read_only(str(tmp_path / "store")))


def _in(graphs: set[str], quads: set[pyoxigraph.Quad]) -> set[pyoxigraph.Quad]:
    """The quads in these named graphs (all named graphs when ``graphs`` is empty)."""
    return {
        q
        for q in quads
        if isinstance(q.graph_name, pyoxigraph.NamedNode) and (not graphs or q.graph_name.value in graphs)
    }


def _dataset_posts(server: OxigraphServer, log: list[bytes], fail_at: int | None = None) -> Proxy:
    """A proxy that records the N-Quads POSTed to /store (no graph named) and answers the
    ``fail_at``-th of them (from 1) with HTTP 500 instead of passing it on."""

    def intercept(method: str, path: str, body: bytes) -> int | None:
        if method == "POST" and path == "/store":
            log.append(body)
            if len(log) == fail_at:
                return 500
        return None

    return Proxy(server.port, intercept)


@pytest.mark.parametrize("union", UNIONS)
def test_the_bulk_build_is_the_embedded_build(tmp_path, union):
    embedded = _embedded_quads(tmp_path)
    server = OxigraphServer(tmp_path / "ox", union_default_graph=union == "server").start()
    posts: list[bytes] = []
    proxy = _dataset_posts(server, posts)
    bulk = ["--endpoint", proxy.url("/query"), "--protocol", "bulk", *UNIONS[union]]
    try:
        assert main(["build", str(INPUTS[0]), *bulk]) == 0  # a new graph: one POST
        assert main(["build", *map(str, INPUTS), *bulk]) == 0  # one held (replaced), two new: one POST
        assert main(["build", *map(str, INPUTS), *bulk]) == 0  # all held: no POST
        served = server.quads()
    finally:
        server.kill()
        proxy.shutdown()
    assert len(posts) == 2
    new = {d.graph_iri for d in collect(INPUTS[1:], progress=lambda _m: None).documents}
    assert _in(set(), _quads(posts[1])) == _in(new, embedded)  # both new documents whole, in one POST
    assert _in(set(), served) == _in(set(), embedded)
    if union == "kept":  # the default graph ctkg keeps is the embedded store's union
        assert served == embedded


@pytest.mark.parametrize("union", UNIONS)
def test_a_request_failing_midway_leaves_the_store_as_it_was(tmp_path, union, capsys):
    """One document held, three new ones: CONTACT-01's paper and record (both describe the
    trial) in one request, the larger third in another, which is refused: the two added are
    taken back, with the triples only they gave a kept union."""
    held, new = INPUTS[2], [INPUTS[0], INPUTS[1], FIXTURES / "ctgov" / "NCT01642004.xml"]
    documents = collect(new, progress=lambda _m: None).documents
    one_each = max(_size(d.graph_iri, d.ntriples, union == "kept") for d in documents)
    server = OxigraphServer(tmp_path / "ox", union_default_graph=union == "server").start()
    posts: list[bytes] = []
    proxy = _dataset_posts(server, posts, fail_at=3)
    bulk = ["--endpoint", proxy.url("/query"), "--protocol", "bulk", *UNIONS[union]]
    try:
        assert main(["build", str(held), *bulk]) == 0  # the first POST
        before = server.quads()
        capsys.readouterr()
        assert main(["build", str(held), *map(str, new), *bulk, "--max-request-bytes", str(one_each)]) == 1
        after = server.quads()
    finally:
        server.kill()
        proxy.shutdown()
    err = capsys.readouterr().err
    assert len(posts) == 3 and b"nct01642004" in posts[2] and b"nct03424005" in posts[1]
    assert "the server failed (HTTP 500): refused by the test proxy" in err
    assert "loaded 0 of 4 document graph(s)" in err
    assert after == before


def _virtuoso(server: VirtuosoServer, monkeypatch, folder) -> list[str]:
    """Its loader configured as a user would (the server's folder is in its DirsAllowed);
    the options that point `ctkg build` at it."""
    monkeypatch.setenv("CTKG_VIRTUOSO_ISQL", f"127.0.0.1:{server.sql_port}")
    monkeypatch.setenv("CTKG_VIRTUOSO_DIR", str(folder))
    monkeypatch.setenv("CTKG_VIRTUOSO_PASSWORD", "dba")
    return ["--endpoint", server.query_url, "--update-url", server.query_url, "--protocol", "bulk"]


def test_virtuoso_on_this_machine_loads_by_its_sql_loader(tmp_path, virtuoso, monkeypatch, capsys):
    puts: list[str] = []

    def intercept(method: str, path: str, body: bytes) -> None:
        if method == "PUT":
            puts.append(parse_qs(urlsplit(path).query)["graph"][0])

    crud = Proxy(virtuoso.port, intercept)
    target = _virtuoso(virtuoso, monkeypatch, virtuoso.location)
    target += ["--graph-store", crud.url("/sparql-graph-crud")]
    try:
        assert main(["build", *map(str, INPUTS), *target]) == 0  # new graphs: the loader
        assert puts == [str(ONTOLOGY_GRAPH)]  # by the Graph Store protocol: the ontology only
        assert main(["build", *map(str, INPUTS), *target]) == 0  # held graphs: replaced, not doubled
        code, remote = _out(capsys, ["export", "--format", "nq", "--endpoint", virtuoso.query_url])
    finally:
        crud.shutdown()
    assert main(["build", *map(str, INPUTS), "--store", str(tmp_path / "store")]) == 0
    _, local = _out(capsys, ["export", "--format", "nq", "--store", str(tmp_path / "store")])
    assert code == 0 and sorted(remote.splitlines()) == sorted(local.splitlines())
    assert not list(virtuoso.location.glob("ctkg-*.nq"))


def test_a_loader_error_is_reported_and_loads_nothing(virtuoso, monkeypatch, capsys):
    target = _virtuoso(virtuoso, monkeypatch, virtuoso.location)
    monkeypatch.setenv("CTKG_VIRTUOSO_PASSWORD", "not-the-password")
    target += ["--graph-store", virtuoso.query_url + "-graph-crud"]
    assert main(["build", *map(str, INPUTS), *target]) == 1
    err = capsys.readouterr().err
    assert f"Virtuoso at 127.0.0.1:{virtuoso.sql_port}: the loader failed: " in err
    assert "Bad login" in err
    assert "loaded 0 of 3 document graph(s)" in err
    _, listed = _out(capsys, ["query", "sources", "--endpoint", virtuoso.query_url, "--format", "json"])
    assert json.loads(listed)["rows"] == []


def _out(capsys, argv: list[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().out
