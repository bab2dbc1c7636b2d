"""kg.stores.remote: what a query asks for, read past its prologue, decides how the server is asked."""

from __future__ import annotations

import pytest

from kg.stores.remote import query_form


@pytest.mark.parametrize(
    "text,form",
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        (
            "PREFIX a: <http://e/#frag>\n# a comment with SELECT in it\nconstruct { ?s ?p ?o } WHERE {}",
            "CONSTRUCT",
        ),
        ("BASE <http://e/>  prefix : <http://e/x#> ASK {}", "ASK"),
        ("  DESCRIBE <http://e/x>", "DESCRIBE"),
        ("PREFIX :<http://e/> #x\n  Select ?s {}", "SELECT"),
        ("INSERT DATA { <http://e/s> <http://e/p> 1 }", None),
    ],
)
def test_the_query_form_is_read_after_the_prologue(text, form):
    assert query_form(text) == form
