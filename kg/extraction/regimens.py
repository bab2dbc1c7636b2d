"""Regimens as printed: dose and unit, route, schedule, the steps of a dose that changes
('21 mg/day reducing to 7 mg/day', 'a starting dose of 400 mg/m2 ... then 250 mg/m2 per
week'), and radiation doses in Gy with their fractions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kg.extraction.lexicon import find_drugs, words_to_int
from kg.extraction.text import NUM, dec
from kg.model import Drug, Intervention

# the units a drug's dose is printed in (not a radiation dose: see ``radiation``)
DOSE_UNIT = r"[µμm]mol/kg|mg/m2|mg/kg/hr?|mg/kg|mg|µg/m2|[µμ]g/kg/(?:min|hr?)|[µμ]g/kg|mcg/kg|ng/m[lL]|µg|μg|mcg|microg|g/m2|g|IU|U/m2|U|ml/kg|ml(?![/\w])(?!\s*(?:min|per\b|/))|mL(?![/\w])(?!\s*(?:min|per\b|/))|drops|litre|liter"
# 'AUC 5', 'area under the curve dose of 6 mg/mL per minute', 'area under the serum concentration-time curve, 5',
# 'area under the curve [AUC], 6', 'area under the plasma concentration time curve [AUC] = 6'
# not a figure's spread ('tiotropium 110 ± 20 mL': a measured mean, not a dose of 20 mL)
_DOSE = re.compile(
    rf"(?i)(?:\bat\s+a\s+dose\s+of\s+)?(?<!±\s)(?<!±)\b({NUM})\s*({DOSE_UNIT})\b|(?:\bAUC[)\]]?|\barea\s+under\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?curve(?:\s*[(\[]AUC[)\]])?(?:\s+dose)?)\s*(?:of\s+|=\s*|,\s*)?({NUM})"
)
# '100 mg/m2 nab-paclitaxel', '2.5 ml of 0.5% bupivacaine': the dose before the drug, with its strength
_LEAD_DOSE = re.compile(rf"(?i)\b({NUM})\s*({DOSE_UNIT})\s*(?:of\s+)?(?:{NUM}\s*%\s*)?$")
# a later step of the same drug's dose: 'reducing to 7 mg/day', 'followed by weekly doses of 250'
_STEP = re.compile(
    r"(?i)\b(?:reduc\w*|taper\w*|decreas\w*|increas\w*|titrat\w*|uptitrat\w*|followed\s+by|then|thereafter|"
    r"subsequently|onwards|maintenance)\b"
)
# upper-case abbreviations (IV, PO, SC) only as printed; words in any case
_ROUTES = {
    "intravenous": re.compile(r"(?i:\bintravenous(?:ly)?\b|\bi\.v\.)|\bIV\b"),
    "oral": re.compile(r"(?i:\boral(?:ly)?\b|\bby mouth\b)|\bPO\b"),
    "subcutaneous": re.compile(r"(?i:\bsubcutaneous(?:ly)?\b)|\bSC\b"),
    "intramuscular": re.compile(r"(?i)\bintramuscular(?:ly)?\b"),
    "transdermal": re.compile(r"(?i)\btransdermal(?:ly)?\b|\bpatch(?:es)?\b"),
    "inhaled": re.compile(r"(?i)\binhal(?:ed|ation)\b"),
    "intrathecal": re.compile(r"(?i)\bintrathecal(?:ly)?\b"),
    "topical": re.compile(r"(?i)\btopical(?:ly)?\b"),
    "intrauterine": re.compile(r"(?i)\bintrauterine\b"),
}
# a count of weeks or days, in digits or words ('every three weeks')
_N = r"(\d+|two|three|four|five|six|eight)"
# the length of a cycle: 'on day 1 of each 4 week cycle', 'of a 21-day treatment cycle', 'a 3-week
# schedule'
_CYCLE = r"(?:treatment\s+)?(?:cycles?|schedule)\b"
# a schedule stated as one of two ('a 3- or 4-week cycle', 'every 3 or 4 weeks'): no one
# interval, and no later schedule is this one's
_EITHER = re.compile(
    rf"(?i)\b(?:every\s+)?\d+-?\s+or\s+\d+(?:\s+|-)(?:weeks?|days?)\s+{_CYCLE}|\bevery\s+\d+\s+or\s+\d+\s+weeks\b"
)
_FREQUENCIES = tuple(
    (re.compile(pattern, re.IGNORECASE), template)
    for pattern, template in (
        (
            rf"\b(?:once\s+)?every\s+{_N}(?:\s+|-)weeks?\b|\bq\s?(\d)\s?(?:w|wks?|weeks?)\b|\b{_N}-weekly\b|\b(\d)\s+weekly\b"
            r"|\b(?:cycles|courses)\s+(?:of\s+[\w\s-]{0,40}?)?(?:given\s+)?(?:separated\s+by|at\s+intervals\s+of)\s+(\d+)\s+weeks\b"
            rf"|\bat\s+{_N}-week\s+intervals\b|\b{_N}(?:\s+|-)weeks?\s+{_CYCLE}",
            "every {} weeks",
        ),
        (r"\btwice\s+(?:weekly|a\s+week|per\s+week)\b", "twice weekly"),  # not every week
        (
            r"\b(?:once\s+)?(?:every\s+week|weekly|once\s+a\s+week|per\s+week|a\s+week|each\s+week)\b|\bqw\b"
            r"|\bfirst\s+day\s+of\s+each\s+(?:treatment\s+)?week\b",
            "every week",
        ),
        (
            r"\b(?:once\s+)?(?:every\s+month|monthly|once\s+a\s+month|every\s+4\s+weeks?\s+\(monthly\))\b",
            "every month",
        ),
        (r"\btwice[\s-](?:daily|a\s+day|per\s+day)\b|\bbid\b|\bb\.i\.d\b", "twice daily"),
        # '40 drops 4 times daily', 'three times a day': not once daily
        (
            r"\b(three|four|five|six|[3-6])\s+times\s+(?:daily|a\s+day|per\s+day)\b|\b(thrice)\s+daily\b",
            "{} times daily",
        ),
        (
            r"\b(?:once\s+)?(?:daily|a\s+day|per\s+day|each\s+day)\b|\bqd\b|(?<=mg)/day\b|(?<=mg)/d\b",
            "once daily",
        ),
        (rf"\b(?:once\s+)?every\s+(\d+)\s+days?\b|\b(\d+)(?:\s+|-)days?\s+{_CYCLE}", "every {} days"),
        # 'cefotaxime 2 g q 8 hr', 'every 8 hours'
        (r"\bq\s?(\d+)\s?h(?:ours?|rs?)?\b|\bevery\s+(\d+)\s+h(?:ours?|rs?)\b", "every {} hours"),
    )
)
_TIMES = {"3": "three", "4": "four", "5": "five", "6": "six", "thrice": "three"}
_NEXT_ROUTE = re.compile(r"(?i)\b(?:transdermal|oral|intravenous|subcutaneous|intramuscular|inhaled)\s*$")
_BEFORE_FREQUENCY = re.compile(r"(?i)\b(monthly|weekly|daily|twice[- ]daily)\s*(?:\w+\s+){0,2}$")
_GY = re.compile(rf"(?i)\b({NUM})\s*-?\s*Gy\b")  # "8 Gy", "the 8-Gy arm"
_PER_FRACTION = re.compile(
    rf"(?i)\b{NUM}\s*Gy\s+(?:per\s+fraction|(?:given|delivered|administered)\s+\w+\s+times)|\bfractions\s+of\s+{NUM}\s*Gy"
)
# '10 x 3 Gy', 'the 2 × 8-Gy arm': a radiation course as its fractions times the dose of each
COURSE = re.compile(rf"(?i)(?<![\w.,/-])(?P<n>\d+)\s*[x×]\s*(?P<value>{NUM})\s*-?\s*(?P<unit>Gy)\b")
_TOTAL_FRACTIONS = re.compile(r"(?i)\btotal\s+of\s+(\d+)\s+fractions\b")
_FRACTIONS = re.compile(
    r"(?i)\b(?:in|over|/)\s*(\d+|\w+)\s+(?:daily\s+|weekly\s+)?(?:fractions|fr)\b|\bgiven\s+(\d+|\w+)\s+times\b"
    r"|\b(\d+)\s+fractions\b"
)


@dataclass(frozen=True)
class _Mention:
    name: str
    start: int
    end: int


# the drug abbreviations of the document being read ('NRT' -> nicotine): set by
# ``reading_document`` so every rule that looks for drugs sees them
_ABBREVIATIONS: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("drug_abbreviations", default=())


@contextmanager
def reading_document(abbreviations: dict[str, str]) -> Iterator[None]:
    """Within the block, drug mentions include the document's own drug abbreviations."""
    token = _ABBREVIATIONS.set(tuple(sorted(abbreviations.items())))
    try:
        yield
    finally:
        _ABBREVIATIONS.reset(token)


def drug_mentions(text: str) -> list[_Mention]:
    return list(_drug_mentions(text, _ABBREVIATIONS.get()))


@lru_cache(maxsize=1024)
def _drug_mentions(text: str, abbreviations: tuple[tuple[str, str], ...]) -> tuple[_Mention, ...]:
    """Cached: the same sentence is searched for drugs by several rules."""
    found = find_drugs(text, dict(abbreviations) if abbreviations else None)
    return tuple(_Mention(name, start, end) for name, start, end in found)


def intervention(drug: str, after: str, before: str = "") -> list[Intervention]:
    """One drug's regimen from the words after it ('40 mg orally once daily') or a dose
    printed right before it ('100 mg/m2 nab-paclitaxel'); one row per step of a dose that
    changes ('21 mg/day reducing to 7 mg/day'), the first row first."""
    lead = _LEAD_DOSE.search(before)
    steps = _steps(after, lead is not None)
    own = _NEXT_ROUTE.sub("", after)  # 'A with a regimen of transdermal B': B's route
    route = next((r for r, p in _ROUTES.items() if p.search(own)), None) or route_before(before)
    rows = []
    for k, text in enumerate(steps):
        dose = unit = None
        m = _DOSE.search(text)
        if k == 0 and lead and (not m or m.start() > 0):
            dose, unit = dec(lead.group(1)), _unit(lead.group(2))
        elif m and m.group(1):
            dose, unit = dec(m.group(1)), _unit(m.group(2))
        elif m:
            dose, unit = dec(m.group(3)), "AUC"
        if k and dose is None:
            continue
        schedule = frequency(text) or (frequency_before(before) if k == 0 else None)
        rows.append(
            Intervention(drug=Drug(name=drug), dose=dose, dose_unit=unit, route=route, frequency=schedule)
        )
    return rows


def _steps(after: str, lead: bool = False) -> list[str]:
    """The regimen text cut before each later step that prints a dose of its own (the first
    step's dose may be printed before the drug: '400 mg/m2 cetuximab ... followed by ...')."""
    cuts = [0]
    for m in _STEP.finditer(after):
        dosed = _DOSE.search(after, cuts[-1], m.start()) or (lead and len(cuts) == 1)
        if m.start() > cuts[-1] and _DOSE.search(after, m.end(), m.end() + 60) and dosed:
            cuts.append(m.start())
    return [after[a:b] for a, b in zip(cuts, [*cuts[1:], len(after)], strict=True)]


def _unit(text: str) -> str:
    return text.lower().replace("μg", "µg").replace("mcg", "µg").replace("microg", "µg").replace("iu", "IU")


def route_before(text: str) -> str | None:
    """'oral treatment with crizotinib', 'intravenous ZA': a route adjective among the few
    words before the drug."""
    tail = " ".join(text.split()[-4:])
    return next((r for r, p in _ROUTES.items() if p.search(tail)), None)


def frequency_before(text: str) -> str | None:
    """'monthly subcutaneous denosumab': a schedule word among the few words before the drug."""
    m = _BEFORE_FREQUENCY.search(text)
    return frequency(m.group(1)) if m else None


@lru_cache(maxsize=1024)
def frequency(text: str) -> str | None:
    """The first schedule the text states ('every week for 8 weeks, and then every 6 weeks'); kept for
    the texts asked last (the readers of a page ask for the same text's schedule about twice)."""
    hits = []
    for pattern, template in _FREQUENCIES:
        m = pattern.search(text)
        if m:
            n = next((g for g in m.groups() if g), None)
            if template == "{} times daily":  # 'four times daily', as 'twice daily' is printed
                n = _TIMES.get(n.lower(), n)
            else:
                n = n if n is None or n.isdigit() else str(words_to_int(n))
            if n and template == "every {} days" and int(n) % 7 == 0:  # 'every 21 days' is every 3 weeks
                n, template = str(int(n) // 7), "every {} weeks"
            hits.append((m.start(), template.format(n) if n else template))
    either = _EITHER.search(text)
    if either and (not hits or either.start() <= min(hits)[0]):
        return None
    return min(hits)[1] if hits else None


# what stands between the drugs of one list that a schedule printed after it is every drug's: their doses,
# routes and infusion times ('paclitaxel 200 mg/m(2) intravenously over 3 hours and carboplatin ... every 3
# weeks'), not the days each is given on ('cisplatin (120 mg/m2) on days 1, 29, and 57, and vinorelbine
# (30 mg/m2/wk)')
DOSES_ONLY = re.compile(
    r"(?i)(?:[\s\d.,()\[\]=\-–]|mg/m2|mg/kg|mg/ml|g/m2|per\s+min(?:ute)?|mg|µg|g|auc|area\s+under\s+(?:the\s+)?curve|"
    r"(?:a|an)\s+|dose\s+of|at|plus|and|or|\+|intravenously|orally|i\.v\.|"
    r"over\s+\d+(?:\s*(?:to|-)\s*\d+)?\s*(?:hours?|h|minutes?|min)\b)*"
)


_SCHEDULE_WORD = r"(?:every|once|twice|daily|weekly|each)\b"  # where a printed schedule starts
_SCHEDULE_START = re.compile(rf"(?i){_SCHEDULE_WORD}")


def joined_schedule(text: str, mentions, i: int, together: Callable[[str], bool]) -> str | None:
    """The schedule printed right after the drugs that mention ``i`` and the ones after it list
    with only their doses and routes between them, for mention ``i``'s drug; ``together``: a
    later drug is given with it (in its arm), not instead of it ('placebo, etoricoxib 90 mg once
    daily, or naproxen')."""
    j = i
    while (
        j + 1 < len(mentions)
        and together(mentions[j + 1].name)
        and DOSES_ONLY.fullmatch(text, mentions[j].end, mentions[j + 1].start)
    ):
        j += 1
    doses = DOSES_ONLY.match(text, mentions[j].end)
    return frequency(text[doses.end() :]) if j > i and _SCHEDULE_START.match(text, doses.end()) else None


# what stands between the drugs of a list of arms that print no regimen of their own: 'A plus B (AB), C plus
# B (CB), or A plus CB (ACB)'
_CONNECTOR = re.compile(r"(?i)\s*(?:\([\w+/-]{1,12}\)\s*)?(?:,\s*)?(?:(?:plus|and|or|with|\+)\s+)*")
# a schedule printed right after such a list: '(ABCP) every 3 weeks for four or six cycles'
# (the list's last arm may end on an abbreviation of other drugs: 'atezolizumab plus BCP (ABCP) every 3 weeks')
_SCHEDULE_NEXT = re.compile(
    r"(?i)\s*(?:(?:plus|and|\+)\s+(?-i:[A-Z][A-Za-z0-9]{1,6})\s*)?(?:\([\w+/-]{1,12}\)\s*)?,?\s*"
    rf"(?={_SCHEDULE_WORD})"
)


def listed_schedule(text: str, mentions, i: int) -> str | None:
    """The schedule printed right after the list of drugs mention ``i`` belongs to (drugs parted
    only by 'plus', 'or', commas and bracketed abbreviations): every drug of the list takes it
    ('to receive A plus B (AB), C plus B (CB), or A plus CB (ACB) every 3 weeks')."""
    j = i
    while j + 1 < len(mentions) and _CONNECTOR.fullmatch(text, mentions[j].end, mentions[j + 1].start):
        j += 1
    after = _SCHEDULE_NEXT.match(text, mentions[j].end)
    return frequency(text[after.end() :]) if j > i and after else None


_DAYS = re.compile(r"(?i)\bdays?\s+(\d+(?:\s*(?:,|and|&)\s*\d+)*)\b")
_EVERY_WEEKS = re.compile(r"(?i)^every (\d+) weeks$")


def cycle_schedule(own: str, rest: str, found: str | None) -> str | None:
    """A drug's schedule from the days of the cycle it is given on: 'cisplatin 100 mg/m2 day 1
    plus vinorelbine 30 mg/m2, days 1, 8, 15 and 22, every 4 weeks' gives cisplatin the cycle
    (every 4 weeks) and vinorelbine every week (a dose each week of the cycle). ``own`` is the
    text after the drug up to the next one, ``rest`` all the text after it, ``found`` the
    schedule read so far."""
    days = _DAYS.search(own)
    if days is None:
        return found
    given = [int(d) for d in re.findall(r"\d+", days.group(1))]
    cycle = _EVERY_WEEKS.match(found or frequency(rest) or "")
    if cycle is None:
        return found
    weeks = int(cycle.group(1))
    if given == [1]:
        return found or cycle.group()
    if len(given) == weeks > 1 and given == [1 + 7 * k for k in range(weeks)]:
        return "every week"
    return found


def radiation(text: str) -> tuple[Decimal, str, int | None] | None:
    """(total dose, 'Gy', fractions) of a radiation course: '20 Gy in five daily fractions' is
    20 Gy in 5; '3 Gy given 10 times', '10 fractions of 3 Gy' and '10 x 3 Gy' are 30 Gy in 10,
    the dose per fraction times their number. None when the text prints no dose in Gy."""
    doses = list(_GY.finditer(text))
    if not doses:
        return None
    total = _TOTAL_FRACTIONS.search(text) or _FRACTIONS.search(text) or COURSE.search(text)
    count = next((g for g in total.groups() if g), None) if total else None
    fractions = None
    if count is not None:
        fractions = int(count) if count.isdigit() else words_to_int(count)
    per_fraction = [m.span() for m in (_PER_FRACTION.search(text), COURSE.search(text)) if m]
    printed = [m for m in doses if not any(a <= m.start() < b for a, b in per_fraction)]
    if printed:  # a total is printed: '56 Gy (2 Gy per fraction ... 28 fractions)'
        return dec(printed[0].group(1)), "Gy", fractions
    dose = dec(doses[0].group(1))
    return (dose * fractions if fractions else dose), "Gy", fractions
