"""Federation: fetch labels and cross-references for our drug and condition mappings from a
Wikidata-shaped SPARQL endpoint, into a named graph of their own.

The remote query (queries/remote/wikidata-drug-crossrefs.rq) asks for the items whose NCI
Thesaurus ID is one of the NCIt codes our lexicon mapped; each of our nodes is then linked to
its item with skos:exactMatch.  The graph ``<base>graph/enrichment`` is replaced whole on each
run and can be dropped; the source graphs are never touched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import SKOS, Graph, Literal, URIRef

from kg.normalize import NCIT
from kg.resources import bundled_path
from kg.stores.graphs import enrichment_graph_iri

if TYPE_CHECKING:
    import pyoxigraph

    from kg.stores.protocol import Store

WDT_NCIT = URIRef("http://www.wikidata.org/prop/direct/P1748")
QUERY = bundled_path("queries", "remote/wikidata-drug-crossrefs.rq")


class EnrichError(RuntimeError):
    """The endpoint could not be asked or gave no RDF."""


def ncit_mappings(store: pyoxigraph.Store) -> dict[str, set[str]]:
    """NCIt code -> our nodes mapped to it (drugs, conditions)."""
    query = f"""SELECT DISTINCT ?node ?target WHERE {{
      GRAPH ?g {{ ?node <{SKOS.exactMatch}> ?target . ?g a <https://w3id.org/ctkg/ontology#SourceGraph> }}
      FILTER(STRSTARTS(STR(?target), "{NCIT}")) }}"""
    found: dict[str, set[str]] = {}
    for row in store.query(query):
        found.setdefault(row["target"].value[len(NCIT) :], set()).add(row["node"].value)
    return found


def remote_query(codes: list[str]) -> str:
    """The bundled remote query with the NCIt codes in its VALUES block."""
    values = " ".join(Literal(c).n3() for c in sorted(codes))
    text, n = re.subn(r"VALUES \?ncit \{[^}]*\}", f"VALUES ?ncit {{ {values} }}", QUERY.read_text())
    if n != 1:
        raise EnrichError(f"{QUERY}: expected one 'VALUES ?ncit {{...}}' line to bind the codes in")
    return text


def fetch(endpoint: str, codes: list[str], timeout: int = 60) -> Graph:
    """The CONSTRUCT result of the remote query, through the one SPARQL client (kg.stores.http)."""
    from kg.stores import http
    from kg.stores.endpoint import Endpoint, RemoteError

    try:
        return http.construct(Endpoint(endpoint, endpoint, endpoint, timeout=timeout), remote_query(codes))
    except RemoteError as err:
        raise EnrichError(str(err)) from None


def enrich(target: Store | pyoxigraph.Store, endpoint: str, base: str) -> Graph:
    """Fetch what the endpoint knows of our NCIt-mapped nodes and replace the enrichment graph,
    on any store (kg.stores)."""
    from kg.stores import as_store

    store = as_store(target)
    mappings = ncit_mappings(store.local())
    if not mappings:
        raise EnrichError("no drug or condition in the store has an NCIt mapping to look up")
    remote = fetch(endpoint, list(mappings))
    graph = Graph()
    graph += remote
    for item, code in remote.subject_objects(WDT_NCIT):
        for node in mappings.get(str(code), ()):
            graph.add((URIRef(node), SKOS.exactMatch, item))
    store.replace_graphs([(enrichment_graph_iri(base), graph)])
    return graph
