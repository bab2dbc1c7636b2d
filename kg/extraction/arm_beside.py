"""The arm printed beside a figure: right after it ('10.7 months with A', '43.9% of participants in
the varenicline group'), else right before it ('A was 7.7 months', 'S: 56%'). The figure runs of a
sentence (``assignment``) ask this first, before any order a list or the design gives.
"""

from __future__ import annotations

import re

from kg.model import Arm

LINK = re.compile(
    # a count bracket after the figure: '69.8% (n=37/53) for G1'
    r"(?i)(?:\s*[(\[]\s*(?:n\s*=\s*)?\d+(?:\s*/\s*\d+)?\s*[)\]])?"
    r"[\s,)\]]*(?:(?:at|after)\s+\d+\s+(?:years?|months?|weeks?)\s*)?(?:respectively,?\s*)?"
    r"(?:(?:for|in|among|with|on|by|patients|participants|subjects|those|who|that|group|had|received|were|was|given|treated|"
    r"assigned|randomi[sz]ed|allocated|to|the|receiving|undergoing|underwent|years?|months?|weeks?|days?|"
    r"\d+\s*(?:\(\d+%\))?\s*(?:of\s+\d+)?)"
    r"\b[\s,]*){0,7}"
)
_LEAD = re.compile(
    r"(?i)\s*(?:group|arm|alone)?\s*(?:was|were|:|,|had|showed|achieved)?\s*(?:a\s+median\s+of\s+)?"
    r"(?:in\s+\d+\s*[(\[]\s*)?"  # 'mediastinal lymph node sampling in 217 (44%)'
)
# 'decreased (P < 0.05) with ADF (10 ± 4%) and CR (8 ± 4%)': a figure alone in the bracket its arm's name opens
# ('A vs B (33% v 25%)' holds both arms' figures)
_OPENS = re.compile(r"\s*[(\[]\s*")
_CLOSES = re.compile(r"\s*[)\]]")
# 'Tumour response occurred in 19% (95% CI 13-27) of gemcitabine patients': the arm whose
# patients the figure is a share of, named right after 'of' (not 'of patients undergoing surgery')
_SHARE_OF_ARM = re.compile(r"(?i)\s*of\s+(?:the\s+)?")
# '43.9% of participants in the varenicline group were continuously abstinent compared with 17.6% in the
# placebo group and 29.8% in the bupropion SR group': the people the figure is a share of, then their arm (not
# '77% and 70% of patients in the A and B arms, respectively', whose figures the list's order assigns)
_OF_PEOPLE_IN = re.compile(
    r"(?i)\s*of\s+(?:the\s+)?(?:patients|participants|subjects|those|women|men|children|smokers|individuals)\s+"
    r"(?:in|on|receiving|given|treated\s+with|assigned\s+to|randomi[sz]ed\s+to|allocated\s+to)\s+(?:the\s+)?"
)
# '45.0% (varenicline; n = 249) vs. 11.8% (placebo; n = 245; ...)', '9.9 months [for VC]': the arm the
# bracket after a figure opens with, the bracket naming no more than the arm before its next part
_BRACKET_OPENS = re.compile(r"(?i)\s*[(\[]\s*(?:(?:for|in|with)\s+)?(?:the\s+)?")
_BRACKET_NAME_END = re.compile(r"(?i)\s*(?:group|arm)?\s*[;,)\]]")
_RESPECTIVELY_NEXT = re.compile(r"(?i)[^.;]*\brespectively\b")
_LABEL_COLON = re.compile(
    r"\s*(?:group|arm)?\s*:"
)  # 'S: 56%, CT-S: 60%': an arm labelling the figure after it


# '78.4% (1484/1894) in the scanned and printed signature group': a group named by words before the arm's
# own name (none that add or take away a treatment: 'in the placebo plus A group' is another arm's)
_GROUP_OF = re.compile(
    r"(?i)\s*(?:[(\[][^()\[\]]*[)\]]\s*)?(?:in|for|among)\s+the\s+"
    r"(?:(?!(?:plus|with|without|no|non|not|alone|placebo|and\s+(?:the\s+)?\d)\b)[a-z][\w-]*\s+){1,3}"
)
_GROUP_WORD = re.compile(r"(?i)\s+(?:group|arm)\b")


# 'were AL 85.2%, CPD 63.7% and SP 50%': each arm named right before its own figure, so the arm after a
# figure, joined by nothing but a comma or 'and' and followed at once by a figure, labels that figure
_TIGHT = re.compile(r"\s*:?\s*")
_BARE_JOIN = re.compile(r"(?i)\s*[,;]?\s*(?:and\s+)?")
_FIGURE_NEXT = re.compile(r"\s*:?\s*[-−]?\d")


def _labels_next(text: str, span: tuple[int, int], after: tuple[int, int, Arm], marks) -> bool:
    """Whether the arm named after the figure labels the next figure, as one named right before
    this figure labels it."""
    s, e, _arm = after
    return (
        bool(_BARE_JOIN.fullmatch(text, span[1], s))
        and bool(_FIGURE_NEXT.match(text, e))
        and any(_TIGHT.fullmatch(text, me, span[0]) for _ms, me, _a in marks)
    )


_LABELLED = re.compile(r"\s*:?\s*[-−]?\d[\d.,]*\s*(?:%|percent)?")


def _labelled_figure(text: str, end: int | None, marks) -> bool:
    """Whether the figure ending at ``end`` has an arm named right before it (a list of labels
    each before its figure)."""
    return end is not None and any(me < end and _LABELLED.fullmatch(text, me, end) for _ms, me, _a in marks)


def _names_after(text: str, end: int, s: int, e: int, arm: Arm) -> bool:
    """Whether the arm named at ``s:e`` is the figure's that ends at ``end``: linked to it ('with A',
    'of A patients'), its people's ('of participants in the A group', no 'respectively' to follow), or
    the bracket right after it opening with the arm's own name ('(varenicline; n = 249)', not the
    '(cisplatin)' of '66% (cisplatin) and 64% (vinorelbine) with CVb')."""
    between = text[end:s]
    if LINK.fullmatch(between) or _SHARE_OF_ARM.fullmatch(between):
        return not _LABEL_COLON.match(text, e)
    if _OF_PEOPLE_IN.fullmatch(between):
        return not _RESPECTIVELY_NEXT.match(text, e)
    if _GROUP_OF.fullmatch(between) and _GROUP_WORD.match(text, e):
        return True
    return (
        s - end <= 20
        and bool(_BRACKET_OPENS.fullmatch(between))
        and bool(_BRACKET_NAME_END.match(text, e))
        and arm.called(text[s:e])
    )


def beside(text: str, span: tuple[int, int], marks, previous: int | None = None) -> Arm | None:
    """The arm named right after a figure ('10.7 months with A'), else right before it ('A was
    7.7 months'); not an arm named after it as the label of the next figure ('S: 56%, CT-S: 60%'),
    nor one named right after the figure before (which ends at ``previous``) as that figure's:
    '12.2 months (10.4-14.2) for chemotherapy, 17.7 months (15.3-22.1) versus 13.0 months'."""
    start, end = span
    after = [(s, e, a) for s, e, a in marks if end <= s <= end + 60 and _names_after(text, end, s, e, a)]
    if after and not _labels_next(text, span, after[0], marks):
        return after[0][2]
    before = [
        a
        for s, e, a in marks
        if start - 40 <= e <= start
        and (
            _LEAD.fullmatch(text[e:start]) or (_OPENS.fullmatch(text, e, start) and _CLOSES.match(text, end))
        )
        and (
            _LABEL_COLON.match(text, e)
            or not (previous is not None and previous <= s and LINK.fullmatch(text[previous:s]))
            or (_TIGHT.fullmatch(text, e, start) and _labelled_figure(text, previous, marks))
        )
    ]
    return before[-1] if before else None


__all__ = ["LINK", "beside"]
