"""The one SPARQL HTTP client: reading and writing a remote SPARQL server (a ctkg store or
any other, such as the Wikidata endpoint ``ctkg enrich`` asks).

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, POST, so long queries
never hit URL limits); the Graph Store HTTP Protocol, which SPARQLWrapper does not speak,
through urllib.  Every failure becomes one ``RemoteError`` that names the URL and says
whether the server was unreachable, refused the request or answered something else.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.request
from collections.abc import Sequence
from urllib.parse import quote

from kg.namespaces import CTKG
from kg.stores.endpoint import Endpoint, RemoteError

Dataset = tuple[Sequence[str], Sequence[str]]  # default-graph-uri, named-graph-uri
AGENT = "ctkg (https://w3id.org/ctkg)"  # Wikidata's endpoint refuses clients that do not say who they are


def _wrapper(endpoint: Endpoint, text: str, kind: str, dataset: Dataset = ((), ())):
    """A POST request of the given kind (SELECT, CONSTRUCT or INSERT for any update): said, not
    guessed, since SPARQLWrapper's guess reads keywords in comments (a '# load' makes a LOAD);
    ``dataset`` the protocol's default-graph-uri and named-graph-uri values, if any."""
    from SPARQLWrapper import POST, SPARQLWrapper

    sparql = SPARQLWrapper(endpoint.query_url, updateEndpoint=endpoint.update_url, agent=AGENT)
    sparql.setMethod(POST)
    sparql.setTimeout(int(max(1, endpoint.timeout)))
    for name, value in endpoint.auth_header().items():
        sparql.addCustomHttpHeader(name, value)
    sparql.setQuery(text)
    sparql.queryType = kind
    for iri in dataset[0]:
        sparql.addDefaultGraph(iri)
    for iri in dataset[1]:
        sparql.addNamedGraph(iri)
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
        message = f"{url}: the server {kind.get(err.code, 'failed')} (HTTP {err.code}){detail}"
        return RemoteError(message, err.code)
    if isinstance(err, SPARQLWrapperException):
        said = str(err).partition("Response:")[2].strip()
        detail = f": {said[:300]}" if said else ""
        said = _WRAPPER_ERRORS.get(type(err).__name__, "failed")
        code = re.search(r"HTTP (\d+)", said)
        return RemoteError(f"{url}: the server {said}{detail}", int(code.group(1)) if code else None)
    if isinstance(err, (socket.timeout, TimeoutError)) or "timed out" in str(getattr(err, "reason", "")):
        return RemoteError(f"{url}: no answer within the timeout", 504)
    reason = getattr(err, "reason", err)
    return RemoteError(f"{url}: unreachable ({reason})")


def _perform(sparql, url: str) -> tuple[str, bytes]:
    """Run a prepared request; (content type, body)."""
    try:
        response = sparql.query()
        return response.info().get("content-type", ""), response.response.read()
    except Exception as err:  # SPARQLWrapper re-raises urllib and its own errors
        raise _describe(err, url) from None


def select_json(endpoint: Endpoint, text: str, dataset: Dataset = ((), ())) -> dict:
    """A SELECT (or ASK) query's SPARQL JSON results."""
    from SPARQLWrapper import JSON

    sparql = _wrapper(endpoint, text, "SELECT", dataset)
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


def construct(endpoint: Endpoint, text: str, dataset: Dataset = ((), ())):
    """A CONSTRUCT (or DESCRIBE) query's triples as an rdflib graph, asked for as N-Triples: no
    server's Turtle writer can change a literal's datatype (Virtuoso's writes
    ``"95"^^xsd:decimal`` as ``95``, an integer)."""
    from rdflib import Graph

    sparql = _wrapper(endpoint, text, "CONSTRUCT", dataset)
    sparql.setOnlyConneg(True)
    sparql.addCustomHttpHeader("Accept", "application/n-triples, text/plain;q=0.5")
    ctype, body = _perform(sparql, endpoint.query_url)
    fmt = "nt" if ("n-triples" in ctype or "text/plain" in ctype) else _rdf_format(ctype, endpoint.query_url)
    try:
        return Graph().parse(data=body.decode("utf-8"), format=fmt)
    except Exception as err:  # rdflib raises parser-specific errors
        raise RemoteError(
            f"{endpoint.query_url}: the answer to a CONSTRUCT is not {fmt} RDF ({err})"
        ) from None


def _rdf_format(ctype: str, url: str) -> str:
    """The rdflib parser for what a server answered instead of N-Triples."""
    for media, fmt in (("turtle", "turtle"), ("rdf+xml", "xml"), ("ld+json", "json-ld"), ("trig", "trig")):
        if media in ctype:
            return fmt
    raise RemoteError(f"{url}: answered a CONSTRUCT with {ctype or 'no content type'}, not RDF")


def update(endpoint: Endpoint, text: str) -> None:
    _perform(_wrapper(endpoint, text, "INSERT"), endpoint.update_url)


def source_graphs(endpoint: Endpoint) -> list[str]:
    """The source graphs, as kg.stores.embedded.named_graphs sees them: the ontology and derived
    graphs (inferred types, enrichment) are not among them."""
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{CTKG.SourceGraph}> }} }} ORDER BY ?g"
    return [b["g"]["value"] for b in select_json(endpoint, query)["results"]["bindings"]]


def graphs_present(endpoint: Endpoint, candidates: list[str]) -> list[str]:
    """Those of the named graphs that hold anything."""
    if not candidates:
        return []
    values = " ".join(f"<{g}>" for g in candidates)
    query = f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    return sorted(b["g"]["value"] for b in select_json(endpoint, query)["results"]["bindings"])


def graph(endpoint: Endpoint, graph_iri: str):
    """One named graph through CONSTRUCT, as N-Triples: every server answers it, not all offer
    a Graph Store."""
    return construct(endpoint, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}")


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
