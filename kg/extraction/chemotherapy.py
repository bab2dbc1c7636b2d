"""Which agents are cytotoxic chemotherapy, so that 'the chemotherapy group', 'pembrolizumab
plus chemotherapy' and 'chemotherapy alone' can name the arms whose drugs they are.

A drug is chemotherapy when the curated lexicon gives it one of the ontology's chemotherapy
classes (ctkg:Chemotherapy and its subclasses), or when its name carries an INN stem or
family name of a cytotoxic class (-platin, -taxel, -rubicin, -tecan, -citabine, vinca
alkaloids, -poside ...), so that agents the lexicon does not list (vindesine, mitomycin,
etoposide, ifosfamide) count too.
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
