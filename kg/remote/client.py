"""Reading and writing a remote SPARQL server.

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, POST, so long queries
never hit URL limits); the Graph Store HTTP Protocol, which SPARQLWrapper does not speak,
through urllib.  Every failure becomes one ``RemoteError`` that names the URL and says
whether the server was unreachable, refused the request or answered something else.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from urllib.parse import quote

from kg.remote.config import Endpoint, RemoteError


def _wrapper(endpoint: Endpoint, text: str, kind: str):
    """A POST request of the given kind (SELECT, CONSTRUCT or INSERT for any update): said, not
    guessed, since SPARQLWrapper's guess reads keywords in comments (a '# load' makes a LOAD)."""
    from SPARQLWrapper import POST, SPARQLWrapper

    sparql = SPARQLWrapper(endpoint.query_url, updateEndpoint=endpoint.update_url)
    sparql.setMethod(POST)
    sparql.setTimeout(int(max(1, endpoint.timeout)))
    for name, value in endpoint.auth_header().items():
        sparql.addCustomHttpHeader(name, value)
    sparql.setQuery(text)
    sparql.queryType = kind
    return sparql


_WRAPPER_ERRORS = {
    "Unauthorized": "refused the credentials (HTTP 401)",
    "EndPointNotFound": "has no such endpoint (HTTP 404)",
    "QueryBadFormed": "rejected the query as malformed (HTTP 400)",
    "URITooLong": "found the request too long (HTTP 414)",
    "EndPointInternalError": "failed (HTTP 500)",
}


def _describe(err: BaseException, url: str) -> RemoteError:
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    if isinstance(err, urllib.error.HTTPError):
        body = err.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {body[0][:300]}" if body else ""
        kind = {401: "refused the credentials", 403: "refused the request", 404: "has no such endpoint"}
        return RemoteError(f"{url}: the server {kind.get(err.code, 'failed')} (HTTP {err.code}){detail}")
    if isinstance(err, SPARQLWrapperException):
        said = str(err).partition("Response:")[2].strip()
        detail = f": {said[:300]}" if said else ""
        return RemoteError(f"{url}: the server {_WRAPPER_ERRORS.get(type(err).__name__, 'failed')}{detail}")
    if isinstance(err, (socket.timeout, TimeoutError)) or "timed out" in str(getattr(err, "reason", "")):
        return RemoteError(f"{url}: no answer within the timeout")
    reason = getattr(err, "reason", err)
    return RemoteError(f"{url}: unreachable ({reason})")


def _perform(sparql, url: str) -> tuple[str, bytes]:
    """Run a prepared request; (content type, body)."""
    try:
        response = sparql.query()
        return response.info().get("content-type", ""), response.response.read()
    except Exception as err:  # SPARQLWrapper re-raises urllib and its own errors
        raise _describe(err, url) from None


def select_json(endpoint: Endpoint, text: str) -> dict:
    """A SELECT (or ASK) query's SPARQL JSON results."""
    from SPARQLWrapper import JSON

    sparql = _wrapper(endpoint, text, "SELECT")
    sparql.setReturnFormat(JSON)
    ctype, body = _perform(sparql, endpoint.query_url)
    try:
        data = json.loads(body)
    except ValueError:
        raise RemoteError(
            f"{endpoint.query_url}: not a SPARQL endpoint (answered {ctype or 'no content type'},"
            " not SPARQL JSON results)"
        ) from None
    if not isinstance(data, dict) or not ("results" in data or "boolean" in data):
        raise RemoteError(f"{endpoint.query_url}: the answer is JSON but not SPARQL results")
    return data


def construct_turtle(endpoint: Endpoint, text: str) -> bytes:
    from SPARQLWrapper import TURTLE

    sparql = _wrapper(endpoint, text, "CONSTRUCT")
    sparql.setReturnFormat(TURTLE)
    return _perform(sparql, endpoint.query_url)[1]


def update(endpoint: Endpoint, text: str) -> None:
    _perform(_wrapper(endpoint, text, "INSERT"), endpoint.update_url)


def named_graphs(endpoint: Endpoint) -> list[str]:
    data = select_json(endpoint, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    return [b["g"]["value"] for b in data["results"]["bindings"]]


def source_graphs(endpoint: Endpoint) -> list[str]:
    """The source graphs, as kg.store.named_graphs sees them: the ontology and derived graphs
    (inferred types, enrichment) are not among them."""
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a <https://w3id.org/ctkg/ontology#SourceGraph> } } ORDER BY ?g"
    return [b["g"]["value"] for b in select_json(endpoint, query)["results"]["bindings"]]


def graph_turtle(endpoint: Endpoint, graph_iri: str) -> bytes:
    """One named graph through CONSTRUCT: every server answers it, not all offer a Graph Store."""
    return construct_turtle(
        endpoint, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
    )


def graph_store_request(
    endpoint: Endpoint, method: str, graph_iri: str, body: bytes | None = None, ctype: str = ""
) -> bytes:
    """One Graph Store HTTP Protocol request on one named graph (PUT replaces, POST adds)."""
    url = f"{endpoint.store_url}?graph={quote(graph_iri, safe='')}"
    headers = {**endpoint.auth_header(), **({"Content-Type": ctype} if ctype else {})}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout) as response:
            return response.read()
    except (urllib.error.URLError, OSError) as err:
        raise _describe(err, endpoint.store_url) from None


def graph(endpoint: Endpoint, graph_iri: str):
    """One named graph as an rdflib graph (per-document graphs are small)."""
    from rdflib import Graph

    return Graph().parse(data=graph_turtle(endpoint, graph_iri), format="turtle")


def dataset(endpoint: Endpoint):
    """Every named graph copied into an in-memory pyoxigraph store (with their union as its
    default graph, as kg.store keeps it), for export."""
    import pyoxigraph

    store = pyoxigraph.Store()
    for iri in named_graphs(endpoint):
        data = graph_turtle(endpoint, iri)
        for graph in (pyoxigraph.NamedNode(iri), pyoxigraph.DefaultGraph()):
            store.load(data, format=pyoxigraph.RdfFormat.TURTLE, to_graph=graph)
    return store
