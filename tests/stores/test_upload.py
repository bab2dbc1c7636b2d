"""`ctkg build --endpoint` against a real Oxigraph server: complete graphs or none, even when
the server dies in the middle of a load."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import FIXTURES, SEED
from servers import OxigraphServer, Proxy, free_port

from kg.build import collect
from kg.cli import main
from kg.stores import http as client
from kg.stores import resolve_endpoint
from kg.stores.embedded import ontology_terms
from kg.stores.upload import UPLOAD_PREFIX

INPUTS = [SEED, FIXTURES / "ctgov" / "NCT03424005.xml", FIXTURES / "ctgov" / "NCT06388018.json"]


def _expected() -> dict[str, int]:
    return {str(d.graph_iri): len(d.graph) for d in collect(INPUTS, progress=lambda _m: None).documents}


def _graph_sizes(query_url: str) -> dict[str, int]:
    data = client.select_json(
        resolve_endpoint(query_url),
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    )
    return {b["g"]["value"]: int(b["n"]["value"]) for b in data["results"]["bindings"]}


@pytest.mark.parametrize(
    "extra", [[], ["--protocol", "update", "--batch-size", "2"], ["--max-request-bytes", "20000"]]
)
def test_build_loads_every_graph_whole_and_reruns_do_not_duplicate(oxigraph, extra, capsys):
    for _ in range(2):
        assert main(["build", *map(str, INPUTS), "--endpoint", oxigraph.query_url, *extra]) == 0
    ontology_iri, ontology = ontology_terms()
    assert _graph_sizes(oxigraph.query_url) == _expected() | {str(ontology_iri): len(ontology)}
    assert "graphs loaded" in capsys.readouterr().err


def _dying_proxy(upstream: OxigraphServer) -> Proxy:
    """Forwards to Oxigraph and kills it when the second document's second piece arrives:
    the first document is complete, the second only half-uploaded to its temporary graph."""
    upload_graphs: list[str] = []

    def intercept(method: str, path: str, body: bytes) -> None:
        graph = parse_qs(urlsplit(path).query).get("graph", [""])[0]
        if method == "PUT" and graph.startswith(UPLOAD_PREFIX):
            upload_graphs.append(graph)
        if method == "POST" and graph.startswith(UPLOAD_PREFIX) and graph != upload_graphs[0]:
            upstream.kill()

    return Proxy(upstream.port, intercept)


def _first_graph(iri: str):
    return next(
        d for d in collect(INPUTS, progress=lambda _m: None).documents if str(d.graph_iri) == iri
    ).graph


def test_a_server_dying_mid_load_leaves_no_partial_graph(tmp_path, capsys):
    server = OxigraphServer(tmp_path / "ox").start()
    proxy = _dying_proxy(server)
    url = proxy.url("/query")
    try:
        assert main(["build", *map(str, INPUTS), "--endpoint", url, "--max-request-bytes", "15000"]) == 1
    finally:
        proxy.shutdown()
    err = capsys.readouterr().err
    expected = _expected()
    first, *rest = expected  # documents go in input order
    assert "loaded 1 of 3 document graph(s)" in err
    assert f"  loaded     {INPUTS[0]} <{first}>" in err
    for iri, path in zip(rest, INPUTS[1:], strict=True):
        assert f"  not loaded {path} <{iri}>" in err

    server = OxigraphServer(tmp_path / "ox").start()  # the same data, after the crash
    try:
        after_crash = _graph_sizes(server.query_url)
        assert {g: n for g, n in after_crash.items() if not g.startswith(UPLOAD_PREFIX)} == {
            first: expected[first]
        }
        assert any(g.startswith(UPLOAD_PREFIX) for g in after_crash)  # the half-sent piece, hidden:
        # readers of the union see nothing of the second document, not even the half sent
        second = next(d for d in collect(INPUTS[1:2], progress=lambda _m: None).documents)
        subjects = {str(s) for s in second.graph.subjects()} - {
            str(s) for s in _first_graph(first).subjects()
        }
        seen = client.select_json(
            resolve_endpoint(server.query_url),
            "SELECT DISTINCT ?s WHERE { ?s ?p ?o }",  # the default graph: the union of all graphs
        )
        in_union = {b["s"]["value"] for b in seen["results"]["bindings"]}
        assert subjects and not subjects & in_union
        assert all(
            s.startswith(UPLOAD_PREFIX) for s in in_union - {str(s) for s in _first_graph(first).subjects()}
        )
        assert (
            main(["build", *map(str, INPUTS), "--endpoint", server.query_url, "--max-request-bytes", "15000"])
            == 0
        )
        assert "dropped 1 temporary graph(s) left by an earlier run" in capsys.readouterr().err
        ontology_iri, ontology = ontology_terms()
        assert _graph_sizes(server.query_url) == expected | {str(ontology_iri): len(ontology)}
    finally:
        server.kill()


def test_the_documents_are_validated_before_anything_is_sent(oxigraph, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("not a PubMed page\n")
    assert main(["build", str(SEED), str(bad), "--endpoint", oxigraph.query_url]) == 2
    assert _graph_sizes(oxigraph.query_url) == {}


def test_unreachable_endpoint_is_a_clear_error(capsys):
    port = free_port()
    assert main(["build", str(SEED), "--endpoint", f"http://127.0.0.1:{port}/query"]) == 1
    err = capsys.readouterr().err
    assert f"http://127.0.0.1:{port}/query: unreachable" in err
    assert f"  not loaded {SEED}" in err


def test_pieces_are_cut_at_line_ends():
    from kg.stores.upload import _pieces

    body = b"".join(f'<s> <p> "{i}" .\n'.encode() for i in range(100))
    pieces = _pieces(body, 200)
    assert b"".join(pieces) == body
    assert all(p.endswith(b"\n") and len(p) <= 200 for p in pieces)
