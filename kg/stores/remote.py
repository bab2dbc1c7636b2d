"""A remote SPARQL server as a ctkg store: the SPARQL 1.1 Protocol to read and update, the Graph
Store HTTP Protocol to load (kg.stores.upload), through the one HTTP client (kg.stores.http).

Queries read the server's default graph, which must be the union of the named graphs: either
ctkg keeps it there, as a set, as in the embedded store (``Endpoint.union == "kept"``; an
Oxigraph server without ``--union-default-graph``), or the server makes it (``"server"``:
Oxigraph ``--union-default-graph``; Virtuoso and GraphDB do by default).  A server's union
is a bag (a triple k graphs assert comes back k times, and every join on a node many
documents share multiplies: 37 times slower on the 1,059-page pool) and may hold the
server's own graphs: the bundled queries are written to give the same rows either way
(tests/stores/test_backends.py).  Jobs that
need a whole dataset (SHACL validation with its cross-document checks, export, reasoning) run on
a local copy of ctkg's graphs only, read as N-Triples: the same verdicts and the same export as
the embedded store, never a server's system graphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kg.stores import http
from kg.stores.endpoint import Endpoint, RemoteError
from kg.stores.graphs import ONTOLOGY_GRAPH, derived_graphs_of
from kg.stores.protocol import Solutions, Term
from kg.stores.updates import drop_graphs

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph, URIRef


class RemoteStore:
    """A SPARQL server through the interface every store offers (kg.stores.protocol)."""

    def __init__(
        self, endpoint: Endpoint, protocol: str = "gsp", batch_size: int = 50, max_bytes: int = 8_000_000
    ):
        self.endpoint = endpoint
        self.location = endpoint.query_url
        self.protocol = protocol  # "gsp" (Graph Store protocol) or "update" (SPARQL Update)
        self.batch_size = batch_size
        self.max_bytes = max_bytes

    def select(self, text: str) -> Solutions:
        data = http.select_json(self.endpoint, text)
        columns = data.get("head", {}).get("vars", [])
        rows = [
            {
                c: Term.of(b[c]["value"], b[c].get("datatype"), b[c].get("xml:lang")) if c in b else None
                for c in columns
            }
            for b in data.get("results", {}).get("bindings", [])
        ]
        return Solutions(columns, rows)

    def construct(self, text: str) -> Graph:
        return http.construct(self.endpoint, text)

    def protocol_query(
        self,
        text: str,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ):
        """Any query form, asked of the server (solutions as SPARQL JSON, triples as N-Triples,
        so no server writer changes a value) and read back as pyoxigraph's result objects: what
        the embedded store answers, so ``ctkg serve`` writes both alike."""
        import pyoxigraph

        if base_iri:  # relative IRIs resolve against ctkg serve's endpoint, not the server's
            text = f"BASE <{base_iri}>\n{text}"
        dataset = (default_graphs, named_graphs)
        if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            data = http.construct(self.endpoint, text, dataset).serialize(format="nt", encoding="utf-8")
            return [q.triple for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)]
        body = json.dumps(http.select_json(self.endpoint, text, dataset)).encode()
        return pyoxigraph.parse_query_results(body, format=pyoxigraph.QueryResultsFormat.JSON)

    def source_graphs(self) -> list[str]:
        return http.source_graphs(self.endpoint)

    def ctkg_graphs(self) -> list[str]:
        """Every graph ctkg wrote: the sources, the ontology's terms, the derived graphs (not
        the server's own graphs)."""
        sources = self.source_graphs()
        return sources + http.graphs_present(
            self.endpoint, [str(ONTOLOGY_GRAPH), *derived_graphs_of(sources)]
        )

    def graph(self, graph_iri: str) -> Graph:
        return http.graph(self.endpoint, graph_iri)

    def replace_graphs(self, graphs: list[tuple[URIRef, Graph]]) -> None:
        report = self.load(graphs)
        if report.error is not None:
            raise RemoteError(report.error)

    def bulk_load(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        self.replace_graphs(list(graphs))

    def load(self, graphs: list[tuple[URIRef, Graph]], progress: Callable[[str], None] = lambda m: None):
        """Send every graph, each all-or-nothing; a kg.stores.upload.LoadReport of what went in."""
        from kg.stores.upload import upload

        return upload(self.endpoint, graphs, self.protocol, self.batch_size, self.max_bytes, progress)

    def remove_sources(self, sources: list[str]) -> list[str]:
        from kg.namespaces import CTKG

        by_file: dict[str, list[str]] = {}
        query = f"SELECT DISTINCT ?g ?f WHERE {{ GRAPH ?g {{ ?g <{CTKG.sourceFile}> ?f }} }}"
        for row in self.select(query).rows:
            by_file.setdefault(row["f"].value, []).append(row["g"].value)
        known = set(self.ctkg_graphs())
        graphs: list[str] = []
        for source in sources:
            if source in known:
                graphs.append(source)
            elif source in by_file:
                graphs += by_file[source]
            else:
                from kg.stores.embedded import StoreError

                raise StoreError(f"no source {source!r} in the store (see 'ctkg query sources')")
        http.update(self.endpoint, drop_graphs(graphs, union=self.endpoint.union == "kept"))
        return graphs

    def graphs_holding(self, subject: str) -> list[str]:
        query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{subject}> ?p ?o }} }} ORDER BY ?g"
        known = set(self.ctkg_graphs())
        return [r["g"].value for r in self.select(query).rows if r["g"].value in known]

    def local(self) -> pyoxigraph.Store:
        """ctkg's graphs copied into an in-memory engine, their union (a set) as its default graph."""
        import pyoxigraph

        from kg.stores.embedded import rebuild_union

        store = pyoxigraph.Store()
        for iri in self.ctkg_graphs():
            data = self.graph(iri).serialize(format="nt", encoding="utf-8")
            store.load(data, format=pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(iri))
        rebuild_union(store)
        return store


_PROLOGUE = re.compile(r"\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>", re.IGNORECASE)


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first keyword after its prologue (base
    and prefix declarations, comments); None if the text starts otherwise."""
    at = 0
    while match := _PROLOGUE.match(text, at):
        if match.end() == at:
            break
        at = match.end()
    word = re.match(r"[A-Za-z]+", text[at:])
    form = word.group(0).upper() if word else None
    return form if form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") else None
