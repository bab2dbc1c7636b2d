"""Efficacy results: per-arm medians and rates, between-arm hazard and odds ratios.

A sentence is read as a row of items (values with their intervals) and of markers around
them (endpoint names, arm names, 'respectively').  Each value takes the endpoint named last
before it and the arm named next to it; a run of values that no arm is named beside is
matched to arms in the order the sentence (or, failing that, the design) lists them.
Ratios are read first and blanked out, so their numbers are never taken for medians.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extraction.lexicon import ENDPOINTS, HR_EVENTS
from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import NUM, Sentence, dec
from kg.model import Arm, ArmResult, Comparison

_BOUND = rf"(?:{NUM}|not reached|NR|not estimable|not estimated|NE|non-calculable)"
_TIME_UNIT = r"(?:months?|mo|weeks?|years?|days?)"
_CI_BODY = (
    rf"(?P<level>{NUM})\s*%\s*(?:CI|confidence interval)(?:\s*[\[({{]CI[\])}}])?\s*[,:]?\s*"
    rf"(?P<lo>{_BOUND})\s*(?:{_TIME_UNIT}\s*)?(?:to|-)\s*(?P<hi>{_BOUND})(?:\s*{_TIME_UNIT})?\s*[)\]}}]?"
)
CI = re.compile(rf"(?i)\s*[(\[{{]?\s*{_CI_BODY}")  # matched at a known position
_CI_SCAN = re.compile(rf"(?i)(?<![\d.]){_CI_BODY}")  # searched for: starts only at a digit
# Lancet style: after one labelled interval, later ones print only the bounds: '(19.6-25.5)'
_BARE_CI = re.compile(rf"\s*(?:[(\[]\s*|,\s*)(?P<lo>{NUM})\s*(?:-|to)\s*(?P<hi>{_BOUND})\s*[)\]]?")
_RATIO = re.compile(
    rf"(?i)(?P<strat>\b(?:un)?stratified\s+|\badjusted\s+)?\b(?P<kind>hazard ratio|odds ratio|HR|OR)\b"
    rf"(?:\s*[\[(](?:HR|OR)[\])])?(?P<event>\s+for\s+(?:disease\s+)?(?:progression or death|death or (?:disease )?progression|death|progression|[A-Za-z-]+(?: [A-Za-z-]+)?))?"
    rf"(?P<with>\s+(?:with|in the)\s+[\w+ -]+?(?:\s+group)?)?\s*(?:,|:|=|was|of)?\s*(?P<est>{NUM})\b"
)
_NEXT_RATIO = re.compile(rf"(?i),?\s*and\s+for\s+(?P<endpoint>[\w -]+?),\s*(?:it\s+was\s+)?(?P<est>{NUM})\b")
_P = re.compile(rf"(?i)\b(?:one-sided\s+|two-sided\s+)?P\s*(?P<q>=|<|>|≤|<=|<or=)\s*(?P<p>{NUM})")
_TIME = re.compile(
    rf"(?i)(?P<est>{NUM}|not reached)\s*(?P<unit>{_TIME_UNIT})\b"
    rf"|(?P<first>{NUM})(?=\s*(?:and|vs\.?|v|versus|or)\s+{NUM}\s*(?P<next>{_TIME_UNIT})\b)"
    rf"|\b(?P<nr>not (?:yet )?(?:been )?reached|not estimable)\b(?!\s*{_TIME_UNIT}\b)"
)
_RATE = re.compile(rf"(?<![\d.])(?P<est>{NUM})\s*(?:%|percent\b)")
_LANDMARK = re.compile(
    r"(?i)\b(\d+)[- ](year|month)s?\b(?:[- ](?:rates?\s+of\s+)?)|\bat\s+(\d+)\s+(year|month)s?\b"
)
_ENDPOINT_WORDS = re.compile(
    r"(?i)survival|response|progression|time to|duration|rate\b|quality of life|control"
)
_SAFETY_WORDS = re.compile(r"(?i)adverse events?|\bAEs?\b|toxicit|toxic effects")
_RATE_ENDPOINTS = {"objective response rate", "disease control rate"}
_SUBGROUP = re.compile(
    r"(?i)^(?:in|among)\s+(?:the\s+)?(?:subgroup\s+of\s+)?(?:\d+\s+)?(?:patients|participants)\s+"
    r"(?:who\s+(?:were|had|received)\s+|with\s+)(?P<who>[^,;]+?)\s*(?:\([^)]*\))?,"
)


@dataclass
class _Item:
    """A per-arm value as printed ('10.7 months (95% CI, 8.8 to 12.3)'), before it has an arm."""

    start: int
    end: int
    raw: str
    unit: str
    ci: dict
    endpoint: str | None
    timepoint: str | None = None
    arm: Arm | None = None


def endpoint_mentions(text: str, abbreviations: dict[str, str]) -> list[tuple[int, str]]:
    """(position, plain endpoint name) for each endpoint the text names."""
    pattern, names = _endpoint_pattern(tuple(sorted(abbreviations.items())))
    return [(m.start(), names[m.group(1).lower()]) for m in pattern.finditer(text)]


@lru_cache(maxsize=64)
def _endpoint_pattern(abbreviations: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every name and abbreviation (longest first, abbreviations in
    capitals only), built once per set of abbreviations an abstract defines."""
    names = {a: full for a, full in abbreviations if _ENDPOINT_WORDS.search(full)}
    for name, aliases in ENDPOINTS.items():
        for alias in aliases:
            names.setdefault(alias, name)
    ordered = sorted(names, key=len, reverse=True)
    alternatives = [re.escape(a) if a.isupper() else f"(?i:{re.escape(a)})" for a in ordered]
    pattern = re.compile(r"\b(" + "|".join(alternatives) + r")s?\b")
    return pattern, {a.lower(): names[a] for a in reversed(ordered)}


class OutcomeReader:
    def __init__(
        self,
        arms: list[Arm],
        abbreviations: dict[str, str],
        primary: str | None = None,
        finder: ArmFinder | None = None,
    ) -> None:
        self.arms = arms
        self.primary = primary  # what 'the primary endpoint' refers to
        self.finder = finder or ArmFinder(arms)
        self.abbreviations = abbreviations
        self.experimental = next((a for a in arms if a.role == "experimental"), arms[0] if arms else None)
        self.comparator = next((a for a in arms if a.role == "comparator"), arms[-1] if arms else None)
        self.ci_level: str | None = None  # the last labelled interval's level, for bare ones
        self._sentence: Sentence | None = None  # the sentence being read, for evidence spans

    def read(self, sents: list[Sentence]) -> tuple[list[ArmResult], list[Comparison]]:
        per_arm: list[ArmResult] = []
        ratios: list[Comparison] = []
        last_endpoint = None
        for s in sents:
            if not re.match(r"(?i)results|findings", s.section):
                continue
            self._sentence = s
            text = _before_safety(s.norm)
            if labelled := _CI_SCAN.search(text):
                self.ci_level = self.ci_level or labelled.group("level")
            mentions = endpoint_mentions(text, self.abbreviations)
            mentions += self._median_phrases(text, mentions)
            mentions += [
                (m.start(), self.primary)
                for m in re.finditer(r"(?i)primary end\s?point", text)
                if self.primary
            ]
            mentions.sort()
            subgroup = _subgroup(text)
            comparisons, masked = self._ratios(text, mentions, last_endpoint, subgroup)
            ratios += comparisons
            per_arm += self._per_arm(masked, mentions, last_endpoint, subgroup)
            if mentions:
                last_endpoint = mentions[-1][1]
        return per_arm, ratios

    def _median_phrases(self, text: str, known: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """'Median time to definite impairment of health-related QoL was ...': an endpoint the
        lexicon does not know, named by the words between 'median' and the verb."""
        out = []
        for m in re.finditer(r"(?i)\bmedian\s+((?:time to|duration of)\s[\w -]+?)\s+(?:was|were)\b", text):
            inside = [k for k in known if m.start(1) <= k[0] < m.end(1)]
            if not inside or inside[0][0] > m.start(1):  # a longer name than the lexicon's
                known[:] = [k for k in known if k not in inside]
                phrase = m.group(1)
                for abbrev, full in self.abbreviations.items():
                    phrase = re.sub(rf"\b{re.escape(abbrev)}\b", full, phrase)
                out.append((m.start(1), phrase.lower()))
        return out

    def _interval_after(self, text: str, pos: int) -> tuple[dict, int]:
        """The interval printed right after a value (labelled, or bare in Lancet style)."""
        ci = CI.match(text, pos) or CI.match(text, pos + _gap(text[pos:]))
        if ci:
            self.ci_level = ci.group("level")
            return _interval(ci.group("level"), ci.group("lo"), ci.group("hi")), ci.end()
        bare = _BARE_CI.match(text, pos)
        if bare and self.ci_level and not re.match(r"\s*,\s*\d+\s*(?:patients|of)\b", text[pos:]):
            return _interval(self.ci_level, bare.group("lo"), bare.group("hi")), bare.end()
        return {}, pos

    def _ratios(self, text: str, mentions, last_endpoint, subgroup) -> tuple[list[Comparison], str]:
        out, masked = [], text
        for m in _RATIO.finditer(text):
            endpoint = self._ratio_endpoint(m, mentions, last_endpoint)
            found = [(m, endpoint)]
            follow = _NEXT_RATIO.match(text, self._ratio_end(text, m)[0])
            if follow:
                named = endpoint_mentions(follow.group("endpoint"), self.abbreviations)
                found.append((follow, named[0][1] if named else None))
            for match, ep in found:
                comparison, stop = self._comparison(text, match, m, ep, subgroup)
                if comparison is not None:
                    out.append(comparison)
                masked = masked[: match.start()] + " " * (stop - match.start()) + masked[stop:]
        return out, masked

    def _ratio_end(self, text: str, m: re.Match) -> tuple[int, dict, re.Match | None]:
        interval, end = self._interval_after(text, m.end())
        p = _P.search(text, end, min(len(text), end + 40))
        if p and re.search(
            r"[A-Za-z]{4,}", re.sub(r"(?i)stratified|log-rank|one-sided|two-sided", "", text[end : p.start()])
        ):
            p = None
        return (p.end() if p else end), interval, p

    def _comparison(self, text, match, ratio, endpoint, subgroup) -> tuple[Comparison | None, int]:
        stop, interval, p = self._ratio_end(text, match)
        arm, comparator = self.experimental, self.comparator
        if ratio.group("with"):
            named = self.finder.find(ratio.group("with"))
            if named and named[0][2] is not self.experimental and len(self.arms) == 2:
                arm, comparator = named[0][2], self.experimental
        if endpoint is None or arm is None or comparator is None or arm is comparator:
            return None, stop
        strat = ratio.group("strat") or ""
        stratified = None
        if re.match(r"(?i)un|stra", strat):
            stratified = not strat.lower().startswith("un")
        elif p is not None and re.search(r"(?i)\bstratified\b", text[match.end() : p.start()]):
            stratified = True
        est = dict(_estimate(match.group("est"), None), **interval)
        if p:
            est.update(_p_value(p))
        kind = "odds_ratio" if ratio.group("kind").lower() in ("odds ratio", "or") else "hazard_ratio"
        return Comparison(
            endpoint=endpoint,
            statistic=kind,
            arm=arm.label,
            comparator=comparator.label,
            stratified=stratified,
            subgroup=subgroup,
            evidence=self._sentence.evidence(match.start(), stop),
            **est,
        ), stop

    def _ratio_endpoint(self, m: re.Match, mentions, last_endpoint) -> str | None:
        event = (m.group("event") or "").strip()
        event = re.sub(r"(?i)^for\s+", "", event)
        if event in HR_EVENTS:
            return HR_EVENTS[event]
        if event:
            named = endpoint_mentions(event, self.abbreviations)
            if named:
                return named[0][1]
        before = [n for pos, n in mentions if pos < m.start()]
        return before[-1] if before else last_endpoint

    def _per_arm(self, masked: str, mentions, last_endpoint, subgroup) -> list[ArmResult]:
        items = self._items(masked, mentions, last_endpoint)
        if not items:
            return []
        spans = [(i.start, i.end) for i in items]
        keys = [(i.endpoint, i.unit, i.timepoint) for i in items]
        for item, arm in zip(items, self.finder.assign(masked, spans, keys), strict=True):
            item.arm = arm
        return [
            ArmResult(
                endpoint=item.endpoint,
                statistic="rate" if item.unit == "percent" else "median",
                arm=item.arm.label,
                timepoint=item.timepoint,
                subgroup=subgroup,
                evidence=self._sentence.evidence(item.start, item.end),
                **_estimate(item.raw, item.unit),
                **item.ci,
            )
            for item in items
            if item.arm is not None and item.endpoint is not None
        ]

    def _items(self, masked: str, mentions, last_endpoint) -> list[_Item]:
        items = []
        for m in _TIME.finditer(masked):
            if re.search(r"(?i)follow-up\W*(?:\w+\W+){0,3}$", masked[: m.start()]) or _inside_interval(
                masked, m.start()
            ):
                continue
            endpoint = _endpoint_at(mentions, m.start(), last_endpoint)
            unit = _time_unit(m.group("unit") or m.group("next") or _next_unit(masked, m.end()))
            raw = m.group("est") or m.group("first") or m.group("nr")
            interval, end = self._interval_after(masked, m.end())
            items.append(_Item(m.start(), end, raw, unit, interval, endpoint))
        for m in _RATE.finditer(masked):
            endpoint = _endpoint_at(mentions, m.start(), last_endpoint)
            timepoint = _landmark(masked[: m.start()])
            if (endpoint not in _RATE_ENDPOINTS and timepoint is None) or _inside_interval(masked, m.start()):
                continue
            interval, end = self._interval_after(masked, m.end())
            items.append(_Item(m.start(), end, m.group("est"), "percent", interval, endpoint, timepoint))
        return sorted(items, key=lambda i: i.start)


def _endpoint_at(mentions: list[tuple[int, str]], pos: int, last: str | None) -> str | None:
    before = [n for p, n in mentions if p < pos]
    return before[-1] if before else last


def _landmark(before: str) -> str | None:
    """'1-year survival 46%', 'the 12-month progression-free survival rate was 55.9%',
    'The survival rate at 18 months was 83%': the landmark time of a rate, in months."""
    window = before[-90:]
    hits = list(_LANDMARK.finditer(window))
    if not hits:
        return None
    m = hits[-1]
    n, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    months = int(n) * (12 if unit.lower().startswith("year") else 1)
    return f"{months} months"


def _subgroup(text: str) -> str | None:
    m = _SUBGROUP.match(text)
    return m.group("who").strip() if m else None


def _next_unit(text: str, pos: int) -> str:
    """A 'not reached' median takes the time unit its sibling values print."""
    m = re.search(rf"(?i)\b({_TIME_UNIT})\b", text[pos:]) or re.search(rf"(?i)\b({_TIME_UNIT})\b", text)
    return m.group(1) if m else "month"


def _time_unit(word: str) -> str:
    word = word.lower()
    return next(u for u in ("month", "week", "year", "day") if word.startswith(u[:2]))


def _gap(text: str) -> int:
    m = re.match(r"\s*[;,]\s*", text)
    return m.end() if m else 0


def _inside_interval(text: str, pos: int) -> bool:
    return any(start <= pos < end for start, end in _intervals(text))


@lru_cache(maxsize=256)
def _intervals(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the labelled intervals of a sentence, found once per sentence."""
    return tuple((m.start(), m.end()) for m in _CI_SCAN.finditer(text))


def _estimate(raw: str, unit: str | None) -> dict:
    if re.match(r"(?i)not|nr", raw):
        return {"estimate_not_reached": True, "unit": unit}
    return {"estimate": dec(raw), "unit": unit}


def _interval(level: str, lo: str, hi: str) -> dict:
    out: dict = {"ci_level": dec(level)}
    for key, raw in (("ci_lower", lo), ("ci_upper", hi)):
        if re.fullmatch(NUM, raw):
            out[key] = dec(raw)
        else:
            out[f"{key}_not_reached"] = True
    return out


def _p_value(m: re.Match) -> dict:
    q = {"<or=": "≤", "<=": "≤", "=": None}.get(m.group("q"), m.group("q"))
    return {"p_value": dec(m.group("p")), "p_value_qualifier": q}


def _before_safety(text: str) -> str:
    """The part of a sentence before it turns to adverse events ('..., and treatment-related
    adverse events of any grade were less frequent (73.4% vs. 90.0%)'), less the up to three
    words that qualify them."""
    m = _SAFETY_WORDS.search(text)
    if not m:
        return text
    head = text[: m.start()]
    words = re.search(r"(?:[\w-]+\s+){0,3}$", head)
    return head[: words.start()] if words else head
