"""`ctkg build --endpoint URL --protocol bulk` against real servers: documents go as N-Quads,
many per request, into an Oxigraph server's /store; the graph is the embedded build's, and a
request that fails midway leaves the store as it was."""

from __future__ import annotations

import pyoxigraph
import pytest
from conftest import FIXTURES, SEED
from servers import OxigraphServer, Proxy

from kg.build import collect
from kg.cli import main
from kg.stores.bulk_upload import _size

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
    documents = collect(INPUTS, progress=lambda _m: None).documents
    new = [d for d in documents if d.path != str(INPUTS[1])]
    one_each = max(_size(d.graph_iri, d.ntriples, union == "kept") for d in new)
    server = OxigraphServer(tmp_path / "ox", union_default_graph=union == "server").start()
    posts: list[bytes] = []
    proxy = _dataset_posts(server, posts, fail_at=3)
    bulk = ["--endpoint", proxy.url("/query"), "--protocol", "bulk", *UNIONS[union]]
    try:
        assert main(["build", str(INPUTS[1]), *bulk]) == 0  # the first POST: one held graph after
        before = server.quads()
        capsys.readouterr()
        # the two new documents go one per request; the second request fails
        assert main(["build", *map(str, INPUTS), *bulk, "--max-request-bytes", str(one_each)]) == 1
        after = server.quads()
    finally:
        server.kill()
        proxy.shutdown()
    err = capsys.readouterr().err
    assert len(posts) == 3
    assert "the server failed (HTTP 500): refused by the test proxy" in err
    assert "loaded 0 of 3 document graph(s)" in err
    assert after == before
