"""kg.extraction.extract_trial over real pages: every page that reports a randomised trial
yields a trial with two or more arms.

The pages are the real PubMed pages of tests/fixtures/pool and tests/fixtures/pages (sources
in their SOURCES files); which of them report a randomised trial is judged by
``kg.extraction.report_kind``, which reads nothing the extractor reads.  A page with a title
and no abstract text is left out: a title alone cannot name two arms.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest

from kg.extraction import extract_trial
from kg.extraction.report_kind import reports_randomised_trial
from kg.mapping import document_graph
from kg.model import AbstractSection, Publication, SourceDocument
from kg.queries import load_query, run
from kg.sources import read_document
from kg.stores.embedded import replace_graphs
from kg.validate import validate_graph

FIXTURES = Path(__file__).parents[1] / "fixtures"
PAGES = sorted([*(FIXTURES / "pool").glob("PMID*.txt"), *(FIXTURES / "pages").glob("PMID*.txt")])


def _trial_reports() -> list:
    out = []
    for path in PAGES:
        doc = read_document(path)
        if not any(s.text.strip() for s in doc.abstract):
            continue
        if reports_randomised_trial(doc.publication.title or "", doc.abstract).randomised:
            out.append(pytest.param(path, id=f"{path.parent.name}/{path.stem}"))
    return out


TRIAL_REPORTS = _trial_reports()


def test_the_fixture_pages_hold_trial_reports_of_both_folders():
    folders = {p.values[0].parent.name for p in TRIAL_REPORTS}
    assert folders == {"pool", "pages"}


@pytest.mark.parametrize("path", TRIAL_REPORTS)
def test_a_randomised_trial_report_yields_two_or_more_arms(path: Path):
    trial = read_document(path).trial
    assert trial is not None
    assert len(trial.arms) >= 2
    assert all(arm.interventions for arm in trial.arms)


def test_a_comparison_of_pooled_factorial_groups_validates_and_is_queried_with_its_sign():
    # PMID8127329: the graph form of a signed relative change between two pooled groups
    title = (
        "The effect of vitamin E and beta carotene on the incidence of lung cancer and other cancers in male "
        "smokers."
    )
    abstract = [
        AbstractSection(
            label="METHODS",
            text="A total of 29,133 male smokers 50 to 69 years of age from southwestern Finland were randomly "
            "assigned to one of four regimens: alpha-tocopherol (50 mg per day) alone, beta carotene (20 mg "
            "per day) alone, both alpha-tocopherol and beta carotene, or placebo.",
        ),
        AbstractSection(
            label="RESULTS",
            text="Among the 876 new cases of lung cancer diagnosed during the trial, no reduction in incidence "
            "was observed among the men who received alpha-tocopherol (change in incidence as compared with "
            "those who did not, -2 percent; 95 percent confidence interval, -14 to 12 percent).",
        ),
    ]
    doc = SourceDocument(
        path="PMID8127329.txt",
        kind="pubmed-page",
        key="8127329",
        sha256="0" * 64,
        publication=Publication(pmid="8127329", title=title),
        abstract=abstract,
        trial=extract_trial(title, abstract),
    )
    graph_iri, graph = document_graph(doc, "https://w3id.org/ctkg/id/")
    assert validate_graph(graph).violations == []
    store = pyoxigraph.Store()
    replace_graphs(store, [(graph_iri, graph)])
    (row,) = run(store, load_query("efficacy-results")).rows
    assert (row["statistic"], row["estimate"], row["ci_lower"], row["ci_upper"], row["unit"]) == (
        "relative_change",
        Decimal("-2"),
        Decimal("-14"),
        Decimal("12"),
        "percent",
    )
    groups = {g.label: g for g in doc.trial.groups}
    arms = {a.label: set(a.drug_names) for a in doc.trial.arms}
    assert [arms[m] for m in groups[row["arm_label"]].pooled_from] == [
        {"alpha-tocopherol"},
        {"alpha-tocopherol", "beta carotene"},
    ]
    assert [arms[m] for m in groups[row["comparator_label"]].pooled_from] == [{"beta carotene"}, {"placebo"}]


@pytest.mark.parametrize(
    ("pmid", "blinding"),
    [
        # title: '... a randomized, Phase III, double-blind, placebo-controlled trial'
        ("15197804", "placebo-controlled double-blind"),
        # title: '... Two-Year Outcomes From Two Randomized, Open-Label, Phase III Trials (CheckMate 017 and
        # CheckMate 057)'
        ("29023213", "open-label"),
    ],
)
def test_the_blinding_a_title_states(pmid, blinding):
    page = Path(__file__).parents[1] / "fixtures" / "pool" / f"PMID{pmid}.txt"
    assert read_document(page).trial.blinding == blinding


def test_a_figure_the_baseline_reader_takes_is_no_arms_result():
    # PMID14736927: 'A total of 1867 patients underwent randomization; 36.5 percent had pathological
    # stage I disease, 24.2 percent stage II, and 39.3 percent stage III.' Who the patients were, not
    # two arms' results.
    from kg.sources import read_document

    trial = read_document(Path(__file__).parents[1] / "fixtures" / "pool" / "PMID14736927.txt").trial
    assert not [r for r in trial.arm_results if "stage" in r.endpoint]
    stages = {(b.characteristic, b.estimate) for b in trial.baseline if "stage" in b.characteristic}
    assert {("stage ii", Decimal("24.2")), ("stage iii", Decimal("39.3"))} <= stages


def test_a_randomised_trial_with_no_arm_read_is_still_a_trial():
    """PMC1253473 (jayded/evidence-inference, MIT): no arm is read from 'Participants received one
    of three conditions: 1) ...', but the study says it is a randomised trial, so it yields one."""
    trial = extract_trial(
        "",
        [
            AbstractSection(
                label="METHODS",
                text="A randomized placebo-controlled, parallel-group trial included 481 low-income, female "
                "participants: mean age 50.1 years, 48.4% African American, 51.6% non-Hispanic white, and 92.5% "
                "below 185% of the federally designated poverty level.",
            )
        ],
    )
    assert trial is not None and trial.randomized is True
