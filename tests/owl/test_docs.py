"""The HTML reference of the ontology: generated from the source, one entry per term."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from rdflib import OWL, RDF, RDFS, URIRef

from kg.cli import main
from kg.namespaces import CTKG
from kg.owl.axioms import ontology_graph
from kg.owl.docs import SECTIONS, anchor


class _Entries(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: set[str] = set()
        self.headings: list[str] = []
        self._in_h3 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "dl" and attrs.get("class") == "term":
            self.ids.append(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.add(attrs["href"][1:])
        self._in_h3 = tag == "h3"

    def handle_data(self, data):
        if self._in_h3:
            self.headings.append(data)
            self._in_h3 = False


def test_docs_command_lists_every_term_with_its_label_and_definition(tmp_path):
    out = tmp_path / "ctkg.html"
    assert main(["docs", "--out", str(out)]) == 0
    html = out.read_text()
    page = _Entries()
    page.feed(html)
    g = ontology_graph()
    declared = {t for _n, kind in SECTIONS for t in g.subjects(RDF.type, kind) if isinstance(t, URIRef)}
    assert len(page.ids) == len(set(page.ids)) == len(declared) > 190
    assert {anchor(t) for t in declared} == set(page.ids)
    for t in declared:
        assert str(g.value(t, RDFS.label)) in page.headings, t
        if t.startswith(str(CTKG)):
            assert escape(str(g.value(t, URIRef("http://purl.obolibrary.org/obo/IAO_0000115")))) in html, t
    assert page.links - {
        "classes",
        "object-properties",
        "datatype-properties",
        "annotation-properties",
    } <= set(page.ids)


def test_defined_classes_are_shown_as_readable_expressions(capsys):
    assert main(["docs"]) == 0
    html = capsys.readouterr().out
    entry = html[html.index("id='CombinationTherapyArm'") :].split("</dl>")[0]
    assert "has intervention</a> min 2" in entry and "drug choice</a> value" in entry
    assert (CTKG.CombinationTherapyArm, OWL.equivalentClass, None) in ontology_graph()


def test_the_modelling_page_has_a_diagram_of_classes_that_exist():
    import re

    from kg.resources import bundled_path

    page = (bundled_path("ontology").parent / "ontology" / "README.md").read_text()
    diagram = page.split("```mermaid")[1].split("```")[0]
    named = set(re.findall(r"\bclass (\w+)", diagram)) | set(re.findall(r"(\w+) <\|-- (\w+)", diagram)[0])
    declared = {
        str(c).rsplit("#", 1)[1]
        for c in ontology_graph().subjects(RDF.type, OWL.Class)
        if c.startswith(str(CTKG))
    }
    assert len(named) > 10 and named <= declared
    assert "ontology/README.md" in (bundled_path("ontology").parent / "README.md").read_text()
