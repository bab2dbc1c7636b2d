"""Abbreviations an abstract defines: 'whole-brain radiation therapy (WBRT)' -> WBRT.

The long form is found with the algorithm of Schwartz and Hearst (Pac Symp Biocomput 2003,
"A simple algorithm for identifying abbreviation definitions in biomedical text"): the
letters of the short form are matched right to left inside the words before the
parenthesis, the first letter at the start of a word, and the shortest such window wins.
It needs no list of known abbreviations, so it works for any field: 'stereotactic
radiosurgery (SRS)', 'zoledronic acid (ZA)', 'nicotine-replacement therapy (NRT)'.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(r"[(\[]\s*([A-Za-z][A-Za-z0-9-]{0,9})\s*[)\];,]")
_WORD = re.compile(r"[A-Za-z0-9][\w'-]*")


def definitions(text: str) -> dict[str, str]:
    """Short form -> long form as printed, for every '(SF)' defined in the text (first wins)."""
    out: dict[str, str] = {}
    letters: dict[str, str] = {}  # 'bevacizumab (B)': too short to stand alone, used in longer forms
    for m in _DEFINITION.finditer(text):
        short = m.group(1)
        single = len(short) == 1 and short.isupper()
        if short in out or short in letters or not (single or _plausible_short(short)):
            continue
        long = long_form(short, text[max(0, m.start() - 200) : m.start()])
        if long:
            (letters if single else out)[short] = long
    return _nested(out, {**letters, **out})


# 'DCb (docetaxel 75 mg/m(2), carboplatin AUC 6)': a short form, then what it stands for in brackets
_SHORT_FIRST = re.compile(
    r"(?<![\w/-])(?P<short>[A-Z][A-Za-z0-9]{1,7})\s*\((?P<long>(?:[^()]|\([^()]*\))+)\)"
)


def expansions(text: str) -> dict[str, str]:
    """Short form -> bracketed content, for every 'SF (long form ...)' whose content starts
    with the word of the short form's first letter and holds every letter in order (the
    Schwartz-Hearst match read the other way round: 'DCb (docetaxel 75 mg/m(2), carboplatin
    AUC 6)').  The content may carry doses: callers use it for the interventions it names."""
    out: dict[str, str] = {}
    for m in _SHORT_FIRST.finditer(text):
        short, long = m.group("short"), m.group("long").strip()
        if short in out or not _plausible_short(short) or len(long.split()) < 2:
            continue
        if _match(short.lower(), long.lower()) == 0 and long[:1].lower() == short[:1].lower():
            out[short] = long
    return out


def _nested(defined: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """Long forms written out where they use another short form: 'paclitaxel/carboplatin (PC)
    and bevacizumab (B) ... PC + B (PCB)' makes PCB 'paclitaxel/carboplatin + bevacizumab'."""
    out = {}
    for short, long in defined.items():
        others = sorted((k for k in known if k != short and k in long), key=len, reverse=True)
        for other in others:
            long = re.sub(rf"(?<![\w-]){re.escape(other)}(?![\w-])", known[other], long)
        out[short] = long
    return out


def _plausible_short(short: str) -> bool:
    """At least two characters, one of them a capital letter, and not a plain word."""
    return (
        len(short) >= 2 and any(c.isupper() for c in short) and not (short[1:].islower() and len(short) > 4)
    )


def long_form(short: str, before: str) -> str | None:
    """The words right before the parenthesis that the short form abbreviates, or None."""
    before = re.sub(r"[\s,;:]+$", "", before)
    before = before[max(before.rfind(c) for c in "()[];") + 1 :]  # the long form holds no brackets
    words = list(_WORD.finditer(before))
    # as many words as the short form's letters and 5 more, at most twice its length
    n_letters = sum(c.isalnum() for c in short)
    window = words[-min(len(words), n_letters + 5, 2 * n_letters) :] if words else []
    if not window:
        return None
    start = window[0].start()
    candidate = before[start:]
    offset = _match(short.lower(), candidate.lower())
    if offset is None:
        return None
    long = candidate[offset:].strip()
    if len(long) <= len(short) or long.lower() == short.lower() or _NOT_A_TERM.match(long):
        return None
    return re.sub(r"\s+", " ", long)


# a term never starts with a verb or a conjunction: 'had shorter survival (HR, 1.56' defines nothing
_NOT_A_TERM = re.compile(
    r"(?i)(?:had|has|have|was|were|is|are|and|or|but|than|which|who|that|either|neither|by|with|from)\b"
)


def _match(short: str, long: str) -> int | None:
    """Schwartz-Hearst: the offset in ``long`` where the long form starts, or None."""
    s, l_ = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s]
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (long[l_] != c or (s == 0 and l_ > 0 and long[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = long.rfind(" ", 0, l_ + 1) + 1
    return start
