"""kg.extraction.values: an arm's change printed as a percent of where it started.

Each test quotes a real abstract of the PMC sets (``benchmarks/pmc``; its id beside it) and reads
it through ``extract_trial`` or the page itself.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"

# PMC3136370
SOY_DESIGN = (
    "Fifty patients seen at a fibromyalgia outpatient treatment program were randomly assigned to a daily soy "
    "or placebo (casein) shake."
)
SOY_OUTCOMES = (
    "Outcome measures were scores of the Fibromyalgia Impact Questionnaire (FIQ) and the Center for "
    "Epidemiologic Studies Depression Scale (CES-D) at baseline and after 6 weeks of intervention."
)
SOY_FIQ = (
    "Use of standard statistics with intent-to-treat analysis showed that total FIQ scores decreased by 14% in "
    "the soy group (P = .02) and by 18% in the placebo group (P < .001)."
)
SOY_CESD = (
    "With the same analysis, CES-D scores decreased in the soy group by 16% (P = .004) and in the placebo group "
    "by 15% (P = .05)."
)


def _changes(reading) -> list[tuple]:
    return [(reading.drugs(r.arm), r.statistic, r.estimate) for r in reading.trial.arm_results]


def test_a_second_by_of_the_same_verb_is_the_same_change(read):
    # before: 'by 18%', far from 'decreased', was read as a rate of 18% of the placebo group
    reading = read("", ("METHODS", f"{SOY_DESIGN} {SOY_OUTCOMES}"), ("RESULTS", SOY_FIQ))
    assert _changes(reading) == [
        (frozenset({"soy shake"}), "relative_reduction", Decimal("14")),
        (frozenset({"placebo"}), "relative_reduction", Decimal("18")),
    ]


def test_a_by_after_the_arm_is_the_change_its_verb_names(read):
    # before: both read as rates ('decreased in the soy group by 16%': the arm parts verb and 'by')
    reading = read("", ("METHODS", f"{SOY_DESIGN} {SOY_OUTCOMES}"), ("RESULTS", SOY_CESD))
    assert [(c[1], c[2]) for c in _changes(reading)] == [
        ("relative_reduction", Decimal("16")),
        ("relative_reduction", Decimal("15")),
    ]


def test_the_next_arms_figures_of_a_change_listed_arm_by_arm_are_changes():
    # PMC2721929: 'Mean frequency and nocturia significantly decreased in all treatment groups, declining 25.9%
    # and 56.1%, respectively, in the BT group; 30.2% and 65.4%, respectively, in the To group; and 33.5% and
    # 66.3%, respectively in the Co group' (before: the To group's two figures were rates)
    trial = read_document(POOL / "PMC2721929.txt").trial
    drugs = {a.label: tuple(a.drug_names) for a in trial.arms}
    tolterodine = [
        (r.statistic, r.estimate) for r in trial.arm_results if drugs[r.arm] == ("tolterodine",) and r.unit
    ]
    assert ("relative_reduction", Decimal("30.2")) in tolterodine
    assert ("relative_reduction", Decimal("65.4")) in tolterodine
    assert not [r for r in trial.arm_results if r.statistic == "rate"]
