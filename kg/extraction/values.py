"""Per-arm figures as printed, before they have an arm: times ('10.7 months'), percents
('35.9%', '20 percent', '41 patients (35%; 95% CI, 27%-44%)', '5 of 25 [20 percent]'), rates
with a unit ('645 cases per 100,000 person-years'), plain means ('mean score ..., 98.0 vs.
91.5'), and the counts ``bare_counts`` reads ('(n = 10)', 'six patients ... died'), each with the
landmark time it is reported at ('the 12-month ... rate', '54 percent at one year', 'week 52').
"""

from __future__ import annotations

import re

from kg.extraction.bare_counts import counts_only, exposures
from kg.extraction.figure_item import Item
from kg.extraction.stats import TIME_UNIT, inside_interval
from kg.extraction.text import NUM, dec

_BRACKET = r"(?:\s*[(\[][^()\[\]]{0,60}[)\]])?"  # '13.1 [95% CI 10.58-16.53] vs 4.6 [4.21-5.42] months'
# 'Median +/- SD survival time ... was 46.2 +/- 3.15 months': the figure's spread, printed between it and its unit
_PLUS_MINUS = rf"\s*(?:±|\+/-)\s*(?P<sd>{NUM})"
_TIME = re.compile(
    rf"(?i)(?P<est>(?<!\d){NUM}|not reached)(?:{_PLUS_MINUS})?\s*(?:[A-Z]{{2,6}}s?\s+)?(?P<unit>{TIME_UNIT})\b"
    rf"|(?<![\d.])(?P<first>{NUM})(?=(?:\s*,\s*{NUM})*{_BRACKET}\s*,?\s*(?:and|vs\.?|v|versus|or|to)\s+{NUM}{_BRACKET}\s*(?P<next>{TIME_UNIT})\b)"
    rf"|\b(?P<nr>not (?:yet )?(?:been )?reached|not estimable)\b(?!\s*{TIME_UNIT}\b)"
    # '43.7 (35.7-52.3) months', '9.7 (interquartile range [IQR], 4.4-18.6) months'
    rf"|(?<![\d.])(?P<held>{NUM})(?=\s*[(\[](?:[^()\[\]]|\[[^\[\]]*\]){{0,50}}[)\]]\s*(?P<later>{TIME_UNIT})\b)"
)
_PERCENT = re.compile(  # not the digits of a name ('10.8% with D100 and 6.7% with D75')
    rf"(?<![\w.])(?:(?P<est>{NUM})\s*(?:%|percent\b)|(?P<first>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:vs\.?|versus|v|and|or)\s+{NUM}\s*(?:%|percent\b)))"
    r"(?!\s*(?:CI\b|confidence|credible|power|of\s+the\s+(?:patients|participants)\s+(?:had|were)))"
)
_PER_UNIT = re.compile(
    rf"(?i)(?<![\d.])(?P<est>{NUM})\s+(?P<what>(?:[a-z-]+\s+){{0,4}}?)per\s+(?P<base>\d+)\s+"
    r"(?P<pop>person-years|patient-years|person-months|persons|participants|patients|people|population|women|men)"
)
# '23 months for gefitinib (n = 118)', '26.8% for PemOx patients (arm A; n = 81)': the patients
# the figure before was measured in
_SIZE_AFTER = re.compile(
    rf"(?i){_BRACKET}\s*,?\s*(?:for|in|with|among|on|of)\s+(?:the\s+)?[^()\[\];,\d]{{1,50}}?\s*"
    r"[(\[]\s*(?:[^()\[\];]{1,30};\s*)?n\s*=\s*(?P<n>\d+)\b"
)
_RATIO_WORDS = re.compile(r"\b(?:HR|OR|RR|CI)\b|(?i:hazard|odds\s+ratio)")
_MEAN_PAIR = re.compile(
    rf"(?<![\d.%])(?P<a>{NUM})\s*(?:vs\.?|versus|and)\s*(?P<b>{NUM})(?!\s*(?:%|percent|\w*\s*{TIME_UNIT}|mg|µg|gy|patients|participants|events|cases))"
)
# '> or =25%': older abstracts print '≥' in words
_THRESHOLD = re.compile(
    r"(?i)(?:than|least|most|>|≥|<|≤|[<>]\s*or\s*=|up to|over|under|approximately|about|nearly|almost)\s*$"
)
_LANDMARK = re.compile(
    r"(?i)(?<![\d.])(\d+)(?:\s?-|\s)(year|month|week)s?\b(?:[- ](?:rates?\s+of\s+)?)|\b(?:at|after|by|through)\s+(\d+)\s+(year|month|week)s?\b"
    r"|\bweek\s+(\d+)\b"
)
# an age is no landmark: 'median age 61 years (range 51-74), gender male (n = 13, 65%)'
_AGE = re.compile(r"(?i)\bage[ds]?\s*(?:was|of|:|,|=)?\s*$")
# a time that dates a figure rather than being one: 'at 2 years', 'after 12 weeks', 'from baseline to 2 months'
_DATING = re.compile(
    r"(?i)\bafter\s+an?\s+(?:median|mean)\s+(?:of\s+)?$|\bbaseline\s+(?:and|to)\s+$|"
    rf"\b(?:at|after|by|within|through|until|over|during|for)\s+(?:the\s+)?(?:first\s+)?"
    rf"(?:{NUM}(?:\s*{TIME_UNIT})?,?\s+(?:and\s+)?)*$"
)
# a time its clause says is follow-up: 'Mean follow-up times in the A and B groups were 1.3 (...) and 2.1'
_FOLLOW_UP_BEFORE = re.compile(
    r"(?i)follow-up(?:(?!survival|progression|response|time to|\bmedian\b|\bmean\b|(?-i:\b(?:PFS|OS|DFS|EFS|RFS|TTP|ORR|DCR|LC|LRC)\b))[^;])*$"
)
_OF_FOLLOW_UP = re.compile(r"(?i)\s*(?:\([^()]*\)\s*)?of\s+(?:[a-z]+\s+)?follow-?up\b")
_LANDMARK_AFTER = re.compile(r"(?i)^\s*,?\s*(?:at|after|by)\s+(\d+)\s+(year|month|week)s?\b")
_COUNT_BEFORE = re.compile(
    r"(?i)(?<![\d./])(?P<n>\d+)\s*(?:of\s+(?P<of>\d+)\s*|/\s*(?P<per>\d+)\s*)?(?:(?:patients|participants|persons|subjects)\s*)?"
    r"[(\[]\s*$"
)
# events counted with their share: 'four deaths (13%)', '12 complete responses (9%)'
_EVENTS_BEFORE = re.compile(
    r"(?i)(?<![\d.])(?P<n>\d+)\s+(?P<what>(?:[a-z-]+\s+){0,2}?(?:death|response|recurrence|relapse|progression|"
    r"failure|complication|infection|hospitali[sz]ation|admission|fracture|exacerbation|seizure|stroke|"
    r"reaction)s)\s*[(\[]\s*$"
)
_RATIO_AFTER = re.compile(r"^\s*[(\[]\s*(?P<n>\d+)\s*/\s*(?P<of>\d+)\s*[;,)\]]")
# '(264 of 655)' may follow the group the percent is of: '40% of participants receiving cytisine (264 of 655)'
_OF_GROUP = r"\s+of\s+(?:the\s+)?(?:patients|participants|subjects)\s+(?:receiving|given|assigned\s+to|treated\s+with|in|on)\s+[^()\d;,]{1,40}?"
_COUNT_AFTER = re.compile(
    r"(?i)^\s*(?:[;,]\s*[^()]*?[)\]]|[)\]])?\s*(?:of\s+(?P<of>\d+)\b(?![.,]\d)|(?:"
    + _OF_GROUP
    + r")?\s*\((?P<n>\d+)\s+of\s+(?P<of2>\d+)"
    r"(?:\s+(?:evaluable\s+|assessable\s+|treated\s+|eligible\s+)?(?:patients|participants|subjects|persons))?\))"
)


def items(text: str, whole: str | None = None) -> list[Item]:
    """Every per-arm figure of a sentence whose ratios and contrasts were blanked out; the
    ``whole`` sentence, as printed, says whether a time is a mean or a median ('The difference
    between the mean QALYs was 4.7 days (46.4 ... vs 41.7 QALY days ...)')."""
    found: list[Item] = []
    for m in _TIME.finditer(text):
        if _skip(text, m.start()) or _FOLLOW_UP_BEFORE.search(text, max(0, m.start() - 160), m.start()):
            continue
        if _LANDMARK_OF.match(text, m.end()):
            continue  # '1 year OS: 15-100%': the landmark of a rate, not a time
        if re.fullmatch(r"(?:19|20)\d\d", m.group()) and re.search(r"(?:\bin|[-–])\s*$", text[: m.start()]):
            continue  # 'for carboplatin-paclitaxel in 2006-2007, and 8.0 (IQR ...) months'

        if not m.group("nr") and _DATING.search(text[max(0, m.start() - 60) : m.start()]):
            continue  # 'at 18 and 26 weeks
        if _OF_FOLLOW_UP.match(text, m.end()):  # '2.4 years (0.4) of additional follow-up'
            continue
        unit = _time_unit(m.group("unit") or m.group("next") or m.group("later") or _next_unit(text, m.end()))
        raw = m.group("est") or m.group("first") or m.group("held") or m.group("nr")
        found.append(Item(m.start(), m.end(), raw, unit, _centre((whole or text)[: m.start()])))
        if m.group("sd"):
            found[-1].spread = {"dispersion": _dispersion(whole or text), "spread": dec(m.group("sd"))}
    for m in _PER_UNIT.finditer(text):
        if _skip(text, m.start()):
            continue
        unit = f"per {int(m.group('base')):,} {m.group('pop').lower()}"
        what = m.group("what").strip() or None
        found.append(Item(m.start(), m.end(), m.group("est"), unit, "rate", what=what))
    found += exposures(text)
    taken = [(i.start, i.end) for i in found]
    for m in _PERCENT.finditer(text):
        if _skip(text, m.start()) or any(a <= m.start() < b for a, b in taken) or _population(text, m):
            continue
        if _SPAN_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # 'OS rates for both groups were 82-83% after 3 years': a span, no one group's
        item = Item(
            m.start(), m.end(), m.group("est") or m.group("first"), "percent", _share_kind(text, m, found)
        )
        _counts(text, item)
        found.append(item)
    _sizes(text, found)
    found += counts_only(text, found, _RATIO_WORDS.search(whole or text) is not None)
    found += _means(text, found)
    found.sort(key=lambda i: i.start)
    _landmarks(text, found)
    _listed_landmarks(text, found)
    return found


# 'Two-, 3-, and 5-year', '1, 3 and 5 years', 'at 2, 3 and 5yr'
_LANDMARK_LIST = re.compile(
    r"(?i)\b(\d+)(?:-?,|-)\s*((?:\d+-?,?\s*)*?)(?:and|or)\s+(\d+)(?:[- ]|(?=yr))(year|yr|month|week)s?\b"
)


def _listed_landmarks(text: str, found: list[Item]) -> None:
    """'Two-, 3-, 4-, and 5-year survival rates in A (34.6%, 22.3%, 16.9%, and 15.8%,
    respectively)': the listed landmark times go to the rates after them, in order; parallel
    lists ('60.4%, 25.6%, and 18.3% for A and 69.9%, 39.4%, and 25.1% for B') take them in turn,
    up to the next list of times or the end of the clause."""
    lists = list(_LANDMARK_LIST.finditer(text))
    for n, m in enumerate(lists):
        times = [m.group(1), *re.findall(r"\d+", m.group(2)), m.group(3)]
        stop = lists[n + 1].start() if n + 1 < len(lists) else len(text)
        stop = min(stop, text.find(";", m.end()) % (len(text) + 1))
        rates = [i for i in found if m.end() < i.start < stop and i.statistic == "rate"]
        if len(rates) % len(times):
            rates = rates[: len(times)]
        if len(rates) >= len(times) and len(rates) % len(times) == 0:
            for k, item in enumerate(rates):
                item.timepoint = _as_time(times[k % len(times)], m.group(4))


def _landmarks(text: str, found: list[Item]) -> None:
    """Each rate's or count's landmark time (a median or mean time is none): printed right
    after it ('54 percent at 1 year'), or before it since the figure before; a landmark that
    leads a list ('At 1 year, the rate was 51% ... versus 39%') holds for the whole list, one
    printed after a figure ('..., 26 percent at 2 years') for that figure only."""
    since, shared = 0, None
    for item in found:
        after = _LANDMARK_AFTER.match(text[item.end :])
        if item.statistic in ("rate", "count") or item.unit not in ("month", "week", "year", "day"):
            own = landmark(text[since : item.start], text[item.end :])
            if own is None and shared and ";" not in text[since : item.start]:
                own = shared
            item.timepoint = own
            shared = own if not after else None
            since = item.end + (after.end() if after else 0)


# 'between the 291 (35%) patients in the tecemotide group and ...': a group's share, named as a population
_SHARE_OF = re.compile(
    r"\s*\)\s*(?:of\s+\d+\s+)?(?:patients|participants)\s+(?:in\s+the|assigned|randomi|allocated|who\s+(?:were|received))"
)
_THE_COUNT = re.compile(r"(?i)\bthe\s+\d+\s*\($")


def _population(text: str, m: re.Match) -> bool:
    """A percent that sizes a population the sentence names ('the 291 (35%) patients in the A
    group'), not an outcome ('257 (68%) patients in the A group received ...')."""
    return bool(
        _SHARE_OF.match(text, m.end()) and _THE_COUNT.search(text[max(0, m.start() - 20) : m.start()])
    )


def _skip(text: str, pos: int) -> bool:
    before = text[max(0, pos - 20) : pos]
    return inside_interval(text, pos) or bool(
        _THRESHOLD.search(before) or _IN_RANGE.search(before) or _ARM_LABEL.search(before)
    )


_ARM_LABEL = re.compile(r"(?i)\b(?:arm|group|regimen|cohort)s?\s*$")  # 'for regimen 1 and 28.3 weeks'


# '82-83%', '30-48% of patients': a span of figures, printed with the percent once
_SPAN_BEFORE = re.compile(rf"(?<![\d.]){NUM}\s*[-–]\s*$")
_LANDMARK_OF = re.compile(r"\s+(?:OS|PFS|DFS|EFS|overall\s+survival|survival)\s*:")
_IN_RANGE = re.compile(rf"(?i)\b(?:range|IQR)\s*[,:=]?\s*(?:{NUM}\s*(?:-|to)\s*)?$")


# the kind named beside a '±' ('Median +/- SD', '(mean +/- 1 SD)') or in words: 'SD' alone may be
# stable disease
_SD = re.compile(r"(?:±|\+/-)\s*(?:1\s+)?SD\b|\bSD\s*(?:±|\+/-)|(?i:standard\s+deviation)")
_SE = re.compile(r"(?:±|\+/-)\s*(?:1\s+)?SEM?\b|\bSEM?\s*(?:±|\+/-)|(?i:standard\s+error)")


def _dispersion(sentence: str) -> str | None:
    """What a '±' spread is, when the sentence says: a standard deviation or a standard error
    ('Median +/- SD survival time'); unsaid, it is left open rather than guessed."""
    sd, se = _SD.search(sentence), _SE.search(sentence)
    if sd and not se:
        return "STANDARD_DEVIATION"
    return "STANDARD_ERROR" if se and not sd else None


def _centre(before: str) -> str:
    """'median' unless the nearer word before the figure says 'mean' or 'average'."""
    words = re.findall(r"(?i)\b(median|mean|average)\b", before)
    return "mean" if words and words[-1].lower() != "median" else "median"


# 'median dose intensity 89%', 'median sensitivity, 82%', 'a median of 32%', 'mean relative dose intensity of
# 90.4%': a percent that is the median or mean of the patients' own figures, not a share of them ('1-year
# survival and median survival were 20% and 4 months' is not: no median time is a percent)
_CENTRE_OF_PERCENT = re.compile(
    r"(?i)\b(?P<centre>median|mean|average)\s+(?!(?:survival|time|duration|overall|progression|disease-free|"
    r"event-free|follow-?up|OS|PFS|TTP|DFS|EFS)\b)(?:[a-z-]+\s+){0,4}?(?:(?:was|were|of)\s+|[,:]\s*)?"
    r"(?:about\s+|approximately\s+|[<>]\s*)?$"
)
# 'total mean doses was 90% of planned': a share of what was planned, not a mean
_OF_PLANNED = re.compile(r"(?i)\s+of\s+(?:the\s+)?(?:planned|intended|scheduled|projected)\b")
# what joins a percent to the one before it in one list: '89% [range 17-108] vs 59%', '61% (...) and 75%'
_JOINED = re.compile(r"(?i)\s*(?:[(\[][^()\[\]]*[)\]])?\s*,?\s*(?:vs\.?|versus|v|and|or)\s+$")


def _share_kind(text: str, m: re.Match, found: list[Item]) -> str:
    """'median' or 'mean' for a percent printed as a median or mean of the patients' figures, and for
    the percent set against it ('89% [range 17-108] vs 59% [17-100]'), so that the range or IQR
    printed with it is read as its spread; else 'rate'."""
    centre = _CENTRE_OF_PERCENT.search(text, max(0, m.start() - 80), m.start())
    if centre and not _OF_PLANNED.match(text, m.end()):
        return centre.group("centre").lower().replace("average", "mean")
    before = [i for i in found if i.unit == "percent" and i.end <= m.start()]
    if before and before[-1].statistic != "rate" and _JOINED.fullmatch(text, before[-1].end, m.start()):
        return before[-1].statistic
    return "rate"


def _counts(text: str, item: Item) -> None:
    """The count and denominator printed with a percent: '41 patients (35%', '5 of 25
    [20 percent]', '7/50 [14%]', '33 (55%; 95% CI 42-68) of 60', '40% ... (264 of 655)', '42% (11 of 26 patients)'."""
    window = max(0, item.start - 40)
    start, end = item.start, item.end
    before = _COUNT_BEFORE.search(text[window : item.start])
    if before and before.group("per") and not _agrees(item, int(before.group("n")), int(before.group("per"))):
        before = None  # '1/10000 (90%': no count behind the percent ('7/50 [14%]' is)
    if before:
        item.count = int(before.group("n"))
        total = before.group("of") or before.group("per")
        item.total = int(total) if total else None
        start = window + before.start("n")
    elif events := _EVENTS_BEFORE.search(text[window : item.start]):
        item.count, item.what = int(events.group("n")), events.group("what").lower()[:-1]
        start = window + events.start("n")
    ratio = _RATIO_AFTER.match(text[item.end : item.end + 30])
    if ratio and item.count is None and _agrees(item, int(ratio.group("n")), int(ratio.group("of"))):
        item.count, item.total = int(ratio.group("n")), int(ratio.group("of"))  # '79% (41/52; 95% CI'
        end = item.end + ratio.end("of")
    after = _COUNT_AFTER.match(text[item.end : item.end + 80])
    if after and after.group("n") and not _agrees(item, int(after.group("n")), int(after.group("of2"))):
        after = None  # '(2 of 3 patients)' is not the count behind '20%'
    if after and item.total is None:
        item.total = int(after.group("of") or after.group("of2"))
        end = item.end + after.end()
        if after.group("n") and item.count is None:
            item.count = int(after.group("n"))
    item.printed = (start, end)


def _agrees(item: Item, n: int, of: int) -> bool:
    """Whether 'n/of' is the count behind the printed percent (not a dose or a date)."""
    try:
        return of > 0 and abs(100 * n / of - float(item.raw)) <= 1
    except ValueError:
        return False


def _sizes(text: str, found: list[Item]) -> None:
    """The group size printed after a figure's group ('median survival time was 23 months for
    gefitinib (n = 118)') is the figure's denominator, not a count of its own."""
    for item in found:
        m = _SIZE_AFTER.match(text, item.end) if item.total is None else None
        if m:
            item.total, item.printed = int(m.group("n")), (item.span()[0], m.end())


def _means(text: str, found: list[Item]) -> list[Item]:
    """'mean score on the FACT-L scale ..., 98.0 vs. 91.5': unitless figures compared after
    'mean' are means, in points when a score or scale is named."""
    out = []
    taken = [(i.start, i.end) for i in found]
    for m in _MEAN_PAIR.finditer(text):
        before = text[max(0, m.start() - 200) : m.start()]
        if not re.search(r"(?i)\b(?:mean|average)\b", before) or any(a <= m.start() < b for a, b in taken):
            continue
        unit = "points" if re.search(r"(?i)\bscores?\b|\bscales?\b|\bpoints\b", before) else None
        out.append(Item(m.start("a"), m.end("a"), m.group("a"), unit, "mean"))
        out.append(Item(m.start("b"), m.end("b"), m.group("b"), unit, "mean"))
    return out


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
    if h.group(5):
        return f"{int(h.group(5))} weeks"
    n, unit = (h.group(1), h.group(2)) if h.group(1) else (h.group(3), h.group(4))
    return _as_time(n, unit)


def _as_time(n: str, unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("week"):
        return f"{int(n)} weeks"
    months = int(n) * (12 if unit.startswith("y") else 1)
    return f"{months} month" if months == 1 else f"{months} months"


def _next_unit(text: str, pos: int) -> str:
    """A 'not reached' median takes the time unit its sibling values print ('12.3 months', not
    the landmark of '1-year survival')."""
    sibling = rf"(?i)\d\s*({TIME_UNIT})\b"
    m = re.search(sibling, text[pos:]) or re.search(sibling, text)
    return m.group(1) if m else "month"


def _time_unit(word: str) -> str:
    word = word.lower()
    if word in ("mo", "wk"):
        return {"mo": "month", "wk": "week"}[word]
    return next(u for u in ("month", "week", "year", "day", "hour", "minute") if word.startswith(u[:2]))
