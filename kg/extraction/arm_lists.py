"""Where an abstract lists its arms, and the list cut into one piece per arm.

'randomly assigned ... to receive A 1,200 mg ... plus B or C 75 mg/m2' is cut, outside
brackets, at 'or' / 'versus' (and at the commas of 'A, B, or C'; at the semicolons of 'to one
of three treatments: A; B; or C') into one piece per arm. Other places name the arms too: an
'Interventions:' section, 'patients received ...', 'we compared A with B', the title's 'A
versus B' or 'A with or without B'. How many arms the text announces (``arm_counts``) settles
pieces that a bare 'or' inside one arm ('lymph node dissection or sampling') would otherwise split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extraction.arm_company import (
    alone_or_with,
    bracketed_doses,
    care_lead,
    dose_variants,
    doses_of,
    lead_to_each,
    share,
    with_or_without,
)
from kg.extraction.arm_controls import control_given
from kg.extraction.arm_counts import count_word
from kg.extraction.arm_ellipsis import drug_lead, shared_entries
from kg.extraction.arm_named import named_groups
from kg.extraction.arm_phrases import as_roles, compared, trial_of
from kg.extraction.arm_tails import without_description, without_tails
from kg.extraction.arm_titles import placebo_controlled, title_listing
from kg.extraction.armrefs import ARM_LABEL
from kg.extraction.regimens import drug_mentions
from kg.extraction.text import depth_map, split_top

_ADJECTIVE = (
    r"(?!\s*,?\s*(?:controlled|trials?|study|studies|phase|double|open|single|multi|placebo|clinical|comparison|"
    r"prospective|parallel|non-?inferiority|pragmatic|cross|(?:two|three|four|2|3|4)[- ](?:arm|by|group|way|stage)|"
    r"factorial|pilot|feasibility|"
    r"equivalence|superiority|intergroup|national|international|community|cluster|evaluation)\b)"
)
_ASSIGN_TO = re.compile(
    rf"(?i)\b(?:randomly\s+|prospectively\s+|were\s+)?(?:assign(?:ed)?|allocated?|randomi[sz]ed|(?:random\s+)?assignment|"
    rf"randomi[sz]ation|randomly\s+received|randomly\s+(?:divided|allotted|distributed)){_ADJECTIVE}\b"
    r"(?:[^.;:]|(?<=\d):(?=\d))*?\b(?:to|into)\b(?:\s+(?:receive|undergo|be\s+treated\s+with|treatment\s+with|either))*"
    r"|\b(?:assigned|allocated|randomi[sz]ed)(?:\s+\w+){0,2}\s+between\b(?!\s+(?:\w+\s+)?(?:19|20)\d\d)"
    r"|\b(?:randomly\s+received)\b(?:\s*\([^)]*\))?"
)
_ASSIGN_WITH = re.compile(
    # 'previously treated with chemotherapy' is a history, not an arm
    rf"(?i)\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed|(?<!previously )(?<!already )(?<!heavily )treated)"
    rf"{_ADJECTIVE}\b[^.;]*?\bwith\b"
)
# 'a historical control of patients treated with WBRT without hippocampal avoidance': not an arm
_HISTORY_BEFORE = re.compile(r"(?i)\b(?:historical|previously|prior|earlier)\b[^.;]{0,60}$")
_RECEIVED = re.compile(
    # 'Patients with unresected stages IIIA and IIIB NSCLC, with ... received', not a history ('with
    # disease that progressed after ... who had received'); 'They received placebo, 20, 40 or 80 mg of bilastine'
    r"(?i)(?:^they|\b(?:patients|participants|subjects|volunteers|women|men|children|infants|adults|animals|sheep|rats|"
    r"mice|dogs|pigs|piglets|rabbits|horses|cows|calves))(?:\s+with\s+(?:(?!\b(?:who|had|have|prior|previous(?:ly)?|progress\w*|after|"
    r"failed|failure|received|treated|refractory|pretreated)\b)[^.;]){0,160}?)?\s+(?:were\s+)?(?:received\b|given\b"
    # 'Participants applied either a topical diclofenac solution or vehicle control solution'
    r"|(?:applied|took|used|inhaled|ingested|consumed|wore)(?=\s+either\b))"
)
# 'were divided into', 'were evenly divided into', 'were divided randomly into', 'randomized and divided
# prospectively into'
_DIVIDED = re.compile(r"(?i)\b(?:were|was|and)\s+(?:[a-z]+ly\s+)?divided\s+(?:[a-z]+ly\s+)?into\b")
# a numbered list of what each group was given: 'were given 1) 2 ml of ..., 2) 2 ml of PBS ...'
_NUMBERED_LIST = re.compile(
    r"(?i)\b(?:(?:were|was)\s+(?:given|administered|treated\s+with|injected\s+with|fed)|received)\s+(?=1\)\s.*\b2\)\s)"
)


@dataclass(frozen=True)
class Listing:
    """A text that lists the arms, how strongly its wording says so, and where it was."""

    text: str
    preference: int
    sentence: int
    loose: bool = False  # names no drug and no credible treatment may still name the arms


def listings(title: str, sentences: list[tuple[str, str]]) -> list[Listing]:
    """Every text that may list the arms: (section label, normalised sentence) pairs in order,
    then the title."""
    out: list[Listing] = []
    randomised = any(re.search(r"(?i)\brandomi[sz]|\brandomly\b", t) for _s, t in [("", title), *sentences])
    for n, (section, text) in enumerate(sentences):
        low = text.lower()
        if re.match(r"(?i)interventions?$", section.strip()) and not re.search(r"(?i)random", low):
            out.append(Listing(text, 6, n))
        elif labelled := re.match(r"(?i)\s*interventions?\s*:\s*", text):  # 'Intervention: A, versus B, ...'
            out.append(Listing(text[labelled.end() :], 6, n))
        if any(w in low for w in ("assign", "allocat", "random", "treated")):
            m = _ASSIGN_TO.search(text) or _ASSIGN_WITH.search(text)
            if m and not (
                m.group().lower().startswith("treated") and _HISTORY_BEFORE.search(text, 0, m.start())
            ):
                colon = re.match(r"\s*(?:(?:one|1)\s+of\s+[^:]{0,60}:)", text[m.end() :])
                rest = _between(text[m.end() :]) if m.group().lower().endswith("between") else text[m.end() :]
                out.append(Listing(rest, 5 + bool(colon), n))
        divided = _DIVIDED.search(text) if randomised and "divided" in low else None
        if divided and not _ASSIGN_TO.search(
            text
        ):  # 'By randomized trial, ... were divided into two groups: ...'
            out.append(Listing(text[divided.end() :], 5, n))
        numbered = _NUMBERED_LIST.search(text)  # 'alpacas in the respective groups were given 1) ..., 2) ...'
        if numbered:
            out.append(Listing(text[numbered.end() :], 5, n))
        if "received" in low or "given" in low or "either" in low:
            r = _RECEIVED.search(text)
            if r:
                out.append(Listing(text[r.end() :], 3, n))
        phrased = None if re.match(r"(?i)results|findings|conclusions?|interpretation", section) else low
        if phrased and (named := trial_of(text, phrased)):
            out.append(Listing(named, 2, n))
        if phrased and (named := compared(text, phrased)):
            out.append(Listing(named, 1, n))
        if named := as_roles(text, low):
            out.append(Listing(named, 5, n))
        placebo = placebo_controlled(text)
        out += [Listing(placebo, 1, n)] if placebo else []
        out += _counted_groups(text, n) if randomised else []
        controls = control_given([t for _s, t in sentences], n) if randomised and "control" in low else None
        if controls:
            out.append(Listing(controls, 3, n, loose=True))
        several = list(_ASSIGN_TO.finditer(text)) if "random" in low else []
        if len(several) >= 2:  # '444 were randomized to PC, and 434 were randomized to PCB'
            parts = [_until_clause_end(text[m.end() :]) for m in several]
            out.append(Listing(" or ".join(parts), 4, n))
    placebo = placebo_controlled(title)
    out += [Listing(placebo, 1, len(sentences))] if placebo else []
    titled = title_listing(title)
    return out + ([Listing(titled, 0, len(sentences))] if titled else [])


# 'Thirty patients ... were fed twice-daily 15 ml/kg of Apple Juice (AJ), 30 received White Grape Juice (WGJ),
# and 30 were given colored and flavored water (WA)': each group's count and what it was given
_COUNTED_GROUP = re.compile(
    r"(?i)(?:^|,\s*(?:and\s+)?|;\s*|\band\s+)(?P<count>\d+|[a-z]+(?:-[a-z]+)?)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:were\s+(?:fed|given|treated\s+with)|received)\s+"
)


def _between(text: str) -> str:
    """'randomized between laparoscopic and small-incision cholecystectomy': the 'and' that parts the
    two arms (the first outside brackets) read as 'or'."""
    depth = depth_map(text)
    joint = next((m for m in re.finditer(r"\s+and\s+", text) if depth[m.start()] == 0), None)
    # not 'between A versus B and that ...' (parted already) nor 'between 9 and 16 days of age'
    if (
        joint is None
        or re.match(r"\s*\d", text)
        or re.search(r"(?i)\b(?:or|versus|vs)\b", text[: joint.start()])
    ):
        return text
    return f"{text[: joint.start()]} or {text[joint.end() :]}"


def _counted_groups(text: str, n: int) -> list[Listing]:
    """The groups a sentence counts one by one with what each was given, as a listing whose
    pieces carry their counts ('apple juice (30 patients) or white grape juice (30 patients)')."""
    found = [
        m
        for m in _COUNTED_GROUP.finditer(text)
        if count_word(m.group("count")) and not re.search(r"(?i)\b(?:had|previously|prior)\b", m.group())
    ]
    if len(found) < 2:
        return []
    ends = [m.start() for m in found[1:]] + [len(text)]
    parts = [
        f"{_until_clause_end(text[m.end() : end]).strip().rstrip('.')} ({count_word(m.group('count'))} patients)"
        for m, end in zip(found, ends, strict=True)
    ]
    return [Listing(" or ".join(parts), 2, n, loose=True)]


def _until_clause_end(text: str) -> str:
    return re.split(r"[,;.]\s|\s+and\s+\d", text, maxsplit=1)[0]


_SEMICOLON_OR = re.compile(r"(?i);\s+or\s+")


def clause(segment: str) -> str:
    """The segment up to its clause end (a top-level ';' or the sentence end); a list
    announced by a colon ('one of three treatments: A; B; or C', 'three arms: A, ...; B, ...')
    runs to the sentence end."""
    listed = re.match(
        r"(?i)\s*(?:(?:one|1)\s+of\s+[^:]{0,60}:|[^:]{0,40}\b(?:regimens?|arms?|groups?|treatments?|schedules?):"
        # 'divided into two groups, ESWT group (n=15), and ...'
        r"|(?:two|three|four|2|3|4)\s+(?:equal\s+)?(?:groups|arms)\s*,(?=\s*(?:the\s+)?[^,;]{1,80}?\b(?:group|arm)\b)"
        r"|(?:one|1)\s+of\s+(?:the\s+)?\w+\s+(?:\w+\s+)?(?:regimens?|arms?|groups?|treatments?|schedules?)\s+"
        r"(?:including|consisting\s+of|comprising|namely)\b)",
        segment,
    )
    if listed:
        segment = segment[listed.end() :]
    depth = depth_map(segment)
    # 'A (DC); B (DCb); or C (VC)': entries parted by semicolons, the last after '; or', run on too
    listed = listed or any(depth[m.start()] == 0 for m in _SEMICOLON_OR.finditer(segment))
    stop = r"(?<!\bvs)(?<!\bv)\.(?=\s|$)"  # not the point of 'vs.'
    ends = stop if listed else rf";|{stop}"
    for m in re.finditer(ends, segment):
        if depth[m.start()] == 0:
            return segment[: m.start()]
    return segment


def pieces(segment: str) -> list[str]:
    """One piece of text per arm: cut at 'or' / 'versus', or at the commas and semicolons of
    a list that ends 'or C'; a lead before 'either' is not part of the first arm, unless it is
    a treatment every arm shares ('cisplatin plus either etoposide or paclitaxel')."""
    text = clause(segment)
    either = re.search(r"(?i)\beither\b", text)
    common = ""
    if (
        either
        and depth_map(text)[either.start()] == 0
        and not re.search(r"(?i)\b(?:or|versus|vs)\b", text[: either.start()])
    ):
        shared = _SHARED_LEAD.search(text[: either.start()]) or drug_lead(text[: either.start()])
        common = shared.group(0).strip() + " " if shared else ""  # 'cisplatin plus either A or B'
        text = text[either.end() :]
    text = _unnumbered(text)
    text = without_tails(text)

    parts = [without_description(p) for p in _pieces(text)]
    return [common + part.strip() for part in parts] if common else parts


_ENUMERATOR = re.compile(r"(?i)(?:^|(?<=[,;:]\s)|(?<=\bor\s))\s*(?:\d|[a-d])\)\s+")


# '(1) a tunneled version ...; (2) a high user control version ...; and (3) a control group', '(A) triple
# injection of rhBMP-2 (...) and (B) no injection'
_BRACKETED_NUMBER = re.compile(r"(?i)(?:^|(?<=[,;:]\s)|(?<=\bor\s)|(?<=\band\s))\s*\((?:[1-4]|[a-d])\)\s+")


def _unnumbered(text: str) -> str:
    """'1) A, 2) B' and '(1) A; and (2) B' without their numbers, the 'and' before a number
    parting two entries as 'or' does; not the end of a bracket ('(area under curve, 6) followed
    by surgical resection')."""
    depth = depth_map(text)
    text = _ENUMERATOR.sub(lambda m: m.group() if depth[m.start() + m.group().index(")")] else "", text)
    depth = depth_map(text)
    numbers = [m for m in _BRACKETED_NUMBER.finditer(text) if depth[m.start() + m.group().index("(")] == 1]
    if len(numbers) < 2:
        return text
    for m in reversed(numbers):
        lead = re.search(r"(?i)\band\s+$", text[: m.start()])
        text = (text[: lead.start()] + "or " if lead else text[: m.start()]) + text[m.end() :]
    return text


# not before what describes the entry before: '... programme (txt2stop), comprising motivational messages
# and behavioural-change support, or to a control group'
_LIST_COMMA = (
    r"[,;]\s+(?!and\s+\d+\b(?!\s*(?:patients|participants))|\d+(?:,|\s+and\s)"
    r"|(?:comprising|consisting|including|containing|involving|which|that|who|where)\b)"
)


# 'arm A, which involved immediate concurrent chemoradiotherapy with ...': a label, then what it gives
_LABEL_WHICH = re.compile(
    rf"(?i)\b({ARM_LABEL})\s*,\s*which\s+(?:involved|consisted\s+of|included|comprised|combined)\s+"
)


def _pieces(text: str) -> list[str]:
    """The pieces of a listing; 'arm A, which involved X' is read as 'X (arm A)'."""
    labels: list[str] = []
    text = _LABEL_WHICH.sub(lambda m: labels.append(m.group(1)) or f"\x00{len(labels) - 1} ", text)
    return [_labelled(part, labels) for part in _split_pieces(text)]


_LABEL_ONLY = re.compile(rf"(?i)^\s*(?:to\s+)?(?:the\s+)?(?P<label>{ARM_LABEL})\s*(?P<size>\([^()]*\))?\s*$")


def _label_then_what(parts: list[str]) -> list[str]:
    """'either arm 1 (n = 223), paclitaxel 100 mg/m2 ... with carboplatin ..., or arm 2 (n = 221),
    paclitaxel 225 mg/m2 and carboplatin ...': a piece that is only an arm's label (and its size)
    names the arm the next piece describes, as 'X (arm 1) (n = 223)'."""
    out: list[str] = []
    k = 0
    while k < len(parts):
        m = _LABEL_ONLY.match(parts[k])
        if m and k + 1 < len(parts) and not _LABEL_ONLY.match(parts[k + 1]):
            out.append(
                f"{parts[k + 1].rstrip()} ({m.group('label')}){' ' + m.group('size') if m.group('size') else ''}"
            )
            k += 2
            continue
        out.append(parts[k])
        k += 1
    return out


def _labelled(part: str, labels: list[str]) -> str:
    m = re.search(r"\x00(\d+) ", part)
    return f"{part[: m.start()]}{part[m.end() :].rstrip()} ({labels[int(m.group(1))]})" if m else part


# 'versus a control regimen of vinorelbine or ifosfamide (V/I)': one arm that offers a choice
_CHOICE_OF = re.compile(
    r"(?i)\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:regimen|choice|treatment|therapy)\s+of\s+"
    r"(?:(?!(?:and|plus|with)\b)[\w-]+\s+){1,2}?(?=or\s+(?!(?:to|one|a|an|the|either)\b))"
)


def _split_pieces(text: str) -> list[str]:
    # 'taxane/carboplatin (T/C) with or without cetuximab' is 'T/C +/- cetuximab': no 'or' between arms
    # (one arm's option where another 'or' lists the arms: 'A with or without B or C alone')
    optional = re.sub(r"(?i)\s+with\s+(?:or|vs\.?|versus)\s+without\s+", " +/- ", text)
    text = text if re.search(r"(?i)\b(?:or|versus|vs\.?)\s", optional) else optional
    held = _CHOICE_OF.sub(lambda m: m.group(0) + "\x01", text)  # its 'or' cuts no piece
    return [p.replace("\x01or", "or") for p in _split_held(held)]


def _split_held(text: str) -> list[str]:
    # '3- or 4-week cycle' and 'on days 1, 8, and 15' are one arm's schedule, not a list of arms
    # 'tCBT+EAP (n = 58) and to EAP alone (n = 60)', '92 patients were assigned to no PET and 91 to PET'
    separator = (
        r"(?<!\d-),?\s+(?:or|versus|vs\.?|v\.?)\s+(?:to\s+)?|,?\s+and\s+to\s+"
        r"|,?\s+and\s+\d[\d,]*(?:\s\d{3})*\s+(?:patients\s+|participants\s+)?(?:to|in)\s+"
    )
    # 'into F1 (fentanyl 1 mcg/kg) and F2 (fentanyl 2 mcg/kg) groups', '55 and 52 subjects ... to DAART and SAT,
    # respectively': arms named one by one, then 'groups' or 'respectively'
    if named := named_groups(text):
        return named
    grouped = re.match(r"(?is)^(.*?\S)(?:\s+groups|,?\s+respectively)\s*\.?\s*$", text)
    # 'X (Group I) and Y (Group II)'
    labelled = len(re.findall(r"(?i)\((?:group|arm)\s+(?:(?-i:[A-D])|[1-4]|I{1,3}|IV)\)", text)) >= 2
    if (grouped or labelled) and not re.search(r"(?i)\b(?:or|versus|vs\.?)\s", text):
        text = grouped.group(1) if grouped else text
        separator = r",?\s+and\s+|,\s+(?!and\b)" if grouped else r"(?<=\)),?\s+and\s+"
    if len(split_top(text, r";\s+")) >= 3:
        parts = [
            p for part in split_top(text, r";\s+(?:or\s+)?(?:to\s+)?") for p in _after_named_regimen(part)
        ]
    else:
        listed = (
            re.search(r"[,;]\s+or\s+", text) and len(split_top(text, _LIST_COMMA)) >= 3
        ) or _series_without_comma(text)
        if listed:
            separator = rf"{_LIST_COMMA}(?:or\s+)?(?:to\s+)?|(?<!\d-)\s+or\s+(?:to\s+)?"
        parts = care_lead(
            share(
                alone_or_with(
                    dose_variants(bracketed_doses(doses_of(_label_then_what(split_top(text, separator)))))
                )
            )
        )
        if listed:
            parts = lead_to_each(parts)
    return [arm for part in shared_entries(parts) for arm in with_or_without(part)]


def _series_without_comma(text: str) -> bool:
    """'bladder training (BT), tolterodine (To) or both (Co)': a list whose last entry follows 'or'
    without a comma before it, read as 'A, B, or C' when nothing at its top level joins drugs into
    one arm ('and', 'plus', 'with'), which would make 'A, B and C or D' a regimen against D."""
    ors = split_top(text, r"(?<![<>])\s+or\s+(?!=)")
    if len(ors) != 2 or len(split_top(text, r"(?i)\s(?:and|plus|with|followed\s+by|combined)\s|\+")) > 1:
        return False
    entries = [*split_top(ors[0], _LIST_COMMA), ors[1]]
    return len(entries) >= 3 and all(
        _SERIES_ENTRY.fullmatch(re.sub(r"\([^()]*\)", "", e).strip()) for e in entries
    )


# an entry of such a list: a name of one to six words, no figure first and no verb ('EBRT doses of > or =6500
# cGy were necessary', '2 compared pemetrexed')
_SERIES_ENTRY = re.compile(
    r"(?i)(?:to\s+)?(?!\d)(?:(?!(?:may|might|were|was|is|are|be|been|compared|associated|had|have|has)\b)"
    r"[\w'/+-]+\s*){1,6}"
)


_NAMED_END = re.compile(r"\((?:[A-Z][A-Za-z0-9+/-]{0,7})\)\s+")


def _after_named_regimen(part: str) -> list[str]:
    """'cisplatin ... every 4 weeks (IP) carboplatin AUC 6.0 ... (TC)': in a list whose entries
    end with the regimen's short name, a short name followed by a drug ends an entry (a
    separator the abstract left out)."""
    depth = depth_map(part)
    for m in _NAMED_END.finditer(part):
        rest = part[m.end() :]
        mentions = drug_mentions(rest)
        if not depth[m.start() - 1] and mentions and mentions[0].start == 0 and rest.rstrip().endswith(")"):
            return [part[: m.end()].strip(), *_after_named_regimen(rest)]
    return [part]


# a treatment every arm shares, named before 'either': 'cisplatin plus', 'chemotherapy followed by' (not
# 'RT with either 17 Gy or 39 Gy': what follows 'with' says what the treatment is)
_SHARED_LEAD = re.compile(
    r"(?i)(?:^|(?<=\s))(?!(?:to|receive|be|treatment|undergo|one|two|three|four|five|six|\d+)\b)"
    r"(?![^.]*\b(?:cycles|courses|sessions|screenings|doses|rounds|weeks|months|years)\b)"
    # with its dose: 'docetaxel 75 mg/m2 and either', 'carboplatin (area under the curve = 6) and either'
    r"[a-z][\w-]*(?:\s*\([^()]{1,60}\))?(?:\s+[\w/.-]+){0,5}\s+"
    r"(?:plus|and|combined\s+with|in\s+combination\s+with|followed\s+by)\s*$"
)
