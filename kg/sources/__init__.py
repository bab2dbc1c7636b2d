"""Source parsers: each turns one input file into ``SourceDocument`` records, never triples."""

from __future__ import annotations

from pathlib import Path

from kg.model import SourceDocument
from kg.sources.errors import SourceError

__all__ = ["SourceError", "read_document", "read_documents", "supported"]

SUFFIXES = (".txt", ".xml", ".json")


def supported(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def read_documents(path: str | Path) -> list[SourceDocument]:
    """Every document one input file holds (a PubMed XML set may hold many); broken input raises."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from kg.sources.pubmed_page import read_pubmed_page

        return [read_pubmed_page(path)]
    raise SourceError(str(path), f"unsupported input type {path.suffix!r} (supported: .txt PubMed page)")


def read_document(path: str | Path) -> SourceDocument:
    """The one document of a single-document file."""
    docs = read_documents(path)
    if len(docs) != 1:
        raise SourceError(str(path), f"holds {len(docs)} documents; use read_documents")
    return docs[0]
