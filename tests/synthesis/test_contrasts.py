"""Contrasts on the analysis scale: log HR and SE recomputed from each printed interval at its
printed level, for trials of the abstracts and of a registry record; every trial with a
between-arm effect has contrasts; sources that print a contrast differently are flagged."""

from __future__ import annotations

import math
from decimal import Decimal
from statistics import NormalDist

import pytest
from conftest import FIXTURES, SEED

from kg.queries import load_query, run
from kg.synthesis.contrasts import contrasts
from kg.synthesis.scale import standard_error

# (source file, words printed there, estimate, lower, upper, level): 11 abstracts, 1 registry record
PRINTED = [
    (
        "contact-01.pubmed.txt",
        "stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]",
        "0.88",
        "0.68",
        "1.16",
        95,
    ),
    (
        "PMID30280657.txt",
        "hazard ratio for disease progression or death, 0.49 [95% CI, 0.33 to 0.74]",
        "0.49",
        "0.33",
        "0.74",
        95,
    ),
    ("PMID28602779.txt", "hazard ratio 0·49 [0·36-0·67]", "0.49", "0.36", "0.67", 95),
    ("PMID26412456.txt", "hazard ratio for death, 0.73; 96% CI, 0.59 to 0.89", "0.73", "0.59", "0.89", 96),
    ("PMID29658845.txt", "0.58; 97.5% CI, 0.41 to 0.81", "0.58", "0.41", "0.81", 97.5),
    ("PMID29151359.txt", "hazard ratio for death, 0.63; 95% CI, 0.45 to 0.88", "0.63", "0.45", "0.88", 95),
    ("PMID19410716.txt", "hazard ratio for death 0.871 [95% CI 0.762-0.996]", "0.871", "0.762", "0.996", 95),
    ("PMID28501140.txt", "hazard ratio 0·34 [99·7% CI 0·17-0·71]", "0.34", "0.17", "0.71", 99.7),
    ("PMID23200175.txt", "hazard ratio [HR] for death 0·80, 80% CI 0·56-1·14", "0.80", "0.56", "1.14", 80),
    ("PMID27022112.txt", "hazard ratio [HR], 1.125; 95% CI, 0.940 to 1.347", "1.125", "0.940", "1.347", 95),
    ("PMID22547591.txt", "HR, 0.922; 95% CI, 0.797 to 1.066", "0.922", "0.797", "1.066", 95),
    # CheckMate 017's registry record: overall survival, hazard ratio 0.59 with its 96.85% interval
    ("NCT01642004.xml", "<ci_percent>96.85</ci_percent>", "0.59", "0.43", "0.81", 96.85),
]


def _source_text(name: str) -> str:
    path = SEED if name == "contact-01.pubmed.txt" else next(FIXTURES.glob(f"*/{name}"))
    return " ".join(path.read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def items(synthesis_store):
    return contrasts(synthesis_store)


@pytest.mark.parametrize("source, words, estimate, lower, upper, level", PRINTED, ids=[p[0] for p in PRINTED])
def test_log_hr_and_se_from_the_printed_interval(items, source, words, estimate, lower, upper, level):
    assert words in _source_text(source)
    found = [
        c
        for c in items
        if c.source_file == source
        and c.measure == "HR"
        and (c.estimate, c.ci_lower, c.ci_upper) == (Decimal(estimate), Decimal(lower), Decimal(upper))
    ]
    assert found, f"no contrast {estimate} ({lower}-{upper}) from {source}"
    z = NormalDist().inv_cdf((1 + level / 100) / 2)
    for c in found:
        assert c.ci_level == Decimal(str(level))
        assert c.y == pytest.approx(math.log(float(estimate)), abs=1e-12)
        assert c.se == pytest.approx((math.log(float(upper)) - math.log(float(lower))) / (2 * z), abs=1e-12)
        assert c.se_method == "ci"


def test_twelve_trials_across_abstracts_and_a_registry_record():
    assert len({p[0] for p in PRINTED}) >= 10
    assert any(p[0].startswith("NCT") for p in PRINTED)


def test_every_trial_with_a_between_arm_effect_has_contrasts(synthesis_store, items):
    effects = {
        "hazard_ratio",
        "odds_ratio",
        "risk_ratio",
        "ratio",
        "mean_difference",
        "risk_difference",
        "least_squares_mean_difference",
        "difference",
    }
    rows = run(synthesis_store, load_query("efficacy-results")).rows
    compared = {
        str(r["trial_iri"])
        for r in rows
        if r["statistic"] in effects and r["comparator_label"] and r["estimate"] is not None
    }
    assert len(compared) >= 20
    assert compared <= {c.trial_iri for c in items}


def test_a_registry_update_printed_beside_the_abstract_is_flagged_not_averaged(items):
    # CheckMate 017: the abstract's "hazard ratio, 0.59; 95% CI, 0.44 to 0.79", the record's
    # updated follow-up 0.62 (0.47-0.81) on the same endpoint
    updated = [
        c
        for c in items
        if c.source_file == "NCT01642004.xml"
        and c.estimate == Decimal("0.62")
        and c.endpoint_key == "overall survival"
    ]
    assert updated and all(c.conflicts == ("PMID26028407.txt",) for c in updated)
    abstract = [
        c for c in items if c.source_file == "PMID26028407.txt" and c.endpoint_key == "overall survival"
    ]
    assert [c.estimate for c in abstract] == [Decimal("0.59")]


def test_se_from_an_exact_p_value_is_flagged():
    # PMID20516435: "(5-year disease-free survival 38.3% v 34.1%; hazard ratio [HR] for
    # progression or death, 0.92; P = .176)": no interval printed
    text = " ".join((FIXTURES / "synthesis" / "PMID20516435.txt").read_text().split())
    assert "hazard ratio [HR] for progression or death, 0.92; P = .176" in text
    s = standard_error(Decimal("0.92"), None, None, None, None, Decimal("0.176"), "=", True)
    assert s.se_method == "p-value"
    assert s.se == pytest.approx(abs(math.log(0.92)) / NormalDist().inv_cdf(1 - 0.176 / 2), abs=1e-12)
    bound = standard_error(Decimal("0.92"), None, None, None, None, Decimal("0.001"), "<", True)
    assert bound.se is None and bound.se_method is None


def test_a_p_value_alone_with_both_arms_events_becomes_an_odds_ratio(tmp_path):
    import pyoxigraph

    from kg.build import build

    # PMID2405271: "Recurrence at the site of the original metastasis was less frequent in the
    # surgical group than in the radiation group (5 of 25 [20 percent] vs. 12 of 23 [52 percent];
    # P less than 0.02)."
    page = FIXTURES / "pages" / "PMID2405271.txt"
    assert "(5 of 25 [20 percent] vs. 12 of 23 [52 percent]; P less than 0.02)" in _source_text(page.name)
    store = pyoxigraph.Store()
    build([page], store, progress=lambda _m: None)
    derived = [c for c in contrasts(store) if c.se_method == "arm-counts"]
    recurrence = next(
        c for c in derived if c.endpoint == "local recurrence at the site of the original metastasis"
    )
    a, b, c, d = 5, 25 - 5, 12, 23 - 12
    assert recurrence.measure == "OR" and recurrence.control == "radiotherapy"
    assert recurrence.y == pytest.approx(math.log(a * d / (b * c)), abs=1e-12)
    assert recurrence.se == pytest.approx(math.sqrt(1 / a + 1 / b + 1 / c + 1 / d), abs=1e-12)
    assert "not printed itself" in recurrence.note
