"""Per-arm figures as printed, before they have an arm: times ('10.7 months'), percents
('35.9%', '20 percent', '41 patients (35%; 95% CI, 27%-44%)', '5 of 25 [20 percent]'), rates
with a unit and the cases they count ('645 cases per 100,000 person-years (1060 cancers)'),
plain means ('mean score ..., 98.0 vs. 91.5'), figures printed bare where the words around say what they are ('Median OS (months) was
PCb: 18.7', 'The percentages of patients surviving ... were 54, 26, ...'), and the counts
``bare_counts`` reads ('(n = 10)', 'six patients ... died'), each with the landmark time it is
reported at (see ``landmarks``).
"""

from __future__ import annotations

import re

from kg.extraction.bare_counts import counts_only, exposures
from kg.extraction.figure_counts import counts, sizes
from kg.extraction.figure_item import BRACKET, Item
from kg.extraction.landmarks import landmark, landmarks, listed_landmarks
from kg.extraction.measured_values import measured_values
from kg.extraction.spread_values import CHANGE, CHANGE_VERB, dispersion, spread_values
from kg.extraction.spread_values import centre as centre_word
from kg.extraction.stats import TIME_UNIT, inside_interval
from kg.extraction.text import NUM, dec

# ``landmark`` is read with the figures: importers of this module's grammar find it here too
__all__ = ["Item", "items", "landmark"]

# 'Median +/- SD survival time ... was 46.2 +/- 3.15 months': the figure's spread, printed between it and its unit
_PLUS_MINUS = rf"\s*(?:±|\+/-)\s*(?P<sd>{NUM})"
_TIME = re.compile(
    rf"(?i)(?P<est>(?<!\d){NUM}|not reached)(?:{_PLUS_MINUS})?\s*(?:[A-Z]{{2,6}}s?\s+)?(?P<unit>{TIME_UNIT})\b"
    rf"|(?<![\d.])(?P<first>{NUM})(?=(?:\s*,\s*{NUM})*{BRACKET}\s*,?\s*(?:and|vs\.?|v|versus|or|to)\s+{NUM}{BRACKET}\s*(?P<next>{TIME_UNIT})\b)"
    rf"|\b(?P<nr>not (?:yet )?(?:been )?reached|not estimable)\b(?!\s*{TIME_UNIT}\b)"
    # '43.7 (35.7-52.3) months', '9.7 (interquartile range [IQR], 4.4-18.6) months'
    rf"|(?<![\d.])(?P<held>{NUM})(?=\s*[(\[](?:[^()\[\]]|\[[^\[\]]*\]){{0,50}}[)\]]\s*(?P<later>{TIME_UNIT})\b)"
)
_PERCENT = re.compile(  # not the digits of a name ('10.8% with D100 and 6.7% with D75')
    rf"(?<![\w.])(?:(?P<est>{NUM})\s*(?:%|percent\b)|(?P<first>{NUM})(?=(?:\s*,\s*{NUM})*\s*,?\s*(?:vs\.?|versus|v|and|or)\s+{NUM}\s*(?:%|percent\b)))"
    r"(?!\s*(?:CI\b|C\.I\.|confidence|credible|power))"
)
_PER_UNIT = re.compile(
    rf"(?i)(?<![\d.])(?P<est>{NUM})\s+(?P<what>(?:[a-z-]+\s+){{0,4}}?)per\s+(?P<base>\d+)\s+"
    r"(?P<pop>person-years|patient-years|person-months|persons|participants|patients|people|population|women|men)"
)
# the cases a rate per person-years counts, bracketed after it: '(1060 cancers)', '(388 cases)'
_CASES_AFTER = re.compile(
    r"(?i)\s*[(\[]\s*(?P<n>\d+)\s+(?:[a-z-]+\s+){0,2}?(?:cases|cancers|deaths|events|patients|participants)\s*[)\]]"
)
_RATIO_WORDS = re.compile(r"\b(?:HR|OR|RR|CI)\b|(?i:hazard|odds\s+ratio)")
_MEAN_PAIR = re.compile(  # a mean change may be negative: '(mean change 4.0 vs. -0.7, p = 0.05)'
    rf"(?<![\d.%-])(?P<a>-?{NUM})\s*(?:vs\.?|versus|and)\s*(?P<b>-?{NUM})(?!\s*(?:%|percent|\w*\s*{TIME_UNIT}|mg|µg|gy|patients|participants|events|cases))"
)
# a minus sign before a percent ('were -0.99%, -0.71% and -0.32%'), not a range's dash ('82-83%')
_SIGN = re.compile(r"(?:^|(?<=[\s(\[,;:=]))-$")
# '> or =25%': older abstracts print '≥' in words
_THRESHOLD = re.compile(
    r"(?i)(?:than|least|most|>|≥|<|≤|[<>]\s*or\s*=|up to|over|under|approximately|about|nearly|almost)\s*$"
)
# a time that dates a figure rather than being one: 'at 2 years', 'after 12 weeks', 'from baseline to 2 months',
# 'During the last 4 weeks of treatment (weeks 9-12), 43.9% of participants ...'
_DATING = re.compile(
    r"(?i)\bafter\s+an?\s+(?:median|mean)\s+(?:of\s+)?$|\bbaseline\s+(?:and|to)\s+$|"
    rf"\b(?:at|after|by|within|through|until|over|during|for|between)\s+(?:the\s+)?(?:(?:first|last|final|past)\s+)?"
    rf"(?:{NUM}(?:\s*{TIME_UNIT})?,?\s+(?:and\s+)?)*$"
)
# the next landmark of a list whose first one a bracket of figures follows: 'at 12 weeks (55.4% vs
# 40.9%; ...) and 24 weeks (49.0% vs 32.6%; ...)'
_DATED_NEXT = re.compile(
    rf"(?i)\b(?:at|after|by|within|through)\s+{NUM}\s*{TIME_UNIT}\s*\([^()]*\)\s*,?\s*(?:and|or)\s+$"
)
# a time its clause says is follow-up: 'Mean follow-up times in the A and B groups were 1.3 (...) and 2.1'
_FOLLOW_UP_BEFORE = re.compile(
    r"(?i)follow-up(?:(?!survival|progression|response|time to|\bmedian\b|\bmean\b|(?-i:\b(?:PFS|OS|DFS|EFS|RFS|TTP|ORR|DCR|LC|LRC)\b))[^;])*$"
)
_OF_FOLLOW_UP = re.compile(r"(?i)\s*(?:\([^()]*\)\s*)?of\s+(?:[a-z]+\s+)?follow-?up\b")


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

        if not (m.group("nr") or m.group("sd")) and _dated(text, m.start()):
            continue  # 'at 18 and 26 weeks' ('at 7.6 ± 1.5 minutes' is a mean time)
        if _OF_FOLLOW_UP.match(text, m.end()):  # '2.4 years (0.4) of additional follow-up'
            continue
        unit = _time_unit(m.group("unit") or m.group("next") or m.group("later") or _next_unit(text, m.end()))
        raw = m.group("est") or m.group("first") or m.group("held") or m.group("nr")
        centre = _centre((whole or text)[: m.start()], "mean" if m.group("sd") else "median")
        found.append(Item(m.start(), m.end(), raw, unit, centre))
        if m.group("sd"):
            found[-1].spread = {"dispersion": dispersion(whole or text), "spread": dec(m.group("sd"))}
    for m in _PER_UNIT.finditer(text):
        if _skip(text, m.start()):
            continue
        unit = f"per {int(m.group('base')):,} {m.group('pop').lower()}"
        what = m.group("what").strip() or None
        found.append(Item(m.start(), m.end(), m.group("est"), unit, "rate", what=what))
        if cases := _CASES_AFTER.match(text, m.end()):  # '645 cases per 100,000 person-years (1060 cancers)'
            found[-1].count, found[-1].printed = int(cases.group("n")), (m.start(), cases.end())
    found += exposures(text)
    found += spread_values(text, whole or text, [(i.start, i.end) for i in found])
    found += measured_values(text, [(i.start, i.end) for i in found])
    taken = [(i.start, i.end) for i in found]
    for m in _PERCENT.finditer(text):
        if _skip(text, m.start()) or any(a <= m.start() < b for a, b in taken) or _population(text, m):
            continue
        if _SPAN_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # 'OS rates for both groups were 82-83% after 3 years': a span, no one group's
        if _SIGN.search(text, max(0, m.start() - 2), m.start()):  # '-0.99%': a change, not a share
            found.append(
                Item(
                    m.start() - 1,
                    m.end(),
                    f"-{m.group('est') or m.group('first')}",
                    "percent",
                    centre_word(text, m.start()),
                )
            )
            continue
        item = Item(
            m.start(), m.end(), m.group("est") or m.group("first"), "percent", _share_kind(text, m, found)
        )
        counts(text, item)
        found.append(item)
    sizes(text, found)
    found += _after_labels(text, whole or text, found)
    found += _percentages(text, found)
    found += counts_only(text, found, _RATIO_WORDS.search(whole or text) is not None)
    found += _means(text, found)
    found.sort(key=lambda i: i.start)
    landmarks(text, found)
    listed_landmarks(text, found)
    return found


# the unit an endpoint prints in a bracket of its own, for the bare figures after it: 'Median OS
# (months) was PCb: 18.7 (95% CI, 12.9-NE); PC: 27.0 (95% CI, 23.2-NE)'
_UNIT_HEAD = re.compile(r"(?i)\((?P<unit>months|weeks|years|days|%)\)")
# a figure printed bare after a word's colon: 'PCb: 18.7'
_AFTER_LABEL = re.compile(
    rf"(?<=[A-Za-z)]:)\s*(?P<est>{NUM})(?![\d.]|\s*(?:%|percent\b|[-–/:]\s*\d|{TIME_UNIT}\b))"
)


# a subject that says the figures after it are percentages: 'The percentages of patients surviving
# after years 1 through 7 were 54, 26, 24, 19, 17, 13, and 13 for the CT-RT group and 40, 13, ...'
_PERCENTAGES_OF = re.compile(r"(?i)\bpercentages?\s+of\b[^;.%]{0,80}?\b(?:were|was)\s+(?=\d)")
_BARE = re.compile(rf"(?<![\d.])(?P<est>{NUM})(?![\d.]|\s*(?:%|percent\b|[-–/:]\s*\d|{TIME_UNIT}\b))")


def _percentages(text: str, found: list[Item]) -> list[Item]:
    """The bare figures of the clause after a subject naming them percentages: rates in percent."""
    out = []
    for head in _PERCENTAGES_OF.finditer(text):
        stop = min(text.find(";", head.end()) % (len(text) + 1), len(text))
        for m in _BARE.finditer(text, head.end(), stop):
            if not _skip(text, m.start()) and not any(i.start <= m.start() < i.end for i in found):
                out.append(Item(m.start(), m.end(), m.group("est"), "percent", "rate"))
    return out


def _after_labels(text: str, whole: str, found: list[Item]) -> list[Item]:
    """The bare figures printed after arm labels and colons, in the unit their endpoint named in
    a bracket before them: medians (or means, as the words before say) of a time, or rates."""
    head = _UNIT_HEAD.search(text)
    if not head:
        return []
    unit = head.group("unit").lower()
    out = []
    for m in _AFTER_LABEL.finditer(text, head.end()):
        start = m.start("est")
        if _skip(text, start) or any(i.start <= start < i.end for i in found):
            continue
        if unit == "%":
            out.append(Item(start, m.end(), m.group("est"), "percent", "rate"))
        else:
            out.append(Item(start, m.end(), m.group("est"), _time_unit(unit), _centre(whole[:start])))
    return out


# 'between the 291 (35%) patients in the tecemotide group and ...', 'Of the 154 (92%) patients who underwent
# surgery, ...', 'Among the 154 (93%) irradiated patients, ...': a group's share, named as a population
_SHARE_OF = re.compile(
    r"\s*\)\s*(?:of\s+\d+\s+)?(?:[a-z-]+\s+)?(?:patients|participants)\s*(?:,|in\s+the|assigned|randomi|allocated|who\s+(?:were|received|underwent|had))"
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
_SPAN_BEFORE = re.compile(
    rf"(?<![\d.]){NUM}\s*%?\s*[-–]\s*$"  # "29%-80%": the end of a span
    # '-0.79% (mean decrease 7.97 to 7.17%)': the level a change ended at, beside the change
    rf"|(?i:\b(?:decrease|increase|decline|reduction|rise|drop|fall)\s+(?:of\s+)?){NUM}\s*%?\s*to\s*$"
)
_LANDMARK_OF = re.compile(r"\s+(?:OS|PFS|DFS|EFS|overall\s+survival|survival)\s*:")
_IN_RANGE = re.compile(rf"(?i)\b(?:range|IQR)\s*[,:=]?\s*(?:{NUM}\s*(?:-|to)\s*)?$")


def _dated(text: str, pos: int) -> bool:
    return bool(
        _DATING.search(text[max(0, pos - 60) : pos]) or _DATED_NEXT.search(text[max(0, pos - 200) : pos])
    )


def _centre(before: str, default: str = "median") -> str:
    """'median' or 'mean' ('average') as the nearer such word before the figure says, else the default
    (a time printed with its SD, '7.6 ± 1.5 minutes', is a mean)."""
    words = re.findall(r"(?i)\b(median|mean|average)\b", before)
    return default if not words else "median" if words[-1].lower() == "median" else "mean"


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
_JOINED = re.compile(r"(?i)\s*(?:[(\[][^()\[\]]*[)\]])?\s*(?:,|,?\s*(?:vs\.?|versus|v|and|or))\s+$")


# an arm's own change, printed as a percent of where it started: 'pain level of the BNHS group decreased by 57%',
# 'declining 25.9% and 56.1%, respectively, in the BT group', 'significantly increased their steps/day, by 36%'
_CHANGED_BY = re.compile(
    rf"(?i){CHANGE_VERB}(?:\s+[a-z/]+){{0,2}}?\s*,?\s+by\s+(?:about\s+|approximately\s+)?$|\b(?:declin|decreas)ing\s+$"
)
# the same change when other words part the verb from its 'by': 'total FIQ scores decreased by 14% in the soy
# group (P = .02) and by 18% in the placebo group', 'CES-D scores decreased in the soy group by 16%'; the verb
# is the last of its clause ('by 20% of patients' is a share of them)
_BY = re.compile(r"(?i)\bby\s+(?:about\s+|approximately\s+)?$")
_OF_WHOM = re.compile(r"\s*(?:%|percent)?\s+of\b")
# the next arm's figures of a change listed arm by arm: 'declining 25.9% and 56.1%, respectively, in the BT
# group; 30.2% and 65.4%, respectively, in the To group'
_NEXT_ARM_ITEM = re.compile(r"(?i)\s*,?\s*respectively,?\s+(?:in|for|with)\s+[^;.%\d]{1,60}?;\s*(?:and\s+)?$")


def _change(text: str, m: re.Match) -> re.Match | None:
    """The verb of change whose amount the percent at ``m`` is, if it is one."""
    if change := _CHANGED_BY.search(text, max(0, m.start() - 40), m.start()):
        return change
    if not _BY.search(text, max(0, m.start() - 25), m.start()) or _OF_WHOM.match(text, m.end()):
        return None
    clause = max(text.rfind(";", 0, m.start()), m.start() - 150, 0)
    verbs = list(CHANGE.finditer(text, clause, m.start()))
    return verbs[-1] if verbs else None


def _share_kind(text: str, m: re.Match, found: list[Item]) -> str:
    """'median' or 'mean' for a percent printed as a median or mean of the patients' figures, and for
    the percent set against it ('89% [range 17-108] vs 59% [17-100]'), so that the range or IQR
    printed with it is read as its spread; else 'rate'."""
    if change := _change(text, m):
        return "relative_change" if change.group("up") else "relative_reduction"
    centre = _CENTRE_OF_PERCENT.search(text, max(0, m.start() - 80), m.start())
    if centre and not _OF_PLANNED.match(text, m.end()):
        return centre.group("centre").lower().replace("average", "mean")
    before = [i for i in found if i.unit == "percent" and i.end <= m.start()]
    if before and before[-1].statistic != "rate" and _JOINED.fullmatch(text, before[-1].end, m.start()):
        return before[-1].statistic
    if (
        before
        and before[-1].statistic.startswith("relative_")
        and _NEXT_ARM_ITEM.fullmatch(text, before[-1].end, m.start())
    ):
        return before[-1].statistic
    return "rate"


# what parts one pair of a list from the next: ', p = 0.003), physical function ('
# the centre a pair of bare figures is, named in the pair's own list item (after the last ';' or
# item closed by its bracket: 'younger (median age 61 versus 63, p < 0.01) and higher eGFR (87 versus 84')
_CENTRE_WORD = re.compile(r"(?i)\b(mean|average|median)\b(\s+age\b)?")
# 'better 30-day activity without dyspnea scores (8.7 vs. 5.9; P = .036)': a score's figures, one per
# arm, printed with no centre named, are its means
_SCORES_BEFORE = re.compile(r"(?i)\b(?:scores?|(?:sub)?scales?)\s*[(\[]\s*$")
_PAST_ITEMS = re.compile(r";|[)\]]\s*(?:,|and\b)\s*(?=[A-Za-z])")
_NEXT_PAIR = re.compile(r"(?i)[^;()]*?[)\]]\s*(?:,\s*(?:and\s+)?|and\s+)[a-z][\w' -]{0,40}\s*[(\[]\s*")


def _means(text: str, found: list[Item]) -> list[Item]:
    """'mean score on the FACT-L scale ..., 98.0 vs. 91.5': unitless figures compared after
    'mean' are means (after 'median', medians: 'lower peak (median) plasma levels of ...'), in
    points when a score or scale is named; so are the pairs listed after
    such a pair ('mean change in score ... for pain (-5.2 vs. -3.3, p = 0.003), ..., PGA (-1.3 vs.
    -0.7, p = 0.0001) and stiffness (-1.8 vs. -0.9, p = 0.002)')."""
    out: list[Item] = []
    taken = [(i.start, i.end) for i in found]
    unit, centre = None, "mean"
    for m in _MEAN_PAIR.finditer(text):
        before = text[max(0, m.start() - 200) : m.start()]
        listed = out and _NEXT_PAIR.fullmatch(text, out[-1].end, m.start())
        if any(a <= m.start() < b for a, b in taken) or _skip(text, m.start("a")):
            continue
        if not listed:
            own = _PAST_ITEMS.split(before)[-1]
            said = _CENTRE_WORD.findall(own) or ([("mean", "")] if _SCORES_BEFORE.search(own) else [])
            if not said or said[-1][1]:
                continue  # no centre named in the pair's own item, or 'median age 61 versus 63': a baseline
            centre = "median" if said[-1][0].lower() == "median" else "mean"
            named = re.search(r"(?i)\bscores?\b|\b(?:sub)?scales?\b|\bpoints\b", before)
            unit = "points" if named or re.match(r"\s*points?\b", text[m.end() :]) else None
        out.append(Item(m.start("a"), m.end("a"), m.group("a"), unit, centre))
        out.append(Item(m.start("b"), m.end("b"), m.group("b"), unit, centre))
    return out


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
