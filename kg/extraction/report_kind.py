"""Does a page report a randomised trial? A judge of the extractor, independent of it.

A page reports a randomised trial when its title names it one ("a randomized phase III
trial") or its abstract says that the study's own participants were allocated at random
("patients were randomly assigned to", "we randomised", "334 randomly assigned patients",
"In this randomized, double-blind trial", "survival from randomisation"), and it is not
one of the kinds of page that speak of randomised trials without reporting one: a review or
meta-analysis, a guideline, a pooled analysis of several trials, or a protocol or design
paper of a trial still to report. A secondary analysis of one trial (a survival update,
biomarker, subgroup or quality-of-life results) does report that trial, and so does a pooled
analysis of trials that each randomised their patients between the same arms ("Patients were
randomly assigned in a 1:1 ratio to SABR or lobectomy", the shared gold's STARS/ROSEL page);
a comparison of arms taken from different trials does not. A sentence that
speaks of another or a future trial ("a randomized trial is needed", "a previous randomized
trial showed") says nothing of the page's own study.

Nothing here reads what the extractor reads (arms, results), so the benchmark can set the
pages this says are randomised trials beside the trials the extractor made of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extraction.text import Cued
from kg.model import AbstractSection

__all__ = ["Verdict", "reports_randomised_trial"]


@dataclass(frozen=True)
class Verdict:
    """Whether a page reports a randomised trial, and the words that decided it."""

    randomised: bool
    reason: str


_RANDOMISED = r"randomi[sz]ed|randomly\s+(?:assigned|allocated|divided|distributed)"
_STUDY = r"(?:[\w-]+,?\s+){0,6}?(?:trial|study)\b(?!s)"
_PARTICIPANTS = r"(?:patients|participants|subjects|women|men|smokers|individuals|children|adults)"
# the study's own participants allocated at random, read one sentence at a time
_ASSIGNED = (
    rf"\b(?:were|was|been|being|are|is)\s+(?:(?:\w+ly|then|also|all|each|first|thereafter)\s+){{0,2}}"
    rf"(?:{_RANDOMISED}|random\s+assignment)\b"
    rf"|\bwe\s+(?:(?:\w+ly|then|also|first)\s+)?(?:{_RANDOMISED})\b"
)
_OWN = re.compile(
    rf"(?i){_ASSIGNED}"
    rf"|\bwe\s+(?:did|conducted|performed|undertook|carried\s+out|initiated|designed|report)\s+(?:an?|the|this)\s+"
    rf"(?:[\w-]+,?\s+){{0,5}}?randomi[sz]ed\s+{_STUDY}"
    rf"|\b(?:{_RANDOMISED})\s+(?:\(\d+:\d+\)\s+)?(?:to|between|in\s+a\s+\d+:\d+|1:1|2:1|into)\b"
    rf"|\b(?:\d+|all|the|of)\s+(?:randomly\s+assigned|randomi[sz]ed)\s+{_PARTICIPANTS}\b"
    rf"|\b(?:trial|study)\s+(?:that\s+|which\s+|in\s+which\s+)?(?:randomly\s+assigned|randomi[sz]ed\s+\d)"
    rf"|\b(?:from|at|after|before|underwent|until|since)\s+(?:the\s+time\s+of\s+)?(?:randomi[sz]ation|random\s+assignment)\b"
    rf"|\b(?:this|the\s+present|the\s+current|our)\s+(?:[\w-]+,?\s+){{0,5}}?randomi[sz]ed,?\s+{_STUDY}"
    rf"|(?:^|\b(?:in|conducted|did|performed|undertook|was|is)\s+|"
    rf"\b(?:results?|analys[ie]s|findings|report|data|subset|update|follow-up)\s+(?:of|from)\s+)(?:an?)\s+(?:[\w-]+,?\s+){{0,8}}?randomi[sz]ed,?\s+{_STUDY}"
    # '... a double-blind, randomized study was performed in 90 children'
    rf"|\ban?\s+(?:[\w-]+,?\s+){{0,5}}?randomi[sz]ed,?\s+{_STUDY}\s+(?:was|has\s+been)\s+(?:performed|conducted|carried\s+out|done|undertaken)\b"
)
_OWN_ASSIGNED = re.compile(rf"(?i){_ASSIGNED}")
# a sentence about another trial, or one still to be run
_ANOTHER_STUDY = re.compile(
    r"(?i)\b(?:needed|needs?|warranted|would|should|recommend\w*|requires?|future|ongoing|"
    r"an?\s+(?:previous|prior|earlier|recent|single)|previous\s+(?:[\w-]+\s+){0,2}?(?:trials?|study|studies|reports?)|"
    r"further\s+(?:[\w-]+\s+){0,2}?(?:trials|studies)|(?:is|are)\s+required)\b"
)
_TITLE = re.compile(rf"(?i)\brandomi[sz]ed,?\s+{_STUDY}")
# a controlled phase III comparison is randomised by convention, whether or not the words say so
_CONTROLLED = re.compile(
    rf"(?i)\bphase\s+(?:III|3|II/III|2/3)\s+{_STUDY}[^.]*\b(?:versus|vs\.?|compared|comparing|placebo)"
    r"|\bplacebo-controlled\s+(?:[\w-]+,?\s+){0,4}?(?:trial|study)\b(?!s)"
)
_PROTOCOL = Cued(
    re.compile(
        r"(?i)\b(?:study\s+protocol|trial\s+protocol|protocol\s+for\s+an?|rationale\s+and\s+design|design\s+and\s+rationale|"
        r"background\s+and\s+rationale|will\s+be\s+(?:randomi[sz]ed|randomly))\b"
    ),
    ("protocol", "rationale", "will"),
)
_DESIGN_TITLE = re.compile(r"(?i)\b(?:study|trial)\s+design\b")
_REVIEW_CUES = (
    "review", "analys", "searched", "individual", "evidence", "trials", "studies", "papers", "articles", "publications",
)  # fmt: skip
# what a page is when it speaks of randomised trials without reporting one of its own
_NOT_A_TRIAL = (
    (
        "review",
        Cued(
            re.compile(
                r"(?i)\b(?:systematic(?:ally)?\s+review|meta-?analys[ie]s|literature\s+review|review\s+of\s+(?:the\s+)?"
                r"(?:literature|randomi[sz]ed|published|available|current|clinical)|(?:this|we)\s+(?:\w+\s+)?review|"
                r"we\s+(?:searched|reviewed)|individual\s+(?:patient|participant)\s+data|"
                r"(?:trials|studies|papers|articles|publications)\s+(?:were|was)\s+(?:included|identified|eligible|found|"
                r"selected)|best\s+evidence\s+topic)\b"
            ),
            _REVIEW_CUES,
        ),
    ),
    (
        "guideline",
        Cued(
            re.compile(
                r"(?i)\b(?:(?:this|the\s+present|these|updated?)\s+(?:\w+\s+){0,2}?guidelines?|consensus\s+statement|"
                r"practice\s+parameter|appropriateness\s+criteria|expert\s+panel|provisional\s+clinical\s+opinion)\b"
            ),
            ("guideline", "consensus", "parameter", "appropriateness", "panel", "opinion"),
        ),
    ),
    (
        "several trials",
        Cued(
            re.compile(
                r"(?i)\b(?:pooled|combined)\s+(?:analys[ie]s|data)\s+(?:of|from)\s+(?:the\s+)?(?:two|three|four|five|"
                r"several|multiple|\d+)\b|\bdata\s+from\s+(?:two|three|four|five|several|\d+)\s+(?:[\w-]+\s+){0,3}?"
                r"(?:trials|studies)\b|\bbased\s+on\s+(?:two|three|four|five|several)\s+(?:[\w-]+,?\s+){0,5}?(?:trials|studies)\b"
            ),
            ("pooled", "combined", "data", "based"),
        ),
    ),
)
_GUIDELINE_TITLE = re.compile(r"(?i)\b(?:guidelines?|recommendations|consensus)\b")
_REVIEW_LABELS = re.compile(
    r"(?i)^(?:search\s+(?:strategy|methods)|selection\s+criteria|data\s+(?:sources|collection|extraction|synthesis)|"
    r"study\s+selection|purpose\s+of\s+review|recent\s+findings|recommendations?)"
)


def reports_randomised_trial(title: str, abstract: Sequence[AbstractSection]) -> Verdict:
    """The verdict on one page from its title and abstract (the page may have no abstract).

    A protocol or design paper is never a report; a title naming one randomised trial
    outweighs what the abstract says of reviews or guidelines; otherwise a page of another
    kind is not a report, whatever trials it cites.
    """
    text = " ".join(s.text for s in abstract)
    m = _PROTOCOL.search(title) or _DESIGN_TITLE.search(title) or _PROTOCOL.search(text)
    if m:
        return Verdict(False, f"protocol: {m.group()!r}")
    m = _TITLE.search(title) or _CONTROLLED.search(title)
    if m:
        return Verdict(True, f"randomised (title): {m.group()!r}")
    label = next((s.label for s in abstract if _REVIEW_LABELS.match(s.label)), None)
    if label:
        return Verdict(False, f"review: section {label!r}")
    m = _GUIDELINE_TITLE.search(title)
    if m:
        return Verdict(False, f"guideline: {m.group()!r}")
    for kind, pattern in _NOT_A_TRIAL:
        m = pattern.search(title) or pattern.search(text)
        if m and not (kind == "several trials" and _own(text, _OWN_ASSIGNED)):
            return Verdict(False, f"{kind}: {m.group()!r}")
    m = _own(text, _OWN)
    if m:
        return Verdict(True, f"randomised: {m.group()!r}")
    return Verdict(False, "no participants allocated at random")


def _own(text: str, pattern: re.Pattern) -> re.Match | None:
    """The first sentence's cue of the study's own randomisation, skipping sentences about other trials.
    Every cue holds the letters 'random': a sentence without them is not searched (most of a page's time
    here went to searching them)."""
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        m = pattern.search(sentence) if "random" in sentence.lower() else None
        if m and not _ANOTHER_STUDY.search(sentence):
            return m
    return None
