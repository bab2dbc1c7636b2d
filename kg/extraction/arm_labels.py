"""Labels an abstract gives its arms: 'arm A', 'group 1', 'regimen 2'.

Results often name arms only by a label the design defined: 'In the concurrent arm (arm A),
RT was started on day 4', 'Patients randomly assigned to group 1 received cisplatin ... and
then began radiation therapy'. A label becomes the alias of the arm the words beside it name:
the reference right before its bracket, else the treatment right after 'received', 'were
given' or a colon. A reference the finder does not know is resolved by a word only one arm's
names hold ('the concurrent arm (arm A)'). A label no arm can be found for, or one that
would name two arms, is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import Sentence, depth_map
from kg.model import Arm

_KIND = r"(?:arm|group|regimen|cohort)"
_ID = r"(?:[A-D]|[1-4]|I{1,3}|IV)(?![\w-])"
# '<reference> (arm A)', '(arm A; n = 81)', '(225 mg/m(2); days 1 and 22; arm A)': the label as the
# whole bracket, its first item or its last
_INNER = r"(?:[^()]|\([^()]*\))*?"
_BRACKETED = re.compile(rf"(?i)\(\s*(?:{_INNER};\s*)?(?P<label>{_KIND}\s+{_ID})\s*(?:;{_INNER})?\)")
# '(1,250 mg/m2 on days 1 and 8; gemcitabine arm)', '(area under the curve 5 on day 1; GC arm)': the
# name the text gives the arm, as the last item of the bracket after its regimen
_NAMED = re.compile(rf"\((?:{_INNER};\s*)(?P<name>[A-Za-z][\w/+-]{{0,20}})\s+(?:arm|group)\s*\)")
# 'group 1 received ...', 'Arm A: ...', 'arm B (n = 40) was given ...', 'patients in group 1 underwent resection',
# 'Group A (36 patients) took Plavix', 'Group A patients were subjected to laparoscopic appendectomy'
_DEFINED = re.compile(
    rf"(?i)\b(?P<label>{_KIND}\s+{_ID})(?:\s*\([^()]*\))?\s*(?:patients\s+)?"
    r"(?::|,|\b(?:received|underwent|took|used)\b|\b(?:were|was)\s+(?:given|treated\s+with|subjected\s+to)|"
    r"\bconsisted\s+of)\s*"
)
# 'In group I (120 people) single-dose intravenous lidocaine (1.5 mg/kg) was administered': what the
# clause after the label says was given
_GIVEN_IN = re.compile(
    rf"(?i)\bin\s+(?:the\s+)?(?P<label>{_KIND}\s+{_ID})(?:\s*\([^()]*\))?\s*,?\s*"
    r"(?P<what>[^,;]{3,80}?)\s+(?:was|were)\s+(?:administered|given|used|injected|infused|applied)\b"
)
_STOP_WORDS = {"the", "a", "an", "in", "of", "and", "with", "arm", "group", "patients", "plus", "to", "or"}
# '10 Gy single fraction (regimen 1)', '30 Gy in 10 fractions (regimen 2)': how the named dose is given
_SCHEDULE = r"(?:\s+(?:alone|only|single|fractions?|daily|weekly|once|twice|in|x|\d+(?:\.\d+)?|every|days?|weeks?|per))*"
_UNITS = {"mg", "kg", "gy", "g", "m2", "auc"}  # a dose's unit is every dose's, not one arm's word


def label_arms(arms: list[Arm], sents: Iterable[Sentence], abbreviations: dict[str, str]) -> None:
    """Add each label the sentences define to its arm's aliases (see the module docstring)."""
    if len(arms) < 2:
        return
    finder = ArmFinder(arms, abbreviations)
    found: dict[str, Arm | None] = {}
    names: dict[str, Arm | None] = {}
    seen: set[str] = set()
    for s in sents:
        text = s.norm
        seen |= {_key(m.group()) for m in re.finditer(rf"(?i)\b{_KIND}\s+{_ID}\b", text)}
        for m in _BRACKETED.finditer(text):
            inside = {id(a): a for _s, _e, a in finder.find(m.group().replace(m.group("label"), " "))}
            named = next(iter(inside.values())) if len(inside) == 1 else None
            before = named or _named_before(finder, arms, text, m.start())
            _note(
                found, _key(m.group("label")), before or _listed_before(arms, text, m.start(), abbreviations)
            )
        for m in _NAMED.finditer(text):
            if not finder.find(m.group("name")):
                _note(names, m.group("name"), _named_before(finder, arms, text, m.start()))
        for m in _DEFINED.finditer(text):
            _note(found, _key(m.group("label")), _named_after(finder, text, m.end()))
        for m in _GIVEN_IN.finditer(text):
            given = {id(a): a for _s, _e, a in finder.find(m.group("what"))}
            _note(found, _key(m.group("label")), next(iter(given.values())) if len(given) == 1 else None)
    found = {label: arm for label, arm in found.items() if arm is not None and _one_label(label, arm, found)}
    _the_other(arms, found, seen)
    taken = {a.lower() for arm in arms for a in arm.aliases}
    for label, arm in [*found.items(), *names.items()]:
        if arm is not None and label.lower() not in taken:
            arm.aliases.append(label)


def _key(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower())


def _note(found: dict[str, Arm | None], label: str, arm: Arm | None) -> None:
    """One label, one arm: a label seen beside two arms names neither."""
    if arm is None:
        return
    if label in found and found[label] is not arm:
        found[label] = None
    else:
        found.setdefault(label, arm)


def _one_label(label: str, arm: Arm, found: dict[str, Arm | None]) -> bool:
    """An arm has one label of a kind: 'regimen 1' and 'regimen 2' both beside one arm name neither."""
    kind = label.split()[0]
    own = [_key(a) for a in arm.aliases if re.fullmatch(rf"(?i){_KIND}\s+{_ID}", a)]
    if own:
        return own == [label]
    return not any(o != label and o.split()[0] == kind and a is arm for o, a in found.items())


def _the_other(arms: list[Arm], found: dict[str, Arm], seen: set[str]) -> None:
    """When the text uses as many labels of a kind as there are arms ('arm 1' to 'arm 3') and
    every arm but one has its label (from its words or the design), the label left names the
    arm left."""
    for kind in {label.split()[0] for label in seen}:
        of_kind = {o for o in seen if o.split()[0] == kind}
        owned = {label: arm for label, arm in found.items() if label.split()[0] == kind}
        owned |= {_key(a): arm for arm in arms for a in arm.aliases if _key(a) in of_kind}
        left = [o for o in of_kind if o not in owned]
        unlabelled = [a for a in arms if all(a is not b for b in owned.values())]
        if len(of_kind) == len(arms) and len(left) == 1 and len(unlabelled) == 1:
            found[left[0]] = unlabelled[0]


def _named_before(finder: ArmFinder, arms: list[Arm], text: str, pos: int) -> Arm | None:
    marks = [
        (e, a)
        for _s, e, a in finder.find(text[:pos])
        if re.fullmatch(rf"\s*(?:arm|group)?{_SCHEDULE}\s*", text[e:pos])
    ]
    if marks:
        return marks[-1][1]
    words = re.findall(r"[a-z][\w-]*", text[max(0, pos - 40) : pos].lower())[-3:]
    for word in reversed(words):
        if word in _STOP_WORDS or word in _UNITS:
            continue
        owners = [a for a in arms if word in _words(a)]
        if len(owners) == 1:
            return owners[0]
    return None


# where the treatments of one arm start, in a design sentence: after 'assigned to', an 'or', a ';'
_ITEM_START = re.compile(r"(?i)\b(?:to|or|versus|vs\.?|received|receive)\s|;\s*")


def _listed_before(arms: list[Arm], text: str, pos: int, abbreviations: dict[str, str]) -> Arm | None:
    """The arm whose treatments the words before a label's bracket list, since the item of the
    design's list began: 'assigned to carboplatin ... and pemetrexed ... and TRT (70 Gy; arm A)
    or the same treatment with cetuximab ... (arm B)'. The arm must give every treatment named
    there; of those that do, the one that gives least else."""
    depth = depth_map(text[:pos])
    starts = [m.end() for m in _ITEM_START.finditer(text, 0, pos) if depth[m.start()] == 0]
    item = text[starts[-1] if starts else 0 : pos].lower()
    for short, long in abbreviations.items():
        item = re.sub(rf"(?i)(?<![\w-]){re.escape(short)}(?![\w-])", long.lower(), item)
    names = [{n.lower() for n in a.drug_names} for a in arms]
    named = {n for own in names for n in own if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", item)}
    givers = [k for k, own in enumerate(names) if named and named <= own]
    fewest = [k for k in givers if len(names[k]) == min(len(names[g]) for g in givers)]
    return arms[fewest[0]] if len(fewest) == 1 else None


def _named_after(finder: ArmFinder, text: str, pos: int) -> Arm | None:
    """The arm named first after a label's verb: right after it, or after words of its dose or
    schedule in the same clause ('received a loading dose of dexmedetomidine')."""
    marks = finder.find(text[pos : pos + 120])
    if not marks:
        return None
    start, _end, arm = marks[0]
    return arm if start <= 12 or (start <= 50 and not _CLAUSE_BREAK.search(text, pos, pos + start)) else None


# what ends a label's clause before the arm it names: a comma, a semicolon, another label, 'whereas'
_CLAUSE_BREAK = re.compile(rf"(?i)[,;]|\b(?:{_KIND}\s+{_ID}|whereas|while|and|or)\b")


def _words(arm: Arm) -> set[str]:
    names = [arm.label, *arm.aliases, *arm.drug_names]
    return {w for n in names for w in re.findall(r"[a-z][\w-]*", n.lower())}
