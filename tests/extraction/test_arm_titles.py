"""What a title says of the arms (kg.extraction.arm_titles, kg.extraction.arm_title_arms): a title setting an
add-on against its base ('A plus B versus A alone') gives the base to every arm. Titles quoted from
the pages in tests/fixtures/pool."""

from __future__ import annotations

from pool_pages import trial_of

from kg.extraction.arm_titles import title_base


def test_the_base_is_what_one_side_gives_alone_and_the_other_names_too():
    assert title_base(
        "Efficacy of varenicline combined with nicotine replacement therapy vs varenicline alone for smoking "
        "cessation: a randomized clinical trial."
    ) == ("varenicline", "varenicline combined with nicotine replacement therapy")
    assert title_base(
        "A randomized trial comparing preoperative chemotherapy plus surgery with surgery alone in patients "
        "with non-small-cell lung cancer."
    ) == ("surgery", "preoperative chemotherapy plus surgery")


def test_a_side_the_other_does_not_name_is_no_base():
    # PMID24116349: PET/CT does not give non-contrast CT
    assert (
        title_base(
            "PET/CT vs. non-contrast CT alone for surveillance 1-year post lobectomy for stage I non-small-cell lung cancer."
        )
        is None
    )


def test_a_base_given_in_every_arm_joins_arms_read_as_the_add_on_and_its_placebo():
    # PMID25005652: 'Nicotine or placebo patch treatment began 2 weeks before a target quit date ...
    # Varenicline was begun 1 week prior to TQD' (before: the arms were 'nicotine' and 'placebo')
    assert [a.label for a in trial_of("25005652").arms] == ["nicotine + varenicline", "placebo + varenicline"]


def test_the_arm_the_listing_names_without_the_base_gets_it():
    # PMID8043059: 'The patients were randomly assigned to receive either surgery alone or three courses of
    # chemotherapy (6 mg of mitomycin per square meter ...) given intravenously at three-week intervals and
    # followed by surgery.' (before: the chemotherapy arm had no surgery, and surgery was the experimental arm)
    arms = trial_of("8043059").arms
    assert sorted((a.label, a.role) for a in arms) == [
        ("mitomycin + ifosfamide + cisplatin + surgery", "experimental"),
        ("surgery", "comparator"),
    ]


def test_a_page_with_only_a_title_that_opens_on_the_agent_of_a_placebo_controlled_trial():
    # PMC3301259: 'Pentoxifylline in severe sepsis: a double-blind, randomized placebo-controlled study', no
    # abstract text (before: a trial with no arms)
    trial = trial_of("PMC3301259")
    assert [(a.label, a.role, [i.kind for i in a.interventions]) for a in trial.arms] == [
        ("pentoxifylline", "experimental", ["drug"]),
        ("placebo", "comparator", ["placebo"]),
    ]
