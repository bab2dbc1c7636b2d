"""Whether a figure goes on the list of the figure before it, on the same endpoint ('24.2%
with A and 6.9% with B'), or starts an item of its own ('fewer prolonged air leaks (13% vs
19%), fewer transfusions (4% vs 13%)', 'lobectomy: S: 56%, CT-S: 60%, complete resection:
S: 80%')."""

from __future__ import annotations

import re

from kg.extraction.endpoint_phrases import EVENT_VERBS, NAME_THEN_LABEL
from kg.extraction.endpoint_phrases import VERB as _VERB
from kg.extraction.endpoint_states import unbracketed
from kg.extraction.figure_item import Item
from kg.extraction.stats import TIME_UNIT
from kg.extraction.text import LESS_WORDS, MORE_WORDS, NUM, SHORT_NAME

_CLAUSE_VERB = re.compile(rf"(?i)\b(?:{_VERB}|{EVENT_VERBS})\b|;")
GENERIC_WHAT = re.compile(
    r"(?i)(?:new\s+)?(?:cases?|events?|patients?|deaths|participants?)"
)  # not "death" of "died"


def continues(text: str, prev: Item, item: Item, mentions) -> bool:
    """Whether a figure goes on the list of the figure before it: nothing between them names
    an endpoint or starts a clause of its own ('24.2% with A and 6.9% with B')."""
    if item.what and not GENERIC_WHAT.fullmatch(item.what):
        return False
    if prev.statistic == "count" and item.statistic != "count":
        return False  # '(3 complete responses and 58 partial responses) and 21.7% for D': no list of one kind
    if _NEXT_LANDMARK.fullmatch(_after_own_bracket(text[prev.end : item.start])):
        return True  # 'at 12 weeks (55.4% vs 40.9%; OR, 1.85; ...) and 24 weeks (49.0% vs 32.6%; ...'
    between = unbracketed(text[prev.end : item.start])  # '(41/52; 95% CI ...)'
    labelled = NAME_THEN_LABEL.search(text, 0, item.start)
    if labelled and labelled.start() >= prev.end:
        return False  # '(lobectomy: S: 56%, CT-S: 60%, complete resection: S: 80%'
    # 'Although ... in only 48 (10.5%) patients from the alert group, 100 (22.0%) patients ...': a new clause
    if _SUBORDINATE.match(text) and "," in between and "," not in unbracketed(text[: prev.start]):
        return False
    if _SET_AGAINST.search(between):
        return True  # '73% ... were free from CNS recurrence at 1 year, compared with 27% of ...'
    if _LABEL_BEFORE.search(text, 0, prev.start) and _NEXT_LABEL.fullmatch(between):
        return True  # 'Median OS (months) was PCb: 18.7 (95% CI, 12.9-NE); PC: 27.0': one figure per label
    if next_item_start(text, prev.end, item.start) is not None:
        return False  # '... fewer prolonged air leaks (13% vs 19%, P = .05), fewer transfusions (4% vs 13%)'
    # 'in the pedometer group (112.8 ± 2.44 mm Hg) compared to the control group (117.3 ...': 'compared
    # to' sets the next figure against this one, it opens no clause
    joined = _COMPARED.sub(" ", between)
    return not _CLAUSE_VERB.search(joined) and not any(prev.end <= p < item.start for p, _n in mentions)


# a clause that opens the sentence as a concession, closed by its first comma
_SUBORDINATE = re.compile(r"(?i)\s*(?:(?:even\s+)?(?:al)?though|while|whereas)\b")


_COMPARED = re.compile(r"(?i)\b(?:as\s+)?compared\s+(?:with|to)\b")


def _after_own_bracket(words: str) -> str:
    """``words`` after the bracket they start inside closes (all of them when they start outside one)."""
    depth = 0
    for k, ch in enumerate(words):
        depth += (ch in "([") - (ch in ")]")
        if depth < 0:
            return words[k + 1 :]
    return words


# a count before the bracket its percent is printed in: '59 of 98 ['
_COUNT_INTO = r"(?:\s*\d+\s*(?:of|/)\s*\d+\s*[(\[])?"
# the next landmark of a list, its figures bracketed after it: ' and 24 weeks ('
_NEXT_LANDMARK = re.compile(rf"(?i)\s*,?\s*(?:and|or)\s+(?:at\s+)?{NUM}\s*{TIME_UNIT}\s*[(\[]\s*")
# the words that set a figure against the one before it, on the same endpoint
_SET_AGAINST = re.compile(r"(?i),\s*(?:compared\s+(?:with|to)|as\s+opposed\s+to)\s*$")
# an arm's label and its colon before a figure, and the next one after the figure before it
_LABEL = r"[A-Za-z][\w/+-]{0,12}(?:\s+[A-Za-z0-9][\w/+-]{0,5})?\s*:\s*"
_LABEL_BEFORE = re.compile(rf"(?:^|[\s(\[;,]){_LABEL}$")
_NEXT_LABEL = re.compile(rf"\s*[;,]\s*(?:and\s+)?{_LABEL}")
# words that name the next item of a list whose items carry their figures in brackets: ', fewer
# transfusions (' after '(13% vs 19%, P = .05)',
# ', fewer chest tubes draining greater than 7 days (', ' and better 5-years local control rate (' (after 'and',
# only a comparison opens the next item: ') and SRB (71%) arms' names an arm)
_NEXT_ITEM = re.compile(
    rf"(?i)\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+(?=(?:better|worse|improved|{MORE_WORDS}|{LESS_WORDS})\s))"
    r"(?!(?:and|or|respectively|with|in|for|vs|versus|than|as|compared|\w+ing)\b)"
    # a word of the item's name may be its short name in a bracket: ', and breast-conserving surgery (BCS) rates ('
    rf"(?:[a-z]|\d+-[a-z])[\w'/-]*(?:\s+(?:[a-z][\w'/-]*|\d+-[a-z][\w'/-]*|\d+(?=\s+[a-z])|{SHORT_NAME}(?=\s+[a-z]))){{0,8}}"
    r"\s*(?:[(\[][^()\[\]\d]{0,30}" + _COUNT_INTO + ")?"
)
# after a bracket that closes on its test ('(45 of 98 [46%] and 24 of 84 [29%], p=0.02)'), 'and' and a
# name open the next item: ' and pathological response (59 of 98 ['
_AND_NEXT_ITEM = re.compile(
    r"(?i)\s*and\s+(?!(?:and|or|respectively|with|in|for|vs|versus|than|as|compared|\w+ing)\b)"
    r"[a-z][\w'/-]*(?:\s+[a-z][\w'/-]*){0,5}\s*[(\[]" + _COUNT_INTO
)
_TESTED = re.compile(r"(?i)\bp\s*[=<>≤≥]")


def next_item_start(text: str, start: int, end: int) -> int | None:
    """Where the next item of a list of bracketed figures begins, when the words before ``end``
    (after ``start``) close one item's bracket and name the next: ', fewer transfusions (' after
    '(13% vs 19%, P = .05)'."""
    closed = text.find(")", start, end)  # the bracket the figure before sits in closes first
    if closed < 0:
        return None
    # (the last item of a longer list, ', PGA (...) and stiffness (', is the list reader's: ``endpoint_lists``)
    tested = (
        _TESTED.search(text, start, closed)
        and _AND_NEXT_ITEM.fullmatch(text, closed + 1, end)
        and not re.search(r"[)\]]\s*,", text[:start])
    )
    return closed + 1 if tested or _NEXT_ITEM.fullmatch(text, closed + 1, end) else None
