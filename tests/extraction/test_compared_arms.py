"""kg.extraction.arm_lists / arm_details / arm_labels / sizes / names: arms a trial's aims
compare ('to compare A and B with C'), the drugs of a generic chemotherapy named in its
bracket, arm labels defined by what the group underwent, and counts with details bracketed.

Every sentence is quoted from a page of ../shared/data/pool or ../shared/data/abstracts,
named by PMID beside it (pages read whole are copies in tests/fixtures).
"""

from __future__ import annotations

from pathlib import Path

from pool_pages import trial_of

from kg.extraction.abbreviations import definitions
from kg.extraction.arm_lists import listings
from kg.extraction.arms import design_arms
from kg.extraction.names import intervention_name
from kg.extraction.text import normalise, sentences
from kg.sources import read_document

ABSTRACTS = Path(__file__).parents[1] / "fixtures" / "abstracts"


def drugs_of(text: str, title: str = "") -> list[list[str]]:
    sents = sentences("METHODS", text)
    defined = definitions(" ".join([normalise(title), *(s.norm for s in sents)]))
    return [a.drug_names for a in design_arms(title, sents, defined)]


def test_a_short_treatment_joined_by_and_before_with_is_one_arm():
    # PMID19632716 (before: 'concurrent chemotherapy' alone, and everything after the 'and' as the other arm)
    text = (
        "We therefore did this phase III trial to compare concurrent chemotherapy and radiotherapy followed "
        "by resection with standard concurrent chemotherapy and definitive radiotherapy without resection."
    )
    assert drugs_of(text) == [
        ["chemotherapy", "radiotherapy", "resection"],
        ["chemotherapy", "definitive radiotherapy"],
    ]


def test_and_still_parts_two_arms_compared_without_with():
    # PMID7818326: no 'with' or 'versus' parts the treatments, so 'and' does
    text = (
        "Herein we report on the impact of LA on tumor staging in a controlled, prospective, randomized "
        "clinical trial comparing lymph node sampling and LA in a total of 182 patients with operable "
        "non-small cell lung cancer."
    )
    assert any(x.text.startswith("lymph node sampling or LA in a total") for x in listings("", [("", text)]))


def test_without_ends_an_interventions_name():
    # PMID22570291: 'definitive chemoradiotherapy without surgery' gives definitive chemoradiotherapy
    assert (
        intervention_name("definitive chemoradiotherapy without surgery", {})
        == "definitive chemoradiotherapy"
    )


def test_a_page_whose_aims_compare_a_with_standard_b_and_label_the_groups_by_what_they_underwent():
    # PMID19632716: 'to compare concurrent chemotherapy and radiotherapy followed by resection with
    # standard concurrent chemotherapy and definitive radiotherapy without resection'; 'randomly
    # assigned ... to concurrent induction chemotherapy (two cycles of cisplatin [50 mg/m(2) ...] and
    # etoposide [50 mg/m(2) ...]) plus radiotherapy (45 Gy)'; 'If no progression, patients in group 1
    # underwent resection and those in group 2 continued radiotherapy'; '202 patients (median age 59
    # years, range 31-77) were assigned to group 1 and 194 (61 years, 32-78) to group 2'
    trial = trial_of("19632716")
    surgery, definitive = trial.arms
    assert surgery.drug_names == ["cisplatin", "etoposide", "radiotherapy", "resection"]
    assert definitive.drug_names == ["cisplatin", "etoposide", "definitive radiotherapy"]
    assert (surgery.role, definitive.role) == ("experimental", "comparator")  # B is the standard
    assert "group 1" in surgery.aliases and "group 2" in definitive.aliases
    assert (surgery.n_randomized, definitive.n_randomized) == (202, 194)
    assert [str(i.dose) for i in surgery.interventions[:2]] == ["50", "50"]
    # 'Median OS was 23.6 months (IQR 9.0-not reached) in group 1 versus 22.2 months (9.4-52.7) in group 2'
    medians = {
        (r.arm, str(r.estimate))
        for r in trial.arm_results
        if r.endpoint == "overall survival" and r.statistic == "median"
    }
    assert {(surgery.label, "23.6"), (definitive.label, "22.2")} <= medians


def test_a_generic_chemotherapy_whose_bracket_offers_a_choice_of_drugs():
    # PMID28602779 (ASCEND-5): 'to oral ceritinib 750 mg per day fasted (in 21 day treatment cycles) or
    # chemotherapy (intravenous pemetrexed 500 mg/m2 or docetaxel 75 mg/m2 [investigator choice], every
    # 21 days)': the investigator chooses one of the two, not both (before: 'chemotherapy' unnamed)
    trial = read_document(ABSTRACTS / "PMID28602779.txt").trial
    assert trial is not None
    chemotherapy = trial.arms[1]
    assert chemotherapy.choice and chemotherapy.drug_names == ["pemetrexed", "docetaxel"]
    assert [(str(i.dose), i.dose_unit) for i in chemotherapy.interventions] == [
        ("500", "mg/m2"),
        ("75", "mg/m2"),
    ]
    assert chemotherapy.n_randomized == 116


def test_a_dosed_treatment_before_and_either_is_every_arms():
    # PMID24933332 (REVEL): '... to receive docetaxel 75 mg/m(2) and either ramucirumab (10 mg/kg) or placebo
    # on day 1 of a 21 day cycle until disease progression, unacceptable toxicity, withdrawal, or death.'
    # (before: no docetaxel in either arm); how long it goes on parts no arms
    arms = trial_of("24933332").arms
    assert [a.drug_names for a in arms] == [["docetaxel", "ramucirumab"], ["docetaxel", "placebo"]]
    assert [(i.drug.name, str(i.dose), i.dose_unit) for i in arms[0].interventions] == [
        ("docetaxel", "75", "mg/m2"),
        ("ramucirumab", "10", "mg/kg"),
    ]
    # PMID18520802: '... randomized to receive carboplatin (area under the curve = 6) and either PPX (210
    # mg/m/10 min without routine steroid premedication) or paclitaxel (225 mg/m/3 h with standard
    # premedication) every 3 weeks.'
    arms = trial_of("18520802").arms
    assert [a.drug_names for a in arms] == [
        ["carboplatin", "paclitaxel poliglumex"],
        ["carboplatin", "paclitaxel"],
    ]


def test_the_same_choice_again_later_is_no_further_arm():
    # PMID29658856 (KEYNOTE-189): '... to receive pemetrexed and a platinum-based drug plus either 200 mg of
    # pembrolizumab or placebo every 3 weeks for 4 cycles, followed by pembrolizumab or placebo for up to a
    # total of 35 cycles plus pemetrexed maintenance therapy.'
    arms = trial_of("29658856").arms
    assert [a.drug_names for a in arms] == [
        ["pemetrexed", "platinum-based drug", "pembrolizumab"],
        ["pemetrexed", "platinum-based drug", "placebo"],
    ]
    assert not any(a.choice for a in arms)


def test_the_kind_of_a_chemotherapy_that_names_its_drugs_is_no_drug():
    # PMID28126333 (ASCEND-4): '... to oral ceritinib 750 mg/day or platinum-based chemotherapy ([cisplatin
    # 75 mg/m2 or carboplatin AUC 5-6 plus pemetrexed 500 mg/m2] every 3 weeks for four cycles followed by
    # maintenance pemetrexed)' (before: a drug 'platinum-based' in the arm)
    chemotherapy = trial_of("28126333").arms[1]
    assert chemotherapy.drug_names == ["cisplatin", "carboplatin", "pemetrexed"]
    assert chemotherapy.n_randomized == 187


def test_what_the_arms_go_on_to_after_their_list_is_no_further_arm_and_a_ratio_compares_its_clauses_arms():
    # PMID29863955 (IMpower150): 'We randomly assigned patients to receive atezolizumab plus carboplatin plus
    # paclitaxel (ACP), bevacizumab plus carboplatin plus paclitaxel (BCP), or atezolizumab plus BCP (ABCP)
    # every 3 weeks for four or six cycles, followed by maintenance therapy with atezolizumab, bevacizumab, or
    # both.' (before: six arms); 'The median progression-free survival was longer in the ABCP group than in
    # the BCP group (8.3 months vs. 6.8 months; hazard ratio for disease progression or death, 0.62; ...)'
    # (before: ACP against BCP, from the semicolon inside the bracket)
    trial = trial_of("29863955")
    assert [a.aliases[0] for a in trial.arms] == ["ACP", "BCP", "ABCP"]
    label = {a.aliases[0]: a.label for a in trial.arms}
    pfs = next(c for c in trial.comparisons if str(c.estimate) == "0.62")
    assert (pfs.arm, pfs.comparator) == (label["ABCP"], label["BCP"])


def test_a_ratio_after_an_earlier_ratios_bracket_compares_the_arms_named_since():
    # PMID26712084 (KEYNOTE-010): '... with no significant difference for pembrolizumab 2 mg/kg versus
    # docetaxel (0.88, 0.74-1.05; p=0.07) or for pembrolizumab 10 mg/kg versus docetaxel (HR 0.79, 95% CI
    # 0.66-0.94; p=0.004).'
    trial = trial_of("26712084")
    hr = next(c for c in trial.comparisons if str(c.estimate) == "0.79")
    assert (hr.arm, hr.comparator) == ("pembrolizumab 10 mg/kg", "docetaxel")


def test_what_follows_a_comma_and_plus_after_the_last_arm_is_every_arms():
    # PMID16257339 (ISEL): '... to receive gefitinib (250 mg/d) or placebo, plus best supportive care'
    assert [a.drug_names for a in trial_of("16257339").arms] == [
        ["gefitinib", "best supportive care"],
        ["placebo", "best supportive care"],
    ]
    # PMID16820547: 'Varenicline titrated to 1 mg twice daily (n = 344) or bupropion SR titrated to 150 mg
    # twice daily (n = 342) or placebo (n = 341) for 12 weeks, plus weekly brief smoking cessation
    # counseling.': every arm's counseling, which is the trial's background care (see test_arm_background)
    trial = trial_of("16820547")
    assert [a.drug_names for a in trial.arms] == [["varenicline"], ["bupropion"], ["placebo"]]
    assert [i.drug.name for i in trial.background] == ["brief smoking cessation counseling"]


def test_a_ratio_bracketed_after_each_arm_set_against_the_subject_arm():
    # PMID16820547: 'During the last 4 weeks of treatment (weeks 9-12), 43.9% of participants in the
    # varenicline group were continuously abstinent from smoking compared with 17.6% in the placebo group
    # (odds ratio [OR], 3.85; ...) and 29.8% in the bupropion SR group (OR, 1.90; ...).'
    trial = trial_of("16820547")
    label = {a.drug_names[0]: a.label for a in trial.arms}
    pairs = {str(c.estimate): (c.arm, c.comparator) for c in trial.comparisons if c.statistic == "odds_ratio"}
    assert pairs["3.85"] == (label["varenicline"], label["placebo"])
    assert pairs["1.90"] == (label["varenicline"], label["bupropion"])
