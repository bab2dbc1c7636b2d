"""kg.extraction.arm_compared / arm_lettered / arm_lists / arm_titles: arms of randomised-trial reports that
print no 'randomised to A or B' sentence, and what their results then read (stats, values,
spread_values, endpoint_lists, armrefs) (pages of
jayded/evidence-inference and the pool copied to tests/fixtures/pool, rows in its SOURCES.tsv).

Every sentence is quoted from the page named beside it.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extraction.arm_lettered import lettered_groups
from kg.extraction.stats import CONTRASTS
from kg.extraction.text import sentences
from kg.model import Trial
from kg.sources import read_document
from tests.extraction.pool_pages import POOL, trial_of


def _arms(trial: Trial) -> list[tuple[str, list[str], list[str]]]:
    return [(a.label, [i.drug.name for i in a.interventions], a.aliases) for a in trial.arms]


def test_the_groups_a_report_compares_are_its_arms():
    # PMC2002515: '... were randomised and mailed valerian or placebo tablets for two weeks.'; 'the
    # difference between the valerian group (29%) and the placebo group (21%) was not statistically
    # significant'
    assert [(a.label, a.role) for a in trial_of("PMC2002515").arms] == [
        ("valerian", "experimental"),
        ("placebo", "comparator"),
    ]
    # PMC2129145: 'Data ... are presented as mean changes from baseline for the CF and placebo groups,
    # respectively.' ('Coleus Forskohlii (CF)'); 'CF tended to mitigate gains in body mass (-0.7 ± 1.8,
    # 1.0 ± 2.5 kg, p = 0.10) and scanned mass (-0.2 ± 1.3, 1.7 ± 2.9 kg, p = 0.08)'
    trial = trial_of("PMC2129145")
    assert [a.label for a in trial.arms] == ["coleus forskohlii", "placebo"]
    scanned = [c for c in trial.comparisons if c.endpoint == "scanned mass"]
    assert [(c.arm, c.comparator, c.p_value) for c in scanned] == [
        ("coleus forskohlii", "placebo", Decimal("0.08"))
    ]


def test_groups_each_named_in_a_sentence_of_their_own_are_the_arms():
    # PMC3662597: '... while either ingesting SHOT 15-min pre-exercise and SYN immediately post-exercise
    # (multi-ingredient performance supplement group: MIPS) or an isocaloric maltodextrin placebo 15-min
    # pre-exercise and immediately post-exercise (Placebo group).'; 'FFM increased in both groups, and a
    # group × time interaction was observed with MIPS increasing significantly more than the Placebo group
    # (4.2% vs. 1.9%).'
    trial = trial_of("PMC3662597")
    assert [a.label for a in trial.arms] == ["multi-ingredient performance supplement", "placebo"]
    assert [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "fat-free mass"] == [
        ("multi-ingredient performance supplement", Decimal("4.2")),
        ("placebo", Decimal("1.9")),
    ]


def test_an_abbreviation_defined_in_the_plural_names_the_arm_and_decreases_where_name_the_endpoint():
    # PMC3662597: 'multi-ingredient performance supplements (MIPS)' names the arm 'multi-ingredient performance
    # supplement'; 'However, there was a time effect where significant decreases in body fat (mean ± SD; MIPS:
    # -1.2 ± 1.2%; Placebo: -0.9 ± 1.1%), android fat (MIPS: -1.8 ± 2.1%; Placebo: -1.6 ± 2.0%), and gynoid
    # fat (MIPS: -1.3 ± 1.6%; Placebo: -1.0 ± 1.4%) ...' (before: only the placebo's figures, the first of
    # them on the heart rate the sentence before named)
    trial = trial_of("PMC3662597")
    fat = [
        (r.endpoint, r.arm[:5], r.estimate, r.spread)
        for r in trial.arm_results
        if r.endpoint.endswith(" fat")
    ]
    assert fat == [
        ("body fat", "multi", Decimal("-1.2"), Decimal("1.2")),
        ("body fat", "place", Decimal("-0.9"), Decimal("1.1")),
        ("android fat", "multi", Decimal("-1.8"), Decimal("2.1")),
        ("android fat", "place", Decimal("-1.6"), Decimal("2.0")),
        ("gynoid fat", "multi", Decimal("-1.3"), Decimal("1.6")),
        ("gynoid fat", "place", Decimal("-1.0"), Decimal("1.4")),
    ]


def test_groups_named_without_an_article_and_a_group_treated_conventionally():
    # PMC3339723: 'Sixty patients with headache following spinal anesthesia were randomly allocated into two
    # groups.'; 'After 24 h, headache intensity was 3.77 ± 1.85 in conventionally treated group versus 0.94 ±
    # 2.67 in hydrocortisone group (P < 0.0001), while it was 1.95 ± 1.12 in conventionally treated group
    # versus 0.69 ± 1.64 in hydrocortisone group (P = 0.001) after 48 h.'
    trial = trial_of("PMC3339723")
    assert _arms(trial) == [
        ("conventional treatment", ["conventional treatment"], ["conventionally treated"]),
        ("hydrocortisone", ["hydrocortisone"], []),
    ]
    figures = [(r.arm, r.estimate) for r in trial.arm_results if r.endpoint == "headache intensity"]
    assert figures[2:] == [
        ("conventional treatment", Decimal("3.77")),
        ("hydrocortisone", Decimal("0.94")),
        ("conventional treatment", Decimal("1.95")),
        ("hydrocortisone", Decimal("0.69")),
    ]


def test_groups_compared_make_no_trial_of_a_review():
    # PMID23728690, an overview of reviews: 'Both NRT and bupropion were superior to placebo ...'
    assert read_document(POOL / "PMID23728690.txt").trial is None


def test_lettered_groups_with_what_each_received_are_the_arms():
    # PMC2206488: 'In group A (n = 20), dextran-70 infusion was administered at a dose of 7.5 ml/kg ...
    # Group B served as a control with identical amounts of gelatin infusion (n = 20).'
    trial = trial_of("PMC2206488")
    assert _arms(trial) == [
        ("dextrans", ["dextrans"], ["group a"]),
        ("gelatin infusion", ["gelatin infusion"], ["group b"]),
    ]
    # '... there was no significant difference in IL 6, IL-6r and C-reactive protein values between
    # groups': IL 6 is a name, no difference of 6
    assert not [c for c in trial.comparisons if c.statistic == "difference"]
    # PMC4004388: 'the first group received five ampoules of mistletoe preparation with defined lectin
    # content (...) ... The second group received 60 units of bleomycin once intrapleurally.'; 'Overall
    # clinical response was reported in 61.5% of the mistletoe preparation arm versus 30% in bleomycin arm'
    trial = trial_of("PMC4004388")
    assert _arms(trial) == [
        ("mistletoe preparation", ["mistletoe preparation"], ["first group"]),
        ("bleomycin", ["bleomycin"], ["second group"]),
    ]
    rates = [(r.arm, r.endpoint, r.estimate) for r in trial.arm_results]
    assert rates == [
        ("mistletoe preparation", "overall clinical response", Decimal("61.5")),
        ("bleomycin", "overall clinical response", Decimal("30")),
    ]


def test_pieces_each_ended_by_a_bracketed_group_label_are_the_arms():
    # PMC3650212: 'Maxillary molar distalization was achieved using the FA alone (group 1) or a combination
    # of the FA with high-pull headgear worn at night (group 2).' (FA: the Frog appliance; before: no arms)
    assert [(names, aliases) for _label, names, aliases in _arms(trial_of("PMC3650212"))] == [
        (["frog appliance"], ["group 1"]),
        (["frog appliance", "high-pull headgear worn"], ["group 2"]),
    ]


def test_groups_labelled_by_who_is_in_them_are_no_arms():
    # PMC3309311: 'Sixty patients with back pain were divided into 3 groups consisting of 1) 23 adults with
    # acute axial severe LBP ... (group A), 2) 19 adults who had been involved in a minor traffic accident,
    # ... (group B), and 3) 18 adults with LBP with radicular pain (group C).'
    text = (
        "Sixty patients with back pain were divided into 3 groups consisting of 1) 23 adults with acute axial "
        "severe LBP who could not sit up or stand up for several days, but had not experienced previous "
        "back-related diseases or trauma (group A), 2) 19 adults who had been involved in a minor traffic "
        "accident, and had mild symptoms but not limited mobility (group B), and 3) 18 adults with LBP with "
        "radicular pain (group C)."
    )
    assert lettered_groups(sentences("METHOD", text), {})[0] == []


def test_groups_taught_or_practising_something_each_are_an_arm():
    # PMC3661239: 'One hundred fifty second-year MBBS students were divided into two groups: A and B. Group A
    # was taught by POPS while group B was taught by traditional lectures.', with 'patient-oriented
    # problem-solving (POPS)' defined before: the 'patient' of a hyphenated modifier is no population
    assert _arms(trial_of("PMC3661239")) == [
        ("patient-oriented problem-solving", ["patient-oriented problem-solving"], ["group a"]),
        ("traditional lectures", ["traditional lectures"], ["group b"]),
    ]
    # PMC3628802: 'One group practiced alternate nostril yoga breathing for 10 minutes, the second group
    # practiced breath awareness for the same duration and the third group was given a control intervention
    # (i.e., reading a magazine with neutral content).': each clause ends where the next group's begins
    assert _arms(trial_of("PMC3628802")) == [
        ("alternate nostril yoga breathing", ["alternate nostril yoga breathing"], ["first group"]),
        ("breath awareness", ["breath awareness"], ["second group"]),
        ("control intervention", ["control intervention"], ["third group"]),
    ]


def test_the_second_group_named_by_its_ordinal_alone():
    # PMC3738485: 'The first group received spirulina (Group A) as food supplement and the second received soya
    # beans (Group B).'
    assert _arms(trial_of("PMC3738485")) == [
        ("spirulina", ["spirulina"], ["first group", "group a"]),
        ("soya beans", ["soya beans"], ["second group", "group b"]),
    ]


def test_treatments_each_labelled_with_a_roman_group_number():
    # PMC3726903: '... were randomly divided into two groups and were treated with partial matrix excision
    # (Group I) and segmental phenolization (Group II).'
    assert [a.drug_names for a in trial_of("PMC3726903").arms] == [
        ["partial matrix excision"],
        ["segmental phenolization"],
    ]


def test_numbered_groups_take_their_figures_and_their_numbers_are_no_figures():
    # PMC1434781: '... posterior capsulorhexis with optic capture was performed in 18 eyes (group 1) and
    # no dye was used for posterior capsulorhexis (group 2) in 17 eyes.'; 'The mean size of the posterior
    # capsulorhexis was 4.6 +/-1.77 mm and 4.0 +/- 0.93 mm in the group 1 and 2 respectively.'
    trial = trial_of("PMC1434781")
    assert [a.aliases for a in trial.arms] == [["group 1"], ["group 2"]]
    sizes = [(r.arm, r.estimate, r.unit) for r in trial.arm_results if r.endpoint.startswith("size")]
    assert sizes == [(trial.arms[0].label, Decimal("4.6"), "mm"), ("no dye", Decimal("4.0"), "mm")]


def test_a_title_naming_its_trials_lists_the_arms_after_the_design():
    # PMC2074536: 'Randomised multicentre trials of CHART vs conventional radiotherapy in head and neck
    # and non-small-cell lung cancer: an interim report.'
    trial = trial_of("PMC2074536")
    assert [(a.label, [i.kind for i in a.interventions]) for a in trial.arms] == [
        ("continuous hyperfractionated accelerated radiotherapy", ["radiation"]),
        ("conventional radiotherapy", ["radiation"]),
    ]


def _differences(text: str) -> list[str]:
    return [m.group("est") for name, p in CONTRASTS if name == "difference" for m in p.finditer(text)]


def test_a_difference_in_an_endpoint_needs_a_word_or_sign_before_its_figure():
    # PMID27458945 (benchmarks/unseen): 'There was no significant difference in functional independence
    # at 3 months between the treatment groups': 3 is the landmark, not a difference; PMC2206488: 'There
    # was no significant difference in IL 6, IL-6r and C-reactive protein values between groups.'
    assert (
        _differences("There was no significant difference in functional independence at 3 months between")
        == []
    )
    assert (
        _differences("There was no significant difference in IL 6, IL-6r and C-reactive protein values") == []
    )
    # a word or a sign after the endpoint still leads to its figure: PMID15714933 (pool) '... a
    # difference in the proportion between the two regimens of 21% (95% CI 10-33).'; PMID27604504
    # (shared abstracts) 'The difference between the mean QALYs was 4·7 days (...)', normalised '4.7'
    assert _differences("a difference in the proportion between the two regimens of 21% (95% CI 10-33).") == [
        "21"
    ]
    assert _differences("The difference between the mean QALYs was 4.7 days (46.4 QALY days for the") == [
        "4.7"
    ]


def _means(trial: Trial, endpoint: str) -> list[tuple[str, Decimal, str | None]]:
    return [(r.arm, r.estimate, r.unit) for r in trial.arm_results if r.endpoint == endpoint]


def test_pairs_with_spreads_take_the_unit_printed_once_and_the_arms_the_clause_names():
    # PMC4018592: '... mean birth weight (3.3 ± 0.4 vs. 3.1 ± 0.4 kg, P = 0.04) and head circumference
    # (35 ± 1.4 vs. 34 ± 1.3 cm, P < 0.0001) of the infants whose mothers receiving multivitamin-mineral
    # supplements were higher than those whose mothers received multivitamins.' ('multivitamins': the
    # arm 'multivitamin'; 'multivitamin supplements' elsewhere is that arm too, not the other one)
    trial = trial_of("PMC4018592")
    mineral, plain = "multivitamin-mineral supplements", "multivitamin"
    assert _means(trial, "birth weight") == [(mineral, Decimal("3.3"), "kg"), (plain, Decimal("3.1"), "kg")]
    assert _means(trial, "head circumference") == [
        (mineral, Decimal("35"), "cm"),
        (plain, Decimal("34"), "cm"),
    ]


def test_pairs_listed_after_their_endpoints_with_a_spread_each_take_that_endpoint():
    # PMC2129145: '... and scanned mass (-0.2 ± 1.3, 1.7 ± 2.9 kg, p = 0.08) with no significant
    # differences in fat mass (-0.2 ± 0.7, 1.1 ± 2.3 kg, p = 0.16), fat free mass (-0.1 ± 1.3, 0.6 ± 1.2
    # kg, p = 0.21), or body fat (-0.2 ± 1.0, 0.4 ± 1.4%, p = 0.40).' (mean changes for the CF and placebo
    # groups, respectively)
    trial = trial_of("PMC2129145")
    cf = "coleus forskohlii"
    assert _means(trial, "scanned mass") == [(cf, Decimal("-0.2"), "kg"), ("placebo", Decimal("1.7"), "kg")]
    assert _means(trial, "fat mass") == [(cf, Decimal("-0.2"), "kg"), ("placebo", Decimal("1.1"), "kg")]
    tests = {c.endpoint: c.p_value for c in trial.comparisons}
    assert (tests["scanned mass"], tests["fat mass"]) == (Decimal("0.08"), Decimal("0.16"))


def test_differences_listed_after_a_trend_take_the_endpoint_each_is_printed_after():
    # PMC2002515: 'There were similar trends favouring the valerian group for night awakenings
    # (difference = 6.0%, 95% CI-0.5 to 12.5) and sleep duration (difference = 7.5%, 95% CI-1.0 to 16.1).'
    trial = trial_of("PMC2002515")
    found = [
        (c.endpoint, c.arm, c.comparator, c.estimate, c.ci_lower, c.ci_upper)
        for c in trial.comparisons
        if c.statistic == "difference" and c.endpoint in ("night awakenings", "sleep duration")
    ]
    assert found == [
        ("night awakenings", "valerian", "placebo", Decimal("6.0"), Decimal("-0.5"), Decimal("12.5")),
        ("sleep duration", "valerian", "placebo", Decimal("7.5"), Decimal("-1.0"), Decimal("16.1")),
    ]


def test_a_difference_between_two_groups_prints_each_groups_figure_not_a_difference():
    # PMC2002515: '... the difference between the valerian group (29%) and the placebo group (21%) was not
    # statistically significant (difference 7.5%; 95% CI-0.9 to 15.9; p = 0.08).' (before: 29% was read as
    # a difference on the endpoint 'valerian group')
    differences = [c.estimate for c in trial_of("PMC2002515").comparisons if c.statistic == "difference"]
    assert differences == [Decimal("6.0"), Decimal("7.5")]


def test_a_change_in_an_endpoint_takes_no_figure_from_inside_a_bracket():
    # PMC2039813: 'Change in FMD after 36 month treatment was 0.55% (95% confidence interval −0.36, 1.47;
    # p = 0.23) higher in perindopril than in placebo group.': 1.47 bounds an interval, no change of 1.47%
    trial = trial_of("PMC2039813")
    assert not [c for c in trial.comparisons if c.estimate == Decimal("1.47")]
    assert [(c.endpoint, c.p_value) for c in trial.comparisons if c.p_value == Decimal("0.23")] == [
        ("change in fmd", Decimal("0.23"))
    ]


def test_the_agent_a_title_names_against_the_placebo_the_abstract_gives():
    # PMC3655855, title 'A randomized trial of fish oil omega-3 fatty acids on arterial health, inflammation,
    # and metabolic syndrome in a young healthy population'; '... were administered 1.7 g of O3 per day
    # (N = 30) or safflower oil placebo (N = 27) in an emulsified preparation ...'
    assert [a.drug_names for a in trial_of("PMC3655855").arms] == [
        ["fish oil", "omega-3 fatty acids"],
        ["placebo"],
    ]
    # PMC3614647, title 'Hormone-Balancing Effect of Pre-Gelatinized Organic Maca (Lepidium peruvianum
    # Chacon): (II) ...'; 'They were randomly allocated to Placebo and Pre-Gelatinized Organic Maca
    # (Maca-GO) treatment, ...'
    assert [a.drug_names for a in trial_of("PMC3614647").arms] == [
        ["pre-gelatinized organic maca"],
        ["placebo"],
    ]


def test_a_placebo_controlled_study_of_a_gel_written_without_a_hyphen():
    # PMC3663169, title 'A Prospective, Randomized, Placebo Controlled, Double Blind Study of Silicone Gel in
    # Prevention of Hypertrophic Scar at Donor Site of Skin Grafting'; '100 scars in 50 patients were
    # randomized into two arms, 50 control and 50 silicone gel.'
    arms = trial_of("PMC3663169").arms
    assert [(a.drug_names, a.n_randomized) for a in arms] == [(["silicone gel"], 50), (["placebo"], None)]


def test_groups_named_by_their_role_are_arms_in_a_controlled_study_that_does_not_say_randomised():
    # PMC3309323: 'The subjects in this study included 19 children ... The experimental group (n=10) received
    # CHRIST and general rehabilitation therapy. The control group (n=9) received a home program as well as
    # general rehabilitation therapy.' (no word of randomisation; before: no arms)
    trial = trial_of("PMC3309323")
    christ = "comprehensive hand repetitive intensive strength training"
    assert [
        (label, drugs, aliases, a.n_randomized)
        for (label, drugs, aliases), a in zip(_arms(trial), trial.arms, strict=True)
    ] == [
        (
            f"{christ} + general rehabilitation therapy",
            [christ, "general rehabilitation therapy"],
            ["experimental group"],
            10,
        ),
        ("home program", ["home program"], ["control group"], 9),
    ]


def test_groups_listed_by_their_names_joined_by_and_are_the_arms():
    # PMC3661884: 'Sixteen trained men were randomly divided into 2 groups: the static stretching group (SSG)
    # and passive interval group (PIG).' (before: no arms; 'passive interval' alone reads as a rest period)
    assert _arms(trial_of("PMC3661884")) == [
        ("static stretching", ["static stretching"], ["SSG"]),
        ("passive interval", ["passive interval"], ["PIG"]),
    ]


def test_p_values_of_a_sentence_opened_by_one_group_after_a_connective_compare_no_arms():
    # PMC3661884: 'Specifically, in the SSG group, the parameters for LE were (p = 0.0015 and ES = 2.28 - Large),
    # and the parameters for LR were (p = 0.002 ...)' and 'Moreover, in the PIG group, ...': changes within
    # each group, not SSG against PIG
    trial = trial_of("PMC3661884")
    assert len(trial.arms) == 2
    assert [c.p_value for c in trial.comparisons] == []


def test_groups_each_ending_what_they_were_given_are_the_arms():
    # PMC3511948: 'Epidural analgesia was administered with sufentanil 50 mcg in Group S; morphine 4 mg in Group
    # M; and, a combination of sufentanil 25 mcg and morphine 2 mg was used in Group SM.' (before: no arms);
    # 'Onset of action were at 7.6 ± 1.5 minutes in group S, 67.6 ± 1.5 minutes in group M and 12.2 ± 2.6
    # minutes in group SM.': means with their SD (before: the first figure was read as a landmark's date)
    trial = trial_of("PMC3511948")
    assert _arms(trial) == [
        ("sufentanil", ["sufentanil"], ["group s"]),
        ("morphine", ["morphine"], ["group m"]),
        ("sufentanil + morphine", ["sufentanil", "morphine"], ["group sm"]),
    ]
    onset = [
        (r.arm, r.statistic, r.estimate, r.unit) for r in trial.arm_results if r.endpoint == "onset of action"
    ]
    assert onset == [
        ("sufentanil", "mean", Decimal("7.6"), "minute"),
        ("morphine", "mean", Decimal("67.6"), "minute"),
        ("sufentanil + morphine", "mean", Decimal("12.2"), "minute"),
    ]
    # PMC3511947: 'The test drug was normal saline (0.5 ml) in group I; fentanyl 20 mcg (0.4 ml) and normal saline
    # (0.1 ml) in group II; and fentanyl 20 mcg (0.4 ml) and neostigmine 1 mcg (0.1 ml) in group III.'
    assert [a.drug_names for a in trial_of("PMC3511947").arms] == [
        ["normal saline"],
        ["fentanyl", "normal saline"],
        ["fentanyl", "neostigmine"],
    ]


def test_a_numbered_group_takes_its_short_name_and_a_count_bracket_links_a_figure_to_it():
    # PMC5019463: 'Group 1 (G1) received follow-up eye care in a community-based setting with assistance from a
    # patient navigator; Group 2 (G2) received ...; and Group 3 (G3) received ...'; 'Sub-analysis of adherence
    # rates for patients who attended ≥2 follow-up visits were 91.3% (n=21/23) for G1, 74.3% (n=26/35) for G2,
    # and 66.7% (n=18/27) for G3, (P=0.11).' (before: no arms; then 74.3% alone, on G1)
    trial = trial_of("PMC5019463")
    short = {a.label: a.aliases[-1] for a in trial.arms}
    assert sorted(short.values()) == ["G1", "G2", "G3"]
    # (the appointment adherence printed before them: test_endpoint_naming)
    rates = [(short[r.arm], r.estimate) for r in trial.arm_results if r.endpoint != "appointment adherence"]
    assert rates == [("G1", Decimal("91.3")), ("G2", Decimal("74.3")), ("G3", Decimal("66.7"))]
