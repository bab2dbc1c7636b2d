"""Where a sentence names an endpoint: the lexicon's names and abbreviations, those the
abstract defines, 'X-free survival', and names the text narrows ('survival without local
recurrence')."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extraction.lexicon import ENDPOINTS

_ENDPOINT_WORDS = re.compile(
    r"(?i)survival|response|progression|time to|duration|rate\b|quality|life-years|abstinence|mortality|incidence|"
    r"recurrence|relapse|control|failure|remission|cessation|score|index|scale|symptom|pain"
)
_EVENTS = re.compile(r"(?i)\s+events?\b")
_PLURAL_HEAD = re.compile(r"^(time|duration)( to | of )")  # a name's head noun, before its complement
_FREE_OF = re.compile(r"(?i)\b([a-z]+)[- ]free\s+$")
_NARROWED = re.compile(
    r"(?i)\s+(?:without|free\s+(?:of|from))\s+[a-z][a-z -]{2,40}?(?=\s+(?:was|were|is|are|in|at|rate|for|with)\b|[,;(])"
)

# 'survival with effusion control at 30 days': survival in a state the phrase names (not 'survival with
# nivolumab', an arm's)
_WITH_STATE = re.compile(
    r"(?i)\s+with\s+(?:a\s+|an\s+)?[a-z][a-z -]{2,40}?\b(?:control|function|functioning\s+graft|preservation|"
    r"independence|recovery|outcomes?)(?=\s+(?:was|were|is|are|in|at|rate|for|with|compared|than)\b|[,;(])"
)

# 'the confirmed rate of intracranial response', 'intracranial disease control rate': an endpoint
# measured at one site, not the trial's overall one
_SITED = re.compile(
    r"(?i)\b(?:rates?\s+of\s+)?(?P<site>intracranial|extracranial|cns|central\s+nervous\s+system)\s+"
    r"(?:objective\s+)?(?P<kind>response|disease\s+control|progression)(?:\s+rates?)?\b"
)


def endpoint_mentions(text: str, abbreviations: dict[str, str]) -> list[tuple[int, str]]:
    """(position, plain endpoint name) for each endpoint the text names; a name the text
    narrows ('survival without local recurrence') or measures at one site ('intracranial
    response') is that narrower endpoint."""
    pattern, names = _endpoint_pattern(tuple(sorted(abbreviations.items())))
    sited = [(m.start(), m.end(), _sited_name(m)) for m in _SITED.finditer(text)]
    out = [(start, name) for start, _end, name in sited]
    for m in pattern.finditer(text):
        if any(start <= m.start() < end for start, end, _n in sited):
            continue
        free = _FREE_OF.search(text, 0, m.start())
        if m.group(1).lower() == "survival" and free and free.end() == m.start():
            out.append((free.start(), f"{free.group(1).lower()}-free survival"))  # 'recurrence-free survival'
            out += _elided(text, free.start(), "survival", names)
            continue
        out += _elided(text, m.start(), m.group(1).lower().split()[-1], names)
        narrowed = _NARROWED.match(text, m.end()) or (
            _WITH_STATE.match(text, m.end()) if m.group(1).lower() == "survival" else None
        )
        name = f"{m.group(1).lower()}{narrowed.group()}".strip() if narrowed else names[m.group(1).lower()]
        if name == "overall survival" and _EVENTS.match(text, m.end()):
            name = "death"  # '242 (75.2%) OS events had occurred': the share who died, not who survived
        out.append((m.start(), name))
    return sorted(out)


# 'progression-free and overall survival', 'overall and progression-free survival times': the first
# name of a pair that shares its head noun with the second, written once
_ELIDED = re.compile(r"(?i)\b([a-z]+(?:-free)?)-?\s+(?:and|or)\s+$")


def _elided(text: str, start: int, head: str, names: dict[str, str]) -> list[tuple[int, str]]:
    """The endpoint a modifier before 'and' names with the head noun of the name after it."""
    m = _ELIDED.search(text, 0, start)
    if not m:
        return []
    word = m.group(1).lower()
    if word.endswith("-free") and head == "survival":
        return [(m.start(), f"{word} survival")]
    name = names.get(f"{word} {head}")
    return [(m.start(), name)] if name else []


def median_phrases(
    text: str, known: list[tuple[int, str]], abbreviations: dict[str, str]
) -> list[tuple[int, str]]:
    """'Median time to definite impairment of health-related QoL was ...': an endpoint the
    lexicon does not know, named by the words between 'median' and the verb (``known``, the
    mentions found before, loses those inside a longer name)."""
    out = []
    for m in re.finditer(r"(?i)\bmedian\s+((?:time to|duration of)\s[\w -]+?)\s+(?:was|were)\b", text):
        inside = [k for k in known if m.start(1) <= k[0] < m.end(1)]
        if not inside or inside[0][0] > m.start(1):  # a longer name than the lexicon's
            known[:] = [k for k in known if k not in inside]
            # 'Median duration of hospital stay in the GDT group was': the arm is no part of it
            phrase = re.sub(r"(?i)\s+(?:in|for|among)\s+the\s+[\w+/ -]+?\s+(?:group|arm)$", "", m.group(1))
            for abbrev, full in abbreviations.items():
                phrase = re.sub(rf"\b{re.escape(abbrev)}\b", full, phrase)
            out.append((m.start(1), phrase.lower()))
    return out


def _sited_name(m: re.Match) -> str:
    site = "CNS" if m.group("site").lower() in ("cns", "central nervous system") else m.group("site").lower()
    kind = re.sub(r"\s+", " ", m.group("kind").lower())
    return f"{site} {kind}{' rate' if kind != 'progression' else ''}"


@lru_cache(maxsize=64)
def _endpoint_pattern(abbreviations: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    """One alternation of every name and abbreviation (longest first, abbreviations in
    capitals only), built once per set of abbreviations an abstract defines."""
    names = {a: full for a, full in abbreviations if _ENDPOINT_WORDS.search(full)}
    for full in list(names.values()):  # what the abstract defines is known in full too: 'local control (LC)'
        names.setdefault(full.lower(), full)
    for name, aliases in ENDPOINTS.items():
        for alias in aliases:
            names.setdefault(alias, name)
            plural = _PLURAL_HEAD.sub(lambda m: f"{m.group(1)}s{m.group(2)}", alias)
            names.setdefault(plural, name)  # 'median times to progression'
    ordered = sorted(names, key=len, reverse=True)
    alternatives = [re.escape(a) if a.isupper() else f"(?i:{re.escape(a)})" for a in ordered]
    pattern = re.compile(r"\b(" + "|".join(alternatives) + r")s?\b")
    return pattern, {a.lower(): names[a] for a in reversed(ordered)}


_LISTED_BRACKET = re.compile(
    r"(?i)\)\s*,?\s*(?:and|or|but\s+not|as\s+well\s+as)?\s+(?P<noun>[a-z][\w/ -]{1,40}?)\s*[(\[][^()\[\]]*$"
)
_POPULATION = re.compile(
    r"(?i)(?:in|among|for|with|respectively|better|worse|greater|less|more|lower|higher)\b"
    r"|.*\b(?:patients|subgroups?|cohorts?|models?)\b"
)


def listed_after(
    text: str, pos: int, previous: str | None, at: int, abbreviations: dict[str, str]
) -> str | None:
    """'the time to deterioration for cough (HR, 0.60; ...) and dyspnea (HR, 0.68; ...), but not
    pain (HR ...)', 'an improvement in cough (p < 0.0001), dyspnea (p = 0.006), and pain (p <
    0.0001)': a figure in the bracket after a phrase listed after the bracket of the figure
    before (at ``at``, for endpoint ``previous``) is that phrase's, under the head the phrase
    before that bracket had ('time to deterioration for dyspnea')."""
    m = _LISTED_BRACKET.search(text, 0, pos) if previous else None
    if not m or m.start() < at:
        return None
    noun = m.group("noun").strip()
    named = endpoint_mentions(noun, abbreviations)
    if named:
        return named[0][1]
    # the head ends at the last preposition, with a verb of it kept: 'a trend in delaying dyspnea'
    head = re.match(r"(?i)(.+\b(?:for|of|in))\s+((?:[a-z]+ing\s+)?)(\S.*)$", previous)
    before = re.sub(r"\s*[(\[][^()\[\]]*$", "", text[:at]).lower()
    if head and before.endswith(head.group(3).lower()) and not _POPULATION.match(noun):
        return f"{head.group(1)} {head.group(2)}{noun.lower()}"
    return None
