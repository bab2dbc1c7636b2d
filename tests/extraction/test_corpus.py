"""Every real abstract of the corpus builds, validates and yields efficacy results."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import prepare
from kg.queries import load_query, run
from kg.stores.embedded import replace_graphs

ABSTRACTS = sorted((Path(__file__).parents[1] / "fixtures" / "abstracts").glob("PMID*.txt"))


def test_the_corpus_is_there():
    assert len(ABSTRACTS) == 27


@pytest.mark.parametrize("path", ABSTRACTS, ids=[p.stem for p in ABSTRACTS])
def test_abstract_builds_validates_and_has_efficacy_results(path):
    doc = prepare(path)
    assert doc.report.violations == []
    store = pyoxigraph.Store()
    replace_graphs(store, [(doc.graph_iri, doc.graph)])
    rows = run(store, load_query("efficacy-results")).rows
    assert rows and all(
        r["estimate"] is not None
        or r["estimate_not_reached"]
        or (r["statistic"] == "p_value" and r["p_value"] is not None)  # a test reported by its p alone
        for r in rows
    )
