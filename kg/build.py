"""Build: parse -> map -> validate -> load, all-or-nothing over the inputs of one run."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from kg.mapping import document_graph
from kg.model import SourceDocument
from kg.namespaces import base_iri
from kg.sources import read_document
from kg.store import replace_graphs
from kg.validate import Report, validate_graph

if TYPE_CHECKING:
    import pyoxigraph


class BuildError(RuntimeError):
    """A run that loaded nothing, and why."""


@dataclass
class DocumentResult:
    path: str
    graph_iri: URIRef
    graph: Graph
    document: SourceDocument
    report: Report


@dataclass
class BuildResult:
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(len(d.graph) for d in self.documents)


def prepare(path: str | Path, base: str | None = None) -> DocumentResult:
    """Parse, map and validate one document, without touching any store."""
    doc = read_document(path)
    graph_iri, graph = document_graph(doc, base_iri(base))
    return DocumentResult(str(path), graph_iri, graph, doc, validate_graph(graph))


def build(
    paths: list[str | Path],
    store: pyoxigraph.Store,
    base: str | None = None,
    allow_invalid: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Load every document or none: any parse error or blocking violation loads nothing."""
    say = progress or (lambda message: print(message, file=sys.stderr))
    result = BuildResult()
    for n, path in enumerate(paths, start=1):
        say(f"[{n}/{len(paths)}] {path}")
        doc = prepare(path, base)
        if doc.report.violations and not allow_invalid:
            lines = "\n  ".join(str(f) for f in doc.report.violations)
            raise BuildError(
                f"{path}: the graph breaks {len(doc.report.violations)} shape rule(s), nothing loaded:\n  {lines}"
            )
        result.documents.append(doc)
    replace_graphs(store, [(d.graph_iri, d.graph) for d in result.documents])
    return result
