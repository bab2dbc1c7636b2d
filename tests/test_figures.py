"""Figures as people read them (kg.figures): as the source printed them, with units in words.
The values are CONTACT-01's (PMID 38552197): "HR 0.88 [95% CI 0.68-1.16]" for overall
survival, "10.7 months" median overall survival with atezolizumab + cabozantinib, serious
adverse events in 38.4%."""

from __future__ import annotations

from decimal import Decimal

from kg.figures import number, ratio_text, text, with_unit


def test_figures_keep_their_printed_form():
    assert ratio_text(Decimal("0.88"), Decimal("0.68"), Decimal("1.16")) == "0.88 (0.68\u20131.16)"
    assert number(Decimal("13")) == "13"
    assert number(Decimal("1E+1")) == "10"
    assert number(Decimal("0.80")) == "0.8"
    assert number(None) == ""


def test_any_value_of_a_row_reads_as_text():
    assert text(Decimal("10.7")) == "10.7"
    assert text(True) == "yes" and text(False) == "no"
    assert text(None) == "" and text(None, missing="?") == "?"
    assert text(185) == "185"


def test_units_are_words_and_percent_is_a_sign():
    assert with_unit("10.7", "month") == "10.7 months"
    assert with_unit("38.4", "percent") == "38.4%"
    assert with_unit("3", "cycle") == "3 cycle"
    assert with_unit("0.88", None) == "0.88"
