"""Real SPARQL clients against a real `ctkg serve` process (tests/web/conftest.py: CONTACT-01
and three docetaxel trials, loopback, started and stopped by PID): SPARQLWrapper with its
default settings (results as XML, and ``format=xml&output=xml&results=xml`` sent with every
query, CONSTRUCT and DESCRIBE too), and rdflib's SPARQLStore.  Every answer is checked
against the same query on the embedded store."""

from __future__ import annotations

import warnings

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import SPARQLWrapper

from kg.namespaces import DEFAULT_BASE

TRIAL = f"{DEFAULT_BASE}trial/nct04471428"  # CONTACT-01
PREFIX = "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> "
ARMS = (
    PREFIX + f"SELECT ?arm ?n WHERE {{ <{TRIAL}> ctkg:hasArm ?arm . ?arm ctkg:nRandomized ?n }} ORDER BY ?arm"
)
CONSTRUCT = PREFIX + f"CONSTRUCT {{ ?arm ?p ?o }} WHERE {{ <{TRIAL}> ctkg:hasArm ?arm . ?arm ?p ?o }}"
DESCRIBE = f"DESCRIBE <{TRIAL}>"


def embedded_graph(store: pyoxigraph.Store, query: str) -> Graph:
    nt = pyoxigraph.serialize(store.query(query), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt.decode(), format="nt")


def default_wrapper(endpoint: str, query: str) -> SPARQLWrapper:
    """SPARQLWrapper as a user gets it: nothing set but the endpoint and the query."""
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    return sparql


@pytest.fixture(scope="module")
def endpoint(web_url) -> str:
    return f"{web_url}/sparql"


def test_select_with_default_settings_comes_as_xml_results(endpoint):
    dom = default_wrapper(endpoint, ARMS).queryAndConvert()
    numbers = sorted(int(node.firstChild.nodeValue) for node in dom.getElementsByTagName("literal"))
    assert numbers == [
        180,
        186,
    ]  # "186 patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel"


def test_ask_with_default_settings(endpoint):
    for query, expected in (
        (PREFIX + f"ASK {{ <{TRIAL}> a ctkg:Trial }}", "true"),
        ("ASK { <urn:x> ?p ?o }", "false"),
    ):
        dom = default_wrapper(endpoint, query).queryAndConvert()
        assert dom.getElementsByTagName("boolean")[0].firstChild.nodeValue == expected


@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE], ids=["construct", "describe"])
def test_construct_and_describe_with_default_settings_come_as_rdf_xml(endpoint, web_store, query):
    sparql = default_wrapper(endpoint, query)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # SPARQLWrapper warns of a format it did not ask for
        result = sparql.query()
        graph = result.convert()
    assert result.info()["content-type"] == "application/rdf+xml"  # was 406: format=xml won over Accept
    expected = embedded_graph(web_store, query)
    assert len(graph) == len(expected) > 10
    assert isomorphic(graph, expected)


def test_sparqlstore_select_ask_construct_and_triples(endpoint, web_store):
    graph = Graph(store=SPARQLStore(endpoint))
    rows = sorted(int(row.n) for row in graph.query(ARMS))
    assert rows == [180, 186]
    assert graph.query(PREFIX + f"ASK {{ <{TRIAL}> a ctkg:Trial }}").askAnswer is True
    constructed = graph.query(CONSTRUCT).graph
    assert isomorphic(constructed, embedded_graph(web_store, CONSTRUCT))
    served = set(graph.predicate_objects(URIRef(TRIAL)))  # SPARQLStore sends a SELECT for it
    about = embedded_graph(web_store, f"CONSTRUCT {{ <{TRIAL}> ?p ?o }} WHERE {{ <{TRIAL}> ?p ?o }}")
    assert served == set(about.predicate_objects(URIRef(TRIAL))) and len(served) > 5
