"""Every bundled query gives the same rows on the embedded store and on a real Oxigraph
server loaded by `ctkg build --endpoint` (rdflib's engine: tests/test_queries.py).  Both also
hold the participant-flow fixture (tests/conftest.py), sent as `ctkg build` sends graphs, and a
registry record with baseline characteristics."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED, flow_documents

from kg.cli import main
from kg.queries import list_queries, load_query, run
from kg.stores.endpoint import resolve_endpoint

QUERIES = list_queries()
PARAMS = {"drug": "docetaxel", "class": "PD-L1 inhibitor"}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    from servers import OxigraphServer

    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")  # one build time for both builds
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
    store = tmp_path_factory.mktemp("store")
    assert main(["build", str(SEED), "--endpoint", server.query_url]) == 0
    assert main(["build", str(SEED), "--store", str(store)]) == 0
    record = str(Path(__file__).parents[1] / "fixtures" / "ctgov" / "NCT00023673.xml")  # baseline figures
    assert main(["build", record, "--endpoint", server.query_url]) == 0
    assert main(["build", record, "--store", str(store)]) == 0
    counselled = str(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16820547.txt")  # background care
    assert main(["build", counselled, "--endpoint", server.query_url]) == 0
    assert main(["build", counselled, "--store", str(store)]) == 0
    _load_flow(server.query_url, store)
    mp.undo()
    yield server, store
    server.kill()


def _load_flow(query_url: str, store) -> None:
    """The participant-flow documents (no source file yields them yet) into both stores: the
    server through the Graph Store protocol, as `ctkg build --endpoint` does, the embedded
    store in one update, as `ctkg build` does."""
    from kg.mapping import document_graph
    from kg.namespaces import DEFAULT_BASE
    from kg.stores.embedded import open_oxigraph, replace_graphs
    from kg.stores.upload import upload

    graphs = [document_graph(doc, DEFAULT_BASE) for doc in flow_documents()]
    assert upload(resolve_endpoint(query_url), graphs).error is None
    with open_oxigraph(store) as s:
        replace_graphs(s, graphs)


def _cli_rows(capsys, argv: list[str]) -> list[str]:
    capsys.readouterr()
    assert main(argv) == 0
    table = json.loads(capsys.readouterr().out)
    return sorted(json.dumps(row, sort_keys=True) for row in table["rows"])


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_same_rows_on_embedded_store_and_oxigraph_server(loaded, capsys, query):
    server, store = loaded
    params = [f"--param={k}={PARAMS[k]}" for k in query.parameters]
    remote = _cli_rows(
        capsys, ["query", query.name, "--format", "json", "--endpoint", server.query_url, *params]
    )
    local = _cli_rows(capsys, ["query", query.name, "--format", "json", "--store", str(store), *params])
    assert remote == local
    if query.name not in ("extraction-report", "source-conflicts", "unmapped-drugs", "drug-crossrefs"):
        assert remote


@pytest.mark.parametrize("value", ['doce"taxel', "a } UNION { ?s ?p ?o }", "line\nbreak", "back\\slash'"])
def test_parameters_reach_the_server_as_escaped_values(loaded, value):
    server, _ = loaded
    assert run(resolve_endpoint(server.query_url), load_query("trials-by-drug"), {"drug": value}).rows == []


def test_values_keep_their_python_types_remotely(loaded):
    server, store = loaded
    (remote,) = [
        r
        for r in run(resolve_endpoint(server.query_url), load_query("trial-summary")).rows
        if r["acronym"] == "CONTACT-01"
    ]
    assert remote["n_randomized"] == 366 and remote["primary_endpoint_met"] is False
    flow = run(resolve_endpoint(server.query_url), load_query("participant-flow")).rows
    assert [(r["count"], r["percent"]) for r in flow if r["percent"] is not None] == [(147, Decimal(60))]


def test_summary_validate_and_export_read_the_server(loaded, capsys):
    server, store = loaded
    for command in (["summary"], ["validate"]):
        capsys.readouterr()
        assert main([*command, "--endpoint", server.query_url]) == 0
        remote = capsys.readouterr().out
        assert main([*command, "--store", str(store)]) == 0
        assert remote == capsys.readouterr().out
    assert main(["export", "--format", "nq", "--endpoint", server.query_url]) == 0
    remote = capsys.readouterr().out
    assert main(["export", "--format", "nq", "--store", str(store)]) == 0
    assert sorted(remote.splitlines()) == sorted(capsys.readouterr().out.splitlines())


def test_reasoning_on_the_server_gives_the_embedded_store_graphs(loaded, capsys):
    """`reason` works on any store: the server's trials are read from a copy of its ctkg graphs,
    the inferred graph goes back to the server, and the exports still agree (the inferred graph
    included, found by its minted IRI among the server's graphs)."""
    from kg.namespaces import DEFAULT_BASE
    from kg.owl.reasoner import reason
    from kg.stores import open_store
    from kg.stores.graphs import inferred_graph_iri

    server, store = loaded
    with open_store(resolve_endpoint(server.query_url)) as remote:
        inferred = reason(remote, DEFAULT_BASE, "rules")
        assert str(inferred_graph_iri(DEFAULT_BASE)) in remote.ctkg_graphs()
    with open_store(store) as embedded:
        assert len(reason(embedded, DEFAULT_BASE, "rules")) == len(inferred) > 0
    assert main(["export", "--format", "nq", "--endpoint", server.query_url]) == 0
    remote_nq = capsys.readouterr().out
    assert main(["export", "--format", "nq", "--store", str(store)]) == 0
    local_nq = capsys.readouterr().out
    assert sorted(remote_nq.splitlines()) == sorted(local_nq.splitlines())
    assert "graph/inferred>" in local_nq
