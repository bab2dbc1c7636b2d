"""kg.extraction.arm_lists / arm_pieces / arm_company / arm_trailing / names: arms of randomised
trials outside oncology, as PubMed Central abstracts list them (pages of
jayded/evidence-inference copied to tests/fixtures/pool, rows in its SOURCES.tsv), and the
pool pages the same rules read.

Every sentence is quoted from the page named beside it.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extraction.arm_company import doses_of
from kg.extraction.regimens import drug_mentions, frequency, intervention
from kg.model import Arm, Trial
from kg.sources import read_document
from tests.extraction.pool_pages import POOL, trial_of


def _page(name: str) -> Trial:
    trial = read_document(POOL / f"{name}.txt").trial
    assert trial is not None
    return trial


def _regimens(arms: list[Arm]) -> list[list[tuple]]:
    return [
        [(i.drug.name, i.kind, i.dose, i.dose_unit, i.route, i.frequency) for i in a.interventions]
        for a in arms
    ]


def test_an_abbreviation_against_no_such_treatment_names_two_arms():
    # PMC111193: 'Twenty-eight patients scheduled for TKR are randomised to ANH or no hemodilution
    # (non-ANH).' with 'preoperative acute normovolaemic hemodilution (ANH)' defined before (before: one arm
    # 'acute normovolaemic hemodilution hemodilution' and one 'non-anh')
    arms = _page("PMC111193").arms
    assert sorted(a.drug_names[0] for a in arms) == ["acute normovolaemic hemodilution", "no hemodilution"]


def test_doses_offered_in_brackets_are_one_arm_each():
    # PMC1174954: 'Patients were randomized to once-daily risedronate (5 mg or 15 mg) or placebo.'; '... 8% of
    # patients receiving placebo and 4% (n = 4) of patients receiving 5 mg risedronate ...' gives placebo no
    # dose (before: two arms, placebo at 5 mg)
    arms = _page("PMC1174954").arms
    assert sorted(_regimens(arms)) == [
        [("placebo", "placebo", None, None, None, None)],
        [("risedronate", "drug", Decimal("5"), "mg", None, "once daily")],
        [("risedronate", "drug", Decimal("15"), "mg", None, "once daily")],
    ]
    # PMID15197804 (tests/fixtures/pool): 'A total of 773 patients were randomized to receive zoledronic acid
    # (4 mg or 8 mg) or placebo via a 15-minute infusion every 3 weeks for 21 months.'
    doses = sorted(str(a.interventions[0].dose) for a in trial_of("15197804").arms)
    assert doses == ["4", "8", "None"]


def test_a_participle_before_its_noun_names_an_intervention():
    # PMC1190172: 'Individuals were randomly allocated to receive a covering letter with either a computer
    # printed signature or a hand written signature.' (before: no arms)
    arms = _page("PMC1190172").arms
    assert [a.drug_names for a in arms] == [["computer printed signature"], ["hand written signature"]]


def test_what_participants_applied_either_of_is_the_arms_with_the_regimen_after_them():
    # PMC1201146: 'Participants applied either a topical diclofenac solution (Pennsaid®) or vehicle control
    # solution (carrier with no diclofenac); 40 drops 4 times daily directly to the painful knee(s), without
    # massage, for 6 weeks.' (before: no arms)
    arms = _page("PMC1201146").arms
    assert _regimens(arms) == [
        [("diclofenac", "drug", Decimal("40"), "drops", "topical", "four times daily")],
        [("vehicle control solution", "placebo", Decimal("40"), "drops", None, "four times daily")],
    ]


def test_with_or_without_in_a_listing_is_two_arms():
    # PMID20100958 (tests/fixtures/pool): '... were randomly assigned to taxane/carboplatin (T/C) with or
    # without cetuximab' (before: a 'carboplatin' arm and a 'cetuximab' arm)
    arms = trial_of("20100958").arms
    assert sorted(a.drug_names for a in arms) == [["carboplatin"], ["carboplatin", "cetuximab"]]


def test_a_behavioural_arm_against_no_intervention_with_sizes_by_role():
    # PMC1187893: 'They were randomized to a twice weekly supervised one hour exercise intervention for six
    # weeks, or to a non-intervention control group.'; 'Sixty-one subjects (...) were randomly assigned to
    # intervention (n = 30) or control group (n = 31).' (before: no arms)
    arms = _page("PMC1187893").arms
    assert [(a.drug_names, a.interventions[0].frequency, a.n_randomized) for a in arms] == [
        (["exercise intervention"], "twice weekly", 30),
        (["no intervention"], None, 31),
    ]


def test_a_numbered_list_of_what_the_groups_were_given():
    # PMC1190216: 'Specifically, alpacas in the respective groups were given 1) 2 ml of alpaca seminal plasma
    # intramuscularly, 2) 2 ml of PBS intramuscularly (negative control group), 3) 2 ml of alpaca seminal
    # plasma by intrauterine infusion, ..., or 6) 2 ml of PBS by intrauterine infusion after endometrial
    # curettage (negative control group).' (before: no trial)
    arms = _page("PMC1190216").arms
    plasma, pbs = ("alpaca seminal plasma", "biological"), ("phosphate-buffered saline", "other")
    two = (Decimal("2"), "ml")
    curettage = ("endometrial curettage", "procedure", None, None, None, None)
    assert _regimens(arms) == [
        [(*plasma, *two, "intramuscular", None)],
        [(*pbs, *two, "intramuscular", None)],
        [(*plasma, *two, "intrauterine", None)],
        [(*pbs, *two, "intrauterine", None)],
        [(*plasma, *two, "intrauterine", None), curettage],
        [(*pbs, *two, "intrauterine", None), curettage],
    ]


def test_a_name_printed_with_the_drug_in_brackets_is_that_drug():
    # PMID8602180 (tests/fixtures/pool): 'The effects of a combination of 30 mg of beta carotene per day and
    # 25,000 IU of retinol (vitamin A) in the form of retinyl palmitate per day ...' (before: vitamin A had
    # no dose); PMID19767090: '... to receive a once-daily tablet of 0.625 mg conjugated equine oestrogen plus
    # 2.5 mg medroxyprogesterone acetate ...' (before: the oestrogen was missing)
    (active,) = [a for a in trial_of("8602180").arms if a.role == "experimental"]
    assert [(i.drug.name, i.dose, i.dose_unit) for i in active.interventions] == [
        ("beta carotene", Decimal("30"), "mg"),
        ("vitamin a", Decimal("25000"), "IU"),
    ]
    (combined,) = [a for a in trial_of("19767090").arms if a.role == "experimental"]
    assert [(i.drug.name, i.dose) for i in combined.interventions] == [
        ("conjugated equine oestrogen", Decimal("0.625")),
        ("medroxyprogesterone acetate", Decimal("2.5")),
    ]


def test_a_rate_in_ml_per_minute_is_no_dose_and_twice_daily_is_not_once():
    # PMC1414018 (jayded/evidence-inference): 'High-risk general surgical patients were allocated to
    # post-operative GDT to attain an oxygen delivery index of 600 ml min-1 m-2 or to conventional management.'
    (item,) = intervention(
        "post-operative goal-directed therapy", " to attain an oxygen delivery index of 600 ml min-1 m-2"
    )
    assert (item.dose, item.dose_unit) == (None, None)
    # PMC1216327: 'Thirty patients with acute diarrhea were fed twice-daily 15 ml/kg of Apple Juice (AJ), ...'
    text = "Thirty patients with acute diarrhea were fed twice-daily 15 ml/kg of Apple Juice (AJ)"
    assert frequency(text) == "twice daily"
    (item,) = intervention("apple juice", "", text[: text.index("Apple")])
    assert (item.dose, item.dose_unit) == (Decimal("15"), "ml/kg")


def test_a_fixed_combination_printed_as_its_agents_is_each_agent():
    # PMC1261533: '... were randomly assigned to receive artemether-lumefantrine (n = 245) or artesunate and
    # mefloquine (n = 245) ...' (the dictionary's one entry 'lumefantrine co-artemether' before)
    text = "randomly assigned to receive artemether-lumefantrine (n = 245) or artesunate and mefloquine (n = 245)"
    assert [m.name for m in drug_mentions(text)] == ["artemether", "lumefantrine", "artesunate", "mefloquine"]


def test_an_intervention_label_inside_the_methods_lists_the_arms():
    # PMC1468428: 'Intervention: 1 litre saline enema, versus no enema, allocated following a block random
    # allocation sequence and using sealed opaque envelopes.' (before: no arms)
    arms = _page("PMC1468428").arms
    assert [(a.drug_names, a.interventions[0].dose, a.interventions[0].dose_unit) for a in arms] == [
        (["saline enema"], Decimal("1"), "litre"),
        (["no enema"], None, None),
    ]


def test_a_modifier_after_a_count_of_sessions_shares_the_next_head():
    # PMC1208905: 'Patients were randomized to receive a single session of true or placebo acupuncture in
    # addition to their existing dyspnea treatments.' (before: an arm named 'single session of true')
    arms = _page("PMC1208905").arms
    assert [a.drug_names for a in arms] == [["true acupuncture"], ["placebo"]]


def test_groups_counted_one_by_one_with_what_each_was_given():
    # PMC1216327: 'Thirty patients with acute diarrhea were fed twice-daily 15 ml/kg of Apple Juice (AJ), 30
    # received White Grape Juice (WGJ), and 30 were given colored and flavored water (WA) as part of their age
    # appropriate dietary intake.' (before: no arms)
    arms = _page("PMC1216327").arms
    assert [(a.drug_names, a.n_randomized) for a in arms] == [
        (["apple juice"], 30),
        (["white grape juice"], 30),
        (["flavored water"], 30),
    ]


def test_what_the_controls_were_given_instead_of_the_drug_given_before():
    # PMC1065104: 'To examine the effect of magnesium in septic and sham-operated rats, a dose of 750 μmol/kg
    # magnesium sulfate was given intramuscularly immediately after surgery. Control groups for both infected
    # and sham-operated rats were injected with equal volume of saline.' (before: no arms)
    arms = _page("PMC1065104").arms
    assert _regimens(arms) == [
        [("magnesium sulfate", "drug", Decimal("750"), "μmol/kg", "intramuscular", None)],
        [("saline", "other", None, None, None, None)],
    ]


def test_a_length_before_a_programme_is_not_its_name():
    # PMC3608893: '... were randomly assigned to a 9-session group lifestyle intervention that included a
    # PCD or to a 9-session group program of diabetes self-management education (DSME).' (before: no
    # arm, '9-session' read as a dose after an empty name)
    assert [a.drug_names for a in _page("PMC3608893").arms] == [
        ["group lifestyle intervention"],
        ["group program of diabetes self-management education"],
    ]


def test_patients_randomly_divided_to_receive_an_anaesthetic_are_its_arms():
    # PMC3611071: '... patients, aged between 22 and 65 years were randomly divided to receive either
    # intravenous anesthesia with propofol (group P) or sevoflurane (group S).': the anaesthesia is the
    # drug it is given with, not one more intervention
    arms = _page("PMC3611071").arms
    assert [(a.drug_names, a.aliases) for a in arms] == [
        (["propofol"], ["group P"]),
        (["sevoflurane"], ["group S"]),
    ]
    assert [i.route for i in arms[0].interventions] == ["intravenous"]


def test_a_lead_in_at_a_lower_dose_is_a_period_not_an_intervention():
    # PMID28475456 (pool): '... randomly assigned (1:1) to oral brigatinib 90 mg once daily (arm A) or 180 mg
    # once daily with a 7-day lead-in at 90 mg (180 mg once daily [with lead-in]; arm B).'
    arms = _page("PMID28475456").arms
    assert [(a.drug_names, a.interventions[0].dose) for a in arms] == [
        (["brigatinib"], Decimal("90")),
        (["brigatinib"], Decimal("180")),
    ]


def test_arms_listed_with_and_to_or_with_bracketed_letters():
    # PMC3330821: 'Altogether 118 subjects were randomized to tCBT+EAP (n = 58) and to EAP alone (n = 60).'
    arms = _page("PMC3330821").arms
    assert [(a.drug_names, a.n_randomized) for a in arms] == [
        (["tcbt", "employee assistance program"], 58),
        (["employee assistance program"], 60),
    ]
    # PMC3348688: 'The operated limbs were randomly assigned to one treatment groups and one control group: (A)
    # triple injection of rhBMP-2 (4 mg rhBMP-2/injection) and (B) no injection.'
    assert [a.drug_names for a in _page("PMC3348688").arms] == [["dibotermin alfa"], ["no injection"]]


def test_a_daily_amount_before_an_agent_is_its_dose_not_its_name():
    # PMC3357231: '... were randomized to receive sweet foods containing either 50 g/day isomaltulose or
    # sucrose for 12 weeks as part of their habitual diet under free-living conditions.'
    assert [a.drug_names for a in _page("PMC3357231").arms] == [["isomaltulose"], ["sucrose"]]


def test_groups_a_randomised_report_divides_patients_into():
    # PMC3321403: 'By randomized trial, a total of 18 consecutive patients were divided into two groups:
    # treatment with hydrodistention and intravesical RTX (group 1) or treatment with hydrodistension only
    # (group 2).'
    arms = _page("PMC3321403").arms
    assert [(a.drug_names, a.aliases) for a in arms] == [
        (["hydrodistention", "resiniferatoxin"], ["group 1"]),
        (["hydrodistension"], ["group 2"]),
    ]
    # PMC3339727: '96 patients were randomly distributed into F1 (fentanyl 1 mcg/kg) and F2 (fentanyl 2 mcg/kg)
    # groups.'
    arms = _page("PMC3339727").arms
    assert [(a.drug_names, a.interventions[0].dose, a.aliases) for a in arms] == [
        (["fentanyl"], Decimal("1"), ["F1"]),
        (["fentanyl"], Decimal("2"), ["F2"]),
    ]


def test_a_measure_named_beside_the_control_is_no_arm():
    # PMC3376507: '... with participants randomly allocated to the basic or enhanced 12-week Web-based
    # program, based on social cognitive theory, or the control, with body mass index (BMI) as the primary
    # outcome.' (before: arms 'control body mass index' and 'with body mass index')
    # and the objective's 'versus a wait-list control group (control) on weight outcomes in ...' names the third
    assert [a.drug_names for a in _page("PMC3376507").arms] == [
        ["standard commercial web-based weight-loss program"],
        ["enhanced version of this web program"],
        ["wait-list control"],
    ]


def test_an_agent_the_dictionary_renames_keeps_its_printed_name_as_an_alias():
    # PMC3712888: '... were randomised to receive vitamin C (74 patients) or placebo (68 patients) ...'; the
    # results say 'the recurrence rate in the vitamin C group (16.2%)'
    arms = _page("PMC3712888").arms
    assert [(a.drug_names, a.aliases, a.n_randomized) for a in arms] == [
        (["ascorbic acid"], ["vitamin C"], 74),
        (["placebo"], [], 68),
    ]
    # PMID2167953 (pool): '... a randomized trial comparing cisplatin (CDDP; 120 mg/m2, day 1) and carboplatin
    # (CBDCA; 325 mg/m2, day 1) in combination with etoposide (VP16; 100 mg/m2, days 1, 2, and 3) ...'
    assert _page("PMID2167953").arms[0].aliases == ["CDDP", "VP16"]


def test_arms_listed_by_their_short_names_alone():
    # PMC3716952: 'Patients who disclosed at least 7 acts of physical IPV in the past year (N = 52) were randomly
    # assigned to either I-StoP or CBT-SUD+.' (before: one arm 'i-stop cbt-sud')
    assert [a.drug_names for a in _page("PMC3716952").arms] == [["i-stop"], ["cbt-sud"]]


def test_arms_listed_with_and_then_respectively():
    # PMC3712961: 'We randomized 55 and 52 subjects from five Baltimore OTPs to DAART and SAT, respectively.'
    # with 'directly administered antiretroviral therapy (DAART)' defined before: an abbreviation's long form is
    # its name whole, not cut at 'administered' (before: one arm of both)
    assert [a.drug_names for a in _page("PMC3712961").arms] == [
        ["directly administered antiretroviral therapy"],
        ["self-administered therapy"],
    ]
    # PMID24841974 (pool): '... 150 and 151 patients were randomly assigned to erlotinib (150 mg daily) and
    # docetaxel (60 mg/m(2) every 3 weeks), respectively.': the listing now gives each arm its regimen
    arms = _page("PMID24841974").arms
    assert [(a.drug_names, a.interventions[0].dose, a.n_randomized) for a in arms] == [
        (["erlotinib"], Decimal("150"), 150),
        (["docetaxel"], Decimal("60"), 151),
    ]


def test_a_schedule_after_the_last_of_arms_sharing_a_drug_is_every_arms():
    # PMID18520802 (tests/fixtures/pool): 'randomized to receive carboplatin (area under the curve = 6) and
    # either PPX (210 mg/m/10 min without routine steroid premedication) or paclitaxel (225 mg/m/3 h with
    # standard premedication) every 3 weeks.' (before: the PPX arm without a schedule, and its doses in mg)
    trial = trial_of("18520802")
    assert [
        [(i.drug.name, i.dose, i.dose_unit, i.frequency) for i in a.interventions] for a in trial.arms
    ] == [
        [
            ("carboplatin", Decimal("6"), "AUC", "every 3 weeks"),
            ("paclitaxel poliglumex", Decimal("210"), "mg/m2", "every 3 weeks"),
        ],
        [
            ("carboplatin", Decimal("6"), "AUC", "every 3 weeks"),
            ("paclitaxel", Decimal("225"), "mg/m2", "every 3 weeks"),
        ],
    ]


def test_a_list_without_a_comma_before_or_names_each_entry_and_both_is_their_combination():
    # PMC2721929: 'One hundred and thirty-nine female patients with OAB were randomized to treatment with
    # bladder training (BT), tolterodine (To, 2 mg twice daily) or both (Co) for 12 weeks.' (before: no arms)
    arms = _page("PMC2721929").arms
    assert [a.drug_names for a in arms] == [
        ["bladder training"],
        ["tolterodine"],
        ["bladder training", "tolterodine"],
    ]
    assert arms[2].aliases == ["Co"]


def test_a_list_without_a_comma_before_or_keeps_entries_that_are_no_names_out():
    # pool PMID15607149: 'Among these patients treated with endobronchial boost, EBRT doses of > or =6500 cGy
    # were necessary to optimize local disease control.' lists no arms: '> or =' is no 'or', and an entry
    # with a verb names nothing (before the guard: an arm 'external beam radiotherapy doses of >')
    from kg.extraction.arm_lists import _series_without_comma

    assert not _series_without_comma("endobronchial boost, EBRT doses of > or =6500 cGy were necessary")


def test_counted_groups_after_a_comma_and_a_combination_named_in_full_are_the_arms():
    # PMC3503942: 'Thirty patients with MPS in trapezius muscle were randomly divided into two groups, ESWT group
    # (n=15), and trigger point injections (TPI)+transcutaneous electrical nerve stimulation (TENS) group (n=15).'
    # (before: no arms)
    arms = _page("PMC3503942").arms
    assert [(a.drug_names, a.n_randomized) for a in arms] == [
        (["extracorporeal shock wave therapy"], 15),
        (["trigger point injections", "transcutaneous electrical nerve stimulation"], 15),
    ]


def test_an_arms_change_printed_as_a_percent_is_a_relative_change_and_a_list_keeps_its_kind():
    # PMC2721929: 'Mean urgency score decreased by 44.8%, 62.2% and 60.2% in the BT, To, and Co groups,
    # respectively' (before: 44.8% read as a mean, the two others as rates, so the list lost its order and
    # BT took 62.2%); '... declining 25.9% and 56.1%, respectively, in the BT group'
    trial = _page("PMC2721929")
    drugs = {a.label: tuple(a.drug_names) for a in trial.arms}
    urgency = [
        (drugs[r.arm], r.statistic, r.estimate) for r in trial.arm_results if r.endpoint == "urgency score"
    ]
    assert urgency == [
        (("bladder training",), "relative_reduction", Decimal("44.8")),
        (("tolterodine",), "relative_reduction", Decimal("62.2")),
        (("bladder training", "tolterodine"), "relative_reduction", Decimal("60.2")),
    ]
    declining = [r.estimate for r in trial.arm_results if r.statistic == "relative_reduction"]
    assert Decimal("25.9") in declining and Decimal("56.1") in declining


def test_animals_that_received_one_agent_or_another_are_the_arms():
    # PMC1065070: 'Eighteen instrumented and awake sheep were randomly assigned to one of three groups. ...
    # To induce lung injury of different severities, sheep received Escherichia coli lipopolysaccharide 15
    # ng/kg per min intravenously for 6 hours (n = 7) or oleic acid 0.06 ml/kg intravenously over 30 min (n =
    # 7).' (before: 'received' listed arms only for patients or participants; the page had none; the
    # third group, 'A third group (n = 4) was subjected to sham operation', is still not read)
    trial = _page("PMC1065070")
    assert [(a.drug_names, a.n_randomized) for a in trial.arms] == [
        (["escherichia coli lipopolysaccharide"], 7),
        (["oleic acid"], 7),
    ]
    assert _regimens(trial.arms)[1] == [("oleic acid", "drug", Decimal("0.06"), "ml/kg", "intravenous", None)]


def test_women_given_vitamin_c_and_e_or_placebo_are_two_arms():
    # PMC3616124: 'a randomized controlled trial in which 10,154 low-risk women received daily vitamin C and
    # E, or placebo, from 9-16 weeks gestation until delivery'
    arms = _page("PMC3616124").arms
    assert [a.drug_names for a in arms] == [["ascorbic acid", "vitamin e"], ["placebo"]]


def test_doses_listed_before_the_agent_they_dose_are_one_arm_each():
    # PMC4019890: 'randomized to receive 10 μg (arm A), 100 μg (arm B) or 1000 μg (arm C) of CEA peptide
    # emulsified in Montanide and GM-CSF, given every 2 weeks until disease progression.' ... 'T cell
    # responses developed or increased in 20%/60%/100% of pts in Arms A/B/C.' (before: no arm)
    trial = _page("PMC4019890")
    peptide = "carcinoembryonic antigen peptide"
    assert [[(i.drug.name, i.dose, i.dose_unit) for i in a.interventions] for a in trial.arms] == [
        [(peptide, Decimal(dose), "µg"), ("sargramostim", None, None)] for dose in ("10", "100", "1000")
    ]
    assert [(r.arm, r.estimate) for r in trial.arm_results] == [
        (a.label, Decimal(rate)) for a, rate in zip(trial.arms, ("20", "60", "100"), strict=True)
    ]


def test_doses_printed_with_one_unit_before_the_agent():
    # PMC3604641 (dev-36): '... completed a 12-week protocol with 50, 100, or 150 mg of MSDC-0160 (an mTOT
    # modulator), 45 mg pioglitazone HCl (a PPAR-γ agonist), or a placebo': the listing's pieces as
    # the splitter cuts them (a comma before a number parts no arms), each dose made an arm's piece
    assert doses_of([" 50, 100", "150 mg of MSDC-0160", "placebo"]) == [
        "50 mg of MSDC-0160",
        "100 mg of MSDC-0160",
        "150 mg of MSDC-0160",
        "placebo",
    ]


def test_what_a_comma_adds_to_describe_an_arm_is_no_arm_and_a_control_that_received_something_is_one():
    # PMC3143315: 'smokers willing to make a quit attempt were randomly allocated, using an independent
    # telephone randomisation system, to a mobile phone text messaging smoking cessation programme
    # (txt2stop), comprising motivational messages and behavioural-change support, or to a control group
    # that received text messages unrelated to quitting.' (before: the description was the second arm)
    trial = _page("PMC3143315")
    assert [(a.drug_names, a.aliases) for a in trial.arms] == [
        (["mobile phone text messaging smoking cessation programme"], ["txt2stop"]),
        (["control"], []),
    ]
    assert [(c.arm, c.comparator, c.estimate) for c in trial.comparisons if c.statistic == "risk_ratio"][
        0
    ] == (
        "mobile phone text messaging smoking cessation programme",
        "control",
        Decimal("2.20"),
    )


def test_a_crossover_of_two_drinks_sharing_their_noun_compares_both():
    # PMC3382640 (dev-33): 'After 2 h of monotonous highway driving, subjects received caffeinated or
    # decaffeinated coffee during a 15-min break ...' (before: no arms, 'coffee' was too short a shared
    # head and no word of a drink named an intervention); its results: '... both in the first (p = 0.024)
    # and second hour (p = 0.019) after the break' are both SDLP's, a time names no endpoint
    trial = _page("PMC3382640")
    assert [a.drug_names for a in trial.arms] == [["caffeinated coffee"], ["decaffeinated coffee"]]
    sdlp = [c.p_value for c in trial.comparisons if c.endpoint == "standard deviation of lateral position"]
    assert sdlp == [Decimal("0.024"), Decimal("0.019")]
    assert not [c for c in trial.comparisons if "hour" in c.endpoint]


def test_groups_sized_in_a_sentence_that_says_they_were_formed_at_random_have_their_sizes():
    # PMC65683: 'The subjects (40–60 y) were randomly divided into an exercise group (n = 14) and a control
    # group (n = 13).' (before: 'randomly divided' was no assigning verb, and the control group had no size)
    trial = _page("PMC65683")
    assert [(a.label, a.role, a.n_randomized) for a in trial.arms] == [
        ("exercise", "experimental", 14),
        ("control", "comparator", 13),
    ]
    assert trial.n_randomized == 27
