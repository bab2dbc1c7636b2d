"""Triples as plain tuples, written out either as an rdflib graph or as N-Triples text.

The mapping emits tuples once; building rdflib terms costs more than the mapping itself,
so builds go straight to N-Triples lines inside TriG graph blocks (for pyoxigraph's bulk
loader) and rdflib graphs are made only where a caller wants one (tests, pySHACL).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

from rdflib import XSD, Graph, Literal, URIRef

_XSD = str(XSD)


class Typed(NamedTuple):
    """A literal given by its lexical form and datatype IRI (e.g. an xsd:dateTime stamp)."""

    lexical: str
    datatype: str


# subject, predicate (IRIs) and object: an IRI (URIRef), a Typed literal, or a Python
# value (str, bool, int, Decimal) that maps to the matching XSD literal.
Triple = tuple[URIRef, URIRef, object]


def _escape(text: str) -> str:
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return text


_IRI_ESCAPES = {c: f"\\u{c:04X}" for c in [*range(0x21), *map(ord, '<>"{}|^`\\')]}


def _iri(value: str) -> str:
    return f"<{value.translate(_IRI_ESCAPES)}>" if not value.isprintable() or " " in value else f"<{value}>"


def term(value: object) -> str:
    """One object in N-Triples syntax, with the lexical forms rdflib would write."""
    if isinstance(value, URIRef):
        return _iri(value)
    if isinstance(value, str):
        return f'"{_escape(value)}"'
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^<{_XSD}boolean>'
    if isinstance(value, int):
        return f'"{value}"^^<{_XSD}integer>'
    if isinstance(value, Decimal):
        return f'"{value:f}"^^<{_XSD}decimal>'
    if isinstance(value, Typed):
        return f'"{_escape(value.lexical)}"^^<{value.datatype}>'
    raise TypeError(f"no RDF term for {value!r}")


class TripleSet:
    """Triples without duplicates (RDF term equality, as in a graph), in the order added."""

    def __init__(self) -> None:
        self._by_terms: dict[tuple[str, str, str], Triple] = {}

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        self._by_terms.setdefault((_iri(s), f"<{p}>", term(o)), (s, p, o))

    def __len__(self) -> int:
        return len(self._by_terms)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._by_terms.values())

    def ntriples(self) -> str:
        return "".join(f"{s} {p} {o} .\n" for s, p, o in self._by_terms)

    def trig(self, graph: URIRef) -> str:
        """The triples as one TriG block in the named graph ``graph`` (N-Triples lines inside,
        which is also the body a SPARQL ``INSERT DATA { GRAPH <g> { ... } }`` takes)."""
        return f"{_iri(graph)} {{\n{self.ntriples()}}}\n"

    def graph(self) -> Graph:
        g = Graph()
        for s, p, o in self._by_terms.values():
            g.add((s, p, rdf_term(o)))
        return g


def rdf_term(value: object) -> URIRef | Literal:
    if isinstance(value, URIRef):
        return value
    if isinstance(value, bool | str):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(value, datatype=XSD.decimal)
    if isinstance(value, Typed):
        return Literal(value.lexical, datatype=URIRef(value.datatype))
    raise TypeError(f"no RDF term for {value!r}")
