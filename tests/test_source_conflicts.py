"""One trial, several sources: each kept apart, and where they disagree is listed."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph

from kg.build import build
from kg.queries import load_query, restrict, run
from tests.conftest import FLAURA


def copy(tmp_path, seed_text, name: str, pmid: str, replace: tuple[str, str] | None = None):
    """The CONTACT-01 page as a second publication of the same trial (NCT04471428)."""
    text = seed_text.replace("PMID: 38552197", f"PMID: {pmid}")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / name
    path.write_text(text)
    return path


def load(*paths):
    store = pyoxigraph.Store()
    build(list(paths), store, progress=lambda _m: None)
    return store


def test_two_sources_are_one_trial_with_both_listed(tmp_path, seed_path, seed_text):
    store = load(seed_path, copy(tmp_path, seed_text, "again.txt", "11111111"))
    sources = run(store, load_query("trial-sources")).rows
    assert sorted(r["source_file"] for r in sources) == ["again.txt", "contact-01.pubmed.txt"]
    assert {r["trial_iri"] for r in sources} == {"https://w3id.org/ctkg/id/trial/nct04471428"}
    assert {r["kind"] for r in sources} == {"pubmed-page"}
    assert run(store, load_query("source-conflicts")).rows == []  # the same figures agree


def test_a_hazard_ratio_off_by_001_is_exactly_one_conflict(tmp_path, seed_path, seed_text):
    altered = copy(tmp_path, seed_text, "altered.txt", "22222222", ("HR, 0.74 [", "HR, 0.75 ["))
    rows = run(load(seed_path, altered), load_query("source-conflicts")).rows
    assert [(r["fact"], r["field"], r["value_a"], r["value_b"]) for r in rows] == [
        (
            "hazard_ratio of progression-free survival, atezolizumab+cabozantinib vs docetaxel",
            "estimate",
            Decimal("0.75"),
            Decimal("0.74"),
        )
    ]
    assert (rows[0]["source_a"], rows[0]["source_b"]) == ("altered.txt", "contact-01.pubmed.txt")


def test_numbers_agree_at_the_coarser_printed_precision(tmp_path, seed_path, seed_text):
    finer = copy(tmp_path, seed_text, "finer.txt", "33333333", ("HR], 0.88 [", "HR], 0.883 ["))
    assert run(load(seed_path, finer), load_query("source-conflicts")).rows == []
    rounded = copy(tmp_path, seed_text, "rounded.txt", "44444444", ("HR], 0.88 [", "HR], 0.9 ["))
    assert run(load(seed_path, rounded), load_query("source-conflicts")).rows == []  # 0.88 prints as 0.9
    coarser = copy(tmp_path, seed_text, "coarser.txt", "66666666", ("HR], 0.88 [", "HR], 0.8 ["))
    rows = run(load(seed_path, coarser), load_query("source-conflicts")).rows
    assert [(r["field"], r["value_a"], r["value_b"]) for r in rows] == [
        ("estimate", Decimal("0.88"), Decimal("0.8"))
    ]


def test_an_arm_size_that_differs_is_a_conflict(tmp_path, seed_path, seed_text):
    other = copy(tmp_path, seed_text, "other.txt", "55555555", ("and 180 docetaxel", "and 181 docetaxel"))
    rows = run(load(seed_path, other), load_query("source-conflicts")).rows
    # the arm, and the trial's size: the page prints no total, it is the arms' sum (186 + 180)
    assert [(r["fact"], r["field"], r["value_a"], r["value_b"]) for r in rows] == [
        ("arm size, docetaxel", "n_randomized", 180, 181),
        ("trial", "n_randomized", 366, 367),
    ]


def test_what_two_sources_say_of_the_trial_itself_is_compared(tmp_path, seed_path, seed_text):
    """Design facts stated by each source are kept in its own graph and listed when they differ."""
    other = copy(
        tmp_path,
        seed_text,
        "phase2.txt",
        "77777777",
        ("Randomized Phase III Trial", "Randomized Phase II Trial"),
    )
    rows = run(load(seed_path, other), load_query("source-conflicts")).rows
    assert [
        (r["fact"], r["field"], r["value_a"], r["source_a"], r["value_b"], r["source_b"]) for r in rows
    ] == [("trial", "phase", "3", "contact-01.pubmed.txt", "2", "phase2.txt")]


def test_one_trials_conflicts_are_the_listings(tmp_path, seed_path, seed_text):
    altered = copy(tmp_path, seed_text, "altered.txt", "55555555", ("HR, 0.74 [", "HR, 0.75 ["))
    store = load(seed_path, altered, FLAURA)
    query = load_query("source-conflicts")
    every = run(store, query).rows
    contact = "https://w3id.org/ctkg/id/trial/nct04471428"
    assert len(every) == 1 and every[0]["trial_iri"] == contact
    assert run(store, restrict(query, "trial_iri", [contact])).rows == every
    flaura = {r["trial_iri"] for r in run(store, load_query("trial-summary")).rows} - {contact}
    assert len(flaura) == 1 and run(store, restrict(query, "trial_iri", sorted(flaura))).rows == []
