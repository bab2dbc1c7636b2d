"""Efficacy results: per-arm medians and rates, between-arm hazard and odds ratios.

A sentence is read as a row of items (values with their intervals) and of markers around
them (endpoint names, arm names, 'respectively').  Each value takes the endpoint named last
before it and the arm named right after it; values that no arm follows are matched to arms
in the order the sentence (or, failing that, the design) lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.lexicon import ENDPOINTS, HR_EVENTS
from kg.extraction.regimens import ArmFinder
from kg.extraction.text import NUM, Sentence, dec
from kg.model import Arm, ArmResult, Comparison

_BOUND = rf"(?:{NUM}|not reached|NR|not estimable|NE|non-calculable)"
CI = re.compile(
    rf"(?i)\s*[(\[{{]?\s*(?:(?P<level>{NUM})\s*%\s*(?:CI|confidence interval)(?:\s*[\[({{]CI[\])}}])?)\s*[,:]?\s*"
    rf"(?P<lo>{_BOUND})\s*(?:months?\s*)?(?:to|-)\s*(?P<hi>{_BOUND})(?:\s*months?)?\s*[)\]}}]?"
)
_RATIO = re.compile(
    rf"(?i)(?P<strat>\b(?:un)?stratified\s+)?\b(?P<kind>hazard ratio|odds ratio|HR|OR)\b"
    rf"(?:\s*[\[(](?:HR|OR)[\])])?(?P<event>\s+for\s+(?:disease\s+)?(?:progression or death|death|progression|[A-Za-z-]+(?: [A-Za-z-]+)?))?"
    rf"(?P<with>\s+(?:with|in the)\s+[\w+ -]+?(?:\s+group)?)?\s*(?:,|:|=|was|of)?\s*(?P<est>{NUM})\b"
)
_P = re.compile(rf"(?i)\b(?:one-sided\s+|two-sided\s+)?P\s*(?P<q>=|<|>|≤|<=|<or=)\s*(?P<p>{NUM})")
_TIME = re.compile(
    rf"(?i)(?P<est>{NUM}|not reached)\s*(?P<unit>months?|mo|weeks?|years?|days?)\b"
    rf"|\b(?P<nr>not reached|not estimable)\b(?!\s*(?:months?|mo|weeks?|years?|days?)\b)"
)
_RATE = re.compile(rf"(?P<est>{NUM})\s*(?:%|percent\b)")
_RATE_ENDPOINTS = {"objective response rate", "disease control rate"}


@dataclass
class _Item:
    """A per-arm value as printed ('10.7 months (95% CI, 8.8 to 12.3)'), before it has an arm."""

    start: int
    end: int
    raw: str
    unit: str
    ci: re.Match | None
    endpoint: str | None
    arm: Arm | None = None


def endpoint_mentions(text: str, abbreviations: dict[str, str]) -> list[tuple[int, str]]:
    """(position, plain endpoint name) for each endpoint the text names."""
    found: list[tuple[int, int, str]] = []
    names = dict(abbreviations)
    for name, aliases in ENDPOINTS.items():
        for alias in aliases:
            names.setdefault(alias, name)
    for alias in sorted(names, key=len, reverse=True):
        flags = 0 if alias.isupper() else re.IGNORECASE
        for m in re.finditer(rf"\b{re.escape(alias)}\b", text, flags):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), names[alias]))
    return sorted((s, n) for s, _, n in found)


class OutcomeReader:
    def __init__(self, arms: list[Arm], abbreviations: dict[str, str]) -> None:
        self.arms = arms
        self.finder = ArmFinder(arms)
        self.abbreviations = abbreviations
        self.experimental = next((a for a in arms if a.role == "experimental"), arms[0] if arms else None)
        self.comparator = next((a for a in arms if a.role == "comparator"), arms[-1] if arms else None)

    def read(self, sents: list[Sentence]) -> tuple[list[ArmResult], list[Comparison]]:
        per_arm: list[ArmResult] = []
        ratios: list[Comparison] = []
        last_endpoint = None
        for s in sents:
            if not re.match(r"(?i)results|findings", s.section) or _is_safety(s.norm):
                continue
            mentions = endpoint_mentions(s.norm, self.abbreviations)
            comparisons, masked = self._ratios(s.norm, mentions, last_endpoint)
            ratios += comparisons
            per_arm += self._per_arm(s.norm, masked, mentions, last_endpoint)
            if mentions:
                last_endpoint = mentions[-1][1]
        return per_arm, ratios

    def _ratios(self, text: str, mentions, last_endpoint) -> tuple[list[Comparison], str]:
        out, masked = [], text
        for m in _RATIO.finditer(text):
            ci = CI.match(text, m.end()) or CI.match(text, m.end() + _gap(text[m.end() :]))
            end = ci.end() if ci else m.end()
            p = _P.search(text, end, min(len(text), end + 40))
            if p and re.search(r"[A-Za-z]{4,}", text[end : p.start()]):
                p = None
            endpoint = self._ratio_endpoint(m, mentions, last_endpoint)
            arm, comparator = self.experimental, self.comparator
            if m.group("with"):
                named = self.finder.find(m.group("with"))
                if named and named[0][2] is not self.experimental and len(self.arms) == 2:
                    arm, comparator = named[0][2], self.experimental
            if endpoint is None or arm is None or comparator is None or arm is comparator:
                continue
            strat = m.group("strat")
            est = dict(_estimate(m.group("est"), None), **_interval(ci))
            if p:
                est.update(_p_value(p))
            out.append(
                Comparison(
                    endpoint=endpoint,
                    statistic="odds_ratio"
                    if m.group("kind").lower() in ("odds ratio", "or")
                    else "hazard_ratio",
                    arm=arm.label,
                    comparator=comparator.label,
                    stratified=None if not strat else not strat.lower().startswith("un"),
                    **est,
                )
            )
            stop = p.end() if p else end
            masked = masked[: m.start()] + " " * (stop - m.start()) + masked[stop:]
        return out, masked

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

    def _per_arm(self, text: str, masked: str, mentions, last_endpoint) -> list[ArmResult]:
        items = self._items(masked, mentions, last_endpoint)
        if not items:
            return []
        for item, arm in zip(
            items,
            self.finder.assign(
                masked, [(i.start, i.end) for i in items], [(i.endpoint, i.unit) for i in items]
            ),
            strict=True,
        ):
            item.arm = arm
        results = []
        for item in items:
            if item.arm is None or item.endpoint is None:
                continue
            statistic = "rate" if item.unit == "percent" else "median"
            results.append(
                ArmResult(
                    endpoint=item.endpoint,
                    statistic=statistic,
                    arm=item.arm.label,
                    **_estimate(item.raw, item.unit),
                    **_interval(item.ci),
                )
            )
        return results

    def _items(self, masked: str, mentions, last_endpoint) -> list[_Item]:
        items = []
        for pattern, is_rate in ((_TIME, False), (_RATE, True)):
            for m in pattern.finditer(masked):
                endpoint = ([n for pos, n in mentions if pos < m.start()] or [last_endpoint])[-1]
                if is_rate and endpoint not in _RATE_ENDPOINTS:
                    continue
                if not is_rate and re.search(r"(?i)follow-up\W*(?:\w+\W+){0,3}$", masked[: m.start()]):
                    continue
                if _inside_interval(masked, m.start()):
                    continue
                unit = "percent" if is_rate else _time_unit(m.group("unit") or _next_unit(masked, m.end()))
                ci = CI.match(masked, m.end()) or CI.match(masked, m.end() + _gap(masked[m.end() :]))
                end = ci.end() if ci else m.end()
                items.append(_Item(m.start(), end, m.group("est") or m.group("nr"), unit, ci, endpoint))
        return sorted(items, key=lambda i: i.start)


def _next_unit(text: str, pos: int) -> str:
    """A 'not reached' median takes the time unit its sibling values print."""
    m = re.search(r"(?i)\b(months?|mo|weeks?|years?|days?)\b", text[pos:]) or re.search(
        r"(?i)\b(months?|weeks?|years?|days?)\b", text
    )
    return m.group(1) if m else "month"


def _time_unit(word: str) -> str:
    word = word.lower()
    return next(u for u in ("month", "week", "year", "day") if word.startswith(u[:2]))


def _gap(text: str) -> int:
    m = re.match(r"\s*[;,]\s*", text)
    return m.end() if m else 0


def _inside_interval(text: str, pos: int) -> bool:
    return any(m.start() < pos < m.end() for m in CI.finditer(text))


def _estimate(raw: str, unit: str | None) -> dict:
    if raw.lower() in ("not reached", "nr", "not estimable"):
        return {"estimate_not_reached": True, "unit": unit}
    return {"estimate": dec(raw), "unit": unit}


def _interval(ci: re.Match | None) -> dict:
    if not ci:
        return {}
    out: dict = {"ci_level": dec(ci.group("level"))}
    for key, raw in (("ci_lower", ci.group("lo")), ("ci_upper", ci.group("hi"))):
        if re.fullmatch(NUM, raw):
            out[key] = dec(raw)
        else:
            out[f"{key}_not_reached"] = True
    return out


def _p_value(m: re.Match) -> dict:
    q = {"<or=": "≤", "<=": "≤", "=": None}.get(m.group("q"), m.group("q"))
    return {"p_value": dec(m.group("p")), "p_value_qualifier": q}


def _is_safety(text: str) -> bool:
    return bool(re.search(r"(?i)adverse events?|\bAEs?\b|toxicit|toxic effects", text))
