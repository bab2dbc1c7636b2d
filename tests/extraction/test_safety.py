from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.ae_vocabulary import ae_category
from kg.extraction.armrefs import ArmFinder
from kg.extraction.arms import design_arms
from kg.extraction.safety import adverse_events, implied_population
from kg.extraction.text import sentences
from kg.model import AdverseEventSummary, Arm, Drug, Intervention


def test_categories():
    assert ae_category("Grade 3/4 treatment-related AEs") == "grade 3-4"
    assert ae_category("Adverse events of grade 3 or higher") == "grade >=3"
    assert ae_category("Serious adverse events") == "serious"
    assert ae_category("Grade 5 AEs") == "grade 5"
    assert ae_category("Treatment discontinuations due to adverse events") == "leading to discontinuation"
    assert ae_category("Adverse events") == "any"


def test_per_arm_figures_and_related_aside():
    arms = design_arms(
        "", sentences("Methods", "Patients were randomly assigned to nivolumab or docetaxel."), {}
    )
    events = adverse_events(
        sentences(
            "Results",
            "Grade 5 AEs occurred in 14 (7.6%) and 10 (6.0%) patients in the nivolumab and docetaxel arms, "
            "respectively (treatment-related in four [2.2%] and one [0.6%], respectively).",
        ),
        arms,
    )
    got = [(e.arm, e.category, e.treatment_related, e.count, e.percent) for e in events]
    assert got == [
        ("nivolumab", "grade 5", False, 14, Decimal("7.6")),
        ("docetaxel", "grade 5", False, 10, Decimal("6.0")),
        ("nivolumab", "grade 5", True, 4, Decimal("2.2")),
        ("docetaxel", "grade 5", True, 1, Decimal("0.6")),
    ]


def ae(count, pct):
    return AdverseEventSummary(
        arm="a", category="any", treatment_related=False, count=count, percent=Decimal(pct)
    )


def test_implied_population_needs_a_unique_whole_number():
    assert implied_population([ae(71, "38.4")], "a") == 185
    assert implied_population([ae(1, "0.6")], "a") is None  # 154..181 all fit
    assert implied_population([ae(14, "7.6"), ae(73, "39.5"), ae(4, "2.2")], "a") == 185
    assert implied_population([], "a") is None


def arms_of(*labels: str) -> list[Arm]:
    """Arms built directly, so these tests do not depend on reading the design sentence."""
    return [
        Arm(label=label, interventions=[Intervention(drug=Drug(name=d)) for d in label.split(" + ")])
        for label in labels
    ]


def read(text: str, *labels: str) -> list[tuple]:
    events = adverse_events(sentences("Results", text), arms_of(*labels))
    return [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent, e.n_analysed) for e in events
    ]


def test_per_term_groups_take_the_arm_order_of_the_first_group():
    got = read(
        "Grade 3-4 adverse events seen with a greater than 2% frequency with tecemotide were dyspnoea "
        "(49 [5%] of 1024 patients in the tecemotide group vs 21 [4%] of 477 patients in the placebo group), "
        "metastases to central nervous system (29 [3%] vs 6 [1%]), and pneumonia (23 [2%] vs 12 [3%]).",
        "tecemotide + cyclophosphamide",
        "placebo",
    )
    t, p = "tecemotide + cyclophosphamide", "placebo"
    cns = "metastases to central nervous system"
    assert got == [
        (t, "grade 3-4", False, "dyspnoea", 49, Decimal(5), 1024),
        (p, "grade 3-4", False, "dyspnoea", 21, Decimal(4), 477),
        (t, "grade 3-4", False, cns, 29, Decimal(3), None),
        (p, "grade 3-4", False, cns, 6, Decimal(1), None),
        (t, "grade 3-4", False, "pneumonia", 23, Decimal(2), None),
        (p, "grade 3-4", False, "pneumonia", 12, Decimal(3), None),
    ]


def test_term_after_a_semicolon_with_respectively():
    got = read(
        "Grade 3 or 4 adverse events occurred in 29.9% of the patients who received durvalumab and 26.1% of "
        "those who received placebo; the most common adverse event of grade 3 or 4 was pneumonia (4.4% and "
        "3.8%, respectively).",
        "durvalumab",
        "placebo",
    )
    assert got == [
        ("durvalumab", "grade 3-4", False, None, None, Decimal("29.9"), None),
        ("placebo", "grade 3-4", False, None, None, Decimal("26.1"), None),
        ("durvalumab", "grade 3-4", False, "pneumonia", None, Decimal("4.4"), None),
        ("placebo", "grade 3-4", False, "pneumonia", None, Decimal("3.8"), None),
    ]


def test_trailing_grade_and_drug_related_term_in_the_one_arm_named():
    got = read(
        "The main cetuximab-related adverse event was acne-like rash (57 [10%] of 548, grade 3).",
        "cisplatin + vinorelbine + cetuximab",
        "cisplatin + vinorelbine",
    )
    assert got == [
        ("cisplatin + vinorelbine + cetuximab", "grade 3", True, "acne-like rash", 57, Decimal(10), 548)
    ]


def test_arm_named_before_its_figure_and_discontinuation_named_after():
    got = read(
        "Grade 3 or 4 adverse events occurred at a greater frequency with crizotinib (54 [52%] of 104) than "
        "alectinib (27 [26%] of 103). Dose interruptions due to adverse events were also more prevalent with "
        "crizotinib (77 [74%] of 104) than with alectinib (30 [29%] of 103), and more patients receiving "
        "crizotinib (21 [20%]) than alectinib (nine [9%]) discontinued the study drug because of an adverse event.",
        "alectinib",
        "crizotinib",
    )
    assert got == [
        ("crizotinib", "grade 3-4", False, None, 54, Decimal(52), 104),
        ("alectinib", "grade 3-4", False, None, 27, Decimal(26), 103),
        ("crizotinib", "leading to discontinuation", False, None, 21, Decimal(20), None),
        ("alectinib", "leading to discontinuation", False, None, 9, Decimal(9), None),
    ]


def test_discontinuation_sentences():
    arms = ("durvalumab", "placebo")
    assert read(
        "A total of 15.4% of patients in the durvalumab group and 9.8% of those in the placebo group "
        "discontinued the study drug because of adverse events.",
        *arms,
    ) == [
        ("durvalumab", "leading to discontinuation", False, None, None, Decimal("15.4"), None),
        ("placebo", "leading to discontinuation", False, None, None, Decimal("9.8"), None),
    ]
    assert read(
        "Discontinuation of treatment because of adverse events was more frequent in the durvalumab group "
        "than in the placebo group (13.3% vs. 6.4%).",
        *arms,
    ) == [
        ("durvalumab", "leading to discontinuation", False, None, None, Decimal("13.3"), None),
        ("placebo", "leading to discontinuation", False, None, None, Decimal("6.4"), None),
    ]


def test_zero_counts():
    assert read(
        "No adverse events with a fatal outcome occurred in either treatment group.",
        "alectinib",
        "crizotinib",
    ) == [
        ("alectinib", "grade 5", False, None, 0, None, None),
        ("crizotinib", "grade 5", False, None, 0, None, None),
    ]
    assert read("No new adverse events were reported during this updated analysis.", "a", "b") == []
    got = read(
        "Drug-related grade 3 or higher toxic effects were higher with pemetrexed than with placebo "
        "(70 [16%] vs 9 [4%]; p<0.0001), specifically fatigue (22 [5%] vs 1 [1%], p=0.001) and "
        "neutropenia (13 [3%] vs 0, p=0.006).",
        "pemetrexed",
        "placebo",
    )
    assert got == [
        ("pemetrexed", "grade >=3", True, None, 70, Decimal(16), None),
        ("placebo", "grade >=3", True, None, 9, Decimal(4), None),
        ("pemetrexed", "grade >=3", True, "fatigue", 22, Decimal(5), None),
        ("placebo", "grade >=3", True, "fatigue", 1, Decimal(1), None),
        ("pemetrexed", "grade >=3", True, "neutropenia", 13, Decimal(3), None),
        ("placebo", "grade >=3", True, "neutropenia", 0, None, None),
    ]


def test_related_any_grade_and_grade_3_to_5_after_efficacy_figures():
    got = read(
        "The response rate was higher in the pembrolizumab group than in the chemotherapy group "
        "(44.8% vs. 27.8%), and treatment-related adverse events of any grade were less frequent "
        "(occurring in 73.4% vs. 90.0% of patients), as were grade 3, 4, or 5 treatment-related adverse "
        "events (26.6% vs. 53.3%).",
        "pembrolizumab",
        "chemotherapy",
    )
    assert got == [
        ("pembrolizumab", "any", True, None, None, Decimal("73.4"), None),
        ("chemotherapy", "any", True, None, None, Decimal("90.0"), None),
        ("pembrolizumab", "grade >=3", True, None, None, Decimal("26.6"), None),
        ("chemotherapy", "grade >=3", True, None, None, Decimal("53.3"), None),
    ]


def test_led_to_death_keeps_the_treatment_related_restriction():
    got = read(
        "Treatment-related adverse events of grade 3 or worse occurred in 113 (18%) of 636 treated patients in "
        "the pembrolizumab group and in 252 (41%) of 615 in the chemotherapy group and led to death in 13 (2%) "
        "and 14 (2%) patients, respectively.",
        "pembrolizumab",
        "chemotherapy",
    )
    assert got == [
        ("pembrolizumab", "grade >=3", True, None, 113, Decimal(18), 636),
        ("chemotherapy", "grade >=3", True, None, 252, Decimal(41), 615),
        ("pembrolizumab", "grade 5", True, None, 13, Decimal(2), None),
        ("chemotherapy", "grade 5", True, None, 14, Decimal(2), None),
    ]


def test_a_subset_of_one_arms_deaths_gives_its_fatal_adverse_events_by_count_only():
    # the percents are shares of the 15 deaths, not of the arm; deaths from the disease are no events
    assert read(
        "13 (87%) of the 15 patients who died in the ceritinib group died because of disease progression and "
        "2 (13%) died because of an adverse event.",
        "ceritinib",
        "chemotherapy",
    ) == [("ceritinib", "grade 5", False, None, 2, None, None)]


def test_no_figures_from_subsets_thresholds_or_sentences_without_numbers():
    assert (
        read(
            "13 (87%) of the 15 patients who died in the ceritinib group died because of disease progression.",
            "ceritinib",
            "chemotherapy",
        )
        == []
    )
    assert read("Serious immune-related adverse events did not differ between groups.", "a", "b") == []
    assert (
        read(
            "Grade 3 or 4 adverse events with a frequency of at least 10% were similar in both groups.",
            "a",
            "b",
        )
        == []
    )


def test_stated_denominator_is_the_safety_population_when_the_pairs_allow_it():
    def row(count, pct, n):
        return AdverseEventSummary(
            arm="a", category="any", treatment_related=False, count=count, percent=Decimal(pct), n_analysed=n
        )

    assert implied_population([row(36, "32", 113), row(8, "7", 116)], "a") == 113
    assert implied_population([row(49, "5", 1024)], "a") == 1024


# --- any trial's phrasing: sentences of the shared abstracts (issue 14) -------------------


def arm(label: str, *names: str, frequency: str | None = None, n: int | None = None) -> Arm:
    """An arm whose last intervention may carry a schedule, and its randomised number."""
    parts = [Intervention(drug=Drug(name=x)) for x in names]
    if frequency:
        parts[-1] = parts[-1].model_copy(update={"frequency": frequency})
    return Arm(label=label, interventions=parts, n_randomized=n)


def rows(
    text: str, arms: list[Arm], abbreviations: dict[str, str] | None = None, *earlier: str
) -> list[tuple]:
    """What the reader takes from the last sentence of ``earlier`` + ``text`` (one results section)."""
    sents = sentences("Results", " ".join([*earlier, text]))
    events = adverse_events(sents, arms, ArmFinder(arms, abbreviations or {}))
    last = sents[-1].text
    return [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent)
        for e in events
        if e.evidence and e.evidence.sentence == last
    ]


def test_arms_named_by_schedule_severe_and_these_effects():
    # PMID1310160: the two cisplatin arms differ by schedule only
    weekly = arm("radiotherapy + cisplatin weekly", "radiotherapy", "cisplatin", frequency="every week")
    daily = arm("radiotherapy + cisplatin daily", "radiotherapy", "cisplatin", frequency="once daily")
    got = rows(
        "Cisplatin induced nausea and vomiting in 86 percent of the patients given it weekly and in 78 percent "
        "of those given it daily; these effects were severe in 26 percent and 28 percent, respectively.",
        [arm("radiotherapy", "radiotherapy"), weekly, daily],
    )
    nv = "nausea and vomiting"
    assert got == [
        (weekly.label, "any", True, nv, None, Decimal(86)),
        (daily.label, "any", True, nv, None, Decimal(78)),
        (weekly.label, "severe", True, nv, None, Decimal(26)),
        (daily.label, "severe", True, nv, None, Decimal(28)),
    ]


def test_events_named_without_adverse_event_words():
    # PMID23154554
    arms = [arm("denosumab", "denosumab"), arm("zoledronic acid", "zoledronic acid")]
    za = {"ZA": "zoledronic acid"}
    assert rows(
        "Incidence of overall adverse events was balanced between treatment groups; serious adverse events "
        "occurred in 66.0% of denosumab-treated patients and 72.9% of ZA-treated patients.",
        arms,
        za,
    ) == [
        ("denosumab", "serious", False, None, None, Decimal("66.0")),
        ("zoledronic acid", "serious", False, None, None, Decimal("72.9")),
    ]
    assert rows(
        "Cumulative incidence of osteonecrosis of the jaw was similar between groups (0.7% denosumab versus "
        "0.8% ZA).",
        arms,
        za,
    ) == [
        ("denosumab", "any", False, "osteonecrosis of the jaw", None, Decimal("0.7")),
        ("zoledronic acid", "any", False, "osteonecrosis of the jaw", None, Decimal("0.8")),
    ]
    assert rows("Hypocalcemia rates were 8.6% with denosumab and 3.8% with ZA.", arms, za) == [
        ("denosumab", "any", False, "hypocalcemia", None, Decimal("8.6")),
        ("zoledronic acid", "any", False, "hypocalcemia", None, Decimal("3.8")),
    ]


def test_participants_with_events_are_the_count():
    # PMID25517706: '288 events among 204 participants' counts 204 participants
    arms = [arm("cytisine", "cytisine"), arm("nicotine", "nicotine")]
    assert rows(
        "Self-reported adverse events over 6 months occurred more frequently in the cytisine group (288 events "
        "among 204 participants) than in the group receiving nicotine-replacement therapy (174 events among 134 "
        "participants); adverse events were primarily nausea and vomiting and sleep disorders.",
        arms,
    ) == [("cytisine", "any", False, None, 204, None), ("nicotine", "any", False, None, 134, None)]


def test_pairs_keep_the_arm_order_across_a_whereas_clause():
    # PMID19027483: the docetaxel clause still lists gefitinib first
    arms = [arm("gefitinib", "gefitinib"), arm("docetaxel", "docetaxel")]
    got = rows(
        "In the gefitinib group, the most common adverse events were rash or acne (360 [49%] vs 73 [10%]) and "
        "diarrhoea (255 [35%] vs 177 [25%]); whereas in the docetaxel group, neutropenia (35 [5%] vs 514 [74%]), "
        "asthenic disorders (182 [25%] vs 334 [47%]), and alopecia (23 [3%] vs 254 [36%]) were most common.",
        arms,
    )
    assert [(a, t, c) for a, _cat, _rel, t, c, _p in got] == [
        ("gefitinib", "rash or acne", 360),
        ("docetaxel", "rash or acne", 73),
        ("gefitinib", "diarrhoea", 255),
        ("docetaxel", "diarrhoea", 177),
        ("gefitinib", "neutropenia", 35),
        ("docetaxel", "neutropenia", 514),
        ("gefitinib", "asthenic disorders", 182),
        ("docetaxel", "asthenic disorders", 334),
        ("gefitinib", "alopecia", 23),
        ("docetaxel", "alopecia", 254),
    ]


def test_breakdowns_zeros_and_a_group_named_by_its_own_word():
    # PMID25981812: 'the surgery group' is the arm no intervention word names
    sabr = arm("stereotactic ablative radiotherapy", "stereotactic ablative radiotherapy")
    surgery = arm("lobectomy + lymph node dissection", "lobectomy", "mediastinal lymph node dissection")
    arms = [sabr, surgery]
    abbreviations = {"SABR": "stereotactic ablative radiotherapy"}
    follow_up = (
        "Median follow-up was 40.2 months (IQR 23.0-47.3) for the SABR group and 35.4 months (18.9-40.7) for the "
        "surgery group."
    )
    s, o = sabr.label, surgery.label
    assert rows(
        "Three (10%) patients in the SABR group had grade 3 treatment-related adverse events (three [10%] chest "
        "wall pain, two [6%] dyspnoea or cough, and one [3%] fatigue and rib fracture).",
        arms,
        abbreviations,
    ) == [
        (s, "grade 3", True, None, 3, Decimal(10)),
        (s, "grade 3", True, "chest wall pain", 3, Decimal(10)),
        (s, "grade 3", True, "dyspnoea or cough", 2, Decimal(6)),
        (s, "grade 3", True, "fatigue and rib fracture", 1, Decimal(3)),
    ]
    assert rows(
        "No patients given SABR had grade 4 events or treatment-related death.",
        arms,
        abbreviations,
        "Three (10%) patients in the SABR group had grade 3 treatment-related adverse events.",
    ) == [(s, "grade 4", True, None, 0, None), (s, "grade 5", True, None, 0, None)]
    assert rows(
        "In the surgery group, one (4%) patient died of surgical complications and 12 (44%) patients had grade "
        "3-4 treatment-related adverse events.",
        arms,
        abbreviations,
        follow_up,
    ) == [(o, "grade 5", True, None, 1, Decimal(4)), (o, "grade 3-4", True, None, 12, Decimal(44))]


def test_each_lists_and_deaths_put_down_to_an_event():
    # PMID27745820
    pembro = arm("pembrolizumab + carboplatin + pemetrexed", "pembrolizumab", "carboplatin", "pemetrexed")
    chemo = arm("carboplatin + pemetrexed", "carboplatin", "pemetrexed")
    arms = [pembro, chemo]
    randomised = (
        "60 were randomly assigned to the pembrolizumab plus chemotherapy group and 63 to the chemotherapy alone "
        "group."
    )
    got = rows(
        "The most common grade 3 or worse treatment-related adverse events in the pembrolizumab plus chemotherapy "
        "group were anaemia (seven [12%] of 59) and decreased neutrophil count (three [5%]); an additional six "
        "events each occurred in two (3%) for acute kidney injury, decreased lymphocyte count, fatigue, "
        "neutropenia, and sepsis, and thrombocytopenia.",
        arms,
    )
    terms = [
        "acute kidney injury",
        "decreased lymphocyte count",
        "fatigue",
        "neutropenia",
        "sepsis",
        "thrombocytopenia",
    ]
    assert got == [
        (pembro.label, "grade >=3", True, "anaemia", 7, Decimal(12)),
        (pembro.label, "grade >=3", True, "decreased neutrophil count", 3, Decimal(5)),
        *[(pembro.label, "grade >=3", True, t, 2, Decimal(3)) for t in terms],
    ]
    got = rows(
        "In the chemotherapy alone group, the most common grade 3 or worse events were anaemia (nine [15%] of 62) "
        "and decreased neutrophil count, pancytopenia, and thrombocytopenia (two [3%] each).",
        arms,
        None,
        randomised,
        "The most common grade 3 or worse treatment-related adverse events in the pembrolizumab plus "
        "chemotherapy group were anaemia (seven [12%] of 59).",
    )
    assert got == [
        (chemo.label, "grade >=3", True, "anaemia", 9, Decimal(15)),
        *[
            (chemo.label, "grade >=3", True, t, 2, Decimal(3))
            for t in ("decreased neutrophil count", "pancytopenia", "thrombocytopenia")
        ],
    ]
    assert rows(
        "One (2%) of 59 patients in the pembrolizumab plus chemotherapy group experienced treatment-related death "
        "because of sepsis compared with two (3%) of 62 patients in the chemotherapy group: one because of sepsis "
        "and one because of pancytopenia.",
        arms,
        None,
        randomised,
    ) == [
        (pembro.label, "grade 5", True, None, 1, Decimal(2)),
        (pembro.label, "grade 5", True, "sepsis", 1, Decimal(2)),
        (chemo.label, "grade 5", True, None, 2, Decimal(3)),
        (chemo.label, "grade 5", True, "sepsis", 1, None),
        (chemo.label, "grade 5", True, "pancytopenia", 1, None),
    ]


def test_event_classes_bounded_percents_and_each_group():
    # PMID22341744
    arms = [
        arm("pemetrexed + bsc", "pemetrexed", "best supportive care"),
        arm("placebo + bsc", "placebo", "best supportive care"),
    ]
    p, q = arms[0].label, arms[1].label
    assert rows(
        "Possibly treatment-related laboratory grade 3-4 adverse events were more common in the pemetrexed group "
        "(33 [9%] of 359 patients) than in the placebo group (one [<1%] of 180 patients; p<0·0001), as were "
        "non-laboratory grade 3-5 adverse events (32 [9%] of 359 patients in the pemetrexed group; eight [4%] of "
        "180 patients in the placebo group; p=0·080); one possibly treatment-related death was reported in each "
        "group.",
        arms,
    ) == [
        (p, "grade 3-4", True, "laboratory", 33, Decimal(9)),
        (q, "grade 3-4", True, "laboratory", 1, None),
        (p, "grade >=3", True, "non-laboratory", 32, Decimal(9)),
        (q, "grade >=3", True, "non-laboratory", 8, Decimal(4)),
        (p, "grade 5", True, None, 1, None),
        (q, "grade 5", True, None, 1, None),
    ]
    assert rows(
        "In the placebo group, these adverse events were less common: anaemia (one [<1%] of 180 patients), "
        "neutropenia (none), and fatigue (one <1%]).",
        arms,
        None,
        "The most common adverse events of grade 3-4 in the pemetrexed group were anaemia (16 [4%] of 359 "
        "patients), neutropenia (13 [4%]), and fatigue (15 [4%]).",
    ) == [
        (q, "grade 3-4", False, "anaemia", 1, None),
        (q, "grade 3-4", False, "neutropenia", 0, None),
        (q, "grade 3-4", False, "fatigue", 1, None),
    ]


def test_death_from_an_event_and_grades_that_read_without_adverse_event_words():
    arms = [arm("gefitinib", "gefitinib"), arm("carboplatin + paclitaxel", "carboplatin", "paclitaxel")]
    # PMID20573926
    assert rows("One patient receiving gefitinib died from interstitial lung disease.", arms) == [
        ("gefitinib", "grade 5", False, "interstitial lung disease", 1, None)
    ]
    # PMID10458212 (pool): the arms are named as subject and as 'than did'
    arms = [
        arm("gemcitabine + cisplatin", "gemcitabine", "cisplatin"),
        arm("etoposide + cisplatin", "etoposide", "cisplatin"),
    ]
    got = rows(
        "Gemcitabine-cisplatin produced less grade 3 alopecia (13% v 51%) and less grade 4 neutropenia (28% v 56% ) "
        "but more grade 3 and 4 thrombocytopenia (56% v 13%) than did etoposide-cisplatin.",
        arms,
    )
    g, e = arms[0].label, arms[1].label
    assert got == [
        (g, "grade 3", False, "alopecia", None, Decimal(13)),
        (e, "grade 3", False, "alopecia", None, Decimal(51)),
        (g, "grade 4", False, "neutropenia", None, Decimal(28)),
        (e, "grade 4", False, "neutropenia", None, Decimal(56)),
        (g, "grade 3-4", False, "thrombocytopenia", None, Decimal(56)),
        (e, "grade 3-4", False, "thrombocytopenia", None, Decimal(13)),
    ]


def test_figures_that_are_no_arm_summary_are_left_unread():
    two = [arm("isotretinoin", "isotretinoin"), arm("placebo", "placebo")]
    # PMID11309437: the figures are noncompliance's
    assert (
        rows(
            "Mucocutaneous toxicity (P<.001) and noncompliance (40% versus 25% at 3 years) were higher in the "
            "isotretinoin arm than in the placebo arm.",
            two,
        )
        == []
    )
    # PMID11870177: interval bounds, and a change over cycles in one arm
    weekly = [
        arm("paclitaxel + carboplatin", "paclitaxel", "carboplatin"),
        arm("paclitaxel weekly", "paclitaxel"),
    ]
    assert (
        rows(
            "The rate of grade 2 to 4 neuropathy increased from 19.9% (95% confidence interval [CI], 13.6% to 26.2%) "
            "at cycle 4 to 43% (95% CI, 28.6% to 57.4%) at cycle 8.",
            weekly,
        )
        == []
    )
    # PMID1377484: symptoms on admission are no adverse events
    assert (
        rows(
            "On admission, 95% of the 233 eligible patients had cough, 47% haemoptysis, 59% chest pain.", two
        )
        == []
    )
    # PMID17167137: 'respectively' with no arm order in the text
    assert (
        rows("Rates of clinically significant bleeding were 4.4% and 0.7%, respectively (P<0.001).", two)
        == []
    )
    # PMID25601342: pooled factorial groups (207 and 217 patients) are no single arm of 121 or 166
    arms = [
        arm("standard dose", "radiotherapy", n=166),
        arm("high dose", "radiotherapy", "high-dose radiotherapy", n=121),
    ]
    assert (
        rows(
            "Severe oesophagitis was more common in patients who received high-dose radiotherapy than in those who "
            "received standard-dose treatment (43 [21%] of 207 patients vs 16 [7%] of 217 patients; p<0·0001).",
            arms,
        )
        == []
    )


def test_zero_events_a_clause_after_a_comma_states_are_every_arms():
    # PMID27789196 (tests/fixtures/pool): 'Adverse events were similar between groups, with no grade 4 adverse
    # events or deaths due to treatment.' (before: no zero was read)
    zeros = sorted(
        (e.arm, e.category, e.treatment_related)
        for e in trial_of("27789196").adverse_events
        if e.count == 0 and e.term is None
    )
    assert zeros == [
        ("local consolidative therapy", "grade 4", False),
        ("local consolidative therapy", "grade 5", True),
        ("maintenance treatment", "grade 4", False),
        ("maintenance treatment", "grade 5", True),
    ]
