"""Between-arm tests of adverse-event figures (kg.extraction.ae_tests), on real pages."""

from decimal import Decimal
from pathlib import Path

import pyoxigraph

from kg.build import build
from kg.extraction.ae_reader import Memory, about_events
from kg.extraction.ae_tests import event_endpoint
from kg.model import AdverseEventSummary
from kg.queries import load_query, run
from kg.sources import read_document

POOL = Path(__file__).parents[1] / "fixtures" / "pool"


def p_value_tests(page: str) -> list[tuple]:
    """The p-value tests a page's sentences about adverse events gave."""
    path = POOL / page if (POOL / page).exists() else POOL.parent / "abstracts" / page
    trial = read_document(path).trial
    return [
        (c.endpoint, c.arm, c.comparator, c.p_value, c.p_value_qualifier)
        for c in trial.comparisons
        if c.statistic == "p_value" and c.evidence is not None and about_events(c.evidence.sentence, Memory())
    ]


def test_a_p_value_after_a_pair_of_figures_compares_their_arms():
    # PMID16603599: 'Grade 3/4 neutropenia (74% versus 43%, P < 0.005), infection (18% versus 9%,
    # P = 0.01) and mucositis (5% versus 1%, P = 0.02) were more common with DCb than MIC/MVP.'
    dcb, mic = "docetaxel + carboplatin", "mitomycin + ifosfamide + cisplatin + vinblastine"
    assert p_value_tests("PMID16603599.txt") == [
        ("grade 3-4 neutropenia", dcb, mic, Decimal("0.005"), "<"),
        ("grade 3-4 infection", dcb, mic, Decimal("0.01"), None),
        ("grade 3-4 mucositis", dcb, mic, Decimal("0.02"), None),
    ]


def test_respectively_between_the_pair_and_its_p_value_and_the_experimental_arm_first():
    # PMID19433683: '... more grade 3 to 4 hematologic toxicity than patients who received
    # pemetrexed/carboplatin, including leukopenia (46% v 23%, respectively; P < .001), neutropenia
    # (51% v 40%, respectively; P = .024), and thrombocytopenia (56% v 24%, respectively; P < .001).'
    pc, gc = "pemetrexed + carboplatin", "gemcitabine + carboplatin"
    assert p_value_tests("PMID19433683.txt") == [
        ("treatment-related grade 3-4 leukopenia", pc, gc, Decimal("0.001"), "<"),
        ("treatment-related grade 3-4 neutropenia", pc, gc, Decimal("0.024"), None),
        ("treatment-related grade 3-4 thrombocytopenia", pc, gc, Decimal("0.001"), "<"),
    ]


def test_the_term_and_the_test_of_a_slashed_event():
    # PMID15364136: '... a significantly greater incidence of leucopenia (53% versus 19%, P = 0.009
    # by means of chi(2) test) and nausea/vomiting (39% versus 15%, P = 0.044 by means of chi(2) test).'
    got = p_value_tests("PMID15364136.txt")
    assert [(c[0], c[3]) for c in got] == [
        ("treatment-related grade 3-4 leucopenia", Decimal("0.009")),
        ("treatment-related grade 3-4 nausea/vomiting", Decimal("0.044")),
    ]


def test_a_p_value_for_all_comparisons_tests_no_pair():
    # PMID21264827: '(3D-CRT, 30% and 18%; IMRT, 9% and 44%; P<.001 for all)'
    assert p_value_tests("PMID21264827.txt") == []


def test_endpoint_names():
    def row(category, term, related=False):
        return AdverseEventSummary(
            arm="a", category=category, term=term, treatment_related=related, percent=1
        )

    assert event_endpoint(row("any", "leucopenia")) == "leucopenia"
    assert event_endpoint(row("grade 3-4", "neutropenia")) == "grade 3-4 neutropenia"
    assert event_endpoint(row("grade >=3", None, True)) == "treatment-related grade >=3 adverse events"
    assert event_endpoint(row("grade 3-4", "laboratory")) == "grade 3-4 laboratory adverse events"
    assert (
        event_endpoint(row("leading to discontinuation", None)) == "adverse events leading to discontinuation"
    )


def test_p_values_printed_right_after_event_names():
    # PMID11432888: 'Grade 3 and 4 leukopenia (P =.002) and neutropenia (P =.008) occurred more
    # frequently on the VC arm. Grade 3 nausea and vomiting were higher on the VC arm (P =.001, P =.007),
    # and grade 3 peripheral neuropathy was higher on the PC arm (P <.001). More patients on the VC arm
    # discontinued therapy because of toxicity (P =.001).' (two p-values in one parenthesis test the
    # two events named, in order)
    pc, vc = "paclitaxel + carboplatin", "vinorelbine + cisplatin"
    assert p_value_tests("PMID11432888.txt") == [
        ("grade 3-4 leukopenia", pc, vc, Decimal("0.002"), None),
        ("grade 3-4 neutropenia", pc, vc, Decimal("0.008"), None),
        ("grade 3 nausea", pc, vc, Decimal("0.001"), None),
        ("grade 3 vomiting", pc, vc, Decimal("0.007"), None),
        ("grade 3 peripheral neuropathy", pc, vc, Decimal("0.001"), "<"),
        ("treatment-related adverse events leading to discontinuation", pc, vc, Decimal("0.001"), None),
    ]
    # PMID11697832: 'Grade 3 + 4 toxicity was significantly higher in the PV-group for leukopenia
    # (P = 0.0003), neutropenia (P < 0.0001), nausea/vomiting (P = 0.0006), alopecia (P < 0.0001), and
    # neurotoxicity (P = 0.04).'
    got = [(c[0], c[3], c[4]) for c in p_value_tests("PMID11697832.txt")]
    assert got == [
        ("treatment-related grade 3-4 leukopenia", Decimal("0.0003"), None),
        ("treatment-related grade 3-4 neutropenia", Decimal("0.0001"), "<"),
        ("treatment-related grade 3-4 nausea/vomiting", Decimal("0.0006"), None),
        ("treatment-related grade 3-4 alopecia", Decimal("0.0001"), "<"),
        ("treatment-related grade 3-4 neurotoxicity", Decimal("0.04"), None),
    ]


def test_a_grade_does_not_cross_a_semicolon():
    # PMID18506025: 'For cisplatin/pemetrexed, rates of grade 3 or 4 neutropenia, anemia, and
    # thrombocytopenia (P <or= .001); febrile neutropenia (P = .002); and alopecia (P < .001) were
    # significantly lower, whereas grade 3 or 4 nausea (P = .004) was more common.'
    got = [(c[0], c[3], c[4]) for c in p_value_tests("PMID18506025.txt")]
    assert got == [
        ("grade 3-4 neutropenia", Decimal("0.001"), "≤"),
        ("grade 3-4 anemia", Decimal("0.001"), "≤"),
        ("grade 3-4 thrombocytopenia", Decimal("0.001"), "≤"),
        ("febrile neutropenia", Decimal("0.002"), None),
        ("alopecia", Decimal("0.001"), "<"),
        ("grade 3-4 nausea", Decimal("0.004"), None),
    ]


def test_no_test_for_groups_that_are_no_arms_nor_for_symptom_scores():
    # PMID11830607: 'Leukopenia (P<.001) and neuropsychiatric toxicity (P =.002) were more common in
    # elderly men than in younger men'; PMID23328549: 'a ... proportion of afatinib-treated patients
    # showed an improvement in cough (p < 0.0001), dyspnea (p = 0.006), and pain (p < 0.0001).'
    assert p_value_tests("PMID11830607.txt") == []
    # (the efficacy reader's 'improvement in cough' tests are another fact, of a symptom scale)
    assert [c for c in p_value_tests("PMID23328549.txt") if c[0] in ("cough", "dyspnea", "pain")] == []


def test_an_adverse_event_test_is_loaded_and_queried_like_an_efficacy_test():
    # PMID16603599: 'Grade 3/4 neutropenia (74% versus 43%, P < 0.005)' through mapping, SHACL and the
    # bundled efficacy-results query
    store = pyoxigraph.Store()
    build([POOL / "PMID16603599.txt"], store, progress=lambda _m: None)
    rows = [
        r for r in run(store, load_query("efficacy-results")).rows if r["endpoint"] == "grade 3-4 neutropenia"
    ]
    assert [(r["statistic"], r["p_value"], r["p_value_qualifier"], r["evidence"]) for r in rows] == [
        ("p_value", Decimal("0.005"), "<", "P < 0.005")
    ]


def test_grades_outside_the_common_categories_are_read_with_their_test():
    # PMID15226327: 'Grade 2/3 anemia was significantly higher with DC than with D (33% v 16%; P =.0001).'
    dc, d = "docetaxel + cisplatin", "docetaxel"
    assert ("grade 2-3 anemia", dc, d, Decimal("0.0001"), None) in p_value_tests("PMID15226327.txt")
    rows = read_document(POOL / "PMID15226327.txt").trial.adverse_events
    assert [(e.arm, e.category, e.term, e.percent) for e in rows if e.category == "grade 2-3"] == [
        (dc, "grade 2-3", "anemia", Decimal("33")),
        (d, "grade 2-3", "anemia", Decimal("16")),
    ]
    # PMID23165743: 'Significant differences in acute grade 2 through 4 toxicity (20% vs 10% for
    # MFRT vs SFRT, respectively; P = .01) ...'
    sfrt, mfrt = "single-fraction radiotherapy", "multifraction radiotherapy"
    assert p_value_tests("PMID23165743.txt")[0] == (
        "treatment-related grade 2-4 adverse events",
        sfrt,
        mfrt,
        Decimal("0.01"),
        None,
    )
    rows = read_document(POOL / "PMID23165743.txt").trial.adverse_events
    assert [(e.arm, e.category, e.term, e.percent) for e in rows][:2] == [
        (mfrt, "grade 2-4", None, Decimal("20")),
        (sfrt, "grade 2-4", None, Decimal("10")),
    ]


def test_a_pair_read_respectively_after_a_named_pair_takes_its_order_and_its_test():
    # PMID23165743: 'Significant differences in acute grade 2 through 4 toxicity (20% vs 10% for
    # MFRT vs SFRT, respectively; P = .01) and acute grade 2 through 4 gastrointestinal toxicity
    # (14% vs 6%, respectively; P = .01) were observed at 3 months, ...' ('at 3 months' is when,
    # not a group of patients)
    sfrt, mfrt = "single-fraction radiotherapy", "multifraction radiotherapy"
    rows = read_document(POOL / "PMID23165743.txt").trial.adverse_events
    assert [(e.arm, e.category, e.term, e.percent) for e in rows if e.term] == [
        (mfrt, "grade 2-4", "gastrointestinal", Decimal("14")),
        (sfrt, "grade 2-4", "gastrointestinal", Decimal("6")),
    ]
    assert p_value_tests("PMID23165743.txt")[1] == (
        "treatment-related grade 2-4 gastrointestinal adverse events",
        sfrt,
        mfrt,
        Decimal("0.01"),
        None,
    )


def test_a_pair_before_the_statement_ranking_its_arm_goes_by_its_figures():
    # PMID22547605: 'Incidence of grades 3 to 4 hematologic (2% v 49%; P < .001) and
    # nonhematologic (24% v 52%; P < .001) toxicity was greater in patients treated with ECP.'
    ecp, e = "carboplatin + paclitaxel + erlotinib", "erlotinib"
    rows = read_document(POOL / "PMID22547605.txt").trial.adverse_events
    assert [(r.arm, r.category, r.term, r.percent) for r in rows] == [
        (e, "grade 3-4", "hematologic", Decimal("2")),
        (ecp, "grade 3-4", "hematologic", Decimal("49")),
        (e, "grade 3-4", "nonhematologic", Decimal("24")),
        (ecp, "grade 3-4", "nonhematologic", Decimal("52")),
    ]
    assert p_value_tests("PMID22547605.txt") == [
        ("grade 3-4 hematologic adverse events", ecp, e, Decimal("0.001"), "<"),
        ("grade 3-4 nonhematologic adverse events", ecp, e, Decimal("0.001"), "<"),
    ]


def test_a_class_of_events_and_the_next_item_of_a_tested_list_take_their_p_values():
    # PMID11309437: 'Mucocutaneous toxicity (P<.001) and noncompliance (40% versus 25% at 3 years)
    # were higher in the isotretinoin arm than in the placebo arm.' ('at 3 years' dates the
    # noncompliance figures)
    assert (
        "treatment-related mucocutaneous adverse events",
        "isotretinoin",
        "placebo",
        Decimal("0.001"),
        "<",
    ) in p_value_tests("PMID11309437.txt")
    # PMID15226327: 'Grade 3/4 nausea/vomiting (P =.0001), diarrhea (P =.007), neurotoxicity
    # (P =.017), and nephroroxicity (P =.006) were significantly more common with DC than with D.'
    dc, d = "docetaxel + cisplatin", "docetaxel"
    assert [t for t in p_value_tests("PMID15226327.txt") if t[0].startswith("grade 3-4")] == [
        ("grade 3-4 nausea/vomiting", dc, d, Decimal("0.0001"), None),
        ("grade 3-4 diarrhea", dc, d, Decimal("0.007"), None),
        ("grade 3-4 neurotoxicity", dc, d, Decimal("0.017"), None),
        ("grade 3-4 nephroroxicity", dc, d, Decimal("0.006"), None),
    ]


def test_a_one_word_label_between_a_pair_and_its_p_value_and_a_class_before_g3_4():
    # PMID23161898: '... hematological G3/4 toxic effects were 10% (CPx) and 74% (CVb) (P < 0.001),
    # non-hematological toxic effects were comparable (33% and 31%, P = 0.798).'
    cpx, cvb = "cisplatin + pemetrexed", "cisplatin + vinorelbine"
    rows = read_document(POOL / "PMID23161898.txt").trial.adverse_events
    assert [(e.arm, e.term, e.percent) for e in rows][:2] == [
        (cpx, "hematological", Decimal("10")),
        (cvb, "hematological", Decimal("74")),
    ]
    assert [t for t in p_value_tests("PMID23161898.txt") if t[0].endswith("adverse events")] == [
        ("treatment-related grade 3-4 hematological adverse events", cpx, cvb, Decimal("0.001"), "<"),
        ("treatment-related grade 3-4 non-hematological adverse events", cpx, cvb, Decimal("0.798"), None),
    ]
