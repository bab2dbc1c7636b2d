"""Care every arm received beside what a trial compares (kg.extraction.arm_background): the trial's
background, not an arm's intervention; a drug every arm shares stays in the arms. Sentences quoted
from the pages in tests/fixtures/pool."""

from __future__ import annotations

from pool_pages import trial_of


def _read(pmid: str) -> tuple[list[list[str]], list[tuple[str, str]]]:
    trial = trial_of(pmid)
    return [a.drug_names for a in trial.arms], [(i.drug.name, i.kind) for i in trial.background]


def test_counselling_joined_by_and_before_the_first_entry_is_every_arms_background():
    # PMID16820546: 'Participants were randomly assigned in a 1:1:1 ratio to receive brief counseling and
    # varenicline titrated to 1 mg twice per day (n = 352), bupropion SR titrated to 150 mg twice per day
    # (n = 329), or placebo (n = 344) orally for 12 weeks' (before: counseling was the varenicline arm's)
    assert _read("16820546") == (
        [["varenicline"], ["bupropion"], ["placebo"]],
        [("brief counseling", "behavioral")],
    )


def test_counselling_after_a_comma_and_with_after_the_last_arm_is_every_arms_background():
    # PMID24911368: '... they were randomly assigned (1:1) to 12 weeks' varenicline (n = 251) or placebo
    # (n = 247) treatment, with individual counseling, plus 40 weeks' nontreatment follow-up.' (before:
    # counseling was the placebo arm's)
    assert _read("24911368") == ([["varenicline"], ["placebo"]], [("individual counseling", "behavioral")])


def test_supportive_care_every_arm_receives_stays_in_the_arms():
    # PMID16257339 (ISEL): '... to receive gefitinib (250 mg/d) or placebo, plus best supportive care':
    # best supportive care is no behavioural programme; trial reports name the arms with it
    assert _read("16257339") == (
        [["gefitinib", "best supportive care"], ["placebo", "best supportive care"]],
        [],
    )
