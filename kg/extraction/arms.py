"""Arms and their drugs, read from the sentence that assigns patients to treatment.

"randomly assigned ... to A 1,200 mg intravenously q3w plus B 40 mg orally once daily or
C 75 mg/m2 ..." is cut, outside parentheses, at 'or' / 'versus' (and at commas in lists
'A, B, or C') into one part per arm.  Inside a part every drug is a component, except where
the text offers a choice ('either pemetrexed or docetaxel', 'a standard EGFR-TKI (gefitinib
or erlotinib)'): then the drugs are alternatives of one arm.  A name before a parenthesis
that lists the drugs ('GD (gemcitabine ... plus docetaxel ...)') is the arm's alias.
"""

from __future__ import annotations

import re

from kg.extraction.regimens import drug_mentions, frequency, intervention, route_before
from kg.extraction.text import Sentence
from kg.model import Arm, Drug, Intervention

_ASSIGN_TO = re.compile(
    r"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\b[^.;]*?\bto\b(?:\s+receive)?(?:\s+treatment\s+with)?"
)
_RECEIVED = re.compile(r"(?i)\b(?:patients|participants)\s+(?:were\s+)?(?:received|given)\b")
_ASSIGN_WITH = re.compile(
    r"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|treated)\b[^.;]*?\bwith\b"
)
_COMPARE = re.compile(
    r"(?i)\bcompar(?:ed|ing)\s+(.+?)\s+(?:with|versus|vs\.?|to)\s+(.+?)(?:\s+in\s+\d|\s+in\s+patients|[.;]|$)"
)
_GENERIC = {"chemotherapy", "best supportive care"}


def design_arms(sents: list[Sentence]) -> list[Arm]:
    """Arms from the sentence that assigns patients to two or more regimens and says most
    about them; names the other sentences give them ('gemcitabine-docetaxel (GD)') are kept."""
    candidates: list[tuple[int, int, list[Arm]]] = []
    for n, s in enumerate(sents):
        for bonus, segment in _segments(s.norm):
            arms = _arms_in(segment)
            if len(arms) >= 2:
                candidates.append((bonus + _detail(arms), -n, arms))
    if not candidates:
        return []
    _, minus_n, arms = max(candidates, key=lambda c: (c[0], c[1]))
    _add_background(arms, sents[-minus_n:])
    _expand_generic(arms, sents)
    methods = [x for x in sents if not re.match(r"(?i)results|findings|conclusion|interpretation", x.section)]
    _premedication(arms, methods)
    _enrich(arms, methods)
    _collect_aliases(arms, [c[2] for c in candidates], sents)
    _relabel(arms)
    return arms


def _detail(arms: list[Arm]) -> int:
    return sum(
        1 + sum(x is not None for x in (i.dose, i.route, i.frequency)) for a in arms for i in a.interventions
    )


def _segments(text: str) -> list[tuple[int, str]]:
    """(preference, text listing the arms) for each way the sentence names arms."""
    out = []
    low = text.lower()  # cheap word tests first: the patterns scan lazily and are costly
    m = None
    if any(w in low for w in ("assign", "allocat", "randomi", "treated")):
        m = _ASSIGN_TO.search(text) or _ASSIGN_WITH.search(text)
    if m:
        out.append((5, text[m.end() :]))
    r = _RECEIVED.search(text) if ("received" in low or "given" in low) else None
    if r:
        out.append((3, text[r.end() :]))
    c = _COMPARE.search(text) if "compar" in low else None
    if c:
        out.append((0, f"{c.group(1)} or {c.group(2)}"))
    return out


def _relabel(arms: list[Arm]) -> None:
    """Label = the arm's drugs; a clash (two doses of one drug) keeps the first drug's dose."""
    labels: set[str] = set()
    for arm in arms:
        label = (" or " if arm.choice else " + ").join(dict.fromkeys(arm.drug_names))
        if label in labels:
            first = arm.interventions[0]
            label = f"{label} {first.dose or ''} {first.dose_unit or ''}".strip()
        arm.label = label
        labels.add(label)


def _collect_aliases(arms: list[Arm], candidates: list[list[Arm]], sents: list[Sentence]) -> None:
    """Aliases found with the same drugs in other candidate readings, or 'A-B (AB)' in the text."""
    by_drugs = {frozenset(a.drug_names): a for a in arms}
    for other in candidates:
        for a in other:
            target = by_drugs.get(frozenset(a.drug_names))
            for alias in a.aliases:
                if target is not None and alias not in target.aliases:
                    target.aliases.append(alias)
    for s in sents:
        for m in re.finditer(r"\s\(([A-Za-z][A-Za-z-]{1,10})\)", s.norm):
            # the words since the last closing bracket name what the abbreviation stands for
            start = max(s.norm.rfind(")", 0, m.start()) + 1, m.start() - 80)
            drugs = frozenset(d.name for d in drug_mentions(s.norm[start : m.start()]))
            target = by_drugs.get(drugs)
            if target is not None and m.group(1) not in target.aliases and m.group(1).lower() not in drugs:
                target.aliases.append(m.group(1))


def depth_map(text: str) -> list[int]:
    """Bracket depth of each character: splitting happens only at depth 0."""
    depth, out = 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        out.append(depth)
        if ch in ")]}":
            depth = max(0, depth - 1)
    return out


def _split_top(text: str, pattern: str) -> list[str]:
    depth = depth_map(text)
    parts, start = [], 0
    for m in re.finditer(pattern, text):
        if depth[m.start()] == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def _clause(segment: str) -> str:
    """The segment up to its clause end (a top-level ';' or the sentence end)."""
    depth = depth_map(segment)
    for m in re.finditer(r";|\.(?=\s|$)", segment):
        if depth[m.start()] == 0:
            return segment[: m.start()]
    return segment


def _arms_in(segment: str) -> list[Arm]:
    segment = re.sub(r"(?i)^\s*(?:either|receive|one of)\s+", "", _clause(segment))
    separator = r",?\s+(?:or|versus|vs\.?)\s+"
    if re.search(r",\s+or\s+", segment) and len(_split_top(segment, r",\s+")) >= 3:
        separator = r",\s+(?:or\s+)?|\s+or\s+"
    parts = _merge_drugless(_split_top(segment, separator))
    arms: list[Arm] = []
    k = 0
    while k < len(parts):
        part = parts[k]
        choice = False
        while (
            re.search(r"(?i)\beither\b", part)
            and k + 1 < len(parts)
            and not re.search(r"(?i)\beither\b.*\bor\b", part)
        ):
            k += 1
            part = f"{part} or {parts[k]}"
            choice = True
        arm = _arm(part, choice)
        if arm is not None:
            arms.append(arm)
        k += 1
    return _distinct(arms)


def _merge_drugless(parts: list[str]) -> list[str]:
    """'nivolumab, at a dose of 3 mg/kg every 2 weeks, or docetaxel, ...': a comma-separated
    piece that names no drug belongs to the piece before it."""
    out: list[str] = []
    for part in parts:
        if out and not drug_mentions(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def _arm(part: str, choice: bool) -> Arm | None:
    mentions = drug_mentions(part)
    if not mentions:
        return None
    alias = _alias(part, mentions)
    specific = [m for m in mentions if m.name not in _GENERIC]
    if specific and any(m.name == "chemotherapy" for m in mentions):
        chemo = next(m for m in mentions if m.name == "chemotherapy")
        if re.match(r"(?i)\s*(?:\(|with\s+(?:either\s+)?|,?\s*consisting\s+of)", part[chemo.end :]):
            mentions = [m for m in mentions if m is not chemo]
            alias = alias or "chemotherapy"
    choice = choice or bool(re.search(r"(?i)\beither\b|\b\w+\s+or\s+\w+", part) and len(mentions) > 1)
    interventions: list[Intervention] = []
    for i, m in enumerate(mentions):
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(part)
        prev_end = mentions[i - 1].end if i else 0
        item = intervention(m.name, part[m.end : end], part[prev_end : m.start])
        if item.route is None:
            item.route = route_before(part[: m.start])
        interventions.append(item)
    if choice:
        _share_trailing_schedule(interventions)
    label = part.strip()[:80] or "arm"
    size = re.search(r"\(n\s*=\s*(\d+)\)", part)
    return Arm(
        label=label,
        interventions=_unique(interventions),
        choice=choice,
        aliases=[alias] if alias else [],
        n_randomized=int(size.group(1)) if size else None,
    )


def _alias(part: str, mentions) -> str | None:
    """'GD (gemcitabine ...)': the words right before a parenthesis that holds the drugs."""
    m = re.match(r"\s*(?:the\s+|an?\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s*\(", part)
    if (
        m
        and mentions
        and mentions[0].start > m.end() - 1
        and m.group(1).lower() not in {d.name for d in mentions}
    ):
        return m.group(1)
    tail = re.search(r"\(([A-Za-z][A-Za-z-]{1,12})\)\s*$", part)
    if tail and not drug_mentions(tail.group(1)):
        return tail.group(1)
    return None


def _share_trailing_schedule(interventions: list[Intervention]) -> None:
    """'pemetrexed (500 mg/m2) or docetaxel (75 mg/m2) every 3 weeks': one schedule for all."""
    last = interventions[-1]
    route = next((i.route for i in interventions if i.route), None)
    for item in interventions:
        item.frequency = item.frequency or last.frequency
        item.route = item.route or route


def _unique(interventions: list[Intervention]) -> list[Intervention]:
    seen: dict[str, Intervention] = {}
    for i in interventions:
        seen.setdefault(i.drug.name, i)
    return list(seen.values())


def _distinct(arms: list[Arm]) -> list[Arm]:
    """Arms named twice (two randomisations listing the same regimen) are one arm."""
    seen: dict[tuple, Arm] = {}
    for arm in arms:
        key = (frozenset(arm.drug_names), tuple(i.dose for i in arm.interventions))
        seen.setdefault(key, arm)
    return list(seen.values())


def _add_background(arms: list[Arm], sents: list[Sentence]) -> None:
    """'all the patients also received carboplatin and either paclitaxel or nab-paclitaxel'."""
    for s in sents[:3]:
        m = re.search(r"(?i)\ball (?:the )?patients (?:also )?received\s+([^.;]+)", s.norm)
        if not m:
            continue
        extra = [d.name for d in drug_mentions(m.group(1))]
        for arm in arms:
            have = set(arm.drug_names)
            arm.interventions += [Intervention(drug=Drug(name=d)) for d in extra if d not in have]
        return


def _arm_of(arms: list[Arm], drug: str) -> Arm | None:
    hits = [a for a in arms if drug in a.drug_names]
    return hits[0] if len(hits) == 1 else None


def _premedication(arms: list[Arm], sents: list[Sentence]) -> None:
    """'Cyclophosphamide 300 mg/m2 (before tecemotide) or saline (before placebo) was given
    once': a drug given only with one arm's drug belongs to that arm."""
    for s in sents:
        for m in re.finditer(
            r"(?i)\b(\w+)\b([^()]{0,40})\((?:given\s+)?(?:before|prior to|with)\s+(\w+)\)", s.norm
        ):
            drug, partner = drug_mentions(m.group(1)), drug_mentions(m.group(3))
            if not drug or not partner or any(drug[0].name in a.drug_names for a in arms):
                continue
            arm = _arm_of(arms, partner[0].name)
            if arm is not None:
                arm.interventions.append(intervention(drug[0].name, m.group(2), ""))


def _enrich(arms: list[Arm], sents: list[Sentence]) -> None:
    """Regimens stated in later sentences ('Injections of tecemotide (806 μg) or placebo
    were given every week ...') fill in what the design sentence left out."""
    for s in sents:
        mentions = drug_mentions(s.norm)
        for i, d in enumerate(mentions):
            arm = _arm_of(arms, d.name)
            if arm is None:
                continue
            item = next(x for x in arm.interventions if x.drug.name == d.name)
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            shared = nxt is None or (
                _arm_of(arms, nxt.name) is not arm
                and re.fullmatch(r"[^.;]*\bor\s*", s.norm[d.end : nxt.start])
            )
            found = intervention(d.name, s.norm[d.end : nxt.start if nxt else len(s.norm)], s.norm[: d.start])
            if item.dose is None and found.dose is not None:
                item.dose, item.dose_unit = found.dose, found.dose_unit
            if item.route is None:
                item.route = found.route
            if item.frequency is None and shared:
                item.frequency = frequency(s.norm[d.end :])


def _expand_generic(arms: list[Arm], sents: list[Sentence]) -> None:
    """'Chemotherapy was cisplatin ... and vinorelbine ...': name the drugs of a generic arm part."""
    for s in sents:
        m = re.match(r"(?i)\s*(?:the\s+)?chemotherapy\s+(?:was|consisted of|comprised)\s+(.+)$", s.norm)
        if not m:
            continue
        mentions = drug_mentions(m.group(1))
        if not mentions:
            return
        named = []
        for i, d in enumerate(mentions):
            end = mentions[i + 1].start if i + 1 < len(mentions) else len(m.group(1))
            named.append(intervention(d.name, m.group(1)[d.end : end], ""))
        for arm in arms:
            if "chemotherapy" in arm.drug_names:
                alone = len(arm.drug_names) == 1
                k = arm.drug_names.index("chemotherapy")
                arm.interventions[k : k + 1] = [i.model_copy(deep=True) for i in named]
                # the words the text used for this arm: 'chemotherapy plus cetuximab'
                arm.aliases.append(
                    "chemotherapy" if alone else re.sub(r"(?i)^(?:just|only|the)\s+", "", arm.label)
                )
        return
