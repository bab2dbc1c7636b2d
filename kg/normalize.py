"""Drug and condition normalisation through the curated lexicon shipped in ``kg/lexicon``
and, for drugs it does not know, the drug dictionary (kg/extraction/drug_dictionary.py).

Sources call this before handing records on, so the mapping sees one generic name per drug
(Tecentriq and atezolizumab become one node; Chantix and varenicline too), its mechanism
class and its verified external identifiers.

Identifiers come only from the curated lexicon, each read in a public source named in its
``verified`` column.  The dictionary's identifiers are not written into the graph: its MeSH
ids are often a class heading shared by unrelated drugs (bupropion carries varenicline's
D000077444), and its DrugBank ids, though 19 of 20 checked were right (12 agree with the
curated lexicon, 7 spot-checked in other sources), gave irinotecan SN-38's DB05482 instead of
DB00762, too many wrong to claim skos:exactMatch.

A drug only the dictionary knows gets its generic name and no class or identifier; a name
neither knows keeps its printed label: the ``unmapped-drugs`` query lists both for a curator.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.model import Condition, Drug, SourceDocument

NCIT = "http://purl.obolibrary.org/obo/NCIT_"
DRUGBANK = "https://go.drugbank.com/drugs/"
WIKIDATA = "http://www.wikidata.org/entity/"
_PREFIXES = {"ncit": NCIT, "drugbank": DRUGBANK, "wikidata": WIKIDATA}


@dataclass(frozen=True)
class Entry:
    name: str
    synonyms: tuple[str, ...]
    drug_class: str | None
    mappings: tuple[str, ...]
    verified: str


def _rows(file: str) -> list[dict[str, str]]:
    text = resources.files("kg").joinpath("lexicon", file).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _entry(row: dict[str, str]) -> Entry:
    mappings = tuple(_PREFIXES[col] + row[col] for col in _PREFIXES if row.get(col))
    synonyms = tuple(s for s in (row.get("synonyms") or "").split("|") if s)
    return Entry(row["name"], synonyms, row.get("class") or None, mappings, row.get("verified") or "")


@cache
def entries(kind: str) -> tuple[Entry, ...]:
    """Every lexicon entry of one kind, ``drugs`` or ``conditions``, in file order."""
    return tuple(_entry(row) for row in _rows(f"{kind}.tsv"))


@cache
def _index(kind: str) -> dict[str, Entry]:
    index: dict[str, Entry] = {}
    for entry in entries(kind):
        for name in (entry.name, *entry.synonyms):
            key = _key(name)
            if index.setdefault(key, entry) is not entry:
                raise ValueError(
                    f"lexicon {kind}.tsv: {name!r} names both {index[key].name!r} and {entry.name!r}"
                )
    return index


def _key(name: str) -> str:
    return " ".join(name.lower().replace("®", "").replace("(r)", "").split())


def lookup(kind: str, name: str) -> Entry | None:
    return _index(kind).get(_key(name))


def known_names(kind: str = "drugs") -> set[str]:
    """Every name and synonym the lexicon resolves, lower case."""
    return set(_index(kind))


def drug_entry(name: str) -> Entry | None:
    """The curated entry of a drug name, else what the dictionary says of it: a brand name
    or synonym it resolves to a curated drug ('CBDCA' -> carboplatin) gets the curated entry."""
    entry = lookup("drugs", name)
    if entry is not None:
        return entry
    from kg.extraction.drug_dictionary import index

    found = index().agent(name)
    if found is None or (found.code and name.strip() != name.strip().upper()):
        return None
    return lookup("drugs", found.agent) or Entry(found.agent, (), None, (), "")


def normalize_drug(drug: Drug) -> Drug:
    entry = drug_entry(drug.name)
    if entry is None:
        return drug
    printed = drug.name if entry.name != drug.name else None
    return Drug(name=entry.name, printed=printed, drug_class=entry.drug_class, mappings=list(entry.mappings))


def normalize_condition(condition: Condition) -> Condition:
    """The condition with its verified identifiers.  Its name stays as printed: spellings of
    a disease name are facts of the source, and the shared NCIt mapping joins them."""
    entry = lookup("conditions", condition.name)
    if entry is None:
        return condition
    return condition.model_copy(update={"mappings": list(entry.mappings)})


def normalize_document(doc: SourceDocument) -> SourceDocument:
    """The document with every drug and condition resolved through the lexicon (in place)."""
    trial = doc.trial
    if trial is None:
        return doc
    for arm in trial.arms:
        for intervention in arm.interventions:
            intervention.drug = normalize_drug(intervention.drug)
    if trial.population and trial.population.condition:
        trial.population.condition = normalize_condition(trial.population.condition)
    return doc
