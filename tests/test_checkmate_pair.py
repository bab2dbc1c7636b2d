"""CheckMate 017 from two sources: its publication (PMID 26028407) and its registry record
(NCT01642004, legacy XML) are one trial, each source kept apart, and their disagreements listed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build
from kg.queries import load_query, run

FIXTURES = Path(__file__).parent / "fixtures"
PAPER = FIXTURES / "abstracts" / "PMID26028407.txt"
RECORD = FIXTURES / "ctgov" / "NCT01642004.xml"


def load(*paths) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    build(list(paths), store, progress=lambda _m: None)
    return store


def conflicts(store) -> set[tuple]:
    return {
        (r["fact"], r["field"], r["value_a"], r["source_a"], r["value_b"], r["source_b"])
        for r in run(store, load_query("source-conflicts")).rows
    }


@pytest.fixture(scope="module")
def pair():
    return load(PAPER, RECORD)


def test_one_trial_two_sources(pair):
    (row,) = run(pair, load_query("trial-summary")).rows
    assert (row["nct_id"], row["acronym"], row["pmid"]) == ("NCT01642004", "CheckMate 017", "26028407")
    sources = run(pair, load_query("trial-sources")).rows
    assert sorted((r["source_file"], r["kind"]) for r in sources) == [
        ("NCT01642004.xml", "ctgov"),  # one graph per registry record, whatever its format
        ("PMID26028407.txt", "pubmed-page"),
    ]


def test_what_the_two_sources_disagree_on(pair):
    # paper: median OS 9.2 (95% CI 7.3-13.3) vs 6.0 (5.1-7.3); HR 0.59 (95% CI 0.44-0.79).
    # record: median OS 9.23 (95% CI 7.33-12.62) vs 6.01 (5.29-7.39); HR 0.59 (96.85% CI
    # 0.43-0.81) at the primary analysis, and 0.62 (95% CI 0.47-0.81) at the updated follow-up.
    # and the size: the paper "randomly assigned 272 patients"; the record says
    # <enrollment type="Actual">352</enrollment> (patients enrolled, not all randomised).
    os_hr = "hazard_ratio of overall survival, nivolumab vs docetaxel"
    record, paper = "NCT01642004.xml", "PMID26028407.txt"
    assert conflicts(pair) == {
        ("trial", "n_randomized", 352, record, 272, paper),
        (os_hr, "estimate", Decimal("0.62"), record, Decimal("0.59"), paper),
        (os_hr, "ci_lower", Decimal("0.47"), record, Decimal("0.44"), paper),
        (os_hr, "ci_upper", Decimal("0.81"), record, Decimal("0.79"), paper),
        (
            "median of overall survival, nivolumab",
            "ci_upper",
            Decimal("12.62"),
            record,
            Decimal("13.3"),
            paper,
        ),
        ("median of overall survival, docetaxel", "ci_lower", Decimal("5.29"), record, Decimal("5.1"), paper),
        ("median of overall survival, docetaxel", "ci_upper", Decimal("7.39"), record, Decimal("7.3"), paper),
    }


def test_a_hazard_ratio_altered_by_001_adds_exactly_that_conflict(pair, tmp_path):
    text = PAPER.read_text()
    printed = "hazard ratio for death or disease progression, 0.62;"
    assert printed in text
    altered = tmp_path / "PMID26028407.txt"
    altered.write_text(text.replace(printed, printed.replace("0.62", "0.63")))
    added = conflicts(load(altered, RECORD)) - conflicts(pair)
    assert added == {
        (
            "hazard_ratio of progression-free survival, nivolumab vs docetaxel",
            "estimate",
            Decimal("0.62"),
            "NCT01642004.xml",
            Decimal("0.63"),
            "PMID26028407.txt",
        )
    }


def test_a_pooled_analysis_names_the_trial_the_registry_describes():
    """PMID 29023213 pools CheckMate 017 ('ClinicalTrials.gov identifier: NCT01642004') and
    CheckMate 057 ('NCT01673867'): its own trial node is the pooled analysis, which names
    both trials; CheckMate 017's record describes the node the publication names."""
    store = load(FIXTURES / "pool" / "PMID29023213.txt", RECORD)
    rows = run(store, load_query("trial-summary")).rows
    assert sorted((r["trial_iri"].rsplit("/", 2)[-2:][-1], r["nct_id"], r["pmid"]) for r in rows) == [
        ("29023213", None, "29023213"),
        ("nct01642004", "NCT01642004", None),
    ]
    named = {
        row["trial"].value
        for row in store.query(
            "SELECT ?trial { ?pub <https://w3id.org/ctkg/ontology#pmid> '29023213' ;"
            " <https://w3id.org/ctkg/ontology#mentionsTrial> ?trial }"
        )
    }
    assert named == {
        "https://w3id.org/ctkg/id/trial/nct01642004",
        "https://w3id.org/ctkg/id/trial/nct01673867",
    }
