"""Sentences and numbers as the extraction rules see them.

Abstracts print numbers in many ways ("One hundred eighty-six", "1,200", "9·4", ".3668");
rules are easier to keep general when they all read one normal form, so each sentence is
normalised once: number words become digits, the Lancet middle dot becomes a decimal point,
thousands separators and typographic dashes go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from kg.extraction.lexicon import NUMBER_WORD_CUE, NUMBER_WORDS, words_to_int
from kg.model import Evidence

NUM = r"(?:\d+(?:\.\d+)?|\.\d+)"
# a short name in a bracket, capitalised: '(BCS)', '(WT)'
SHORT_NAME = r"\((?-i:[A-Z][\w-]{0,9})\)"
# '(84. 0%)': a decimal printed with a stray space, not a sentence end
_BROKEN_DECIMAL = re.compile(r"(?<=\d)\.\s\d+\s*%")
_ABBREVIATIONS = re.compile(r"\b(?:vs|v|al|e\.g|i\.e|approx|no|fig|ca)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """A sentence as printed (``text``) and normalised (``norm``); ``origin[i]`` is the
    position in ``text`` that character ``i`` of ``norm`` came from, so any span a rule finds
    in ``norm`` can be shown to a curator in the words the abstract printed. No ``origin``
    means nothing was replaced (most sentences): ``norm`` is ``text``."""

    section: str
    text: str
    norm: str
    origin: tuple[tuple[int, int], ...] = ()

    def printed(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that the span ``start:end`` of ``norm`` came from."""
        if not self.origin:
            size = len(self.text)
            first, last = min(start, size), end if 0 < end <= size else size
        else:
            first = self.origin[start][0] if start < len(self.origin) else len(self.text)
            last = self.origin[end - 1][1] if 0 < end <= len(self.origin) else len(self.text)
        return first, max(first, last)

    def evidence(self, start: int, end: int) -> Evidence:
        first, last = self.printed(start, end)
        return Evidence(section=self.section, sentence=self.text, start=first, end=last)


@dataclass(frozen=True)
class Cued:
    """A case-blind pattern sought only in a text holding, in lower case, one of its cues: words
    every match contains. The regex engine tries a pattern starting with a word boundary or
    ignoring case at each position of the text (40-150 us over a page's abstract), while a word
    is found in a lower-cased text in 1-5 us; most pages hold none of a rare pattern's cues.
    Every branch of the pattern must hold a cue: a branch added without one is never tried."""

    pattern: re.Pattern
    cues: tuple[str, ...]

    def search(self, text: str) -> re.Match | None:
        low = text.lower()
        return self.pattern.search(text) if any(c in low for c in self.cues) else None


# the hyphen (U+2010) and non-breaking hyphen (U+2011) some publishers print for '-'
_TYPOGRAPHIC_HYPHENS = "\u2010\u2011"
# (pattern, replacement, cue): the pattern can apply only where the text holds one of the cue's
# characters or, for a cue that is a pattern, a match of it in lower case (see _may_apply)
_SUBSTITUTIONS: tuple[tuple[re.Pattern, object, str | re.Pattern], ...] = (
    (re.compile("\u00b7"), ".", "\u00b7"),
    # '26 733 randomly assigned', '53\u2009456': a space between digit groups separates thousands
    # (not after another number, nor in a code such as 'AOM 05 209')
    (
        re.compile(r"(?<!\d )(?<!\d[.,] )(?<![\w.,])[1-9]\d{0,2}(?:[ \u2009\u00a0]\d{3})+\b(?![.,]\d)"),
        lambda m: re.sub(r"\D", "", m.group(0)),
        re.compile(r"\d[ \u2009\u00a0]\d{3}"),
    ),
    (re.compile("[\u2009\u00a0]"), " ", "\u2009\u00a0"),
    # the slanted signs some journals set ('grade \u2a7e3') as the signs rules read
    (re.compile("\u2a7e"), "\u2265", "\u2a7e"),
    (re.compile("\u2a7d"), "\u2264", "\u2a7d"),
    # dashes, the minus sign and the typographic hyphens ('double\u2010blind', 'GLP\u20111') as '-'
    (
        re.compile(f"[{_TYPOGRAPHIC_HYPHENS}\u2013\u2014\u2212]"),
        "-",
        f"{_TYPOGRAPHIC_HYPHENS}\u2013\u2014\u2212",
    ),
    (re.compile(r"(?<=\d),(?=\d{3}\b)"), "", ","),
    (re.compile(r"(?<=\d)\.\s(?=\d+\s*%)"), ".", "%"),  # '(84. 0%)': a decimal with a stray space
    # '(51% vs.36%, P = 0.032)': the abbreviation's point, not a decimal one, before a figure printed close
    (re.compile(r"(?i)(?<=\bvs\.)(?=\d)"), " ", re.compile(r"vs\.\d")),
    (re.compile(r"mg/m\(2\)|mg/m²|mg per square meter(?: of body-surface area)?"), "mg/m2", "(²q"),
    # a superscript the page dropped: 'PPX (210 mg/m/10 min ...)', 'docetaxel 45 mg/m)'
    (re.compile(r"(?<=\d)(\s?)mg/m(?=[/)\],;]|\s)"), lambda m: f"{m.group(1)}mg/m2", "/"),
    (re.compile(r"mg per kilogram(?: of body weight)?"), "mg/kg", "k"),
    (
        re.compile(r"mg of ([a-z-]+) per square met(?:er|re)(?: of body[- ]surface area)?"),
        lambda m: f"mg/m2 of {m.group(1)}",
        "q",
    ),
    (re.compile(r"(?:nanoparticle\s+)?albumin-bound\s+\[nab\]-"), "nab-", "["),
    # money, its sign written after it as its code, as rules read units: '€4795' -> '4795 EUR', '−£97' -> '-97 GBP'
    (
        re.compile(r"(?<![\w$€£])(?P<sign>-?)(?P<cur>US\$|\$|€|£)\s?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)"),
        lambda m: f"{m.group('sign')}{m.group('n')} {_MONEY[m.group('cur')]}",
        "$€£",
    ),
)
_MONEY = {"€": "EUR", "£": "GBP", "$": "USD", "US$": "USD"}
# the unit a figure in money is reported in
MONEY_UNITS = {"EUR": "euro", "GBP": "pound", "USD": "dollar"}


def _number(m: re.Match) -> str:
    value = words_to_int(m.group(1))
    return str(value) if value is not None else m.group(1)


_STEPS = (*_SUBSTITUTIONS, (NUMBER_WORDS, _number, NUMBER_WORD_CUE))


def _may_apply(text: str, cue: str | re.Pattern) -> bool:
    """Whether a step's pattern can match the text, asked cheaply first: a cue that is a pattern is
    held by every match and starts with a literal or a digit, which the regex engine scans for
    several times faster than for a pattern starting with a lookbehind or a case-blind word
    boundary (normalising was the largest cost of reading a page that reports no trial)."""
    if isinstance(cue, str):
        return not cue or any(c in text for c in cue)
    return cue.search(text.lower()) is not None


_HYPHENS = str.maketrans(dict.fromkeys(_TYPOGRAPHIC_HYPHENS, "-"))


def plain_hyphens(text: str) -> str:
    """The text with its typographic hyphens (U+2010, U+2011) as '-', character for character: what
    whole-text design rules read ('double\u2010blind', 'AWARD\u20105'), as the sentences' normal form does."""
    return text.translate(_HYPHENS)


def normalise(text: str) -> str:
    """The normal form alone (``normalise_mapped`` without the map, which costs more to keep)."""
    for pattern, replacement, cue in _STEPS:
        if _may_apply(text, cue):
            text = pattern.sub(replacement if callable(replacement) else _literal(replacement), text)
    return text


def _literal(replacement: str):
    return lambda _m: replacement


def normalise_mapped(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The normal form and, for each of its characters, the span of ``text`` it came from;
    no spans when nothing was replaced, as in 85% of the pool's sentences."""
    origin: list[tuple[int, int]] | None = None  # built at the first substitution: most text needs none
    for pattern, replacement, cue in _STEPS:
        if not _may_apply(text, cue):
            continue
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        if origin is None:
            origin = list(zip(range(len(text)), range(1, len(text) + 1), strict=True))
        pieces, new_origin, last = [], [], 0
        for m in matches:
            new = replacement(m) if callable(replacement) else replacement
            pieces.append(text[last : m.start()])
            new_origin += origin[last : m.start()]
            pieces.append(new)
            # every character of a replacement stands for the whole text it replaced
            whole = (
                (origin[m.start()][0], origin[m.end() - 1][1]) if m.end() > m.start() else origin[m.start()]
            )
            new_origin += [whole] * len(new)
            last = m.end()
        pieces.append(text[last:])
        new_origin += origin[last:]
        text, origin = "".join(pieces), new_origin
    return text, tuple(origin) if origin is not None else ()


def sentences(section: str, text: str) -> list[Sentence]:
    """Split a section into sentences without breaking at 'vs.' or decimals like '.3668'."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9(\[])", text):
        if _ABBREVIATIONS.search(text[start : m.end()]) or _BROKEN_DECIMAL.match(text, m.start()):
            continue
        chunk = text[start : m.end()].strip()
        if chunk:
            out.append(Sentence(section, chunk, *normalise_mapped(chunk)))
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(Sentence(section, tail, *normalise_mapped(tail)))
    return out


def dec(text: str) -> Decimal:
    """A printed number as an exact decimal: '.3668' -> 0.3668, '13.0' -> 13.0."""
    return Decimal("0" + text if text.startswith(".") else text)


# words saying one figure is the larger, or the smaller, of two: 'more patients in the A arm had X (55.3% v 48.8%)'
MORE_WORDS = r"higher|greater|more|larger|longer|increased"
LESS_WORDS = r"lower|less|fewer|smaller|shorter|reduced|decreased"


# words that join a sentence to the one before without naming anything: 'Moreover, in the PIG group, ...'
CONNECTIVES = (
    r"in\s+addition|however|moreover|furthermore|similarly|likewise|by\s+contrast|in\s+contrast|conversely|"
    r"consequently|thus|also|notably|importantly|finally|specifically|additionally|on\s+the\s+other\s+hand"
)


@lru_cache(maxsize=2048)
def depth_map(text: str) -> tuple[int, ...]:
    """Bracket depth of each character: splitting happens only at depth 0. Kept for the texts
    seen last: the readers ask for the same sentence's or clause's map about four times."""
    depth, out = 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        out.append(depth)
        if ch in ")]}":
            depth = max(0, depth - 1)
    return tuple(out)


def split_top(text: str, pattern: str) -> list[str]:
    """The text cut at every match of the pattern outside brackets."""
    depth = depth_map(text)
    parts, start = [], 0
    for m in re.finditer(pattern, text):
        if depth[m.start()] == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p.strip()]
