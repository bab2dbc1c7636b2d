"""The arms of a trial: the listing that names two or more of them and says most about them
(see ``arm_lists``) cut into one piece per arm (see ``arm_pieces``), or arms the methods
describe group by group ('In the concurrent arm, chemotherapy consisted of ...; In the
sequential arm, the same CT was given, but ...'); then what other sentences add
(``arm_details``) and each intervention's kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.extraction.arm_compared import compared_groups
from kg.extraction.arm_counts import expected_arms, factorial
from kg.extraction.arm_described import described_at, described_groups
from kg.extraction.arm_details import complete_arms
from kg.extraction.arm_dose_lists import dose_list_pieces
from kg.extraction.arm_ellipsis import elliptical_definitions
from kg.extraction.arm_lettered import lettered_groups
from kg.extraction.arm_lists import listings, pieces
from kg.extraction.arm_named import group_arm, is_named_group
from kg.extraction.arm_pieces import DOSE, DOSED, arm_of_piece, outside_brackets
from kg.extraction.arm_roles import control_arm, role_groups
from kg.extraction.arm_title_arms import give_title_base, title_against_role
from kg.extraction.arm_titles import title_against_placebo
from kg.extraction.design import reports_trial
from kg.extraction.interventions import intervention_kind
from kg.extraction.names import (
    control_name,
    credible,
    expand,
    intervention_name,
    is_no_treatment,
    without_lead,
)
from kg.extraction.regimens import drug_mentions, frequency, radiation, route_before
from kg.extraction.text import Sentence, normalise, split_top
from kg.model import Arm

_OTHER_DOSE = re.compile(r"(?i)^(?:the\s+)?(?:[\w-]+\s+)?(?:cohort|arm|group)\s+(?:of|receiving|given)\s+")
_DOSE_FIRST = re.compile(rf"(?i){DOSE}|\d+(?:\.\d+)?\s*Gy\b")  # a drug's or a radiation dose
# a short name in capitals right after the dose ('6.9 g PEG-EL'): another agent's dose
_NAME_AFTER = re.compile(r"\s+(?P<name>(?=(?:[^\sA-Z]*[A-Z]){2})[A-Za-z][\w-]*)")
# 'or both', 'or both (Co) for 12 weeks': the combination of the arms listed before, with its short name
_BOTH = re.compile(
    r"(?i)^\s*(?:both|the\s+combination|a\s+combination)(?:\s+(?:of\s+)?(?:the\s+)?(?:compounds|agents|drugs|"
    r"supplements|treatments|interventions))?(?:\s*\((?P<short>[^()\s,;]{1,8})\))?(?:\s+for\s+\d+\s+\w+)?\s*$"
)


def design_arms(
    title: str,
    sents: list[Sentence],
    abbreviations: dict[str, str],
    trial_report: Callable[[], bool] = lambda: False,
) -> list[Arm]:
    """The arms of the text that lists two or more of them and says most about them; in a
    trial's report (``trial_report``, asked only then) listing none, the groups its sentences
    compare, else the groups it names by their role ('the experimental group completed ...'),
    else the one agent its title names against the placebo the abstract gives."""
    pairs = [(s.section, s.norm) for s in sents]
    full = " ".join(s.norm for s in sents)
    abbreviations = {**elliptical_definitions(full), **abbreviations}
    expected = expected_arms(f"{title} {full}")
    candidates: list[tuple[tuple[int, int], list[Arm], int]] = []
    # a one-arm study: a trial the text reports ('In this phase II study, ...') without randomisation
    randomised = bool(re.search(r"(?i)\brandomi[sz]|\brandomly\b", f"{title} {full}"))
    single = not randomised and reports_trial(title, full)
    for listing in listings(normalise(title), pairs):
        arms = arms_in(
            listing.text, abbreviations, expected, strict=listing.preference < 5 and not listing.loose
        )
        if len(arms) >= 2 or (single and len(arms) == 1 and listing.preference >= 3):
            fit = 0 if expected is None else (3 if len(arms) == expected else -3)
            score = (listing.preference + _detail(arms) + fit, -listing.sentence)
            candidates.append((score, arms, listing.sentence))
    described = described_groups(sents, abbreviations)
    if len(described) >= 2:
        candidates.append(((4 + _detail(described), -described_at(sents)), described, described_at(sents)))
    lettered, first = ([], 0) if candidates else lettered_groups(sents, abbreviations)
    if lettered:  # only where nothing else lists the arms: a listing names them better
        candidates.append(((0, -first), lettered, first))
    compared = (
        None if candidates or not (randomised and trial_report()) else compared_groups(sents, abbreviations)
    )
    if compared is not None:
        arms = arms_in(compared[0], abbreviations, expected, strict=False)
        candidates += [((0, -compared[1]), arms, compared[1])] if len(arms) >= 2 else []
    if not candidates and trial_report():  # 'the experimental group completed ...', randomised or not
        roles, first = role_groups(sents, abbreviations)
        candidates += [((0, -first), roles, first)] if roles else []
    titled = title_against_placebo(title, full) if not candidates and randomised and trial_report() else None
    if titled:  # the agent a title names, against the placebo the abstract gives
        arms = arms_in(titled, abbreviations, expected, strict=False)
        candidates += [((0, -len(sents)), arms, len(sents))] if len(arms) >= 2 else []
    elif not candidates and trial_report():  # ... or against the control its role groups name
        arms = title_against_role(title, sents, lambda text: arms_in(text, abbreviations, strict=False))
        candidates += [((0, -len(sents)), arms, len(sents))] if arms else []
    if not candidates:
        return []
    _score, arms, at = max(candidates, key=lambda c: c[0])
    _same_as_before(arms)
    _one_operation(arms)
    complete_arms(arms, sents, at, [c[1] for c in candidates], abbreviations)
    give_title_base(title, arms, lambda text: arms_in(text, abbreviations, strict=False))
    for item in (i for arm in arms for i in arm.interventions):
        item.kind = intervention_kind(item.drug.name)
        if item.kind != "radiation":
            item.fractions = None
    if factorial(full) and len(arms) == 4:
        for arm in arms:
            arm.role = None
    return arms


def _detail(arms: list[Arm]) -> int:
    return sum(
        1 + sum(x is not None for x in (i.dose, i.route, i.frequency)) for a in arms for i in a.interventions
    )


def arms_in(
    segment: str, abbreviations: dict[str, str], expected: int | None = None, strict: bool = True
) -> list[Arm]:
    """The arms one listing names, in order; a listing whose wording plainly assigns patients
    to the arms (``strict`` False) may name agents the text says nothing more of."""
    parts = _merge_weak(dose_list_pieces(pieces(segment)), expected, abbreviations)
    arms: list[Arm] = []
    k = 0
    while k < len(parts):
        part, choice = parts[k], False
        while (
            re.search(r"(?i)\beither\b", part)
            and k + 1 < len(parts)
            and not re.search(r"(?i)\beither\b.*\bor\b", part)
        ):
            k += 1
            part, choice = f"{part} or {parts[k]}", True
        if (both := _BOTH.match(part)) and arms:
            arms.append(_union(arms, both.group("short")))
        elif _REVERSED.match(part) and arms and k:
            reverse = arm_of_piece(_reversed(parts[k - 1]), False, abbreviations, strict)
            arms += [reverse] if reverse is not None else []
        elif (same := _SAME_TREATMENT.match(part)) and arms:
            arms.append(_same_plus(arms[-1], part, same.group("rest"), abbreviations))
        elif (control := control_name(part)) and len(parts) >= 2:  # '... or control'
            arms.append(control_arm(control))
        else:
            arm = arm_of_piece(_same_drug(part, arms), choice, abbreviations, strict) or group_arm(part)
            if arm is not None:
                arms.append(arm)
        k += 1
    arms = _distinct(arms)
    _timing_names(arms)
    return [] if all(_control_only(a) for a in arms) else arms


def _control_only(arm: Arm) -> bool:
    """An arm giving only a placebo or a control: a listing of nothing else names no trial's arms
    ('to a treatment, placebo, or control group', whose treatment is said elsewhere)."""
    return all(i.drug.name == "placebo" or control_name(i.drug.name) for i in arm.interventions)


_SAME_NAME = re.compile(r"(?i)^(?:the\s+)?(?:same|identical)\s+(.+)$")


def _same_as_before(arms: list[Arm]) -> None:
    """'the same radiotherapy', 'identical chemoradiotherapy': the intervention an arm before
    gave by a name ending in those words ('thoracic radiotherapy', 'concurrent
    chemoradiotherapy'), with its regimen; without one, the words' own name."""
    for k, arm in enumerate(arms):
        for n, item in enumerate(arm.interventions):
            m = _SAME_NAME.match(item.drug.name)
            if not m:
                continue
            head = m.group(1).lower()
            earlier = [
                i
                for a in arms[:k]
                for i in a.interventions
                if re.search(rf"(?:^|\s){re.escape(head)}$", i.drug.name)
            ]
            if earlier:
                arm.interventions[n] = earlier[0].model_copy(deep=True)
            else:
                item.drug.name = head


_GENERIC_OPERATION = re.compile(r"(?i)^(?:surgical\s+)?(?:resection|surgery|operation)$")


def _one_operation(arms: list[Arm]) -> None:
    """'surgery alone or ... paclitaxel and carboplatin followed by surgical resection': one arm's
    plain 'surgery' and another's 'surgical resection' are the same operation, named as the
    arm that gives nothing else names it, so that the add-on design shows (A + B vs B)."""
    plain = [a.interventions[0].drug.name for a in arms if len(a.interventions) == 1]
    name = next((n for n in plain if _GENERIC_OPERATION.match(n)), None)
    if name is None:
        return
    for item in (i for a in arms for i in a.interventions):
        if _GENERIC_OPERATION.match(item.drug.name):
            item.drug.name = name


_TIMING = re.compile(
    r"(?i)\b(preoperative|postoperative|neoadjuvant|adjuvant|induction|concurrent|sequential|consolidation|"
    r"maintenance|immediate|delayed|deferred)\b"
)


# 'the standard inverse sequence', 'the reverse order': the arm before with its steps the other way round
_REVERSED = re.compile(
    r"(?i)^\s*(?:the\s+)?(?:standard\s+|same\s+)?(?:inverse|reverse|reversed|opposite)\s+(?:sequence|order)\s*$"
)
_STEP = r"\s+followed\s+(?:[\w-]+\s+){0,3}?by\s+|\s+(?:and\s+)?then\s+"


def _reversed(piece: str) -> str:
    """'first-line erlotinib followed at progression by cisplatin-gemcitabine' as the inverse
    sequence: 'cisplatin-gemcitabine followed by first-line erlotinib'."""
    steps = [s.strip() for s in split_top(piece, _STEP)]
    return " followed by ".join(reversed(steps))


def _timing_names(arms: list[Arm]) -> None:
    """Arms with the same treatments told apart by when they give them ('preoperative A followed
    by surgery' vs 'surgery followed by adjuvant A') are named by that word: 'the adjuvant arm'."""
    for arm in arms:
        same = [a for a in arms if a is not arm and set(a.drug_names) == set(arm.drug_names)]
        if not same:
            continue
        theirs = {w.lower() for a in same for w in _TIMING.findall(a.label)}
        own = {w.lower() for w in _TIMING.findall(arm.label)} - theirs
        name = own.pop() if len(own) == 1 else None
        if name and name not in (x.lower() for x in arm.aliases):
            arm.aliases.append(name)


def _same_drug(part: str, arms: list[Arm]) -> str:
    """A piece that is only another dose ('brigatinib 90 mg once daily (arm A) or 180 mg once
    daily', 'PCI to 25 Gy (Arm 1) vs. the experimental cohort of 36 Gy'): a dose comparison of
    the single treatment of the arm before."""
    dose = _OTHER_DOSE.sub("", part.strip())
    first = _DOSE_FIRST.match(dose)
    if not first or not arms or drug_mentions(part) or len(arms[-1].interventions) != 1:
        return part
    name = _NAME_AFTER.match(dose, first.end())
    if name and not (frequency(name["name"]) or route_before(name["name"])):  # not '180 mg IV', '5 mg BID'
        return part
    drug = arms[-1].interventions[0].drug
    return f"{drug.name} {dose}" if drug is not None else part


def _strength(part: str, abbreviations: dict[str, str]) -> int:
    """How surely a piece names an arm of its own: drugs, an intervention's name, or neither."""
    if drug_mentions(part) or radiation(part) or DOSED.search(part):
        return 2
    if drug_mentions(expand(outside_brackets(part), abbreviations)):
        return 2  # 'TC' for 'taxane/carboplatin'
    name = intervention_name(part, abbreviations)
    return 1 if name and (credible(name) or len(part.split()) > 1) else 0


_ACRONYM = re.compile(r"\s*(?:the\s+)?(?=(?:[^A-Z\s]*[A-Z]){2})[A-Za-z0-9+/-]{2,12}\s*\.?\s*")


def _merge_weak(parts: list[str], expected: int | None, abbreviations: dict[str, str]) -> list[str]:
    """A piece that names nothing belongs to the piece before it ('nivolumab, at a dose of 3
    mg/kg, or ...'); when the text announced fewer arms than there are pieces, the weakest
    piece is an alternative inside its neighbour ('lymph node dissection or sampling')."""
    if len(parts) >= 2 and all(_ACRONYM.fullmatch(p) for p in parts):
        return parts  # 'I-StoP or CBT-SUD+': the short names the abstract gave its arms
    parts = _alternatives(_share_heads(parts, abbreviations))
    out: list[str] = []
    for part in parts:
        if (
            out
            and _strength(part, abbreviations) == 0
            and not is_no_treatment(part)
            and not control_name(part)
            and not _BOTH.match(part)
            and not is_named_group(part)
        ):
            joint = " or " if re.fullmatch(r"\s*[A-Za-z-]+\s*", part) else ", "  # 'dissection or sampling'
            out[-1] = f"{out[-1]}{joint}{part}"
        else:
            out.append(part)
    while expected and len(out) > expected >= 2:
        k = min(range(1, len(out)), key=lambda i: (_strength(out[i], abbreviations), len(out[i].split())))
        out[k - 1 : k + 1] = [f"{out[k - 1]} or {out[k]}"]
    return out


_SINGLE_AGENT = re.compile(r"(?i)\s*(?:monotherapy|single[- ]agent(?:\s+(?:therapy|chemotherapy))?)\s*$")


def _alternatives(parts: list[str]) -> list[str]:
    """'... or five cycles of vinorelbine or gemcitabine monotherapy': a piece that ends with one
    drug, before a piece that is one drug as monotherapy, offers the choice of either drug in
    one arm (in a list of three or more pieces, so that two arms remain)."""
    out: list[str] = []
    for part in parts:
        own = drug_mentions(part)
        before = drug_mentions(out[-1]) if out else []
        if (
            len(parts) >= 3
            and len(own) == 1
            and own[0].start == len(part) - len(part.lstrip())
            and _SINGLE_AGENT.fullmatch(part[own[0].end :])
            and len(before) == 1
            and before[0].end == len(out[-1].rstrip())
        ):
            out[-1] = f"{out[-1].rstrip()} or {part.strip()}"
        else:
            out.append(part)
    return out


def _share_heads(parts: list[str], abbreviations: dict[str, str]) -> list[str]:
    """'concurrent or sequential chemoradiotherapy with cisplatin', 'three (C3) or six (C6)
    courses of carboplatin': a modifier alone before 'or' shares the words after the next
    piece's own modifier."""
    out = list(parts)
    for k in range(len(parts) - 1):
        core = without_lead(parts[k])  # 'a single session of true or placebo acupuncture'
        words = outside_brackets(core).split()
        nxt = re.match(r"\s*\S+(?:\s*\([^()]*\))?\s+(?!(?:group|arm|cohort)s?\b)(.{4,})$", parts[k + 1])
        weak = _strength(core, abbreviations) == 0 and not is_no_treatment(parts[k])
        # 'ANH or no hemodilution': a defined abbreviation, or a piece before a negated one, is no modifier
        negated = re.match(r"(?i)\s*no\s", parts[k + 1]) or parts[k].strip() in abbreviations
        named = re.search(
            r"(?i)\b(?:group|arm|cohort)s?\b", outside_brackets(core)
        )  # 'a training group (182 patients)'
        if 1 <= len(words) <= 2 and weak and nxt and not negated and not named:
            out[k] = f"{parts[k].rstrip()} {_own_short_name(parts[k + 1], nxt.group(1))}"
    return out


_SHORT_NAME = re.compile(r"\s*\((?P<short>(?-i:[A-Z][A-Za-z0-9-]{0,9}))\)")


def _own_short_name(piece: str, shared: str) -> str:
    """The shared words without a short name that begins as the next piece does: 'laparoscopic or
    open appendectomy (OA) in terms of ...' shares 'appendectomy', and 'OA' is the open one's."""
    first = piece.strip()[:1].upper()
    return _SHORT_NAME.sub(lambda m: "" if m.group("short").startswith(first) else m.group(), shared)


# 'or the same treatment with cetuximab administered concurrent only with TRT (arm B)'
_SAME_TREATMENT = re.compile(
    r"(?i)^\s*(?:the\s+)?(?:same|identical)\s+(?:treatment|regimen|therapy|schedule)"
    r"(?P<rest>\s+(?:with|plus|combined\s+with|in\s+combination\s+with|together\s+with|along\s+with)\s.*)$"
)


def _same_plus(before: Arm, part: str, rest: str, abbreviations: dict[str, str]) -> Arm:
    """'the same treatment with X': every intervention of the arm before, then what the rest adds
    (an intervention it names again, 'with TRT', is the one the arm before gave)."""
    added = arm_of_piece(rest, False, abbreviations, strict=False)
    items = [i.model_copy(deep=True) for i in before.interventions]
    have = {i.drug.name for i in items}
    items += [i for i in (added.interventions if added else []) if i.drug.name not in have]
    return Arm(label=part.strip()[:80], interventions=items, aliases=added.aliases if added else [])


def _union(arms: list[Arm], short: str | None = None) -> Arm:
    """'both compounds': every intervention of the single-intervention arms listed before."""
    singles = [a.interventions[0] for a in arms if len(a.interventions) == 1]
    aliases = [short] if short else []
    return Arm(label="combination", interventions=[i.model_copy(deep=True) for i in singles], aliases=aliases)


def _distinct(arms: list[Arm]) -> list[Arm]:
    """Arms named twice (two randomisations listing the same regimen) are one arm; arms that
    differ in how many courses they give ('3 (C3) or 6 (C6) courses of ...') or in the route
    both print ('2 ml ... intramuscularly', '2 ml ... by intrauterine infusion') are two."""
    seen: list[tuple[tuple, Arm]] = []
    for arm in arms:
        courses = re.match(r"\s*(\d+)\s*\([^)]*\)\s+(?:\w+\s+)?(?:courses|cycles)\b", arm.label)
        key = (
            tuple(dict.fromkeys(arm.drug_names)),  # in order: surgery then chemotherapy is another arm
            tuple(i.dose for i in arm.interventions),
            courses.group(1) if courses else None,
        )
        routes = [i.route for i in arm.interventions]
        if not any(k == key and _same_routes(routes, [i.route for i in a.interventions]) for k, a in seen):
            seen.append((key, arm))
    return [a for _k, a in seen]


def _same_routes(one: list[str | None], other: list[str | None]) -> bool:
    return len(one) != len(other) or all(
        a == b or a is None or b is None for a, b in zip(one, other, strict=True)
    )


__all__ = ["design_arms", "arms_in"]
