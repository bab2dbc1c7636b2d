"""kg.extraction.populations: subgroups named by a label, the second of two groups set side by
side, bounds printed as signs, and the population a primary endpoint is defined in.

Sentences quoted from ../shared/data (PMID beside them).
"""

from __future__ import annotations

from decimal import Decimal

from pool_pages import trial_of

from kg.extraction.populations import labelled_phrases, primary_population
from kg.extraction.subgroups import subgroup_phrases
from kg.extraction.text import normalise, sentences


def test_the_second_of_two_groups_takes_its_own_bracket():
    # PMID20400121: 'in patients with 1A (P = .33) or IB disease (P = .69)'
    tests = [
        (c.p_value, c.subgroup)
        for c in trial_of("20400121").comparisons
        if c.statistic == "p_value" and c.p_value in (Decimal("0.33"), Decimal("0.69"))
    ]
    assert tests == [(Decimal("0.33"), "1A"), (Decimal("0.69"), "IB disease")]


def test_a_bound_in_words_is_printed_as_its_sign():
    # PMID27718847
    text = normalise(
        "CONCLUSIONS: In patients with advanced NSCLC and PD-L1 expression on at least 50% of tumor cells, "
        "pembrolizumab was associated with significantly longer progression-free and overall survival and "
        "with fewer adverse events than was platinum-based chemotherapy."
    )
    assert [p.who for p in subgroup_phrases(text)] == [
        "advanced NSCLC and PD-L1 expression on ≥50% of tumor cells"
    ]


def test_a_population_named_by_its_label_is_a_subgroup_an_analysis_set_is_not():
    # PMID26629423
    text = normalise(
        "In the metastatic population, radiation therapy has the ability to provide durable local control "
        "and also augment the immune response of systemic agents, which may lead to an abscopal effect of "
        "immune-mediated tumor response in disease sites outside of the radiation field in select patients."
    )
    assert [who for _s, _e, who in labelled_phrases(text)] == ["metastatic"]
    # PMID26708155
    text = normalise(
        "Response endpoints were assessed in the response-evaluable population (ie, patients with measurable "
        "disease at baseline who received at least one dose of study drug), and efficacy and safety analyses "
        "were done in the intention-to-treat population (all enrolled patients)."
    )
    assert labelled_phrases(text) == []


def test_a_ratio_s_qualifier_or_endpoint_is_no_label():
    # PMID24331154, PMID22753901, PMID17485133
    for text in (
        "Cisplatin-based chemotherapy led to more frequent grade 3 or 4 of nausea and vomiting, and "
        "nephrotoxicity (OR, 0.39; 95%CI, 0.30-0.52; P<0.00001 and OR, 0.31; 95%CI, 0.17-0.56; P=0.0001)",
        "for the 268 (65%) of 410 patients assigned to placebo (adjusted HR 0.78, 0.64-0.95; p=0.016).",
        "In small-cell lung cancer (SCLC; two trials, 685 patients), similar results were found: OS, HR = 0.87, "
        "95% CI, 0.74 to 1.02, P = .08; PFS, HR = 0.88, 95% CI, 0.75 to 1.03, P = .11.",
    ):
        assert labelled_phrases(normalise(text)) == []


def _primary(text: str) -> str | None:
    return primary_population(sentences("METHODS", text), subgroup_phrases)


def test_the_one_population_a_primary_endpoint_is_defined_in_is_the_trial_s():
    # PMID21783417
    assert (
        _primary(
            "The primary outcome was progression-free survival, analysed in patients with confirmed disease "
            "who received at least one dose of study treatment."
        )
        == "confirmed disease"
    )
    # PMID20493771: the whole population is analysed too
    assert (
        _primary(
            "Co-primary endpoints were progression-free survival (PFS) in all analysable patients irrespective "
            "of EGFR status, and PFS in patients whose tumours had EGFR protein overexpression, as determined "
            "by immunohistochemistry."
        )
        is None
    )
    # PMID19027483
    assert (
        _primary(
            "The primary objective was to compare overall survival between the groups with co-primary analyses "
            "to assess non-inferiority in the overall per-protocol population and superiority in patients with "
            "high epidermal growth factor receptor (EGFR)-gene-copy number in the intention-to-treat population."
        )
        is None
    )


def test_a_sentence_opening_on_patients_named_by_what_they_are():
    # PMID23735703
    text = normalise(
        "In responders, the dose intensity of Cycles 3 and 4 was higher in the PRE group than in the PERI group "
        "(mean relative dose intensity of 90.4% versus 82.6%, respectively; p=0.0007)."
    )
    assert [p.who for p in subgroup_phrases(text)] == ["responders"]
    # PMID19027483: patients with a trait, read as before
    text = normalise(
        "The primary objective was to compare overall survival between the groups with co-primary analyses to "
        "assess non-inferiority in the overall per-protocol population and superiority in patients with high "
        "epidermal growth factor receptor (EGFR)-gene-copy number in the intention-to-treat population."
    )
    assert [who for _s, _e, who in labelled_phrases(text)] == []
