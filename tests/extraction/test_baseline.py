"""kg.extraction.baseline (through ``extract_trial``): the baseline characteristics an abstract
prints of the whole trial, and clauses that are not baseline.

Every sentence is quoted from a page of ../shared/data/pool, named by PMID beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from shared_quotes import NLST

from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def figures(trial) -> list[tuple[str, str, Decimal, str | None, str]]:
    return [(b.characteristic, b.statistic, b.estimate, b.unit, b.arm) for b in trial.baseline]


def test_percentages_of_the_analysable_patients(read):
    # PMID12243809
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Of the analyzable patients, 90% had a Karnofsky performance score of 90-100, 18% had weight loss "
            ">5%, 37% had squamous cell histologic features, and 54% had bulky N2 disease.",
        ),
    ).trial
    assert figures(trial) == [
        ("karnofsky performance score of 90-100", "rate", Decimal("90"), "percent", "all patients"),
        ("weight loss >5%", "rate", Decimal("18"), "percent", "all patients"),
        ("squamous cell histologic features", "rate", Decimal("37"), "percent", "all patients"),
        ("bulky n2 disease", "rate", Decimal("54"), "percent", "all patients"),
    ]


def test_counts_with_percentages_and_another_population_left_out(read):
    # PMID21119104: the NLST participants, then respondents of a census survey, who are not the trial's
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Characteristics of the participants were as follows: 31 533 (59%) were men, 39 234 (73%) were "
            "younger than 65 years, 25 779 (48%) were current smokers, and 16 839 (32%) had a college or higher "
            "degree. Among Tobacco Use Supplement respondents who met NLST age and smoking history criteria, 59% "
            "were men, 65% were younger than 65 years, and 57% were current smokers.",
        ),
    ).trial
    assert figures(trial) == [
        ("men", "count", Decimal("31533"), "participants", "all patients"),
        ("younger than 65 years", "count", Decimal("39234"), "participants", "all patients"),
        ("current smokers", "count", Decimal("25779"), "participants", "all patients"),
        ("college or higher degree", "count", Decimal("16839"), "participants", "all patients"),
    ]


def test_median_age_with_its_range_and_sex(read):
    # PMID16488712
    trial = read(
        *NLST,
        ("RESULTS", "Median age was 68 years (range, 23 to 89 years); 52% were men."),
    ).trial
    [age, men] = trial.baseline
    assert (age.characteristic, age.statistic, age.estimate, age.unit) == (
        "age",
        "median",
        Decimal("68"),
        "years",
    )
    assert (age.dispersion, age.spread_lower, age.spread_upper) == (
        "FULL_RANGE",
        Decimal("23"),
        Decimal("89"),
    )
    assert (men.characteristic, men.estimate) == ("men", Decimal("52"))


def test_what_patients_received_is_no_baseline(read):
    # PMID28034064: the treatment given, not who the patients were
    trial = read(*NLST, ("RESULTS", "Of 482 patients, 53% were treated with 3D-CRT and 47% with IMRT.")).trial
    assert trial.baseline == []


def test_a_list_of_symptoms_after_one_verb(read):
    # PMID1377484, with its own title and design
    trial = read(
        "A Medical Research Council (MRC) randomised trial of palliative radiotherapy with two fractions or a single "
        "fraction in patients with inoperable non-small-cell lung cancer (NSCLC) and poor performance status. "
        "Medical Research Council Lung Cancer Working Party.",
        (
            "UNLABELLED",
            "Two policies of palliative thoracic radiotherapy for NSCLC have been compared in a randomised "
            "multicentre controlled trial aimed at simplifying the palliative treatment of patients with poor "
            "performance status. A total of 235 patients were entered. Patients were allocated at random to "
            "regimens of either 17 Gy given in two fractions of 8.5 Gy 1 week apart (F2 regimen, 117 patients), or "
            "a single fraction of 10 Gy (F1 regimen, 118 patients). On admission, 95% of the 233 eligible patients "
            "had cough, 47% haemoptysis, 59% chest pain, 64% anorexia, and 16% dysphagia.",
        ),
    ).trial
    assert [(b.characteristic, b.estimate, b.arm) for b in trial.baseline] == [
        ("cough", Decimal("95"), "all patients"),
        ("haemoptysis", Decimal("47"), "all patients"),
        ("chest pain", Decimal("59"), "all patients"),
        ("anorexia", Decimal("64"), "all patients"),
        ("dysphagia", Decimal("16"), "all patients"),
    ]


def test_the_classes_of_one_characteristic(read):
    # PMID16488712, with its own title and design
    trial = read(
        "Morbidity and mortality of major pulmonary resections in patients with early-stage lung cancer: initial "
        "results of the randomized, prospective ACOSOG Z0030 trial.",
        (
            "METHODS",
            "Prospectively collected 30-day postoperative data was analyzed from 1,111 patients undergoing "
            "pulmonary resection who were enrolled from July 1999 to February 2004 in a randomized trial comparing "
            "lymph node sampling versus mediastinal lymph node dissection for early stage lung cancer.",
        ),
        (
            "RESULTS",
            "Pathologic stage was IA in 424 (42%), IB in 418 (41%), IIA in 37 (4%), IIB in 97 (9%), and III in 45 "
            "(5%).",
        ),
    ).trial
    assert [(b.characteristic, b.subgroup, b.statistic, b.estimate) for b in trial.baseline] == [
        ("pathologic stage", "IA", "count", Decimal("424")),
        ("pathologic stage", "IB", "count", Decimal("418")),
        ("pathologic stage", "IIA", "count", Decimal("37")),
        ("pathologic stage", "IIB", "count", Decimal("97")),
        ("pathologic stage", "III", "count", Decimal("45")),
    ]


def test_an_opener_naming_the_randomised_patients_is_whom_the_figures_describe(read):
    # PMID17602060: 'randomized' in the opener says who they are, not what happened on treatment;
    # 'recurrent disease' is a class of patients, not a recurrence
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Among the 878 randomized patients, the median age was 63, 46% were female, 76% had stage IV disease, "
            "12% had stage IIIB disease with malignant pleural effusion, 11% had recurrent disease, and 40% had an "
            "ECOG performance status score of 0.",
        ),
    ).trial
    assert [(b.characteristic, b.statistic, b.estimate, b.arm) for b in trial.baseline] == [
        ("age", "median", Decimal("63"), "all patients"),
        ("female", "rate", Decimal("46"), "all patients"),
        ("stage iv disease", "rate", Decimal("76"), "all patients"),
        ("stage iiib disease with malignant pleural effusion", "rate", Decimal("12"), "all patients"),
        ("recurrent disease", "rate", Decimal("11"), "all patients"),
        ("ecog performance status score of 0", "rate", Decimal("40"), "all patients"),
    ]


def test_a_bracket_describing_the_patients_counted_before_it(read):
    # PMID22778317: the verb that counted them ('had been randomly assigned') is no outcome of
    # the bracket, and the range after its semicolon is the age's
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Seven hundred sixty patients (median age, 62 years; range, 27 to 81 years) had been randomly assigned.",
        ),
    ).trial
    [age] = trial.baseline
    assert (age.characteristic, age.statistic, age.estimate, age.arm) == (
        "age",
        "median",
        Decimal("62"),
        "all patients",
    )
    assert (age.dispersion, age.spread_lower, age.spread_upper) == (
        "FULL_RANGE",
        Decimal("27"),
        Decimal("81"),
    )
    # PMID19632716: a count that goes on to be one arm's ('were assigned to group 1 and 194 ...'),
    # and its bracket, are that arm's, not the trial's
    trial = read(
        *NLST,
        (
            "FINDINGS",
            "202 patients (median age 59 years, range 31-77) were assigned to group 1 and 194 (61 years, 32-78) "
            "to group 2.",
        ),
    ).trial
    assert trial.baseline == []


def test_a_labelled_figure_opening_its_part_of_a_bracket(read):
    # PMID16569462: 'stage IV disease: 74%' opens its part of the bracket, and so does a class of a
    # score named with its abbreviation and threshold
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Between November 1999 and November 2002, we enrolled 352 patients (median age: 57 years; stage IV "
            "disease: 74%; Karnofsky performance status (KPS) >80: 41%).",
        ),
    ).trial
    assert [(b.characteristic, b.estimate) for b in trial.baseline] == [
        ("age", Decimal("57")),
        ("stage iv disease", Decimal("74")),
        ("karnofsky performance status (kps) >80", Decimal("41")),
    ]


def test_figures_listed_bare_with_what_they_count(read):
    # PMID19001323: a list with no verb
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Patient characteristics (n = 203) were as follows: 34% female; median age, 63 years; 39.4% stage IIIA; "
            "and 60.6% stage IIIB.",
        ),
    ).trial
    assert [(b.characteristic, b.statistic, b.estimate) for b in trial.baseline] == [
        ("female", "rate", Decimal("34")),
        ("age", "median", Decimal("63")),
        ("stage iiia", "rate", Decimal("39.4")),
        ("stage iiib", "rate", Decimal("60.6")),
    ]
    # PMID17544497: 'Most (61%) were', then the list goes on 'with'
    trial = read(
        *NLST, ("RESULTS", "Most (61%) were clinical stage I, with 31% stage II, and 7% stage III.")
    ).trial
    assert [(b.characteristic, b.estimate) for b in trial.baseline] == [
        ("clinical stage i", Decimal("61")),
        ("stage iii", Decimal("7")),
        ("stage ii", Decimal("31")),
    ]


def test_the_classes_a_list_head_names(read):
    # PMID23161898: 'stages:' and 'histology:' head the classes that follow them
    trial = read(
        *NLST,
        (
            "RESULTS",
            "One hundred and thirty two patients were randomized (stages: 38% IB, 10% IIA, 47% IIB, 5% pT3pN1; "
            "histology: 43% squamous, 57% non-squamous).",
        ),
    ).trial
    assert [(b.characteristic, b.subgroup, b.estimate, b.unit) for b in trial.baseline] == [
        ("stages", "IB", Decimal("38"), "percent"),
        ("stages", "IIA", Decimal("10"), "percent"),
        ("stages", "IIB", Decimal("47"), "percent"),
        ("stages", "pT3pN1", Decimal("5"), "percent"),
        ("histology", "squamous", Decimal("43"), "percent"),
        ("histology", "non-squamous", Decimal("57"), "percent"),
    ]


def test_a_verb_after_a_bare_figure_says_what_they_did(read):
    # PMID10861309: '25% continued to smoke' is no class of the patients; the figure before the
    # bracket is read up to it
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Of the patients, 93.5% had smoked tobacco at sometime in their lives (and 25% continued to smoke after "
            "cancer diagnosis).",
        ),
    ).trial
    assert [(b.characteristic, b.estimate) for b in trial.baseline] == [
        ("smoked tobacco at sometime in their lives", Decimal("93.5"))
    ]


def test_counts_of_the_sexes_and_the_classes_their_list_goes_on_with(read):
    # PMID17971598: the arms' bracket after the count is theirs; the list after it is the trial's
    trial = read(
        *NLST,
        (
            "RESULTS",
            "One hundred six patients were eligible (arm A: 51, arm B: 55), 90 males and 16 females, 50 with "
            "squamous cell, 16 with large cell, five with adenosquamous, and 35 with adenocarcenoma (median age, "
            "57 years; range, 37 to 71 years).",
        ),
    ).trial
    assert [(b.characteristic, b.statistic, b.estimate, b.unit) for b in trial.baseline] == [
        ("age", "median", Decimal("57"), "years"),
        ("males", "count", Decimal("90"), "participants"),
        ("females", "count", Decimal("16"), "participants"),
        ("squamous cell", "count", Decimal("50"), "participants"),
        ("large cell", "count", Decimal("16"), "participants"),
        ("adenosquamous", "count", Decimal("5"), "participants"),
        ("adenocarcenoma", "count", Decimal("35"), "participants"),
    ]
    # PMID15770205: an age range with its mean in a bracket
    trial = read(
        *NLST,
        (
            "RESULTS",
            "There were 90 men and 10 women aged 47-81 years (mean 66), performance status 1-4 (median 2).",
        ),
    ).trial
    figures = [
        (b.characteristic, b.statistic, b.estimate, b.spread_lower, b.spread_upper) for b in trial.baseline
    ]
    assert figures == [
        ("age", "mean", Decimal("66"), Decimal("47"), Decimal("81")),
        ("men", "count", Decimal("90"), None, None),
        ("women", "count", Decimal("10"), None, None),
    ]


def test_what_both_groups_had_in_common_describes_the_whole_trial(read):
    # PMID15972865: figures true of each group alike, not a result of one arm each (they had been
    # read as the two arms' rates of 'adenocarcinomas')
    trial = read(
        *NLST,
        (
            "RESULTS",
            "In both groups, the median age was 61 years, 65 percent were men, and 53 percent had adenocarcinomas.",
        ),
    ).trial
    assert figures(trial) == [
        ("age", "median", Decimal("61"), "years", "all patients"),
        ("men", "rate", Decimal("65"), "percent", "all patients"),
        ("adenocarcinomas", "rate", Decimal("53"), "percent", "all patients"),
    ]
    assert trial.arm_results == []


def test_the_median_age_of_the_participants_beside_how_long_they_were_followed(read):
    # PMID27604504 (the age 'of participants', with its range) and PMID21831418 (the clause goes
    # on with the follow-up, which reports no outcome)
    trial = read(
        *NLST,
        (
            "RESULTS",
            "Baseline characteristics were balanced between groups, and the median age of participants was 66 "
            "years (range 38-85). Median age was 77 years and median follow-up was 30.3 months (range 8.6-45.2).",
        ),
    ).trial
    assert figures(trial) == [
        ("age", "median", Decimal("66"), "years", "all patients"),
        ("age", "median", Decimal("77"), "years", "all patients"),
    ]
    first = trial.baseline[0]
    assert (first.dispersion, first.spread_lower, first.spread_upper) == (
        "FULL_RANGE",
        Decimal("38"),
        Decimal("85"),
    )


def test_prior_treatment_a_count_with_its_share_and_pack_years(read):
    # PMID16014882, PMID12910523, PMID21119104 (the second
    # clause is another population's: left out)
    trial = read(
        *NLST,
        (
            "RESULTS",
            "The median age of the 731 patients who underwent randomization was 61.4 years; 49 percent had "
            "received two prior chemotherapy regimens. Sixty-seven patients were age 70 years "
            "or older (29%). Median cigarette exposure was 48 pack-years. Median cigarette exposure among this "
            "group was 47 pack-years.",
        ),
    ).trial
    assert figures(trial) == [
        ("age", "median", Decimal("61.4"), "years", "all patients"),
        ("received 2 prior chemotherapy regimens", "rate", Decimal("49"), "percent", "all patients"),
        ("age 70 years or older", "count", Decimal("67"), "participants", "all patients"),
        ("cigarette exposure", "median", Decimal("48"), "pack-years", "all patients"),
    ]


def spans(trial) -> list[tuple[str, str, Decimal, int | None, str]]:
    return [
        (
            b.characteristic,
            b.statistic,
            b.estimate,
            b.n_analysed,
            b.evidence.sentence[b.evidence.start : b.evidence.end],
        )
        for b in trial.baseline
    ]


def test_a_share_of_the_patients_counted_before_what_they_had():
    # PMID12377323: 'Most (69%) of 230 patients randomized had locally advanced disease unsuitable for
    # curative treatment.'; PMID11745199: 'Fifty-six percent of 64 evaluable patients were male, and 81% had
    # Stage IV disease.' (tests/fixtures/pool)
    assert spans(read_document(POOL / "PMID12377323.txt").trial) == [
        (
            "locally advanced disease unsuitable for curative treatment",
            "rate",
            Decimal("69"),
            230,
            "Most (69%) of 230 patients randomized had locally advanced disease unsuitable for curative treatment",
        )
    ]
    assert spans(read_document(POOL / "PMID11745199.txt").trial) == [
        ("male", "rate", Decimal("56"), 64, "Fifty-six percent of 64 evaluable patients were male"),
        ("stage iv disease", "rate", Decimal("81"), None, "81% had Stage IV disease"),
        (
            "PS of 2",
            "count",
            Decimal("68"),
            None,
            "68",
        ),  # 'Sixty-eight patients with an ECOG PS of 2 were enrolled'
    ]


def test_a_share_with_its_count_of_the_patients_in_brackets(read):
    # PMID25624436
    trial = read(
        *NLST,
        (
            "RESULTS",
            "At baseline, 31% of patients (275 of 888) had asymptomatic brain metastases; 109 had received no "
            "prior and 166 had received prior brain radiotherapy as treatment.",
        ),
    ).trial
    assert spans(trial) == [
        (
            "asymptomatic brain metastases",
            "rate",
            Decimal("31"),
            888,
            "31% of patients (275 of 888) had asymptomatic brain metastases",
        ),
        ("asymptomatic brain metastases", "count", Decimal("275"), 888, "275 of 888"),
    ]
