"""Number coverage: which printed numbers of the results sentences count, and which a fact took.

Sentences are quoted from the shared documents (the PMID says which); the evidence spans are
set by hand, so these tests hold whatever the extractor reads.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extraction.coverage import counted_numbers, number_coverage, results_sentences, trial_coverage
from kg.extraction.text import Sentence, sentences
from kg.model import Comparison, Evidence, ParticipantCount, Trial
from kg.sources import read_document

FIXTURES = Path(__file__).parents[1] / "fixtures"

# PMID26028407 (CheckMate 017)
RISK = (
    "The risk of death was 41% lower with nivolumab than with docetaxel "
    "(hazard ratio, 0.59; 95% CI, 0.44 to 0.79; P<0.001)."
)
# PMID28968167 (IMPRESS), a one-paragraph abstract with inline headings
RANDOMISED = (
    "Results A total of 265 patients with non-small-cell lung cancer were randomly assigned, "
    "and overall data maturity was 66%."
)


def _one(text: str, label: str = "RESULTS") -> Sentence:
    [s] = sentences(label, text)
    return s


def _printed(s: Sentence, spans) -> list[str]:
    return [s.text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # interval level left out; the estimate, its bounds and the p-value count
        (RISK, ["41", "0.59", "0.44", "0.79", "0.001"]),
        # landmark time ('At 1 year') left out (PMID26028407)
        (
            "At 1 year, the overall survival rate was 42% (95% CI, 34 to 50) with nivolumab versus 24% "
            "(95% CI, 17 to 31) with docetaxel.",
            ["42", "34", "50", "24", "17", "31"],
        ),
        # grades and arm numbers are labels (PMID18202422)
        (
            "Grade 3/4 anemia was more common with arm 1, although grade 2/3 neuropathy and arthralgia were less common.",
            [],
        ),
        ("The objective response rate was 27.6% for arm 1 and 19.2% for arm 2.", ["27.6", "19.2"]),
        # parts of names: T790M (PMID28968167)
        (
            "The detriment was statistically significant in patients with T790M mutation-positive plasma samples "
            "(HR, 1.49; 95% CI, 1.02 to 2.21), whereas statistical significance was not reached in T790M "
            "mutation-negative patients (HR, 1.15; 95% CI, 0.68 to 1.94).",
            ["1.49", "1.02", "2.21", "1.15", "0.68", "1.94"],
        ),
        # a trial's mixed-case name: 'LUX-Lung 6' (PMID25589191)
        (
            "In LUX-Lung 6, median overall survival was 23.1 months (95% CI 20.4-27.3) in the afatinib group and "
            "23.5 months (18.0-25.6) in the gemcitabine-cisplatin group (HR 0.93, 95% CI 0.72-1.22, p=0.61).",
            ["23.1", "20.4", "27.3", "23.5", "18.0", "25.6", "0.93", "0.72", "1.22", "0.61"],
        ),
        # dates: days and years (PMID28919011)
        (
            "Between April 16, 2014, and Dec 28, 2015, 36 patients were enrolled and treated with first-line "
            "dabrafenib plus trametinib.",
            ["36"],
        ),
        # a number in words is one number, as printed (PMID30620668)
        (
            "Eighty-two patients assigned to chemotherapy crossed over on study to receive pembrolizumab.",
            ["Eighty-two"],
        ),
        # landmark times in a suspended-hyphen list (PMID10561343)
        (
            "Two-, 3-, 4-, and 5-year survival rates in the concurrent group (34.6%, 22.3%, 16.9%, and 15.8%, "
            "respectively) were better than those in the sequential group (27.4%, 14.7%, 10.1%, and 8.9%, "
            "respectively).",
            ["34.6", "22.3", "16.9", "15.8", "27.4", "14.7", "10.1", "8.9"],
        ),
        # doses name a regimen (PMID28475456)
        ("Seven of 14 patients were successfully retreated with brigatinib.", ["Seven", "14"]),
        (
            "A subset of pulmonary adverse events with early onset (median onset: day 2) occurred in 14 of 219 "
            "treated patients (all grades, 6%; grade ≥ 3, 3%); none occurred after escalation to 180 mg in arm B.",
            ["14", "219", "6", "3"],
        ),
        # the threshold of a listing of the most common events (PMID24868098, PMID21148615); a bound
        # stated as a figure still counts (PMID11745199)
        (
            "The most frequent (≥5%) grade 3 and 4 adverse reactions were rash and diarrhea.",
            [],
        ),
        ("The most common (>5%) adverse reactions in patients receiving pemetrexed were", []),
        (
            "Grade 3-4 hematologic toxicities occurred in > 50% of the patients in each treatment group.",
            ["50"],
        ),
        # a test's name, grades joined by '+' or 'through', 'at least one' event (PMID15364136,
        # PMID11697832, PMID23165743, PMID26045340)
        ("leucopenia (53% versus 19%, P = 0.009 by means of chi(2) test)", ["53", "19", "0.009"]),
        (
            "Grade 3 + 4 toxicity was significantly higher in the PV-group for leukopenia (P = 0.0003)",
            ["0.0003"],
        ),
        (
            "Significant differences in acute grade 2 through 4 toxicity (20% vs 10% for MFRT vs SFRT",
            ["20", "10"],
        ),
        (
            "the number of patients with at least one grade 3 or worse adverse event was higher (388 [72%] of 538 "
            "patients)",
            ["388", "72", "538"],
        ),
        # a bracket holds an interval, not a reference mark (PMID21933749)
        (
            "Survival in 30 ALK-positive patients who were given crizotinib in the second-line or third-line setting was "
            "significantly longer than in 23 ALK-positive controls given any second-line therapy (median overall "
            "survival not reached [95% CI 14 months to not reached] vs 6 months [4-17], 1-year overall survival "
            "70% [95% CI 50-83] vs 44% [23-64], and 2-year overall survival 55% [33-72] vs 12% [2-30]; hazard "
            "ratio 0·36, 95% CI 0·17-0·75; p=0·004).",
            [
                "30",
                "23",
                "14",
                "6",
                "4",
                "17",
                "70",
                "50",
                "83",
                "44",
                "23",
                "64",
                "55",
                "33",
                "72",
                "12",
                "2",
                "30",
            ]
            + ["0·36", "0·17", "0·75", "0·004"],
        ),
        # a landmark printed without its hyphen is no figure (PMID16022917)
        (
            "Median survival was significantly longer (p=0.01) for VG with 11.5 mo compared to 8.6 mo in VC with 1 "
            "year survival at 48.9 and 34.4%, respectively.",
            ["0.01", "11.5", "8.6", "48.9", "34.4"],
        ),
        # a performance status and a list of grades are labels, however they are printed (PMID11784875)
        (
            "Treatment with cisplatin and gemcitabine was associated with a significantly longer time to the "
            "progression of disease than was treatment with cisplatin and paclitaxel but was more likely to cause "
            "grade 3, 4, or 5 renal toxicity (in 9 percent of patients, vs. 3 percent of those treated with "
            "cisplatin plus paclitaxel).",
            ["9", "3"],
        ),
        (
            "Sixty-two patients were enrolled; the median age 57 years (range, 36-82), 39 were male (63%), 61 (98%) "
            "had a performance status of 0 or 1, 28 (45%) had stage IIIA disease, 21 (34%) had >5% weight loss, and "
            "the median forced expiratory volume 1 = 2.10 liters (range, 1.02-3.75).",
            ["Sixty-two", "57", "36", "82", "39", "63", "61", "98", "28", "45", "21", "34", "5", "1", "2.10"]
            + ["1.02", "3.75"],
        ),
        # a count after a comma ends a list of labels (PMID20800380)
        (
            "A total of 265 patients were accrued, with 131 in Arm 1, 67 in Arm 2, and 66 in Arm 3 being eligible.",
            ["265", "131", "67", "66"],
        ),
        # a TNM category with its subscript (PMID11309437)
        (
            "Rate of recurrence was affected by tumor stage (HR for T(2) versus T(1) = 1.77 [95% CI = 1.35 to 2.31]) "
            "and a treatment-by-smoking interaction (HR for treatment-by-current-versus-never-smoking status = 3.11 "
            "[95% CI = 1.00 to 9.71]).",
            ["1.77", "1.35", "2.31", "3.11", "1.00", "9.71"],
        ),
        # regimen numbers (PMID15714933)
        (
            "TSS improved in 49 patients (77%) on regimen 1, and in 57 (92%) patients on regimen 2, a difference of "
            "15% (95% confidence interval [CI] 3-28) in the proportion improving between the two regimens.",
            ["49", "77", "57", "92", "15", "3", "28"],
        ),
        # the fractions that name a radiotherapy schedule (PMID15860852)
        (
            "Survival in the 10 x 3-Gy arm was significantly (P = .03) better than in the 2 x 8-Gy arm with 1-year "
            "survival of 19.6% (95%CI, 14.1% to 27.3%) v 10.9% (95%CI, 6.9% to 17.3%).",
            [".03", "19.6", "14.1", "27.3", "10.9", "6.9", "17.3"],
        ),
        # the age that bounds a subgroup (PMID11830607)
        (
            "The proportions with clinical partial or complete response (21.5% versus 23.3%; Fisher's exact test, "
            "P =.66), median time to progression (4.37 versus 4.30 months; log-rank test, P =.29), and survival "
            "distribution (log-rank test, P =.29; median survival, 9.05 versus 8.53 months; 1-year survival, 38% "
            "versus 29%; and 2-year survival, 14% versus 12%) were similar in patients younger than 70 years and 70 "
            "years old or older.",
            ["21.5", "23.3", ".66", "4.37", "4.30", ".29", ".29", "9.05", "8.53", "38", "29", "14", "12"],
        ),
        # the items of an enumeration (PMID10945489)
        (
            "The primary end-points were defined as (1) the percentage change in mean SS14 score between baseline and "
            "2 months and (2) the proportion of patients with a marked (> or = 25%) improvement in SS14 score between "
            "baseline and 2 months sustained for > or =4 weeks.",
            ["2", "25", "2", "4"],
        ),
        # 'G3/4' (PMID23161898)
        (
            "The feasibility rates were 95.5% (cisplatin and pemetrexed, CPx) and 75.4% (cisplatin and vinorelbine, "
            "CVb) (P = 0.001); hematological G3/4 toxic effects were 10% (CPx) and 74% (CVb) (P < 0.001), "
            "non-hematological toxic effects were comparable (33% and 31%, P = 0.798).",
            ["95.5", "75.4", "0.001", "10", "74", "0.001", "33", "31", "0.798"],
        ),
        # a count after 'In group 1,' is a figure (PMID19632716)
        (
            "In group 1, 16 (8%) deaths were treatment related versus four (2%) in group 2.",
            ["16", "8", "four", "2"],
        ),
        # the degree of a test is no figure (PMID10811675)
        (
            "The difference was more significant for docetaxel 75 mg/m(2) patients, compared with corresponding "
            "best supportive care patients (7.5 v 4.6 months; log-rank test, P =.010; 1-year survival, 37% v 11%; "
            "chi(2) test, P =.003).",
            ["7.5", "4.6", ".010", "37", "11", ".003"],
        ),
    ],
)
def test_counted_numbers(text: str, numbers: list[str]) -> None:
    s = _one(text)
    assert _printed(s, counted_numbers(s)) == numbers


def _page_sentences(path: Path) -> list[Sentence]:
    doc = read_document(path)
    return [s for sec in doc.abstract for s in sentences(sec.label, sec.text)]


def test_results_sentences_under_a_results_label() -> None:
    sents = _page_sentences(FIXTURES / "abstracts" / "PMID26028407.txt")
    found = results_sentences(sents)
    assert found == [s for s in sents if s.section == "RESULTS"]
    assert found[0].text.startswith("The median overall survival was 9.2 months")
    assert len(found) == 7


def test_results_sentences_after_an_inline_heading() -> None:
    found = results_sentences(_page_sentences(FIXTURES / "pages" / "PMID28968167.txt"))
    assert [s.text[:40] for s in found] == [
        "Results A total of 265 patients with non",
        "Continuation of gefitinib plus cisplatin",
        "The detriment was statistically signific",
        "PFS in T790M mutation-positive patients ",
    ]


def test_results_sentences_of_an_abstract_without_headings() -> None:
    """PMID2405271 (1990): aim, three sentences of figures, conclusion; only the figures count."""
    found = results_sentences(_page_sentences(FIXTURES / "pages" / "PMID2405271.txt"))
    assert [s.text[:40] for s in found] == [
        "Forty-eight patients (25 in the surgical",
        "Recurrence at the site of the original m",
        "The overall length of survival was signi",
    ]


def _evidence(s: Sentence, quote: str) -> Evidence:
    start = s.text.index(quote)
    return Evidence(section=s.section, sentence=s.text, start=start, end=start + len(quote))


def test_a_fact_covers_the_numbers_of_its_evidence_span() -> None:
    s = _one(RISK)
    [c] = number_coverage([s], [_evidence(s, "hazard ratio, 0.59; 95% CI, 0.44 to 0.79; P<0.001")])
    assert _printed(s, c.covered) == ["0.59", "0.44", "0.79", "0.001"]
    assert _printed(s, c.uncovered) == ["41"]


def test_a_sentence_read_whole_is_covered() -> None:
    s = _one(RISK)
    [c] = number_coverage([s], [], read={s.text})
    assert c.covered == c.counted and len(c.counted) == 5


def test_a_trials_figures_without_spans_are_covered_by_value() -> None:
    s = _one(RANDOMISED, label="")
    comparison = Comparison(
        endpoint="overall survival",
        statistic="hazard_ratio",
        estimate=Decimal("1.44"),
        evidence=_evidence(s, "265"),  # any span: here the one number a fact took
    )
    [c] = trial_coverage(Trial(comparisons=[comparison]), [s])
    assert _printed(s, c.covered) == ["265"] and _printed(s, c.uncovered) == ["66"]
    [c] = trial_coverage(Trial(n_randomized=265), [s])
    assert _printed(s, c.covered) == ["265"]
    [c] = trial_coverage(None, [s])
    assert c.covered == () and _printed(s, c.counted) == ["265", "66"]


def test_participant_counts_are_facts_that_cover_their_numbers() -> None:
    # PMID11745199: a count of the participant flow is a fact like a figure
    s = _one(
        "Sixty-eight patients with an ECOG PS of 2 were enrolled, and 64 patients were evaluable for toxicity.",
        label="RESULTS",
    )
    evaluable = ParticipantCount(
        stage="evaluable", count=64, evidence=_evidence(s, "64 patients were evaluable")
    )
    [c] = trial_coverage(Trial(participant_flow=[evaluable]), [s])
    assert _printed(s, c.covered) == ["64"]
