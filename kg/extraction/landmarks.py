"""The landmark time each per-arm figure is reported at: printed before it ('the 12-month ...
rate was'), after it ('54 percent at 1 year'), heading a list ('At 1 year, ...'), or listed for
a list of figures in turn ('Two-, 3-, and 5-year survival rates ... (34.6%, 22.3% and 15.8%)',
'surviving after years 1 through 7 were 54, 26, ...'). In months; weeks stay weeks."""

from __future__ import annotations

import re

from kg.extraction.figure_item import Item

__all__ = ["landmark", "landmark_weeks", "landmarks", "listed_landmarks"]

# ('During the last 4 weeks of treatment (weeks 9-12), 43.9% ...': a window at the end, no landmark)
_LANDMARK = re.compile(
    # ('8 months and 31%' is a median and a rate, no landmark)
    r"(?i)(?<![\d.])(?<!\blast\s)(?<!\bfinal\s)(?<!\bpast\s)(\d+)(?:\s?-|\s)(year|month|week)s?\b"
    r"(?!\s+(?:and|or|vs\.?|versus)(?:\s+\d|\s*$))(?:[- ](?:rates?\s+of\s+)?)|\b(?:at|after|by|through)\s+(\d+)\s+(year|month|week)s?\b"
    r"|\b(week|day)\s+(\d+)\b"  # 'The week 52 CAR', 'cure rates by day 42'
    r"|\bweeks\s+\d+\s*(?:-|–|through|to)\s*(\d+)\b"  # 'For weeks 9 through 24, 29.7% ...': at its end
    r"|(?<![\d.])(\d+)-day\b|\b(?:at|after|by)\s+(\d+)\s+days\b"  # '30-day mortality', 'control at 30 days'
)
# an age is no landmark: 'median age 61 years (range 51-74), gender male (n = 13, 65%)'
_AGE = re.compile(r"(?i)\bage[ds]?\s*(?:was|of|:|,|=)?\s*$")
_LANDMARK_AFTER = re.compile(r"(?i)^\s*,?\s*(?:at|after|by)\s+(\d+)\s+(year|month|week|day)s?\b")


def landmark(before: str, after: str = "") -> str | None:
    """The landmark time of a figure: '1-year survival 46%', 'the 12-month ... rate was',
    'survival ... was 54 percent at 1 year', 'The week 52 CAR ...': in months (weeks stay
    weeks)."""
    m = _LANDMARK_AFTER.match(after)
    if m:
        return _as_time(m.group(1), m.group(2))
    start = max(
        0, len(before) - 90
    )  # the window's start sees what precedes it: not '9 months' of '5.9 months'
    hits = [h for h in _LANDMARK.finditer(before, start) if not _AGE.search(before, start, h.start())]
    if not hits:
        return None
    h = hits[-1]
    if h.group(6):
        return f"{int(h.group(6))} {h.group(5).lower()}s"
    if h.group(7):
        return f"{int(h.group(7))} weeks"
    if h.group(8) or h.group(9):
        return f"{int(h.group(8) or h.group(9))} days"
    n, unit = (h.group(1), h.group(2)) if h.group(1) else (h.group(3), h.group(4))
    return _as_time(n, unit)


def landmark_weeks(timepoint: str | None) -> float:
    """Where a landmark this module writes ('12 weeks', '24 months', '42 days') lies in time, in
    weeks, to order landmarks; no landmark comes first."""
    if timepoint is None:
        return -1.0
    m = re.match(r"(\d+(?:\.\d+)?)\s*(month|week|day|year)", timepoint)
    if m is None:
        return float("inf")
    return float(m.group(1)) * {"month": 4.345, "week": 1.0, "day": 1 / 7, "year": 52.14}[m.group(2)]


def _as_time(n: str, unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("week"):
        return f"{int(n)} weeks"
    if unit.startswith("day"):
        return f"{int(n)} days"
    months = int(n) * (12 if unit.startswith("y") else 1)
    return f"{months} month" if months == 1 else f"{months} months"


def landmarks(text: str, found: list[Item]) -> None:
    """Each rate's or count's landmark time (a median or mean time is none): printed right
    after it ('54 percent at 1 year'), or before it since the figure before; a landmark that
    leads a list ('At 1 year, the rate was 51% ... versus 39%') holds for the whole list, one
    printed after a figure ('..., 26 percent at 2 years') for that figure only; one heading a
    list after a colon holds across the ';' that parts its items; one that ends the bracket a
    figure is in holds for each figure of the bracket ('(72.8% vs. 46.8% of the patients had an
    ongoing response at 18 months)')."""
    since, shared, heads = 0, None, False
    paired = _MEDIAN_AND.search(text)
    for item in found:
        after = _LANDMARK_AFTER.match(text[item.end :])
        if item.statistic in ("rate", "count") or item.unit not in ("month", "week", "year", "day"):
            own = landmark(text[since : item.start], text[item.end :])
            if own is None and paired and paired.end() <= item.start and item.unit == "percent":
                own = _as_time(paired.group(1), paired.group(2))
            if own is None and shared and (heads or ";" not in text[since : item.start]):
                own = shared
            elif own is not None and not after:
                heads = bool(_HEADS_LIST.search(text, since, item.start))
            item.timepoint = own or _closing(text, item.end)
            shared = own if not after else None
            since = item.end + (after.end() if after else 0)
    _compared_after(text, found)


# '73% of patients in the SRS plus WBRT group were free from CNS recurrence at 1 year, compared with 27%':
# the landmark between two figures set against each other is both figures'
_THEN_COMPARED = re.compile(
    r"(?i)^[^;\d]*?\b(?:at|after|by)\s+(\d+)\s+(year|month|week|day)s?\b[^;\d]*?"
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than)\b[^;\d]*$"
)


def _compared_after(text: str, found: list[Item]) -> None:
    for first, second in zip(found, found[1:], strict=False):
        one = first.timepoint or second.timepoint
        if (
            one
            and not (first.timepoint and second.timepoint)
            and first.unit == second.unit
            and not _LANDMARK_AFTER.match(text[first.end :])  # '23 percent after 3 years': its own
        ):
            m = _THEN_COMPARED.match(text[first.end : second.start])
            if m and _as_time(m.group(1), m.group(2)) == one:
                first.timepoint = second.timepoint = one


# 'Median and 5-year overall survival ... were 16.4 versus 17.5 months and 15.7% versus 14%': the
# landmark of the rates however far after it they are printed
_MEDIAN_AND = re.compile(r"(?i)\bmedian\s+and\s+(\d+)[- ](year|month)s?\b")


# a landmark that ends a bracket: '(72.8% vs. 46.8% of the patients had an ongoing response at 18 months)'
_CLOSING = re.compile(r"(?i)\b(?:at|after|by)\s+(\d+)\s+(year|month|week)s?\s*$")


def _closing(text: str, end: int) -> str | None:
    """The landmark that ends the bracket a figure is printed in, with no ';' or other bracket
    on the way: every figure of the bracket is reported at it, not only the one beside it."""
    opened = max(text.rfind("(", 0, end), text.rfind("[", 0, end))
    if opened < 0 or max(text.rfind(")", opened, end), text.rfind("]", opened, end)) >= 0:
        return None
    close = re.compile(r"[()\[\];]").search(text, end)
    if close is None or close.group() not in ")]":
        return None
    # '(mean posterior probability of decline 52%) at 4 months than ...': or right after the bracket
    m = _CLOSING.search(text, end, close.start()) or _LANDMARK_AFTER.match(text[close.end() :])
    return _as_time(m.group(1), m.group(2)) if m else None


# a landmark heading a list of figures after a colon, whose items ';' parts: '(5-year survival:
# sequential, arm 1, 10% [...], 95% CI = 7% to 15%; concurrent, arm 2, 16% [...]; ...)', or before the
# bracket that holds the list: 'at week 12 [PASI 75, 70·2% vs. 54·3% (P = 0·01); PASI 50, 92·4% vs. ...'
_HEADS_LIST = re.compile(
    r"(?i)\d+[- ](?:year|month|week)s?\b[^;:.()\[\]]*:[^;:]*$"
    r"|(?:\b\d+[- ](?:year|month|week)s?|\b(?:at|after|by)\s+\d+\s+(?:year|month|week)s?|\b(?:week|day)\s+\d+)"
    r"\s*[\[(][^;:()\[\]]*$"
)


# 'Two-, 3-, and 5-year', '1, 3 and 5 years', 'at 2, 3 and 5yr'
_LANDMARK_LIST = re.compile(
    r"(?i)\b(\d+)(?:-?,|-)\s*((?:\d+-?,?\s*)*?)(?:and|or)\s+(\d+)(?:[- ]|(?=yr))(?P<unit>year|yr|month|week)s?\b"
)
# 'after years 1 through 7': every landmark from the first to the last
_LANDMARK_SPAN = re.compile(
    r"(?i)\b(?P<unit>year|month|week)s?\s+(?P<lo>\d+)\s+(?:through|to)\s+(?P<hi>\d+)\b"
)


def listed_landmarks(text: str, found: list[Item]) -> None:
    """'Two-, 3-, 4-, and 5-year survival rates in A (34.6%, 22.3%, 16.9%, and 15.8%,
    respectively)': the listed landmark times go to the rates after them, in order; parallel
    lists ('60.4%, 25.6%, and 18.3% for A and 69.9%, 39.4%, and 25.1% for B') take them in turn,
    up to the next list of times or the end of the clause."""
    lists = sorted([*_LANDMARK_LIST.finditer(text), *_LANDMARK_SPAN.finditer(text)], key=lambda m: m.start())
    for n, m in enumerate(lists):
        times = _times(m)
        if not times:
            continue
        stop = lists[n + 1].start() if n + 1 < len(lists) else len(text)
        stop = min(stop, text.find(";", m.end()) % (len(text) + 1))
        rates = [i for i in found if m.end() < i.start < stop and i.statistic == "rate"]
        if len(rates) % len(times):
            rates = rates[: len(times)]
        if len(rates) >= len(times) and len(rates) % len(times) == 0:
            for k, item in enumerate(rates):
                item.timepoint = _as_time(times[k % len(times)], m.group("unit"))


def _times(m: re.Match) -> list[str]:
    """The landmark times a list prints ('Two-, 3-, and 5-year') or spans ('years 1 through 7')."""
    if m.re is _LANDMARK_SPAN:
        lo, hi = int(m.group("lo")), int(m.group("hi"))
        return [str(n) for n in range(lo, hi + 1)] if 0 < hi - lo < 20 else []
    return [m.group(1), *re.findall(r"\d+", m.group(2)), m.group(3)]
