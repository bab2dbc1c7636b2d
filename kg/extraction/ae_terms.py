"""Which event an adverse-event figure counts (the ``term``), from where the clause names it.

One job: naming the event of each figure group of a clause (see ``ae_reader``):

- the name printed right before the group: 'dyspnoea (49 [5%] ...)', 'less grade 3 alopecia
  (13% v 51%)', 'pyrexia in 9 (16%)', 'Hypocalcemia rates were 8.6% ...';
- the names printed after each figure of a breakdown: '(3 [10%] chest wall pain, 2 [6%]
  dyspnoea or cough, and 1 [3%] fatigue and rib fracture)';
- every name of a list that a figure is given 'each': 'decreased neutrophil count,
  pancytopenia, and thrombocytopenia (2 [3%] each)', '... each occurred in 2 (3%) for acute
  kidney injury, decreased lymphocyte count, fatigue, ...';
- else the event the clause is about ('Cumulative incidence of osteonecrosis of the jaw was
  similar between groups (0.7% denosumab versus 0.8% ZA)'); a clause about adverse events in
  general has no term. In a sentence that speaks of adverse events, a name the vocabulary
  does not know is still taken after words that open a list ('were metastases to central
  nervous system (29 [3%] vs 6 [1%])').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extraction.ae_arms import RANKED, ResultsArms
from kg.extraction.ae_figures import GRADED, Figure, mask, top_parens
from kg.extraction.ae_vocabulary import AE_WORDS, content_word, event_phrases, harm_deaths
from kg.model import Arm

__all__ = [
    "CLASS",
    "CLASS_WORD",
    "Group",
    "breakdown_terms",
    "cause_term",
    "group_terms",
    "lead_term",
    "split_terms",
    "subject_term",
]


@dataclass
class Group:
    """Figures that state one thing for the arms: their event names and arms, figure by figure."""

    figures: list[Figure]
    paren: tuple[int, int] | None
    terms: list[str | None] = field(default_factory=list)
    arms: list[Arm | None] = field(default_factory=list)
    breakdown: bool = False
    foreign: bool = False  # the figures count something that is no adverse event
    grades: list[str] | None = None  # one grade per figure, read 'respectively' ('Grades 3 and 4 ...')

    @property
    def start(self) -> int:
        return self.paren[0] if self.paren else self.figures[0].start

    @property
    def end(self) -> int:
        return self.paren[1] if self.paren else self.figures[-1].end

    def replicate(self, arms: list[Arm]) -> None:
        """One figure stated for every arm ('in each group')."""
        self.figures = [f for f in self.figures for _ in arms]
        self.terms = [t for t in self.terms for _ in arms]
        self.arms = [a for _ in range(len(self.figures) // len(arms)) for a in arms]


_TRAILING = re.compile(
    r"(?i)(?:[\s,:(\[]|\b(?:in|of|was|were|occurred|occurring|observed|reported|seen|developed|noted|rates?"
    r"|incidences?|with|for|among|a total of)\b)$"
)
_PEOPLE_WITH = re.compile(r"(?i)\b(?:patients|participants|those|subjects)\s+(?:with|without|who had)\s+$")
_TERM_OPENER = re.compile(
    r"(?is)^.*(?P<opener>\b(?:were|was|included|including|specifically|such as|namely|mainly)\b|:|,|\band\b)"
    r"\s*(?P<term>[^,:;]*?)\s*$"
)
_NOT_TERM = re.compile(
    r"(?i)\b(?:with|than|in|for|group|groups|arms?|patients|between|similar|higher|lower|greater|fewer|more|less"
    r"|frequent\w*|common|reported|observed|occurred|occurring|seen|noted|adverse|events?|toxicit\w+|rates?"
    r"|the|there|no|any|all|grade|serious|each)\b|\d"
)
# a class of events named before the summary words: 'laboratory grade 3-4 adverse events',
# 'non-laboratory grade 3-5 adverse events', 'Grade 3-4 hematologic toxicities'
_CLASS_WORD = (
    r"(?:non-?)?(?:laboratory|ha?ematolog(?:ic|ical)|gastrointestinal|pulmonary|cardiac|renal|hepatic"
    r"|neurolog(?:ic|ical)|(?:muco)?cutaneous|dermatolog(?:ic|ical)|o?esophageal)"
)
_SUMMARY = r"(?:adverse events?|AEs?|toxicit(?:y|ies)|toxic effects|events?)"
CLASS = re.compile(
    rf"(?i)\b(?P<cls>{_CLASS_WORD})\s+(?:(?:grades?\s*|G(?=\d))[\d/-]+(?:\s*(?:or|to)\s*\d)?\s+)?"
    rf"(?:[\w-]+[- ]related\s+)?{_SUMMARY}"
)
# classes that share the summary word after them, each with its own figures (blanked here):
# 'hematologic (2% v 49%; P < .001) and nonhematologic (24% v 52%; P < .001) toxicity'
CLASS_WORD = re.compile(rf"(?i){_CLASS_WORD}")
_CLASS_LIST = re.compile(
    rf"(?i){_CLASS_WORD}\s+(?:(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+){_CLASS_WORD}\s+)*{_SUMMARY}\b"
)
_CLASS_END = re.compile(rf"(?i)\b(?P<cls>{_CLASS_WORD})\s*$")
_CAUSE = re.compile(
    r"(?i)^[^,;:()]*?\b(?:died|deaths?)\s+(?:was\s+)?(?:because of|due to|from|of|caused by|attributed to)\s+"
    r"|^\s*(?:because of|due to|from|caused by)\s+"
)
_OBJECT = re.compile(
    r"(?i)[^,;:()]{0,60}?\b(?:developed|experienced|had|suffered|reported|presented with)\s+(?:an?\s+|any\s+)?"
)
_EACH = re.compile(r"(?i)\s*each\s*[)\]]")
_FOR_LIST = re.compile(r"(?i)\s*(?:for|of)\s+(?P<list>[^;.()]+)")
_OF_WHICH = re.compile(r"(?i),\s*(?:both|all|each)\s+of\s+which\s+(?:[a-z]+\s+){0,2}?(?:in\s+)?$")


def subject_term(text: str, first: int, last: int) -> str | None:
    """The event a clause is about: the last event named before its first figure, unless it
    describes the patients ('patients with hypertension'); else the event the patients of
    its figures 'developed' or 'experienced' after them ('15 (9%) DC and 12 (8%) D patients
    developed febrile neutropenia')."""
    region = mask(text, top_parens(text[:first]))[:first]
    spans = event_phrases(region)
    if spans and not _PEOPLE_WITH.search(region[: spans[-1][0]]):
        return _clean(region[spans[-1][0] : spans[-1][1]])
    m = _OBJECT.match(text, last)
    if m:
        spans = event_phrases(text[m.end() :])
        if spans and spans[0][0] == 0:
            return _clean(text[m.end() : m.end() + spans[0][1]])
    return None


def cause_term(after: str) -> str | None:
    """The event a death is put down to, in the words after its figure: 'patient receiving
    gefitinib died from interstitial lung disease', 'because of sepsis'."""
    m = _CAUSE.search(after)
    if not m:
        return None
    spans = event_phrases(after[m.end() :])
    return (
        _clean(after[m.end() + spans[0][0] : m.end() + spans[0][1]]) if spans and spans[0][0] == 0 else None
    )


def breakdown_terms(text: str, g: Group) -> None:
    """'(3 [10%] chest wall pain, 2 [6%] dyspnoea or cough, ...)': each figure of a
    parenthesis followed by an event's name counts that event; a semicolon ends the name
    ('(18 [9%] of 195 patients had diarrhoea; 31 [16%] had rash or acne)')."""
    if g.paren is None:
        return
    ends = [f.start for f in g.figures[1:]] + [g.paren[1] - 1]
    ends = [
        text.find(";", f.end, end) if ";" in text[f.end : end] else end
        for f, end in zip(g.figures, ends, strict=True)
    ]
    terms = []
    for f, end in zip(g.figures, ends, strict=True):
        piece = re.sub(r"(?i)^(?:patients?\s+)?(?:with|had)?\s*", "", text[f.end : end].strip(" ,;"))
        piece = re.sub(r"(?i)\s*,?\s*(?:and|or)$", "", piece)
        if not piece or event_phrases(piece)[:1] != [(0, len(piece))]:
            return
        terms.append(_clean(piece))
    g.terms, g.breakdown = terms, True


def group_terms(
    text: str, groups: list[Group], subject: str | None, ae_sentence: bool, finder: ResultsArms
) -> None:
    """The event names of a clause's figure groups (see the module docstring)."""
    parens = top_parens(text)
    for k, g in enumerate(groups):
        if g.breakdown:
            continue
        lead = mask(text, [p for p in parens if p != g.paren])[groups[k - 1].end if k else 0 : g.start]
        items = _each(text, g, lead)
        if items:
            g.figures = [f for f in g.figures for _ in items]
            g.terms = [t for _ in range(len(g.figures) // len(items)) for t in items]
            continue
        term = lead_term(lead) or _ranked_term(lead, finder) or _graded_term(text, g)
        same_paren = k > 0 and g.paren is not None and groups[k - 1].paren == g.paren
        if term is None and same_paren:  # '(grade 3, 3.9%; grade 4, 11.7%)': one event's parts
            term = groups[k - 1].terms[0] if groups[k - 1].terms else None
            if term is not None:
                g.terms = [term] * len(g.figures)
                continue
        if term is None:
            classes = list(CLASS.finditer(mask(text, parens)[: g.start]))
            term = _clean(classes[-1].group("cls")) if classes else _listed_class(mask(text, parens), g)
        if term is None and g.paren and ae_sentence:
            term = _opened_term(lead, k > 0 and groups[k - 1].terms[:1] != [None], finder)
        if term is None and g.paren and _foreign(lead, finder):
            g.terms, g.foreign = [None] * len(g.figures), True
            continue
        if (
            term is None
            and subject
            and not AE_WORDS.search(text[text.find(subject) + len(subject) : g.start])
        ):
            term = subject
        g.terms = [term] * len(g.figures)


def _listed_class(masked: str, g: Group) -> str | None:
    """The class of events named right before a group's parenthesis when the summary word
    comes after the list of classes it ends ('hematologic (2% v 49%; ...) and nonhematologic
    (24% v 52%; ...) toxicity'); ``masked``: the clause with its parentheses blanked."""
    m = _CLASS_END.search(masked, 0, g.start) if g.paren else None
    return _clean(m.group("cls")) if m and _CLASS_LIST.match(masked, m.start()) else None


def split_terms(term: str | None, n: int) -> list[str]:
    """'pneumonitis and esophagitis' as its n events, or nothing when it names another number."""
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", term or "") if p.strip()]
    return parts if len(parts) == n and all(event_phrases(p) for p in parts) else []


def _foreign(lead: str, finder: ResultsArms) -> bool:
    """A parenthesis after the name of something that is no event and no arm ('Mucocutaneous
    toxicity (P<.001) and noncompliance (40% versus 25% at 3 years)'): its figures are
    that thing's. Deaths put down to treatment are events ('3 treatment-related deaths (2.7%)')."""
    tail = re.split(r"[,;:(]|\band\b|\bor\b", lead)[-1].strip()
    words = re.findall(r"[A-Za-z][\w-]*", tail)
    return (
        bool(words)
        and any(content_word(w) for w in words)
        and not (AE_WORDS.search(tail) or event_phrases(tail) or harm_deaths(tail) or finder.find(tail))
        and not _PEOPLE_WITH.search(tail + " ")
    )


_LATER_ITEM = re.compile(r"(?i)\s*of\s+(?!the\s+(?:patients|participants)\b)")


def _ranked_term(lead: str, finder: ResultsArms) -> str | None:
    """'grade 3/4 diarrhea occurred more frequently with the weekly schedule (': the one event
    of a statement that ranks the arm it ends with, the pair after it being that event's."""
    statement = re.split(r"[,;:(]|\b(?:and|whereas|while|but)\b", lead)[-1]
    marks = finder.find(statement)
    if not marks or statement[marks[-1][1] :].strip():
        return None
    # a later item of the list the ranking opened: '... higher incidences of treatment-related grade
    # 3 diarrhoea with afatinib (39 [10%] vs nine [2%]), of grade 3 stomatitis with afatinib ('
    if not RANKED.search(statement[: marks[-1][0]]) and not _LATER_ITEM.match(statement):
        return None
    own = event_phrases(statement[: marks[-1][0]])
    return _clean(statement[own[0][0] : own[0][1]]) if len(own) == 1 else None


def _graded_term(text: str, g: Group) -> str | None:
    """The event a lone count names with its grade right after it: 'neurosensory toxicity'
    of 'One grade 3 neurosensory toxicity occurred', 'pneumonitis' of 'one grade 3
    pneumonitis'; 'two grade 3 toxicities' counts events of every kind (no term)."""
    if g.paren is not None or len(g.figures) != 1:
        return None
    m = GRADED.match(text, g.figures[0].end)
    if m is None:
        return None
    event = re.sub(r"(?i)^(?:adverse\s+)?(?:events?|toxicit(?:y|ies))$", "", m.group("event"))
    return _clean(event) if event else None


def lead_term(lead: str) -> str | None:
    """The event named right before a figure or its parenthesis."""
    stripped = _untail(lead)
    spans = event_phrases(stripped)
    if spans and spans[-1][1] == len(stripped) and not _PEOPLE_WITH.search(stripped[: spans[-1][0]]):
        return _clean(stripped[spans[-1][0] :])
    return None


def _opened_term(lead: str, follows_term: bool, finder: ResultsArms) -> str | None:
    """A name the vocabulary does not know, after words that open a list of events: 'were
    metastases to central nervous system ('; ', and pneumonia (' only after another term."""
    m = _TERM_OPENER.search(lead)
    if not m:
        return None
    term = re.sub(r"\s+", " ", m.group("term")).strip()
    if m.group("opener").lower() in (",", "and") and not follows_term:
        return None
    if not term or len(term.split()) > 8 or _NOT_TERM.search(term) or finder.find(term):
        return None
    return _clean(term)


def _each(text: str, g: Group, lead: str) -> list[str]:
    """The names a lone figure is given 'each' for: before its '(2 [3%] each)' or its 'both
    of which occurred in' ('diarrhoea and nausea, both of which occurred in 15 (6%)'), or after
    its '... each occurred in 2 (3%) for A, B, and C'."""
    if len({f.start for f in g.figures}) != 1:
        return []
    of_which = _OF_WHICH.search(lead) if g.paren is None else None
    if of_which or (g.paren and _EACH.fullmatch(text, g.figures[-1].end, g.paren[1])):
        listed = lead[: of_which.start()] if of_which else _untail(lead)
        listed = listed[max(listed.rfind(":"), listed.rfind(" were "), listed.rfind(" was ")) + 1 :]
    elif re.search(r"(?i)\beach\b", text[: g.start]) and (m := _FOR_LIST.match(text, g.end)):
        listed = m.group("list")
    else:
        return []
    items = [re.sub(r"(?i)^(?:and|or|were|was)\s+", "", i.strip()) for i in re.split(r",", listed)]
    items = [i for i in items if i]
    if of_which and re.match(r"(?i),\s*both", of_which.group(0)) and len(items) == 1:
        items = re.split(r"\s+and\s+", items[0])  # 'diarrhoea and nausea, both of which': two events
    if len(items) < 2 or any(event_phrases(i)[:1] != [(0, len(i))] for i in items):
        return []
    return [_clean(i) for i in items]


def _untail(lead: str) -> str:
    """The words before a figure without the linking words and marks that end them ('in', '(')."""
    while m := _TRAILING.search(lead):
        lead = lead[: m.start()]
    return lead


def _clean(term: str) -> str:
    term = re.sub(r"\s+", " ", term).strip(" ,")
    return term if term[:2].isupper() else term[:1].lower() + term[1:]
