"""Deterministic IRIs: the same fact from the same input always gets the same name.

Every IRI is built from identifiers or printed labels, never from counters or random
values, so a rebuild replaces triples instead of adding look-alikes.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.model import Publication, Trial
from kg.stores.graphs import source_graph_iri


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-'.  A sign closing a word is a word of its own, so
    labels told apart by it stay apart: 'S+ Group' -> 's-plus-group', 'S- Group' ->
    's-minus-group', 'HER2+' -> 'her2-plus'; a '+' between words joins them as before
    ('atezolizumab + cabozantinib' -> 'atezolizumab-cabozantinib'); '>=5%' -> 'ge5pct'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("≥", "ge").replace(">=", "ge").replace("<=", "le")
    text = re.sub(
        r"(?<=\w)([+-])(?=[\s),;/]|$)", lambda m: " plus " if m.group(1) == "+" else " minus ", text
    )
    text = text.replace("+", " ").replace("%", "pct").replace(">", "gt").replace("<", "lt")
    return re.sub(r"[^a-z0-9.]+", "-", text).strip("-") or "x"


def several_trials(trial: Trial) -> bool:
    """Whether the registry numbers a source prints belong to several trials: two numbers
    from one registry (a pooled analysis of two ClinicalTrials.gov trials).  Numbers from
    different registries (NCT, EudraCT, ISRCTN...) are one trial registered several times."""
    registries = [
        m.group().upper() if (m := re.match(r"[A-Za-z]+", r)) else "EUDRACT" for r in trial.registry_ids
    ]
    return len(set(registries)) < len(registries)


def distinctive(acronym: str) -> bool:
    """A trial name carrying a series number ('KEYNOTE-024', 'CheckMate 017', 'JCOG0802',
    'CALGB 8433'): sponsors and cooperative groups number their trials, so the name points
    at one trial.  A plain word ('SATURN', 'START', 'IMPRESS', 'TITAN') is reused by
    unrelated trials across fields and years, so it names no single trial on its own."""
    return bool(re.search(r"\d", acronym))


class Minter:
    def __init__(self, base: str) -> None:
        self.base = base

    def trial(self, trial: Trial, reporter: Publication | None, fallback: str) -> URIRef:
        """The trial's node, named after the strongest evidence of its identity the source
        gives, so that two documents share a node only on that evidence:

        1. its registry number: the ClinicalTrials.gov number, else another registry's
           (registries assign them once per trial); a publication printing the numbers of
           several trials (see ``several_trials``) reports a pooled analysis that no one of
           them names;
        2. else a distinctive acronym (see ``distinctive``), shared with the trial's mentions;
        3. else the publication reporting it (one publication, one trial node: its PMID, else
           its DOI), so the same paper read as a page or as XML gives the same node;
        4. else the document itself.
        A registry record always names the trial by its own number (the first it lists)."""
        ids = trial.registry_ids
        if ids and (reporter is None or not several_trials(trial)):
            return self.registered_trial(trial.nct_id or ids[0])
        if not ids and trial.acronym and distinctive(trial.acronym):
            return self.mentioned_trial(trial.acronym)
        if reporter is not None:
            kind, _, value = reporter.key().partition("/")
            return URIRef(f"{self.base}trial/{kind}/{quote(value.lower(), safe='')}")
        return URIRef(f"{self.base}trial/{fallback}")

    def registered_trial(self, registry_id: str) -> URIRef:
        if registry_id.startswith("NCT"):
            return URIRef(f"{self.base}trial/{registry_id.lower()}")
        return URIRef(f"{self.base}trial/registry/{slug(registry_id)}")

    def mentioned_trial(self, name: str) -> URIRef:
        return URIRef(f"{self.base}trial/acronym/{slug(name)}")

    def publication(self, pub: Publication) -> URIRef:
        kind, _, value = pub.key().partition("/")
        return URIRef(f"{self.base}pub/{kind}/{quote(value, safe='')}")

    def drug(self, name: str) -> URIRef:
        return URIRef(f"{self.base}drug/{slug(name)}")

    def treatment(self, name: str) -> URIRef:
        """A non-drug agent (a radiotherapy, an operation, a programme), shared like a drug."""
        return URIRef(f"{self.base}treatment/{slug(name)}")

    def condition(self, name: str) -> URIRef:
        return URIRef(f"{self.base}condition/{slug(name)}")

    def graph(self, kind: str, key: str) -> URIRef:
        return source_graph_iri(self.base, kind, slug(key))

    def under(self, parent: URIRef, *parts: str) -> URIRef:
        return URIRef(str(parent) + "/" + "/".join(slug(p) for p in parts))
