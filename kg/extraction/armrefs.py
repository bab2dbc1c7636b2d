"""Where a sentence names an arm: 'atezolizumab plus cabozantinib', 'the docetaxel group',
'the WBRT + SRS group', 'SRS alone', 'the palliative care group', 'arm A', 'ZA-treated
patients', 'the radiotherapy-daily-cisplatin group'.

A sentence is scanned for the words of the arms' interventions (their names, drug names as the
dictionary finds them, the abbreviations the abstract defined, shortened forms that keep the
head noun: 'palliative care' for 'early palliative care', 'standard care' for 'standard
oncologic care') and for the arms' own aliases.  Mentions joined by 'plus', 'and', '+', '-'
form one reference; it names the arm with exactly those interventions, else the one arm that
has them all.  Two arms with the same interventions are told apart by the schedule or dose
words of the reference ('daily', 'high-dose').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from kg.extraction.arm_doses import dose_references
from kg.extraction.arm_nicknames import nicknames, with_nicknames
from kg.extraction.chemotherapy import is_chemotherapy
from kg.extraction.factors import complement
from kg.extraction.names import canonical, printed_forms
from kg.extraction.regimens import drug_mentions
from kg.model import Arm

# each word takes its own spaces: with a free '\s*' between, 200 spaces took 0.8 s to refuse
_JOIN = re.compile(
    r"(?i)\s*(?:(?:(?:chemo)?(?:radio)?therapy|treatment|regimen)\s*)?"
    r"(?:(?:plus|and|with|or|\+|/|-|combined\s+with|in\s+combination\s+with)\s*)?"
    r"(?:(?P<mod>daily|weekly|once-weekly|standard-dose|high-dose|low-dose|concurrent|sequential)(?:\s*-\s*|\s+))?"
    r"(?:(?:plus|and|with|\+|/|-)\s*)?"
)
_DID_NOT = re.compile(
    r"(?i)\b(?:those|patients|participants|subjects|(?:the\s+)?(?:men|women))\s+who\s+did\s+not"
    r"(?:\s+(?:receive|get|take|have)\b(?:\s+(?:it|them|this\s+\w+|the\s+\w+))?)?"
)
_MODIFIERS = re.compile(
    r"(?i)\b(daily|weekly|standard[- ]dose|high[- ]dose|low[- ]dose|concurrent|sequential)\b"
)
_COMPARATOR_WORDS = {"control", "standard", "comparator", "reference"}
_ROLE_WORDS = re.compile(
    r"(?i)\b(?P<role>control|standard|comparator|reference|experimental|investigational|interventional|intervention)"
    r"(?:\s+(?:treatment|therapy))?\s+(?:arm|group|(?:safety\s+)?population)s?\b"
    # '60 patients to control treatment', '18% in the controls'
    r"|\b(?P<bare>control)(?:\s+(?:treatment|therapy|condition)\b|s\b)"
)
_GENERIC_HEADS = {
    "care", "therapy", "treatment", "radiotherapy", "surgery", "staging", "group",
    "supplements", "supplement", "supplementation", "tablets", "capsules", "solution", "infusion",
}  # fmt: skip
# the numbered variant of an agent, which the text may leave off: the '-1a' of 'IFN-β-1a'
_VARIANT = re.compile(r"(?<=[^\W\d_])-\d[a-z]?$")
# 'arms A and B', 'arms 1, 2, and 3', 'arms 1-3', 'groups 1 and 2': labels sharing one plural head
_LABEL_ID = r"(?:(?-i:[A-D])|[1-4])\b"  # capitals only: 'arm B and a 2-year survival'
# an arm's label as abstracts print it: 'arm A', 'group 2', 'regimen 1', 'cohort B'
ARM_LABEL = rf"(?:arm|group|regimen|cohort)\s+{_LABEL_ID}"
_LABEL_LIST = re.compile(
    rf"(?i)\b(?P<kind>arm|group|regimen|cohort)(?P<plural>s?)\s+{_LABEL_ID}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*[-–]\s*){_LABEL_ID})+"
)


CHEMOTHERAPY = "<chemotherapy>"  # the word 'chemotherapy' in a reference, standing for drugs
# a treatment's name inside a word about patients or events, not a reference to an arm:
# 'chemotherapy-naive patients', 'platinum-refractory disease', 'a placebo-controlled trial' (but 'afatinib-related
# events' are that arm's)
_MODIFIES = re.compile(
    r"(?i)-(?:na[iï]ve|free|resistant|refractory|sensitive|pretreated|intolerant|"
    r"eligible|ineligible|controlled|experienced|exposed)\b"
)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    name: str | None  # an intervention name, or None for an alias
    arm: Arm | None  # the arm an alias names


class ArmFinder:
    """Finds the arms a sentence names (see the module docstring)."""

    def __init__(
        self, arms: list[Arm], abbreviations: dict[str, str] | None = None, groups: list[Arm] | None = None
    ) -> None:
        self.arms = arms
        self.groups = groups or []
        self._found: dict[str, list[tuple[int, int, Arm]]] = {}
        self.names = {n for a in arms for n in a.drug_names}
        # 'chemotherapy' names arms' cytotoxic drugs unless an arm gives chemotherapy by that name
        self.chemotherapy = "chemotherapy" not in self.names and any(_chemotherapy_of(a) for a in arms)
        aliases = [(alias, a) for a in [*arms, *self.groups] for alias in a.aliases]
        self.aliases = [
            (
                re.compile(
                    rf"(?<![\w-]){_flexible(alias)}s?(?![\w])", 0 if alias.isupper() else re.IGNORECASE
                ),
                arm,
            )
            for alias, arm in sorted(aliases, key=lambda x: -len(x[0]))
        ]
        terms = _terms(self.names, abbreviations or {})
        ordered = sorted(terms, key=len, reverse=True)
        self.terms = terms
        self.nicknames = nicknames(arms)
        self.pattern = (
            re.compile(
                r"(?<![\w])("
                + "|".join(_flexible(t) if t.isupper() else f"(?i:{_flexible(t)})" for t in ordered)
                + r")(?![\w])"
            )
            if ordered
            else None
        )

    def find(self, text: str) -> list[tuple[int, int, Arm]]:
        """(start, end, arm) for each arm named in the text, in order (memoised: the rules
        ask about the same sentence many times)."""
        if text not in self._found:
            self._found[text] = self._find(text)
        return list(self._found[text])

    def _hits(self, text: str) -> list[_Hit]:
        hits: list[_Hit] = self._label_list(text)
        for pattern, arm in self.aliases:
            for m in pattern.finditer(text):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    hits.append(_Hit(m.start(), m.end(), None, arm))
        taken = list(hits)
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                name = self.terms.get(m.group(1)) or self.terms.get(_key(m.group(1)))
                if name and not any(h.start <= m.start() < h.end for h in taken):
                    hits.append(_Hit(m.start(), m.end(), name, None))
        for d in drug_mentions(text):
            if d.name in self.names and not any(h.start <= d.start < h.end for h in hits):
                hits.append(_Hit(d.start, d.end, d.name, None))
            elif (
                d.name == "chemotherapy"
                and self.chemotherapy
                and not any(h.start <= d.start < h.end for h in hits)
            ):
                hits.append(_Hit(d.start, d.end, CHEMOTHERAPY, None))
        hits = [h for h in hits if not _MODIFIES.match(text, h.end)]
        return self._doses(text, sorted(hits, key=lambda h: h.start))

    def _doses(self, text: str, hits: list[_Hit]) -> list[_Hit]:
        """Arms named by a dose that tells twins apart ('the low-dose group', '15 mg/kg'),
        where no other reference holds or just precedes the dose ('bevacizumab 15 mg/kg' is
        read with its name)."""
        for start, end, arm in dose_references(self.arms, text):
            hits = [h for h in hits if not (start < h.start and h.end <= end)]  # '5 mg risedronate'
            if not any(h.start < end and start < h.end for h in hits) and not any(
                re.fullmatch(r"\s*[(\[]?\s*", text[h.end : start]) for h in hits if h.end <= start
            ):
                hits.append(_Hit(start, end, None, arm))
        return sorted(hits, key=lambda h: h.start)

    def _label_list(self, text: str) -> list[_Hit]:
        """'arms A and B, respectively', 'for arms 1-3': each label of the list names the arm
        that has it as an alias, when every label of the list does."""
        labels = {a.lower(): arm for arm in self.arms for a in arm.aliases}
        hits: list[_Hit] = []
        for m in _LABEL_LIST.finditer(text):
            kind = m.group("kind").lower()
            head = m.end("plural")
            ids = [
                (head + i.start(), head + i.end(), i.group())
                for i in re.finditer(r"\b\w\b", text[head : m.end()])
            ]
            ranged = re.search(r"(\d)\s*[-–]\s*(\d)", m.group())
            if ranged:  # 'arms 1-3': every label from the first to the last
                first, last = int(ranged.group(1)), int(ranged.group(2))
                ids = (
                    [(ids[0][0], ids[-1][1], str(k)) for k in range(first, last + 1)] if first < last else []
                )
            arms = [labels.get(f"{kind} {w.lower()}") for _a, _b, w in ids]
            if ids and all(arms) and len({id(a) for a in arms}) == len(arms):
                hits += [_Hit(a, b, None, arm) for (a, b, _w), arm in zip(ids, arms, strict=True)]
        return hits

    def _by_role(self, text: str, out: list[tuple[int, int, Arm]]) -> list[tuple[int, int, Arm]]:
        """'the control arm', 'the experimental group': the one arm the design gives that role,
        where no arm's own words are printed there."""
        for m in _ROLE_WORDS.finditer(text):
            role = (
                "comparator"
                if (m.group("role") or m.group("bare")).lower() in _COMPARATOR_WORDS
                else "experimental"
            )
            having = [a for a in self.arms if a.role == role]
            if len(having) == 1 and not any(s < m.end() and m.start() < e for s, e, _a in out):
                out.append((m.start(), m.end(), having[0]))
        return sorted(out, key=lambda x: x[0])

    def _find(self, text: str) -> list[tuple[int, int, Arm]]:
        hits = self._hits(text)
        out: list[tuple[int, int, Arm]] = []
        i = 0
        while i < len(hits):
            best = (i, hits[i].arm) if hits[i].arm is not None else None
            for j in range(i, len(hits)):
                if j > i and (
                    hits[j].arm is not None or not _JOIN.fullmatch(text[hits[j - 1].end : hits[j].start])
                ):
                    break
                arm = self._resolve(text, hits[i : j + 1])
                if arm is not None:
                    best = (j, arm)
            if best:
                out.append((hits[i].start, hits[best[0]].end, best[1]))
                i = best[0] + 1
            else:
                i += 1
        return self._negated(text, with_nicknames(self.nicknames, text, self._by_role(text, out)))

    def _with_chemotherapy(self, text: str, group: list[_Hit], others: set[str]) -> Arm | None:
        """'chemotherapy alone', 'pembrolizumab plus chemotherapy', 'the chemotherapy group':
        the word stands for each arm's cytotoxic drugs."""
        fits = [
            a for a in self.arms if _chemotherapy_of(a) and set(a.drug_names) == others | _chemotherapy_of(a)
        ]
        if len(fits) == 1:
            return fits[0]
        having = [a for a in self.arms if _chemotherapy_of(a) and others <= set(a.drug_names)]
        alone = re.match(r"(?i)[\s-]*(?:alone|only)\b", text[group[-1].end :])
        return having[0] if len(having) == 1 and not alone else None

    def _negated(self, text: str, marks: list[tuple[int, int, Arm]]) -> list[tuple[int, int, Arm]]:
        """'those who did not': the other side of the pooled group named before it."""
        for m in _DID_NOT.finditer(text):
            before = [k for k, (_s, e, _a) in enumerate(marks) if e <= m.start()]
            if not before:
                continue
            k = before[-1]
            start, end, named = marks[k]
            if not named.pooled_from:  # 'the men who received X ... those who did not': all who got X
                pooled = [
                    g
                    for g in self.groups
                    if named.label in g.pooled_from and set(g.drug_names) == set(named.drug_names)
                ]
                named = pooled[0] if pooled else named
                marks[k] = (start, end, named)
            other = complement(named, self.groups) if named.pooled_from else None
            if other is not None:
                marks.append((m.start(), m.end(), other))
        return sorted(marks, key=lambda x: x[0])

    def _resolve(self, text: str, group: list[_Hit]) -> Arm | None:
        """The arm with exactly these interventions, else the one arm that has them all, else
        the pooled group of all the arms that have them; arms alike in every name are told
        apart by the reference's schedule or dose words.  A reference that starts with an
        alias looks among that alias's arms ('standard-dose ... and cetuximab')."""
        names = {h.name for h in group if h.name}
        if CHEMOTHERAPY in names:
            return self._with_chemotherapy(text, group, names - {CHEMOTHERAPY})
        lead = group[0].arm
        if lead is not None:
            if not names:
                return lead
            pool = [a for a in self.arms if a.label in lead.pooled_from] if lead.pooled_from else [lead]
            having = [a for a in pool if names <= set(a.drug_names)]
            if len(having) == 1:
                return having[0]
            # 'chemotherapy plus bevacizumab' where 'chemotherapy' is one arm's alias: the arm
            # that adds the named interventions to that arm's own
            added = [a for a in self.arms if set(a.drug_names) == set(lead.drug_names) | names]
            return added[0] if len(added) == 1 and not lead.pooled_from else None
        exact = [a for a in self.arms if set(a.drug_names) == names]
        if len(exact) == 1:
            return exact[0]
        if (
            len(exact) > 1
        ):  # told apart by a dose or schedule word, else all of them pooled ('docetaxel patients')
            window = text[max(0, group[0].start - 25) : group[-1].end + 25]
            told = _by_dose(text[group[-1].end :], exact) or _by_modifier(window, exact)
            return told if told or _MODIFIERS.search(window) else self._pooled(exact)
        having = [a for a in self.arms if names <= set(a.drug_names)]
        labels = {a.label for a in having}
        pooled = [g for g in self.groups if set(g.pooled_from) == labels and len(labels) < len(self.arms)]
        if len(having) > 1 and pooled:
            return pooled[0]
        control = _control(having)
        if control is not None and names <= set(control.drug_names):
            return control  # 'the OSC group' in OSC + WBRT vs OSC: the arm without the add-on
        if len(having) == 1 and not re.match(r"(?i)\s*(?:alone|only)\b", text[group[-1].end :]):
            return having[0]
        return None

    def _pooled(self, arms: list[Arm]) -> Arm | None:
        labels = {a.label for a in arms}
        return next(
            (g for g in self.groups if set(g.pooled_from) == labels and len(labels) < len(self.arms)), None
        )


def _control(arms: list[Arm]) -> Arm | None:
    """Of two arms where one gives everything the other does and more (A + B vs B), the one
    without the addition."""
    if len(arms) != 2:
        return None
    small, large = sorted(arms, key=lambda a: len(set(a.drug_names)))
    return small if set(small.drug_names) < set(large.drug_names) else None


def _chemotherapy_of(arm: Arm) -> set[str]:
    return {n for n in arm.drug_names if is_chemotherapy(n)}


def _by_dose(after: str, arms: list[Arm]) -> Arm | None:
    """'docetaxel 75 mg/m(2) patients', 'paclitaxel plus bevacizumab (15 mg/kg)': the one arm that
    gives the dose printed after the name."""
    m = re.match(r"\s*\(?\s*(\d+(?:\.\d+)?)\s*(?:mg|g|µg|Gy)\b", after)
    if not m:
        return None
    dose = float(m.group(1))
    hits = [a for a in arms if any(i.dose is not None and float(i.dose) == dose for i in a.interventions)]
    return hits[0] if len(hits) == 1 else None


def _by_modifier(window: str, arms: list[Arm]) -> Arm | None:
    words = {w.lower().replace(" ", "-") for w in _MODIFIERS.findall(window)}
    if not words:
        return None

    def fits(arm: Arm) -> bool:
        said = " ".join([*arm.aliases, *(i.frequency or "" for i in arm.interventions)]).lower()
        said = said.replace("once daily", "daily").replace("every week", "weekly").replace(" ", "-")
        return any(w in said for w in words)

    hits = [a for a in arms if fits(a)]
    return hits[0] if len(hits) == 1 else None


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


def _flexible(term: str) -> str:
    """The term as a pattern in which a space and a hyphen stand for each other."""
    return r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", term))


def _terms(names: set[str], abbreviations: dict[str, str]) -> dict[str, str]:
    """Printed forms -> intervention name: the name, the name with a defined abbreviation
    put back ('low-dose CT'), and shortened forms that keep the head noun and one more word
    of a multi-word name, when they fit one name only."""
    terms: dict[str, str] = {}
    shorter: dict[str, set[str]] = {}
    for name in names:
        terms[_key(name)] = name
        for printed in printed_forms(name):
            terms.setdefault(_key(printed), name)
        for short, long in abbreviations.items():
            long_c = _key(canonical(long))
            # 'multi-ingredient performance supplements (MIPS)' for the arm 'multi-ingredient performance supplement'
            if long_c not in _key(name) and re.search(r"[^s]s$", long_c):
                long_c = long_c[:-1]
            if long_c and long_c in _key(name):
                printed = _key(name).replace(long_c, "\0")
                terms[short if printed == "\0" else _key(printed.replace("\0", short))] = name
        words = _key(name).split()
        # 'IFN-β' for 'IFN-β-1a', 'interferon beta' for 'interferon beta-1a'
        if variant := _VARIANT.search(name):
            shorter.setdefault(_key(name[: variant.start()]), set()).add(name)
        if not words[-1].endswith("s"):  # 'multivitamins'
            terms.setdefault(f"{_key(name)}s", name)
        others = {_key(n) for n in names if n != name}
        if 2 <= len(words) <= 6 and not drug_mentions(name):
            for size in range(2, len(words)):
                for combo in combinations(words[:-1], size - 1):
                    # 'multivitamin supplements' is the arm 'multivitamin', not 'multivitamin-mineral supplements'
                    if " ".join(combo) not in others:
                        shorter.setdefault(" ".join([*combo, words[-1]]), set()).add(name)
            if words[-1] not in _GENERIC_HEADS:
                shorter.setdefault(words[-1], set()).add(name)
    for form, owners in shorter.items():
        if len(owners) == 1 and form not in terms:
            terms[form] = next(iter(owners))
    for short, long in abbreviations.items():
        # 'GDT' for 'post-operative goal-directed therapy', defined as 'goal-directed therapy (GDT)':
        # the abbreviation of a shortened form stands for the one name the form shortens
        owners = shorter.get(_key(canonical(long)), set())
        if len(owners) == 1 and short not in terms:
            terms[short] = next(iter(owners))
    return terms


__all__ = ["ARM_LABEL", "ArmFinder", "distinct"]


def distinct(arms: list[Arm | None]) -> list[Arm]:
    """Arms in order of first mention, each once (arms are not hashable)."""
    out: list[Arm] = []
    for a in arms:
        if a is not None and all(a is not b for b in out):
            out.append(a)
    return out
