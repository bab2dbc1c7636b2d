import re
from decimal import Decimal

from kg.extraction.text import Cued, dec, normalise, sentences


def test_number_words_become_digits():
    assert normalise("One hundred eighty-six patients") == "186 patients"
    assert normalise("in four [2.2%] and one [0.6%]") == "in 4 [2.2%] and 1 [0.6%]"
    assert normalise("Three hundred five patients") == "305 patients"


def test_separators_and_dots_are_normalised():
    assert normalise("1,200 mg and 9·4 months, 100 mg/m(2)") == "1200 mg and 9.4 months, 100 mg/m2"
    assert normalise("3 mg per kilogram of body weight") == "3 mg/kg"


def test_sentences_do_not_break_at_vs_or_leading_decimal():
    text = "Median OS was 11.3 vs. 10.1 months (P = .3668). Grade 5 AEs occurred in 14."
    assert [s.text for s in sentences("Results", text)] == [
        "Median OS was 11.3 vs. 10.1 months (P = .3668).",
        "Grade 5 AEs occurred in 14.",
    ]


def test_dec_keeps_printed_precision():
    assert dec(".3668") == Decimal("0.3668") and str(dec("13.0")) == "13.0"


def test_a_square_metre_whose_superscript_the_page_dropped_is_still_one():
    # PMID18520802 (tests/fixtures/pool), as printed; PMID18978563 (pool) 'paclitaxel (45 mg/m) was
    # initiated'; a pool page's 'area under the curve of 6 mg/mL * min' stays
    assert normalise("either PPX (210 mg/m/10 min without routine steroid premedication)") == (
        "either PPX (210 mg/m2/10 min without routine steroid premedication)"
    )
    assert normalise("and paclitaxel (45 mg/m) was initiated") == "and paclitaxel (45 mg/m2) was initiated"
    assert normalise("area under the curve of 6 mg/mL * min") == "area under the curve of 6 mg/mL * min"


def test_money_reads_as_a_figure_with_its_currency_code_after_it():
    # PMC3046916: '(difference £427, 95% CI: £56 - £787, p < 0.001)'; PMC3503752: '[95% CI = −£97, £149'
    assert normalise("(difference £427, 95% CI: £56 - £787, p < 0.001)") == (
        "(difference 427 GBP, 95% CI: 56 GBP - 787 GBP, p < 0.001)"
    )
    assert normalise("[95% CI = −£97, £149") == "[95% CI = -97 GBP, 149 GBP"
    # PMID24210834: 'The average cost of inpatient procedures with RATS was $25,040.70 versus $20,476.60 for VATS'
    assert (
        normalise("was $25,040.70 versus $20,476.60 for VATS")
        == "was 25040.70 USD versus 20476.60 USD for VATS"
    )


def test_a_span_of_the_normal_form_is_shown_in_the_words_printed():
    # CONTACT-01 (../shared/seeds/contact-01.pubmed.txt): the first sentence has its number words
    # replaced, the second nothing, so its normal form is its text and it keeps no map
    text = (
        "One hundred eighty-six patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel. "
        "Minimum OS follow-up was 10.9 months."
    )
    words, plain = sentences("Results", text)
    assert words.norm.startswith("186 patients")
    assert words.printed(0, 3) == (0, len("One hundred eighty-six"))
    assert words.evidence(4, 12).start == len("One hundred eighty-six ")
    assert plain.norm == plain.text and plain.origin == ()
    at = plain.norm.index("10.9")
    assert plain.printed(at, at + 4) == (at, at + 4)
    assert plain.printed(0, 0) == (0, len(plain.text)) == plain.printed(0, len(plain.text) + 5)


def test_a_cued_pattern_is_sought_only_where_a_cue_is_printed():
    # PMID14581415 (../shared/data/abstracts): its title announces three arms in capitals
    title = "Three-arm randomized study of two cisplatin-based regimens and paclitaxel plus gemcitabine"
    arms = Cued(re.compile(r"(?i)\b(two|three)[- ]arm\b"), ("arm",))
    assert arms.search(title).group(1) == "Three"
    # a cue every match holds is a precondition: without it the pattern is not tried at all
    assert Cued(re.compile(r"(?i)\b(two|three)[- ]arm\b"), ("absent",)).search(title) is None


def test_slanted_comparison_signs_read_as_the_plain_ones():
    # PMC3608893 (benchmarks/pmc/arms/dev-36; jayded/evidence-inference, MIT): U+2A7E, as some journals set it
    text = (
        "Significantly more PCD than DSME participants lost \u2a7e5% of initial weight (54.0% vs 14.0%, "
        "P<0.0001) and \u2a7e10% (26.0% vs 6.0%, P<0.0001)."
    )
    (s,) = sentences("RESULTS", text)
    assert "lost \u22655% of initial weight" in s.norm and "and \u226510%" in s.norm
    at = s.norm.index("\u22655%")
    assert s.printed(at, at + 3) == (at, at + 3)  # one sign for one: the spans stay where they were
