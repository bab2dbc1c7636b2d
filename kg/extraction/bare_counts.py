"""Per-arm figures printed without a percent or a time: counts of patients ('(n = 10)', 'six
patients in the surgery group died', '60 patients in the PET-CT group and 73 in the
conventional-staging group underwent thoracotomy', '18 patients in the CWU group ... did not have
thoracotomy'), of events one an arm ('34 vs 33 deaths in estrogen and placebo groups,
respectively'), the arms' parts of a count ('536 deaths were recorded (263 in the standard
treatment arm and 273 in the experimental arm)'), of responses by kind ('4 complete responses
and 57 partial responses') and how much treatment an arm had ('the median number of cycles
delivered was 4'). One job for ``values``, which reads the times and percents first.
"""

from __future__ import annotations

import re

from kg.extraction.figure_item import Item
from kg.extraction.sizes import breakdown_pieces
from kg.extraction.text import NUM

__all__ = ["counts_only", "exposures"]

# how much treatment an arm's patients had: 'the median number of cycles delivered was 4 (range, 0 to 19 cycles)'
_EXPOSURE = re.compile(
    rf"(?i)\b(?P<centre>median|mean)\s+number\s+of\s+(?P<what>(?:treatment\s+)?(?:cycles|courses|doses|infusions))\b"
    rf"[^.;\d]{{0,40}}?\s(?:was|were)\s+(?P<est>{NUM})(?:\s+(?:cycles|courses|doses|infusions)\b)?"
)
_N_EQUALS = re.compile(r"(?i)[(\[]\s*n\s*=\s*(?P<est>\d+)\s*[)\]]")
_PATIENT = r"(?:patients?|participants?|persons?|subjects?|women|men)"
# what befell the counted: 'died', 'underwent thoracotomy', 'were diagnosed with lung cancer', or what
# they were spared: 'did not undergo PET'
_COUNT_VERB = (
    r"(?P<verb>(?:had|have)\s+died|died|had|developed|experienced|required|underwent|relapsed|recurred"
    r"|did\s+not\s+(?:have|undergo|receive)|(?:were|was)(?=\s+diagnosed\s+with\b))"
)
# '87 of 143 patients had an objective response': 87 had it, of 143
_PATIENT_COUNT = re.compile(
    rf"(?i)(?<![\d.%])(?:(?P<part>\d+)\s+of\s+(?:the\s+)?)?(?P<est>\d+)\s+{_PATIENT}\s+(?:(?:in|receiving|given|"
    rf"treated\s+with|assigned\s+to)\s+(?:the\s+)?[\w+ -]{{1,60}}?\s+)?{_COUNT_VERB}\b"
)
# who a count of patients is: 'in the PET-CT group', 'who had conventional staging', 'who received placebo'
_WHOSE = (
    r"(?:(?:in|on)\s+(?:the\s+)?|who\s+(?:had|received|underwent)\s+|receiving\s+|given\s+|treated\s+with\s+"
    r"|assigned\s+to\s+(?:the\s+)?)[\w+ -]{1,60}?"
)
# '60 patients in the PET-CT group and 73 in the conventional-staging group underwent thoracotomy',
# '52 patients who had PET-CT and 57 patients who had conventional staging had died': one count per
# arm, each with the words that say whose it is, before the event they share
_PER_ARM_COUNTS = re.compile(
    rf"(?i)(?<![\d.%])\d+\s+{_PATIENT}\s+{_WHOSE}"
    rf"(?:\s*(?:,|,?\s*and|vs\.?|versus|compared\s+with)\s+\d+\s+(?:{_PATIENT}\s+)?{_WHOSE})+\s+{_COUNT_VERB}\b"
)
_EACH_COUNT = re.compile(rf"(?i)(?<![\d.%])\d+(?:\s+{_PATIENT}\b)?")
# responses counted by kind: '(4 complete responses [CRs] and 57 partial responses [PRs])', '(3 CRs and 54 PRs)'
_RESPONSE_COUNT = re.compile(
    r"(?i)(?<![\d.])(?P<est>\d+)\s+(?:(?P<kind>complete|partial)\s+(?:responses?|remissions?)\b"
    r"(?:\s*[(\[](?:CR|PR)s?[)\]])?|(?-i:(?P<abbr>CR|PR))s?\b)(?!\s*[(\[]\s*\d)"
)
_RESPONSE_KINDS = {
    "complete": "complete response",
    "partial": "partial response",
    "cr": "complete response",
    "pr": "partial response",
}
_AMONG = re.compile(r"(?i)\b(?:among|of|in|for)\s+(?:the\s+|all\s+)?$")
# '... compared with 1 patient in B', '... compared with 85 in the placebo group', '... with 72 assigned to placebo'
_COMPARED_COUNT = re.compile(
    rf"(?i)\b(?:compared\s+with|versus|vs\.?|than)\s+(?P<est>\d+)\s+"
    rf"(?:{_PATIENT}\b(?!\s*\()|(?=(?:in|on)\s+(?:the\s+)?[\w+-]|assigned\s+to\s|who\s|receiving\s|given\s))"
)
# events counted by their noun: 'deaths', 'lung cancer deaths', 'complete responses', 'skeletal
# events'; not bare 'events', the information behind a time-to-event analysis ('overall survival
# (593 vs 576 events; HR 1.02 ...)'), which no per-arm result holds
EVENT_NOUNS = (
    r"(?:(?:[a-z-]+\s+){0,2}?(?:death|response|recurrence|relapse|progression|failure|complication|infection|"
    r"hospitali[sz]ation|admission|fracture|exacerbation|seizure|stroke|reaction)|(?:[a-z-]+\s+){1,2}?event)s"
)
# one count an arm, listed before the events they count: '(34 vs 33 deaths in A and B, respectively', '73 vs 40 deaths'
_EVENT_PAIR = re.compile(
    rf"(?i)(?<![\d.%])\d+(?:\s*(?:,|,?\s*and|vs\.?|versus|v)\s*\d+)+\s+(?P<what>{EVENT_NOUNS})\b(?!\s*[(\[]\s*\d)"
)
# one count an arm, each before the arm's words: 'There were 36 relapses in the FU+Cisplatin arm and 30 in the
# nihil arm', '29 deaths in the Cisplatin arm vs. 27 for nihil'
_WHERE = r"(?:in|on|with|for|among)\s+(?:the\s+)?[\w+/ -]{1,60}?"
_EVENTS_PER_ARM = re.compile(
    rf"(?i)(?<![\d.%])\d+\s+(?P<what>{EVENT_NOUNS})\s+{_WHERE}"
    rf"(?:\s*(?:,|,?\s*and|vs\.?|versus|compared\s+with)\s+\d+\s+(?:{EVENT_NOUNS}\s+)?{_WHERE})+"
    r"(?=\s*(?:[.;,()]|$|,?\s*respectively))"
)
_COUNT_OPENS = re.compile(r"(?i)(?:^|(?:,|\band|\bvs\.?|\bversus|\bwith)\s+)(?P<n>\d+)\s")
# a count of patients or events broken down by arm in the bracket after it, before or after
# its verb: '536 deaths were recorded (263 in the standard arm and 273 in the experimental arm)',
# 'Eight patients (3 who had PET-CT and 5 who had conventional staging) did not have planned surgery'
_BROKEN_DOWN = re.compile(
    rf"(?i)(?<![\d.%])(?P<total>\d+)\s+(?:(?P<events>{EVENT_NOUNS})|(?:[\w-]+\s+){{0,2}}?(?:{_PATIENT}|survivors))\b"
    r"(?P<gap>[^()\d;:]{0,40}?)(?:\((?P<parts>[^()]+)\)|:\s*(?P<listed>(?:[^;.()]|\([^()]*\))+))"
)
_NUMBER = re.compile(r"(?<![\d.%])\d+(?![\d.%])")
# what may follow the count of an arm's part: whose it is ('in the standard arm', 'who had PET-CT'), or nothing
_WHOSE_PART = re.compile(rf"(?i)(?:\s+(?:{_PATIENT}\s+)?{_WHOSE}\s*|\s*)")
_LABEL_DIGIT = re.compile(r"(?i)\b(?:arm|group|cohort|regimen)\s*$")
_ELIDED_COUNT = re.compile(r"(?i)(?:,|;|\band)\s+(?P<est>\d+)\s+(?P<verb>had|died|developed|experienced)\b")


def exposures(text: str) -> list[Item]:
    """'The median number of cycles was 4 in each arm': the median (or mean) count of cycles,
    courses, doses or infusions an arm's patients received, in those units."""
    out = []
    for m in _EXPOSURE.finditer(text):
        what = re.sub(r"\s+", " ", m.group("what").lower())
        unit = what.split()[-1]
        out.append(
            Item(
                m.start("est"),
                m.end(),
                m.group("est"),
                unit,
                m.group("centre").lower(),
                what=f"number of {what}",
            )
        )
    return out


# 'comparing participants who completed >=70% of yoga sessions (n = 11) to control (n = 19)': the groups a
# comparison sets against each other, sized
_SIZED_COMPARISON = re.compile(
    r"(?i)\bcompar\w*\b[^;]*?\(\s*n\s*=\s*\d+\s*\)[^;]*?\b(?:to|with|versus|vs\.?)\s[^;]*?\(\s*n\s*=\s*\d+\s*\)"
)


def counts_only(text: str, found: list[Item], ratios: bool = False) -> list[Item]:
    """Counts printed without a percent: '(n = 10)' beside an arm, 'six patients in the
    surgery group died', '... and two had distant metastases'.  Beside other figures or a
    ratio (``ratios``), '(n = 10)' sizes a group ('complete/partial responders (n = 234) OS HR,
    0.81'), and counts nothing."""
    taken = [i.span() for i in found]  # with the count and denominator a percent was read with
    out = _per_arm_counts(text, taken) + _event_pairs(text, taken) + _events_per_arm(text, taken)
    out += _breakdowns(text, taken)
    sized = bool(found) or ratios or bool(_SIZED_COMPARISON.search(text))
    for pattern in (_PATIENT_COUNT, _ELIDED_COUNT, _RESPONSE_COUNT, *(() if sized else (_N_EQUALS,))):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            if _AMONG.search(text, max(0, m.start() - 12), m.start()):
                continue  # 'Among 9 patients who underwent biopsies, 5 had ...': who was counted in
            what = _what(text, m)
            if m.groupdict().get("part"):
                out.append(
                    Item(
                        m.start(),
                        m.end(),
                        m.group("part"),
                        None,
                        "count",
                        total=int(m.group("est")),
                        what=what,
                    )
                )
            else:
                out.append(Item(m.start("est"), m.end(), m.group("est"), None, "count", what=what))
            taken.append((m.start(), m.end()))
    for m in _COMPARED_COUNT.finditer(text):  # '6 patients ... died compared with 1 patient in B'
        earlier = [i for i in out if i.what and i.end <= m.start() and not text[i.end : m.start()].count(";")]
        if earlier and not any(a <= m.start("est") < b for a, b in taken):
            out.append(Item(m.start("est"), m.end(), m.group("est"), None, "count", what=earlier[-1].what))
    return sorted(out, key=lambda i: i.start)


def _per_arm_counts(text: str, taken: list[tuple[int, int]]) -> list[Item]:
    """Counts of patients printed one per arm before the event they share ('60 patients in the
    PET-CT group and 73 in the conventional-staging group underwent thoracotomy'): each count is
    its own figure, printed as the number (and 'patients'), so the arm words after it give its
    arm."""
    out = []
    for m in _PER_ARM_COUNTS.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        what = _event(text, m.group("verb"), m.end())
        counts = _EACH_COUNT.finditer(text, m.start(), m.start("verb"))
        out += [
            Item(c.start(), c.end(), re.match(r"\d+", c.group()).group(), None, "count", what=what)
            for c in counts
        ]
        taken.append((m.start(), m.end()))
    return out


def _event_pairs(text: str, taken: list[tuple[int, int]]) -> list[Item]:
    """Counts of events listed one an arm before the noun they share ('34 vs 33 deaths in
    estrogen and placebo groups, respectively'): each its arm's count of that event."""
    out = []
    for m in _EVENT_PAIR.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        what = _noun(m.group("what"))
        counts = re.finditer(r"\d+", text[m.start() : m.start("what")])
        out += [
            Item(m.start() + c.start(), m.start() + c.end(), c.group(), None, "count", what=what)
            for c in counts
        ]
        taken.append((m.start(), m.end()))
    return out


def _events_per_arm(text: str, taken: list[tuple[int, int]]) -> list[Item]:
    """Counts of events printed one per arm, each before the words that say whose ('36 relapses
    in the A arm and 30 in the B arm'): each its arm's count of that event."""
    out = []
    for m in _EVENTS_PER_ARM.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        what = _noun(m.group("what"))
        counts = _COUNT_OPENS.finditer(m.group())
        out += [
            Item(m.start() + c.start("n"), m.start() + c.end("n"), c.group("n"), None, "count", what=what)
            for c in counts
        ]
        taken.append((m.start(), m.end()))
    return out


def _breakdowns(text: str, taken: list[tuple[int, int]]) -> list[Item]:
    """The arms' parts of a count of events (or of patients with one), in the bracket or the
    list after a colon that follow it ('Three treatment-related deaths occurred: 2 patients in
    the surgical arms (...), and 1 patient in the radiation arm (...)'): each part, with the arm
    words beside it, is its arm's count; the parts must add up to the count, which is every
    arm's together (``Item.pooled``: ``whole_population`` gives it to them).  What they count is the events' noun or the verb before or after
    ('did not have planned surgery')."""
    out = []
    for m in _BROKEN_DOWN.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        what = _noun(m.group("events")) if m.group("events") else _verb_event(text, m)
        where = "parts" if m.group("parts") else "listed"
        parts = _parts(_unbracketed(text, *m.span(where)), *m.span(where))
        if what is None or len(parts) < 2 or sum(int(p.group()) for p in parts) != int(m.group("total")):
            continue
        out += [Item(p.start(), p.end(), p.group(), None, "count", what=what) for p in parts]
        out.append(
            Item(m.start("total"), m.end("total"), m.group("total"), None, "count", what=what, pooled=True)
        )
        taken.append(m.span())
    return out


def _verb_event(text: str, m: re.Match) -> str | None:
    """What the patients of a broken-down count had, by the verb before its parts ('Eight
    patients died (...)') or after their bracket ('(...) did not have planned surgery')."""
    verb = re.compile(rf"(?i)\s*(?:were\s+|was\s+)?{_COUNT_VERB}\b")
    said = verb.match(text, m.start("gap"))
    if said is None and m.group("parts"):
        said = verb.match(text, m.end())
    return _event(text, said.group("verb"), said.end()) if said else None


def _unbracketed(text: str, start: int, end: int) -> str:
    """The text with the brackets inside one stretch blanked, so that their commas and numbers
    ('2 patients in the surgical arms (one late pulmonary toxicity and one pulmonary embolus)')
    cut no part and count for none."""
    inner = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group()), text[start:end])
    return text[:start] + inner + text[end:]


def _parts(text: str, start: int, end: int) -> list[re.Match]:
    """The count of each piece of a breakdown by arm ('263 in the standard arm', '3 who had
    PET-CT', 'arm B: 7', 'PemCb 2'): its first number that is no arm's label ('arm 2'), followed
    by whose it is or by nothing; none when a piece says what happened instead ('one had a
    haemorrhage', '1 of sepsis'): a breakdown by cause, not by arm."""
    out = []
    for piece in breakdown_pieces(text[start:end]):
        stop = start + piece.end()
        numbers = _NUMBER.finditer(text, start + piece.start(), stop)
        number = next((n for n in numbers if not _LABEL_DIGIT.search(text, start, n.start())), None)
        if number and not _WHOSE_PART.fullmatch(text, number.end(), stop):
            return []
        out += [number] if number else []
    return out


def _noun(noun: str) -> str:
    """The events as printed ('lung cancer deaths'); bare 'deaths' or 'events' are the
    endpoint's the clause names ('Deaths from lung cancer did not differ (34 vs 33 deaths ...')."""
    return re.sub(r"\s+", " ", noun.lower())


def _what(text: str, m: re.Match) -> str | None:
    """What a count counts: the event its patients had ('died'), or the kind of response."""
    if "kind" in m.groupdict():
        return _RESPONSE_KINDS[(m.group("kind") or m.group("abbr")).lower()]
    return _event(text, m.group("verb"), m.end()) if "verb" in m.groupdict() else None


def _event(text: str, verb: str, end: int) -> str | None:
    """What a counted patient had: 'died' -> 'death', 'had distant metastases' -> that."""
    if verb.lower().endswith("died"):
        return "death"
    spared = verb.lower().startswith("did")
    obj = re.match(
        r"\s*(?:a\s+|an\s+)?([a-zA-Z][a-zA-Z -]{2,50}?)(?=\s*(?:[,;.()]|\band\b|\bcompared\b|\bvs\b|$))",
        text[end:],
    )
    if not obj:
        return None
    return f"no {obj.group(1).strip()}" if spared else obj.group(1).strip()
