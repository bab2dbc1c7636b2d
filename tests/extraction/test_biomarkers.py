"""kg.extraction.biomarkers (through the whole reading of a page): how common a tumour marker
was among the trial's patients, a baseline characteristic of the whole trial.

Every sentence is quoted from a page of ../shared/data/pool, copied to tests/fixtures/pool and
named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of
from test_baseline import spans

from kg.model import Trial


def markers(trial: Trial) -> list[tuple[str, str, Decimal, int | None, str, str]]:
    """test_baseline's rows, with the arm (or pooled group) each measurement is of."""
    return [(*row[:4], b.arm, row[4]) for b, row in zip(trial.baseline, spans(trial), strict=True)]


def test_each_marker_of_a_list_with_its_share_count_and_patients_tested():
    # PMID20100958: 'K-Ras mutations were found in 17% of evaluable patients (35 of 202 patients), EGFR
    # mutations were found in 10% (17 of 166 patients), EGFR positivity by IHC was found in 89% (131 of
    # 148 patients), and FISH positivity was found in 52% (54 of 104 patients).'
    trial = trial_of("20100958")
    assert markers(trial) == [
        (
            "k-ras mutations",
            "rate",
            Decimal("17"),
            202,
            "all patients",
            "17% of evaluable patients (35 of 202 patients)",
        ),
        ("k-ras mutations", "count", Decimal("35"), 202, "all patients", "35 of 202"),
        ("egfr mutations", "rate", Decimal("10"), 166, "all patients", "10% (17 of 166 patients)"),
        ("egfr mutations", "count", Decimal("17"), 166, "all patients", "17 of 166"),
        ("egfr positivity by ihc", "rate", Decimal("89"), 148, "all patients", "89% (131 of 148 patients)"),
        ("egfr positivity by ihc", "count", Decimal("131"), 148, "all patients", "131 of 148"),
        ("fish positivity", "rate", Decimal("52"), 104, "all patients", "52% (54 of 104 patients)"),
        ("fish positivity", "count", Decimal("54"), 104, "all patients", "54 of 104"),
    ]


def test_patients_positive_for_a_marker_of_the_patients_an_opener_counts():
    # PMID18024870: 'Of 253 patients, 132 (52%) were positive for p53 protein overexpression.'
    trial = trial_of("18024870")
    assert markers(trial) == [
        (
            "positive for p53 protein overexpression",
            "count",
            Decimal("132"),
            253,
            "all patients",
            "253 patients, 132 (52%) were positive for p53 protein overexpression",
        )
    ]
