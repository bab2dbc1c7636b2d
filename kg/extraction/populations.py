"""Subgroups named the way biomarker-era reports name them, and which named population is the
trial's own analysis population rather than a subgroup.

Phrases (added to ``subgroups.subgroup_phrases``):
- a population named by its label: 'Overall survival in the TC1/2/3 or IC1/2/3 population was
  improved', 'the corresponding values in the Teff-high WT population were ...' (not an
  analysis set: 'in the intention-to-treat population', 'in the safety population');
- labels that open the parts of one bracket, each before its own ratio: '(TC3 or IC3 HR 0.49
  [...], TC2/3 or IC2/3 HR 0.54 [...])'; a label is a code with a digit ('TC3', 'PD-L1 ≥50%'),
  never a qualifier of the ratio ('adjusted HR') nor an endpoint's abbreviation ('PFS, HR');
- a sentence opening on patients named by what they are: 'For long-term survivors, the
  incidence of cognitive deterioration was less ...', 'In responders, ...';
- the second of two groups set side by side around one noun, each with its bracket: 'in
  patients with squamous (HR 0.73 [...]) or non-squamous (0.73 [...]) histology'.

Labels print a bound as its sign: 'tumors > or = 4 cm' and 'at least 50% of tumour cells' say
'≥ 4 cm' and '≥50%' (``plain_label``).

Results of a sentence that speaks of 'this patient population' belong to the one subgroup the
sentence before reported on ('Likewise, for this patient population, progression-free survival
was significantly longer ...').

A population the primary endpoint is defined in, alone, is the trial's analysis population
(``settle_populations``): 'The primary end point was progression-free survival ... among
patients with a PD-L1 expression level of 5% or more' makes the results 'Among the 423 patients
with a PD-L1 expression level of 5% or more' the trial's, not a subgroup's. When the definition
names the whole population too ('both in the total population and in patients with PD-L1
expression on at least 50% of tumour cells'), the other population stays a subgroup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kg.extraction.text import Sentence, depth_map
from kg.model import ArmResult, Comparison

# what names an analysis set or every patient, not a subgroup
_ANALYSIS_SET = (
    r"intention|intent|itt|mitt|overall|total|whole|entire|study|trial|safety|per-protocol|protocol|"
    r"evaluable|response-evaluable|efficacy|analysis|full|as-treated|primary|general|target|screened|"
    r"enrolled|randomi[sz]ed|treated|modified|this|that|these|those|same|each|every|all|other"
)
# words a label is not made of: the phrase around it ('among the patients in the WT population')
_NOT_LABEL = (
    rf"{_ANALYSIS_SET}|the|an?|in|among|for|within|of|patients|participants|subjects|who|whose|was|were"
)
# 'in the TC1/2/3 or IC1/2/3 population', 'among the patients in the Teff-high WT population'
_LABELLED = re.compile(
    rf"(?i)\b(?:in|among|for|within)\s+the\s+(?P<who>(?:(?!(?:{_NOT_LABEL})\b)[^,;:()\s]+\s+){{0,4}}?"
    rf"(?!(?:{_NOT_LABEL})\b)[^,;:()\s]+)\s+population\b"
)
# a code with a digit: 'TC3', 'IC2/3', 'PD-L1', '≥50%' (not a time: '12-month')
_CODE = re.compile(r"(?i)^(?=[\w/≥≤<>%.+-]*[a-z≥≤<>])(?=[\w/≥≤<>%.+-]*\d)(?![\w-]*(?:month|year|week|day))")
_RATIO = r"(?:HR|OR|hazard\s+ratio|odds\s+ratio)"
# what the figures before a ratio are made of, not a label: '(OR, 0.39; 95%CI, 0.30-0.52; P<0.00001 and OR, 0.31'
_FIGURE_WORDS = re.compile(r"(?i)\bp\s*[=<>≤≥]|\bCI\b|\b(?:and|or)$")
# a part of a bracket opening with its label, then its ratio: '(TC3 or IC3 HR 0.49', ', TC2/3 or IC2/3 HR 0.54'
_LABEL_PART = re.compile(
    rf"(?:\(|[,;]\s*(?:and\s+)?)\s*(?P<who>[\w/≥≤<>%.+-]+(?:\s+(?:or|and)\s+[\w/≥≤<>%.+-]+|\s+[\w/≥≤<>%.+-]+){{0,3}}?)"
    rf"\s+(?-i:{_RATIO})\s*[,:=]?\s*\d"
)
# the second of a pair: ') or non-squamous (0.73 [...]' after the first group's bracket
_PAIRED = re.compile(
    r"\s*,?\s*(?:or|and|versus|vs\.?)\s+(?:in\s+)?(?P<who>[\w-]+(?:\s+[\w-]+)?)\s*\(\s*(?:\d|HR\b|hazard\b|OR\b|odds\b|P\s*[=<>≤≥])"
)


# 'For long-term survivors, the incidence of ...', 'In responders, the dose intensity ...': a sentence
# opening on patients named by what they are, not as 'patients with'
_OPENER = re.compile(
    r"(?i)^\s*(?:in|for|among)\s+(?:the\s+)?(?:group\s+of\s+)?(?P<who>(?:[\w-]+\s+){0,2}?"
    r"(?:survivors|responders|non-?responders|(?:never|non|ex|current|former)?[\s-]?smokers|women|men|females|males))\s*,"
)


def labelled_phrases(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each population the sentence names by its label or opens a
    bracket's part with (see the module docstring)."""
    found = [
        (m.start(), m.end(), m.group("who")) for m in [*_LABELLED.finditer(text), *_OPENER.finditer(text)]
    ]
    depth = depth_map(text)
    for m in _LABEL_PART.finditer(text):
        who = m.group("who")
        if (
            depth[m.start("who")]
            and any(_CODE.match(word) for word in who.split())
            and not _FIGURE_WORDS.search(who)
        ):
            found.append((m.start("who"), m.end("who"), who))
    return found


def paired_phrase(text: str, end: int) -> tuple[int, int, str] | None:
    """The second group of 'with squamous (...) or non-squamous (...) histology', when a group's
    phrase ends at ``end`` right before its own bracket."""
    close = _bracket_end(text, end)
    if close is None:
        return None
    m = _PAIRED.match(text, close)
    return (m.start("who"), m.end("who"), m.group("who")) if m else None


def _bracket_end(text: str, pos: int) -> int | None:
    """Just past the bracket that opens right at ``pos`` (spaces skipped), or None."""
    start = len(text) - len(text[pos:].lstrip())
    if not text.startswith("(", start):
        return None
    depth = 0
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return None


_SIGN = re.compile(r"(?i)\s*>\s*or\s*=\s*")
_AT_LEAST = re.compile(r"(?i)\bat\s+least\s+(?=\d)")
_OR_MORE = re.compile(r"(?i)\b(\d+(?:\.\d+)?\s*%?)\s+or\s+(?:more|greater|higher)\b")


def plain_label(who: str) -> str:
    """A label with its bound printed as a sign: 'tumors > or = 4 cm' -> 'tumors ≥ 4 cm', 'at
    least 50% of tumour cells' -> '≥50% of tumour cells', '5% or more' -> '≥5%'."""
    who = _AT_LEAST.sub("≥", _SIGN.sub(" ≥ ", who))
    return re.sub(r"\s+", " ", _OR_MORE.sub(r"≥\1", who)).strip()


# the sentence that defines the primary endpoint
_PRIMARY = re.compile(r"(?i)\bprimary\s+(?:end\s*-?\s*points?|outcomes?|efficacy\s+end\s*-?\s*points?)\b")
# the whole population named as one the endpoint is analysed in ('in the total population and',
# 'in the intention-to-treat (ITT) and'), not as the pool a subgroup is drawn from ('among
# patients in the intention-to-treat population who had ...')
_WHOLE = re.compile(
    r"(?i)\b(?:(?:total|overall|whole|entire)\s+(?:study\s+)?population|all\s+(?:[\w-]+\s+){0,2}?(?:patients|participants)"
    r"|intention-to-treat|intent-to-treat|ITT)\b(?!\s+population\s+(?:who|with|whose)\b)"
)


def settle_populations(
    sents: Iterable[Sentence],
    results: Sequence[ArmResult | Comparison],
    phrases_of,
) -> None:
    """Results in the one population the primary endpoint is defined in belong to the whole
    trial: their subgroup is dropped (see the module docstring).  ``phrases_of``: the subgroup
    phrases of a sentence (``subgroups.subgroup_phrases``)."""
    sents = list(sents)
    _carry_over(sents, results)
    primary = primary_population(sents, phrases_of)
    if primary is None:
        return
    for r in results:
        if r.subgroup is not None and _same(r.subgroup, primary):
            r.subgroup = None


# 'Likewise, for this patient population, progression-free survival was ...': the subgroup the
# sentence before reported on
_THIS = re.compile(
    r"(?i)\b(?:in|for|among|within)\s+(?:this|that)\s+(?:patient\s+)?(?:population|subgroup|subset)\b"
)


def _carry_over(sents: list[Sentence], results: Sequence[ArmResult | Comparison]) -> None:
    """Results of a sentence that speaks of 'this population' belong to the one subgroup the
    sentence before reported results for."""
    by_sentence: dict[str, list[ArmResult | Comparison]] = {}
    for r in results:
        if r.evidence is not None:
            by_sentence.setdefault(r.evidence.sentence, []).append(r)
    for before, s in zip(sents, sents[1:], strict=False):
        earlier = {r.subgroup for r in by_sentence.get(before.text, [])}
        if len(earlier) == 1 and None not in earlier and _THIS.search(s.norm):
            for r in by_sentence.get(s.text, []):
                r.subgroup = r.subgroup or next(iter(earlier))


def primary_population(sents: Iterable[Sentence], phrases_of) -> str | None:
    """The one population the primary-endpoint sentence names, when it names no other and not
    the whole population; else None."""
    for s in sents:
        m = _PRIMARY.search(s.norm)
        if m is None:
            continue
        named = {_key(p.who) for p in phrases_of(s.norm) if p.start > m.start()}
        if len(named) == 1 and not _WHOLE.search(s.norm, m.end()):
            return named.pop()
        return None
    return None


def _key(who: str) -> str:
    return re.sub(r"\W+", " ", plain_label(who).lower()).strip()


def _same(subgroup: str, primary: str) -> bool:
    return _key(subgroup) == primary
