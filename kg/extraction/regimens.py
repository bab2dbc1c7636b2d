"""Drug regimens (dose, unit, route, schedule), finding arms where a sentence names them,
and arm sizes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extraction.lexicon import find_drugs
from kg.extraction.text import NUM, Sentence, dec
from kg.model import Arm, Drug, Evidence, Intervention

_DOSE = re.compile(
    rf"(?i)(?:\bat\s+a\s+dose\s+of\s+)?\b({NUM})\s*(mg/m2|mg/kg|mg|µg|μg|mcg|g)\b|\bAUC\s*(?:of\s+)?({NUM})"
)
# upper-case abbreviations (IV, PO, SC) only as printed; words in any case
_ROUTES = {
    "intravenous": re.compile(r"(?i:\bintravenous(?:ly)?\b|\bi\.v\.)|\bIV\b"),
    "oral": re.compile(r"(?i:\boral(?:ly)?\b|\bby mouth\b)|\bPO\b"),
    "subcutaneous": re.compile(r"(?i:\bsubcutaneous(?:ly)?\b)|\bSC\b"),
    "intramuscular": re.compile(r"(?i)\bintramuscular(?:ly)?\b"),
}
_FREQUENCIES = tuple(
    (re.compile(pattern, re.IGNORECASE), template)
    for pattern, template in (
        (r"\b(?:once\s+)?every\s+(\d+)(?:\s+|-)weeks?\b|\bq(\d)w\b|\b(\d)-weekly\b", "every {} weeks"),
        (r"\b(?:once\s+)?(?:every\s+week|weekly)\b|\bqw\b", "every week"),
        (r"\btwice\s+(?:daily|a\s+day)\b|\bbid\b", "twice daily"),
        (r"\b(?:once\s+)?(?:daily|a\s+day)\b|\bqd\b", "once daily"),
        (r"\b(?:once\s+)?every\s+(\d+)\s+days?\b|\b(\d+)-day\s+cycles?\b", "every {} days"),
    )
)


@dataclass(frozen=True)
class _Mention:
    name: str
    start: int
    end: int


def drug_mentions(text: str) -> list[_Mention]:
    return list(_drug_mentions(text))


@lru_cache(maxsize=1024)
def _drug_mentions(text: str) -> tuple[_Mention, ...]:
    """Cached: the same sentence is searched for drugs by several rules."""
    return tuple(_Mention(name, start, end) for name, start, end in find_drugs(text))


def intervention(drug: str, after: str, before: str = "") -> Intervention:
    """One drug's regimen from the words after it ('40 mg orally once daily'), or a dose
    printed right before it ('100 mg/m2 nab-paclitaxel', '200 mg of pembrolizumab')."""
    dose = unit = None
    m = _DOSE.search(after)
    lead = re.search(rf"(?i)\b({NUM})\s*(mg/m2|mg/kg|mg|µg|μg|mcg|g)\s*(?:of\s+)?$", before)
    if lead and (not m or m.start() > 0):
        dose, unit = dec(lead.group(1)), _unit(lead.group(2))
    elif m and m.group(1):
        dose, unit = dec(m.group(1)), _unit(m.group(2))
    elif m:
        dose, unit = dec(m.group(3)), "AUC"
    route = next((r for r, p in _ROUTES.items() if p.search(after)), None)
    return Intervention(
        drug=Drug(name=drug), dose=dose, dose_unit=unit, route=route, frequency=frequency(after)
    )


def _unit(text: str) -> str:
    return text.lower().replace("μg", "µg").replace("mcg", "µg")


def route_before(text: str) -> str | None:
    """'oral treatment with crizotinib', 'intravenous chemotherapy with either ...': a route
    adjective among the few words before the drug."""
    tail = " ".join(text.split()[-4:])
    return next((r for r, p in _ROUTES.items() if p.search(tail)), None)


def frequency(text: str) -> str | None:
    """The first schedule the text states ('every week for 8 weeks, and then every 6 weeks')."""
    hits = []
    for pattern, template in _FREQUENCIES:
        m = pattern.search(text)
        if m:
            n = next((g for g in m.groups() if g), None)
            hits.append((m.start(), template.format(n) if n else template))
    return min(hits)[1] if hits else None


_LINK = re.compile(
    r"(?i)[\s,]*(?:patients\s+|those\s+)?(?:with|in|for|among|on|receiving|who received|treated with|given)?"
    r"\s*(?:the\s+)?(?:\d+\s*(?:\(\d+%\)\s*)?(?:of\s+\d+\s+)?patients\s+(?:randomly\s+)?(?:assigned|allocated)\s+to\s+)?"
    r"(?:patients\s+)?(?:in\s+the\s+|receiving\s+|treated with\s+)?"
)


_LEAD = re.compile(r"(?i)\s*(?:group|arm)?\s*(?:was|were|:)\s*")


class ArmFinder:
    """Finds the arms a sentence names: 'atezolizumab plus cabozantinib', 'the docetaxel group'."""

    def __init__(self, arms: list[Arm]) -> None:
        self.arms = arms
        self._found: dict[str, list[tuple[int, int, Arm]]] = {}
        self.by_drugs = {frozenset(a.drug_names): a for a in arms}
        aliases = [(alias, a) for a in arms for alias in a.aliases]
        self.aliases = [
            (re.compile(rf"\b{re.escape(alias)}s?\b", 0 if alias.isupper() else re.IGNORECASE), arm)
            for alias, arm in sorted(aliases, key=lambda x: -len(x[0]))
        ]

    def find(self, text: str) -> list[tuple[int, int, Arm]]:
        """(start, end, arm) for each arm named in the text, in order (memoised: the rules
        ask about the same sentence many times)."""
        if text not in self._found:
            self._found[text] = self._find(text)
        return list(self._found[text])

    def _find(self, text: str) -> list[tuple[int, int, Arm]]:
        out = self._by_alias(text)
        taken = [(s, e) for s, e, _a in out]
        for start, end, arm in self._by_drugs(text):
            if not any(s <= start < e for s, e in taken):
                out.append((start, end, arm))
        return sorted(out, key=lambda x: x[0])

    def _by_alias(self, text: str) -> list[tuple[int, int, Arm]]:
        out: list[tuple[int, int, Arm]] = []
        for pattern, arm in self.aliases:
            for m in pattern.finditer(text):
                if not any(s <= m.start() < e for s, e, _a in out):
                    out.append((m.start(), m.end(), arm))
        return out

    def _by_drugs(self, text: str) -> list[tuple[int, int, Arm]]:
        drugs = drug_mentions(text)
        out: list[tuple[int, int, Arm]] = []
        i = 0
        while i < len(drugs):
            best = None
            for j in range(i, len(drugs)):
                if j > i and not re.fullmatch(
                    r"(?i)\s*(?:plus|and|with|or|\+|/|-)\s*", text[drugs[j - 1].end : drugs[j].start]
                ):
                    break
                arm = self.by_drugs.get(frozenset(d.name for d in drugs[i : j + 1]))
                if arm:
                    best = (j, arm)
            if best is None:
                arm = self._containing(drugs[i].name)
                best = (i, arm) if arm else None
            if best:
                out.append((drugs[i].start, drugs[best[0]].end, best[1]))
                i = best[0] + 1
            else:
                i += 1
        return out

    def assign(self, text: str, spans: list[tuple[int, int]], keys: list[object]) -> list[Arm | None]:
        """The arm of each value span.

        A run of values with one key (endpoint, unit) and 'respectively' after it takes the
        arms the sentence names after it, in order ('14 and 10 in the A and B arms,
        respectively'), or else those named before it; otherwise a value takes the arm
        named right after it ('10.7 months with A') or right before it ('A was 7.7
        months'); a run still unmatched and as long as the arm list takes the design order.
        """
        marks = self.find(text)
        arms: list[Arm | None] = [None] * len(spans)
        runs = _runs(list(range(len(spans))), keys)
        for n, run in enumerate(runs):
            first, last = spans[run[0]][0], spans[run[-1]][1]
            stop = spans[runs[n + 1][0]][0] if n + 1 < len(runs) else len(text)
            if len(run) > 1 and "respectively" in text[last:stop]:
                after = [a for s, _e, a in marks if last <= s < stop]
                before: list[Arm] = []
                for s, _e, a in marks:
                    if s < first and all(a is not b for b in before):
                        before.append(a)
                order = after if len(after) >= len(run) else before
                if len(order) >= len(run):
                    for k, arm in zip(run, order, strict=False):
                        arms[k] = arm
                    continue
            for k in run:
                arms[k] = self._beside(text, spans[k], marks)
            missing = [k for k in run if arms[k] is None]
            if len(missing) == len(run) == len(self.arms):
                for k, arm in zip(run, self.arms, strict=True):
                    arms[k] = arm
        return arms

    @staticmethod
    def _beside(text: str, span: tuple[int, int], marks) -> Arm | None:
        start, end = span
        after = [a for s, _e, a in marks if end <= s <= end + 60 and _LINK.fullmatch(text[end:s])]
        if after:
            return after[0]
        before = [a for _s, e, a in marks if start - 40 <= e <= start and _LEAD.fullmatch(text[e:start])]
        return before[-1] if before else None

    def _containing(self, drug: str) -> Arm | None:
        """A drug that belongs to exactly one arm names that arm ('the nivolumab group')."""
        hits = [a for a in self.arms if drug in a.drug_names]
        return hits[0] if len(hits) == 1 else None


def _runs(indexes: list[int], keys: list[object]) -> list[list[int]]:
    runs: list[list[int]] = []
    for k in indexes:
        if runs and keys[runs[-1][-1]] == keys[k]:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


_TOTALS = (
    r"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed),?\s+(?:in\s+an?\s+\d+:\d+(?::\d+)?\s+ratio,?\s+)?(\d+)\s+(?:\w+\s+){0,2}patients\b",
    r"(?i)\b(?:a total of\s+|in all,?\s+|of\s+)?(\d+)\s+(?:\w+\s+){0,3}patients\s+(?:were|who)\s+(?:\w+\s+)?"
    r"(?:randomly\s+assigned|randomi[sz]ed|underwent randomi[sz]ation|enrolled|recruited)",
    r"(?i)\bcompar\w+\s+[^.;]+?\s+in\s+(\d+)\s+patients\b",
)
_BEFORE_ARM = re.compile(
    r"(?<![\d.%:])(\d+)(?![\d.%:])\s+(?:patients\s+)?(?:were\s+)?(?:(?:randomly\s+)?assigned\s+|allocated\s+)?"
    r"(?:to\s+)?(?:receive\s+)?(?:the\s+)?$"
)
_AMONG = re.compile(r"(?i)\bamong\s+(\d+)\s+patients\s+in\s+the\s+$")


def arm_sizes(
    sents: list[Sentence], finder: ArmFinder
) -> tuple[dict[str, tuple[int, Evidence]], int | None, Evidence | None]:
    """Patients per arm and the randomised total, each with where it was read."""
    sizes: dict[str, tuple[int, Evidence]] = {}
    total = total_evidence = None
    for s in sents:
        assigning = re.search(r"(?i)assigned|randomi[sz]|allocated|enrolled|recruited|\breceived\b", s.norm)
        if total is None and "patients" in s.norm:
            m = next((m for p in _TOTALS if (m := re.search(p, s.norm))), None)
            if m:
                total, total_evidence = int(m.group(1)), s.evidence(m.start(1), m.end(1))
        mentions = finder.find(s.norm)
        for k, (start, end, arm) in enumerate(mentions):
            after = s.norm[end : mentions[k + 1][0] if k + 1 < len(mentions) else len(s.norm)]
            before = s.norm[mentions[k - 1][1] if k else 0 : start]
            n_after = re.match(r"\s*(?:alone|monotherapy|group|arm)?\s*[(,]\s*n\s*=\s*(\d+)", after)
            after_at, before_at = end, mentions[k - 1][1] if k else 0
            n_before = _BEFORE_ARM.search(before) if assigning else None
            if n_before and re.search(
                r"(?i)(?:assigned|allocated|randomi[sz]ed),?\s*$", before[: n_before.start()]
            ):
                n_before = None  # 'we randomly assigned 272 patients to receive A': the total
            among = _AMONG.search(before)
            hit = (n_after if assigning else None) or n_before or among
            if hit and arm.label not in sizes:
                at = after_at if hit is n_after else before_at
                sizes[arm.label] = (
                    int(hit.group(1)),
                    s.evidence(at + hit.start(1), end if hit is not n_after else at + hit.end()),
                )
    return sizes, total, total_evidence
