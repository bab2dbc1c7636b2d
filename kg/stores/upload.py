"""Loading source graphs into a remote store, each document all-or-nothing.

Graph Store protocol (default): one PUT per named graph, which the server applies as one
replacement.  A graph larger than one request is sent in pieces to a temporary graph and
then put in place by one SPARQL update, so readers never see half of it.  The store's
readers query the union of all graphs, the temporary one included, so the pieces travel
disguised: every IRI in them is prefixed with the temporary graph's name, and the update
that puts them in place takes the prefix off.  A piece left by a run that died says
nothing about any real resource (in the union it is triples among ``urn:ctkg:upload:``
names), and it is dropped at the start of the next run.  SPARQL Update: batches of graphs,
each batch one request of ``DROP``/``INSERT DATA`` operations (kg.stores.updates).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef

from kg.stores import http as client
from kg.stores.endpoint import Endpoint, RemoteError
from kg.stores.graphs import UPLOAD_PREFIX
from kg.stores.updates import leave_union, replace_update

NT = "application/n-triples"


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)  # graph IRIs, in load order
    not_loaded: list[str] = field(default_factory=list)
    error: str | None = None


def drop_leftovers(endpoint: Endpoint) -> list[str]:
    """Drop temporary upload graphs a previous run left when the server or the client died."""
    data = client.select_json(
        endpoint,
        f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{UPLOAD_PREFIX}")) }}',
    )
    leftovers = [b["g"]["value"] for b in data["results"]["bindings"]]
    if leftovers:
        client.update(endpoint, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in leftovers))
    return leftovers


def _pieces(body: bytes, max_bytes: int) -> list[bytes]:
    """N-Triples cut at line ends into pieces of at most ``max_bytes`` (a longer line stays whole)."""
    pieces, current, size = [], [], 0
    for line in body.splitlines(keepends=True):
        if current and size + len(line) > max_bytes:
            pieces.append(b"".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line)
    return pieces + ([b"".join(current)] if current else [])


def put_graph(endpoint: Endpoint, graph_iri: str, graph: Graph, max_bytes: int) -> None:
    body = graph.serialize(format="nt", encoding="utf-8")
    if len(body) <= max_bytes:
        client.graph_store_request(endpoint, "PUT", graph_iri, body, NT)
        return
    if any(isinstance(t, BNode) for triple in graph for t in triple):
        raise RemoteError(
            f"<{graph_iri}>: too large for one request and has blank nodes, which pieces would split"
        )
    temp = UPLOAD_PREFIX + hashlib.sha256(graph_iri.encode()).hexdigest()[:32]
    disguise = temp + ":"
    for n, piece in enumerate(_pieces(_disguised(body, disguise), max_bytes)):
        client.graph_store_request(endpoint, "PUT" if n == 0 else "POST", temp, piece, NT)
    client.update(endpoint, _put_in_place(temp, disguise, graph_iri))


_TERMS = re.compile(rb"^<([^>]*)> <([^>]*)> (?:<([^>]*)>|(.*)) \.$")


def _disguised(body: bytes, prefix: str) -> bytes:
    """N-Triples (no blank nodes) with ``prefix`` before every IRI."""
    mark = prefix.encode()
    out = []
    for line in body.splitlines():
        m = _TERMS.match(line)
        if m is None:
            raise RemoteError(f"cannot send in pieces an N-Triples line it cannot read: {line[:100]!r}")
        s, p, o, literal = m.groups()
        obj = b"<" + mark + o + b">" if o is not None else literal
        out.append(b"<%s%s> <%s%s> %s .\n" % (mark, s, mark, p, obj))
    return b"".join(out)


def _put_in_place(temp: str, prefix: str, graph_iri: str) -> str:
    """One update: the temporary graph's triples, undisguised, replace the graph's."""

    def bare(var: str) -> str:
        return f'IRI(STRAFTER(STR(?{var}), "{prefix}"))'

    return (
        f"DROP SILENT GRAPH <{graph_iri}> ;\n"
        f"INSERT {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{temp}> {{ ?ds ?dp ?do }}"
        f" BIND({bare('ds')} AS ?s) BIND({bare('dp')} AS ?p)"
        f" BIND(IF(isIRI(?do), {bare('do')}, ?do) AS ?o) }} ;\n"
        f"DROP SILENT GRAPH <{temp}>"
    )


def join_union(graphs: list[str]) -> str:
    """Update text adding these named graphs' triples to the default graph (a set)."""
    return " ;\n".join(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}" for g in graphs)


def upload(
    endpoint: Endpoint,
    graphs: list[tuple[URIRef, Graph]],
    protocol: str = "gsp",
    batch_size: int = 50,
    max_bytes: int = 8_000_000,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Send every graph; on the first failure stop and report what was and was not loaded.
    With a union ctkg keeps (``endpoint.union == "kept"``) the default graph stays the union of
    the named graphs: in the same request by SPARQL Update; after each batch of Graph Store
    PUTs, with the Graph Store protocol."""
    kept = endpoint.union == "kept"
    report = LoadReport()
    try:
        dropped = drop_leftovers(endpoint)
        if dropped:
            progress(f"dropped {len(dropped)} temporary graph(s) left by an earlier run")
    except RemoteError as err:
        report.not_loaded = [str(iri) for iri, _ in graphs]
        report.error = str(err)
        return report
    for start in range(0, len(graphs), batch_size):
        batch = graphs[start : start + batch_size]
        try:
            if protocol == "update":
                client.update(endpoint, replace_update(batch, union=kept))
                report.loaded += [str(iri) for iri, _ in batch]
            else:
                for iri, graph in batch:
                    if kept:  # what only the old graph gave the union goes before the graph does
                        client.update(endpoint, leave_union(str(iri)))
                    put_graph(endpoint, str(iri), graph, max_bytes)
                    report.loaded.append(str(iri))
                if kept:
                    client.update(endpoint, join_union([str(iri) for iri, _ in batch]))
        except RemoteError as err:
            report.error = str(err)
            report.not_loaded = [str(iri) for iri, _ in graphs if str(iri) not in set(report.loaded)]
            return report
        progress(f"{len(report.loaded)}/{len(graphs)} graphs loaded")
    return report
