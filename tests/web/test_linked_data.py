"""The linked-data application over HTTP: dereferencing, content negotiation, pages, assets."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pyoxigraph
import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.namespaces import DEFAULT_BASE
from kg.queries import load_query, run
from kg.stores.embedded import EmbeddedStore
from kg.web.app import make_app
from kg.web.linked_data import negotiate

TRIAL = f"{DEFAULT_BASE}trial/nct04471428"
ACCEPT = {
    "html": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
MEDIA = {
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
RDFLIB_FORMAT = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, accept: str | None = None, method: str = "GET"):
    """(status, headers, body) without following redirects."""
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {}, method=method)
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def local(web_url: str, iri: str) -> str:
    assert iri.startswith(DEFAULT_BASE)
    return f"{web_url}/{iri[len(DEFAULT_BASE) :]}"


@pytest.mark.parametrize("fmt", list(ACCEPT))
def test_a_trial_iri_answers_303_to_the_document_the_client_asked_for(web_url, fmt):
    status, headers, _ = fetch(local(web_url, TRIAL), ACCEPT[fmt])
    assert status == 303
    assert headers["Location"] == f"/trial/nct04471428.{fmt}"
    assert headers["Vary"] == "Accept"
    status, headers, body = fetch(web_url + headers["Location"], ACCEPT[fmt])
    assert status == 200
    assert headers["Content-Type"].split(";")[0] == MEDIA[fmt]
    if fmt == "html":
        assert b"<h1>CONTACT-01" in body
    else:
        g = Graph().parse(data=body.decode(), format=RDFLIB_FORMAT[fmt])
        assert (URIRef(TRIAL), RDFS.label, Literal("CONTACT-01")) in g
        assert headers["Access-Control-Allow-Origin"] == "*"


def _document(web_url: str, iri: str, fmt: str) -> Graph:
    status, _, body = fetch(f"{local(web_url, iri)}.{fmt}")
    assert status == 200, iri
    return Graph().parse(data=body.decode(), format=RDFLIB_FORMAT[fmt])


def test_json_ld_and_rdf_xml_hold_the_same_triples_as_turtle_and_n_triples(web_url, web_store):
    for iri in (TRIAL, f"{DEFAULT_BASE}drug/docetaxel"):
        turtle = _document(web_url, iri, "ttl")
        assert len(turtle) > 10
        for fmt in ("jsonld", "nt", "rdf"):
            assert isomorphic(_document(web_url, iri, fmt), turtle), fmt


def test_json_ld_is_compacted_with_the_ctkg_context(web_url):
    _, _, body = fetch(f"{local(web_url, TRIAL)}.jsonld")
    doc = json.loads(body)
    assert doc["@context"]["hasArm"] == {"@id": "ctkg:hasArm", "@type": "@id"}
    _, _, context = fetch(f"{web_url}/context.jsonld")
    assert json.loads(context)["@context"] == doc["@context"]


def _iris(store, query: str, column: str) -> list[str]:
    return sorted({str(r[column]) for r in run(store, load_query(query)).rows if r[column]})


@pytest.mark.parametrize(
    "query, column",
    [
        ("arms", "arm_iri"),
        ("arms", "drug_iri"),
        ("efficacy-results", "result_iri"),
        ("adverse-events", "ae_iri"),
        ("trial-summary", "publication_iri"),
        ("citations", "target_iri"),
        ("sources", "graph"),
    ],
)
def test_every_arm_drug_result_and_publication_iri_dereferences(web_url, web_store, query, column):
    iris = _iris(web_store, query, column)
    assert iris
    for iri in iris:
        status, headers, _ = fetch(local(web_url, iri), ACCEPT["ttl"])
        assert status == 303, iri
        g = _document(web_url, iri, "ttl")
        assert (URIRef(iri), None, None) in g or (None, None, URIRef(iri)) in g
        status, _, body = fetch(f"{local(web_url, iri)}.html")
        assert status == 200 and iri.encode() in body


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.links += [v for k, v in attrs if k in ("href", "src") and v is not None]


def _links(html: bytes) -> list[str]:
    parser = _Links()
    parser.feed(html.decode())
    return parser.links


PAGES = [
    "/",
    "/trial/nct04471428.html",
    "/forest.html",
    "/editor",
    "/dataset.html",
    "/drug/docetaxel.html",
    "/pub/pmid/38552197.html",
]


@pytest.mark.parametrize("page", PAGES)
def test_pages_link_only_to_this_site_and_every_link_works(web_url, page):
    status, headers, body = fetch(web_url + page)
    assert status == 200
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    links = _links(body)
    assert links
    for link in links:
        assert not re.match(r"^[a-z]+:|^//", link), f"{page} links elsewhere: {link}"
        if link.startswith("#"):
            continue
        target = urllib.request.urljoin(web_url + page, link.split("#")[0])
        assert fetch(target)[0] == 200, f"{page}: broken link {link}"


def test_the_trial_page_links_its_arms_drugs_results_and_publication(web_url, web_store):
    _, _, body = fetch(f"{web_url}/trial/nct04471428.html")
    links = set(_links(body))
    rows = run(web_store, load_query("arms")).rows
    for r in (r for r in rows if r["trial"] == "CONTACT-01"):
        assert f"../{r['arm_iri'][len(DEFAULT_BASE) :]}.html" in links
        assert f"../{r['drug_iri'][len(DEFAULT_BASE) :]}.html" in links
    assert "../pub/pmid/38552197.html" in links


def test_unknown_paths_other_methods_and_unacceptable_types(web_url):
    assert fetch(f"{web_url}/trial/nct99999999")[0] == 404
    assert fetch(f"{web_url}/trial/nct99999999.ttl")[0] == 404
    assert fetch(f"{web_url}/static/../app.py")[0] == 404
    status, headers, _ = fetch(local(web_url, TRIAL), "image/png")
    assert status == 406
    assert fetch(local(web_url, TRIAL), method="POST")[0] == 405
    assert fetch(local(web_url, TRIAL), method="HEAD")[0] == 303


def test_negotiation_follows_q_values_and_specificity():
    assert negotiate(None) == "html"
    assert negotiate("*/*") == "html"
    assert negotiate("text/turtle;q=0.5, application/ld+json") == "jsonld"
    assert negotiate("text/*;q=0.9, text/html;q=0.1") == "ttl"
    assert negotiate("application/n-triples, text/turtle;q=0.9") == "nt"
    assert negotiate("text/html;q=0, */*;q=0.5") == "ttl"
    assert negotiate("image/png") is None


def test_percent_escaped_iris_resolve_from_their_decoded_path():
    store = pyoxigraph.Store()
    iri = f"{DEFAULT_BASE}pub/doi/10.1200%2Fjco.23.02166"
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode(str(RDFS.label)), pyoxigraph.Literal("a paper")
        )
    )
    app = make_app(lambda: EmbeddedStore(store), DEFAULT_BASE)
    for path, expected in (
        ("/pub/doi/10.1200/jco.23.02166", "303"),
        ("/pub/doi/10.1200/jco.23.02166.ttl", "200"),
    ):
        environ = {"PATH_INFO": path, "HTTP_ACCEPT": "text/turtle", "wsgi.input": BytesIO()}
        setup_testing_defaults(environ)
        seen = {}
        body = b"".join(
            app(environ, lambda status, headers, seen=seen: seen.update(status=status, headers=headers))
        )
        assert seen["status"].startswith(expected)
        if expected == "303":
            assert dict(seen["headers"])["Location"] == "/pub/doi/10.1200%2Fjco.23.02166.ttl"
        else:
            assert b"a paper" in body


def test_the_dataset_has_a_void_and_dcat_description(web_url, web_store):
    status, headers, _ = fetch(f"{web_url}/.well-known/void")
    assert status == 303 and headers["Location"] == "/dataset.ttl"
    g = _document(web_url, f"{DEFAULT_BASE}dataset", "ttl")
    void = "http://rdfs.org/ns/void#"
    dataset = URIRef(f"{DEFAULT_BASE}dataset")
    assert (dataset, None, URIRef("http://www.w3.org/ns/dcat#Dataset")) in g
    triples = len({(q.subject, q.predicate, q.object) for q in web_store})
    assert g.value(dataset, URIRef(void + "triples")).toPython() == triples
    assert str(g.value(dataset, URIRef(void + "sparqlEndpoint"))) == f"{web_url}/sparql"
    graphs = {URIRef(g_.value) for g_ in web_store.named_graphs()}
    assert set(g.objects(dataset, URIRef(void + "subset"))) == graphs
    assert isomorphic(_document(web_url, f"{DEFAULT_BASE}dataset", "jsonld"), g)


def test_static_assets_are_served_locally_with_their_licence(web_url):
    status, headers, body = fetch(f"{web_url}/static/yasgui/yasgui.min.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript")
    assert b"Yasgui" in body
    status, _, licence = fetch(f"{web_url}/static/yasgui/LICENSE")
    assert status == 200 and b"MIT" in licence
