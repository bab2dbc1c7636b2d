"""Per-arm figures in forms of results sentences read whole from real pages
(../shared/data/abstracts and ../shared/data/pool, copied to tests/fixtures): each test quotes
the sentence it is about and asserts the figures read from it exactly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from shared_quotes import NLST

from kg.model import Trial
from kg.sources import read_document

FIXTURES = Path(__file__).parents[1] / "fixtures"


def trial(page: str) -> Trial:
    read = read_document(FIXTURES / page).trial
    assert read is not None
    return read


def rows(t: Trial, quoted: str) -> list[tuple]:
    """(arm, endpoint, statistic, estimate, unit, timepoint, count, n_analysed) of each per-arm
    figure read from the sentence that holds ``quoted``."""
    return [
        (r.arm, r.endpoint, r.statistic, r.estimate, r.unit, r.timepoint, r.count, r.n_analysed)
        for r in t.arm_results
        if r.evidence is not None and quoted in r.evidence.sentence
    ]


def test_a_percent_of_the_patients_who_had_an_event_at_a_landmark_closing_its_bracket():
    # PMID28885881: 'The response rate was higher with durvalumab than with placebo (28.4% vs. 16.0%;
    # P<0.001), and the median duration of response was longer (72.8% vs. 46.8% of the patients had an
    # ongoing response at 18 months).' - '46.8% of the patients had ...' is an outcome, not a baseline
    # share, and 'at 18 months' ending the bracket times both figures
    got = rows(trial("abstracts/PMID28885881.txt"), "ongoing response at 18 months")
    dor = [r for r in got if r[1] == "duration of response"]
    assert dor == [
        ("durvalumab", "duration of response", "rate", Decimal("72.8"), "percent", "18 months", None, None),
        ("placebo", "duration of response", "rate", Decimal("46.8"), "percent", "18 months", None, None),
    ]


def test_the_cases_a_rate_per_person_years_counts_bracketed_after_it(read):
    # PMID21714641: the count of cancers behind each arm's incidence rate
    r = read(
        *NLST,
        (
            "RESULTS",
            "The incidence of lung cancer was 645 cases per 100,000 person-years (1060 cancers) in the "
            "low-dose CT group, as compared with 572 cases per 100,000 person-years (941 cancers) in the "
            "radiography group (rate ratio, 1.13; 95% confidence interval [CI], 1.03 to 1.23).",
        ),
    )
    unit = "per 100,000 person-years"
    assert rows(r.trial, "645 cases") == [
        (
            "low-dose computed tomography",
            "lung cancer incidence",
            "rate",
            Decimal("645"),
            unit,
            None,
            1060,
            None,
        ),
        (
            "single-view posteroanterior chest radiography",
            "lung cancer incidence",
            "rate",
            Decimal("572"),
            unit,
            None,
            941,
            None,
        ),
    ]


def test_a_count_of_responses_of_a_denominator_before_a_bracket_opening_on_their_abbreviation():
    # PMID2167953: 'We obtained 27 of 100 objective responses (ORs; 27%) in the CDDP arm and 16 of 102 (16%)
    # in the CBDCA arm (P = .07).' - 27 of 100 is the count behind 27%, as 16 of 102 is behind 16%
    got = rows(trial("pool/PMID2167953.txt"), "We obtained 27 of 100")
    assert got == [
        ("cisplatin + etoposide", "objective response rate", "rate", Decimal("27"), "percent", None, 27, 100),
        (
            "carboplatin + etoposide",
            "objective response rate",
            "rate",
            Decimal("16"),
            "percent",
            None,
            16,
            102,
        ),
    ]


def test_the_size_of_the_group_a_sentence_opens_on_is_its_figures_denominator():
    # PMID10574676: 'For the 30 patients who received preresectional chemotherapy, overall median survival
    # was 22 months (95% CI, 13.4 30.6).' and 'Of the 30 patients who received surgery alone, overall median
    # survival was 10 months (95% CI, 7.4-12.6; P = 0.005 by the log rank test).'
    t = trial("pool/PMID10574676.txt")
    assert rows(t, "For the 30 patients who received") + rows(t, "Of the 30 patients who received") == [
        (
            "mitomycin + ifosfamide + cisplatin",
            "overall survival",
            "median",
            Decimal("22"),
            "month",
            None,
            None,
            30,
        ),
        ("surgery", "overall survival", "median", Decimal("10"), "month", None, None, 30),
    ]


def test_a_share_of_the_participants_in_an_arm_before_a_list_of_the_other_arms_figures():
    # PMID16820547 (pool/): 'During the last 4 weeks of treatment (weeks 9-12), 43.9% of participants in the
    # varenicline group were continuously abstinent from smoking compared with 17.6% in the placebo group (...)
    # and 29.8% in the bupropion SR group (...)': each arm's share, at the end of the window of weeks 9-12
    # ('the last 4 weeks' is no landmark), named with its window (``endpoint_windows``); before: 43.9% unread
    # and the others dated '4 weeks'
    t = trial("pool/PMID16820547.txt")
    endpoint = "continuous abstinence from smoking weeks 9-12"
    assert rows(t, "During the last 4 weeks of treatment") == [
        ("varenicline", endpoint, "rate", Decimal("43.9"), "percent", "12 weeks", None, None),
        ("placebo", endpoint, "rate", Decimal("17.6"), "percent", "12 weeks", None, None),
        ("bupropion", endpoint, "rate", Decimal("29.8"), "percent", "12 weeks", None, None),
    ]


def test_a_window_of_weeks_heading_the_figures_dates_them_at_its_end():
    # PMID16820547 (pool/): 'For weeks 9 through 24, 29.7% of participants in the varenicline group were
    # continuously abstinent compared with 13.2% in the placebo group (OR, 2.83; ...) and 20.2% in the
    # bupropion group (OR, 1.69; ...). For weeks 9 through 52, 23% of participants ...'
    t = trial("pool/PMID16820547.txt")
    assert [(r[0], r[3], r[5]) for r in rows(t, "For weeks 9 through 24")] == [
        ("varenicline", Decimal("29.7"), "24 weeks"),
        ("placebo", Decimal("13.2"), "24 weeks"),
        ("bupropion", Decimal("20.2"), "24 weeks"),
    ]
    assert {r[5] for r in rows(t, "For weeks 9 through 52")} == {"52 weeks"}
    assert sorted((c.estimate, c.timepoint) for c in t.comparisons) == [
        (Decimal("1.69"), "24 weeks"),
        (Decimal("1.77"), "52 weeks"),
        (Decimal("1.90"), "12 weeks"),
        (Decimal("2.66"), "52 weeks"),
        (Decimal("2.83"), "24 weeks"),
        (Decimal("3.85"), "12 weeks"),
    ]
    # the primary end point ('Continuous abstinence from smoking during the last 4 weeks of treatment
    # (weeks 9-12; primary end point)') is met by its first landmark's tests ('P<.001')
    assert t.primary_endpoint_met is True
