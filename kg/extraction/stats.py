"""The grammar of reported statistics: intervals, p-values and between-arm effect measures.

One grammar for every way abstracts print them: '95% CI, 0.59 to 0.89', '(95% CI 0.83-1.32)',
'95 percent confidence interval, -14 to 12 percent', 'two-sided 90% CI of -12.7 to 3.3', a
Lancet-style bare '(17.7-25.0)' after a labelled one; 'P=0.002', 'P<.001', 'P less than 0.02',
'log-rank p=0.037'; hazard, odds, risk and rate ratios ('hazard ratio for death, 0.73',
'rate ratio, 1.13', 'OR 1.70'), absolute differences ('a difference of 9.3 percentage points',
'estimated treatment difference 26%'), relative reductions and changes ('a relative reduction
in mortality ... of 20.0%', 'reduced ... by 6.7%', 'reduce the risk of developing a skeletal
event by 31%', 'change in incidence ..., -2 percent', '8 percent higher ... than among those who
did not') and numbers needed to treat.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from kg.extraction.text import MONEY_UNITS, NUM, dec

SIGNED = rf"-?\s?{NUM}"
# an open bound may print its abbreviation after it: '(95% CI, 8.3-not evaluable [NE])'
BOUND = (
    rf"(?:-?{NUM}|(?:not (?:reached|estimable|estimated|evaluable|applicable)|non-calculable)(?:\s*\[(?:NR|NE|NA)\])?"
    rf"|NR|NE)"
)
TIME_UNIT = r"(?:months?|mo|weeks?|wk|years?|days?|hours?|minutes?|min)"
# money, printed after its figure ('difference 203 euro; 95% confidence interval 147 to 259 euro')
CURRENCY = r"(?:euros?|dollars?|EUR|USD|GBP)\b"
_AFTER_BOUND = rf"(?:\s*(?:%|percent\b|{TIME_UNIT}\b|points?\b|{CURRENCY}))?"
# '95% CI: 0.64, 1.35)', '95% CI: 0.23, 0.49; p < .001', '95% C.I. -0.33, 1.02 and 0.56': a comma parts the
# bounds only when the upper bound closes the bracket or its part of it, or the next item follows
_COMMA_HI = rf",(?=\s*{BOUND}{_AFTER_BOUND}\s*(?:[)\];]|\s+and\s))"
_CI_BODY = (
    # the level with its percent ('95% CI', '95 percent confidence interval'), or bare before the
    # words ('hazard ratio, 1.048 [97.2 confidence interval, 0.877 to 1.253]'); 'difference, 4.2
    # percentage points [CI, 0.5 to 8.6 percentage points]': a journal that states the level once in
    # its methods prints 'CI' alone
    rf"(?:(?=[5-9]\d(?:\.\d+)?\s+(?:confidence|credible)\s|{NUM}\s*(?:%|percent))"
    rf"(?P<level>{NUM})\s*(?:%|percent)?\s*(?:CI|C\.I\.|confidence\s+intervals?|credible\s+intervals?)|(?-i:\bCI)(?=\s*[,:=])"
    # 'RR 0.66 CI 95%: 0.43 to 1.03': the level after the letters (95, the level a bare 'CI' stands for)
    rf"|(?-i:\bCI)\s*95\s*%)"
    rf"(?:\s*[\[({{]CI[\])}}])?(?:\s+of\s+(?:the\s+)?(?:HR|OR|RR|hazard ratio|odds ratio|difference))?"
    rf"(?:\s*(?:[,:=]|\bof\b|\bwas\b))?\s*[(\[]?\s*"
    rf"(?P<lo>{BOUND}){_AFTER_BOUND}\s*(?:to|-|;|{_COMMA_HI})\s*(?P<hi>{BOUND}){_AFTER_BOUND}\s*[)\]}}]?"
)
# matched at a known position; '(41/52; 95% CI, 66%-88%)' prints the count before the interval,
# 'difference 33%: 95% confidence interval 17-48%' a colon
CI = re.compile(
    rf"(?i)\s*(?:[(\[{{:]\s*)?(?:\d+\s*/\s*\d+\s*[;,]\s*)?(?:(?:one|two|1|2)-sided\s+)?{_CI_BODY}"
)
CI_SCAN = re.compile(rf"(?i)(?<![\d.]){_CI_BODY}")  # searched for: starts only at a digit


def _bare_bounds(opening: str, hi: str, closing: str) -> re.Pattern:
    """Two bounds printed without a level or a 'CI' ('(19.6-25.5)'); the callers differ only in
    what may open and close them and what the upper bound may be."""
    return re.compile(rf"\s*{opening}(?P<lo>-?{NUM})\s*%?\s*(?:-|to)\s*(?P<hi>{hi})\s*%?\s*{closing}")


# Lancet style: after one labelled interval, later ones print only the bounds: '(19.6-25.5)'
BARE_CI = _bare_bounds(r"(?:[(\[]\s*|[,;]\s*)", BOUND, r"[)\]]?")
# the bounds alone in the bracket right after an effect estimate are its confidence interval, as
# in journals that state the level once in their methods ('odds ratio 0.63 [0.36-1.10]')
BRACKETED_BOUNDS = _bare_bounds(r"[(\[]\s*", rf"-?{NUM}", r"[)\]]")
# '9.5 months, range 1.0-117.0 [95% CI ...]', '(range, 0-19 cycles)', '(IQR 4.2-9.1)': a spread, not an interval
RANGE = re.compile(
    rf"(?i)\s*[,;(\[]?\s*(?P<kind>range|interquartile range|IQR)\s*[,:=]?\s*(?P<lo>{NUM})\s*(?:%|{TIME_UNIT})?\s*"
    rf"(?:-|to)\s*(?P<hi>{NUM}|not\s+reached|NR)\s*(?:%|{TIME_UNIT}\b|(?!not\b)[a-z]+\b)?\s*[)\]]?"
)
# after a labelled range, Lancet style prints the next ones as bare bounds: '(IQR 11.0-36.0) in the
# A group and 24.8 months (12.1-41.6) in the B group'
BARE_RANGE = re.compile(rf"(?i)\s*[(\[]\s*(?P<lo>{NUM})\s*(?:-|to)\s*(?P<hi>{NUM}|not\s+reached|NR)\s*[)\]]")


def spread(m: re.Match, kind: str | None = None) -> dict:
    """A range's fields; ``kind``: the printed word of the labelled range a bare one follows."""
    kind = (kind or m.group("kind")).lower()
    hi = m.group("hi")
    return {
        "dispersion": "FULL_RANGE" if kind == "range" else "INTER_QUARTILE_RANGE",
        "spread_lower": dec(m.group("lo")),
        "spread_upper": dec(hi) if re.fullmatch(NUM, hi) else None,
    }


P = re.compile(
    rf"(?i)\b(?:(?:one|two|1|2)-sided\s+|log[- ]?rank\s+|stratified\s+log[- ]?rank\s+)?P(?:\s+value)?\s*"
    rf"(?P<q>=|<|>|≤|≥|<=|>=|<or=|less\s+than|greater\s+than)\s*(?P<p>{NUM})"
)
_RATIO_KINDS = {
    "hazard ratio": "hazard_ratio",
    "relative hazard": "hazard_ratio",
    "hr": "hazard_ratio",
    "odds ratio": "odds_ratio",
    "or": "odds_ratio",
    "rate ratio": "risk_ratio",
    "incidence rate ratio": "risk_ratio",
    "irr": "risk_ratio",
    "risk ratio": "risk_ratio",
    "relative risk": "risk_ratio",
    "rr": "risk_ratio",
}
RATIO = re.compile(
    rf"(?i)(?P<strat>\b(?:un)?stratified\s+|\badjusted\s+)?\b(?P<kind>hazard ratio|relative hazard|odds ratio|incidence rate ratio|"
    rf"rate ratio|risk ratio|relative risk|(?-i:HR|OR|RR|IRR)|(?-i:[aA](?:HR|OR|IRR)|aRR))\b"
    rf"(?:\s*[\[(](?:HR|OR|RR|IRR|[aA](?:HR|OR|IRR)|aRR)[\])])?(?P<event>\s+for\s+(?:disease\s+)?(?:progression or death|death or (?:disease )?progression|death|progression|(?:\d+-)?[A-Za-z-]+(?: (?!(?:was|were|is|of|in|with|and)\b|[a-z]+ed\b)[A-Za-z-]+){{0,2}}))?"
    rf"(?:\s*\((?-i:[A-Z][A-Za-z0-9-]{{1,9}})\))?"  # 'HR for progression-free survival (PFS) was 0.54'
    rf"(?P<with>\s+(?:with|in the)\s+[\w+ -]+?(?:\s+group)?)?"
    rf"(?P<of>\s+(?:of|for)\s+[\w+/ -]+?\s+(?:versus|vs\.?|compared\s+with)\s+[\w+/ -]+?)?"
    # 'a relative risk of lung cancer of 1.28'; 'The relative hazard of death for vinorelbine-treated
    # patients was 0.65', 'HR of incidence = 1.17': the group it is for is no part of the event
    rf"(?:\s+of\s+(?P<on>[a-z][a-z -]{{2,40}}?)(?:\s+(?:for|in)\s+[\w -]+?)?(?=\s+(?:of|was)\s+\d|\s*=\s*\d))?"
    # 'hazard ratio; 0.30' (a misprinted comma); a ratio is never a percent ('HR; 95% CI')
    rf"\s*(?:,|:|;|=|was|of)?\s*(?P<est>{NUM})\b(?!\s*%)"
)
# 'The hazard ratios for PFS and overall survival were 0.70 (...) and 0.63 (...), respectively'
PLURAL_RATIO = re.compile(
    rf"(?i)\b(?P<kind>hazard ratio|odds ratio|rate ratio|risk ratio|(?-i:HR|OR|RR))s\s+(?:\((?-i:[A-Z]+)s?\)\s+)?"
    rf"(?:for|of)\s+(?P<eps>[^;()\d]{{3,120}}?)\s+were\s+(?P<est>{NUM})\b"
)
# one ratio shared by a list of endpoints, each printed after it with its own figure: '..., and for
# detecting bone metastases, it was 0.90'; 'the relative risk of death from any cause was 1.17 (...);
# of death from lung cancer, 1.46 (...); and of death from cardiovascular disease, 1.26 (...)'
NEXT_RATIO = re.compile(
    rf"(?i)(?:,?\s*and\s+for|\s*(?:;|,\s*and|;\s*and)\s+of)\s+(?P<endpoint>[\w -]+?),\s*(?:it\s+was\s+)?(?P<est>{NUM})\b(?![\d.%])"
)
# what a figure is printed 'for' right after it: '1.08 (95% CI ...) for SPTs, ...'
FOR_PHRASE = re.compile(r"(?i)\s*for\s+(?P<ep>[a-z][\w -]{1,50}?)(?=\s*(?:,|;|\.\s|\.$|\)|$|\band\b))")
# what a count in a difference's words counts: 'a difference ... between the two regimens of 21%'
# ('two' printed as '2') is no figure of the difference
_COUNTED = r"(?:groups?|arms?|regimens?|treatments?|patients|studies|trials|cohorts)\b"
# units of measure a difference between arms is printed in ('1.09 mmHg higher'); not times or percents
_MEASURE = r"mm\s?Hg|kg|g|cm|mm|m[lL]|points?|beats/min|bpm|(?:mg|g|mmol|[µμ]mol|nmol|ng|pg)/[dm]?[lL]"
_PCT = rf"\s*(?P<unit>percentage\s+points?|%|percent\b|days?\b|weeks?\b|months?\b|years?\b|points?\b|{CURRENCY})?"


def _change_in(words: str) -> re.Pattern:
    """A relative change printed before what it changes: 'a 24% reduction in the relative risk of
    death', 'an observed 30% increase in overall death rate (p = 0.08, one-sided)'."""
    return re.compile(
        rf"(?i)(?<![\d.])(?P<est>{NUM})\s*(?P<unit>%|percent\b)\s+(?:relative\s+)?(?:{words})\s+in\s+(?:the\s+)?"
        rf"(?:(?:relative\s+)?(?:risk|hazard|odds)\s+of\s+(?P<ep>[a-z][a-z -]*?)"
        rf"(?=\s*[,;(.]|\s+(?:compared|versus|vs|with|in|among|for|which|is|was|were|attributable|equivalent|corresponding)\b|$)"
        rf"|(?P<rate>[a-z][a-z -]*?\s+rates?)\b)"
    )


# between-arm contrasts other than ratios: (statistic, pattern with groups est, unit and maybe ep)
CONTRASTS = (
    (
        "number_needed_to_treat",
        re.compile(
            rf"(?i)\bnumbers?\s+needed\s+to\s+(?:treat|screen)(?:\s*\((?:NNT|NNS)\))?\s*(?:was|of|,|:|=)?\s*(?P<est>{NUM})"
        ),
    ),
    (
        "relative_reduction",
        re.compile(
            rf"(?i)\brelative\s+(?:risk\s+)?reduction\s+(?:in\s+(?:the\s+)?(?P<ep>(?:(?!\bwith\b|\bof\s+\d)[^,;(])+)\s+)?"
            rf"(?:[^,;(]*?\s+)?(?:of\s+|was\s+|,\s*|:\s*|(?=\d[\d.]*\s*%))(?P<est>{NUM}){_PCT}"
        ),
    ),
    (
        "relative_change",
        re.compile(
            rf"(?i)\b(?:relative\s+)?change\s+in\s+(?P<ep>[a-z][\w -]*?)\b[^;(]{{0,80}}?,\s*(?P<est>{SIGNED}){_PCT}"
        ),
    ),
    (
        "difference",
        re.compile(
            # not the smallest difference a trial was designed to detect: 'the prespecified minimum
            # clinically significant difference of a 20% greater improvement'
            rf"(?i)(?<!clinically significant )(?<!clinically important )(?<!clinically meaningful )"
            rf"(?<!clinically relevant )(?<!minimum )(?<!minimal )"
            rf"\b(?:(?:estimated|absolute|mean|treatment|risk|between-group)\s+)*differences?(?:\s+|(?=,))"
            # its endpoint is no group: 'the difference between the valerian group (29%) and the placebo group
            # (21%)' prints each arm's figure, no difference
            rf"(?:(?:in|between|of)\s+(?:the\s+)?(?P<ep>(?!\d)(?:[^,;:()\d]|\d+(?=\s+{_COUNTED})){{0,60}}?)(?<!\sp)(?<!\sP)(?<!\sgroup)(?<!\sarm)(?:\s+|(?=:)))?"
            # after its endpoint, a word or a sign leads to the figure: 'difference in IL 6' names IL 6 (a
            # 'p' is none: 'difference in rate of change p = 0.07' prints a p-value)
            rf"(?(ep)(?=was|of|,|:|=|[(\[]))"
            rf"(?:was|of|,|:|=|(?P<opens>[(\[]))?\s*(?P<est>{SIGNED})(?!-(?:year|month|week|day)\b){_PCT}"  # '3-year OS' is a landmark
            rf"(?!\s*{_COUNTED}|\s*(?:{TIME_UNIT}\s+)?(?:of\s+)?follow-?up\b)"
            # a bracket the figure opens is its own only when nothing else follows the figure in it:
            # 'no significant difference in median survival (248 days in the A arm vs. 236 days ...)',
            # 'no difference in freedom from local recurrence (88% vs 90%)' print each arm's figure
            rf"(?(opens)(?=\s*[;,)\]]))"
        ),
    ),
    (
        "relative_reduction",
        re.compile(
            rf"(?i)\b(?:(?:was|were)\s+(?:significantly\s+)?(?:reduced|lowered|decreased)"
            rf"|(?:reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|decreas(?:e|es|ed|ing))\s+the\s+(?:relative\s+)?(?:risk|hazard|odds)\s+of)"
            rf"\b[^;]{{0,100}}?\bby\s+(?P<est>{NUM}){_PCT}"
        ),
    ),
    (
        "relative_change",
        re.compile(rf"(?i)\b(?:was|were)\s+(?P<est>{NUM}){_PCT}\s+(?P<dir>higher|greater|lower|more|less)\b"),
    ),
    (  # 'systolic blood pressure 1.09 (95% confidence interval, 0.27-1.90) mmHg higher than did untreated
        # children', '2.54 mmHg [-1.45 to 6.54] lower in A than in B': a difference in a unit of measure
        # (a percent 'higher than' is as often a relative change)
        "difference",
        re.compile(
            rf"(?i)(?<![\d.%/])(?P<est>{SIGNED})(?:\s*(?P<unit>{_MEASURE}))?"
            rf"(?=\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?(unit)|(?P<unit_after>{_MEASURE}))\s+"
            rf"(?:higher|lower|greater|less|more|larger|smaller)\s+(?:in\s+[^.;()]{{1,60}}?\s+)?than\b)"
        ),
    ),
    ("relative_reduction", _change_in("reduction|decrease")),
    ("relative_change", _change_in("increase")),
    (  # '(0.12% difference in rate of change p = 0.07)': the figure before the word (not a difference a
        # trial was designed to detect: 'to detect a 10% difference')
        "difference",
        re.compile(
            rf"(?i)(?<!detect\s)(?<!detect\sa\s)(?<!detect\san\s)(?<![\d.])(?P<est>{SIGNED})\s*"
            rf"(?P<unit>%|percentage\s+points?|points?)\s+(?:absolute\s+)?difference\b"
            rf"(?:\s+in\s+(?P<ep>[a-z][\w -]{{1,40}}?))?(?=\s*(?:[,;)]|\bp\s*[=<]|$))"
        ),
    ),
    (  # 'an absolute improvement in 2-year survival of 9% from 20% to 29%', 'an absolute benefit of 5%
        # at 5 years', 'an absolute improvement at 2 years of 14%': the absolute gain of a rate
        "difference",
        re.compile(
            rf"(?i)\babsolute\s+(?:benefit|improvement|increase|gain)(?:\s+in\s+(?P<ep>[a-z\d][\w -]{{0,40}}?)"
            rf"|\s+(?:at|of)\s+[\w -]{{1,30}}?)?\s+of\s+(?P<est>{NUM}){_PCT}"
        ),
    ),
    (  # 'Overall survival at 5 years with chemotherapy improved by 8.6%': a rate's absolute gain
        "difference",
        re.compile(rf"(?i)\b(?:improved|increased)\s+by\s+(?:an?\s+(?:absolute\s+)?)?(?P<est>{NUM}){_PCT}"),
    ),
)


def ratio_kind(printed: str) -> str:
    """The statistic a ratio's printed name is; 'aHR', 'AOR', 'aRR': adjusted ('ARR' is no adjusted
    ratio: it is as often an absolute risk reduction)."""
    kind = printed.lower()
    return _RATIO_KINDS[kind[1:] if re.fullmatch(r"a(?:hr|or|irr|rr)", kind) else kind]


def interval(level: str, lo: str, hi: str) -> dict:
    out: dict = {"ci_level": dec(level)}
    for key, raw in (("ci_lower", lo), ("ci_upper", hi)):
        raw = raw.replace(" ", "")
        if re.fullmatch(rf"-?{NUM}", raw):
            out[key] = -dec(raw[1:]) if raw.startswith("-") else dec(raw)
        else:
            out[f"{key}_not_reached"] = True
    return out


def p_value(m: re.Match) -> dict:
    q = re.sub(r"\s+", " ", m.group("q").lower())
    q = {"<or=": "≤", "<=": "≤", ">=": "≥", "=": None, "less than": "<", "greater than": ">"}.get(q, q)
    return {"p_value": dec(m.group("p")), "p_value_qualifier": q}


def estimate(raw: str, unit: str | None) -> dict:
    if re.match(r"(?i)not|nr", raw):
        return {"estimate_not_reached": True, "unit": unit}
    raw = raw.replace(" ", "")
    value = -dec(raw[1:]) if raw.startswith("-") else dec(raw)
    return {"estimate": value, "unit": unit}


def inside_interval(text: str, pos: int) -> bool:
    return any(start <= pos < end for start, end in intervals(text))


@lru_cache(maxsize=256)
def intervals(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the labelled intervals of a sentence, found once per sentence."""
    return tuple((m.start(), m.end()) for m in CI_SCAN.finditer(text))


def holds(interval_: dict, value: Decimal) -> bool:
    """Whether the interval's bounds (an open one bounding nothing) hold the value."""
    lo, hi = interval_.get("ci_lower"), interval_.get("ci_upper")
    return (lo is None or lo <= value) and (hi is None or value <= hi)


def fitting(interval_: dict, raw: str) -> dict:
    """The interval, if it holds the estimate, so that the bounds of another figure are not
    taken for its own (a difference's interval may hold it the other way round: see ``turned``)."""
    value = estimate(raw, None).get("estimate")
    return interval_ if value is None or holds(interval_, value) else {}


def turned(est: dict, interval_: dict) -> bool:
    """A difference printed as its size whose interval bounds it the other way round: 'The
    difference between the mean QALYs was 4.7 days (46.4 ... for the A group vs 41.7 ... for the
    B group), with two-sided 90% CI of -12.7 to 3.3' is B's against A's, -4.7; so read, with
    ``est`` turned and given the interval, estimate and interval agree."""
    value = est.get("estimate")
    if value is None or "ci_level" in est or not holds(interval_, -value):
        return False
    est.update(interval_, estimate=-value)
    return True


_UNITS = {
    "percentage point": "percent",
    "percentage points": "percent",
    "%": "percent",
    "percent": "percent",
    **{code.lower(): name for code, name in MONEY_UNITS.items()},
}


def unit_of(m: re.Match) -> str | None:
    """The unit a contrast prints, before or after its interval ('1.09 (...) mmHg higher')."""
    printed = (m.groupdict().get("unit") or m.groupdict().get("unit_after") or "").strip()
    raw = printed.lower()
    if not raw:
        return None
    if raw in _UNITS:
        return _UNITS[raw]
    if re.fullmatch(_MEASURE, printed) and not raw.startswith("point"):
        return re.sub(r"\s+", "", printed)  # 'mmHg', 'mL', 'mg/dL' as measured values print them
    return re.sub(r"s$", "", raw)
