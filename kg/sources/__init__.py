"""Source parsers: each turns one input file into a ``SourceDocument`` record, never triples."""

from __future__ import annotations

from pathlib import Path

from kg.model import SourceDocument
from kg.sources.errors import SourceError

__all__ = ["SourceError", "read_document"]


def read_document(path: str | Path) -> SourceDocument:
    """Parse one supported input file into its record; unsupported or broken input raises."""
    from kg.sources.pubmed_page import read_pubmed_page

    path = Path(path)
    if not path.is_file():
        raise SourceError(str(path), "no such file")
    if path.suffix.lower() == ".txt":
        return read_pubmed_page(path)
    raise SourceError(str(path), f"unsupported input type {path.suffix!r} (supported: .txt PubMed page)")
