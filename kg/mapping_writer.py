"""The triple writer the RDF mapping modules share (``kg.mapping``, ``kg.mapping_results``):
typed, labelled nodes, statements that skip what a source did not state, evidence nodes, and
IRIs made unique in order."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, URIRef

from kg.iris import Minter
from kg.model import Evidence
from kg.namespaces import CTKG
from kg.triples import TripleSet


class Writer:
    def __init__(self, minter: Minter) -> None:
        self.g, self.m = TripleSet(), minter
        self.sections: dict[str, URIRef] = {}  # abstract section label -> its node

    def evidence(self, owner: URIRef, ev: Evidence | None) -> None:
        """Where a fact was read, as a node of its own under the fact's IRI."""
        if ev is None:
            return
        node = self.node(URIRef(f"{owner}/evidence"), CTKG.Evidence, ev.quote or ev.sentence)
        self.add(owner, CTKG.evidence, node)
        self.add_all(
            node,
            (
                (CTKG.sentence, ev.sentence),
                (CTKG.quote, ev.quote),
                (CTKG.spanStart, ev.start),
                (CTKG.spanEnd, ev.end),
                (CTKG.inSection, self.sections.get(ev.section)),
            ),
        )

    def add(self, s: URIRef, p: URIRef, o: object) -> None:
        """Add one statement; None means 'not stated' and adds nothing."""
        if o is None:
            return
        self.g.add(s, p, o)

    def add_all(self, s: URIRef, pairs: Iterable[tuple[URIRef, object]]) -> None:
        for p, o in pairs:
            self.add(s, p, o)

    def node(self, iri: URIRef, cls: URIRef, label: str | None) -> URIRef:
        self.g.add(iri, RDF.type, cls)
        self.add(iri, RDFS.label, label)
        return iri


def unique(iri: URIRef, used: set[URIRef]) -> URIRef:
    """Two results with one description (e.g. two analyses of one HR) get -2, -3 in order."""
    candidate, n = iri, 1
    while candidate in used:
        n += 1
        candidate = URIRef(f"{iri}-{n}")
    used.add(candidate)
    return candidate
