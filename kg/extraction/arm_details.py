"""What other sentences add to the arms the listing gave: shared background treatment, the
drugs of a generic 'chemotherapy', premedication, regimens stated later, the names the text
calls the arms by, and labels that tell every arm apart."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extraction.abbreviations import expansions
from kg.extraction.arm_generic import expand_abbreviated, expand_generic
from kg.extraction.arm_pieces import DOSE
from kg.extraction.arm_trailing import trailing_regimen, trailing_schedule
from kg.extraction.regimens import (
    cycle_schedule,
    drug_mentions,
    frequency,
    intervention,
    joined_schedule,
    listed_schedule,
)
from kg.extraction.text import Sentence
from kg.model import Arm, Intervention


def complete_arms(
    arms: list[Arm],
    sents: list[Sentence],
    at: int,
    candidates: list[list[Arm]],
    abbreviations: dict[str, str],
) -> None:
    """Fill in the arms read from sentence ``at`` (len(sents) for the title)."""
    _add_background(arms, sents[at : at + 4])
    _dose_in_each(arms, sents)
    expand_generic(arms, sents, abbreviations)
    expand_abbreviated(arms, sents, abbreviations)
    methods = [x for x in sents if not re.match(r"(?i)results|findings|conclusion|interpretation", x.section)]
    _same_schedule(arms)
    _premedication(arms, methods)
    _enrich(arms, methods)
    if at < len(sents):
        trailing_regimen(arms, sents[at].norm)
        trailing_schedule(arms, sents[at].norm)
    _collect_aliases(arms, candidates, sents, abbreviations)
    relabel(arms)
    _contrast_aliases(arms, sents, abbreviations)


def _add_background(arms: list[Arm], sents: list[Sentence]) -> None:
    """'All patients also received concurrent chemotherapy with 45 mg/m2 paclitaxel and
    carboplatin once a week (AUC 2)': drugs every arm gets, with their regimen."""
    for s in sents:
        m = re.search(r"(?i)\ball (?:the )?(?:patients|participants) (?:also )?received\s+([^.]+)", s.norm)
        if not m:
            continue
        extra: list[Intervention] = []
        for text in m.group(1).split(
            ";"
        ):  # '...; two cycles of consolidation chemotherapy ... paclitaxel (200'
            extra += _regimen_rows(text)
        for arm in arms:
            have = {(i.drug.name, i.dose) for i in arm.interventions}
            named = set(arm.drug_names)
            arm.interventions += [
                i.model_copy(deep=True)
                for i in extra
                if (i.drug.name, i.dose) not in have and (i.drug.name not in named or i.dose is not None)
            ]
        return


# 'The radiation dose was 65 Gy in each group': the dose of every arm's radiotherapy
_DOSE_IN_EACH = re.compile(
    r"(?i)\b(?:radiation|radiotherapy|RT)\s+dose\s+(?:was|of)\s+(?P<dose>\d+(?:\.\d+)?)\s*Gy\b"
    r"(?:\s+(?:in|for)\s+(?:each|both|all)\s+(?:the\s+)?(?:groups?|arms?))"
)


def _dose_in_each(arms: list[Arm], sents: list[Sentence]) -> None:
    m = next((m for s in sents if (m := _DOSE_IN_EACH.search(s.norm))), None)
    if m is None:
        return
    for arm in arms:
        for i in arm.interventions:
            if i.drug.name.endswith("radiotherapy") and i.dose is None:
                i.dose, i.dose_unit = Decimal(m.group("dose")), "Gy"


def _regimen_rows(text: str) -> list[Intervention]:
    """The drugs one clause gives, with their regimens ('45 mg/m2 paclitaxel and carboplatin
    once a week (AUC 2)')."""
    mentions = [d for d in drug_mentions(text) if d.name != "chemotherapy"] or drug_mentions(text)
    rows: list[Intervention] = []
    for k, d in enumerate(mentions):
        stop = mentions[k + 1].start if k + 1 < len(mentions) else len(text)
        found = intervention(d.name, text[d.end : stop], text[mentions[k - 1].end if k else 0 : d.start])
        if re.fullmatch(r"\s*(?:,|and|plus|\+)\s*", text[d.end : stop]):  # 'A and B once a week'
            found[0].frequency = found[0].frequency or frequency(text[mentions[k + 1].end :])
        for row in found:
            row.frequency = cycle_schedule(text[d.end : stop], text[d.end :], row.frequency)
        rows += found
    schedule = (
        frequency(text[: mentions[0].start]) if mentions else None
    )  # 'two cycles ... separated by 3 weeks'
    for row in rows:
        row.frequency = row.frequency or schedule
    return rows


def _arm_of(arms: list[Arm], drug: str) -> Arm | None:
    hits = [a for a in arms if drug in a.drug_names]
    return hits[0] if len(hits) == 1 else None


def _arms_with(arms: list[Arm], drug: str) -> list[Arm]:
    """The arms that give a drug, when it is not in every arm (a drug of every arm is
    background, described by the listing itself)."""
    hits = [a for a in arms if drug in a.drug_names]
    return hits if len(hits) < len(arms) else []


def _same_schedule(arms: list[Arm]) -> None:
    """'radiotherapy on the same schedule': an intervention without a regimen in a later arm
    takes every course the first arm gave the same intervention."""
    if not arms:
        return
    for arm in arms[1:]:
        rows: list[Intervention] = []
        for item in arm.interventions:
            earlier = [
                i for a in arms if a is not arm for i in a.interventions if i.drug.name == item.drug.name
            ]
            if item.dose is None and earlier and all(i.dose is not None for i in earlier[:1]):
                first_arm = next(a for a in arms if a is not arm and item.drug.name in a.drug_names)
                rows += [
                    i.model_copy(deep=True) for i in first_arm.interventions if i.drug.name == item.drug.name
                ]
            else:
                rows.append(item)
        arm.interventions = rows


def _premedication(arms: list[Arm], sents: list[Sentence]) -> None:
    """'Cyclophosphamide 300 mg/m2 (before tecemotide) or saline (before placebo) was given
    once': a drug given only with one arm's drug belongs to that arm."""
    for s in sents:
        for m in re.finditer(
            r"(?i)\b(\w+)\b([^()]{0,40})\((?:given\s+)?(?:before|prior to|with)\s+(\w+)\)", s.norm
        ):
            drug, partner = drug_mentions(m.group(1)), drug_mentions(m.group(3))
            if not drug or not partner or any(drug[0].name in a.drug_names for a in arms):
                continue
            arm = _arm_of(arms, partner[0].name)
            if arm is not None:
                arm.interventions += intervention(drug[0].name, m.group(2), "")[:1]


# the doses printed right before a drug: '5 mg ', '20, 40 or 80 mg of '
_NEXT_DOSES = re.compile(rf"(?i)(?:\d+(?:\.\d+)?\s*(?:,|\bor\b|\band\b)\s*)*{DOSE}(?:/\w+)?(?:\s+of)?\s*$")


def _enrich(arms: list[Arm], sents: list[Sentence]) -> None:
    """Regimens stated in later sentences ('Injections of tecemotide (806 μg) or placebo
    were given every week ...', 'For patients assigned to receive cetuximab, 400 mg/m2
    cetuximab was given ...') fill in what the listing left out, in every arm giving the drug."""
    for s in sents:
        mentions = drug_mentions(s.norm)
        for i, d in enumerate(mentions):
            owners = _arms_with(arms, d.name)
            listed = listed_schedule(s.norm, mentions, i)
            if not owners:  # a drug of every arm: only a schedule printed after the list of arms
                if listed:
                    _schedule_every(arms, d.name, listed)
                continue
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.name == d.name:
                continue  # 'assigned to receive cetuximab, 400 mg/m2 cetuximab was given ...': the later one
            shared = nxt is None or (
                nxt.name not in owners[0].drug_names
                and re.fullmatch(r"[^.;]*\bor\s*", s.norm[d.end : nxt.start])
            )
            own = s.norm[d.end : nxt.start if nxt else len(s.norm)]
            # '... receiving placebo and 4% of patients receiving 5 mg risedronate', 'placebo, 20, 40 or 80 mg
            # of bilastine': the doses printed right before the next drug are that drug's
            own = _NEXT_DOSES.sub("", own) if nxt else own
            found = intervention(d.name, own, s.norm[: d.start])
            schedule = frequency(s.norm[d.end :]) if shared else cycle_schedule(own, s.norm[d.end :], None)
            together = owners[0].drug_names.__contains__  # a drug of the same arm
            schedule = schedule or listed or joined_schedule(s.norm, mentions, i, together)
            for arm in owners:
                _fill(arm, d.name, found, schedule)


def _schedule_every(arms: list[Arm], drug: str, schedule: str) -> None:
    for row in (x for a in arms for x in a.interventions if x.drug.name == drug):
        row.frequency = row.frequency or schedule


def _fill(arm: Arm, drug: str, found: list[Intervention], schedule: str | None) -> None:
    rows = [x for x in arm.interventions if x.drug.name == drug]
    if len(rows) == 1 and rows[0].dose is None and len(found) > 1:
        k = arm.interventions.index(rows[0])
        arm.interventions[k : k + 1] = [f.model_copy(deep=True) for f in found]
        return
    item = rows[0]
    if item.dose is None and found[0].dose is not None:
        item.dose, item.dose_unit = found[0].dose, found[0].dose_unit
    if item.route is None:
        item.route = found[0].route
    if item.frequency is None and schedule:
        item.frequency = schedule


def _collect_aliases(
    arms: list[Arm], candidates: list[list[Arm]], sents: list[Sentence], abbreviations: dict[str, str]
) -> None:
    """Aliases found with the same interventions in other listings, or 'A-B (AB)' in the text."""
    by_names = {frozenset(a.drug_names): a for a in arms}
    for twin in {k for k in by_names if sum(frozenset(a.drug_names) == k for a in arms) > 1}:
        del by_names[twin]  # arms alike in every name: an alias could be either's
    for other in candidates:
        for a in other:
            target = by_names.get(frozenset(a.drug_names))
            for alias in a.aliases:
                if target is not None and alias not in target.aliases:
                    target.aliases.append(alias)
    text = " ".join(s.norm for s in sents)
    regimens = {
        short: frozenset(d.name for d in drug_mentions(long)) for short, long in abbreviations.items()
    }
    for short, long in expansions(text).items():
        regimens.setdefault(short, frozenset(d.name for d in drug_mentions(long)))
    for m in re.finditer(r"(?<![\w/-])([A-Z][A-Za-z0-9]{1,7})/([A-Z][A-Za-z0-9]{1,7})(?![\w/-])", text):
        # 'MIC/MVP' for an arm giving either of two defined regimens: the drugs of both
        if m.group(1) in regimens and m.group(2) in regimens:
            regimens.setdefault(m.group(), regimens[m.group(1)] | regimens[m.group(2)])
    for short, drugs in regimens.items():
        target = (by_names.get(drugs) or _only_with(arms, drugs)) if len(drugs) > 1 else None
        if target is not None and short not in target.aliases:
            target.aliases.append(short)


def _only_with(arms: list[Arm], drugs: frozenset[str]) -> Arm | None:
    """The one arm that gives a regimen's drugs and only treatments that are no drugs besides
    ('PC with concurrent RT'); not an arm that gives another regimen too ('MIC/MVP')."""
    having = [
        a
        for a in arms
        if drugs <= set(a.drug_names) and not any(drug_mentions(n) for n in set(a.drug_names) - drugs)
    ]
    return having[0] if len(having) == 1 else None


def relabel(arms: list[Arm]) -> None:
    """Label = the arm's interventions; arms with the same interventions are each told apart by
    the first regimen that differs ('radiotherapy + cisplatin 30 mg/m2')."""
    labels: set[str] = set()
    for arm in arms:
        names = list(dict.fromkeys(arm.drug_names))
        label = (" or " if arm.choice else " + ").join(names)
        others = [a for a in arms if a is not arm and list(dict.fromkeys(a.drug_names)) == names]
        # every arm of the same drugs by its own regimen: 'radiotherapy 30 Gy', 'radiotherapy 16 Gy'
        if others:
            differing = next(
                (
                    i
                    for i in arm.interventions
                    if i.dose is not None
                    and not any(
                        (i.dose, i.frequency) == (j.dose, j.frequency)
                        for o in others
                        for j in o.interventions
                        if j.drug.name == i.drug.name
                    )
                ),
                None,
            )
            if differing is not None:
                label = f"{label} {differing.dose} {differing.dose_unit or ''}".strip()
            if label in labels:  # told apart by the arm's own name, else its place
                label = f"{label} ({arm.aliases[0] if arm.aliases else f'arm {arms.index(arm) + 1}'})"
        arm.label = label
        labels.add(label)


_REFERENCE_KINDS = {"placebo", "usual_care"}


def set_roles(arms: list[Arm], title: str, sents: list[Sentence]) -> None:
    """Which arm is the comparator: the one giving only placebo or usual care, else the one
    an add-on design adds nothing to (A + B vs B), else the one the title or aims name right
    after 'versus' / 'compared with', else the last; the others are experimental."""
    if len(arms) < 2:
        return
    from kg.extraction.armrefs import ArmFinder

    comparator = _reference_arm(arms)
    finder = ArmFinder(arms)
    texts = [title] + [s.norm for s in sents]
    if comparator is None:
        comparator = _standard_named(texts, finder)
    if comparator is None:
        comparator = arms[-1]
        for text in texts:
            for m in re.finditer(r"(?i)\b(?:versus|vs\.?|v|compared with)\s+", text):
                named = finder.find(text[m.end() : m.end() + 120])
                if named and named[0][0] <= 4:  # the arm right after the word, not one later on
                    comparator = named[0][2]
                    break
            else:
                continue
            break
    for arm in arms:
        arm.role = "comparator" if arm is comparator else "experimental"


# 'prolongation of PFS when compared with standard doublet chemotherapy', 'to compare A with standard B':
# the standard is the reference
_AGAINST_STANDARD = re.compile(
    r"(?i)\b(?:versus|vs\.?|compared\s+(?:with|to)|than|compar(?:e|ing)\s+[^.;]{1,150}?\s+(?:with|to))\s+"
    r"(?:the\s+)?(?:current\s+)?(?:standard|conventional|usual)\b"
)


def _standard_named(texts: list[str], finder) -> Arm | None:
    """The one arm named right after the words that set something against the standard."""
    named = {
        id(found[0][2]): found[0][2]
        for text in texts
        for m in _AGAINST_STANDARD.finditer(text)
        if (found := finder.find(text[m.end() : m.end() + 60])) and found[0][0] <= 30
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _reference_arm(arms: list[Arm]) -> Arm | None:
    plain = [a for a in arms if a.interventions and all(i.kind in _REFERENCE_KINDS for i in a.interventions)]
    if len(plain) == 1:
        return plain[0]
    names = [set(a.drug_names) for a in arms]
    smallest = [a for a, n in zip(arms, names, strict=True) if all(n < m for m in names if m is not n)]
    return smallest[0] if len(arms) == 2 and len(smallest) == 1 else None


_GROUP_NAME = re.compile(r"(?i)\b(?:the|a)\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+(?:group|arm)s?\b")
_NOT_A_GROUP_NAME = re.compile(
    r"(?i)^(?:two|both|each|either|other|same|treatment|control|study|intervention|randomi[sz]ed|younger|older|"
    r"elderly|first|second|third|overall|entire|whole|active|experimental|comparator|standard|age|\w+\s+\w+\s+\w+|"
    # who ran the trial: 'the Southwest Oncology Group', 'the Lung Cancer Study Group'
    r"(?:\w+\s+)?(?:oncology|cancer|study|cooperative|research|collaborative|working))$"
)


def _contrast_aliases(arms: list[Arm], sents: list[Sentence], abbreviations: dict[str, str]) -> None:
    """In a two-arm trial, 'the surgery group' in a sentence that also names 'the SABR group'
    is the other arm, when 'surgery' names neither arm by itself."""
    if len(arms) != 2:
        return
    from kg.extraction.armrefs import ArmFinder

    finder = ArmFinder(arms, abbreviations)
    for s in sents:
        unnamed, named = [], []
        for m in _GROUP_NAME.finditer(s.norm):
            found = finder.find(m.group(0))
            if found:
                named.append(found[0][2])
            elif not _NOT_A_GROUP_NAME.match(m.group(1)):
                unnamed.append(m.group(1))
        if len(unnamed) == 1 and named and all(a is named[0] for a in named):
            other = arms[1] if named[0] is arms[0] else arms[0]
            if unnamed[0] not in other.aliases:
                other.aliases.append(unnamed[0])
                finder = ArmFinder(arms, abbreviations)
