"""The drugs a generic 'chemotherapy' in an arm stands for, where the abstract names them: 'Chemotherapy
was cisplatin ...', '..., and chemotherapy included vindesine, cyclophosphamide, cisplatin, and
lomustine', 'chemotherapy (two cycles of cisplatin [...] and etoposide [...])', or the drugs the
arm's label received ('Patients randomly assigned to group 1 received cisplatin (...) and
vinblastine (...) and then began radiation therapy'). The answer sheet of a meta-analysis names
those drugs, not the word.
"""

from __future__ import annotations

import re

from kg.extraction.armrefs import ARM_LABEL
from kg.extraction.chemotherapy import is_chemotherapy
from kg.extraction.regimens import cycle_schedule, drug_mentions, intervention
from kg.extraction.text import Sentence, depth_map
from kg.model import Arm, Intervention


def expand_generic(arms: list[Arm], sents: list[Sentence], abbreviations: dict[str, str]) -> None:
    """'Chemotherapy was cisplatin ... and vinorelbine ...', 'randomly assigned to concurrent
    induction chemotherapy (two cycles of cisplatin [...] and etoposide [...]) plus radiotherapy':
    name the drugs of the generic 'chemotherapy' the arms give."""
    if not any("chemotherapy" in arm.drug_names for arm in arms):
        return
    # what the abstract abbreviates its chemotherapy to: 'preoperative chemotherapy (PCT)', then 'PCT consisted
    # of two cycles of mitomycin ...'
    called = sorted(short for short, long in abbreviations.items() if re.search(r"(?i)\bchemotherapy$", long))
    said = re.compile(
        _CHEMOTHERAPY_WAS.pattern.replace(
            "chemotherapy", f"(?:{'|'.join(['chemotherapy', *map(re.escape, called)])})"
        )
    )
    regimens = [m.group(1) for s in sents for m in said.finditer(s.norm) if _lists_drugs(m.group(1))]
    regimens += [bracket for s in sents for bracket in _chemotherapy_brackets(s.norm)]
    text, named = next(((text, rows) for text in regimens if (rows := _named_rows(text))), ("", []))
    if not named:
        return
    # 'pemetrexed 500 mg/m2 or docetaxel 75 mg/m2 [investigator choice]': alternatives, not a combination
    choice = len(named) > 1 and bool(re.search(r"(?i)\bor\b|\bchoice\b", text))
    for arm in arms:
        if "chemotherapy" in arm.drug_names:
            alone = len(arm.drug_names) == 1
            if choice and not alone:
                continue  # 'A or B plus C' would read as a choice of all three
            arm.choice = arm.choice or choice
            k = arm.drug_names.index("chemotherapy")
            arm.interventions[k : k + 1] = [i.model_copy(deep=True) for i in named]
            # the words the text used for this arm: 'chemotherapy plus cetuximab' (a short name, once)
            alias = "chemotherapy" if alone else re.sub(r"(?i)^(?:just|only|the)\s+", "", arm.label)
            if alias not in arm.aliases and len(alias.split()) <= 8:
                arm.aliases.append(alias)


def expand_abbreviated(arms: list[Arm], sents: list[Sentence], abbreviations: dict[str, str]) -> None:
    """'cetuximab plus taxane/carboplatin (TC)' ... 'TC consisted of paclitaxel (225 mg/m2) or docetaxel (75
    mg/m2), at the investigator's discretion, and carboplatin (area under the curve = 6) ...': the drugs an
    abbreviated regimen is said to consist of, each with its own dose, stand in the arms for the drugs its
    long form named (the drug class 'taxane' names none); alternatives are all listed, as for an arm of
    the investigator's choice."""
    for short, long in abbreviations.items():
        named = {m.name for m in drug_mentions(long)}
        if not named or drug_mentions(short):
            continue
        said = re.compile(rf"(?<![\w-]){re.escape(short)}\s+{_CONSISTED}\s+([^;]+)")
        texts = [m.group(1) for s in sents if short in s.norm for m in said.finditer(s.norm)]
        listed = (_named_rows(text) for text in texts if _lists_drugs(text))
        rows = next((r for r in listed if named <= {x.drug.name for x in r}), [])
        if len(rows) <= len(named):
            continue
        for row in rows:  # '... and carboplatin (...) on day 1 every 3 weeks': the regimen's cycle
            row.frequency = row.frequency or rows[-1].frequency
        for arm in arms:
            if named <= set(arm.drug_names):
                kept = [i for i in arm.interventions if i.drug.name not in named]
                at = next(k for k, i in enumerate(arm.interventions) if i.drug.name in named)
                arm.interventions = kept[:at] + [r.model_copy(deep=True) for r in rows] + kept[at:]


# 'TC consisted of ...', 'PCT comprised ...': what an abbreviated regimen is
_CONSISTED = r"(?:consisted\s+of|consisting\s+of|comprised|was\s+composed\s+of|included)"


# 'Chemotherapy was cisplatin ...', '..., and chemotherapy included vindesine, cyclophosphamide, ...':
# what the word stands for, to the end of its clause
_CHEMOTHERAPY_WAS = re.compile(
    r"(?i)\bchemotherapy\s+(?:was|consisted\s+of|consisting\s+of|comprised|comprising|included|including)\s+([^;]+)"
)


def _lists_drugs(text: str) -> bool:
    """Whether a clause opens on the drugs it names ('vindesine, cyclophosphamide, ...', 'two
    cycles of cisplatin ...'), not on what was done with the chemotherapy ('was given in ...')."""
    mentions = drug_mentions(text)
    return (
        bool(mentions)
        and re.fullmatch(
            r"(?i)(?:(?:a|the|either|combination|of|with|(?:\w+|\d+)\s+(?:cycles?|courses?)|\W)\s*)*",
            text[: mentions[0].start],
        )
        is not None
    )


def _chemotherapy_brackets(text: str) -> list[str]:
    """What the brackets right after the word 'chemotherapy' hold: '(two cycles of cisplatin
    [50 mg/m2 on days 1, 8, 29, and 36] and etoposide [...])'."""
    out = []
    for m in re.finditer(r"(?i)\bchemotherapy\s*\(", text):
        depth = depth_map(text[m.end() - 1 :])
        end = next((k for k, d in enumerate(depth) if k and d == 0), None)
        if end is not None:
            out.append(text[m.end() : m.end() - 1 + end - 1])
    return out


def _named_rows(text: str) -> list[Intervention]:
    """The drugs a regimen's text names, each with its own dose and schedule."""
    mentions = drug_mentions(text)
    rows: list[Intervention] = []
    for i, d in enumerate(mentions):
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        row = intervention(d.name, text[d.end : end], "")[0]
        row.frequency = cycle_schedule(text[d.end : end], text[d.end :], row.frequency)
        rows.append(row)
    return rows


_LABEL = re.compile(rf"(?i)^{ARM_LABEL}$")
# 'Patients randomly assigned to group 1 received ...', 'Patients in arm B were given ...'
_LABEL_RECEIVED = r"(?i)\b{label}\b(?:\s*\([^()]*\))?\s+(?:patients\s+)?(?:received|were\s+given|were\s+treated\s+with)\s+([^;.]+)"


def expand_labelled_generic(arms: list[Arm], sents: list[Sentence]) -> bool:
    """An arm's generic 'chemotherapy' is the cytotoxic drugs the sentences say its label
    received, when no other arm has those drugs. Whether an arm changed (its label is then
    out of date)."""
    changed = False
    for arm in arms:
        if "chemotherapy" not in arm.drug_names:
            continue
        others = {n for a in arms if a is not arm for n in a.drug_names}
        for label in (a for a in arm.aliases if _LABEL.match(a)):
            pattern = re.compile(_LABEL_RECEIVED.format(label=re.escape(label)))
            found = [m.group(1) for s in sents for m in pattern.finditer(s.norm)]
            rows = next((r for text in found if (r := _cytotoxic_rows(text))), [])
            if rows and not {r.drug.name for r in rows} & others:
                k = arm.drug_names.index("chemotherapy")
                arm.interventions[k : k + 1] = rows
                changed = True
                break
    return changed


def _cytotoxic_rows(text: str) -> list[Intervention]:
    """The cytotoxic drugs a clause gives, in order, when it opens on them."""
    return [r for r in _named_rows(text) if is_chemotherapy(r.drug.name)] if _lists_drugs(text) else []


__all__ = ["expand_abbreviated", "expand_generic", "expand_labelled_generic"]
