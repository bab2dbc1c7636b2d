"""using-graph-uri / using-named-graph-uri as USING clauses, placed as the engine reads the update."""

from __future__ import annotations

import pyoxigraph
import pytest

from kg.web.update_dataset import UpdateDatasetError, with_dataset

G1, G2 = "http://example.org/g1", "http://example.org/g2"


def test_each_operation_with_a_where_gets_the_clauses_and_strings_iris_comments_do_not_count():
    update = (
        "PREFIX ex: <http://example.org/WHERE/> # WHERE in a comment\n"
        "INSERT { GRAPH ex:out { ?s ex:p 'WHERE' } } WHERE { ?s a ex:WHERE } ;\n"
        'INSERT DATA { GRAPH ex:x { ex:a ex:b """WHERE { }""" } } ;\n'
        "DELETE { GRAPH ex:out { ?s ?p ?o } } WHERE { GRAPH ex:out { ?s ?p ?o . FILTER(?o = 'x') } }"
    )
    out = with_dataset(update, [G1], [G2])
    using = f"USING <{G1}> USING NAMED <{G2}> "
    assert out.count(using) == 2
    assert f"}} {using}WHERE {{ ?s a ex:WHERE }}" in out and f"}} {using}WHERE {{ GRAPH ex:out" in out
    pyoxigraph.Store().update(out)  # still an update the engine reads


def test_no_parameters_leave_the_update_as_it_is():
    assert with_dataset("CLEAR ALL", [], []) == "CLEAR ALL"


@pytest.mark.parametrize(
    "update,graphs,reason",
    [
        ("WITH <http://example.org/a> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", [G1], "WITH"),
        ("DELETE { ?s ?p ?o } USING <http://example.org/a> WHERE { ?s ?p ?o }", [G1], "USING"),
        ("DELETE WHERE { ?s ?p ?o }", [G1], "DELETE WHERE"),
        ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["not an iri"], "not an IRI"),
    ],
)
def test_updates_the_parameters_cannot_apply_to_are_refused(update, graphs, reason):
    with pytest.raises(UpdateDatasetError, match=reason):
        with_dataset(update, graphs, [])
