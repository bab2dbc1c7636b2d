"""kg.extraction.arm_compared: arms named only where a report compares its groups, on pages of
tests/fixtures/pool (each sentence quoted from the page named beside it)."""

from __future__ import annotations

from tests.extraction.pool_pages import trial_of


def test_one_group_named_by_what_it_got_and_the_control_group_are_the_two_arms():
    # PMC2741450: 'Twenty six overweight and obese middle-aged women were randomized into two groups: The
    # control group was not able to record their steps daily, whilst the pedometer group, were asked to
    # record the number of steps on a daily basis for 12 weeks.' (before: no arms, as 'control' names a
    # role and only one group was named by what it got)
    trial = trial_of("PMC2741450")
    assert [(a.label, a.role) for a in trial.arms] == [
        ("pedometer", "experimental"),
        ("control", "comparator"),
    ]
