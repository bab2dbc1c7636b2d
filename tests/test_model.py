"""Records refuse impossible values with a message that names the problem."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from kg.model import AdverseEventSummary, Arm, ArmResult, Comparison, Drug, Intervention, Publication, Trial


def test_ci_lower_above_upper_is_refused():
    with pytest.raises(ValidationError, match="ci_lower 1.2 is above ci_upper 0.9"):
        Comparison(
            endpoint="overall survival",
            statistic="hazard_ratio",
            estimate=Decimal("1.0"),
            ci_lower=Decimal("1.2"),
            ci_upper=Decimal("0.9"),
        )


def test_estimate_outside_its_interval_is_refused():
    with pytest.raises(ValidationError, match="above the estimate"):
        ArmResult(
            endpoint="overall survival",
            statistic="median",
            arm="a",
            estimate=Decimal("5"),
            ci_lower=Decimal("6"),
            ci_upper=Decimal("7"),
        )


def test_not_reached_is_a_flag_never_a_number():
    r = ArmResult(
        endpoint="overall survival",
        statistic="median",
        arm="a",
        estimate_not_reached=True,
        ci_lower=Decimal("13.2"),
    )
    assert r.estimate is None
    with pytest.raises(ValidationError, match="both a number and 'not reached'"):
        ArmResult(
            endpoint="overall survival",
            statistic="median",
            arm="a",
            estimate=Decimal("1"),
            estimate_not_reached=True,
        )


@pytest.mark.parametrize("percent", [Decimal("-0.1"), Decimal("100.5")])
def test_percent_outside_0_100_is_refused(percent):
    with pytest.raises(ValidationError, match="percent"):
        AdverseEventSummary(arm="a", category="serious", treatment_related=False, percent=percent)


def test_negative_count_is_refused():
    with pytest.raises(ValidationError, match="count"):
        AdverseEventSummary(arm="a", category="serious", treatment_related=False, count=-1)


def test_count_above_population_is_refused():
    with pytest.raises(ValidationError, match="exceeds the 10 patients"):
        AdverseEventSummary(arm="a", category="any", treatment_related=False, count=11, n_analysed=10)


def test_p_value_outside_0_1_is_refused():
    with pytest.raises(ValidationError, match="p_value"):
        Comparison(endpoint="x", statistic="hazard_ratio", estimate=Decimal("1"), p_value=Decimal("1.5"))


def test_results_must_name_arms_of_the_trial():
    with pytest.raises(ValidationError, match="arms the trial does not have"):
        Trial(
            arms=[Arm(label="a"), Arm(label="b")],
            arm_results=[ArmResult(endpoint="x", statistic="median", arm="c", estimate=Decimal(1))],
        )


def test_identifiers_are_checked():
    with pytest.raises(ValidationError, match="pmid"):
        Publication(pmid="38x52197")
    assert Publication(doi="10.1200/JCO.23.02166").key() == "doi/10.1200/jco.23.02166"


def test_an_intervention_is_a_drug_unless_its_kind_says_otherwise():
    # PMID27604504: "WBRT (20 Gy in five daily fractions)"
    wbrt = Intervention(
        drug=Drug(name="whole brain radiotherapy"),
        kind="radiation",
        dose=Decimal(20),
        dose_unit="Gy",
        fractions=5,
    )
    assert (wbrt.kind, wbrt.fractions, wbrt.gives_drug) == ("radiation", 5, False)
    assert Intervention(drug=Drug(name="docetaxel")).kind == "drug"
    assert [
        Intervention(drug=Drug(name="x"), kind=k).gives_drug for k in ("biological", "placebo", "procedure")
    ] == [
        True,
        True,
        False,
    ]


def test_fractions_belong_to_radiation_and_kinds_to_the_list():
    with pytest.raises(ValidationError, match="only a radiation intervention has fractions, not a drug"):
        Intervention(drug=Drug(name="cisplatin"), fractions=5)
    with pytest.raises(ValidationError, match="fractions"):
        Intervention(drug=Drug(name="radiotherapy"), kind="radiation", fractions=0)
    with pytest.raises(ValidationError, match="kind"):
        Intervention(drug=Drug(name="radiotherapy"), kind="radiotherapy")


def test_an_arm_is_called_by_its_label_or_an_alias_in_any_case():
    # PMC3733287 (tests/fixtures/pool): 'So 30 of the patients were assigned to the experimental group and 30
    # others to the control group.', its title naming the psycho-educational intervention
    arm = Arm(label="psycho-educational intervention", aliases=["experimental group"])
    assert arm.called("Psycho-educational intervention") and arm.called("Experimental group ")
    assert not arm.called("control group") and not arm.called("intervention")
