"""Figures as people read them, the same in every place that shows one: the web pages, the
forest plots (web and synthesis) and ``ctkg summary``.

A value is shown as the source printed it (the store keeps 0.80 as 0.8, and that is how it
shows), a yes/no question as yes or no, a time or a rate with its unit in words.  Machine
formats keep their own rules (CSV cells in kg.queries, R's NA in kg.synthesis.exports).
"""

from __future__ import annotations

from decimal import Decimal

UNIT_NAMES = {
    "month": "months",
    "week": "weeks",
    "year": "years",
    "day": "days",
    "hour": "hours",
    "minute": "minutes",
    "percent": "%",
}


def number(value: Decimal | float | int | None) -> str:
    """A figure as the source printed it: no exponent, no trailing zeros; '' when missing."""
    if value is None:
        return ""
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def text(value, missing: str = "") -> str:
    """Any value of a query row: a figure by ``number``, a boolean as yes or no, ``missing``
    for no value."""
    if value is None:
        return missing
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return number(value)
    return str(value)


def with_unit(figure: str, unit: str | None) -> str:
    """A figure and its unit in words: '10.7 months', '38.4%' (a unit without a word as given)."""
    name = UNIT_NAMES.get(str(unit or ""), str(unit or ""))
    return f"{figure}{name}" if name == "%" else f"{figure} {name}".strip()


def ratio_text(estimate, lower, upper) -> str:
    """A ratio with its interval: '0.88 (0.68–1.16)'."""
    return f"{number(estimate)} ({number(lower)}\u2013{number(upper)})"
