"""Word lists the extraction rules share: drug names, endpoint names, number words.

Drugs are found through three sources, the first that knows a name wins: ctkg's curated
lexicon (kg/lexicon/drugs.tsv: mechanism classes, verified ids, brand names), the maintained
dictionary of the drug-named-entity-recognition package (kg/extraction/drug_dictionary.py,
filtered to agents given to patients), and the WHO INN stems (-mab, -tinib, -platin ...) so a
new agent that no list has yet is still found.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from kg.extraction import drug_dictionary
from kg.extraction.drug_dictionary import WORD, Name, key

# what an arm is given that names no drug: found like a drug, as the gold counts them
GENERIC_AGENTS = ("placebo", "best supportive care", "chemotherapy")
_DEFINED = re.compile(r" \(([A-Z][A-Za-z]{1,5})\)")
_PRINTED_CODE = re.compile(r"[A-Z]{1,4}[- ]?\d{1,3}[A-Z]?")
# WHO INN stems (WHO/EMP/RHT/TSN/2018.1): the endings that mark an agent's class; a word is
# an agent when at least two letters come before one ('april' is not an ACE inhibitor)
_STEMS = (
    # antineoplastics
    "mab", "tinib", "anib", "rafenib", "ciclib", "parib", "lisib", "sertib", "rasib", "degib",
    "zomib", "taxel", "platin", "rubicin", "antrone", "tecan", "trexed", "trexate", "citabine",
    "arabine", "mustine", "fosfamide", "lutamide", "lidomide", "inostat", "rolimus",
    "relin", "relix", "leucel",
    # biologics and peptides
    "cept", "kinra", "leukin", "grastim", "gramostim", "poetin", "motide", "glutide", "reotide",
    # supportive care and other fields
    "setron", "pitant", "dronate", "parin", "xaban", "gatran", "coxib", "profen", "caine",
    "azepam", "oxetine", "triptyline", "olol", "pril", "sartan", "vastatin", "prazole",
    "gliptin", "gliflozin", "afil", "lukast", "cillin", "mycin", "oxacin", "conazole",
    "ciclovir", "navir", "previr", "buvir", "tegravir", "bactam", "imod",
)  # fmt: skip
_STEM = re.compile(r"[a-z]{2,}(?:" + "|".join(_STEMS) + r")")
# English words on Latin -cipere end like the -cept stem of receptor fusion proteins
_ENGLISH_CEPT = re.compile(r"(?:ac|con|ex|inter|per|pre|in|sus)cept")
# a name followed by one of these words is a target, a gene, a binding site or a measured
# level, not an agent given ('insulin receptor', 'PIK3CA mutations', 'adenosine
# triphosphate-binding pocket', 'carbon monoxide diffusing capacity', 'EDTA tubes')
_NOT_GIVEN_AFTER = re.compile(
    r"(?:receptors?|genes?|mutations?|mutant|mutated|amplifications?|rearrangements?|fusions?|"
    r"ligands?|pathways?|binding|levels?|concentrations?|expression|inhibitors?|antagonists?|"
    r"agonists?|diffusing|diffusion|stains?|staining|tubes?|"
    # a product of an organism: 'Escherichia coli lipopolysaccharide'
    r"lipopolysaccharides?|endotoxins?|toxins?)"
)
# ... or preceded by one of these: what is measured ('exhaled carbon monoxide', 'increased
# alkaline phosphatase', 'levels of dopamine') or what an antibody targets ('anti-Factor VIII')
_NOT_GIVEN_BEFORE = frozenset(
    {"serum", "plasma", "urine", "urinary", "exhaled", "expired", "salivary", "increased",
     "elevated", "decreased", "raised", "abnormal", "anti"}
)  # fmt: skip
_MEASURE_OF = re.compile(r"(?:levels?|concentrations?|capacity|diffusion|diffusing)")
# a capitalised symbol in a sentence on genes is a gene ('mutations in EGFR, KRAS, PIK3CA')
_GENE_TALK = re.compile(
    r"(?i)\b(?:mutations?|mutant|mutated|genes?|genotyp\w*|alterations?|amplifications?|"
    r"rearrangements?|translocations?)\b"
)


@cache
def _curated() -> dict[tuple[str, ...], Name]:
    """The curated lexicon's names and the generic agents, by their words."""
    from kg.normalize import entries

    names = {key(agent): Name(agent) for agent in GENERIC_AGENTS}
    for entry in entries("drugs"):
        for name in (entry.name, *entry.synonyms):
            names[key(name)] = Name(entry.name)
    return names


@cache
def _prefixes() -> frozenset[tuple[str, ...]]:
    """Every run of words that begins a name, the names included: a name is sought only as far
    as the words of the text keep beginning one ('3', 'in', 'with' begin names of up to 11 words,
    and trying each length cost a third of the time of finding the drugs of a page)."""
    return frozenset(
        n[:k] for n in (*drug_dictionary.index().names, *_curated()) for k in range(1, len(n) + 1)
    )


def _name(words: tuple[str, ...]) -> Name | None:
    return _curated().get(words) or drug_dictionary.index().names.get(words)


def _printed_as_code(name: Name, printed: str, after: str = "") -> bool:
    """A short code stands for a drug only in capitals and not as the start of a compound
    ('VP-16', not 'at 10 years' or 'PET/CT 1-year')."""
    return not name.code or (
        _PRINTED_CODE.fullmatch(printed) is not None and not re.match(r"-[^\W\d_]", after)
    )


@lru_cache(maxsize=4096)
def is_drug_name(word: str) -> bool:
    """A name the curated lexicon or the dictionary resolves, or a word built on an INN stem."""
    name = _name(key(word))
    if name is not None:
        return _printed_as_code(name, word)
    return _is_stem_name(word.lower())


@lru_cache(maxsize=8192)
def _is_stem_name(word: str) -> bool:
    """A word on an INN stem; 'nonpemetrexed' names what is not given."""
    return bool(_STEM.fullmatch(word)) and not (_ENGLISH_CEPT.fullmatch(word) or word.startswith("non"))


def find_drugs(text: str, abbreviations: Mapping[str, str] | None = None) -> list[tuple[str, int, int]]:
    """(agent's lower-case generic name, start, end) of each drug named in the text, in order;
    brand names and synonyms give the generic name (Chantix -> varenicline), and so do the
    document's own abbreviations when given (``drug_abbreviations``: 'NRT' -> nicotine).

    The longest name starting at each word wins ('mitomycin C', 'zoledronic acid'), found by
    dictionary lookups of word sequences: this runs for every sentence, several times, and
    must stay cheap."""
    words = [(m.group().lower(), *m.span()) for m in WORD.finditer(text)]
    lows = [w for w, _s, _e in words]
    found: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        hit = _longest_name(text, words, lows, i)
        if hit is None:
            printed = text[words[i][1] : words[i][2]]
            if abbreviations and printed in abbreviations:
                found.append((abbreviations[printed], words[i][1], words[i][2]))
            elif _is_stem_name(words[i][0]) and _given(text, words, i, i + 1):
                found.append(words[i])
            i += 1
            continue
        name, n = hit
        if _given(text, words, i, i + n):
            found += _components(text, words[i : i + n]) or [(name.agent, words[i][1], words[i + n - 1][2])]
        i += n
    return _vitamins(text, found) if "itamin" in text else found


# 'vitamins C and E', 'vitamin C and E', 'vitamins A, C, and E': the letters after the word share it
_VITAMIN_RUN = re.compile(
    r"(?i)\bvitamins?\s+([A-K]\d{0,2})\b((?:\s*,\s*[A-K]\d{0,2}\b)*)\s*,?\s*(?:and|&|or|plus)\s+([A-K]\d{0,2})\b"
)


def _vitamins(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Each vitamin a run of letters names, in place of what was found inside the run."""
    for m in _VITAMIN_RUN.finditer(text):
        letters = [(m.group(1), m.start(), m.end(1))]
        letters += [
            (x.group(1), m.start(2) + x.start(1), m.start(2) + x.end(1))
            for x in re.finditer(r"([A-K]\d{0,2})", m.group(2))
        ]
        letters.append((m.group(3), m.start(3), m.end(3)))
        named = [(_name(("vitamin", x.lower())), a, b) for x, a, b in letters]
        if any(n is None for n, _a, _b in named):
            continue
        found = [f for f in found if f[2] <= m.start() or f[1] >= m.end()]
        found += [(n.agent, a, b) for n, a, b in named if n is not None]
    return sorted(found, key=lambda f: f[1])


def _components(text: str, words: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """'artemether-lumefantrine', a fixed combination the dictionary names as one entry
    ('lumefantrine co-artemether'), printed as its agents joined by hyphens or slashes: each
    agent (an arm of artemether and lumefantrine, as 'sulfadoxine-pyrimethamine' reads)."""
    if len(words) < 2 or any(
        not re.fullmatch(r"\s*[-/]\s*", text[a[2] : b[1]]) for a, b in zip(words, words[1:], strict=False)
    ):
        return []
    agents = [drug_dictionary.index().agent(w) for w, _s, _e in words]
    if any(a is None or a.code for a in agents) or len({a.agent for a in agents if a}) != len(words):
        return []
    return [(a.agent, s, e) for a, (_w, s, e) in zip(agents, words, strict=True) if a is not None]


def drug_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a document defines for a drug: 'nicotine replacement therapy (NRT)',
    'zoledronic acid (ZA)'.  The letters must be the initials of the name's words, or begin
    its one word, so a regimen's acronym ('mitomycin, vindesine, and cisplatin (MVP)') is not
    taken for its last drug."""
    found = {}
    for m in _DEFINED.finditer(text):
        abbreviation = m.group(1)
        before = text[: m.start()]
        drugs = find_drugs(before[-120:])
        if not drugs or drugs[-1][2] != len(before[-120:]):
            continue
        agent, start, end = drugs[-1]
        printed = key(before[-120:][start:end])
        initials = "".join(w[0] for w in printed)
        letters = abbreviation.lower().replace("-", "")
        if letters == initials or (len(printed) == 1 and printed[0].startswith(letters)):
            found[abbreviation] = agent
    return found


def _longest_name(
    text: str, words: list[tuple[str, int, int]], lows: list[str], i: int
) -> tuple[Name, int] | None:
    prefixes, begun = _prefixes(), 0
    while i + begun < len(lows) and tuple(lows[i : i + begun + 1]) in prefixes:
        begun += 1
    for n in range(begun, 0, -1):
        name = _name(tuple(lows[i : i + n]))
        start, end = words[i][1], words[i + n - 1][2]
        if name is not None and _printed_as_code(name, text[start:end], text[end : end + 2]):
            return name, n
    return None


def _given(text: str, words: list[tuple[str, int, int]], start: int, end: int) -> bool:
    """An agent given, not a target, gene, measured level or a piece of a longer chemical name
    (see _NOT_GIVEN_AFTER, _NOT_GIVEN_BEFORE)."""
    if end < len(words) and _NOT_GIVEN_AFTER.fullmatch(words[end][0]):
        return False
    before = [w for w, _s, _e in words[max(0, start - 4) : start]]
    if before and (before[-1] in _NOT_GIVEN_BEFORE or _measure_of(before)):
        return False
    printed = text[words[start][1] : words[end - 1][2]]
    return not (_inside_chemical_name(text, words[start][1], words[end - 1][2]) or _gene(text, printed))


def _measure_of(before: list[str]) -> bool:
    """'levels of dopamine', 'diffusing capacity of lung for carbon monoxide'."""
    return before[-1] in ("of", "for") and any(_MEASURE_OF.fullmatch(w) for w in before[:-1])


def _gene(text: str, printed: str) -> bool:
    """A dictionary entry's own name printed in capitals is a symbol: a gene among words on
    genes ('mutations in KRAS, PIK3CA'), or an acronym ('FICA Spiritual History Tool');
    codes (AZD9291) and brand names are other words for a drug and keep their meaning."""
    if not printed.isupper():
        return False
    name = _name(key(printed))
    if name is None or key(printed) != key(name.agent):
        return False
    return not any(c.isdigit() for c in printed) or _GENE_TALK.search(text) is not None


def _inside_chemical_name(text: str, start: int, end: int) -> bool:
    """A name glued into a longer systematic or labelled name: '18F-fluoro-2-deoxy-D-glucose',
    '(3-pyridyl)-1-butanol', '2-[fluorine 18]fluoro-', '[11C]osimertinib' (a tracer)."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if before[-1:] in ("]", ")") or (after[:1] in ("[", "]") and after[1:].isalnum()):
        return True
    return before[-1:] == "-" and text[start].isdigit() and len(before) == 2 and not before[0].isspace()


# plain endpoint name -> words and abbreviations that name it in abstracts
ENDPOINTS = {
    "overall survival": [
        "overall survival",
        "OS",
        "survival",
        "survived",
        "median survival time",
        "median survival",
        "MST",
    ],
    "progression-free survival": ["progression-free survival", "progression free survival", "PFS"],
    "objective response rate": [
        "objective response rate",
        "overall response rate",
        "objective overall response rate",
        "response rate",
        "objective response",
        "overall response",
        "ORR",
    ],
    "disease control rate": ["disease control rate", "DCR"],
    "duration of response": ["duration of response", "duration of the response", "DOR", "DoR"],
    "time to progression": ["time to progression", "TTP"],
    "disease-free survival": ["disease-free survival", "disease free survival", "DFS"],
    "event-free survival": ["event-free survival", "EFS"],
    "time to treatment failure": ["time to treatment failure", "TTF"],
}


def _hyphen_slips(aliases: list[str]) -> list[str]:
    """'Progression free-survival', 'disease-free-survival', 'time-to-treatment failure': the
    hyphen of an 'X-free survival' slipped to the other word, or doubled, or a 'time to X'
    written as one compound; the same endpoint."""
    slips = [
        a.replace("-free survival", slip).replace(" free survival", slip)
        for a in aliases
        if "free survival" in a
        for slip in (" free-survival", "-free-survival")
    ]
    slips += [a.replace("time to ", "time-to-", 1) for a in aliases if a.startswith("time to ")]
    return aliases + [s for s in dict.fromkeys(slips) if s not in aliases]


ENDPOINTS = {name: _hyphen_slips(aliases) for name, aliases in ENDPOINTS.items()}


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
    plain = re.sub(r"\s+", " ", re.sub(r"\([^)]*\)", "", low)).strip()
    return plain or re.sub(r"\s+", " ", low).strip()  # '(sd)': a name all in brackets is itself


# words of a hazard ratio's event that name its endpoint: "hazard ratio for death"
HR_EVENTS = {
    "death": "overall survival",
    "progression or death": "progression-free survival",
    "disease progression or death": "progression-free survival",
    "progression": "progression-free survival",
    "death or disease progression": "progression-free survival",
    "death or progression": "progression-free survival",
    "risk of death": "overall survival",
    "risk of progression": "progression-free survival",
    "risk of disease progression": "progression-free survival",
    "risk of progression or death": "progression-free survival",
    "risk of disease progression or death": "progression-free survival",
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
# held in lower case by every match of NUMBER_WORDS, and much faster to seek (see text._may_apply)
NUMBER_WORD_CUE = re.compile(_WORD)


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
