"""SPARQL Update texts that replace named graphs, shared by the embedded and remote stores.

Each graph's triples go in ``INSERT DATA`` blocks of at most ``TRIPLES_PER_INSERT`` lines:
one request still carries the whole replacement, but no block is so long that a parser
gives up on it (Virtuoso 7 fails on a 6,000-triple ``INSERT DATA``: "SP030 memory
exhausted").  With ``union``, the default graph is kept the union of the named graphs, as a
set: the embedded store's invariant (see kg.stores.embedded).
"""

from __future__ import annotations

from rdflib import Graph, URIRef

TRIPLES_PER_INSERT = 1000


def leave_union(graph_iri: str) -> str:
    """Update text taking out of the union the triples only this graph asserts."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }}"
        f" FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph_iri}>) }} }}"
    )


def replace_update(graphs: list[tuple[URIRef, Graph]], union: bool = True) -> str:
    """One SPARQL update that swaps each named graph's content for the given triples, and
    (``union``) keeps the default graph the union of the named graphs."""
    return replace_bodies_update({str(iri): g.serialize(format="nt") for iri, g in graphs}, union)


def replace_bodies_update(bodies: dict[str, str], union: bool = True) -> str:
    """``replace_update`` for graphs given as N-Triples text, keyed by graph IRI."""
    parts = []
    for graph_iri, body in bodies.items():
        if union:
            parts.append(leave_union(graph_iri))
        parts.append(f"DROP SILENT GRAPH <{graph_iri}>")
        parts += insert_data(body, graph_iri)
        if union:
            parts += insert_data(body)
    return " ;\n".join(parts)


def insert_data(body: str, graph_iri: str | None = None) -> list[str]:
    """``INSERT DATA`` operations for N-Triples text, into a named graph or the default one."""
    lines = [line for line in body.split("\n") if line.strip()]  # N-Triples escape newlines in literals
    blocks = ["\n".join(lines[i : i + TRIPLES_PER_INSERT]) for i in range(0, len(lines), TRIPLES_PER_INSERT)]
    if graph_iri is None:
        return [f"INSERT DATA {{\n{block}\n}}" for block in blocks]
    return [f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{block}\n}} }}" for block in blocks]


def drop_graphs(graphs: list[str], union: bool = True) -> str:
    """Update text dropping named graphs (and, with ``union``, what only they gave the union)."""
    return " ;\n".join((f"{leave_union(g)} ;\n" if union else "") + f"DROP GRAPH <{g}>" for g in graphs)
