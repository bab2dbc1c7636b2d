"""Per-arm-style figures that no one arm's name was found for: each arm's ('Median survival was
8 months in both arms') or the whole trial's ('The overall response rate for the 64 evaluable
patients was 14%', 'Local progression occurred in only 17 (7.7%) of 222 patients', 'The median
progression-free survival was 14 months').

A figure belongs to every arm pooled (the 'all patients' group of ``factors``; a one-arm
trial's figures to its arm) when its clause says so ('for all 1155 eligible patients', 'in
both arms combined'), or when nothing ties it to an arm or to part of the patients:
- its sentence names no arm and does not go on about the one arm the sentence before named
  ('In the 116 arm B patients, ...' then 'Forty-two percent received ...');
- it is an outcome its own sentence names (survival, response, progression, control,
  failure, death ...), not who the patients were ('Median age was 77 years', the baseline
  reader's) nor what was done ('Mediastinoscopy was performed in 94%'), nor a threshold ('50%
  or more'), nor the figure of what a word right after it names ('(25% maturity)'), nor a
  share of patients with events ('OS events occurred in 58% of all patients');
- nothing in its sentence sets figures against each other (a second figure of the same
  endpoint and time, 'than', 'versus', 'longer', a p-value or ratio, 'associated with') or
  speaks of the arms without naming them ('Both treatment arms were equally effective');
- nothing picks out part of the patients: those a treatment was given to ('The median
  survival in the patients receiving induction chemotherapy only was 8.9 months'), or those a
  sentence opens on, unless the subgroup is read ('With N0 status at thoracotomy, the median
  OS was 34.4 months', 'Of the 31 patients with local regional failure, ...');
- a count gives its denominator ('17 (7.7%) of 222', not '916 patients were reported with an
  event').

A sentence's one outcome figure whose sentence names, before it, a treatment only one arm gives
is that arm's ('The chemotherapy response rate was 35.4%' where one arm has chemotherapy and the
other surgery alone), unless the sentence sets figures against each other, speaks of doses, or
restates the figure in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extraction.armrefs import ArmFinder
from kg.extraction.clause_bounds import clause_start
from kg.extraction.figure_item import Item
from kg.extraction.text import depth_map
from kg.model import Arm

_ALL_PATIENTS = re.compile(
    r"(?i)\b(?:all|the\s+entire|the\s+whole|the\s+overall)\s+(?:\d+\s+)?(?:eligible\s+|evaluable\s+|randomi[sz]ed\s+|"
    r"enrolled\s+|treated\s+|assessable\s+)?(?:patients|participants|subjects|population|study\s+population|cohort)\b"
    r"|\bin\s+both\s+(?:arms|groups)\s+combined\b|\boverall\s+population\b"
)
_EVERY_ARM = (
    r"(?:in|for|with|on|across)\s+(?:the\s+)?(?:(?:both|two|each\s+of\s+the\s+two)\s+"
    r"(?:treatment\s+|study\s+|randomi[sz]ed\s+)?(?:arms|groups)|(?:each|either)\s+(?:treatment\s+|study\s+)?(?:arm|group))\b"
)
_IN_BOTH = re.compile(rf"(?i)\s*(?:\([^()]*\)\s*)?,?\s*{_EVERY_ARM}")
# 'The 1-year survival rate for each arm was 29.7%': the same words right before the figure's verb
_BOTH_BEFORE = re.compile(rf"(?i)\b{_EVERY_ARM}\s+(?:was|were)\s+$")
# what an outcome's name is made of
_OUTCOME = re.compile(
    r"(?i)surviv|respon|progress|recurren|relapse|remission|control\b|failure|death|mortality|metasta|"
    r"\btime\s+to\b|\bduration\b"
)
# words that set one figure against another, or speak of the arms unnamed: a figure near them
# may be one arm's, not everyone's
_SET_AGAINST = re.compile(
    r"(?i)\b(?:than(?!\s*[<>≤≥]?\s*\d)|versus|vs|v(?=\.?\s*\d)|compared|comparison|relative\s+to|superior|inferior|"
    r"longer|shorter|higher|lower|better|worse|poorer|greater|improved|prolonged|favou?r\w*|associated\s+with|"
    r"benefits?|gains?|reductions?|differences?|improvements?|prognostic|predict\w*|"
    r"hazard|odds|(?-i:HR|OR|RR)|arms?|groups?|treatments|regimens)\b"
    r"|\bp\s*(?:=|<|>|≤|≥)"
)
# the patients a treatment was given to: 'in the patients receiving induction chemotherapy only',
# 'with BRAF therapy', 'patients who received ...'
_TREATED = re.compile(
    r"(?i)\b(?:receiving|received|given|treated\s+with|undergoing|underwent|"
    r"with\s+(?:[\w-]+\s+){0,2}(?:therapy|treatment|chemotherapy|radiotherapy|radiation|surgery|resection))\b"
)
# the part of the patients a sentence opens on: 'With N0 status at thoracotomy, ...', 'Of the 31
# patients with local regional failure, ...' (not all of them: 'Among the 579 eligible patients,';
# nor a time: 'With a median follow-up of 3 years,')
_OPENS_ON = re.compile(
    r"(?i)^\s*(?:in|among|for|of|with|within)\s+(?!(?:all|the\s+(?:entire|whole|overall))\b)"
    r"(?!(?:the\s+|all\s+)?(?:\d+\s+)?(?:eligible\s+|evaluable\s+|assessable\s+|randomi[sz]ed\s+|enrolled\s+)?"
    r"(?:patients|participants|subjects)\s*,)"
    r"(?![^,;]*\b(?:follow-up|analys[ie]s|study|trial)\b)[^,;]{3,120},"
)
_THRESHOLD = re.compile(r"(?i)\s*or\s+(?:more|less|greater|fewer|longer|shorter|higher|lower)\b")
# 'OS events occurred in 58% of all patients': a share of patients with an event, not the rate
# its endpoint's name would make it
_EVENTS = re.compile(r"(?i)\bevents?\b")
# a word right after a figure that names what the figure measures, when it is no outcome: '(25%
# maturity)' of survival data, not survival
_OWN_MEASURE = re.compile(
    r"(?i)\s+(?!(?:of|in|for|at|with|among|and|or|vs|versus|was|were|is|are|by|after|from|to|on|as|than|per|"
    r"the|an?|overall|respectively|patients|participants|subjects)\b)(?P<word>[a-z][a-z-]+)"
)


def figure_owners(
    finder: ArmFinder,
    text: str,
    found: list[Item],
    endpoints: list[str | None],
    arms: list[Arm | None],
    unattached: bool,
    subgroup: Callable[[int], str | None],
) -> list[list[Arm]]:
    """The arms or group each figure is a result of: the arm it was given, else (see the
    module docstring) each arm, or all arms pooled, or none.  ``text``: the sentence as
    read, comparisons blanked; ``endpoints``: the endpoint each figure's own sentence names,
    None for one carried over from the sentence before; ``unattached``: the sentence names no
    arm, does not carry on about one and is ``open_sentence``; ``subgroup``: the subgroup
    read at a position.  A rate of everyone takes the count of patients its clause prints as its
    denominator (``_counted``)."""
    everyone = next((g for g in finder.groups if set(g.pooled_from) == {a.label for a in finder.arms}), None)
    marks = finder.find(text)
    keys = [(e, i.unit, i.statistic, i.timepoint) for e, i in zip(endpoints, found, strict=True)]
    owners: list[list[Arm]] = []
    for k, item in enumerate(found):
        if item.pooled:  # the total of a count broken down by arm
            owners.append([everyone] if everyone else [])
        elif arms[k] is not None or len(finder.arms) == 1:
            owners.append([arms[k] or finder.arms[0]])
        elif everyone and _said_of_all(text, item, marks):
            owners.append([everyone])
            _counted(text, item)
        elif _in_both(text, item) and len(finder.arms) == 2:
            owners.append(list(finder.arms))
        elif (
            len(found) == 1
            and endpoints[k] is not None
            and _OUTCOME.search(endpoints[k])
            and (only := _one_treatment_named(text, item, marks, finder)) is not None
        ):
            owners.append([only])
        elif (
            everyone
            and unattached
            and keys.count(keys[k]) == 1
            and _everyones(text, item, endpoints[k], subgroup)
        ):
            owners.append([everyone])
            _counted(text, item)
        else:
            owners.append([])
    return owners


# the patients a figure of everyone is of, counted in its clause by the stage they reached: 'for
# the 64 evaluable patients', 'among the 579 eligible patients' (not 'in 4 patients (7%)': its count)
_COUNTED = re.compile(
    r"(?i)\b(?:for|among|in|of)\s+(?:all\s+)?(?:the\s+)?(?P<n>\d+)\s+(?:eligible|evaluable|assessable|"
    r"analy[sz]able|randomi[sz]ed|enrolled|treated)\s+(?:patients|participants|subjects)\b"
)


def _counted(text: str, item: Item) -> None:
    """A rate of everyone printed without its denominator takes the one count of patients its
    clause prints ('The overall response rate for the 64 evaluable patients was 14%'), and
    its span the words of that count."""
    start = clause_start(text, item.start)
    end = text.find(";", item.end)
    counts = list(_COUNTED.finditer(text, start, end if end >= 0 else len(text)))
    if item.statistic == "rate" and item.total is None and len(counts) == 1:
        item.total = int(counts[0].group("n"))
        item.printed = (min(counts[0].start(), item.start), max(counts[0].end(), item.end))


_DOSING = re.compile(r"(?i)\b(?:mg|doses?|schedules?|infused|administered)\b")


def _one_treatment_named(
    text: str, item: Item, marks: list[tuple[int, int, Arm]], finder: ArmFinder
) -> Arm | None:
    """'Major response to chemotherapy was seen in 41% of patients', 'After three cycles of
    preoperative chemotherapy, the rate of clinical major response was 35%': the one figure of
    a sentence that names, before it, a treatment only one arm gives, and sets nothing against
    it, is that arm's."""
    named = {id(a): a for s, _e, a in marks if s < item.start}
    if (
        len(named) != 1
        or any(s > item.start for s, _e, _a in marks)
        or _SET_AGAINST.search(text)
        or _DOSING.search(text)
        or depth_map(text)[item.start]  # '... maintained at 7 years (8.4%)': a figure restated
    ):
        return None
    arm = next(iter(named.values()))
    return arm if arm in finder.arms and not arm.pooled_from else None


def _said_of_all(text: str, item: Item, marks: list[tuple[int, int, Arm]]) -> bool:
    """'The response rate for all 1155 eligible patients was 19 percent': the clause names
    every patient, and no arm, before the figure."""
    clause = clause_start(text, item.start)
    said = any(clause <= s < item.start for s, _e, _a in marks)
    return not said and bool(_ALL_PATIENTS.search(text, clause, item.start))


def _in_both(text: str, item: Item) -> bool:
    """'Median survival was 8 months in both arms', 'Overall response rate was 32% for both
    arms', 'The 1-year survival rate for each arm was 29.7%': one figure that is each arm's."""
    clause = clause_start(text, item.start)
    return bool(_IN_BOTH.match(text, item.end) or _BOTH_BEFORE.search(text, clause, item.start))


def open_sentence(text: str) -> bool:
    """Nothing in the sentence sets figures against each other or picks out the patients of
    one treatment (see the module docstring): a figure no arm was found for may be everyone's."""
    return not _SET_AGAINST.search(text) and not _TREATED.search(text)


def _everyones(text: str, item: Item, endpoint: str | None, subgroup: Callable[[int], str | None]) -> bool:
    """An outcome's figure (see the module docstring), with the denominator of a count, and of
    all the patients or of a subgroup that is read."""
    return (
        endpoint is not None
        and bool(_OUTCOME.search(endpoint))
        and not _THRESHOLD.match(text, item.end)
        and not _EVENTS.search(text, 0, item.start)
        and not ((own := _OWN_MEASURE.match(text, item.end)) and not _OUTCOME.search(own.group("word")))
        and (item.statistic != "count" or item.total is not None)
        and (not _OPENS_ON.match(text) or subgroup(item.start) is not None)
    )
