"""Between-arm tests of adverse events: the p-value printed with a pair of their figures, or
right after an event's name (see ``named_tests``).

One job: 'leucopenia (53% versus 19%, P = 0.009 by means of chi(2) test)', 'Grade 3/4
neutropenia (74% versus 43%, P < 0.005)', 'leukopenia (46% v 23%, respectively; P < .001)',
'hematological G3/4 toxic effects were 10% (CPx) and 74% (CVb) (P < 0.001)'. A p-value
compares the two arms of the adverse-event figures read right before it when exactly two
figures, of two arms, state that one event (same category, term and restriction) since the
last p-value, and nothing but punctuation, arm names and linking words ('for MFRT vs SFRT,
respectively;') lies between the second figure and the p-value. It is recorded the way a
between-arm test of an efficacy endpoint reported by its p-value alone is (a ``Comparison``
with statistic ``p_value``), its endpoint named from the event ('grade 3-4 neutropenia',
'treatment-related serious adverse events'); the arm the design calls experimental comes
first. A p-value an efficacy rule already took is left to it, and one stated for several
comparisons at once ('P<.001 for all') tests no one pair.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import other_groups
from kg.extraction.ae_figures import figures, mask, top_parens
from kg.extraction.ae_terms import CLASS, CLASS_WORD, split_terms
from kg.extraction.ae_vocabulary import (
    AE_WORDS,
    content_word,
    cues,
    event_phrases,
    names_outcome,
    related,
)
from kg.extraction.armrefs import ArmFinder, distinct
from kg.extraction.stats import P, p_value
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary, Arm, Comparison, Evidence

__all__ = ["adverse_event_tests", "endpoint_name", "event_endpoint", "named_tests"]

# what may stand between a pair's second figure and its p-value, once arm names are blanked;
# a one-word parenthesis labels the figure ('74% (CVb) (P < 0.001)': an arm's short name)
_LINK = re.compile(
    r"(?i)[\s,;:()\[\]]*(?:(?:for|in|with|on|vs\.?|versus|v|and|respectively|the|groups?|arms?"
    r"|\([A-Za-z][\w/+-]{0,15}\))[\s,;:()\[\]]*)*"
)

# a p-value for several comparisons at once: '(3D-CRT, 30% and 18%; IMRT, 9% and 44%; P<.001 for all)'
_SEVERAL = re.compile(r"(?i)\s*(?:for|in)\s+(?:all|both|each|every)\b")


def adverse_event_tests(
    sents: list[Sentence],
    events: list[AdverseEventSummary],
    arms: list[Arm],
    finder: ArmFinder,
    taken: list[Evidence | None],
) -> list[Comparison]:
    """The tests of the results sentences' adverse-event pairs (see the module docstring);
    ``taken``: the evidence of the comparisons already read, whose p-values are theirs."""
    out: list[Comparison] = []
    for s in sents:
        rows = sorted(
            (e for e in events if e.evidence is not None and e.evidence.sentence == s.text and _figure(e)),
            key=lambda e: e.evidence.start,
        )
        if len(rows) < 2:
            continue
        since = 0
        for m in P.finditer(s.norm):
            start, end = s.printed(m.start(), m.end())
            pair = _pair(
                s.text,
                [r for r in rows if since <= r.evidence.start and r.evidence.end <= start],
                start,
                finder,
            )
            since = end
            if pair is None or _taken(s.text, start, taken) or _SEVERAL.match(s.norm, m.end()):
                continue
            first, second = _ordered(pair, arms)
            out.append(
                Comparison(
                    endpoint=event_endpoint(first),
                    statistic="p_value",
                    arm=first.arm,
                    comparator=second.arm,
                    evidence=s.evidence(m.start(), m.end()),
                    **p_value(m),
                )
            )
    return out


# a sentence that compares the arms on harms: 'occurred more frequently on the VC arm'
_COMPARED = re.compile(r"(?i)\b(?:more|less|higher|lower|greater|fewer|increased|reduced|significant\w*)\b")
# what a symptom scale measures is no adverse event: 'an improvement in cough (p < 0.0001)'
_NOT_HARM = re.compile(
    r"(?i)\b(?:improv\w*|scores?|deteriorat\w*|QoL|quality of life|symptoms?|palliat\w*|relie\w*|questionnaires?)\b"
)
_SUMMARY_AFTER_GRADE = re.compile(
    r"(?i)\b(?:grades?\s*[\d/+\-\s]+(?:(?:and|or|to)\s*\d\s*)?|serious\s+|severe\s+)(?:adverse events?|AEs?|toxicit(?:y|ies)|toxic effects)\s*$"
)


def named_tests(
    sents: list[Sentence], arms: list[Arm], finder: ArmFinder, taken: list[Evidence | None]
) -> list[Comparison]:
    """Tests of adverse events reported by their p-value alone, printed right after the event's
    name: 'Grade 3 and 4 leukopenia (P =.002) and neutropenia (P =.008) occurred more frequently
    on the VC arm', 'Grade 3 + 4 toxicity was significantly higher in the PV-group for leukopenia
    (P = 0.0003), neutropenia (P < 0.0001), ...'. The sentence compares two arms: a two-arm
    trial's when it names one of them, else the two it names; none when it names groups no arm is
    (men, older patients) or speaks of symptom scores. The category and restriction are the words
    of the p-value's clause ('Grade 3/4'; not across a semicolon); a name of something that is no
    event takes no test."""
    out: list[Comparison] = []
    for s in sents:
        text = s.norm
        pair = _compared_arms(text, arms, finder)
        if pair is None:
            continue
        since, tested = 0, False
        for m in P.finditer(text):
            lead, since = text[since : m.start()], m.end()
            listed, tested = tested, False
            tests = _p_list(text, m)
            if not lead.rstrip().endswith("(") or not tests or "%" in lead:
                continue
            start = len(text[: m.start()].rstrip()) - 1  # the parenthesis
            terms = _tested_events(_named_events(text[:start], finder), len(tests))
            terms = terms or (_next_item(lead) if listed and len(tests) == 1 else [])
            clause = text[text.rfind(";", 0, start) + 1 : start]  # a grade does not cross a ';'
            found = [c for _p, c in cues(clause)]
            if (
                not terms
                or (found and found[-1] is None)
                or _taken(s.text, s.printed(m.start(), m.end())[0], taken)
            ):
                continue
            category = found[-1] if found else "any"
            is_related = related(clause, frozenset(n.lower() for n in finder.names))
            first, second = _ordered_arms(pair, arms)
            tested = True
            out += [
                Comparison(
                    endpoint=endpoint_name(category, term, is_related),
                    statistic="p_value",
                    arm=first.label,
                    comparator=second.label,
                    evidence=s.evidence(t.start(), t.end()),
                    **p_value(t),
                )
                for term, t in zip(terms, tests if len(tests) > 1 else tests * len(terms), strict=True)
            ]
    return out


_P_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b)\s*")


def _p_list(text: str, first: re.Match) -> list[re.Match]:
    """The p-values of a parenthesis that holds nothing else, from its first: '(P =.0001)',
    '(P =.001, P =.007)'; none when other words share it."""
    tests = [first]
    while not re.match(r"\s*\)", text[tests[-1].end() :]):
        sep = _P_SEPARATOR.match(text, tests[-1].end())
        nxt = P.match(text, sep.end()) if sep else None
        if nxt is None:
            return []
        tests.append(nxt)
    return tests


def _tested_events(terms: list[str | None], tests: int) -> list[str | None]:
    """The events a parenthesis of p-values tests, one per p-value: a lone p-value tests every
    event named ('grade 3 or 4 neutropenia, anemia, and thrombocytopenia (P <or= .001)'),
    several test the parts of the one event named, in order ('Grade 3 nausea and vomiting were
    higher on the VC arm (P =.001, P =.007)'); none when they cannot be paired."""
    if tests == 1:
        return terms
    parts = split_terms(terms[0], tests) if len(terms) == 1 else []
    return list(parts)


def _compared_arms(text: str, arms: list[Arm], finder: ArmFinder) -> tuple[Arm, Arm] | None:
    """The two arms a sentence about harms compares, or None (see ``named_tests``)."""
    if not AE_WORDS.search(text) and not any(c and c != "any" for _p, c in cues(text)):
        return None
    if _NOT_HARM.search(text) or other_groups(_own_words(text), finder) or not _COMPARED.search(text):
        return None
    named = distinct([a for _s, _e, a in finder.find(text)])
    if len(arms) == 2 and named and all(any(a is b for b in arms) for a in named):
        return arms[0], arms[1]
    return (named[0], named[1]) if len(named) == 2 else None


# the next item of a list of events each tested by its own p-value: '), and nephroroxicity ('
_NEXT_ITEM = re.compile(
    r"\)\s*,?\s*(?:(?:and|or)\s+)?(?P<name>[A-Za-z][\w/-]*(?:\s+[A-Za-z][\w/-]*){0,2})\s*\("
)


def _next_item(lead: str) -> list[str | None]:
    """'Grade 3/4 nausea/vomiting (P =.0001), diarrhea (P =.007), neurotoxicity (P =.017), and
    nephroroxicity (P =.006)': a name the vocabulary does not know (here misspelt) that
    follows an event's p-value in a list, with a p-value of its own, is the list's next
    event; ``lead`` runs from that p-value to this one. Not a name of what the trial measures
    ('survival')."""
    m = _NEXT_ITEM.fullmatch(lead)
    if m is None or names_outcome(m.group("name")):
        return []
    words = m.group("name").split()
    return [_term(m.group("name"))] if all(content_word(w) for w in words) else []


def _own_words(text: str) -> str:
    """The sentence without the parentheses that hold other statements' figures: 'at 3 years'
    in 'noncompliance (40% versus 25% at 3 years)' dates those figures, it names no group the
    sentence compares."""
    return mask(text, [p for p in top_parens(text) if figures(text[p[0] : p[1]])])


def _named_events(before: str, finder: ArmFinder) -> list[str | None]:
    """The events a p-value's parenthesis tests, from the words before it: the name right before
    it, or every name of a list it ends ('grade 3 or 4 neutropenia, anemia, and thrombocytopenia
    (P <or= .001)'); adverse events in general (None) after their grade or their discontinuation
    ('Grade 3-4 toxicities (P', 'discontinued therapy because of toxicity (P'); the one event of a
    statement that ends with the arm it was higher on ('grade 3 peripheral neuropathy was higher
    on the PC arm (P <.001)'). Nothing when the words name no event."""
    tail = before.rstrip()
    spans = event_phrases(before)
    if spans and spans[-1][1] == len(tail):
        listed = [spans[-1]]
        for span in reversed(spans[:-1]):
            if not _LIST_JOIN.fullmatch(before, span[1], listed[0][0]):
                break
            listed.insert(0, span)
        return [_term(before[a:b]) for a, b in listed]
    statement = tail[max(tail.rfind(";"), tail.rfind(","), *(m.end() for m in _SEGMENT.finditer(tail))) + 1 :]
    if _SUMMARY_AFTER_GRADE.search(tail) or (AE_WORDS.search(tail[-20:]) and "discontinu" in statement):
        return [None]
    classes = [m for m in CLASS.finditer(tail) if m.end() == len(tail)]
    if classes:  # a class of events: 'Mucocutaneous toxicity (P<.001)'
        return [_term(classes[0].group("cls"))]
    marks = finder.find(tail)
    own = event_phrases(statement)
    if marks and _ARM_END.fullmatch(tail, marks[-1][1]) and len(own) == 1 and _RANKING.search(statement):
        # the whole name, though the statement was cut at its 'and' ('nausea and vomiting')
        at = len(tail) - len(statement)
        a, b = next(
            ((x, y) for x, y in event_phrases(tail) if x <= at + own[0][0] and at + own[0][1] <= y),
            (at + own[0][0], at + own[0][1]),
        )
        return [_term(tail[a:b])]
    return []


_LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_SEGMENT = re.compile(r"(?i)\band\b|\bwhereas\b|\bwhile\b|\bbut\b")
_ARM_END = re.compile(r"(?i)\s*(?:arms?|groups?)?\s*")
_RANKING = re.compile(r"(?i)\b(?:was|were)\s+(?:significantly\s+)?(?:higher|lower|more|less|greater|fewer)\b")


def _term(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def _ordered_arms(pair: tuple[Arm, Arm], arms: list[Arm]) -> tuple[Arm, Arm]:
    return (pair[1], pair[0]) if _swapped(pair[0].label, pair[1].label, arms) else pair


def event_endpoint(e: AdverseEventSummary) -> str:
    """The name of what an adverse-event figure counts (see ``endpoint_name``)."""
    return endpoint_name(e.category, e.term, e.treatment_related)


def endpoint_name(category: str, term: str | None, treatment_related: bool) -> str:
    """'grade 3-4 neutropenia', 'leucopenia', 'treatment-related serious adverse events',
    'adverse events leading to discontinuation', 'grade 3-4 laboratory adverse events'."""
    event = term or "adverse events"
    if term and CLASS_WORD.fullmatch(term):  # a class of events: 'laboratory', 'non-hematological'
        event = f"{term} adverse events"
    if category == "leading to discontinuation":
        name = f"{event} leading to discontinuation"
    else:
        name = event if category == "any" else f"{category} {event}"
    return f"treatment-related {name}" if treatment_related else name


def _figure(e: AdverseEventSummary) -> bool:
    """A row read from a printed figure (a zero the words imply spans its whole sentence)."""
    return e.evidence is not None and e.evidence.end - e.evidence.start < len(e.evidence.sentence)


def _pair(
    text: str, before: list[AdverseEventSummary], p_start: int, finder: ArmFinder
) -> tuple[AdverseEventSummary, AdverseEventSummary] | None:
    """The two figures a p-value tests: the last two read before it, when they are the only
    ones of their statement since the last p-value, of two arms, and only linking words
    separate the second from the p-value."""
    if len(before) < 2:
        return None
    a, b = before[-2], before[-1]
    key = (b.category, b.term, b.treatment_related)
    if (a.category, a.term, a.treatment_related) != key or a.arm == b.arm:
        return None
    if sum((x.category, x.term, x.treatment_related) == key for x in before) != 2:
        return None
    gap = text[b.evidence.end : p_start]
    for s, e, _arm in reversed(finder.find(gap)):
        gap = gap[:s] + " " * (e - s) + gap[e:]
    return (a, b) if _LINK.fullmatch(gap) else None


def _ordered(
    pair: tuple[AdverseEventSummary, AdverseEventSummary], arms: list[Arm]
) -> tuple[AdverseEventSummary, AdverseEventSummary]:
    """The experimental arm's figure first (see ``_swapped``)."""
    return (pair[1], pair[0]) if _swapped(pair[0].arm, pair[1].arm, arms) else pair


def _swapped(first: str, second: str, arms: list[Arm]) -> bool:
    """Whether two arms (by label), as printed, put the design's experimental arm second or its
    comparator first: a test names the experimental arm first, as efficacy tests do."""
    roles = {a.label: a.role for a in arms}
    return roles.get(second) == "experimental" or roles.get(first) == "comparator"


def _taken(sentence: str, start: int, taken: list[Evidence | None]) -> bool:
    return any(ev is not None and ev.sentence == sentence and ev.start <= start < ev.end for ev in taken)
