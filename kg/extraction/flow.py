"""The trial's participant flow as the abstract prints it (CONSORT): 'A total of 1,269 patients
were screened', 'Of 1111 patients randomized, 1023 (...) were eligible and evaluable', '555
patients (283 in arm A, 272 in arm B) were treated', 'Eighty-two patients assigned to
chemotherapy crossed over', 'data on recurrence were not available for 18 patients'.

A count is a number of people followed, within its clause, by the verb of a stage (screened,
enrolled, eligible, evaluable, treated, analysed, completed, excluded, withdrew, lost to
follow-up, crossed over, discontinued), or what we (or the trial) did to them ('We randomized 122
patients and treated 118', 'The trial included 1,867 patients'), or a count named by the stage it reached ('Of the 452 enrolled patients', 'among the
579 eligible patients'; not the denominator of a figure before it: '95% of the 233 eligible
patients had cough').  Randomisation is not repeated here: the trial's and the arms' randomised numbers
are recorded on the trial and its arms.  A count for an arm names it in the clause ('patients
assigned to chemotherapy', 'in arm A'), comes from a bracket after a whole-trial count whose
parts add up to it, or stands before its arm in a list the stage verb closes ('367 patients in
the chemotherapy group and 431 in the control group received their assigned treatment', '111
and 110 evaluable patients in VC and VG, respectively').  Leaving for adverse events is a safety
figure ('discontinued because of toxicity'), not a stage.
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import ArmFinder
from kg.extraction.flow_given import given_counts
from kg.extraction.sizes import breakdown_pieces, part_count
from kg.extraction.text import NUM, Sentence, dec
from kg.model import Arm, ParticipantCount

_PEOPLE = r"(?:patients?|participants?|subjects?|persons|people|individuals|smokers|adults|women|men|children|cases)"
_STAGES = (
    ("screened", r"screened"),
    (
        "enrolled",
        r"enrolled|recruited|entered|registered|accrued|included(?!\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:analys|population))",
    ),
    ("eligible", r"eligible"),
    ("evaluable", r"evaluable|assessable|analy[sz]able|evaluated|assessed"),
    (
        "treated",
        r"treated|received\s+(?:at\s+least\s+(?:one|1)\s+dose|(?:the\s+|their\s+)?(?:study\s+|allocated\s+|assigned\s+|induction\s+)?"
        r"(?:treatment|intervention))|started\s+treatment",
    ),
    # 'included in the response-evaluable population': the set an analysis takes, as 'in the analysis'
    ("analysed", r"analy[sz]ed|included\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:analys[ie]s|population)"),
    ("completed", r"completed"),
    ("excluded", r"excluded|ineligible|not\s+eligible"),
    ("withdrawn", r"withdr[ae]w(?:n)?|dropped\s+out"),
    ("lost to follow-up", r"lost\s+to\s+follow-up"),
    ("crossed over", r"crossed\s+over"),
    ("discontinued", r"discontinued(?:\s+(?:treatment|therapy|the\s+study))?"),
)
_STAGE = "|".join(f"(?P<s{k}>{p})" for k, (_n, p) in enumerate(_STAGES))
_STAGE_WORDS = f"(?:{_STAGE})"
# how a count comes to its stage verb: 'who were subsequently', 'had'
_AUX = (
    r"(?:(?:who|that)\s+)?(?P<aux>(?:were|was|had|have|had\s+been|have\s+been|could\s+be|are)\s+)?"
    r"(?:(?:subsequently|also|finally|ultimately|then|successfully|fully|actually)\s+)?"
)
# what the counted did before the stage: '34 patients did not meet inclusion criteria and were excluded'
_FIRST_DID = r"(?:(?:did\s+not|could\s+not|failed\s+to|withdrew)\s+[^,;.()]{1,40}?\s+and\s+)?"
_COUNT = re.compile(
    rf"(?i)(?<![\d.%])(?P<n>\d+)(?![\d.%])\s*(?:[(\[]\s*(?P<pct>{NUM})\s*%\s*[)\]]\s*)?"
    rf"(?P<people>of\s+whom\b|(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w-]+\s+){{0,3}}?{_PEOPLE}\b"
    rf"(?:\s+(?:assigned|randomi[sz]ed|allocated)\s+to\s+(?:the\s+)?[\w+/ -]{{1,40}}?(?:\s+(?:group|arm))?(?=\s)"
    rf"|\s+with\s+[^,;()]{{1,40}}?(?=\s+(?:were|was|had|have|are)\s))?)?"
    rf"\s*(?P<paren>\([^()]*\)\s*)?{_FIRST_DID}{_AUX}(?:{_STAGE})\b"
)
# active voice: 'We randomized 122 patients and treated 118', 'We screened 702 patients', 'The trial
# included 1,867 patients'
_THE_TRIAL = r"(?:the|this|our)\s+(?:trial|study)"
_DONE = re.compile(
    rf"(?i)(?:\b(?:we|{_THE_TRIAL})\s+(?:\w+\s+)?|\band\s+|,\s*)(?:{_STAGE})\s+(?:a\s+total\s+of\s+|all\s+)?"
    rf"(?P<n>\d+)(?![\d%]|\.\d)(?=\s*(?:[,;.)]|$|\s+and\b|\s+in\s+each\b)|\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\b)"
)
_OF_TOTAL = re.compile(
    rf"(?i)\b(?:of|among)\s+(?:the\s+|all\s+)?(?P<n>\d+)\s+(?:[\w-]+\s+){{0,2}}?{_PEOPLE}\s+(?:who\s+(?:were|had\s+been)\s+)?(?:{_STAGE})\b"
)
# the patients counted by the stage they reached: 'Of the 452 enrolled patients, ...', 'among the
# 579 eligible patients', 'for all 1155 eligible patients'
_OF_STAGED = re.compile(
    rf"(?i)(?<!total\s)\b(?:of|among|for|in)\s+(?:all\s+)?(?:the\s+)?(?P<n>\d+)\s+"
    rf"(?=(?:eligible|evaluable|assessable|analy[sz]able|enrolled|screened)\s){_STAGE_WORDS}\s+{_PEOPLE}\b"
)
# the per-arm parts printed after a whole-trial count's stage: '...; 437 in A and 447 in B', '(...)'
# or in a bracket after it: '98 patients were enrolled (PCb: 46; PC: 52)', '(arm A: 51, arm B: 55)'
_AFTER_STAGE = re.compile(r"(?i)[^;:()]{0,60}?(?:[;:]\s*(?P<parts>[^;:().]+)|\s*\((?P<bracket>[^()]+)\))")
# a count after 'in'/'among' whose participle has no verb names the patients something happened to
_DESCRIBED = re.compile(r"(?i)\b(?:in|among)\s+(?:the\s+|all\s+)?$")
# one count for every arm: '(86 in each group)', 'analysed 74 in each arm'
_EACH = re.compile(rf"(?i)\s*(?P<n>\d+)?\s*(?:{_PEOPLE}\s+)?in\s+each\s+(?:group|arm)\b")
# a second count at the same stage, its verb left out: 'Ninety-eight patients were evaluable for
# response and 101 for toxicity'
_ELIDED = re.compile(
    rf"(?i)\s+for\s+[\w -]{{1,30}}?\s+and\s+(?P<n>\d+)(?![\d.%])\s+(?:{_PEOPLE}\s+)?for\s+[a-z]"
)
# the stage said by its noun: 'Enrollment totaled 566 patients', 'Accrual was 120 patients'
_STAGE_TOTAL = re.compile(
    r"(?i)\b(?:enrol(?:l)?ment|accrual|recruitment)\s+(?:totall?ed|was|reached)\s+(?:a\s+total\s+of\s+)?(?P<n>\d+)(?![\d.%])"
)
_NOT_AVAILABLE = re.compile(rf"(?i)\bnot\s+(?:available|evaluable|assessable)\s+for\s+(?P<n>\d+)\s+{_PEOPLE}")
_LABEL_OF = re.compile(r"(?i)(?<!total)\s+of\s+$")
_SAFETY_LEAVE = re.compile(
    r"(?i)^\s*(?:\S+\s+){0,3}?(?:because\s+of|due\s+to|owing\s+to|for)\s+(?:\S+\s+){0,2}?(?:adverse|toxic|side)"
)


def participant_flow(sents: list[Sentence], finder: ArmFinder) -> list[ParticipantCount]:
    """Every participant count the results (and methods) sentences print, in order."""
    out: list[ParticipantCount] = []
    seen: set[tuple] = set()
    for s in sents:
        for count in _counts(s, finder):
            key = (count.stage, count.arm, count.count)
            if key not in seen:
                seen.add(key)
                out.append(count)
    return out


def _counts(s: Sentence, finder: ArmFinder) -> list[ParticipantCount]:
    text = s.norm
    found: list[ParticipantCount] = []
    for pattern in (_OF_TOTAL, _OF_STAGED, _COUNT, _DONE):
        for m in pattern.finditer(text):
            stage = _stage(m)
            groups = m.groupdict()
            if stage is None or _for_harm(stage, text[m.end() :]):
                continue
            if pattern is _OF_STAGED and re.search(r"[\d%]\s*\)?\s*$", text[: m.start()]):
                continue  # '95% of the 233 eligible patients had cough': the denominator of a figure
            if pattern is _DONE and not re.search(rf"(?i)\b(?:we|{_THE_TRIAL})\b", text[: m.end()]):
                continue  # 'and treated 118' is a count where the sentence says what we (the trial) did
            if pattern is _COUNT and not (
                groups.get("people") or groups.get("aux") or "received" in m.group(0)
            ):
                continue  # '18 or older were eligible' needs its people (only people receive a treatment)
            if pattern is _COUNT and not groups.get("people") and _LABEL_OF.search(text[: m.start()]):
                continue  # 'patients with an ECOG PS of 2 were enrolled': the 2 is a score
            if pattern is _COUNT and not groups.get("aux") and _DESCRIBED.search(text[: m.start()]):
                continue  # 'neutropenia occurred in 11 patients treated with docetaxel': who had an event
            if pattern is _DONE and _EACH.match(text, m.end()):
                arms = [a for a in finder.arms if not a.pooled_from]
                found += _every_arm(s, arms, stage, int(m.group("n")), m.start("n"))
                continue  # 'We randomised 149 patients and analysed 74 in each arm'
            arm = _arm_of(text, m, finder)
            pct = m.groupdict().get("pct")
            found.append(
                ParticipantCount(
                    stage=stage,
                    count=int(m.group("n")),
                    arm=arm.label if arm else None,
                    percent=dec(pct) if pct and dec(pct) <= 100 else None,
                    evidence=s.evidence(m.start("n"), m.end("n")),
                )
            )
            if elided := _ELIDED.match(text, m.end()):
                found.append(_count(s, stage, elided, arm))
            paren = m.groupdict().get("paren")
            if paren and arm is None:
                found += _breakdown(s, m.start("paren"), paren, int(m.group("n")), stage, finder)
            elif arm is None and (after := _AFTER_STAGE.match(text, m.end())):
                # '884 patients were analysable for PFS; 437 in the erlotinib group and 447 in the placebo group'
                part = "parts" if after.group("parts") else "bracket"
                found += _breakdown(s, after.start(part), after.group(part), int(m.group("n")), stage, finder)
    found += _arm_counts(s, finder) + _respective(s, finder) + given_counts(s, finder)
    found += [_count(s, "enrolled", m, None) for m in _STAGE_TOTAL.finditer(text)]
    return found + [_count(s, "excluded", m, None) for m in _NOT_AVAILABLE.finditer(text)]


def _count(s: Sentence, stage: str, m: re.Match, arm: Arm | None) -> ParticipantCount:
    """The count of group ``n`` of a match, at one stage, of one arm or the whole trial."""
    return ParticipantCount(
        stage=stage,
        count=int(m.group("n")),
        arm=arm.label if arm else None,
        evidence=s.evidence(*m.span("n")),
    )


def _every_arm(s: Sentence, arms: list[Arm], stage: str, n: int, at: int) -> list[ParticipantCount]:
    """One count said of every arm ('86 in each group'), read once for each arm."""
    return [
        ParticipantCount(stage=stage, count=n, arm=a.label, evidence=s.evidence(at, at + len(str(n))))
        for a in arms
    ]


def _for_harm(stage: str, rest: str) -> bool:
    """Leaving for adverse events ('discontinued because of toxicity') is a safety figure, not
    a stage; being evaluable for toxicity is a stage."""
    return stage in ("withdrawn", "discontinued") and bool(_SAFETY_LEAVE.match(rest))


def _stage(m: re.Match) -> str | None:
    for k, (name, _p) in enumerate(_STAGES):
        if m.groupdict().get(f"s{k}"):
            return name
    return None


def _arm_of(text: str, m: re.Match, finder: ArmFinder) -> Arm | None:
    """The arm the counted patients belong to: named between the number and the stage verb
    ('patients assigned to chemotherapy crossed over', '283 in arm A'), unless the words
    there are how they were randomised ('345 were randomly assigned to treatment')."""
    inside = text[m.start() : m.start("paren") if m.groupdict().get("paren") else m.end()]
    named = [a for _s, _e, a in finder.find(inside)]
    if len(named) == 1:
        return named[0]
    # '142 patients received at least one dose of atezolizumab': the arm whose drug the dose was
    of = _DOSE_OF.match(text, m.end()) if re.search(r"(?i)\bdose$", m.group(0)) else None
    return next((a for s, _e, a in finder.find(text) if s == of.end()), None) if of else None


def _breakdown(
    s: Sentence, at: int, paren: str, total: int, stage: str, finder: ArmFinder
) -> list[ParticipantCount]:
    """'555 patients (283 in arm A, 272 in arm B) were treated', '(PCb: 46; PC: 52)': per-arm
    counts whose sum is the total (cut as sizes cuts a breakdown: 'arm A: n = 112, 109 treated;
    arm B: ...' at its semicolons)."""
    if (each := _EACH.fullmatch(paren.strip(" ()"))) and each.group("n"):
        arms = [a for a in finder.arms if not a.pooled_from]
        n = int(each.group("n"))
        start = at + paren.index(each.group("n"))
        return _every_arm(s, arms, stage, n, start) if n * len(arms) == total else []
    parts = []
    for piece in breakdown_pieces(paren):
        named = finder.find(piece.group())
        number = part_count(piece.group(), named)
        if len(named) == 1 and number:
            start = at + piece.start() + number.start()
            parts.append(
                ParticipantCount(
                    stage=stage,
                    count=int(number.group()),
                    arm=named[0][2].label,
                    evidence=s.evidence(start, start + len(number.group())),
                )
            )
    return parts if parts and sum(p.count for p in parts) == total else []


# a count printed before the arm it belongs to: '367 patients in the chemotherapy group', '431 in
# the control group' (its stage comes after the last arm of the list), '41 patients received PemOx'
_IN_ARM = re.compile(rf"(?i)(?<![\d.%])(?P<n>\d+)\s+(?:{_PEOPLE}\s+)?(?:in|on)\s+(?:the\s+)?$")
_GOT_ARM = re.compile(
    rf"(?i)(?<![\d.%])(?P<n>\d+)\s+(?:{_PEOPLE}\s+)?(?:received|were\s+treated\s+with)\s+"
    r"(?:at\s+least\s+(?:one|1)\s+dose\s+of\s+)?(?:the\s+)?$"
)
_NEXT_PAIR = re.compile(r"(?i)\s*(?:group|arm)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# '... had discontinued treatment compared with ' 61 in the crizotinib group
_COMPARED = re.compile(
    rf"(?i)\s*(?:group|arm)?\s*,?\s*{_AUX}(?:{_STAGE})[^,;.()]{{0,40}}?,?\s+(?:compared\s+with|versus|vs\.?|as\s+against)\s+"
)
_DOSE_OF = re.compile(r"(?i)\s+of\s+(?:the\s+)?")
_STAGE_IN = re.compile(rf"(?i)\b(?:{_STAGE})\b")
_STAGE_AFTER = re.compile(rf"(?i)\s*(?:group|arm)?\s*,?\s*{_AUX}(?:{_STAGE})\b")


def _arm_counts(s: Sentence, finder: ArmFinder) -> list[ParticipantCount]:
    """Counts each printed before its arm, in a list: '367 patients in the chemotherapy group and
    431 in the control group received their assigned treatment' (the stage verb after the list
    holds for every count of it; so does the verb before a comparison: '24 patients in the
    alectinib group had discontinued treatment compared with 61 in the crizotinib group'), '41
    patients received PemOx and 39 received PemCb' (treated: a list of two or more arms, so that
    one count of a drug given is no arm's)."""
    text = s.norm
    out: list[ParticipantCount] = []
    chain: list[tuple[re.Match, Arm, int]] = []  # (count, arm, where the count is)
    kind = None
    end = stage_at = 0
    for start, stop, arm in finder.find(text):
        before = text[end:start]
        hit = _IN_ARM.search(before) or _GOT_ARM.search(before)
        pattern = hit.re if hit else None
        gap = before[: hit.start()] if hit else ""
        compared = bool(chain and pattern is kind is _IN_ARM and stage_at == end and _COMPARED.fullmatch(gap))
        if chain and not (pattern is kind and (compared or _NEXT_PAIR.fullmatch(gap))):
            out += _listed(s, chain, kind, stage_at)
            chain = []
        if hit:
            chain.append((hit, arm, end + hit.start("n")))
            kind = pattern
        end = stop
        stage_at = stage_at if compared else stop
    if chain:
        out += _listed(s, chain, kind, stage_at)
    return out


def _listed(
    s: Sentence, chain: list[tuple[re.Match, Arm, int]], kind: re.Pattern | None, stage_at: int
) -> list[ParticipantCount]:
    """The counts of one list, each with its arm, at the stage said from ``stage_at`` on."""
    if kind is _GOT_ARM:
        stage = "treated" if len({id(a) for _m, a, _at in chain}) >= 2 else None
    else:
        after = _STAGE_AFTER.match(s.norm, stage_at)
        rest = s.norm[after.end() :] if after else ""
        stage = _stage(after) if after and not _for_harm(_stage(after), rest) else None
    if stage is None:
        return []
    return [
        ParticipantCount(
            stage=stage,
            count=int(m.group("n")),
            arm=arm.label,
            evidence=s.evidence(at, at + len(m.group("n"))),
        )
        for m, arm, at in chain
    ]


# '111 and 110 evaluable patients in VC and VG, respectively', '150 and 148 patients were
# evaluable in A and B, respectively': one count an arm, in order; the stage is said between them
_RESPECTIVE = re.compile(
    rf"(?i)(?<![\d.%])(?P<counts>\d+(?:\s*,\s*\d+)*\s*,?\s+and\s+\d+)(?![\d.%])"
    rf"(?P<tail>\s+(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE}|were|received|receiving)\b[^.;]*?\brespectively)"
)


def _respective(s: Sentence, finder: ArmFinder) -> list[ParticipantCount]:
    """Counts listed before the arms they belong to, 'respectively', at the stage the words
    between the counts and the first arm name ('received' is treated)."""
    out: list[ParticipantCount] = []
    for m in _RESPECTIVE.finditer(s.norm):
        named = finder.find(m.group("tail"))
        arms = list({id(a): a for _s, _e, a in named}.values())
        counts = list(re.finditer(r"\d+", m.group("counts")))
        if not named or len(arms) != len(counts) or [a for _s, _e, a in named] != arms:
            continue
        between = m.group("tail")[: named[0][0]]
        stage = _STAGE_IN.search(between)
        name = _stage(stage) if stage else "treated" if re.search(r"(?i)\breceiv", between) else None
        if name is None:
            continue
        at = m.start("counts")
        out += [
            ParticipantCount(
                stage=name,
                count=int(c.group()),
                arm=arm.label,
                evidence=s.evidence(at + c.start(), at + c.end()),
            )
            for c, arm in zip(counts, arms, strict=True)
        ]
    return out
