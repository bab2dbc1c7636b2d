"""Disagreements between sources, found when sources change and kept in the findings graph:
a second CONTACT-01 page printing "HR, 0.75 [" where the first prints "HR, 0.74 [" marks
the trial, on the embedded store and on a server, and taking that page out unmarks it."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Dataset, Literal, URIRef

from kg.build import build
from kg.cli import main
from kg.export import export_bytes
from kg.findings import check_query, marked
from kg.namespaces import CTKG
from kg.queries import load_query, run
from kg.stores import open_store
from kg.stores.embedded import open_oxigraph
from kg.stores.endpoint import resolve_endpoint
from tests.conftest import FLAURA

CONTACT = "https://w3id.org/ctkg/id/trial/nct04471428"
FINDINGS = URIRef("https://w3id.org/ctkg/id/graph/findings")


@pytest.fixture()
def altered(tmp_path, seed_text):
    """The CONTACT-01 page again, under another PMID, with its PFS hazard ratio off by 0.01."""
    text = seed_text.replace("PMID: 38552197", "PMID: 22222222")
    assert "HR, 0.74 [" in text
    path = tmp_path / "altered.txt"
    path.write_text(text.replace("HR, 0.74 [", "HR, 0.75 ["))
    return path


def conflicts(target) -> list[tuple]:
    return [
        (r["trial_iri"], r["field"], r["value_a"], r["value_b"])
        for r in run(target, load_query("source-conflicts")).rows
    ]


def test_a_build_marks_exactly_the_trials_whose_sources_disagree(seed_path, altered):
    store = pyoxigraph.Store()
    build([seed_path, FLAURA], store, progress=lambda _m: None)
    assert marked(store) == set() and conflicts(store) == []
    build([altered], store, progress=lambda _m: None)  # a later build, one new source
    assert marked(store) == {CONTACT}
    assert [(t, f, str(a), str(b)) for t, f, a, b in conflicts(store)] == [
        (CONTACT, "estimate", "0.75", "0.74")
    ]
    # the rows are those the comparison of every multi-source trial gives, marks or not
    assert run(store, check_query()).rows == run(store, load_query("source-conflicts")).rows


def test_the_findings_graph_is_exported_with_the_sources(seed_path, altered):
    store = pyoxigraph.Store()
    build([seed_path, altered], store, progress=lambda _m: None)
    dataset = Dataset()
    dataset.parse(data=export_bytes(store, "nq"), format="nquads")
    assert set(dataset.graph(FINDINGS)) == {(URIRef(CONTACT), CTKG.sourcesDisagree, Literal(True))}


def test_removing_the_disagreeing_source_unmarks_the_trial(tmp_path, seed_path, altered):
    location = str(tmp_path / "store")
    assert main(["build", str(seed_path), str(altered), str(FLAURA), "--store", location]) == 0
    with open_oxigraph(location, read_only=True) as store:
        assert marked(store) == {CONTACT} and len(conflicts(store)) == 1
    assert main(["remove", "altered.txt", "--store", location]) == 0
    with open_oxigraph(location, read_only=True) as store:
        assert marked(store) == set() and conflicts(store) == []
        assert not store.contains_named_graph(pyoxigraph.NamedNode(str(FINDINGS)))


def test_a_server_is_marked_and_unmarked_like_the_embedded_store(tmp_path, seed_path, altered):
    from servers import OxigraphServer

    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        assert main(["build", str(seed_path), str(altered), "--endpoint", server.query_url]) == 0
        with open_store(resolve_endpoint(server.query_url)) as store:
            assert marked(store) == {CONTACT} and len(conflicts(store)) == 1
            assert str(FINDINGS) in store.ctkg_graphs()
        assert main(["remove", "altered.txt", "--endpoint", server.query_url]) == 0
        with open_store(resolve_endpoint(server.query_url)) as store:
            assert marked(store) == set() and conflicts(store) == []
    finally:
        server.kill()
