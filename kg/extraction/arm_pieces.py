"""One arm from the piece of text that describes it.

The piece is cut, outside brackets, into components at 'plus', 'with', 'combined with',
'followed by', 'and' ...  A component that names drugs gives one intervention per drug with
its regimen ('pembrolizumab 200 mg every 3 weeks'); any other component is an intervention
of another kind named by its noun phrase ('whole-brain radiotherapy', 'lobectomy', 'early
palliative care', 'low-dose CT' written out as defined).  Where the text offers a choice
('either pemetrexed or docetaxel', 'a standard EGFR-TKI (gefitinib or erlotinib)') the drugs
are alternatives of one arm.  A short name before a parenthesis that holds the drugs ('GD
(gemcitabine ... plus docetaxel ...)', 'arm A (...)') is the arm's alias, as is a name inside
one ('(radiotherapy group, 49 patients)').
"""

from __future__ import annotations

import re

from kg.extraction.arm_aliases import (
    canonical_alias,
    is_alias,
    leading_alias,
    own_names,
    parenthesised,
    printed_otherwise,
)
from kg.extraction.chemotherapy import generic_alias, generic_naming_drugs, is_chemotherapy, timing_before
from kg.extraction.interventions import intervention_kind
from kg.extraction.names import (
    AGENT_CLASS,
    credible,
    expand,
    intervention_name,
    is_no_treatment,
    plausible,
)
from kg.extraction.regimens import (
    DOSES_ONLY,
    cycle_schedule,
    drug_mentions,
    frequency,
    intervention,
    radiation,
    route_before,
)
from kg.extraction.text import depth_map
from kg.model import Arm, Drug, Intervention

_COMPONENT = (
    r"\s*,?\s+(?:plus|combined\s+with|in\s+combination\s+with|integrated\s+with|together\s+with|along\s+with|"
    r"followed\s+by|and\s+then|and\s+subsequently|with|and|including|then)\s+|\s*\+\s*"
)
_LETTER_LABEL = re.compile(r"\s*(?:(?:arm|group)\s+)?([A-D1-4])\s*[,:]\s+(?=\S)")
DOSE = r"\d+(?:\.\d+)?\s*(?:mg|µg|μg|mcg|ng|g|IU)\b"  # an amount of a drug
DOSED = re.compile(rf"(?i)\b{DOSE}")


# 'carrier with no diclofenac' (not 'with or without cetuximab', 'with vs without')
_NOT_GIVEN = re.compile(
    r"(?i)(?<!\bor\s)(?<!\band\s)(?<!\bvs\s)(?<!\bvs\.\s)(?<!\bversus\s)\b(?:no|without)\s+$"
    # a double dummy's placebo names the drug it imitates: 'azasetron (10 mg orally) with placebo of ondansetron'
    r"|\bplacebos?\s+(?:of|for)\s+(?:the\s+)?$"
)


def _components(part: str) -> list[tuple[int, int]]:
    """Spans of the components of one arm's piece, outside brackets."""
    depth = depth_map(part)
    spans, start = [], 0
    for m in re.finditer(_COMPONENT, part):
        generic_lead = re.search(
            r"(?i)(?:^|\s)(?:\w+\s+)?(?:treatment|therapy|management|an(?:a?e)sthesia|sedation|analgesia|"
            r"prophylaxis|premedication)\s*$|^\s*$",
            part[start : m.start()],
        )
        if generic_lead and re.match(r"(?i)\s*with\b", m.group()):
            continue
        if depth[m.start()] == 0 and m.start() > start:
            spans.append((start, m.start()))
            start = m.end()
    spans.append((start, len(part)))
    return [(a, b) for a, b in spans if part[a:b].strip()]


def outside_brackets(text: str) -> str:
    """A text's words outside brackets."""
    if not any(ch in text for ch in "()[]{}"):
        return text  # most pieces: nothing to take out
    depth = depth_map(text)
    return "".join(ch for ch, d in zip(text, depth, strict=True) if d == 0 and ch not in "()[]")


def arm_of_piece(part: str, choice: bool, abbreviations: dict[str, str], strict: bool = True) -> Arm | None:
    label = _LETTER_LABEL.match(part)  # 'A, 17 Gy per two fractions (n = 146)'
    if label:
        part = part[label.end() :]
    # 'vehicle control solution (carrier with no diclofenac)': a drug the arm is said not to give
    mentions = [m for m in drug_mentions(part) if not _NOT_GIVEN.search(part[: m.start])]
    aliases, size = parenthesised(part)
    if label:
        aliases.append(f"arm {label.group(1)}")
    generic = generic_naming_drugs(part, mentions)
    if generic is not None:  # 'chemotherapy with either pemetrexed or docetaxel': the drugs
        at = timing_before(part, generic.start)
        aliases.append(generic_alias(part, generic, at))
        part = part[:at] + " " * (generic.end - at) + part[generic.end :]
        mentions = [m for m in mentions if m is not generic]
    interventions: list[Intervention] = []
    depth = depth_map(part)
    for start, end in _components(part):
        text = part[start:end]
        head = outside_brackets(text)
        inside = [m for m in mentions if start <= m.start < end]
        if drug_mentions(head) or (inside and is_alias(head, abbreviations)):
            # 'GD (gemcitabine ...)' names its drugs in brackets; the 'E' of 'vitamin C and E' is one
            if not drug_mentions(head) and head.strip() and all(depth[m.start] for m in inside):
                aliases.append(re.sub(r"(?i)^the\s+", "", head.strip()))
            interventions += _drug_interventions(part, inside, mentions, end)
            continue
        if (
            re.match(r"(?i)\s*no\s+(?:further\s+|additional\s+)?", head)
            and aliases
            and not is_no_treatment(head)
            and not re.match(r"(?i)non?\b|non-", aliases[0])  # 'no hemodilution (non-ANH)': the words name it
        ):
            interventions.append(Intervention(drug=Drug(name=canonical_alias(aliases[0]))))
            continue
        named = _named(text, head, abbreviations, strict)
        named += _after_procedure(head, abbreviations) if named else []
        given = _drug_interventions(part, inside, mentions, end)
        # one agent: 'retinol (vitamin A)', 'prophylactic antibiotics (intravenous cefotaxime ...)'
        if named and len(given) == 1 and (_restated(text) or _class_of_one(text, head)):
            _share_regimen(named[0], given[0])
            named = []
        interventions += named
        interventions += given
    if any(is_no_treatment(outside_brackets(part[a:b])) for a, b in _components(part)):
        # 'observation (arm B)' is named by its alias, not by a role its bracket gives it ('no treatment
        # (control group; n = 603)' is observation, as it is without the bracket)
        name = next((a for a in aliases if not re.match(r"(?i)observation$|controls?$", a)), "observation")
        interventions.insert(0, Intervention(drug=Drug(name=canonical_alias(name))))
    interventions += _abbreviated_drugs(part, abbreviations, interventions, aliases)
    interventions = _treatments(interventions)
    if not interventions:
        return None
    alias = leading_alias(part, mentions)
    if alias:
        aliases.insert(0, alias)
    choice = choice or _offers_choice(part, mentions)
    if choice:
        _share_trailing_schedule(interventions)
        aliases += _CHOICE_NAME.findall(part[mentions[-1].end :] if mentions else "")
    else:
        _share_list_schedule(part, mentions, interventions)
    aliases += printed_otherwise(part, mentions)
    return Arm(
        label=part.strip()[:80] or "arm",
        interventions=_unique(interventions),
        choice=choice,
        aliases=own_names(aliases, interventions, abbreviations),
        n_randomized=size,
    )


def _after_procedure(head: str, abbreviations: dict[str, str]) -> list[Intervention]:
    """'2 ml of seminal plasma by intrauterine infusion after endometrial curettage': a procedure
    done before what the piece gives is the arm's too (not a time: 'after surgery' only when
    the name is a procedure's)."""
    m = re.search(r"(?i)\s+after\s+(?!\d)([a-z][\w\s-]{2,60}?)\s*$", head)
    name = intervention_name(m.group(1), abbreviations) if m and not drug_mentions(m.group(1)) else None
    return [Intervention(drug=Drug(name=name))] if name and intervention_kind(name) == "procedure" else []


def _restated(text: str) -> bool:
    """A component whose only bracket is one drug's name: '25,000 IU of retinol (vitamin A) in the
    form of retinyl palmitate'."""
    m = re.fullmatch(r"[^()]*?[A-Za-z]\s*\(\s*([^()]+?)\s*\)[^()]*", text)
    found = drug_mentions(m.group(1)) if m else []
    return len(found) == 1 and (found[0].start, found[0].end) == (0, len(m.group(1)))


_CLASS_NAMED = re.compile(rf"(?i)\b(?:{AGENT_CLASS})\s*$")


def _class_of_one(text: str, head: str) -> bool:
    """A class of agents whose bracket gives the one drug of it: 'prophylactic antibiotics (intravenous
    cefotaxime 2 g q 8 hr for 7 days, ...)' gives cefotaxime."""
    inner = re.search(r"\(([^()]*)\)", text)
    return bool(inner and _CLASS_NAMED.search(head.strip()) and len(drug_mentions(inner.group(1))) == 1)


def _share_regimen(source: Intervention, target: Intervention) -> None:
    """What a name printed before the drug's own name says of its regimen."""
    target.dose = target.dose if target.dose is not None else source.dose
    target.dose_unit = target.dose_unit or source.dose_unit
    target.route = target.route or source.route
    target.frequency = target.frequency or source.frequency


_BIOPSY = re.compile(r"(?i)\bbiops(?:y|ies)$")


_GENERIC_CHEMOTHERAPY = re.compile(r"(?i)^(?:[\w-]+\s+)?chemotherapy$")


def _treatments(interventions: list[Intervention]) -> list[Intervention]:
    """An arm without the biopsy it gives beside a treatment: the biopsy only confirms the
    diagnosis ('needle biopsy and radiotherapy' is a radiotherapy arm; a biopsy alone is the
    arm of a diagnostic-strategy trial); and without the word 'chemotherapy' beside the
    cytotoxic drugs it names ('cisplatin plus pemetrexed (maximum of six cycles of
    chemotherapy)'), where it names those drugs, not one more ('erlotinib plus chemotherapy'
    keeps it)."""
    kept = [i for i in interventions if not _BIOPSY.search(i.drug.name)] or interventions
    if any(is_chemotherapy(i.drug.name) for i in kept):
        kept = [i for i in kept if not _GENERIC_CHEMOTHERAPY.match(i.drug.name)]
    return kept


# 'vinorelbine or gemcitabine monotherapy': the word after a choice of drugs names the arm
_CHOICE_NAME = re.compile(r"(?i)^\s+(monotherapy)\b")


def _offers_choice(part: str, mentions) -> bool:
    """'either A or B', 'A or B' between two drugs: the arm's drugs are alternatives ('5 or 6
    mg per milliliter per minute' inside a dose is no choice)."""
    if re.search(r"(?i)\beither\b", part) and len(mentions) > 1:
        return True
    return any(_or_between(part[a.end : b.start]) for a, b in zip(mentions, mentions[1:], strict=False))


def _or_between(text: str) -> bool:
    """An 'or' outside brackets, not between two numbers, with no 'plus' after it."""
    depth = depth_map(text)
    for m in re.finditer(r"(?i)(\S*)\s+or\s+(\S*)", text):
        if depth[m.start(1) if m.group(1) else m.start()] == 0 and not (
            m.group(1)[-1:].isdigit() or m.group(2)[:1].isdigit()
        ):
            return not re.search(r"(?i)\b(?:plus|with|and)\b|\+", text[m.end() :])
    return False


def _abbreviated_drugs(
    part: str, abbreviations: dict[str, str], interventions: list[Intervention], aliases: list[str]
) -> list[Intervention]:
    """'cetuximab/TC' with 'TC' defined as 'taxane/carboplatin': the drugs a bare abbreviation
    stands for (one followed by a bracket names its drugs there); the abbreviation is the
    arm's alias when it is the whole piece or what the piece adds to ('PC with concurrent RT')."""
    have = {i.drug.name for i in interventions}
    out: list[Intervention] = []
    words = outside_brackets(part)
    for short, full in abbreviations.items():
        if short not in words or drug_mentions(short):
            continue
        if not re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])(?!\s*[(\[])", part):
            continue
        found = [m for m in drug_mentions(full) if m.name not in have]
        out += [Intervention(drug=Drug(name=m.name)) for m in found]
        have |= {m.name for m in found}
        if found and re.match(rf"\s*{re.escape(short)}(?:\s*$|\s+(?:with|plus)\s)", part):
            aliases.append(short)  # 'PC', 'PC with concurrent RT': the regimen's name is the arm's
    return out


def _drug_interventions(part: str, inside, mentions, end: int) -> list[Intervention]:
    out = []
    for m in inside:
        k = mentions.index(m)
        stop = mentions[k + 1].start if k + 1 < len(mentions) else len(part)
        prev_end = mentions[k - 1].end if k else 0
        items = intervention(m.name, part[m.end : stop], part[prev_end : m.start])
        later = mentions[k + 2].start if k + 2 < len(mentions) else len(part)
        joint = re.fullmatch(r"\s*(?:,|and|plus|\+)\s*", part[m.end : stop])
        for item in items:
            if item.route is None:
                item.route = route_before(part[: m.start])
            if item.frequency is None and joint and k + 1 < len(mentions):  # 'A and B once a week'
                item.frequency = frequency(part[mentions[k + 1].end : later])
            item.frequency = cycle_schedule(part[m.end : stop], part[m.end :], item.frequency)
        out += items
    return out


def _named(text: str, head: str, abbreviations: dict[str, str], strict: bool = True) -> list[Intervention]:
    """A component that names no drug as printed: a drug once its abbreviation is written out
    ('transdermal NRT'), else an intervention named by its noun phrase, with a radiation dose."""
    if is_no_treatment(head):
        return []
    expanded = expand(head, abbreviations)
    found = drug_mentions(expanded)
    if found and expanded != head:
        return [i for m in found for i in intervention(m.name, text, "")]
    dose = radiation(text)
    name = intervention_name(head, abbreviations)
    dosed = bool(DOSED.search(text))
    if name is not None and not (credible(name) or ((dosed or not strict) and plausible(name))):
        name = None
    if name is None and dose is None:
        return []
    if dose is not None:
        total, unit, fractions = dose
        name = None if name and _FRACTIONS_ONLY.match(name) else name  # 'a single fraction of 10 Gy'
        name = name or "radiotherapy"
        return [
            Intervention(
                drug=Drug(name=name), kind="radiation", dose=total, dose_unit=unit, fractions=fractions
            )
        ]
    elided = re.fullmatch(r"(.+\s)(\S+)\s+or\s+(\w+)", name)
    if elided and not drug_mentions(name):  # 'lymph node dissection or sampling': two procedures
        return [Intervention(drug=Drug(name=f"{elided.group(1)}{w}")) for w in elided.group(2, 3)]
    return intervention(name, text, "")[:1]


_FRACTIONS_ONLY = re.compile(r"(?i)^(?:(?:a|one|single|two|\d+)\s+)?fractions?$")


def _share_list_schedule(part: str, mentions, interventions: list[Intervention]) -> None:
    """'A 200 mg plus B AUC 5 and C 500 mg/m2 every 3 weeks': a schedule printed once after a
    list of drugs with only their doses between them is every listed drug's."""
    for k in range(len(mentions) - 1, 0, -1):
        last = next((i for i in interventions if i.drug.name == mentions[k].name), None)
        if last is None or last.frequency is None:
            continue
        j = k
        while j > 0 and DOSES_ONLY.fullmatch(part[mentions[j - 1].end : mentions[j].start]):
            j -= 1
            item = next((i for i in interventions if i.drug.name == mentions[j].name), None)
            if item is not None and item.frequency is None:
                item.frequency = last.frequency


def _share_trailing_schedule(interventions: list[Intervention]) -> None:
    """'pemetrexed (500 mg/m2) or docetaxel (75 mg/m2) every 3 weeks': one schedule for all."""
    last = interventions[-1]
    route = next((i.route for i in interventions if i.route), None)
    for item in interventions:
        item.frequency = item.frequency or last.frequency
        item.route = item.route or route


def _unique(interventions: list[Intervention]) -> list[Intervention]:
    """One row per intervention and dose: a second course of a drug at another dose is kept,
    a mention without a dose adds nothing to a row that has one."""
    out: list[Intervention] = []
    for i in interventions:
        same = [o for o in out if o.drug.name == i.drug.name]
        if any(o.dose == i.dose and o.dose_unit == i.dose_unit for o in same) or (same and i.dose is None):
            continue
        out = [o for o in out if not (o.drug.name == i.drug.name and o.dose is None)] + [i]
    return out
