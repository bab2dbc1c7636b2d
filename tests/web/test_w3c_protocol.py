"""The W3C SPARQL 1.1 protocol tests (w3c/rdf-tests, ``sparql/sparql11/protocol/manifest.ttl``,
each an HTTP exchange) against a real ``ctkg serve``, adapted to the served data:

- the endpoint path is ``/sparql`` (the manifest writes ``/sparql/``);
- the graphs ``data1.rdf``..``data3.rdf``, each holding ``<dataN.rdf> a foaf:Document``, are
  three source graphs of the served store, each holding one trial ``<trial> a ctkg:Trial``
  (found by query, as the trial no other graph types); ``data0.rdf``, a graph the store lacks,
  is sent as it is;
- every dataset test also sends the same query with one graph left out, which must answer
  false: the protocol's dataset is used, not the union the store serves by default;
- ``query_multiple_dataset``: the manifest's URL percent-encodes the ``&`` between its two
  ``named-graph-uri`` parameters (so it sends one odd IRI); sent here as the two parameters
  its name and comment describe;
- the update tests run against ``ctkg serve --writable`` on a throwaway store, with the
  manifest's own data (their updates insert it);
- ``update_base_uri`` creates its graph first: its ``CLEAR GRAPH`` of a graph the store lacks
  fails on pyoxigraph, as SPARQL 1.1 Update allows;
- queries, like updates, resolve relative IRIs against the endpoint's URL
  (``query_content_type_construct`` sends ``CONSTRUCT { <s> <p> 1 }``).
"""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest
from conftest import SEED
from rdflib import Graph

CTKG = str(Path(sys.executable).with_name("ctkg"))
DATA0 = "http://kasei.us/2009/09/sparql/data/data0.rdf"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
QUERY = {"Content-Type": "application/sparql-query"}
UPDATE = {"Content-Type": "application/sparql-update"}
RESULTS = {"tabular": ("xml", "json", "csv", "tab-separated"), "boolean": ("xml", "json")}
RDF = {
    "application/rdf+xml": "xml",
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
}


@dataclass
class Answer:
    status: int
    media: str
    body: bytes


def exchange(url: str, method: str, target: str, body: bytes = b"", headers: dict | None = None) -> Answer:
    """One request as the manifest writes it (http.client adds no Content-Type of its own)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, target, body=body if method != "GET" else None, headers=headers or {})
        response = conn.getresponse()
        media = (response.getheader("Content-Type") or "").split(";")[0].strip()
        return Answer(response.status, media, response.read())
    finally:
        conn.close()


def boolean(answer: Answer) -> bool:
    assert 200 <= answer.status < 400, answer
    if answer.media == "application/sparql-results+json":
        return json.loads(answer.body)["boolean"]
    assert answer.media == "application/sparql-results+xml", answer.media
    return re.search(rb"<boolean>\s*(true|false)\s*</boolean>", answer.body).group(1) == b"true"


def target(**params: str | list[str]) -> str:
    pairs = [
        (k.replace("_", "-"), v) for k, vs in params.items() for v in ([vs] if isinstance(vs, str) else vs)
    ]
    return "/sparql" + ("?" + urlencode(pairs, quote_via=quote) if pairs else "")


@pytest.fixture(scope="module")
def served(web_url) -> str:
    return web_url


@pytest.fixture(scope="module")
def data(web_store) -> list[tuple[str, str]]:
    """Three (source graph, trial it alone types) pairs, the manifest's data1..data3."""
    found = web_store.query(
        "PREFIX ctkg: <https://w3id.org/ctkg/ontology#> SELECT ?g ?t WHERE { GRAPH ?g { ?t a ctkg:Trial } "
        "FILTER NOT EXISTS { GRAPH ?h { ?t a ctkg:Trial } FILTER(?h != ?g) } } ORDER BY ?g"
    )
    pairs = [(row["g"].value, row["t"].value) for row in found]
    assert len(pairs) >= 3
    return pairs[:3]


def both_typed(d) -> str:
    return f"ASK {{ <{d[0][1]}> a ?type . <{d[1][1]}> a ?type . }}"


def both_named(d) -> str:
    return f"ASK {{ GRAPH ?g1 {{ <{d[0][1]}> a ?type }} GRAPH ?g2 {{ <{d[1][1]}> a ?type }} }}"


def test_query_post_form(served):
    answer = exchange(served, "POST", target(default_graph_uri=DATA0), b"query=ASK%20%7B%7D", FORM)
    assert boolean(answer) is True


def test_query_dataset_default_graphs_get(served, data):
    graphs = [data[0][0], data[1][0]]
    assert boolean(exchange(served, "GET", target(query=both_typed(data), default_graph_uri=graphs))) is True
    assert (
        boolean(exchange(served, "GET", target(query=both_typed(data), default_graph_uri=graphs[:1])))
        is False
    )


def test_query_dataset_default_graphs_post(served, data):
    graphs = [data[0][0], data[1][0]]
    body = both_typed(data).encode()
    assert boolean(exchange(served, "POST", target(default_graph_uri=graphs), body, QUERY)) is True
    assert boolean(exchange(served, "POST", target(default_graph_uri=graphs[1:]), body, QUERY)) is False


def test_query_dataset_named_graphs_post(served, data):
    graphs = [data[0][0], data[1][0]]
    body = both_named(data).encode()
    assert boolean(exchange(served, "POST", target(named_graph_uri=graphs), body, QUERY)) is True
    assert boolean(exchange(served, "POST", target(named_graph_uri=graphs[:1]), body, QUERY)) is False


def test_query_dataset_named_graphs_get(served, data):
    graphs = [data[0][0], data[1][0]]
    assert boolean(exchange(served, "GET", target(query=both_named(data), named_graph_uri=graphs))) is True
    assert (
        boolean(exchange(served, "GET", target(query=both_named(data), named_graph_uri=graphs[1:]))) is False
    )


def test_query_dataset_full(served, data):
    (g1, t1), (g2, t2), (g3, t3) = data
    body = f"ASK {{\n  <{t3}> a ?type\n  GRAPH ?g1 {{ <{t1}> a ?type }}\n  GRAPH ?g2 {{ <{t2}> a ?type }}\n}}".encode()
    assert boolean(
        exchange(served, "POST", target(default_graph_uri=g3, named_graph_uri=[g1, g2]), body, QUERY)
    )
    assert not boolean(
        exchange(served, "POST", target(default_graph_uri=g1, named_graph_uri=[g1, g2]), body, QUERY)
    )


def test_query_multiple_dataset(served, data):
    (g1, t1), (g2, t2), (g3, _) = data
    body = f"ASK FROM <{g3}> {{ GRAPH ?g1 {{ <{t1}> a ?type }} GRAPH ?g2 {{ <{t2}> a ?type }} }}".encode()
    assert boolean(exchange(served, "POST", target(named_graph_uri=[g1, g2]), body, QUERY)) is True
    assert boolean(exchange(served, "POST", target(), body, QUERY)) is False  # the query's own dataset


def test_query_get(served):
    assert boolean(exchange(served, "GET", target(query="ASK {}", default_graph_uri=DATA0))) is True


def test_query_post_direct(served):
    assert boolean(exchange(served, "POST", "/sparql", b"ASK {}", QUERY)) is True


@pytest.mark.parametrize(
    "body,kind",
    [
        ("SELECT (1 AS ?value) {}", "tabular"),
        ("ASK {}", "boolean"),
        ("DESCRIBE <http://example.org/>", "RDF"),
        ("CONSTRUCT { <s> <p> 1 } WHERE {}", "RDF"),
    ],
    ids=[
        "query_content_type_select",
        "query_content_type_ask",
        "query_content_type_describe",
        "query_content_type_construct",
    ],
)
def test_query_content_type(served, body, kind):
    answer = exchange(served, "POST", target(default_graph_uri=DATA0), body.encode(), QUERY)
    assert 200 <= answer.status < 400, answer
    if kind == "RDF":
        graph = Graph().parse(data=answer.body, format=RDF[answer.media], publicID=f"{served}/sparql")
        assert len(graph) == (0 if body.startswith("DESCRIBE") else 1)
    else:
        assert answer.media.startswith("application/sparql-results+") or answer.media in (
            "text/csv",
            "text/tab-separated-values",
        )
        assert any(name in answer.media for name in RESULTS[kind])


BAD_QUERIES = {
    "bad_query_method": ("PUT", target(query="ASK {}", default_graph_uri=DATA0), b"", FORM),
    "bad_multiple_queries": ("GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", b"", {}),
    "bad_query_wrong_media_type": ("POST", "/sparql", b"ASK {}", {"Content-Type": "text/plain"}),
    "bad_query_missing_form_type": ("POST", "/sparql", b"query=ASK%20%7B%7D", {}),
    "bad_query_missing_direct_type": ("POST", "/sparql", b"ASK {}", {}),
    "bad_query_non_utf8": (
        "POST",
        "/sparql",
        "ASK {}".encode("utf-16"),
        {"Content-Type": "application/sparql-query; charset=UTF-16"},
    ),
    "bad_query_syntax": ("GET", "/sparql?query=ASK%20%7B", b"", {}),
}


@pytest.mark.parametrize("name", sorted(BAD_QUERIES))
def test_bad_queries_are_4xx(served, name):
    method, path, body, headers = BAD_QUERIES[name]
    answer = exchange(served, method, path, body, headers)
    assert 400 <= answer.status < 500, answer
    assert b"Traceback" not in answer.body


# --- update side: a writable server on a throwaway store -----------------------------------------


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    store = tmp_path_factory.mktemp("w3c") / "store"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    proc = subprocess.Popen(
        [CTKG, "serve", "--store", str(store), "--port", "0", "--writable"], stderr=subprocess.PIPE, text=True
    )
    match = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", proc.stderr.readline())
    assert match, proc.stderr.read() if proc.poll() is not None else "no endpoint line"
    yield match.group(1)
    proc.terminate()
    proc.wait(10)


def count(url: str) -> int:
    answer = exchange(url, "POST", "/sparql", b"SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }", QUERY)
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


BAD_UPDATES = {
    "bad_update_get": ("GET", "/sparql?update=CLEAR%20ALL", b"", {}),
    "bad_multiple_updates": ("POST", "/sparql", b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", FORM),
    "bad_update_wrong_media_type": ("POST", "/sparql", b"CLEAR NAMED", {"Content-Type": "text/plain"}),
    "bad_update_missing_form_type": ("POST", "/sparql", b"update=CLEAR%20NAMED", {}),
    "bad_update_non_utf8": (
        "POST",
        "/sparql",
        "CLEAR NAMED".encode("utf-16"),
        {"Content-Type": "application/sparql-update; charset=UTF-16"},
    ),
    "bad_update_syntax": ("POST", "/sparql", b"update=CLEAR%20XYZ", FORM),
    "bad_update_dataset_conflict": (
        "POST",
        "/sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
        b"PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
        b"DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
        b"WHERE { ?person foaf:givenName 'Bill' }",
        UPDATE,
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_UPDATES))
def test_bad_updates_are_4xx_and_change_nothing(writable, name):
    before = count(writable)
    method, path, body, headers = BAD_UPDATES[name]
    answer = exchange(writable, method, path, body, headers)
    assert 400 <= answer.status < 500, answer
    assert count(writable) == before > 0


KASEI = "http://kasei.us/2009/09/sparql/data/"
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
THREE_DOCUMENTS = "".join(
    f"    GRAPH <{KASEI}data{n}.rdf> {{ <{KASEI}data{n}.rdf> a foaf:Document }}\n" for n in (1, 2, 3)
)
DATASET_UPDATES = {
    "update_dataset_default_graph": (
        {"using-graph-uri": [f"{KASEI}data1.rdf"]},
        f"CLEAR ALL ;\nINSERT DATA {{\n    GRAPH <{KASEI}data1.rdf> {{\n        <{KASEI}data1.rdf> a foaf:Document\n"
        "    }\n} ;\nINSERT {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
        "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}",
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-test/> {\n"
        f"        <{KASEI}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource>\n    }}\n}}",
    ),
    "update_dataset_default_graphs": (
        {"using-graph-uri": [f"{KASEI}data1.rdf", f"{KASEI}data2.rdf"]},
        f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\nINSERT {{\n"
        "    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n"
        "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    ?s a foaf:Document\n}",
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n"
        f"        <{KASEI}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        f"        <{KASEI}data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n    }}\n"
        "    FILTER NOT EXISTS {\n        GRAPH <http://example.org/protocol-update-dataset-graphs-test/> {\n"
        f"            <{KASEI}data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n        }}\n    }}\n}}",
    ),
    "update_dataset_named_graphs": (
        {"using-named-graph-uri": [f"{KASEI}data1.rdf", f"{KASEI}data2.rdf"]},
        f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\nINSERT {{\n"
        "    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
        "        ?s a dc:BibliographicResource\n    }\n}\nWHERE {\n    GRAPH ?g {\n        ?s a foaf:Document\n    }\n}",
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
        f"        <{KASEI}data1.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n"
        f"        <{KASEI}data2.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n    }}\n"
        "    FILTER NOT EXISTS {\n        GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> {\n"
        f"            <{KASEI}data3.rdf> a <http://purl.org/dc/terms/BibliographicResource> .\n        }}\n    }}\n}}",
    ),
    "update_dataset_full": (
        {"using-graph-uri": [f"{KASEI}data1.rdf"], "using-named-graph-uri": [f"{KASEI}data2.rdf"]},
        f"DROP ALL ;\nINSERT DATA {{\n{THREE_DOCUMENTS}}} ;\nINSERT {{\n"
        "    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n        ?s <http://example.org/in> ?in\n"
        "    }\n}\nWHERE {\n    {\n        GRAPH ?g { ?s a foaf:Document }\n        BIND(?g AS ?in)\n    }\n"
        '    UNION\n    {\n        ?s a foaf:Document .\n        BIND("default" AS ?in)\n    }\n}',
        "ASK {\n    GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
        f'        <{KASEI}data1.rdf> <http://example.org/in> "default" .\n'
        f"        <{KASEI}data2.rdf> <http://example.org/in> <{KASEI}data2.rdf> .\n    }}\n"
        "    FILTER NOT EXISTS {\n        GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
        f"            <{KASEI}data3.rdf> ?p ?o\n        }}\n    }}\n}}",
    ),
}


@pytest.mark.parametrize("name", sorted(DATASET_UPDATES))
def test_update_dataset(writable, name):
    params, update, ask = DATASET_UPDATES[name]
    path = target(**{k.replace("-", "_"): v for k, v in params.items()})
    answer = exchange(writable, "POST", path, (PREFIXES + update).encode(), UPDATE)
    assert 200 <= answer.status < 400, answer
    assert boolean(exchange(writable, "POST", "/sparql", ask.encode(), QUERY)) is True
    # counter-check: without the parameters the WHERE reads the store's own dataset (an empty
    # default graph, every named graph, data3 among them), and the ASK fails
    assert exchange(writable, "POST", "/sparql", (PREFIXES + update).encode(), UPDATE).status == 204
    assert boolean(exchange(writable, "POST", "/sparql", ask.encode(), QUERY)) is False


def test_update_base_uri(writable):
    graph = "http://example.org/protocol-base-test/"
    made = (
        f"INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> <urn:before> }} }}"
    )
    assert exchange(writable, "POST", "/sparql", made.encode(), UPDATE).status == 204  # CLEAR needs it
    update = f"CLEAR GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> <test> }} }}"
    assert 200 <= exchange(writable, "POST", "/sparql", update.encode(), UPDATE).status < 400
    select = f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> ?o }} }}"
    answer = exchange(writable, "POST", "/sparql", select.encode(), QUERY)
    rows = json.loads(answer.body)["results"]["bindings"]
    assert [r["o"] for r in rows] == [{"type": "uri", "value": urljoin(f"{writable}/sparql", "test")}]


def test_update_post_form_and_direct(writable):
    """Last, as the manifest's own updates clear the whole store."""
    exchange(writable, "POST", "/sparql", b"INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1, 2 } }", UPDATE)
    assert count(writable) > 0
    assert 200 <= exchange(writable, "POST", "/sparql", b"update=CLEAR+ALL", FORM).status < 400
    assert count(writable) == 0
    exchange(writable, "POST", "/sparql", b"INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> 1 } }", UPDATE)
    assert count(writable) == 1
    assert 200 <= exchange(writable, "POST", "/sparql", b"CLEAR ALL", UPDATE).status < 400
    assert count(writable) == 0
