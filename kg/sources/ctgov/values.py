"""Reading a registry record's values: numbers as published, words and enumerations, dates.

Every reader of the package goes through these, so one record's "NA", "1,234", "<0.001",
"Placebo Comparator" and "PLACEBO_COMPARATOR" mean the same in all three formats.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

Study = dict[str, Any]


def get(data: Any, *keys: str) -> Any:
    """data[k1][k2]...; None where a level is missing or not a mapping."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def words(value: Any) -> str | None:
    """Text with its white space collapsed; None for nothing."""
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def enum(value: Any) -> str | None:
    """'Placebo Comparator' -> 'PLACEBO_COMPARATOR'; an API v2 enumeration stays as it is."""
    text = words(value)
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_") or None if text else None


def integer(value: Any) -> int | None:
    """A whole number as published ('1,234' too); None for anything else."""
    number, _ = decimal(value)
    if number is None or number.adjusted() > 18 or number != number.to_integral_value():
        return None  # '1e309' or 5,000 digits: no count a registry means
    return int(number)


def decimal(value: Any) -> tuple[Decimal | None, bool]:
    """(number, not-reached flag): "NA" and other words are a flag, never a number; a
    thousands separator is read ('1,234'); an empty value is neither."""
    text = str(value).strip() if value is not None and not isinstance(value, bool) else ""
    if not text:
        return None, False
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, True
    return (number, False) if number.is_finite() else (None, True)  # 'Infinity', 'NaN': words


def p_value(value: Any) -> tuple[Decimal | None, str | None]:
    """'<0.001' -> (0.001, '<'); '0.62' -> (0.62, None); '0,001' (a decimal comma: a p-value
    is at most 1) -> 0.001."""
    text = str(value or "").strip().replace(" ", "")
    text = re.sub(r"^([<>=≤≥]*)0,(\d+)$", r"\g<1>0.\2", text)
    m = re.fullmatch(r"(<=|>=|<|>|=|≤|≥)?(\d*\.?\d+)", text)
    if not m:
        return None, None
    return Decimal(m.group(2)), m.group(1) if m.group(1) and m.group(1) != "=" else None


DATE_FORMATS = ("%Y-%m-%d", "%Y-%m", "%B %d, %Y", "%B %Y", "%b %d, %Y")


def iso_date(value: Any) -> str | None:
    """'December 22, 2017' -> '2017-12-22', '2020-05-07' stays; None when unreadable."""
    text = words(value)
    for fmt in DATE_FORMATS if text else ():
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.strftime("%Y-%m-%d" if "%d" in fmt else "%Y-%m")
    return None
