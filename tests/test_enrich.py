"""Federation: 'ctkg enrich' against a real SPARQL server (oxigraph serve) over loopback,
loaded with a small graph in Wikidata's shape."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import SKOS, URIRef
from servers import OxigraphServer, free_port

from kg.cli import main
from kg.enrich import EnrichError, enrich, ncit_mappings, remote_query
from kg.queries import load_query, run
from kg.stores.embedded import named_graphs, open_oxigraph, remove_sources
from kg.stores.graphs import enrichment_graph_iri

ID = "https://w3id.org/ctkg/id/"
FIXTURE = Path(__file__).parent / "fixtures" / "wikidata" / "drugs.ttl"
OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A real Oxigraph server on a free loopback port, holding the fixture; stopped at the end."""
    location = tmp_path_factory.mktemp("wikidata")
    subprocess.run([OXIGRAPH, "load", "--location", str(location), "--file", str(FIXTURE)], check=True)
    server = OxigraphServer(location).start()
    yield server.query_url
    server.kill()


@pytest.fixture
def store(two_trials_store):
    copy = pyoxigraph.Store()
    copy.extend(two_trials_store)
    return copy


def test_our_ncit_codes_are_bound_into_the_remote_query(store):
    codes = ncit_mappings(store)
    assert {"C106250", "C52200", "C1526", "C2926"} <= set(codes)
    assert codes["C106250"] == {f"{ID}drug/atezolizumab"}
    query = remote_query(["C1526", "C106250"])
    assert 'VALUES ?ncit { "C106250" "C1526" }' in query


def test_enrich_fetches_labels_and_cross_references_into_its_own_graph(store, endpoint):
    before = sorted(str(q) for q in store)
    graph = enrich(store, endpoint, ID)
    docetaxel, item = URIRef(f"{ID}drug/docetaxel"), URIRef(f"{WD}Q900000001")
    assert (docetaxel, SKOS.exactMatch, item) in graph
    assert (
        URIRef(f"{ID}condition/non-small-cell-lung-cancer"),
        SKOS.exactMatch,
        URIRef(f"{WD}Q900000004"),
    ) in graph
    assert URIRef(f"{WD}Q900000099") not in set(graph.subjects())  # not one of our codes
    table = run(store, load_query("drug-crossrefs"))
    rows = {r["name"]: r for r in table.rows}
    assert rows["docetaxel"]["item_label"] == "docetaxel"  # the English label only
    assert rows["docetaxel"]["description"] == "test item: a taxane"
    assert (rows["docetaxel"]["chebi"], rows["docetaxel"]["chembl"]) == ("9000001", "CHEMBL9000001")
    assert rows["atezolizumab"]["chebi"] is None and rows["non-small cell lung cancer"]["mesh"] == "D002289"
    assert len(rows) == 4
    assert str(enrichment_graph_iri(ID)) not in named_graphs(store)
    enrich(store, endpoint, ID)  # replaced, not added to
    assert len(run(store, load_query("drug-crossrefs")).rows) == len(table.rows)
    remove_sources(store, [str(enrichment_graph_iri(ID))])
    assert sorted(str(q) for q in store) == before


def test_cli_enrich(tmp_path, seed_path, endpoint, capsys):
    location = tmp_path / "store"
    assert main(["build", str(seed_path), "--store", str(location)]) == 0
    assert main(["enrich", "--endpoint", endpoint, "--store", str(location)]) == 0
    assert "triples from" in capsys.readouterr().out
    with open_oxigraph(location, read_only=True) as s:
        names = {r["name"] for r in run(s, load_query("drug-crossrefs")).rows}
    assert names == {"atezolizumab", "cabozantinib", "docetaxel", "non-small cell lung cancer"}


def test_an_unreachable_endpoint_is_a_clear_error(store):
    with pytest.raises(EnrichError, match=r"127\.0\.0\.1"):
        enrich(store, f"http://127.0.0.1:{free_port()}/query", ID)


def test_cli_reports_an_unreachable_endpoint(tmp_path, seed_path, capsys):
    location = tmp_path / "store"
    assert main(["build", str(seed_path), "--store", str(location)]) == 0
    assert (
        main(["enrich", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--store", str(location)]) == 2
    )
    assert "ctkg enrich: error:" in capsys.readouterr().err
