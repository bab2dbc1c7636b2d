"""Word lists the extraction rules share: drug names, endpoint names, number words.

Drugs are recognised by a list of common oncology agents plus the INN stems that mark a
drug name (-mab, -tinib, -taxel, -platin ...), so an unlisted new agent is still found.
"""

from __future__ import annotations

import re
from functools import lru_cache

KNOWN_DRUGS = {
    "docetaxel",
    "paclitaxel",
    "nab-paclitaxel",
    "sb-paclitaxel",
    "cabazitaxel",
    "pemetrexed",
    "gemcitabine",
    "cisplatin",
    "carboplatin",
    "oxaliplatin",
    "vinorelbine",
    "etoposide",
    "irinotecan",
    "topotecan",
    "cyclophosphamide",
    "doxorubicin",
    "epirubicin",
    "fluorouracil",
    "capecitabine",
    "temozolomide",
    "eribulin",
    "placebo",
    "best supportive care",
    "chemotherapy",
    "bortezomib",
    "lenalidomide",
    "thalidomide",
    "pomalidomide",
    "tamoxifen",
    "letrozole",
    "anastrozole",
    "exemestane",
    "fulvestrant",
    "enzalutamide",
    "abiraterone",
    "dexamethasone",
    "prednisone",
    "leucovorin",
    "methotrexate",
    "mitomycin",
    "bleomycin",
    "vincristine",
    "ifosfamide",
    "trabectedin",
    "everolimus",
    "temsirolimus",
    "sirolimus",
    "olaparib",
    "niraparib",
    "rucaparib",
    "talazoparib",
    "palbociclib",
    "ribociclib",
    "abemaciclib",
}
_STEMS = (
    "mab",
    "tinib",
    "rafenib",
    "anib",
    "ciclib",
    "parib",
    "lisib",
    "taxel",
    "platin",
    "rubicin",
    "tecan",
    "trexed",
    "citabine",
    "degib",
    "zomib",
    "mustine",
    "lutamide",
    "sertib",
    "metinib",
    "rasib",
    "zumab",
    "ximab",
    "cept",
    "kinra",
    "leukin",
    "motide",
)
_TOKEN = re.compile(r"\b(?:nab-|sb-)?[A-Za-z]+\b")
_PHRASES = re.compile(
    r"(?i)\b("
    + "|".join(re.escape(d) for d in sorted(KNOWN_DRUGS, key=len, reverse=True) if " " in d)
    + r")\b"
)


@lru_cache(maxsize=4096)
def is_drug_name(word: str) -> bool:
    """A listed agent or a name the drug lexicon resolves (brand names: Tecentriq), or a word
    ending in an INN stem with at least two letters before it."""
    w = word.lower()
    if w in KNOWN_DRUGS or w in _lexicon_names():
        return True
    return w.endswith(_STEMS) and any(w.endswith(s) and len(w) >= len(s) + 2 for s in _STEMS)


@lru_cache(maxsize=1)
def _lexicon_names() -> frozenset[str]:
    from kg.normalize import known_names

    return frozenset(known_names("drugs"))


def find_drugs(text: str) -> list[tuple[str, int, int]]:
    """(lower-case name, start, end) of each drug named in the text, in order.

    Words are tested against a set and a suffix list, not one large alternation: this runs
    for every sentence, several times, and must stay cheap."""
    found = [(m.group().lower(), m.start(), m.end()) for m in _PHRASES.finditer(text)]
    taken = [(s, e) for _n, s, e in found]
    for m in _TOKEN.finditer(text):
        if is_drug_name(m.group()) and not any(s <= m.start() < e for s, e in taken):
            found.append((m.group().lower(), m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


# plain endpoint name -> words and abbreviations that name it in abstracts
ENDPOINTS = {
    "overall survival": ["overall survival", "OS", "survival", "survived"],
    "progression-free survival": ["progression-free survival", "progression free survival", "PFS"],
    "objective response rate": [
        "objective response rate",
        "overall response rate",
        "objective overall response rate",
        "response rate",
        "ORR",
    ],
    "disease control rate": ["disease control rate", "DCR"],
    "duration of response": ["duration of response", "duration of the response", "DOR", "DoR"],
    "time to progression": ["time to progression", "TTP"],
    "disease-free survival": ["disease-free survival", "disease free survival", "DFS"],
    "event-free survival": ["event-free survival", "EFS"],
    "time to treatment failure": ["time to treatment failure", "TTF"],
}


def canonical_endpoint(name: str) -> str:
    """The plain endpoint a title names, so sources can be compared: 'Overall Survival (OS)',
    'OS' and 'overall survival' are all 'overall survival'; an unknown title stays itself."""
    low = name.lower()
    for canonical, aliases in sorted(ENDPOINTS.items(), key=lambda kv: -max(len(a) for a in kv[1])):
        for alias in sorted(aliases, key=len, reverse=True):
            if alias.isupper():
                if re.search(rf"\b{re.escape(alias)}\b", name):
                    return canonical
            elif re.search(rf"\b{re.escape(alias.lower())}\b", low):
                return canonical
    return re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", "", low)).strip()


# words of a hazard ratio's event that name its endpoint: "hazard ratio for death"
HR_EVENTS = {
    "death": "overall survival",
    "progression or death": "progression-free survival",
    "disease progression or death": "progression-free survival",
    "progression": "progression-free survival",
    "death or disease progression": "progression-free survival",
    "death or progression": "progression-free survival",
}

_SMALL = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD = r"(?:" + "|".join(sorted(set(_SMALL) - {"no"} | set(_TENS), key=len, reverse=True)) + r")"
NUMBER_WORDS = re.compile(
    r"(?i)\b(" + _WORD + r"(?:[- ](?:" + _WORD + r"|hundred|thousand)|(?: and)(?= " + _WORD + r"))*)\b"
)


def words_to_int(text: str) -> int | None:
    """'One hundred eighty-six' -> 186; None when the words are not a number."""
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current
