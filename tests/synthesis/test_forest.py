"""Forest plots: figures as printed, squares and bars where a log axis puts them, text escaped."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from kg.synthesis.forest import Line, forest_svg

SVG = "{http://www.w3.org/2000/svg}"


def _plot(*lines: Line) -> ET.Element:
    return ET.fromstring(forest_svg(list(lines), "HR", "test plot"))


def test_squares_and_bars_sit_on_a_log_axis_with_the_line_of_no_effect():
    root = _plot(
        Line("A", "x vs y", Decimal("0.5"), Decimal("0.25"), Decimal("1")),
        Line("B", "x vs y", Decimal("2"), Decimal("1"), Decimal("4")),
    )
    ticks = {
        t.text: float(t.get("x"))
        for t in root.iter(f"{SVG}text")
        if t.get("font-size") == "11" and t.get("text-anchor") == "middle"
    }
    unit = (ticks["1"] - ticks["0.5"]) / math.log(2)
    assert ticks["2"] - ticks["1"] == pytest.approx(ticks["1"] - ticks["0.5"], abs=0.2)
    squares = [float(r.get("x")) + 5 for r in root.iter(f"{SVG}rect") if r.get("width") == "10"]
    assert squares == pytest.approx(
        [ticks["1"] + math.log(0.5) * unit, ticks["1"] + math.log(2) * unit], abs=0.2
    )
    dashed = [ln for ln in root.iter(f"{SVG}line") if ln.get("stroke-dasharray")]
    assert len(dashed) == 1 and float(dashed[0].get("x1")) == round(ticks["1"], 1)
    ratios = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "ratio"]
    assert ratios == ["0.5 (0.25\u20131)", "2 (1\u20134)"]


def test_other_confidence_levels_are_marked_and_labels_are_escaped_and_linked():
    root = _plot(Line("<b>T</b>", "a & b", Decimal("0.8"), Decimal("0.56"), Decimal("1.14"), 80, "t.html"))
    assert [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "ratio"] == [
        "0.8 (0.56\u20131.14) 80%"
    ]
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == "t.html"
    assert [s.text for s in link.iter(f"{SVG}tspan")] == ["<b>T</b>", " a & b"]


def test_long_comparisons_are_cut_before_the_plot_and_kept_whole_in_the_tooltip():
    detail = "selumetinib + docetaxel vs placebo + docetaxel " * 3
    root = _plot(Line("NCT00890825", detail, Decimal("0.8"), Decimal("0.56"), Decimal("1.14")))
    shown = [s.text for s in root.iter(f"{SVG}tspan")][1]
    assert shown.endswith("\u2026") and len(shown) < len(detail)
    assert next(root.iter(f"{SVG}title")).text == "test plot"
    assert [t.text for t in root.iter(f"{SVG}title")][1] == f"NCT00890825 {detail}".strip()
