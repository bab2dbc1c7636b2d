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


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("≥", "ge").replace(">=", "ge").replace("<=", "le")
    text = text.replace("+", " ").replace("%", "pct").replace(">", "gt").replace("<", "lt")
    return re.sub(r"[^a-z0-9.]+", "-", text).strip("-") or "x"


class Minter:
    def __init__(self, base: str) -> None:
        self.base = base

    def trial(self, trial: Trial, fallback: str) -> URIRef:
        if trial.nct_id:
            return URIRef(f"{self.base}trial/{trial.nct_id.lower()}")
        if trial.registry_ids:
            return URIRef(f"{self.base}trial/registry/{slug(trial.registry_ids[0])}")
        if trial.acronym:
            return self.mentioned_trial(trial.acronym)
        return URIRef(f"{self.base}trial/{fallback}")

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
        return URIRef(f"{self.base}graph/{kind}/{slug(key)}")

    def under(self, parent: URIRef, *parts: str) -> URIRef:
        return URIRef(str(parent) + "/" + "/".join(slug(p) for p in parts))
