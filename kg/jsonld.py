"""The ctkg JSON-LD context, shared by every JSON-LD ctkg writes: the web documents (compacted
with it), ``/context.jsonld``, and ``ctkg export --format jsonld``.

It names the usual prefixes and every ctkg property of the ontology by its local name,
object properties typed as IRIs (``"hasArm": [{"@id": …}]``).
"""

from __future__ import annotations

import json
from functools import lru_cache

from kg.namespaces import CTKG
from kg.resources import bundled_path


@lru_cache(maxsize=1)
def _ontology_terms() -> tuple[tuple[str, object], ...]:
    from rdflib import OWL, RDF, Graph

    onto = Graph().parse(bundled_path("ontology", "ctkg.ttl"), format="turtle")
    terms: list[tuple[str, object]] = [("label", "rdfs:label")]
    for kind, typed in ((OWL.ObjectProperty, True), (OWL.DatatypeProperty, False)):
        for prop in sorted(onto.subjects(RDF.type, kind)):
            if str(prop).startswith(str(CTKG)):
                name = str(prop)[len(str(CTKG)) :]
                terms.append((name, {"@id": f"ctkg:{name}", "@type": "@id"} if typed else f"ctkg:{name}"))
    return tuple(terms)


def context(prefixes: dict[str, str]) -> dict:
    """The context document (``{"@context": …}``) with these prefixes (``ctkg`` among them)."""
    return {"@context": {**prefixes, **dict(_ontology_terms())}}


def dataset_document(expanded: bytes, prefixes: dict[str, str]) -> bytes:
    """An expanded JSON-LD array (pyoxigraph's streaming writer: one ``{"@id": graph,
    "@graph": […]}`` object per named graph) wrapped as a document carrying the context.
    The nodes stay expanded (full IRIs mean the same under any context), so nothing is
    re-parsed at export size; any JSON-LD processor can compact them with the context."""
    head = json.dumps(context(prefixes)["@context"], indent=1).encode("utf-8")
    return b'{"@context": ' + head + b',\n"@graph": ' + (expanded.strip() or b"[]") + b"}\n"
