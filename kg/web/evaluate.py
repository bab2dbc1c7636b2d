"""One SPARQL protocol query evaluated on a store: (query, Accept, format, dataset) -> Response.

Any store (kg.stores): the embedded one, whose engine ``ctkg serve`` runs in worker processes
(``kg.web.workers``), so that a query the engine cannot finish in time, or one that crashes
it, costs one worker and not the server; or a remote server, which evaluates the query
itself.  Both answer pyoxigraph's result objects (``Store.protocol_query``), written here in
the negotiated format, so a client gets the same bytes from either.  Results stream from the
engine and are cut at the row limit (the ``X-Ctkg-Truncated`` header says so) and at the
deadline.  Nothing here imports the web pages: a worker starts quickly.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.web.negotiation import negotiate
from kg.web.response import Response, text_response, timed_out

if TYPE_CHECKING:
    from kg.stores.protocol import Store

RESULTS = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
}
GRAPHS = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
# the ``format=`` values this server defines, for each kind of result (media types work too)
RESULT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_NAMES = {
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


class QueryTimeout(Exception):
    pass


def _term_json(term) -> dict:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _solutions(result, limit: int, deadline: float) -> tuple[bytes, bool]:
    """SPARQL JSON results of at most ``limit`` rows, read until the deadline."""
    variables = [v.value for v in result.variables]
    bindings, truncated = [], False
    for solution in result:
        if time.monotonic() > deadline:
            raise QueryTimeout
        if len(bindings) == limit:
            truncated = True
            break
        bindings.append({v: _term_json(solution[v]) for v in variables if solution[v] is not None})
    body = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False).encode(), truncated


def _triples(result, limit: int, deadline: float) -> tuple[list, bool]:
    triples: list = []
    for triple in result:
        if time.monotonic() > deadline:
            raise QueryTimeout
        if len(triples) == limit:
            return triples, True
        triples.append(triple)
    return triples, False


@dataclass
class Job:
    """One query as the protocol received it; relative IRIs in it resolve against ``base_iri``
    (the endpoint's URL, as the protocol allows)."""

    text: str
    accept: str | None
    formats: list[str]
    dataset: dict[str, list[str]]
    base_iri: str | None = None


def evaluate(store: Store, job: Job, row_limit: int, timeout_s: float) -> Response:
    """The protocol's answer to one query on any store: results in the negotiated format, or a
    clean error (a remote server's refusal of the query is the client's 400, its failure 502)."""
    import pyoxigraph

    from kg.stores import RemoteError

    deadline = time.monotonic() + timeout_s
    graphs = [job.dataset.get(key, []) for key in ("default-graph-uri", "named-graph-uri")]
    try:
        for iri in graphs[0] + graphs[1]:
            pyoxigraph.NamedNode(iri)
    except ValueError as err:
        return text_response("400 Bad Request", f"a graph IRI is not an IRI: {err}")
    try:
        result = store.protocol_query(job.text, graphs[0], graphs[1], job.base_iri)
        return _answer(result, job.accept, job.formats, row_limit, deadline)
    except SyntaxError as err:
        return text_response("400 Bad Request", f"malformed query: {err}")
    except QueryTimeout:
        return timed_out(timeout_s)
    except RemoteError as err:
        if err.status == 504:
            return timed_out(timeout_s)
        if err.status == 400:
            return text_response("400 Bad Request", f"malformed query: {err}")
        return text_response("502 Bad Gateway", f"the store's server failed: {err}")
    except (OSError, RuntimeError, ValueError) as err:
        return text_response("500 Internal Server Error", f"query failed: {err}")


def chosen_media(
    formats: list[str], names: dict[str, str], offers: list[str], accept: str | None
) -> str | None:
    """The media type of an answer: the first ``format=`` value this server defines for this
    kind of result (a short name or an offered media type), else the one Accept prefers.
    Other values are hints meant for other servers and do not count: SPARQLWrapper, by
    default, sends ``format=xml&output=xml&results=xml`` with every query, CONSTRUCT too."""
    for value in formats:
        value = value.strip().lower()
        media = names.get(value) or (value if value in offers else None)
        if media:
            return media
    return negotiate(accept, offers)


def _answer(result, accept: str | None, formats: list[str], row_limit: int, deadline: float) -> Response:
    import pyoxigraph

    if not isinstance(result, (pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean)):  # triples
        media = chosen_media(formats, GRAPH_NAMES, list(GRAPHS), accept)
        if media not in GRAPHS:
            return text_response("406 Not Acceptable", f"graph results come as {', '.join(GRAPHS)}")
        triples, cut = _triples(result, row_limit, deadline)
        body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, GRAPHS[media]))
        return _ok(media, body or b"", cut, row_limit)
    media = chosen_media(formats, RESULT_NAMES, list(RESULTS), accept)
    if media not in RESULTS:
        return text_response("406 Not Acceptable", f"query results come as {', '.join(RESULTS)}")
    if isinstance(result, pyoxigraph.QueryBoolean):
        data, cut = json.dumps({"head": {}, "boolean": bool(result)}).encode(), False
    else:
        data, cut = _solutions(result, row_limit, deadline)
    fmt_name = getattr(pyoxigraph.QueryResultsFormat, RESULTS[media])
    if fmt_name != pyoxigraph.QueryResultsFormat.JSON:
        data = pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.JSON).serialize(
            format=fmt_name
        )
    return _ok(media, data, cut, row_limit)


def _ok(media: str, body: bytes, truncated: bool, row_limit: int) -> Response:
    headers = (("X-Ctkg-Row-Limit", str(row_limit)),) + ((("X-Ctkg-Truncated", "true"),) if truncated else ())
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response("200 OK", media + charset, body, headers)
