"""The protocol layer in process (kg.web.protocol through kg.web.app's WSGI application) on the
CONTACT-01 store: which format answers, CORS, and the requests it refuses as ambiguous."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest

from kg.namespaces import DEFAULT_BASE
from kg.stores.embedded import EmbeddedStore
from kg.web.app import make_app

ARMS = (
    "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> "
    "SELECT ?arm ?n WHERE { ?arm a ctkg:Arm ; ctkg:nRandomized ?n } ORDER BY ?arm"
)
GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/ctkg/ontology#Arm> ; ?p ?o }"


@pytest.fixture(scope="module")
def app(contact_store):
    store = EmbeddedStore(contact_store)
    return make_app(lambda: store, DEFAULT_BASE)


def call(app, method: str, params: list | None = None, body: bytes = b"", headers: dict | None = None):
    """(status code, headers, body) of one request to /sparql."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": "/sparql",
        "QUERY_STRING": urlencode(params or []),
        "wsgi.input": BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
    }
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE",) else f"HTTP_{key}"] = value
    setup_testing_defaults(environ)
    seen: dict = {}
    out = b"".join(
        app(environ, lambda status, hdrs, exc=None: seen.update(status=status, headers=dict(hdrs)))
    )
    return int(seen["status"][:3]), seen["headers"], out


@pytest.mark.parametrize(
    "query,params,accept,media",
    [
        (GRAPH, [("format", "xml"), ("output", "xml"), ("results", "xml")], "text/turtle", "text/turtle"),
        (GRAPH, [("format", "xml")], "application/rdf+xml", "application/rdf+xml"),
        (GRAPH, [("format", "json")], "application/n-triples", "application/n-triples"),
        (GRAPH, [("format", "json-ld"), ("format", "application/ld+json")], None, "application/ld+json"),
        (GRAPH, [("format", "nt")], "text/turtle", "application/n-triples"),
        (ARMS, [("format", "xml")], "application/sparql-results+json", "application/sparql-results+xml"),
        (ARMS, [("format", "turtle")], "text/csv", "text/csv"),
        (ARMS, [("output", "csv")], "text/tab-separated-values", "text/tab-separated-values"),
    ],
)
def test_accept_wins_over_a_format_the_server_does_not_define_for_the_answer(
    app, query, params, accept, media
):
    status, headers, body = call(
        app, "GET", [("query", query), *params], headers={"Accept": accept} if accept else {}
    )
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    assert (
        b"180" in body and b"186" in body
    )  # "186 patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel"


def test_every_sparql_answer_allows_any_origin_and_preflight_is_answered(app):
    status, headers, _ = call(
        app,
        "OPTIONS",
        headers={
            "Origin": "https://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert status == 204  # was 405
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert headers["Access-Control-Allow-Headers"] == "content-type"
    for params in ([("query", ARMS)], [("query", "SELEKT")], []):
        assert call(app, "GET", params)[1]["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "params,body,ctype,reason",
    [
        (
            [("query", "ASK {}")],
            b"query=ASK%20%7B%7D",
            "application/x-www-form-urlencoded",
            b"2 'query' parameters",
        ),
        ([("query", "ASK {}")], b"update=CLEAR%20ALL", "application/x-www-form-urlencoded", b"not both"),
        ([("query", "ASK {}")], b"ASK {}", "application/sparql-query", b"another in the URL"),
        ([], "ASK {}".encode("utf-16-le"), "application/sparql-query; charset=utf-16le", b"utf-16le"),
        ([], "ASK {}".encode("utf-16"), "application/sparql-query", b"UTF-16"),
        ([], b"ASK { ?s ?p '\xe9' }", "application/sparql-query", b"not UTF-8"),
    ],
    ids=["two-queries", "query-and-update", "body-and-url", "charset", "bom", "latin-1"],
)
def test_ambiguous_or_unreadable_requests_are_400(app, params, body, ctype, reason):
    status, _, answer = call(app, "POST", params, body, {"Content-Type": ctype} if ctype else {})
    assert status == 400 and reason in answer, answer
