"""Namespaces of the vocabulary the mapping writes; every ctkg term is declared in ontology/."""

from __future__ import annotations

import os
from functools import lru_cache

from rdflib import Namespace, URIRef


@lru_cache(maxsize=4096)
def _term(namespace: str, name: str) -> URIRef:
    return URIRef(namespace + name)


class _Namespace(Namespace):
    """rdflib's Namespace makes a new URIRef at every attribute access; the mapping reads
    a few dozen terms hundreds of times per document, so each is made once."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name)


CTKG = _Namespace("https://w3id.org/ctkg/ontology#")
CITO = _Namespace("http://purl.org/spar/cito/")
PROV = _Namespace("http://www.w3.org/ns/prov#")
ONTOLOGY_IRI = "https://w3id.org/ctkg/ontology"
VERSION_IRI = "https://w3id.org/ctkg/ontology/0.1.0"
DEFAULT_BASE = "https://w3id.org/ctkg/id/"

PREFIXES = {
    "ctkg": str(CTKG),
    "cito": str(CITO),
    "prov": str(PROV),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}


def base_iri(explicit: str | None = None) -> str:
    """The instance base IRI: the argument, else $CTKG_BASE_IRI, else the default."""
    base = explicit or os.environ.get("CTKG_BASE_IRI") or DEFAULT_BASE
    return base if base.endswith(("/", "#")) else base + "/"
