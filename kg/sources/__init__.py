"""Source parsers: each turns one input file into ``SourceDocument`` records, never triples."""

from __future__ import annotations

import re
from pathlib import Path

from kg.model import SourceDocument
from kg.sources.errors import SourceError

__all__ = ["SourceError", "read_document", "read_documents", "supported"]

SUFFIXES = (".txt", ".xml", ".json")


def supported(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def read_documents(path: str | Path) -> list[SourceDocument]:
    """Every document one input file holds (a PubMed XML set may hold many), its drugs and
    conditions resolved through the lexicon; broken input raises."""
    from kg.normalize import normalize_document

    return [normalize_document(doc) for doc in _parse(Path(path))]


def _parse(path: Path) -> list[SourceDocument]:
    if not path.is_file():
        raise SourceError(str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from kg.sources.pubmed_page import read_pubmed_page

        return [read_pubmed_page(path)]
    if suffix == ".json":
        from kg.sources.ctgov import read_ctgov_json

        return read_ctgov_json(path)
    if suffix == ".xml":
        root = _xml_root(path)
        if root == "PubmedArticleSet":
            from kg.sources.pubmed_xml import read_pubmed_xml

            return read_pubmed_xml(path)
        if root == "clinical_study":
            from kg.sources.ctgov import read_ctgov_xml

            return read_ctgov_xml(path)
        raise SourceError(
            str(path), f"XML whose root is <{root}> is neither PubmedArticleSet nor clinical_study"
        )
    raise SourceError(
        str(path),
        f"unsupported input type {path.suffix!r} (supported: .txt PubMed page, .xml PubMed or "
        "ClinicalTrials.gov record, .json ClinicalTrials.gov API v2 study)",
    )


def _xml_root(path: Path) -> str:
    """The root element's name, read from the head of the file (past the prolog and DOCTYPE)."""
    head = path.read_bytes()[:4096].decode("utf-8", "replace")
    m = re.search(
        r"<([A-Za-z_][\w.-]*)[\s>/]", re.sub(r"<\?.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->", "", head, flags=re.S)
    )
    return m.group(1) if m else "?"


def read_document(path: str | Path) -> SourceDocument:
    """The one document of a single-document file."""
    docs = read_documents(path)
    if len(docs) != 1:
        raise SourceError(str(path), f"holds {len(docs)} documents; use read_documents")
    return docs[0]
