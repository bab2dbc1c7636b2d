"""How many patients each arm and the whole trial randomised, and where the text says so.

The total: 'we randomly assigned 331 patients', '1310 adult daily smokers who ... were randomly
assigned', 'Of 1111 patients randomized, ...', 'A total of 29,133 male smokers 50 to 69 years
of age ... were randomly assigned'.  Per arm: '(n = 557)', '292 were assigned to nivolumab',
a breakdown in brackets after the total whose parts add up to it ('480 patients (arm A, 159;
arm B, 160; arm C, 161 patients)', '58 patients ... (31 to SABR and 27 to surgery)'), or a
list of the arms after it ('166 patients were randomly assigned to A, 121 to B, ...'), whose
sum is then the total; failing all of these, the denominators of one results sentence that add
up to the total ('(264 of 655)' and '(203 of 655)' of 1310).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extraction.armrefs import ARM_LABEL, ArmFinder
from kg.extraction.equal_sizes import equal_size
from kg.extraction.size_totals import ENROLLED, PEOPLE, TOTALS
from kg.extraction.text import Sentence, depth_map
from kg.model import Arm, ArmResult, Evidence

# '147 (72.4%) of 203 patients were randomly assigned', '191 of the 350 targeted patients were
# randomly assigned': the count before 'of' is the number randomised, the one after what it is part of
_PART_OF = re.compile(r"(?i)(?<![\d.%])(\d+)\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*)?of\s+(?:the\s+)?$")
# not a score or a stage: 'PS 2 patients with advanced NSCLC were randomized'; nor a bound ('Children
# ≥12 months and adults with uncomplicated malaria were randomized')
_COUNTED = re.compile(
    rf"(?i)(?<![\d.%:≥≤<>=])(?<![≥≤<>=]\s)(?<!\bPS\s)(?<!\bstage\s)(?<!\bgrade\s)(?<!\bstatus\s)(\d+)\s+(?:[\w-]+\s+){{0,3}}{PEOPLE}\b"
)
# '... were randomly assigned', '... are randomised to' (not 'were not randomized to RT or surgery thereafter'),
# the words between in the sentence, decimals included ('1098 participants with HbA1c concentrations
# ≥7.0% ... and ≤9.5% ... were randomized')
_VERB_AFTER = re.compile(
    rf"(?i)^(?:[^.;]|\.(?=\d)){{0,160}}?\b(?:were|was|had\s+been|are|have\s+been)\s+(?:(?!not\b)\w+\s+)?{ENROLLED}\b"
)
# 'Of the 452 enrolled patients, 314 were randomly assigned', '910 were screened and 364 were ...'
_OTHER_COUNT = re.compile(
    r"(?i)(?:\band|,|;)\s+(?:of\s+(?:whom|which|these)\s+)?(?P<n>\d+)\s+(?:[\w-]+\s+){0,3}?(?:were|was)\b"
)
# a share of them is what the verb says: '..., 71.9% achieved disease control, and 67.3% were randomly assigned'
_OTHER_SHARE = re.compile(r"(?i)(?:\band|,|;)\s+\d+(?:\.\d+)?\s*%\s+(?:[\w-]+\s+){0,3}?(?:were|was)\b")
_BEFORE_ARM = re.compile(
    # not the end of a range ('performance status of 0 to 2 were randomly assigned to receive A'), nor of a
    # ratio ('randomized 1 : 1 to receive methotrexate')
    # a count may carry its share before 'to': '115 (50%) to ceritinib and 116 (50%) to chemotherapy'
    # or what they were like: '202 patients (median age 59 years, range 31-77) were assigned to group 1 and 194
    # (61 years, 32-78) to group 2'
    r"(?<![\d.%:])(?<!:\s)(?<!\bto\s)(?<!\bor\s)(?<![-\u2013])(\d+)(?![\d.%:])(?:\s*\([^()]{1,80}\)(?=\s+(?:to|were)\s))?"
    r"\s+(?:of\s+(?:which|whom|these)\s+)?(?:(?:eligible|evaluable|assessable)\s+)?(?:patients\s+(?:\([^()]{1,80}\)\s+)?)?"
    r"(?:were\s+)?(?:(?:randomly\s+)?(?:assigned|allocated)\s+|randomi[sz]ed\s+)?"
    r"(?:to\s+)?(?:receive\s+)?(?:the\s+)?(?:(?:standard|conventional|usual)\s+)?$"
)
# what a count of the trial's own patients is said to do: 'formed the study group', 'were evaluable'
_FORMED = re.compile(
    r"(?i)\s*(?:formed|comprised|constituted|made\s+up|(?:were|was)\s+(?:eligible|evaluable|assessable|analy[sz]ed|"
    r"analy[sz]able|included|studied|enrolled|entered|treated))\b"
)
_AMONG = re.compile(r"(?i)\bamong\s+(\d+)\s+patients\s+in\s+the\s+$")

Sizes = dict[str, tuple[int, Evidence]]
# '... 44 patients to receive A (A group) and 43 to receive B': the next arm's own count follows
_NEXT_COUNT = re.compile(r"(?i)^[^;]{0,120}?\band\s+\d+\s+(?:patients\s+|participants\s+)?(?:to|were)\b")


def arm_sizes(sents: list[Sentence], finder: ArmFinder) -> tuple[Sizes, int | None, Evidence | None]:
    """Patients per arm and the randomised total, each with where it was read."""
    sizes: Sizes = {}
    total = total_evidence = None
    best = 0  # a number randomised beats a number enrolled ('Of the 1022 patients enrolled, ...')
    broken_down = None  # a count whose bracket breaks it down by arm, with no randomising verb
    for s in sents:
        if best < 2 and (listed := _respective(s, finder)) is not None:
            sizes.update(listed[0])  # before what single counts were read: the list names every arm
            total, total_evidence, best = sum(n for n, _e in listed[0].values()), listed[1], 2
            continue
        found = (_total(s.norm) or _headed_total(s)) if best < 2 else None
        if found is not None and found[2] > best:
            (start, end), n, best = found
            total, total_evidence = n, s.evidence(start, end)
            _breakdown(s, end, n, finder, sizes)
        elif found is None and broken_down is None:
            broken_down = _counted_breakdown(s, finder, sizes)
        _per_arm(s, finder, sizes)
        _role_sizes(s, finder, sizes)
        _labelled_sizes(s, finder, sizes)
    if total is None and broken_down is not None:
        total, total_evidence = broken_down
    arms = [a for a in finder.arms if not a.pooled_from]
    listed = [sizes[a.label][0] for a in arms if a.label in sizes]
    if not listed and len(arms) >= 2 and (each := equal_size(sents, len(arms), total)) is not None:
        sizes.update({a.label: each for a in arms})  # '(41 patients in each group)'
    if total is not None and len(listed) == len(arms) and sum(listed) > total and _listed_from(total, sizes):
        total = sum(listed)  # '166 patients were randomly assigned to A, 121 to B, ...'
    elif total is not None and best < 2 and len(arms) >= 2 and len(listed) == len(arms):
        total = sum(listed)  # '174 patients were enrolled ...; 86 were randomly assigned to A and 87 to B'
    return sizes, total, total_evidence


# 'Forty-three and 26 patients were accrued to arms A and B, respectively', '150 and 151 patients
# were randomly assigned to erlotinib (...) and docetaxel (...), respectively'
_YEAR = re.compile(r"(?:19|20)\d\d")
_RESPECTIVE = re.compile(
    rf"(?i)(?<![\d.%])(?P<counts>\d+(?:\s*,\s*\d+)*\s*,?\s+and\s+\d+)\s+(?:[\w-]+\s+){{0,2}}?{PEOPLE}\s+"
    r"(?:were|had\s+been)\s+(?:randomly\s+)?(?:assigned|allocated|accrued|randomi[sz]ed|enrolled)\b(?P<arms>[^.;]*?)\brespectively"
)


def _respective(s: Sentence, finder: ArmFinder) -> tuple[Sizes, Evidence] | None:
    """Arm sizes listed before the arms they belong to, 'respectively': one count an arm, in order."""
    m = _RESPECTIVE.search(s.norm)
    if not m:
        return None
    # 'From August 2009 to July 2012, 150 and 151 patients ...': a year before the list is none of it
    counts = [
        (c.start(), c.group())
        for c in re.finditer(r"\d+", m.group("counts"))
        if not _YEAR.fullmatch(c.group())
    ]
    named: list[Arm] = []
    for _s, _e, arm in finder.find(m.group("arms")):
        if all(arm is not a for a in named) and not arm.pooled_from:
            named.append(arm)
    if len(named) != len(counts) or len(named) < 2:
        return None
    at = m.start("counts")
    listed = {
        arm.label: (int(n), s.evidence(at + k, at + k + len(n)))
        for arm, (k, n) in zip(named, counts, strict=True)
    }
    return listed, s.evidence(m.start("counts"), m.end("counts"))


def _total(text: str) -> tuple[tuple[int, int], int, int] | None:
    """((start, end), number, 2 if randomised else 1 if enrolled) of the total a sentence
    states, if it does."""
    for pattern in TOTALS:
        m = pattern.search(text)
        if m:
            return (m.start(1), m.end(1)), int(m.group(1)), _strength(m.group(0))
    for m in _COUNTED.finditer(text):
        rest = _VERB_AFTER.match(_unbracketed(text[m.end() :]))
        if _EACH.match(text, m.end()):
            continue
        if not rest:  # 'Of the 132 enrolled patients, MMSE scores were ...': the count's own participle
            own = _OWN_PARTICIPLE.search(m.group(0))
            if own and not _PART_OF.search(text, 0, m.start(1)):  # not '19 of the 46 enrolled patients'
                return m.span(1), int(m.group(1)), _strength(own.group(0))
            continue
        if _OTHER_SHARE.search(rest.group(0)):
            continue  # '376 patients received induction treatment, ..., and 67.3% were randomly assigned'
        other = _OTHER_COUNT.search(rest.group(0))
        if other is None:
            part = _PART_OF.search(text, 0, m.start(1)) or m
            # 'were recruited and randomly assigned': the second verb says what the count is too
            verbs = rest.group(0) + _AND_VERB.match(text, m.end() + rest.end()).group(0)
            return part.span(1), int(part.group(1)), _strength(verbs)
        # '910 patients were screened and 364 were randomly assigned': the later count is the one that verb says
        at = m.end() + other.start("n")
        return (at, at + len(other.group("n"))), int(other.group("n")), _strength(other.group(0))
    return None


# a count of people opening what a 'Participants' heading heads, with no verb: 'PARTICIPANTS: 401 primary
# care patients aged 29-95 with uncontrolled ... blood pressure', 'Participants: 443 women admitted for delivery'
_PARTICIPANTS_HEADING = re.compile(r"(?i)^(?:participants|subjects)$")
_HEADED_COUNT = re.compile(
    rf"(?i)^(?P<inline>(?:participants|subjects)\s*:\s*)?(?:a\s+total\s+of\s+)?(\d+)\s+(?:[\w-]+\s+){{0,3}}?{PEOPLE}\b"
)


def _headed_total(s: Sentence) -> tuple[tuple[int, int], int, int] | None:
    """The count a participants heading opens on, as enrolled (see ``_HEADED_COUNT``): the heading is
    the section's label or printed inline before the count."""
    m = _HEADED_COUNT.match(s.norm)
    if m is None or not (m.group("inline") or _PARTICIPANTS_HEADING.match(s.section.strip())):
        return None
    return m.span(2), int(m.group(2)), 1


# a participle before the people counted that says they all took part: 'the 132 enrolled patients'
_OWN_PARTICIPLE = re.compile(r"(?i)^\d+\s+(?:enrolled|recruited|accrued|included)\s+(?:[\w-]+\s+)?\S+$")
# a count per site or per group is no total: '30 patients in each hospital were randomly assigned',
# '239 patients were enrolled in each arm'
_EACH = re.compile(
    r"(?i)\s+(?:in|from|at)\s+each\b|\s+per\b|(?:\s+[\w-]+){1,3}?\s+(?:in|to|into)\s+each\s+(?:arm|group)\b"
)
_AND_VERB = re.compile(r"(?i)(?:\s+and\s+(?:were\s+)?(?:randomly\s+\w+|randomi[sz]ed))?")


def _strength(words: str) -> int:
    return 2 if re.search(r"(?i)random|assign|allocat|compar", words) else 1


def _unbracketed(text: str) -> str:
    depth = depth_map(text)
    return "".join(ch if d == 0 and ch not in "()[]" else " " for ch, d in zip(text, depth, strict=True))


def _counted_breakdown(s: Sentence, finder: ArmFinder, sizes: Sizes) -> tuple[int, Evidence] | None:
    """'Forty-eight patients (25 in the surgical group and 23 in the radiation group) formed
    the study group': a count of patients whose bracket gives every arm's part, the parts
    adding up to it, is the trial's size though no verb says it was randomised."""
    for m in _COUNTED.finditer(s.norm):
        bracket = re.match(r"\s*\([^()]*\)", s.norm[m.end() :])
        if not bracket or not _FORMED.match(s.norm, m.end() + bracket.end()):
            continue
        parts: Sizes = {}
        _breakdown(s, m.end(), int(m.group(1)), finder, parts)
        if len(parts) == len([a for a in finder.arms if not a.pooled_from]) >= 2:
            for label, value in parts.items():
                sizes.setdefault(label, value)
            return int(m.group(1)), s.evidence(m.start(1), m.end(1))
    return None


def _breakdown(s: Sentence, end: int, total: int, finder: ArmFinder, sizes: Sizes) -> None:
    """'(arm A, 159; arm B, 160; arm C, 161 patients)', '(31 to SABR and 27 to surgery)', ': 129
    to chemotherapy plus surgery and 141 to surgery alone': the parts of a total in the bracket or
    after the colon that follow it, taken only when they add up to the total."""
    m = re.match(r"[^():;]{0,60}?\(([^()]+)\)|[^():;.]{0,30}?:\s*([^();.]+)", s.norm[end:])
    if not m:
        return
    group = 1 if m.group(1) else 2
    inner_start = end + m.start(group)
    parts: Sizes = {}
    for piece in breakdown_pieces(m.group(group)):
        text = piece.group()
        named = [m for m in finder.find(text) if not m[2].pooled_from]
        number = part_count(text, named)
        if len(named) == 1 and number:
            at = inner_start + piece.start() + number.start()
            parts[named[0][2].label] = (int(number.group()), s.evidence(at, at + len(number.group())))
    if parts and sum(n for n, _e in parts.values()) == total:
        for label, value in parts.items():
            sizes.setdefault(label, value)


def breakdown_pieces(bracket: str) -> Iterator[re.Match]:
    """The arms' parts of a breakdown: '(arm A, 159; arm B, 160; ...)' is cut at its semicolons,
    '(31 to SABR and 27 to surgery)' at commas and 'and'."""
    cut = r"[^;]+?(?=\s*(?:;|$))" if ";" in bracket else r"[^,;]+?(?=\s*(?:[,;]|\band\b|$))"
    return re.finditer(cut, bracket)


def part_count(text: str, named: list[tuple[int, int, Arm]]) -> re.Match | None:
    """The count of one arm's part of a breakdown ('159 in arm A', 'arm 2: 51'): its first
    number outside the arm's name, whose digits are a label."""
    numbers = re.finditer(r"(?<![\d.%])\d+(?![\d.%])", text)
    return next((n for n in numbers if not any(a <= n.start() < b for a, b, _arm in named)), None)


# a sentence that puts participants in groups: 'assigned', 'allocated', 'randomised', and any
# verb said to be random ('were randomly divided into an exercise group (n = 14) and ...')
_ASSIGNING = re.compile(r"(?i)assigned|allocated|\brandom")


def _per_arm(s: Sentence, finder: ArmFinder, sizes: Sizes) -> None:
    assigning = _ASSIGNING.search(s.norm) or re.search(r"(?i)enrolled|recruited|\breceived\b", s.norm)
    mentions = finder.find(s.norm)
    for k, (start, end, arm) in enumerate(mentions):
        after = s.norm[end : mentions[k + 1][0] if k + 1 < len(mentions) else len(s.norm)]
        before = s.norm[mentions[k - 1][1] if k else 0 : start]
        n_after = re.match(
            # '(n = 81)', ', n = 81', '(arm A; n = 81)' (the arm's label first), 'arm A: n = 112'
            r"\s*(?:alone|monotherapy|group|arm)?\s*(?:[(,;:]\s*(?:(?:arm|group)\s+\w{1,3}\s*[;,:]\s*)?"
            r"n\s*=\s*(\d+)|\(\s*(\d+)\s*(?:patients|participants)?\s*\))",
            after,
        )
        after_at, before_at = end, mentions[k - 1][1] if k else 0
        n_before = _BEFORE_ARM.search(before) if assigning else None
        if (
            n_before
            and not n_before.group(0)[len(n_before.group(1)) :].strip()
            and not (
                int(n_before.group(1)) >= 10
                and re.search(r"(?i)(?:\band|\bor|\bvs\.?|\bversus|[,;(])\s*$", before[: n_before.start()])
            )
        ):
            n_before = (
                None  # 'received 2 preoperative cycles', 'and 1 sequential' (but '... and 563 placebo')
            )
        total_first = (
            re.search(r"(?i)(?:assigned|allocated|randomi[sz]ed)\s*$", before[: n_before.start()])
            if n_before
            else None
        )
        if (
            total_first
            and re.search(r"(?i)patients|participants", n_before.group(0))
            and not _NEXT_COUNT.match(s.norm[end:])
        ):
            n_before = (
                None  # 'we randomly assigned 272 patients to receive A': the total (not '... A and 43 to B')
            )
        # '561 eligible patients were randomly assigned to receive A alone or with B': the total
        later = next((m for m in mentions[k + 1 :] if m[2] is not arm), None)  # the next other arm named
        if (
            n_before
            and re.search(r"(?i)patients|participants", n_before.group(0))
            and later is not None
            and re.search(r"(?i)\b(?:or|versus|vs)\b", s.norm[end : later[0]])
        ):
            n_before = None
        among = _AMONG.search(before)
        hit = (n_after if assigning else None) or n_before or among
        target = _arm_of(arm, finder)
        if hit and target is not None and target.label not in sizes:
            at = after_at if hit is n_after else before_at
            group = 1 if hit.group(1) else 2
            sizes[target.label] = (
                int(hit.group(group)),
                s.evidence(at + hit.start(group), end if hit is not n_after else at + hit.end()),
            )


# 'randomly assigned to intervention (n = 30) or control group (n = 31)': arms named by their role
_ROLE_SIZE = re.compile(
    r"(?i)\b(?:to|into)\s+(?:the\s+|an?\s+)?(?P<role>intervention|control|experimental|treatment)"
    r"(?:\s+(?:group|arm))?\s*\(\s*n\s*=\s*(?P<n>\d+)\s*\)"
    r"|\b(?:or|and)\s+(?:to\s+)?(?:the\s+|an?\s+)?(?P<role2>intervention|control|experimental|treatment)"
    r"(?:\s+(?:group|arm))?\s*\(\s*n\s*=\s*(?P<n2>\d+)\s*\)"
)


def _role_sizes(s: Sentence, finder: ArmFinder, sizes: Sizes) -> None:
    """Sizes of the one experimental and the one comparator arm where a randomising sentence
    names them by role: 'were randomly assigned to intervention (n = 30) or control group (n = 31)'."""
    if not _ASSIGNING.search(s.norm):
        return
    arms = [a for a in finder.arms if not a.pooled_from]
    for m in _ROLE_SIZE.finditer(s.norm):
        word = (m.group("role") or m.group("role2")).lower()
        role = "comparator" if word == "control" else "experimental"
        having = [a for a in arms if a.role == role]
        group = "n" if m.group("n") else "n2"
        if len(having) == 1 and having[0].label not in sizes:
            sizes[having[0].label] = (int(m.group(group)), s.evidence(m.start(group), m.end(group)))


# '177 patients received radiotherapy alone (group A), and 176 patients received the combined treatment
# (group B)': how many patients each labelled arm has, the label closing what they received
_LABELLED = re.compile(
    r"(?i)(?<![\d.])(?P<n>\d+)\s+(?:patients|participants)\s+received\s+[^()\d;]{1,80}?"
    rf"\(\s*(?P<label>{ARM_LABEL})\s*\)"
)


def _labelled_sizes(s: Sentence, finder: ArmFinder, sizes: Sizes) -> None:
    for m in _LABELLED.finditer(s.norm):
        arms = [a for a in finder.arms if m.group("label").lower() in (x.lower() for x in a.aliases)]
        if len(arms) == 1 and arms[0].label not in sizes:
            sizes[arms[0].label] = (int(m.group("n")), s.evidence(m.start("n"), m.end()))


def _arm_of(arm: Arm, finder: ArmFinder) -> Arm | None:
    """An arm; for a pooled group named where arms are counted ('166 to standard-dose
    chemoradiotherapy, ... 147 to standard-dose chemoradiotherapy and cetuximab'), the one
    arm of the group that gives nothing more than the group names."""
    if not arm.pooled_from:
        return arm
    members = [a for a in finder.arms if a.label in arm.pooled_from]
    plain = min(members, key=lambda a: len(a.interventions), default=None)
    if plain is None or sum(len(a.interventions) == len(plain.interventions) for a in members) > 1:
        return None
    return plain


def _listed_from(total: int, sizes: Sizes) -> bool:
    """The 'total' was the first arm's size of a list: it is one of the arm sizes."""
    return any(n == total for n, _e in sizes.values())


def sizes_from_denominators(arms: list[Arm], results: list[ArmResult], total: int | None) -> None:
    """Arm sizes no sentence printed, from the denominators of one results sentence that gives
    every arm exactly one and adds up to the trial's randomised total: '40% of participants
    receiving cytisine (264 of 655) and 31% of participants receiving nicotine-replacement
    therapy (203 of 655)' of 1310 randomly assigned patients (an intention-to-treat analysis
    over all of them). A sentence whose denominators add up to anything else says nothing of
    the arms' sizes."""
    if total is None or len(arms) < 2 or any(a.n_randomized is not None for a in arms):
        return
    by_sentence: dict[str, dict[str, list[tuple[int, Evidence]]]] = {}
    for r in results:
        if r.n_analysed is not None and r.evidence is not None and r.subgroup is None:
            by_sentence.setdefault(r.evidence.sentence, {}).setdefault(r.arm, []).append(
                (r.n_analysed, r.evidence)
            )
    for per_arm in by_sentence.values():
        sizes = {arm: {n for n, _e in found} for arm, found in per_arm.items()}
        if set(sizes) != {a.label for a in arms} or any(len(n) != 1 for n in sizes.values()):
            continue
        if sum(next(iter(n)) for n in sizes.values()) != total:
            continue
        for arm in arms:
            arm.n_randomized, arm.size_evidence = per_arm[arm.label][0]
        return
