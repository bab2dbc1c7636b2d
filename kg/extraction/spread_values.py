"""Per-arm figures printed with their spread after a '±' and in a unit of measure: 'the peak
CK-MB level was 249 ± 228 U/L in the GIK group', 'The mean LVEF was 43.7 ± 11.0 % in the GIK
group', 'Tumour size averaged 4+/-2 cm in the open group', '(6.4 +/- 5.3 vs 2.9 +/- 1.6, P =
.006)'. The figure before the '±' is the estimate; the one after it is its standard deviation or
error, never an estimate of its own (read as a percent it was taken for a rate of the arm).
Times with a spread are read with the other times (``values``).
"""

from __future__ import annotations

import re

from kg.extraction.figure_item import Item
from kg.extraction.text import NUM, dec

__all__ = ["CHANGE", "CHANGE_VERB", "centre", "dispersion", "spread_values"]

# a verb of change ('up' when it raises): what a percent after it measures is the change
CHANGE_VERB = r"\b(?:(?:decreas|declin|reduc|dropp|fall|fell)(?:ed|ing|e)?|(?P<up>increas(?:ed|ing|e)|ros(?:e|en)|rising))\b"

# a unit of measure printed after the spread: '%', 'U/L', 'mL', 'ml/kg', 'mm Hg', 'cm(3)', 'nM',
# 'mg/dL', 'beats/min'; a word of the sentence ('in', 'vs', 'and') is none
_UNIT = (
    r"(?P<unit>%|percent\b|mm\s?Hg\b|[µμ]?[A-Za-z]{1,5}(?:/[µμ]?[A-Za-z0-9.]{1,6}){0,2}(?:\(\d\))?(?![\w/]))"
)
_NOT_UNITS = {
    "in",
    "vs",
    "v",
    "and",
    "or",
    "at",
    "to",
    "for",
    "the",
    "of",
    "with",
    "was",
    "were",
    "per",
    "on",
    "mean",
    "sd",
    "se",
    "sem",
    "ns",
    "p",
    "a",
    "an",
    "is",
    "are",
    "after",
    "from",
    "by",
    "than",
    "versus",
    "compared",
    "respectively",
    "during",
    "within",
    "among",
    "both",
}
# '249 ± 228 U/L', '1,907 SD ± 878 ml' (the kind of spread may stand between)
_PM = re.compile(
    rf"(?<![\d.,])(?P<est>-?(?:\d{{1,3}}(?:,\d{{3}})+(?![\d.])|{NUM}))\s*(?:(?-i:SD|SEM?)\s*)?(?:±|\+/-)\s*"
    rf"(?P<sd>\d{{1,3}}(?:,\d{{3}})+(?![\d.])|{NUM})(?:\s*{_UNIT})?"
)
# the spread in brackets: '3.2 (1.1)', '−3.08 (SD 1.65)', '1.3 (±1.3)'; read only when the bracket says what it
# holds or the figure has decimals (a count's bracket is its share: '12 (8) vs 20 (13)')
_BRACKETED = re.compile(
    rf"(?<![\d.,(])(?P<est>-?{NUM})\s*\(\s*(?P<kind>(?-i:SD|SEM?)\s*[:=]?\s*|±\s*|\+/-\s*)?(?P<sd>{NUM})\s*\)"
    rf"(?:\s*{_UNIT})?"
)
# the spread named after a comma: '(basic: –0.72, SD 1.1 kg/m2, enhanced: –1.0, SD 1.4, ...'
_COMMA_SPREAD = re.compile(
    rf"(?<![\d.,])(?P<est>-?{NUM})\s*,\s*(?P<kind>(?-i:SD|SEM?)\s*[:=]?\s*)(?P<sd>{NUM})(?![\d.])(?:\s*{_UNIT})?"
)
# not the centre of the follow-up or of the patients' age: 'With a mean follow-up of 65 months, the
# 5-year survival rate was found to be 67+/-10%'
_CENTRE = re.compile(r"(?i)\b(median|mean|average[ds]?)\b(?!\s+(?:follow-?up|age)\b)")
# a clause's start, so that a 'mean' of the clause before is not taken for this figure's
_CLAUSE_START = re.compile(r"[;:]|\.\s")

# the kind named beside a '±' ('Median +/- SD', '(mean +/- 1 SD)') or in words: 'SD' alone may be
# stable disease
_SD = re.compile(r"(?:±|\+/-)\s*(?:1\s+)?SD\b|\bSD\s*(?:±|\+/-)|(?i:standard\s+deviation)|\bmean\s*\(SD\)")
_SE = re.compile(r"(?:±|\+/-)\s*(?:1\s+)?SEM?\b|\bSEM?\s*(?:±|\+/-)|(?i:standard\s+error)|\bmean\s*\(SEM?\)")


def _named_kind(kind: str | None) -> str | None:
    """The kind of spread a bracket names before it: '(SD 1.65)', '(SEM 0.3)'."""
    if not kind or not kind.strip().upper().startswith("S"):
        return None
    return "STANDARD_DEVIATION" if kind.strip().upper().startswith("SD") else "STANDARD_ERROR"


def dispersion(sentence: str) -> str | None:
    """What a '±' spread is, when the sentence says: a standard deviation or a standard error
    ('Median +/- SD survival time'); unsaid, it is left open rather than guessed."""
    sd, se = _SD.search(sentence), _SE.search(sentence)
    if sd and not se:
        return "STANDARD_DEVIATION"
    return "STANDARD_ERROR" if se and not sd else None


def spread_values(text: str, whole: str, taken: list[tuple[int, int]]) -> list[Item]:
    """Every figure of the sentence printed with a '±' spread and not read already (a time):
    a mean (a median when the clause says so), or, printed in percent with no 'mean' before it,
    a rate ('the 5-year survival rate was ... 67+/-10%'). Its span runs to its unit, so the
    spread is read as nothing else."""
    out = []
    bracketed = (m for m in _BRACKETED.finditer(text) if m.group("kind") or "." in m.group("est"))
    spread = [*_PM.finditer(text), *bracketed, *_COMMA_SPREAD.finditer(text)]
    for m in sorted(spread, key=lambda m: m.start()):
        if any(a <= m.start() < b for a, b in taken) or (out and m.start() < out[-1][0].end):
            continue
        unit = m.group("unit")
        end = m.end()
        if unit and unit.lower() in _NOT_UNITS:
            unit, end = None, m.end("sd")
        raw, sd = m.group("est").replace(",", ""), m.group("sd").replace(",", "")
        item = Item(m.start(), end, raw, _unit(unit), _statistic(text, m.start(), unit, raw))
        item.spread = {
            "dispersion": _named_kind(m.groupdict().get("kind")) or dispersion(whole),
            "spread": dec(sd),
        }
        if (
            out
            and _RESTATED.fullmatch(text, out[-1][0].end, item.start)
            and unit
            and out[-1][1] not in (None, unit)
        ):
            continue  # '-0.99 ± 0.06% (-10.82 ± 0.66 mmol/mol)': the same figure in another unit
        out.append((item, unit))
    return _shared_units(text, out)


_RESTATED = re.compile(r"\s*[(\[]\s*")


# what joins the two figures of a pair printed with one unit: '(25.8 ± 4.0 vs. 28.4 ± 3.7 kg/m2'
_PAIR_JOIN = re.compile(r"\s*(?:,|vs\.?|versus|v\.?|and|or|to)\s*")


# the next arm's label between two figures of a list: ', enhanced: ', '; Placebo: '
_LABEL_JOIN = re.compile(r"\s*[,;]\s*[A-Za-z][\w+/-]{0,20}\s*:\s*")


def _shared_units(text: str, found: list[tuple[Item, str | None]]) -> list[Item]:
    """A pair's unit printed once, after its second figure, is the first figure's too ('25.8 ±
    4.0 vs. 28.4 ± 3.7 kg/m2', '-0.7 ± 1.8, 1.0 ± 2.5 kg'): with no unit the two figures would
    not read as one measure of two arms."""
    printed_units = [unit for _item, unit in found]
    for k in range(len(found) - 2, -1, -1):  # from the end: '2.88 ± 0.25, 2.39 ± 0.26 and 1.75 ± 0.25 kg'
        item, after, printed = found[k][0], found[k + 1][0], printed_units[k + 1]
        if printed_units[k] is None and printed and _PAIR_JOIN.fullmatch(text, item.end, after.start):
            printed_units[k] = _take_unit(text, item, after.unit, printed)
    for k in range(1, len(found)):  # '(basic: –0.72, SD 1.1 kg/m2, enhanced: –1.0, SD 1.4, ...': the first's
        item, before, printed = found[k][0], found[k - 1][0], printed_units[k - 1]
        if printed_units[k] is None and printed and _LABEL_JOIN.fullmatch(text, before.end, item.start):
            printed_units[k] = _take_unit(text, item, before.unit, printed)
    items = [item for item, _unit in found]
    _changes(text, items)
    return items


def _take_unit(text: str, item: Item, unit: str | None, printed: str) -> str:
    """The item takes a unit another figure of its list printed (and the statistic it implies);
    returns the unit as printed."""
    item.unit, item.statistic = unit, _statistic(text, item.start, printed, item.raw)
    return printed


def _changes(text: str, items: list[Item]) -> None:
    """Percents of one list of which one is below zero are changes, every one of them: '(-0.2 ± 1.0,
    0.4 ± 1.4%, p = 0.40)' are two arms' mean changes, not a change and a share."""
    run: list[Item] = []
    for item in [*items, None]:
        if item is not None and run and _PAIR_JOIN.fullmatch(text, run[-1].end, item.start):
            run.append(item)
            continue
        if any(i.raw.startswith("-") for i in run) and all(i.unit == "percent" for i in run):
            for i in run:
                i.statistic = centre(text, i.start)
        run = [item] if item is not None else []


def _unit(printed: str | None) -> str | None:
    if not printed:
        return None
    if printed in ("%", "percent"):
        return "percent"
    return re.sub(r"\s+", " ", printed)


def _statistic(text: str, pos: int, unit: str | None, raw: str = "") -> str:
    """A percent that no word calls a mean or median is a share of the arm ('rate'), unless it is
    below zero (a change: '-0.99 ± 0.06%') or a verb of change before it in its clause says it is
    the change ('Plasma LDL cholesterol decreased (P < 0.05) with ADF (10 ± 4%)'); any other
    figure is what ``centre`` says."""
    if unit in ("%", "percent") and not _centre_word(text, pos) and not raw.startswith("-"):
        return _change_kind(text, pos) or "rate"
    return centre(text, pos)


CHANGE = re.compile(rf"(?i){CHANGE_VERB}")
# 'FVC improved from 54 +/- 16 to 86 +/- 13% predicted', 'decreased to 67 ± 10%': the level, not the change
_LEVEL_BEFORE = re.compile(r"(?i)\b(?:to|from)\s*$")


def _change_kind(text: str, pos: int) -> str | None:
    """'relative_change' or 'relative_reduction' when the last verb of the clause before ``pos`` is one of
    change and the figure is not the level it reached."""
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, pos)]
    verbs = list(CHANGE.finditer(text, starts[-1] if starts else 0, pos))
    if not verbs or _LEVEL_BEFORE.search(text, max(0, pos - 8), pos):
        return None
    return "relative_change" if verbs[-1].group("up") else "relative_reduction"


def centre(text: str, pos: int) -> str:
    """'median' when the clause's nearest word before ``pos`` that names a centre says so, else
    'mean'."""
    return "median" if (_centre_word(text, pos) or "").lower() == "median" else "mean"


def _centre_word(text: str, pos: int) -> str | None:
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, pos)]
    words = _CENTRE.findall(text, starts[-1] if starts else 0, pos)
    return words[-1] if words else None
