"""`ctkg publish DIR`: the served site as static files, complete, self-contained and atomic."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg import files
from kg.namespaces import DEFAULT_BASE
from kg.queries import load_query, run
from kg.web.publish import MARKER

CTKG = str(Path(sys.executable).with_name("ctkg"))


def publish(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CTKG, "publish", *args], capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def site(web_store_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("publish") / "site"
    done = publish(str(out), "--store", str(web_store_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert re.search(r"published \d+ resources in \d+ files", done.stderr)
    return out


def test_every_resource_has_its_html_turtle_json_ld_and_n_triples(site, web_store):
    for query, column in (
        ("arms", "arm_iri"),
        ("arms", "drug_iri"),
        ("efficacy-results", "result_iri"),
        ("trial-summary", "trial_iri"),
        ("trial-summary", "publication_iri"),
    ):
        for row in run(web_store, load_query(query)).rows:
            path = site / unquote(str(row[column])[len(DEFAULT_BASE) :])
            turtle = Graph().parse(f"{path}.ttl", format="turtle")
            assert (URIRef(row[column]), None, None) in turtle
            assert isomorphic(Graph().parse(f"{path}.jsonld", format="json-ld"), turtle)
            assert isomorphic(Graph().parse(f"{path}.nt", format="nt"), turtle)
            assert isomorphic(Graph().parse(f"{path}.rdf", format="xml"), turtle)
            assert str(row[column]) in Path(f"{path}.html").read_text()


def test_the_trial_page_is_the_served_one(site, web_url):
    import urllib.request

    with urllib.request.urlopen(f"{web_url}/trial/nct04471428.html") as response:
        served = response.read().decode()
    published = (site / "trial" / "nct04471428.html").read_text()
    assert "0.88 (0.68\u20131.16)" in published and "0.74 (0.59\u20130.92)" in published
    strip = re.compile(r"<td>\d{4}-\d\d-\d\dT[^<]*</td>")  # build times may differ, nothing else
    assert strip.sub("", published) == strip.sub("", served)


def test_dataset_description_context_and_dump(site, web_store):
    void = Graph().parse(site / "dataset.ttl", format="turtle")
    dataset = URIRef(f"{DEFAULT_BASE}dataset")
    assert str(void.value(dataset, URIRef("http://rdfs.org/ns/void#dataDump"))) == f"{DEFAULT_BASE}dump.nq"
    assert void.value(dataset, URIRef("http://rdfs.org/ns/void#sparqlEndpoint")) is None  # none was given
    assert isomorphic(Graph().parse(site / "dataset.jsonld", format="json-ld"), void)
    assert "hasArm" in json.loads((site / "context.jsonld").read_text())["@context"]
    dump = (site / "dump.nq").read_text().splitlines()
    named = [
        q for q in web_store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)
    ]  # the union is derived
    assert len(dump) == len(named)


def test_every_link_in_every_page_is_a_file_of_the_site(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        for link in re.findall(r'(?:href|src)="([^"]*)"', page.read_text()):
            assert not re.match(r"^[a-z]+:|^//", link), f"{page}: {link}"
            target = urljoin(page.relative_to(site).as_posix(), unquote(link.split("#")[0]))
            assert link.startswith("#") or (site / target).is_file(), f"{page}: broken link {link}"
    assert (site / "static" / "yasgui" / "LICENSE").is_file()


def test_publishing_again_replaces_the_folder_whole(site, web_store_dir):
    stale = site / "trial" / "stale.html"
    stale.write_text("left from an earlier run")
    done = publish(str(site), "--store", str(web_store_dir), "--endpoint", "https://example.org/sparql")
    assert done.returncode == 0, done.stderr
    assert not stale.exists()
    void = Graph().parse(site / "dataset.ttl", format="turtle")
    assert str(
        void.value(URIRef(f"{DEFAULT_BASE}dataset"), URIRef("http://rdfs.org/ns/void#sparqlEndpoint"))
    ) == ("https://example.org/sparql")
    assert '"endpoint": "https://example.org/sparql"' in (site / "editor.html").read_text()
    beside = [p.name for p in site.parent.iterdir() if p.name.startswith(".site.")]
    assert beside == [".site.lock"]  # the writer lock only: no staging, old folder or journal left


def test_a_folder_that_is_not_a_publication_is_never_replaced(tmp_path, web_store_dir):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    done = publish(str(mine), "--store", str(web_store_dir))
    assert done.returncode == 2
    assert "not an earlier 'ctkg publish' output" in done.stderr
    assert (mine / "notes.txt").read_text() == "keep me" and not (mine / MARKER).exists()


def test_a_failed_publish_leaves_the_earlier_site_as_it_was(site, tmp_path):
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    done = publish(str(site), "--store", str(tmp_path / "no-store"))
    assert done.returncode == 2 and "no store here" in done.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_second_publish_to_the_same_folder_meanwhile_is_refused(site, web_store_dir):
    before = (site / "index.html").read_bytes()
    with files.writer_lock(site, "held by this test"):  # as a publish in progress holds it
        done = publish(str(site), "--store", str(web_store_dir))
    assert done.returncode == 2
    assert "cannot publish: another ctkg publish is writing it" in done.stderr
    assert (site / "index.html").read_bytes() == before
