"""Loading source graphs into a remote store many documents per request, through the server's
bulk door (``ctkg build --endpoint URL --protocol bulk``), all-or-nothing.

Oxigraph's ``/store`` takes N-Quads for the whole dataset (``POST`` without ``graph``) and
loads each request in one transaction; so does Virtuoso's ``DB.DBA.TTLP`` on its own machine
(kg.stores.virtuoso_loader).  ctkg sends the documents' graphs as N-Quads in requests
of about ``--max-request-bytes``, documents whole, so readers never see half of one; with a
union ctkg keeps, each triple goes to the default graph in the same request (a store keeps a
quad once: the union stays a set).  A POST only adds, so it carries the graphs the server
does not hold yet (a first load: the bulk of any large one); graphs it holds, and a document
larger than one request, are replaced as by the Graph Store protocol (kg.stores.upload).  If
a POST fails, the graphs this run added are dropped again, with what only they gave a
kept union: the store is as it was, if the server still answers (if it died, it holds whole
documents only, and the report lists them).

Oxigraph's non-transactional loader (``POST /store?no_transaction``) is faster still, but
what it loads must then be staged where readers cannot see it (disguised temporary graphs,
as kg.stores.upload sends pieces) and moved in place by SPARQL updates, which write every
quad again in transactions: 500 generated documents (169,332 triples) took 3.7 s to stage
and 17.8 s to move, against 4.8 s by transactional POSTs and 14.6 s by Graph Store PUTs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from kg.stores import http as client
from kg.stores.endpoint import Endpoint, RemoteError
from kg.stores.updates import leave_union
from kg.stores.upload import LoadReport, drop_leftovers, upload

NQ = "application/n-quads"
PER_UPDATE = 200  # graphs named in one query or update (the held ones, the ones to drop)


def bulk_door(endpoint: Endpoint) -> Callable[[bytes], None] | None:
    """How the server takes a request of N-Quads in one transaction, or None when it offers
    no way ctkg knows: Oxigraph's ``/store``, or Virtuoso's SQL loader where it runs on this
    machine and the environment configures it (kg.stores.virtuoso_loader).  The ``Server``
    header of its answers says which it is."""
    software = client.server_software(endpoint)
    if software.startswith("Oxigraph/"):
        return partial(_post, endpoint)
    if software.startswith("Virtuoso/"):
        from kg.stores.virtuoso_loader import virtuoso_loader

        return virtuoso_loader(endpoint)
    return None


def _post(endpoint: Endpoint, quads: bytes) -> None:
    client.request(endpoint, "POST", endpoint.store_url, quads, {"Content-Type": NQ}, "request")


def bulk_upload(
    endpoint: Endpoint,
    documents: list[tuple[str, bytes]],
    send: Callable[[bytes], None],
    batch_size: int = 50,
    max_bytes: int = 8_000_000,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadReport:
    """Send every document (graph IRI, N-Triples): new graphs as N-Quads through ``send`` (a
    ``bulk_door``) in requests of about ``max_bytes``, the others by the Graph Store protocol;
    on the first failure stop, take back what this run added if the server lets it, and
    report what is and is not loaded."""
    iris = [iri for iri, _ in documents]
    report = LoadReport(not_loaded=list(iris))
    kept = endpoint.union == "kept"
    try:
        held = _held(endpoint, iris)
    except RemoteError as err:
        report.error = str(err)
        return report
    fresh = [(i, body) for i, body in documents if i not in held and _size(i, body, kept) <= max_bytes]
    added: list[str] = []
    try:
        for names, body in _requests(fresh, max_bytes, kept):
            send(body)
            added += names
            progress(f"{len(added)}/{len(iris)} graphs loaded")
    except RemoteError as err:
        report.error = str(err)
        taken_back = _take_back(endpoint, added, kept)
        report.loaded = [] if taken_back else added
        report.not_loaded = [iri for iri in iris if iri not in set(report.loaded)]
        return report
    report.loaded, report.not_loaded = added, []
    return _replace_the_rest(endpoint, documents, set(added), report, batch_size, max_bytes, progress)


def _replace_the_rest(
    endpoint: Endpoint, documents: list[tuple[str, bytes]], added: set[str], report: LoadReport, *options
) -> LoadReport:
    """The graphs the server held, and documents too large for one request, replaced as by
    the Graph Store protocol (each whole; the report says which went in)."""
    from rdflib import Graph, URIRef

    rest = [
        (URIRef(iri), Graph().parse(data=body.decode(), format="nt"))
        for iri, body in documents
        if iri not in added
    ]
    if not rest:
        drop_leftovers(endpoint)  # what a crashed Graph Store upload left, as upload() does first
        return report
    more = upload(endpoint, rest, "gsp", *options)
    return LoadReport(report.loaded + more.loaded, more.not_loaded, more.error)


def _held(endpoint: Endpoint, iris: list[str]) -> set[str]:
    """Those of the graphs the server holds already."""
    held: set[str] = set()
    for start in range(0, len(iris), PER_UPDATE):
        held.update(client.graphs_present(endpoint, iris[start : start + PER_UPDATE]))
    return held


def _size(iri: str, body: bytes, kept: bool) -> int:
    """Bytes a document takes in a request: each line gains its graph's IRI; ``kept``, twice."""
    return len(body) + body.count(b"\n") * (len(iri) + 3) + (len(body) if kept else 0)


def _requests(
    documents: list[tuple[str, bytes]], max_bytes: int, kept: bool
) -> Iterator[tuple[list[str], bytes]]:
    """(graph IRIs, N-Quads) of about ``max_bytes`` each, documents whole: each triple in its
    graph, and with ``kept`` in the default graph too."""
    names: list[str] = []
    parts: list[bytes] = []
    size = 0
    for iri, body in documents:
        quads = body.replace(b" .\n", b" <%s> .\n" % iri.encode())  # N-Triples end a line only there
        block = quads + body if kept else quads
        if parts and size + len(block) > max_bytes:
            yield names, b"".join(parts)
            names, parts, size = [], [], 0
        names.append(iri)
        parts.append(block)
        size += len(block)
    if parts:
        yield names, b"".join(parts)


def _take_back(endpoint: Endpoint, added: list[str], kept: bool) -> bool:
    """Drop the graphs this run added (none was there before), and with ``kept`` first what
    only each gave the union (one graph after the other: a triple two of them assert leaves
    the union with the second); False if the server does not let it (it died)."""
    try:
        for start in range(0, len(added), PER_UPDATE):
            part = added[start : start + PER_UPDATE]
            ops = [
                op for g in part for op in [*([leave_union(g)] if kept else []), f"DROP SILENT GRAPH <{g}>"]
            ]
            client.update(endpoint, " ;\n".join(ops))
    except RemoteError:
        return False
    return True
