"""kg.extraction.arm_roles / arms / names / bare_counts: arms a randomised report names by their
role (experimental, intervention, treatment; control, placebo) and then says what the active group
got (pages of jayded/evidence-inference copied to tests/fixtures/pool, rows in its SOURCES.tsv).

Every sentence is quoted from the page named beside it.
"""

from __future__ import annotations

from decimal import Decimal

from kg.model import Trial
from tests.extraction.pool_pages import trial_of


def _arms(trial: Trial) -> list[tuple[list[str], list[str]]]:
    return [(a.drug_names, a.aliases) for a in trial.arms]


def test_the_experimental_group_is_named_by_what_it_completed():
    # PMC3648394: '... were randomized upon the completion of baseline testing to an experimental or control
    # group. The experimental group completed a 10-week yoga program prescribed three sessions per week
    # during lunch hour (50 min per session).'
    assert _arms(trial_of("PMC3648394")) == [
        (["yoga program"], ["experimental group"]),
        (["control"], ["control group"]),
    ]


def test_each_control_group_named_is_an_arm():
    # PMC3658388: '... subjects were assigned to a treatment, placebo, or control group. The treatment group
    # was given LLLT, which consisted of shining low-level lasers onto the outer ear, head, and neck.'
    trial = trial_of("PMC3658388")
    assert _arms(trial) == [
        (["low-level laser therapy"], ["treatment group"]),
        (["placebo"], ["placebo group"]),
        (["control"], ["control group"]),
    ]


def test_what_both_groups_received_is_every_arms():
    # PMC3650238: 'While both experimental and control groups received their usual maintenance treatment,
    # the experimental group received 30 sessions of neurofeedback treatment in addition.'
    assert _arms(trial_of("PMC3650238")) == [
        (["usual maintenance treatment", "neurofeedback treatment"], ["experimental group"]),
        (["usual maintenance treatment"], ["control group"]),
    ]


def test_one_group_against_the_comparison_group():
    # PMC3751685: 'One group received an intervention targeting the identified characteristics of frailty,
    # whereas the comparison group received the usual health care and support services.'
    assert _arms(trial_of("PMC3751685")) == [
        (["intervention targeting the identified characteristics of frailty"], []),
        (["usual health care", "support services"], ["comparison group"]),
    ]


def test_a_control_a_listing_names_is_an_arm():
    # PMC3757993: 'Participants were randomly allocated to receive a multimedia intervention or control.'
    assert [a.drug_names for a in trial_of("PMC3757993").arms] == [["multimedia intervention"], ["control"]]
    # PMID12855610 (pool): '... were randomized in three Phase III studies (...) to receive 4 or 8 mg of Zol or
    # to a control arm.'
    arms = trial_of("12855610").arms
    assert [(a.drug_names, a.interventions[0].dose) for a in arms] == [
        (["zoledronic acid"], Decimal("4")),
        (["zoledronic acid"], Decimal("8")),
        (["control"], None),
    ]


def test_groups_a_post_hoc_comparison_sizes_count_nothing():
    # PMC3648394: 'Post hoc analysis comparing participants who completed ≥70% of yoga sessions (n = 11) to
    # control (n = 19) yielded the same findings, ...': 11 and 19 are the groups' sizes, no counts of events
    assert not [r for r in trial_of("PMC3648394").arm_results if r.statistic == "count"]


def test_the_members_of_the_next_role_group_end_the_clause_before():
    # PMC3917204: 'Patients in the control group received scaling and root planing with hand instruments,
    # whereas patients in the test group received treatment with rotary instruments.' (before: the control
    # group's clause ran on into the test group's, and no arms)
    assert _arms(trial_of("PMC3917204")) == [
        (["rotary instruments"], ["test group"]),
        (["scaling", "root planing", "hand instruments"], ["control group"]),
    ]


def test_groups_named_only_by_role_take_the_agent_the_title_names():
    # PMC3733287, title 'The effect of psycho-educational intervention on the life quality of major depressive
    # patients ...': 'So 30 of the patients were assigned to the experimental group and 30 others to the control
    # group.' (no sentence says what the experimental group got; before: no arms)
    assert _arms(trial_of("PMC3733287")) == [
        (["psycho-educational intervention"], ["experimental group"]),
        (["control"], ["control group"]),
    ]


def test_figures_of_groups_named_by_role_go_to_the_title_agents_arm():
    # PMC3778569, title 'The effect of educational program on knowledge, attitude and practice of mothers ...':
    # '88 mothers were chosen who were divided into intervention and control groups, randomly.' ... 'Age average
    # of subjects in the intervention group and in the control group was 26.75 and 26.84 years, respectively.'
    trial = trial_of("PMC3778569")
    assert _arms(trial) == [
        (["educational program"], ["intervention group"]),
        (["control"], ["control group"]),
    ]
    assert sorted((r.arm, r.estimate) for r in trial.arm_results if r.statistic == "mean") == [
        ("control", Decimal("26.84")),
        ("educational program", Decimal("26.75")),
    ]
