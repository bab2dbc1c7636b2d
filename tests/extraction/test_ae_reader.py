"""Which restriction an adverse-event statement of a list takes (kg.extraction.ae_reader)."""

from decimal import Decimal
from pathlib import Path

from kg.extraction.safety import adverse_events
from kg.extraction.text import sentences
from kg.model import Arm, Drug, Intervention
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def _drug_arms(*drugs: str) -> list[Arm]:
    """One arm a drug, labelled by it, as the abstract names its arms."""
    return [Arm(label=d, interventions=[Intervention(drug=Drug(name=d))]) for d in drugs]


def test_all_grades_counts_events_of_any_cause_after_a_drug_related_statement():
    # PMID15117980: '... hospitalizations due to other drug related adverse events (10.5% v 6.4%;
    # P =.092), use of granulocyte colony-stimulating factor support (19.2% v 2.6%, P <.001) and all
    # grade alopecia (37.7% v 6.4%; P <.001) compared with patients receiving pemetrexed.'
    trial = read_document(POOL / "PMID15117980.txt").trial
    alopecia = [
        (e.category, e.treatment_related, e.percent) for e in trial.adverse_events if e.term == "alopecia"
    ]
    assert alopecia == [("any", False, Decimal("37.7")), ("any", False, Decimal("6.4"))]


def test_a_grade_that_continues_a_treatment_related_statement_keeps_its_restriction():
    # PMID22341744 (shared abstracts), as printed
    text = (
        "Possibly treatment-related laboratory grade 3-4 adverse events were more common in the pemetrexed "
        "group (33 [9%] of 359 patients) than in the placebo group (one [<1%] of 180 patients; p<0·0001), as "
        "were non-laboratory grade 3-5 adverse events (32 [9%] of 359 patients in the pemetrexed group; "
        "eight [4%] of 180 patients in the placebo group; p=0·080)."
    )
    arms = _drug_arms("pemetrexed", "placebo")
    got = {(e.term, e.treatment_related) for e in adverse_events(sentences("Findings", text), arms)}
    assert got == {("laboratory", True), ("non-laboratory", True)}


def test_events_joined_by_with_without_and_a_slash_are_one_event():
    # PMID17602060: 'Severe and life-threatening adverse events occurring more frequently in patients
    # receiving BV/CP were neutropenia (27% versus 17%), ..., infection without neutropenia (7% versus
    # 3%), thrombosis/embolism (5% versus 3%), ...'
    trial = read_document(POOL / "PMID17602060.txt").trial
    got = [(e.term, e.percent) for e in trial.adverse_events if e.category == "severe"]
    assert ("neutropenia", Decimal(27)) in got
    assert ("infection without neutropenia", Decimal(7)) in got
    assert ("thrombosis/embolism", Decimal(5)) in got


def rows(page: str) -> list[tuple]:
    trial = read_document(POOL / page).trial
    return [
        (e.arm, e.category, e.treatment_related, e.term, e.count, e.percent) for e in trial.adverse_events
    ]


def test_each_figure_of_a_parenthesis_after_its_own_arm_name():
    # PMID24162260: 'Grade 3 or 4 hypocalcemia, mostly without clinical sequelae, was more frequent in
    # denosumab-treated patients (denosumab 4 %, ZA 2 %). Osteonecrosis of the jaw occurred
    # infrequently (denosumab 0.8 %, ZA 1.1 %).'
    got = rows("PMID24162260.txt")
    d, za = "denosumab", "zoledronic acid + vitamin d"
    assert (d, "grade 3-4", False, "hypocalcemia", None, Decimal(4)) in got
    assert (za, "grade 3-4", False, "hypocalcemia", None, Decimal(2)) in got
    assert (d, "any", False, "osteonecrosis of the jaw", None, Decimal("0.8")) in got
    assert (za, "any", False, "osteonecrosis of the jaw", None, Decimal("1.1")) in got


def test_the_trial_regimen_is_no_other_group():
    # PMID30280658: '...; 15.4% and 9.8% of the patients, respectively, discontinued the trial regimen
    # because of adverse events.'
    got = rows("PMID30280658.txt")
    assert ("durvalumab", "leading to discontinuation", False, None, None, Decimal("15.4")) in got
    assert ("placebo", "leading to discontinuation", False, None, None, Decimal("9.8")) in got


def test_these_were_deemed_related_points_back_to_the_events_before():
    # PMID26045340: '... adverse events with an outcome of death were reported for 66 (12%) of 538
    # patients in the necitumumab plus gemcitabine and cisplatin group and 57 (11%) of 541 patients in
    # the gemcitabine and cisplatin group; these were deemed to be related to study drugs in 15 (3%)
    # and ten (2%) patients, respectively.'
    got = rows("PMID26045340.txt")
    assert ("necitumumab + gemcitabine + cisplatin", "grade 5", True, None, 15, Decimal(3)) in got
    assert ("gemcitabine + cisplatin", "grade 5", True, None, 10, Decimal(2)) in got


def test_a_semicolon_ends_an_event_named_after_its_figure():
    # PMID22452896 (LUX-Lung 1), as printed
    text = (
        "The most common adverse events in the afatinib group were diarrhoea (339 [87%] of 390 patients; 66 [17%] "
        "were grade 3) and rash or acne (305 [78%] patients; 56 [14%] were grade 3). These events occurred less "
        "often in the placebo group (18 [9%] of 195 patients had diarrhoea; 31 [16%] had rash or acne), all being "
        "grade 1 or 2."
    )
    arms = _drug_arms("afatinib", "placebo")
    got = [
        (e.category, e.term, e.count, e.percent)
        for e in adverse_events(sentences("Findings", text), arms)
        if e.arm == "placebo"
    ]
    assert got == [("any", "diarrhoea", 18, Decimal(9)), ("any", "rash or acne", 31, Decimal(16))]


def test_the_arm_named_after_a_list_of_events_is_each_items():
    # PMID19692680 (IPASS), as printed; PMID20573926: an arm that opens the statement after it is not
    arms = [
        Arm(label="gefitinib", interventions=[Intervention(drug=Drug(name="gefitinib"))]),
        Arm(
            label="carboplatin + paclitaxel",
            interventions=[
                Intervention(drug=Drug(name="carboplatin")),
                Intervention(drug=Drug(name="paclitaxel")),
            ],
        ),
    ]
    ipass = (
        "The most common adverse events were rash or acne (in 66.2% of patients) and diarrhea (46.6%) in the "
        "gefitinib group and neurotoxic effects (69.9%), neutropenia (67.1%), and alopecia (58.4%) in the "
        "carboplatin-paclitaxel group."
    )
    got = [(e.arm, e.term, e.percent) for e in adverse_events(sentences("Results", ipass), arms)]
    cp = "carboplatin + paclitaxel"
    assert got == [
        ("gefitinib", "rash or acne", Decimal("66.2")),
        ("gefitinib", "diarrhea", Decimal("46.6")),
        (cp, "neurotoxic effects", Decimal("69.9")),
        (cp, "neutropenia", Decimal("67.1")),
        (cp, "alopecia", Decimal("58.4")),
    ]
    nej = (
        "The most common adverse events in the gefitinib group were rash (71.1%) and elevated aminotransferase "
        "levels (55.3%), and in the chemotherapy group, neutropenia (77.0%), anemia (64.6%), appetite loss "
        "(56.6%), and sensory neuropathy (54.9%)."
    )
    got = {(e.arm, e.term) for e in adverse_events(sentences("Results", nej), arms)}
    assert ("gefitinib", "rash") in got and ("carboplatin + paclitaxel", "rash") not in got


def test_a_single_arm_trials_figures_are_its_arms():
    # PMID26973324 (ASCEND-1): 'Serious adverse events were recorded in 117 (48%) of 246 patients. The
    # most common grade 3-4 laboratory abnormalities were increased alanine aminotransferase (73 [30%]
    # patients) and increased aspartate aminotransferase (25 [10%]). The most common grade 3-4
    # non-laboratory adverse events were diarrhoea and nausea, both of which occurred in 15 (6%)
    # patients.' (one figure for each of two events is each event's, not a summary of the class)
    got = rows("PMID26973324.txt")
    assert ("ceritinib", "serious", False, None, 117, Decimal(48)) in got
    assert ("ceritinib", "grade 3-4", False, "increased alanine aminotransferase", 73, Decimal(30)) in got
    assert ("ceritinib", "grade 3-4", False, "increased aspartate aminotransferase", 25, Decimal(10)) in got
    assert [r for r in got if r[4] == 15] == [
        ("ceritinib", "grade 3-4", False, "diarrhoea", 15, Decimal(6)),
        ("ceritinib", "grade 3-4", False, "nausea", 15, Decimal(6)),
    ]


def test_one_figure_per_group_in_a_parenthesis_is_no_single_arms():
    # PMID19433684, as printed: two groups of patients, one figure each
    arms = [Arm(label="pemetrexed", interventions=[Intervention(drug=Drug(name="pemetrexed"))])]
    text = (
        "Grade 3/4 hematologic toxicity was modest-anemia (6%; 0), neutropenia (4%; 0), and thrombocytopenia "
        "(0; 8%)."
    )
    assert adverse_events(sentences("Results", text), arms, single_arm=True) == []
    # PMID26708155, as printed: the one arm's in a one-arm study, nobody's in a randomised one
    text = (
        "The most common grade 3 and 4 adverse events were changes in laboratory values, including increased "
    )
    text += "blood creatine phosphokinase (seven [8%])."
    got = [
        (e.arm, e.category, e.count)
        for e in adverse_events(sentences("Results", text), arms, single_arm=True)
    ]
    assert got == [("pemetrexed", "grade 3-4", 7)]
    assert adverse_events(sentences("Results", text), arms) == []


def test_a_count_of_graded_events_names_its_event():
    # PMID15701857: 'One grade 3 neurosensory toxicity occurred in the PemOx group.' (before: unread); a toxicity
    # is the treatment's effect (ae_vocabulary.RELATED)
    got = rows("PMID15701857.txt")
    assert ("pemetrexed + oxaliplatin", "grade 3", True, "neurosensory toxicity", 1, None) in got


def test_a_one_arm_studys_run_read_respectively_is_one_figure_per_event():
    # PMID10561261 (gemcitabine alone): 'Treatment was well tolerated: grade 2 to 3 (World Health
    # Organization standardized response criteria) leukopenia and thrombocytopenia occurred in 23% and
    # 20% of patients, respectively.' (before: unread)
    got = rows("PMID10561261.txt")
    assert ("gemcitabine", "grade 2-3", False, "leukopenia", None, Decimal(23)) in got
    assert ("gemcitabine", "grade 2-3", False, "thrombocytopenia", None, Decimal(20)) in got
    # PMID20714770: 'The main adverse effects were hematological toxicity as well as grade 3/4
    # neutropenia and thrombocytopenia (which occurred in 65% and 40% of the patients, respectively).'
    got = rows("PMID20714770.txt")
    # (a toxicity is the treatment's effect: treatment-related)
    assert ("carboplatin + gemcitabine", "grade 3-4", True, "neutropenia", None, Decimal(65)) in got
    assert ("carboplatin + gemcitabine", "grade 3-4", True, "thrombocytopenia", None, Decimal(40)) in got


def test_an_each_of_a_later_parenthesis_leaves_a_one_arm_figure_its_arm():
    # PMID16740598 (nab-paclitaxel alone): 'Two patients (5%) discontinued therapy because of
    # treatment-related toxicities (neuropathy, fatigue [1 each]).' (before: unread, 'each' taken
    # for one figure given to several events)
    got = rows("PMID16740598.txt")
    assert ("nab-paclitaxel", "leading to discontinuation", True, None, 2, Decimal(5)) in got


def _ae_rows(text: str, arms: list[Arm]) -> list[tuple]:
    found = adverse_events(sentences("Findings", text), arms)
    return [(e.arm, e.term, e.category, e.treatment_related, e.count, e.percent) for e in found]


def test_each_item_of_a_ranked_list_of_events_is_its_own_event_and_keeps_the_restriction():
    # PMID26156651 (LUX-Lung 8), as printed; the third pair is printed afatinib first too, so the
    # ranking word ('higher ... with erlotinib') does not reorder it (its larger figure is erlotinib's).
    # Before: only the last pair read, named 'diarrhoea' and not treatment-related.
    text = (
        "We recorded higher incidences of treatment-related grade 3 diarrhoea with afatinib (39 [10%] vs nine "
        "[2%]), of grade 3 stomatitis with afatinib (16 [4%] vs none), and of grade 3 rash or acne with "
        "erlotinib (23 [6%] vs 41 [10%])."
    )
    d = Decimal
    assert sorted(_ae_rows(text, _drug_arms("afatinib", "erlotinib")), key=str) == sorted(
        [
            ("afatinib", "diarrhoea", "grade 3", True, 39, d(10)),
            ("erlotinib", "diarrhoea", "grade 3", True, 9, d(2)),
            ("afatinib", "stomatitis", "grade 3", True, 16, d(4)),
            ("erlotinib", "stomatitis", "grade 3", True, 0, None),
            ("afatinib", "rash or acne", "grade 3", True, 23, d(6)),
            ("erlotinib", "rash or acne", "grade 3", True, 41, d(10)),
        ],
        key=str,
    )


def test_pairs_before_the_one_arm_a_later_clause_ranks_go_by_their_figures():
    # PMID24145346 (PointBreak), as printed: the second clause's pairs are PacCBev's first, whatever
    # order the first clause set (before: PemCBev took 40.6% neutropenia)
    text = (
        "Significantly more study drug-related grade 3 or 4 anemia (14.5% v 2.7%), thrombocytopenia (23.3% v "
        "5.6%), and fatigue (10.9% v 5.0%) occurred with PemCBev; significantly more grade 3 or 4 neutropenia "
        "(40.6% v 25.8%), febrile neutropenia (4.1% v 1.4%), sensory neuropathy (4.1% v 0%), and alopecia "
        "(grade 1 or 2; 36.8% v 6.6%) occurred with PacCBev."
    )
    pem, pac = _drug_arms("pemetrexed", "paclitaxel")
    pem.aliases, pac.aliases = ["PemCBev"], ["PacCBev"]
    got = {(arm, term): pct for arm, term, _c, _r, _n, pct in _ae_rows(text, [pem, pac])}
    d = Decimal
    assert got == {
        ("pemetrexed", "anemia"): d("14.5"),
        ("paclitaxel", "anemia"): d("2.7"),
        ("pemetrexed", "thrombocytopenia"): d("23.3"),
        ("paclitaxel", "thrombocytopenia"): d("5.6"),
        ("pemetrexed", "fatigue"): d("10.9"),
        ("paclitaxel", "fatigue"): d("5.0"),
        ("paclitaxel", "neutropenia"): d("40.6"),
        ("pemetrexed", "neutropenia"): d("25.8"),
        ("paclitaxel", "febrile neutropenia"): d("4.1"),
        ("pemetrexed", "febrile neutropenia"): d("1.4"),
        ("paclitaxel", "sensory neuropathy"): d("4.1"),
        ("pemetrexed", "sensory neuropathy"): d(0),
        ("paclitaxel", "alopecia"): d("36.8"),
        ("pemetrexed", "alopecia"): d("6.6"),
    }


def test_a_safety_population_larger_than_a_primary_populations_arms_is_still_each_arms():
    # PMID27979383 (OAK): 'In the primary population, 425 patients were randomly assigned to receive
    # atezolizumab and 425 patients were assigned to receive docetaxel.' ... 'Fewer patients had
    # treatment-related grade 3 or 4 adverse events with atezolizumab (90 [15%] of 609 patients) versus
    # docetaxel (247 [43%] of 578 patients).' (before: refused as counting more than an arm was given)
    text = (
        "Fewer patients had treatment-related grade 3 or 4 adverse events with atezolizumab (90 [15%] of 609 "
        "patients) versus docetaxel (247 [43%] of 578 patients)."
    )
    arms = _drug_arms("atezolizumab", "docetaxel")
    for arm in arms:
        arm.n_randomized = 425
    assert _ae_rows(text, arms) == [
        ("atezolizumab", None, "grade 3-4", True, 90, Decimal(15)),
        ("docetaxel", None, "grade 3-4", True, 247, Decimal(43)),
    ]
    # one figure of the whole trial stays no arm's: PMID28475456 (arm A: n = 112, arm B: n = 110) '...
    # occurred in 14 of 219 treated patients (all grades, 6%; grade >= 3, 3%)'
    trial = read_document(POOL / "PMID28475456.txt").trial
    assert [e for e in trial.adverse_events if e.count == 14 or e.n_analysed == 219] == []


def test_an_event_named_for_the_radiation_that_causes_it_is_treatment_related():
    # PMID17374834: '... one patient died of radiation pneumonitis.'; PMID17551299: 'The radiation pneumonitis
    # rate in patients with IFI was lower than in patients with ENI (17% vs. 29%, P = 0.044)' (before: both counted as
    # events of any cause)
    deaths = read_document(POOL / "PMID17374834.txt").trial.adverse_events
    assert [(e.category, e.term, e.treatment_related, e.count) for e in deaths] == [
        ("grade 5", "radiation pneumonitis", True, 1)
    ]
    rates = read_document(POOL / "PMID17551299.txt").trial.adverse_events
    assert [(e.term, e.treatment_related, e.percent) for e in rates] == [
        ("radiation pneumonitis", True, Decimal("17")),
        ("radiation pneumonitis", True, Decimal("29")),
    ]


def test_toxicities_are_the_treatments_effects(read):
    # benchmarks/unseen PMID22285168 (EURTAC; its gold marks these treatment-related; before: not)
    design = (
        "We randomly allocated participants (1:1) according to a computer-generated allocation schedule to receive "
        "oral erlotinib 150 mg per day or 3 week cycles of standard intravenous chemotherapy of cisplatin 75 mg/m(2) "
        "on day 1 plus docetaxel (75 mg/m(2) on day 1) or gemcitabine (1250 mg/m(2) on days 1 and 8)."
    )
    results = (
        "Main grade 3 or 4 toxicities were rash (11 [13%] of 84 patients given erlotinib vs none of 82 patients in "
        "the chemotherapy group), neutropenia (none vs 18 [22%]), anaemia (one [1%] vs three [4%]), and increased "
        "amino-transferase concentrations (two [2%] vs 0)."
    )
    events = read("", ("METHODS", design), ("FINDINGS", results)).trial.adverse_events
    rash = [(e.category, e.treatment_related, e.count, e.percent) for e in events if e.term == "rash"]
    assert rash[0] == ("grade 3-4", True, 11, Decimal("13"))
    assert all(e.treatment_related for e in events)
