"""The patients a per-arm figure counts, as printed beside it: the count and denominator of a
percent ('41 patients (35%', '5 of 25 [20 percent]', '7/50 [14%]', '40% ... (264 of 655)'), and the
size of the group a figure was measured in ('23 months for gefitinib (n = 118)', 'For the 30
patients who received ..., overall median survival was 22 months'). A number that is part of a
name ('at week 12 (65.5% ...', 'PASI 50 (91.6% ...') counts nobody.
"""

from __future__ import annotations

import re

from kg.extraction.figure_item import BRACKET, Item

# '23 months for gefitinib (n = 118)', '26.8% for PemOx patients (arm A; n = 81)': the patients
# the figure before was measured in
_SIZE_AFTER = re.compile(
    rf"(?i){BRACKET}\s*,?\s*(?:for|in|with|among|on|of)\s+(?:the\s+)?[^()\[\];,\d]{{1,50}}?\s*"
    r"[(\[]\s*(?:[^()\[\];]{1,30};\s*)?n\s*=\s*(?P<n>\d+)\b"
)
_COUNT_BEFORE = re.compile(
    r"(?i)(?<![\d./])(?P<n>\d+)\s*(?:of\s+(?P<of>\d+)\s*|/\s*(?P<per>\d+)\s*)?(?:(?:patients|participants|persons|subjects)\s*)?"
    r"[(\[]\s*$"
)
_NAMED_NUMBER = re.compile(
    r"(?:(?i:\b(?:weeks?|days?|months?|years?|visits?|cycles?|grades?|stages?|phases?))|\b[A-Z]{2,6})\s*$"
)
# events counted with their share: 'four deaths (13%)', '12 complete responses (9%)', '27 of 100 objective
# responses (ORs; 27%)'
_EVENTS_BEFORE = re.compile(
    r"(?i)(?<![\d.])(?P<n>\d+)\s+(?:of\s+(?P<of>\d+)\s+)?(?P<what>(?:[a-z-]+\s+){0,2}?(?:death|response|recurrence|"
    r"relapse|progression|failure|complication|infection|hospitali[sz]ation|admission|fracture|exacerbation|seizure|"
    r"stroke|reaction)s)\s*[(\[]\s*(?-i:[A-Z]{2,5}s?)?\s*[;,]?\s*$"
)
# '(62/67)', '(n=37/53)'
_RATIO_AFTER = re.compile(r"(?i)^\s*[(\[]\s*(?:n\s*=\s*)?(?P<n>\d+)\s*/\s*(?P<of>\d+)\s*[;,)\]]")
# '(264 of 655)' may follow the group the percent is of: '40% of participants receiving cytisine (264 of 655)'
_OF_GROUP = r"\s+of\s+(?:the\s+)?(?:patients|participants|subjects)\s+(?:receiving|given|assigned\s+to|treated\s+with|in|on)\s+[^()\d;,]{1,40}?"
_COUNT_AFTER = re.compile(
    r"(?i)^\s*(?:[;,]\s*[^()]*?[)\]]|[)\]])?\s*(?:of\s+(?P<of>\d+)\b(?![.,]\d)|(?:"
    + _OF_GROUP
    + r")?\s*\((?P<n>\d+)\s+of\s+(?P<of2>\d+)"
    r"(?:\s+(?:evaluable\s+|assessable\s+|treated\s+|eligible\s+)?(?:patients|participants|subjects|persons))?\))"
)
# the patients a percent counts, bracketed after it: '10% [20 patients], 95% CI = 7% to 15%'
_PATIENTS_AFTER = re.compile(r"(?i)^\s*[(\[]\s*(?P<n>\d+)\s+(?:patients|participants|subjects)\s*[)\]]")


def counts(text: str, item: Item) -> None:
    """The count and denominator printed with a percent: '41 patients (35%', '5 of 25
    [20 percent]', '7/50 [14%]', '33 (55%; 95% CI 42-68) of 60', '40% ... (264 of 655)', '42% (11 of 26 patients)',
    '10% [20 patients]'."""
    window = max(0, item.start - 40)
    start, end = item.start, item.end
    before = _COUNT_BEFORE.search(text[window : item.start])
    if before and before.group("per") and not _agrees(item, int(before.group("n")), int(before.group("per"))):
        before = None  # '1/10000 (90%': no count behind the percent ('7/50 [14%]' is)
    if before and _NAMED_NUMBER.search(text, 0, window + before.start()):
        before = None  # 'at week 12 (65·5% vs. 47·0%', 'PASI 50 (91·6% vs. 84·6%': a name's number
    if before:
        item.count = int(before.group("n"))
        total = before.group("of") or before.group("per")
        item.total = int(total) if total else None
        start = window + before.start("n")
    elif (events := _EVENTS_BEFORE.search(text[window : item.start])) and (
        not events.group("of") or _agrees(item, int(events.group("n")), int(events.group("of")))
    ):
        item.count, item.what = int(events.group("n")), events.group("what").lower()[:-1]
        item.total = int(events.group("of")) if events.group("of") else None
        start = window + events.start("n")
    ratio = _RATIO_AFTER.match(text[item.end : item.end + 30])
    if ratio and item.count is None and _agrees(item, int(ratio.group("n")), int(ratio.group("of"))):
        item.count, item.total = int(ratio.group("n")), int(ratio.group("of"))  # '79% (41/52; 95% CI'
        end = item.end + ratio.end("of")
    after = _COUNT_AFTER.match(text[item.end : item.end + 80])
    if after and after.group("n") and not _agrees(item, int(after.group("n")), int(after.group("of2"))):
        after = None  # '(2 of 3 patients)' is not the count behind '20%'
    if after and item.total is None:
        item.total = int(after.group("of") or after.group("of2"))
        end = item.end + after.end()
        if after.group("n") and item.count is None:
            item.count = int(after.group("n"))
    patients = _PATIENTS_AFTER.match(text[item.end : item.end + 40]) if item.count is None else None
    if patients:
        item.count, end = int(patients.group("n")), item.end + patients.end()
    item.printed = (start, end)


def _agrees(item: Item, n: int, of: int) -> bool:
    """Whether 'n/of' is the count behind the printed percent (not a dose or a date)."""
    try:
        return of > 0 and abs(100 * n / of - float(item.raw)) <= 1
    except ValueError:
        return False


def sizes(text: str, found: list[Item]) -> None:
    """The group size printed after a figure's group ('median survival time was 23 months for
    gefitinib (n = 118)') is the figure's denominator, not a count of its own; so is the size of
    the group a sentence opens on ('For the 30 patients who received preresectional
    chemotherapy, overall median survival was 22 months'), for the figures of its first clause."""
    group = _SIZE_BEFORE.match(text)
    for item in found:
        m = _SIZE_AFTER.match(text, item.end) if item.total is None else None
        if m:
            item.total, item.printed = int(m.group("n")), (item.span()[0], m.end())
        elif group and item.total is None and _of_group(text, item, int(group.group("n"))):
            item.total, item.printed = int(group.group("n")), (group.start("n"), item.span()[1])


# the group a sentence opens on, with its size: 'For the 30 patients who received preresectional chemotherapy, '
_SIZE_BEFORE = re.compile(
    r"(?i)(?:for|of|among|in)\s+(?:the|all)\s+(?P<n>\d+)\s+(?:patients|participants|subjects)\s+"
    r"(?:who\s+(?:received|underwent|were\s+(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to)|"
    r"(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to|receiving|treated\s+with|in)\s+[^,;()\d]{1,60},\s"
)


def _of_group(text: str, item: Item, n: int) -> bool:
    """A figure of the opening group's clause that the group's size may be the denominator of: a
    median or mean, or a count or share no larger than the group (a percent only with the count
    it agrees with: not '107 (86% of the remaining patients)')."""
    if ";" in text[: item.start]:
        return False
    if item.unit == "percent":
        return item.count is not None and _agrees(item, item.count, n)
    if item.statistic == "count":
        return item.raw.isdigit() and int(item.raw) <= n
    return item.statistic in ("median", "mean")


__all__ = ["counts", "sizes"]
