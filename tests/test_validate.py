"""The fast validation's scopes: each named graph on its own, the whole store, shared nodes.

The rules hold per source: over a store, what two sources state differently about one node
is a disagreement (Warning), what one source states twice stays a Violation, and the
SHACL-SPARQL rules look at one source's description at a time."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.shacl_sparql import compile_shapes
from kg.stores.embedded import rebuild_union
from kg.validate import shapes_graph, validate_named_graphs, validate_store

TRIG = """
@prefix : <http://example.org/v/> .
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:g1 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:title "First title" .
  :iv a ctkg:Intervention ; rdfs:label "d in A" ; ctkg:drug :drug ; ctkg:interventionType "drug" .
}
:g2 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:title "Second title" .
  :drug a ctkg:Drug ; rdfs:label "d" ; ctkg:nameKey "d" .
}
"""

# one trial, two sources, each describing its own two arms that add up to its own total,
# and its own population node
TWO_REPORTS = """
@prefix : <http://example.org/v/> .
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:g1 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:nRandomized 10 ;
      ctkg:hasArm :a1 , :b1 ; ctkg:hasPopulation :p1 .
  :a1 a ctkg:Arm ; rdfs:label "A" ; ctkg:nRandomized 5 ; ctkg:noIntervention true .
  :b1 a ctkg:Arm ; rdfs:label "B" ; ctkg:nRandomized 5 ; ctkg:noIntervention true .
  :p1 a ctkg:Population ; rdfs:label "population" .
}
:g2 {
  :trial a ctkg:Trial ; rdfs:label "T" ; ctkg:nRandomized 12 ;
      ctkg:hasArm :a2 , :b2 ; ctkg:hasPopulation :p2 .
  :a2 a ctkg:Arm ; rdfs:label "A" ; ctkg:nRandomized 6 ; ctkg:noIntervention true .
  :b2 a ctkg:Arm ; rdfs:label "B" ; ctkg:nRandomized 6 ; ctkg:noIntervention true .
  :p2 a ctkg:Population ; rdfs:label "population" .
}
"""

# nodes two sources describe, whose values are instances of the class a rule asks for
# (:drug, and :special through a subclass when the store states one), of no class (:ghost,
# :armB), or of it in one source only (:armA: the union counts)
VALUES = """
@prefix : <http://example.org/v/> .
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
:g1 {
  :iv a ctkg:Intervention ; rdfs:label "d" ; ctkg:interventionType "drug" ; ctkg:drug :drug .
  :iv2 a ctkg:Intervention ; rdfs:label "e" ; ctkg:interventionType "drug" ; ctkg:drug :ghost .
  :iv3 a ctkg:Intervention ; rdfs:label "f" ; ctkg:interventionType "drug" ; ctkg:drug :special .
  :pc a ctkg:ParticipantCount ; rdfs:label "n" ; ctkg:count 5 ; ctkg:flowStage "randomized" ; ctkg:arm :armA .
}
:g2 {
  :iv a ctkg:Intervention ; rdfs:label "d" ; ctkg:interventionType "drug" ; ctkg:drug :drug .
  :iv2 a ctkg:Intervention ; rdfs:label "e" ; ctkg:interventionType "drug" ; ctkg:drug :ghost .
  :iv3 a ctkg:Intervention ; rdfs:label "f" ; ctkg:interventionType "drug" ; ctkg:drug :special .
  :pc a ctkg:ParticipantCount ; rdfs:label "n" ; ctkg:count 5 ; ctkg:flowStage "randomized" ; ctkg:arm :armB .
  :drug a ctkg:Drug ; rdfs:label "d" ; ctkg:nameKey "d" .
  :special a :SpecialDrug ; rdfs:label "s" ; ctkg:nameKey "s" .
  :armA a ctkg:Arm ; rdfs:label "A" .
}
"""
SUBCLASS = "@prefix : <http://example.org/v/> . :g2 { :SpecialDrug <http://www.w3.org/2000/01/rdf-schema#subClassOf> <https://w3id.org/ctkg/ontology#Drug> . }"


def store(trig: str = TRIG) -> pyoxigraph.Store:
    s = pyoxigraph.Store()
    s.load(trig.encode(), pyoxigraph.RdfFormat.TRIG)
    rebuild_union(s)  # the default graph holds the union, as in every ctkg store
    return s


def shapes(findings) -> set[tuple[str, str]]:
    return {(f.focus.rsplit("/", 1)[1], f.shape.rsplit("#", 1)[1]) for f in findings}


def test_each_named_graph_is_validated_on_its_own():
    reports = validate_named_graphs(store())
    # g1 names a drug it does not describe; g2's description of it does not count for g1
    assert shapes(reports["http://example.org/v/g1"].findings) == {("iv", "Intervention-drug")}
    assert "http://example.org/v/g2" not in reports


def test_two_sources_stating_two_values_disagree_one_source_stating_two_breaks_the_rule():
    (found,) = validate_store(store()).findings  # the drug is described, in g2
    assert (found.severity, found.shape.rsplit("#", 1)[1]) == ("Warning", "Trial-title")
    assert found.message.startswith("Sources disagree: each states its own value where one is expected")
    twice = store(TRIG.replace('ctkg:title "Second title"', 'ctkg:title "Second title" , "Third title"'))
    assert {(f.severity, f.message) for f in validate_store(twice).findings} == {
        ("Violation", "A trial has at most one title, written as text.")
    }


def test_each_sources_own_description_is_checked_on_its_own():
    """Arms add up within each source (10 and 12), never across them (22); two sources' two
    population nodes and two totals are theirs, not one trial's broken rules."""
    two = store(TWO_REPORTS)
    assert validate_named_graphs(two) == {}
    assert [(f.severity, f.shape.rsplit("#", 1)[1]) for f in validate_store(two).findings] == [
        ("Warning", "Trial-nRandomized")  # 10 and 12: the sources disagree
    ]
    assert validate_store(two, shared_only=True).findings == validate_store(two).findings


def test_shared_nodes_only():
    found = shapes(validate_store(store(), shared_only=True).findings)
    assert found == {("trial", "Trial-title")}  # :iv is typed in one graph only


def test_what_one_source_lacks_is_reported_though_another_source_has_it():
    """One source describes one arm of a randomised trial, another two: the union has three
    arms, but the first source's description still lacks a second (a Warning)."""
    one_arm = TWO_REPORTS.replace("ctkg:nRandomized 10 ;", "ctkg:randomized true ;").replace(
        "ctkg:hasArm :a1 , :b1", "ctkg:hasArm :a1"
    )
    one_arm = one_arm.replace("ctkg:nRandomized 12 ;", "ctkg:randomized true ;")
    found = {
        (f.severity, f.focus.rsplit("/", 1)[1], f.shape.rsplit("#", 1)[1])
        for f in validate_store(store(one_arm)).findings
    }
    assert ("Warning", "trial", "Trial-randomizedHasTwoArms") in found


@pytest.mark.parametrize("subclass", [False, True])
def test_values_of_shared_nodes_are_typed_over_the_whole_store(subclass):
    """The value-type rules (sh:class, an sh:or of classes) on shared nodes, a page at a
    time, find what the whole store's check finds on them: a value typed in another source
    conforms, an untyped one does not, nor one of a subclass unless the store says so."""
    found = validate_store(store(VALUES + (SUBCLASS if subclass else "")), shared_only=True).findings
    assert sorted(
        (f.focus.rsplit("/", 1)[1], f.shape.rsplit("#", 1)[1], f.value.rsplit("/", 1)[1]) for f in found
    ) == [
        ("iv2", "Intervention-drug", "ghost"),
        *([] if subclass else [("iv3", "Intervention-drug", "special")]),
        ("pc", "ParticipantCount-arm", "armB"),
    ]
    assert {f.severity for f in found} == {"Violation"}


@pytest.mark.parametrize("subclasses", [False, True])
def test_a_pages_type_tests_look_up_its_values_types(subclasses):
    """Oxigraph evaluates a MINUS apart from the pattern before it, holding every instance of
    the class in the store on every page: a page of shared nodes looks up its own values'
    types instead (38 type tests over the node shapes)."""
    texts = [q.text for q in compile_shapes(shapes_graph(), False, subclasses, True) if not q.sparql]
    assert not any("MINUS" in text for text in texts)
    assert sum(text.count("FILTER (!BOUND(?typed_v))") for text in texts) == 38
