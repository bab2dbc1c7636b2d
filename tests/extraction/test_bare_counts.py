"""kg.extraction.bare_counts (with values and outcomes): counts of patients or events printed
without a percent, each its arm's count of the event named beside it.

Each test reads a real page of tests/fixtures/pool (its sentence quoted beside it) through
``read_document``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.extraction.text import normalise
from kg.extraction.values import items
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def counts(doc: str, endpoint: str) -> list[tuple[str, Decimal]]:
    """(arm, count) of each per-arm count of one endpoint the page reports."""
    trial = read_document(POOL / f"{doc}.txt").trial
    return [
        (x.arm, x.estimate) for x in trial.arm_results if x.endpoint == endpoint and x.statistic == "count"
    ]


def test_counts_of_patients_spared_an_event_per_arm():
    # '18 patients in the CWU group and 32 in the CWU+PET group did not have thoracotomy.'
    # 'Two patients in the CWU+PET group did not undergo PET.'
    assert counts("PMID11978336", "no thoracotomy") == [
        ("conventional workup", Decimal("18")),
        ("conventional workup + positron emission tomography", Decimal("32")),
    ]
    assert counts("PMID11978336", "no pet") == [
        ("conventional workup + positron emission tomography", Decimal("2")),
    ]


def test_a_count_of_women_compared_with_a_count_in_the_other_group():
    # '109 women in the combined hormone therapy group had been diagnosed with lung cancer compared
    # with 85 in the placebo group'; '96 women assigned to combined therapy had non-small-cell lung
    # cancer compared with 72 assigned to placebo'
    assert counts("PMID19767090", "lung cancer incidence") == [
        ("conjugated equine oestrogen + medroxyprogesterone acetate", Decimal("109")),
        ("placebo", Decimal("85")),
    ]
    assert counts("PMID19767090", "non-small-cell lung cancer") == [
        ("conjugated equine oestrogen + medroxyprogesterone acetate", Decimal("96")),
        ("placebo", Decimal("72")),
    ]


def test_a_pair_of_event_counts_takes_the_endpoint_of_its_clause():
    # 'Deaths from lung cancer did not differ between the two groups (34 vs 33 deaths in estrogen
    # and placebo groups, respectively; ...)'
    assert counts("PMID20709992", "lung cancer mortality") == [
        ("estrogen", Decimal("34")),
        ("placebo", Decimal("33")),
    ]


def test_a_count_broken_down_by_arm_in_the_bracket_after_it():
    # 'Eight patients (3 who had PET-CT and 5 who had conventional staging) did not have planned surgery.'
    # (the total they add up to is every arm's together: test_whole_population)
    assert counts("PMID19581636", "no planned surgery") == [
        ("all patients", Decimal("8")),
        ("positron emission tomography and computed tomography", Decimal("3")),
        ("conventional staging", Decimal("5")),
    ]
    # 'Eleven long-term survivors (arm A: four; arm B: seven) underwent a comprehensive neuropsychological
    # examination.': 'arm A' labels, the numbers after it count
    assert [n for _arm, n in counts("PMID17971598", "comprehensive neuropsychological examination")] == [
        Decimal("11"),
        Decimal("4"),
        Decimal("7"),
    ]
    # bare 'events' are the information behind a time-to-event analysis, no arm's count: PMID19027483
    # (shared/data/abstracts, gold lists no count) 'Non-inferiority of gefitinib compared with docetaxel
    # was confirmed for overall survival (593 vs 576 events; hazard ratio [HR] 1.020, 96% CI 0.905-1.150)'
    sentence = "overall survival (593 vs 576 events; hazard ratio [HR] 1.020, 96% CI 0.905-1.150)"
    assert [i for i in items(normalise(sentence)) if i.statistic == "count"] == []


def test_a_count_broken_down_after_a_colon_and_not_by_cause():
    # PMID12243809 (shared/data/pool): the parts after a colon, each with the arm words after it; the
    # numbers inside their brackets are causes and count for no arm; the total is every arm's (pooled)
    sentence = (
        "Three treatment-related deaths occurred: 2 patients in the surgical arms (one late pulmonary toxicity "
        "and one pulmonary embolus), and 1 patient in the radiation arm (radiation pneumonitis)."
    )
    assert [(i.raw, i.what, i.pooled) for i in items(normalise(sentence))] == [
        ("3", "treatment-related deaths", True),
        ("2", "treatment-related deaths", False),
        ("1", "treatment-related deaths", False),
    ]
    # PMID26708155 (shared/data/pool, one arm): parts that say what happened are causes, not arms
    sentence = (
        "Two patients died: one had a haemorrhage (judged related to study treatment), and one had disease "
        "progression and a history of stroke (judged unrelated to treatment)."
    )
    assert [(i.raw, i.what) for i in items(normalise(sentence))] == [
        ("2", "death"),
        ("1", "disease progression"),
    ]


def test_event_counts_each_before_its_arm():
    # 'There were 36 relapses in the FU+Cisplatin arm and 30 in the nihil arm.' (before: unread)
    assert counts("PMC1074719", "relapses") == [("cisplatin", Decimal("36")), ("nihil", Decimal("30"))]


def test_a_p_value_after_event_counts_each_before_its_arm_is_theirs():
    # 'There were five treatment-related deaths in the DC group and one in the D (P =.098).' (before:
    # the p went to overall survival, named in the sentence before)
    trial = read_document(POOL / "PMID15226327.txt").trial
    assert [(c.endpoint, c.p_value) for c in trial.comparisons if c.p_value == Decimal("0.098")] == [
        ("treatment-related deaths", Decimal("0.098"))
    ]


def test_deaths_counted_per_arm_in_a_clause_that_names_no_endpoint_are_deaths():
    # PMC1074719: 'There were 29 deaths in the Cisplatin arm vs. 27 for nihil.' (before: unread)
    assert counts("PMC1074719", "deaths") == [("cisplatin", Decimal("29")), ("nihil", Decimal("27"))]
