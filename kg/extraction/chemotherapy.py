"""Which agents are cytotoxic chemotherapy, so that 'the chemotherapy group', 'pembrolizumab
plus chemotherapy' and 'chemotherapy alone' can name the arms whose drugs they are.

A drug is chemotherapy when the curated lexicon gives it one of the ontology's chemotherapy
classes (ctkg:Chemotherapy and its subclasses), or when its name carries an INN stem or
family name of a cytotoxic class (-platin, -taxel, -rubicin, -tecan, -citabine, vinca
alkaloids, -poside ...), so that agents the lexicon does not list (vindesine, mitomycin,
etoposide, ifosfamide) count too.

The generic word itself, where a listing goes on to name the drugs it stands for ('perioperative
chemotherapy (cyclophosphamide, etoposide, and cisplatin)'), is no drug of the arm: those drugs
are (``generic_naming_drugs``, with the word that says when it is given, ``timing_before``).
"""

from __future__ import annotations

import re
from functools import lru_cache

# ctkg:Chemotherapy and its subclasses in ontology/ctkg.ttl (a test keeps the two the same)
CHEMOTHERAPY_CLASSES = frozenset(
    {
        "Chemotherapy",
        "Taxane",
        "PlatinumCompound",
        "Antimetabolite",
        "VincaAlkaloid",
        "MicrotubuleTargetingAgent",
        "TopoisomeraseInhibitor",
        "AlkylatingAgent",
    }
)
_CYTOTOXIC = re.compile(
    r"(?i)(?:platin|taxel|rubicin|tecan|citabine|trexed|mustine|poside|fosfamide|phosphamide|mycin|"
    r"epilone|^vin(?:orelbine|desine|blastine|cristine|flunine)|^fluorouracil|^temozolomide|^dacarbazine|"
    r"^eribulin|^mitoxantrone|^methotrexate|^procarbazine|^lomustine|^busulfan|^melphalan|^chlorambucil|"
    r"^trabectedin|^amrubicin|^lurbinectedin)$"
)
_NOT_CYTOTOXIC = re.compile(
    r"(?i)^(?:erythromycin|azithromycin|clarithromycin|vancomycin|gentamicin|streptomycin|neomycin)$"
)


@lru_cache(maxsize=4096)
def is_chemotherapy(name: str) -> bool:
    from kg.normalize import lookup

    entry = lookup("drugs", name)
    if entry is not None and entry.drug_class:
        return entry.drug_class in CHEMOTHERAPY_CLASSES
    return bool(_CYTOTOXIC.search(name)) and not _NOT_CYTOTOXIC.match(name)


# the generic words that an arm's listing may go on to name drugs for
_GENERIC = {"chemotherapy", "best supportive care"}


# 'six cycles of perioperative chemotherapy (cyclophosphamide, ...)': when the chemotherapy is given;
# 'platinum-based chemotherapy ([cisplatin ... or carboplatin ... plus pemetrexed ...])': what kind it is
_TIMING = re.compile(
    r"(?i)\b(?:(?:peri|pre|post)-?operative|induction|(?:neo)?adjuvant|consolidation|maintenance|systemic|"
    r"cytotoxic|combination|standard|(?:first|second)-line|(?:platinum|taxane|anthracycline|fluoropyrimidine)-(?:based|containing))\s+$"
)


def timing_before(part: str, start: int) -> int:
    """Where a generic 'chemotherapy' that names drugs begins with the word that says when or how
    it is given: that word, like the generic word, names no treatment of its own."""
    m = _TIMING.search(part, 0, start)
    return m.start() if m else start


# 'paclitaxel doublet chemotherapy': what the drugs before the word are, and the arm's name with it
_DOUBLET = re.compile(r"(?i)\s+(doublet|triplet)\s+")


def generic_alias(part: str, generic, at: int) -> str:
    """'doublet chemotherapy' or 'perioperative chemotherapy' (the words from ``at``) where the
    text says so, else the generic word ('chemotherapy')."""
    kind = re.search(r"(?i)\b(doublet|triplet)\s+$", part[: generic.start])
    if kind:
        return f"{kind.group(1).lower()} {generic.name}"
    return f"{part[at : generic.start].strip().lower()} {generic.name}".strip()


def generic_naming_drugs(part: str, mentions):
    """A generic mention ('chemotherapy') that the text goes on to name drugs for."""
    if not any(m.name not in _GENERIC for m in mentions):
        return None
    for k, m in enumerate(mentions):
        drugs_before = k and re.fullmatch(r"[\s-]*(?:based\s*)?", part[mentions[k - 1].end : m.start])
        if m.name == "chemotherapy" and k and _DOUBLET.fullmatch(part[mentions[k - 1].end : m.start]):
            return m  # 'carboplatin and weekly paclitaxel doublet chemotherapy'
        if m.name == "chemotherapy" and drugs_before:  # 'cisplatin plus pemetrexed chemotherapy'
            return m
        if m.name == "chemotherapy" and re.match(
            r"(?i)\s*(?:\(|with\s+(?:either\s+)?|,?\s*consist(?:ing|ed|s)\s+of|,?\s*(?:which\s+)?(?:was|were|comprised|included|including))",
            part[m.end :],
        ):
            return m
    return None
