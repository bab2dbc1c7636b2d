"""kg.extraction.subgroup_sizes: how many patients a subgroup the results speak of holds, kept as
a baseline count of the whole trial.

Sentences quoted from ../shared/data/abstracts (PMID beside them), read through
``extract_trial`` or from the pages in tests/fixtures.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from shared_quotes import DENOSUMAB

from kg.sources import read_document

_FIXTURES = Path(__file__).parents[1] / "fixtures"


def _sizes(trial) -> list[tuple[str, str, Decimal, str]]:
    return [
        (b.arm, b.characteristic, b.estimate, b.evidence.quote)
        for b in trial.baseline
        if b.statistic == "count" and b.unit == "participants"
    ]


def test_the_size_a_subgroup_phrase_prints_is_how_many_patients_it_holds(read):
    # PMID23154554: 'in 811 patients with any lung cancer (8.9 versus 7.7 months; ...) and in 702
    # patients with NSCLC (9.5 versus 8.0 months; HR 0.78)'
    r = read(
        *DENOSUMAB,
        (
            "RESULTS",
            "Denosumab was associated with improved median overall survival versus ZA in 811 patients with any "
            "lung cancer (8.9 versus 7.7 months; hazard ratio [HR] 0.80) and in 702 patients with NSCLC (9.5 "
            "versus 8.0 months; HR 0.78) (p = 0.01, each comparison).",
        ),
    )
    assert _sizes(r.trial) == [
        ("all patients", "any lung cancer", Decimal("811"), "811"),
        ("all patients", "NSCLC", Decimal("702"), "702"),
    ]


def test_the_subgroup_of_n_patients_who_were():
    # PMID19692680: 'In the subgroup of 261 patients who were positive for the epidermal growth factor
    # receptor gene (EGFR) mutation, ... whereas in the subgroup of 176 patients who were negative for the
    # mutation, ...'
    trial = read_document(_FIXTURES / "abstracts" / "PMID19692680.txt").trial
    sizes = [(who, n) for _, who, n, _ in _sizes(trial)]
    assert ("positive for the epidermal growth factor receptor gene (EGFR) mutation", Decimal("261")) in sizes
    assert ("negative for the mutation", Decimal("176")) in sizes
    assert {c.subgroup for c in trial.comparisons if c.estimate in (Decimal("0.48"), Decimal("2.85"))} == {
        "positive for the epidermal growth factor receptor gene (EGFR) mutation",
        "negative for the mutation",
    }


def test_a_size_in_the_bracket_right_after_the_subgroup_or_after_the_arms_compared():
    # PMID18506025: '... in patients with adenocarcinoma (n = 847; 12.6 v 10.9 months, respectively) and
    # large-cell carcinoma histology (n = 153; 10.4 v 6.7 months, respectively)'; 'In contrast, in
    # patients with squamous cell histology, there was a significant improvement in survival with
    # cisplatin/gemcitabine versus cisplatin/pemetrexed (n = 473; 10.8 v 9.4 months, respectively).':
    # the size after the two arms compared is both arms' patients of the subgroup (before: not read)
    trial = read_document(_FIXTURES / "abstracts" / "PMID18506025.txt").trial
    assert _sizes(trial) == [
        ("all patients", "adenocarcinoma", Decimal("847"), "847"),
        ("all patients", "large-cell carcinoma histology", Decimal("153"), "153"),
        ("all patients", "squamous cell histology", Decimal("473"), "473"),
    ]


def test_the_size_of_those_a_phrase_speaks_of():
    # PMID23816960 (tests/fixtures/pool): 'Median PFS among those with exon 19 deletions and L858R EGFR
    # mutations (n = 308) was 13.6 months for afatinib and 6.9 months for chemotherapy (...)'
    sizes = _sizes(read_document(_FIXTURES / "pool" / "PMID23816960.txt").trial)
    assert ("all patients", "exon 19 deletions and L858R EGFR mutations", Decimal("308"), "308") in sizes


def test_each_arms_part_of_the_subgroup_with_its_denominator():
    # PMID24331154: 'In the patients who received previous concurrent chemoradiotherapy, median overall
    # survival for the 538 (65%) of 829 patients assigned to tecemotide was 30.8 months (...) compared with
    # 20.6 months (...) for the 268 (65%) of 410 patients assigned to placebo (...)'; 'In patients who
    # received previous sequential chemoradiotherapy, overall survival did not differ between the 291 (35%)
    # patients in the tecemotide group and the 142 (35%) patients in the placebo group (...)'
    trial = read_document(_FIXTURES / "abstracts" / "PMID24331154.txt").trial
    parts = [(b.arm, b.characteristic, b.estimate, b.n_analysed, b.evidence.quote) for b in trial.baseline]
    concurrent, sequential = "previous concurrent chemoradiotherapy", "previous sequential chemoradiotherapy"
    assert parts == [
        (
            "tecemotide + cyclophosphamide",
            concurrent,
            Decimal("538"),
            829,
            "538 (65%) of 829 patients assigned to",
        ),
        ("placebo", concurrent, Decimal("268"), 410, "268 (65%) of 410 patients assigned to"),
        ("tecemotide + cyclophosphamide", sequential, Decimal("291"), None, "291 (35%) patients in the"),
        ("placebo", sequential, Decimal("142"), None, "142 (35%) patients in the"),
    ]


def test_each_arm_printed_with_its_own_size_after_the_subgroup():
    # PMID20493771 (tests/fixtures/pool): 'PFS was also significantly longer in patients with EGFR-positive
    # immunohistochemistry who were treated with erlotinib (n=307) compared with EGFR-positive patients
    # given placebo (n=311; median PFS 12.3 weeks in the erlotinib group vs 11.1 weeks in the placebo
    # group; HR 0.69, 0.58-0.82; p<0.0001)'
    trial = read_document(_FIXTURES / "pool" / "PMID20493771.txt").trial
    assert _sizes(trial) == [
        ("erlotinib", "EGFR-positive immunohistochemistry", Decimal("307"), "307"),
        ("placebo", "EGFR-positive immunohistochemistry", Decimal("311"), "311"),
    ]
