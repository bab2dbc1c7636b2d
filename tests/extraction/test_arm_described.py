"""kg.extraction.arm_described: arms the methods describe group by group, each in its own clause,
with the people named first ('Women in the TSI group (T) received ...'), several in one sentence.

Every sentence is quoted from the page named beside it (tests/fixtures/pool, row in its SOURCES.tsv).
"""

from __future__ import annotations

from decimal import Decimal

from tests.extraction.pool_pages import trial_of


def test_groups_each_in_its_own_clause_joined_by_and_are_the_arms():
    # PMC4021157: 'Women in the TSI group (T) received calls from a midwife at 28, 33 and 36 weeks and
    # women in the telephone and Doppler group (T + D) received the TSI and additional UADS at 20 weeks'
    # gestation.' with 'telephone support intervention (TSI)' and 'uterine artery Doppler screening (UADS)'
    # defined before; the first group's calls name no intervention, so its name does (before: no arms)
    arms = trial_of("PMC4021157").arms
    assert [a.drug_names for a in arms] == [
        ["telephone support intervention"],
        ["telephone support intervention", "uterine artery doppler screening"],
    ]
    assert [a.aliases for a in arms] == [["tsi"], ["telephone and doppler"]]


def test_patients_in_a_group_scheduled_to_receive_name_its_regimen():
    # PMID19013107: 'randomly assigned to experimental treatment or to standard treatment ... Patients in
    # the experimental group were scheduled to receive intravenous vinorelbine (25 mg/m(2)) plus gemcitabine
    # (1000 mg/m(2)) ..., followed by intravenous docetaxel (60 mg/m(2)) ... Patients in the standard group
    # were scheduled to receive intravenous paclitaxel (225 mg/m(2)) plus carboplatin (area under the
    # curve=6)' (before: arms 'experimental treatment' and 'standard treatment')
    trial = trial_of("19013107")
    assert [a.drug_names for a in trial.arms] == [
        ["vinorelbine", "gemcitabine", "docetaxel"],
        ["paclitaxel", "carboplatin"],
    ]
    assert [(i.dose, i.dose_unit) for a in trial.arms for i in a.interventions] == [
        (Decimal("25"), "mg/m2"),
        (Decimal("1000"), "mg/m2"),
        (Decimal("60"), "mg/m2"),
        (Decimal("225"), "mg/m2"),
        (Decimal("6"), "AUC"),
    ]
    assert {(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "overall survival"} == {
        ("vinorelbine + gemcitabine + docetaxel", Decimal("13.6")),
        ("paclitaxel + carboplatin", Decimal("14.1")),
    }


def test_groups_listed_each_with_what_it_received_and_a_double_dummys_placebo_gives_no_drug():
    # PMC3918522: 'The azasetron group received azasetron (10 mg orally) with placebo of ondansetron (orally
    # every 12 hours), and the ondansetron group received ondansetron (8 mg orally every 12 hours) with
    # placebo of azasetron (orally) on days 2-6.' The placebo names the drug it imitates, which that arm
    # does not get. 'RESULTS: ... the effective ratio of complete response in the azasetron and ondansetron
    # groups was 45% and 54.5%, respectively' (before: arms that each gave both drugs, and both figures to one)
    trial = trial_of("PMC3918522")
    assert [(a.drug_names, a.aliases) for a in trial.arms] == [
        (["azasetron", "placebo"], ["azasetron"]),
        (["ondansetron", "placebo"], ["ondansetron"]),
    ]
    assert [(r.arm, r.estimate) for r in trial.arm_results] == [
        ("azasetron + placebo", Decimal("45")),
        ("ondansetron + placebo", Decimal("54.5")),
    ]
