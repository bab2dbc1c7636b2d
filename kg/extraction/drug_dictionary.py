"""Drug names from the dictionary of the ``drug-named-entity-recognition`` package.

The package ships one pickled dictionary built from DrugBank, MeSH, MedlinePlus, NHS and
Wikipedia: 107,000 names (generic, brand, code, salt and foreign spellings) of 20,000 entries.
Its own matcher is not used: importing it takes ~2 s (it builds a fuzzy n-gram index) and it
only tries one- and two-word names.  ctkg reads the pickle once, keeps the entries that are
agents given to patients and indexes their names by words, so lookups of a sentence's
words find names of any length.

What is kept (each rule is for a kind of entry or name, checked on the shared abstracts and
the 1,059 pool pages, see tests/extraction/test_drug_dictionary.py):

- Entries a medicines resource describes: a DrugBank drug record, a MedlinePlus drug leaflet,
  an NHS medicines page or a Wikipedia medication page.  Entries known only from MeSH are its
  chemistry and protein vocabulary (receptors, enzymes such as "Protein-Tyrosine Kinases",
  drug classes such as "Tyrosine Kinase Inhibitors", reagents, metabolites) and are dropped.
- Names of at least three letters that are not English function words (the package's own
  stop words: "more" is a brand of pancreatic enzymes there), and not one word cut out of
  the entry's longer name ("alcohol" for benzyl alcohol).
- Short codes (a few letters and a number: VP-16, CPT-11, but also AT-10 and CT-1) only when
  printed in capitals and not as the start of a compound, so "at 10 years" and "PET/CT
  1-year" are not drugs.

Identifiers are not taken (see kg/normalize.py): the package's MeSH ids are often not the
entry's own (varenicline and bupropion both carry D000077444, denosumab and zoledronic acid
D050071, a pharmacological-action heading) and some DrugBank ids are another substance's
(irinotecan carries SN-38's DB05482).
"""

from __future__ import annotations

import bz2
import importlib.util
import pickle
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE = "drug_named_entity_recognition"
_MEDICINE_SOURCES = ("drugbank_id", "medline_plus_id", "nhs_url", "wikipedia_url")
# one word of a name: letters and digits, joined inside by an apostrophe, comma or point
# ("2',3'", "0.5"); hyphens, slashes, brackets and spaces separate words
WORD = re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*")
_CODE = re.compile(r"[a-z]{1,4}[- ]?\d{1,3}[a-z]?")
# the dose form of a product whose agent is the rest of its name ("nicotine patch")
_DOSE_FORM = re.compile(
    r"\s+(?:replacement therapy|transdermal (?:patch|system)|patch(?:es)?|gum|lozenges?|"
    r"inhalers?|nasal spray|sublingual tablets?)$"
)
_QUALIFIER = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Name:
    """What one dictionary name stands for: the agent's generic name; ``code`` marks a short
    code, a drug only when printed as one (see lexicon.find_drugs)."""

    agent: str
    code: bool = False


@dataclass(frozen=True)
class Index:
    names: dict[tuple[str, ...], Name]

    def agent(self, name: str) -> Name | None:
        """The entry one whole name (a word or phrase) stands for, if it is a kept name."""
        return self.names.get(key(name))


def key(name: str) -> tuple[str, ...]:
    """Words of a name as matched: lower case; hyphens, spaces and brackets alike."""
    return tuple(WORD.findall(name.lower()))


def package_dir() -> Path:
    """The package's folder, found without importing it (its import builds a slow index)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{PACKAGE} is not installed (a ctkg dependency)")
    return Path(next(iter(spec.submodule_search_locations)))


def _raw() -> dict:
    with bz2.open(package_dir() / "drug_ner_dictionary.pkl.bz2", "rb") as f:
        return pickle.load(f)


def _stopwords() -> frozenset[str]:
    """The package's stop words (English and French function words, countries, firms),
    read from its source without importing it."""
    text = (package_dir() / "util.py").read_text(encoding="utf-8")
    return frozenset(re.findall(r"'([^'\n]+)'", text.split("stopwords", 1)[1]))


def is_medicine(data: dict) -> bool:
    """An entry a medicines resource describes; MeSH-only entries are chemistry vocabulary."""
    return any(data.get(source) for source in _MEDICINE_SOURCES)


def agent_name(canonical: str) -> str:
    """The agent an entry names: its name without a qualifier in brackets ('paclitaxel (with
    albumin)') and without a dose form ('nicotine patch' -> nicotine)."""
    name = _QUALIFIER.sub("", canonical).strip()
    return _DOSE_FORM.sub("", name) or name


def distinctive(variant: str, words: tuple[str, ...], canonical: str, stopwords: frozenset[str]) -> bool:
    """A name (``words``: its key) that can stand for its entry in running text; short codes
    are checked where they are printed."""
    if _CODE.fullmatch(variant):
        return True
    if sum(c.isalpha() for c in "".join(words)) < 3 or " ".join(words) in stopwords:
        return False
    return not (variant != canonical and len(words) == 1 and words[0] in key(canonical))


@cache
def index() -> Index:
    """The filtered dictionary, built once per process (~1 s, most of it bz2 and unpickling)."""
    raw = _raw()
    entries, brands = raw["drug_canonical_to_data"], raw["drug_variant_to_variant_data"]
    medicines = {name for name, data in entries.items() if is_medicine(data)}
    stopwords = _stopwords()
    names: dict[tuple[str, ...], Name] = {}
    # entry names first: a generic name printed as such ('beta-carotene') stays that agent
    # even where the dictionary also lists it as another entry's synonym
    variants = sorted(raw["drug_variant_to_canonical"].items(), key=lambda kv: kv[0] not in entries)
    for variant, (canonical, *_rest) in variants:
        if canonical not in medicines:
            continue
        words = key(variant)
        if not words or words in names or not distinctive(variant, words, canonical, stopwords):
            continue
        generic = variant in entries or brands.get(variant, {}).get("is_brand") is False
        agent = agent_name(variant if generic and variant != canonical else canonical)
        names[words] = Name(agent, bool(_CODE.fullmatch(variant)))
    return Index(names)
