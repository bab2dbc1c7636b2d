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
from kg.sources import SourceError, read_documents, supported
from kg.store import load_ontology, replace_graphs
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
    failures: list[str] = field(default_factory=list)  # one clear message per file not loaded

    @property
    def triples(self) -> int:
        return sum(len(d.graph) for d in self.documents)


def expand(inputs: list[str | Path]) -> list[Path]:
    """Files as given; a folder stands for every supported file below it, in name order."""
    out: list[Path] = []
    for item in map(Path, inputs):
        out += sorted(p for p in item.rglob("*") if supported(p)) if item.is_dir() else [item]
    return out


def prepare_all(path: str | Path, base: str | None = None) -> list[DocumentResult]:
    """Parse, map and validate every document of one file, without touching any store."""
    results = []
    for doc in read_documents(path):
        graph_iri, graph = document_graph(doc, base_iri(base))
        results.append(DocumentResult(str(path), graph_iri, graph, doc, validate_graph(graph)))
    return results


def prepare(path: str | Path, base: str | None = None) -> DocumentResult:
    """The one document of a single-document file, parsed, mapped and validated."""
    results = prepare_all(path, base)
    if len(results) != 1:
        raise SourceError(str(path), f"holds {len(results)} documents; use prepare_all")
    return results[0]


def collect(
    paths: list[str | Path],
    base: str | None = None,
    allow_invalid: bool = False,
    keep_going: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Parse, map and validate every input; a file that fails raises, or with ``keep_going``
    is reported in ``failures``. Nothing is written anywhere."""
    say = progress or (lambda message: print(message, file=sys.stderr))
    result = BuildResult()
    files = expand(paths)
    for n, path in enumerate(files, start=1):
        say(f"[{n}/{len(files)}] {path}")
        try:
            docs = prepare_all(path, base)
            for doc in docs:
                if doc.report.violations and not allow_invalid:
                    lines = "\n  ".join(str(f) for f in doc.report.violations)
                    raise BuildError(
                        f"{path}: the graph breaks {len(doc.report.violations)} shape rule(s), nothing loaded:\n  {lines}"
                    )
        except (SourceError, BuildError) as err:
            if not keep_going:
                raise
            result.failures.append(str(err))
            continue
        result.documents += docs
    return result


def build(
    paths: list[str | Path],
    store: pyoxigraph.Store,
    base: str | None = None,
    allow_invalid: bool = False,
    keep_going: bool = False,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Load every document or none: any parse error or blocking violation loads nothing.

    With ``keep_going`` the documents that parse and validate are loaded and each file that
    does not is reported in ``failures``; a file is still never loaded in part.
    """
    result = collect(paths, base, allow_invalid, keep_going, progress)
    replace_graphs(store, [(d.graph_iri, d.graph) for d in result.documents])
    load_ontology(store)
    return result
