"""kg.extraction.arm_nicknames / arm_titles: arms named by what tells them apart ('the combination therapy group') and a title's base every arm gives (pages of jayded/evidence-inference copied to
tests/fixtures/pool, rows in its SOURCES.tsv). Every sentence is quoted from the page named beside it.
"""

from __future__ import annotations

from decimal import Decimal

from tests.extraction.pool_pages import trial_of


def test_an_addition_a_title_names_is_every_arms_and_arms_are_named_by_how_many_agents_they_give():
    # PMC3504074, title: 'A randomized, double-blind, placebo-controlled study to evaluate the addition of
    # methotrexate to etanercept in patients with moderate to severe plaque psoriasis' (before: the placebo arm
    # had no etanercept); 'PASI 75 was significantly higher at week 24 for the combination therapy group
    # compared with the monotherapy group (77·3% vs. 60·3%; P < 0·0001).' (before: unread: no endpoint named
    # 'PASI 75', no arm named 'combination therapy group' or 'monotherapy group')
    trial = trial_of("PMC3504074")
    assert sorted(sorted(a.drug_names) for a in trial.arms) == [
        ["etanercept", "methotrexate"],
        ["etanercept", "placebo"],
    ]
    drugs = {a.label: sorted(a.drug_names) for a in trial.arms}
    pasi = [(drugs[r.arm], r.estimate, r.timepoint) for r in trial.arm_results if r.endpoint == "pasi 75"]
    assert pasi == [
        (["etanercept", "methotrexate"], Decimal("77.3"), "24 weeks"),
        (["etanercept", "placebo"], Decimal("60.3"), "24 weeks"),
        # 'Other PASI improvement scores at week 12 [PASI 75, 70·2% vs. 54·3% (P = 0·01); ...'
        (["etanercept", "methotrexate"], Decimal("70.2"), "12 weeks"),
        (["etanercept", "placebo"], Decimal("54.3"), "12 weeks"),
    ]
    # 'Adverse events (AEs) were reported in 74·9% and 59·8% of combination therapy and monotherapy groups,
    # respectively; ...': the two named together before one 'groups' (before: no arm, no figure)
    events = [
        (drugs[e.arm], e.category, e.term, e.percent) for e in trial.adverse_events if e.percent is not None
    ]
    assert events == [
        (["etanercept", "methotrexate"], "any", None, Decimal("74.9")),
        (["etanercept", "placebo"], "any", None, Decimal("59.8")),
    ]


def test_an_arm_is_named_by_the_first_word_of_its_name_that_no_other_arm_holds(read):
    # PMC3381083 (PMC arm set dev-33): 'Each patient was randomly assigned to alcohol-assisted or mechanical
    # epithelial removal.' ... 'Mean spherical equivalent was −4.37±2.3 D in the alcohol group and −3.8±1.3 D in
    # the mechanical group (P = 0.78).' (before: 'the alcohol group' named no arm; the figures went unread)
    reading = read(
        "",
        (
            "METHODS",
            "Each patient was randomly assigned to alcohol-assisted or mechanical epithelial removal.",
        ),
        (
            "RESULTS",
            "Mean spherical equivalent was −4.37±2.3 D in the alcohol group and −3.8±1.3 D in the mechanical "
            "group (P = 0.78).",
        ),
    )
    assert [(r.arm, r.endpoint, r.estimate, r.unit) for r in reading.trial.arm_results] == [
        ("alcohol-assisted epithelial removal", "spherical equivalent", Decimal("-4.37"), "D"),
        ("mechanical epithelial removal", "spherical equivalent", Decimal("-3.8"), "D"),
    ]
