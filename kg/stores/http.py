"""The one SPARQL HTTP client: reading and writing a remote SPARQL server (a ctkg store or
any other, such as the Wikidata endpoint ``ctkg enrich`` asks).

Queries and updates are POSTed as forms (SPARQL 1.1 Protocol, so long queries never hit URL
limits), Graph Store requests sent as the Graph Store HTTP Protocol says, all through one
urllib3 pool per process: connections are kept alive and reused, which saves a new TCP
connection per request (0.36 ms of a trivial query's 0.46 ms on a loopback Oxigraph server
through SPARQLWrapper, which opens one each time; 0.10 ms kept alive): what a page made of a
dozen small queries, or a query of a millisecond, pays most.  Every failure becomes one
``RemoteError`` that names the URL and says whether the server was unreachable, refused the
request or answered something else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from kg.namespaces import CTKG
from kg.stores.endpoint import Endpoint, RemoteError

if TYPE_CHECKING:
    import urllib3

Dataset = tuple[Sequence[str], Sequence[str]]  # default-graph-uri, named-graph-uri
AGENT = "ctkg (https://w3id.org/ctkg)"  # Wikidata's endpoint refuses clients that do not say who they are
FORM = "application/x-www-form-urlencoded"
REFUSALS = {
    400: "rejected the {what} as malformed",
    401: "refused the credentials",
    403: "refused the request",
    404: "has no such endpoint",
    414: "found the request too long",
}


@cache
def _pool() -> urllib3.PoolManager:
    """The process's connections, kept alive between requests (thread-safe; a connection the
    server has closed meanwhile is noticed and replaced before a request goes out).  Nothing
    is retried, as with any client before: an update must not run twice."""
    import urllib3

    retries = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=3)
    return urllib3.PoolManager(num_pools=16, maxsize=8, retries=retries)


def request(
    endpoint: Endpoint, method: str, url: str, body: bytes | None = None, headers=None, what: str = "query"
) -> tuple[str, bytes]:
    """One request to the server (with its credentials and our name): (content type, body)."""
    response = _send(endpoint, method, url, body, headers, what)
    return response.headers.get("Content-Type", ""), response.data


def server_software(endpoint: Endpoint) -> str:
    """What the server says it is (the ``Server`` header of its answer to ``ASK {}``, e.g.
    ``Oxigraph/0.5.13``): which bulk loader it offers, if any (kg.stores.bulk_upload)."""
    pairs = urlencode([("query", "ASK {}")]).encode("utf-8")
    headers = {"Content-Type": FORM, "Accept": "application/sparql-results+json"}
    return _send(endpoint, "POST", endpoint.query_url, pairs, headers, "query").headers.get("Server", "")


def _send(endpoint: Endpoint, method: str, url: str, body: bytes | None, headers, what: str):
    """The server's answer (a urllib3 response), or the RemoteError that says why there is none."""
    import urllib3

    sent = {"User-Agent": AGENT, **endpoint.auth_header(), **(headers or {})}
    timeout = urllib3.Timeout(connect=endpoint.timeout, read=endpoint.timeout)
    try:
        response = _pool().request(method, url, body=body, headers=sent, timeout=timeout)
    except urllib3.exceptions.HTTPError as err:
        raise _unanswered(err, url) from None
    if response.status >= 400:
        said = response.data.decode("utf-8", "replace").strip().splitlines()
        detail = f": {said[0][:300]}" if said else ""
        kind = REFUSALS.get(response.status, "failed").format(what=what)
        raise RemoteError(f"{url}: the server {kind} (HTTP {response.status}){detail}", response.status)
    return response


def _unanswered(err: Exception, url: str) -> RemoteError:
    """No HTTP answer: a timeout (status 504, as a gateway would say) or no connection."""
    import urllib3

    reason = getattr(err, "reason", None) or err
    refused = isinstance(reason, urllib3.exceptions.NewConnectionError)  # a ConnectTimeoutError too
    if isinstance(reason, urllib3.exceptions.TimeoutError) and not refused:
        return RemoteError(f"{url}: no answer within the timeout", 504)
    return RemoteError(f"{url}: unreachable ({reason})")


def _form(endpoint: Endpoint, field: str, text: str, accept: str, dataset: Dataset) -> tuple[str, bytes]:
    """A query or update POSTed as a form, with the request's dataset, if any."""
    pairs = [(field, text)]
    pairs += [("default-graph-uri", g) for g in dataset[0]]
    pairs += [("named-graph-uri", g) for g in dataset[1]]
    url = endpoint.query_url if field == "query" else endpoint.update_url
    headers = {"Content-Type": FORM, "Accept": accept}
    return request(endpoint, "POST", url, urlencode(pairs).encode("utf-8"), headers, field)


def select_json(endpoint: Endpoint, text: str, dataset: Dataset = ((), ())) -> dict:
    """A SELECT (or ASK) query's SPARQL JSON results."""
    accept = "application/sparql-results+json, application/json;q=0.9"
    ctype, body = _form(endpoint, "query", text, accept, dataset)
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

    ctype, body = _form(endpoint, "query", text, "application/n-triples, text/plain;q=0.5", dataset)
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
    _form(endpoint, "update", text, "*/*", ((), ()))


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
    headers = {"Content-Type": ctype} if ctype else {}
    return request(endpoint, method, url, body, headers, "request")[1]
