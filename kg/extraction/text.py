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

from kg.extraction.lexicon import NUMBER_WORDS, words_to_int

NUM = r"(?:\d+(?:\.\d+)?|\.\d+)"
_ABBREVIATIONS = re.compile(r"\b(?:vs|v|al|e\.g|i\.e|approx|no|fig|ca)\.$", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    section: str
    text: str
    norm: str


def normalise(text: str) -> str:
    text = text.replace("\u00b7", ".").replace("\u2009", " ").replace("\u00a0", " ")
    text = re.sub(r"[\u2013\u2014\u2212]", "-", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"mg/m\(2\)|mg/m²|mg per square meter(?: of body-surface area)?", "mg/m2", text)
    text = re.sub(r"mg per kilogram(?: of body weight)?", "mg/kg", text)
    text = re.sub(r"(?:nanoparticle\s+)?albumin-bound\s+\[nab\]-", "nab-", text)

    def number(m: re.Match) -> str:
        value = words_to_int(m.group(1))
        return str(value) if value is not None else m.group(1)

    return NUMBER_WORDS.sub(number, text)


def sentences(section: str, text: str) -> list[Sentence]:
    """Split a section into sentences without breaking at 'vs.' or decimals like '.3668'."""
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9(\[])", text):
        if _ABBREVIATIONS.search(text[start : m.end()]):
            continue
        chunk = text[start : m.end()].strip()
        if chunk:
            out.append(Sentence(section, chunk, normalise(chunk)))
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(Sentence(section, tail, normalise(tail)))
    return out


def dec(text: str) -> Decimal:
    """A printed number as an exact decimal: '.3668' -> 0.3668, '13.0' -> 13.0."""
    return Decimal("0" + text if text.startswith(".") else text)
