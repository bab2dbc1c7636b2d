"""The subgroup a figure is reported for: 'In patients with high EGFR-gene-copy number, ...',
'... versus ZA in 702 patients with NSCLC (9.5 versus 8.0 months; HR 0.78)', '... 8.6 months
for denosumab versus 6.4 months for ZA in patients with squamous cell carcinoma'."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extraction.populations import labelled_phrases, paired_phrase, plain_label
from kg.extraction.stats import FOR_PHRASE

# 'among those with exon 19 deletions and L858R EGFR mutations (n = 308)': 'those' speaks of
# patients too; a colon ends the phrase ('for patients with EGFR Leu858Arg-positive tumours in
# either trial: in LUX-Lung 3, ...'); the size a phrase prints ('in the subgroup of 261 patients
# who ...') is its own; an abbreviation's bracket inside the phrase is part of it ('positive for
# the epidermal growth factor receptor gene (EGFR) mutation')
_ABBREVIATION = r"\((?-i:[A-Z][A-Za-z0-9-]{1,9})\)(?=\s+\w)"
_PHRASE = re.compile(
    r"(?i)\b(?:in|among|for)\s+(?:the\s+)?(?:subgroup\s+of\s+|subset\s+of\s+)?(?:(?P<n>\d+)\s+)?"
    r"(?:patients|participants|subjects|women|men|persons|people|those)\s+"
    rf"(?:who\s+(?:were|had|received)\s+|with\s+(?:an?\s+)?)(?P<who>(?:[^,;:()]|\s{_ABBREVIATION})+?)"
    rf"(?=\s*(?:[,;:)]|(?!{_ABBREVIATION})\(|\bwas\b|\bwere\b|\bwho\b|\bduring\b|\band\s+(?:in|those|for|among)\b|$)|\s+(?:previously\s+)?"
    r"(?:receiving|received|treated\s+with|given|assigned|randomi[sz]ed|allocated)\b)"
)

# 'in the EGFR mutation-positive subgroup', 'for the curative intent treatment subgroup', 'in
# the subgroup with persistent N2 disease': a subgroup named by the word itself
_NAMED = re.compile(
    r"(?i)\b(?:in|among|for|within)\s+the\s+(?:(?P<who>(?!(?:each|every|all|overall|whole|entire|"
    r"same|other|prespecified|pre-specified)\b)(?:(?!\b(?:this|these|that)\b)[^,;()]){1,50}?)\s+(?:subgroup|subset|stratum)"
    r"|(?:subgroup|subset|stratum)\s+with\s+(?P<with>[^,;()]+?)(?=\s*(?:[,;()]|\bwas\b|\bwere\b|$)))\b"
)


# 'In the planned interim analysis of data for the first 200 patients, ...': the patients an early
# analysis read are a population of their own
_FIRST = re.compile(
    r"(?i)(?P<interim>\binterim\s+analysis\b[^,;.()]{0,30}?)?\b(?:in|for|among|of)\s+the\s+first\s+(?P<n>\d+)\s+"
    r"(?:[\w-]+\s+){0,2}?(?P<people>patients|participants|subjects)\b"
)


# a group by age: 'In the elderly, median survival was ...', 'among patients aged 70 years or older'
# (not two groups set side by side: 'in patients younger than 70 years and 70 years old or older')
_AGE = re.compile(
    r"(?i)\b(?:in|among|for)\s+(?:the\s+)?(?P<who>(?:elderly|older|younger)(?:\s+(?:patients|participants|"
    r"subjects|adults|people))?|(?:patients|participants|subjects)\s+(?:aged|age|older\s+than|younger\s+than)\s+"
    r"(?:(?!\band\b)[^,;().])+?)(?=\s*[,;().]|\s+(?:was|were|had|the)\b|$)"
)


# 'for never-smokers (n=375; 0.67 [0.49-0.92] ...) and patients of Asian origin (n=342; ...)', 'induction
# response: complete/partial responders (n = 234) OS HR, 0.81': a group printed with its own size,
# in the bracket that holds its figures or in one its ratio follows
_SIZED = re.compile(
    r"(?i)(?:\b(?:for|in|among|and)|:)\s+(?:the\s+)?(?P<who>[a-z][\w/-]*(?:\s+(?!(?:and|or|for|in|with|who|the|than)\b)"
    r"[\w/-]+){0,3})(?=\s*\(\s*n\s*=\s*\d+\s*(?:[;,]|\)\s*(?:(?-i:[A-Z]{2,4})\s+)?(?:(?-i:HR|OR|RR)|hazard\s+ratio|odds\s+ratio)\b))"
)

# the size printed right after a group's name: 'in patients with adenocarcinoma (n = 847; 12.6 v 10.9 months)'
_SIZE_AFTER = re.compile(r"\s*\(\s*n\s*=\s*(?P<n>\d+)\s*[;,)]")


# the sex, smoking or histology words that name a group of patients
_WHO_WORDS = r"(?:wo)?men|males?|females?|smokers?|elderly|squamous|nonsquamous|adenocarcinoma"
# 'or in EGFR mutation-positive (HR, 1.00; ...) or EGFR mutation-negative (HR, 1.18; ...) subgroups':
# a group named by its marker, sex, histology or stage, printed right before the bracket its ratio opens
_BRACKETED = re.compile(
    r"(?i)\b(?:for|in|among|or|and)\s+(?:the\s+)?(?P<who>(?:(?!(?:and|or|for|in|with|who|the|than|was|were|by)\b)"
    rf"[\w-]+\s+){{0,3}}(?:[\w-]*(?:positive|negative|wild-type|mutant|mutated)|{_WHO_WORDS}|stage\s+[IV]+[ABC]?)"
    r"(?:\s+(?:patients|tumou?rs))?)"
    r"(?=\s*\(\s*(?:hazard\s+ratio|odds\s+ratio|HR|OR)\b)"
)


# 'and in nonsquamous patients was PCb: 48.0%': a group named by the marker, sex, histology or stage
# before its people noun, wherever its figures are (right before a ratio's bracket: ``_BRACKETED``)
_MODIFIED = re.compile(
    r"(?i)\b(?:in|among|for)\s+(?:the\s+)?(?P<who>(?:(?!(?:and|or|for|in|with|who|the|than|was|were|by|all)\b)"
    rf"[\w-]+\s+){{0,3}}?(?:[\w-]*(?:positive|negative|wild-type|mutant|mutated)|{_WHO_WORDS}|stage\s+[IV]+[ABC]?))"
    r"\s+(?:patients|participants|subjects)(?=\s*(?:[,;:()]|\b(?:was|were|had)\b))"
)


# what a ratio is 'for' names patients, not an endpoint, when it speaks of stage, sex, a marker or
# histology: 'HR for stage II, 0.68', 'HR, 1.16 for low copy number', 'hazard ratio for women, 3.0'
_GROUP_WORDS = re.compile(
    rf"(?i)\b(?:stage|positive|negative|mutations?|mutant|mutated|wild[- ]type|copy\s+number|expression|"
    rf"histology|non-squamous|{_WHO_WORDS})\b"
)


def names_group(phrase: str) -> bool:
    """Whether a ratio's 'for' phrase names the patients it is for rather than its endpoint."""
    return bool(_GROUP_WORDS.search(phrase))


# '(...; HR for stage II, 0.68; ...; stage IB, HR, 1.03; ...)': a group named at the head of the clause
# that prints its ratio
_HEADED = re.compile(r"(?:^|[;(])\s*(?P<who>(?:[\w-]+\s+){0,3}?[\w-]+)\s*[,:]\s*$")


def ratio_group(text: str, match: re.Match, stop: int) -> str | None:
    """The patients a ratio is printed 'for', before its figure ('HR for stage II, 0.68') or
    after it ('HR, 1.16 for low copy number'), or at the head of its clause ('stage IB, HR, 1.03'),
    when the phrase names a group, not an endpoint."""
    event = re.sub(r"(?i)^\s*for\s+", "", match.groupdict().get("event") or "")
    after = FOR_PHRASE.match(text, stop)
    headed = _HEADED.search(text, 0, match.start())
    for phrase in (event, after.group("ep") if after else "", headed.group("who") if headed else ""):
        if phrase and names_group(phrase):
            return phrase.strip()
    return None


def _first(m: re.Match) -> str:
    return f"first {m.group('n')} {m.group('people').lower()}" + (
        " (interim analysis)" if m.group("interim") else ""
    )


@dataclass(frozen=True)
class Phrase:
    """A subgroup named in a sentence: where the phrase is, who it names, and where the size it
    prints of the subgroup is, if it prints one."""

    start: int
    end: int
    who: str
    size: tuple[int, int] | None = None


def subgroup_phrases(text: str, names_arm: Callable[[str], bool] = lambda phrase: False) -> list[Phrase]:
    """Every subgroup phrase of the sentence, in order; a phrase that names an arm ('patients
    with chemotherapy plus cetuximab') is no subgroup."""
    found = [(m, m.group("who"), True) for m in _PHRASE.finditer(text)]
    found += [(m, m.group("who") or m.group("with"), True) for m in _NAMED.finditer(text)]
    found += [(m, _first(m), False) for m in _FIRST.finditer(text)]
    found += [(m, m.group("who"), True) for m in _AGE.finditer(text)]
    found += [(m, m.group("who"), True) for m in _SIZED.finditer(text)]
    found += [(m, m.group("who"), True) for m in _BRACKETED.finditer(text)]
    found += [(m, m.group("who"), True) for m in _MODIFIED.finditer(text)]
    phrases = [
        Phrase(m.start(), m.end(), who.strip(), _size(text, m) if sized else None) for m, who, sized in found
    ]
    phrases += [Phrase(*p) for p in labelled_phrases(text)]  # see ``populations``
    phrases += [Phrase(*pair) for p in phrases if (pair := paired_phrase(text, p.end))]
    phrases = [Phrase(p.start, p.end, plain_label(p.who), p.size) for p in phrases if not names_arm(p.who)]
    return sorted(set(phrases), key=lambda p: (p.start, p.end, p.who))


def _size(text: str, m: re.Match) -> tuple[int, int] | None:
    """Where the phrase prints its subgroup's size: in its words ('the 812 patients with
    adenocarcinoma') or in the bracket right after them ('(n = 847; ...')."""
    if m.groupdict().get("n"):
        return m.span("n")
    after = _SIZE_AFTER.match(text, m.end())
    return after.span("n") if after else None


# '..., PC: 58.4% (...), and in nonsquamous patients was PCb: 48.0%': a phrase after 'and' opens
# the next item, its figures follow it
_OPENS_ITEM = re.compile(r",?\s+and\s+$")


def subgroup_at(text: str, pos: int, names_arm: Callable[[str], bool] = lambda phrase: False) -> str | None:
    """The subgroup phrase nearest before the position in its sentence, else the first one
    after it in the same clause (no ';' between), else None (the whole population)."""
    phrases = subgroup_phrases(text, names_arm)
    before = [p for p in phrases if p.end <= pos]
    if before:
        return before[-1].who
    after = [
        p
        for p in phrases
        if p.start >= pos
        and ";" not in text[pos : p.start]
        and not _own_bracket(text, pos, p)
        and not _OPENS_ITEM.search(text, 0, p.start)
    ]
    return after[0].who if after else None


def _own_bracket(text: str, pos: int, phrase: Phrase) -> bool:
    """True when the figure's bracket closes before the phrase and the phrase has a bracket of
    its own: '(8.7 vs. 5.9; P = .036), especially in the subgroup with impaired expansion (9.1
    vs. 4.6; P = .042)' names the second bracket's subgroup only."""
    return ")" in text[pos : phrase.start] and text[phrase.end :].lstrip().startswith("(")
