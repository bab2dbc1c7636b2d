"""What every store offers: the embedded one (kg.stores.embedded) and a remote SPARQL server
(kg.stores.remote).  Commands and the library talk to this interface only, so build,
validate, query, export, reason, enrich and summary work on both."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph, URIRef


class Term(NamedTuple):
    """One value of a result row: its lexical form, and for a literal its datatype IRI or its
    language; None for IRIs, plain strings (xsd:string) and language-tagged strings alike, as
    engines write them differently (SPARQL JSON results may omit xsd:string)."""

    value: str
    datatype: str | None = None
    language: str | None = None

    @classmethod
    def of(cls, value: str, datatype: str | None = None, language: str | None = None) -> Term:
        if datatype in (XSD_STRING, LANG_STRING):
            datatype = None
        return cls(value, datatype, language or None)


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Solutions:
    """A SELECT query's answer: the projected variables, and rows (None where unbound)."""

    columns: list[str]
    rows: list[dict[str, Term | None]]


class Store(Protocol):
    """A ctkg store: one named graph per source document, queried through the union of them all,
    which every query reads as its default graph, as a set."""

    location: str  # a folder or an endpoint URL, for messages

    def select(self, text: str) -> Solutions:
        """A SELECT query over the union of the graphs."""

    def construct(self, text: str) -> Graph:
        """A CONSTRUCT query over the union of the graphs."""

    def protocol_query(
        self,
        text: str,
        default_graphs: Sequence[str] = (),
        named_graphs: Sequence[str] = (),
        base_iri: str | None = None,
    ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | Iterable[pyoxigraph.Triple]:
        """Any query form as the SPARQL 1.1 Protocol asks it (the request's dataset, if any; the
        base of relative IRIs), answered as pyoxigraph's result objects, which ``ctkg serve``
        writes in the format the client negotiated (kg.web.evaluate)."""

    def source_graphs(self) -> list[str]:
        """The source graphs (each a ctkg:SourceGraph), sorted; not the ontology or derived ones."""

    def ctkg_graphs(self) -> list[str]:
        """Every graph ctkg wrote (sources, ontology terms, derived graphs), sorted; never a
        server's own graphs."""

    def graph(self, graph_iri: str) -> Graph:
        """One named graph's triples."""

    def replace_graphs(self, graphs: list[tuple[URIRef, Graph]]) -> None:
        """Swap each named graph's content for the given triples; readers never see half of it."""

    def bulk_load(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        """Load many new graphs as fast as the store can (not atomic as a whole)."""

    def remove_sources(self, sources: list[str]) -> list[str]:
        """Drop the graphs of the given sources (graph IRI or file name); the dropped IRIs."""

    def local(self) -> pyoxigraph.Store:
        """The ctkg graphs in an embedded engine, union in the default graph, for the jobs that
        need a whole local dataset (SHACL validation, export, reasoning): the embedded store
        itself, or a copy of a server's ctkg graphs (never its system graphs)."""
