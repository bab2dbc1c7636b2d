"""Several documents in one store: shared nodes (drugs, software) never duplicate rows."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build
from kg.queries import load_query, run
from kg.stores.embedded import StoreError, remove_sources

CHECKMATE_017 = Path(__file__).parent / "fixtures" / "abstracts" / "PMID26028407.txt"


@pytest.fixture()
def two(seed_path):
    store = pyoxigraph.Store()
    build([seed_path, CHECKMATE_017], store, progress=lambda _m: None)
    return store


def test_shared_drug_gives_one_row_per_arm(two):
    rows = run(two, load_query("trials-by-drug"), {"drug": "docetaxel"}).rows
    assert sorted((r["acronym"], r["arm_label"]) for r in rows) == [
        ("CONTACT-01", "docetaxel"),
        ("CheckMate 017", "docetaxel"),
    ]


def test_each_source_once(two):
    rows = run(two, load_query("sources")).rows
    assert sorted(r["source_file"] for r in rows) == ["PMID26028407.txt", "contact-01.pubmed.txt"]
    assert len(run(two, load_query("trial-summary")).rows) == 2


def test_remove_takes_out_one_source_only(two):
    assert remove_sources(two, ["PMID26028407.txt"]) == [
        "https://w3id.org/ctkg/id/graph/pubmed-page/26028407"
    ]
    assert [r["acronym"] for r in run(two, load_query("trial-summary")).rows] == ["CONTACT-01"]
    with pytest.raises(StoreError, match="no source 'PMID26028407.txt'"):
        remove_sources(two, ["PMID26028407.txt"])


def test_a_folder_builds_every_file_and_keep_going_reports_the_broken(tmp_path, seed_text, no_ids_text):
    (tmp_path / "a.txt").write_text(seed_text)
    (tmp_path / "b.txt").write_text(no_ids_text)  # no id line: not a PubMed page
    cut = seed_text[: seed_text.index("\nAbstract\n")].replace("38552197", "38552198")
    (tmp_path / "c.txt").write_text(cut)  # a page cut before its abstract: its publication loads
    store = pyoxigraph.Store()
    result = build([tmp_path], store, keep_going=True, progress=lambda _m: None)
    assert [Path(d.path).name for d in result.documents] == ["a.txt", "c.txt"]
    assert (
        len(result.failures) == 1
        and "b.txt:2: no '- PMID:', '- PMCID:' or '- DOI:' line" in result.failures[0]
    )
    # its title names a randomised trial, so the trial loads too, with the shape rules' warnings
    messages = [w.message for w in result.documents[1].report.warnings]
    assert [m for m in messages if m.startswith("line ")] == [
        "line 5: no abstract text (none published, or the page was cut): the publication loads, with a trial only if its title names one"
    ]
    rows = run(store, load_query("trial-summary")).rows
    assert sorted((r["acronym"], r["nct_id"] or "") for r in rows) == [
        ("CONTACT-01", ""),
        ("CONTACT-01", "NCT04471428"),
    ]
    assert sorted(r["source_file"] for r in run(store, load_query("sources")).rows) == ["a.txt", "c.txt"]
