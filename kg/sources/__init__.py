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
    """Every document one input file holds (a PubMed XML set may hold many), its drugs and
    conditions resolved through the lexicon; broken input raises."""
    from kg.normalize import normalize_document

    try:
        return [normalize_document(doc) for doc in _parse(Path(path))]
    except SourceError:
        raise
    except (ValueError, ArithmeticError, RecursionError) as err:
        # a value no parser check foresaw must still name its file, never escape as a bare
        # ValueError a build cannot attribute (benchmarks/fuzz.py hunts these down)
        raise SourceError(
            str(path), f"a value cannot be read: {type(err).__name__}: {str(err)[:300]}"
        ) from None


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
    """The root element's name, however long the prolog before it."""
    from kg.sources.safe_load import xml_root_name

    return xml_root_name(path)


def read_document(path: str | Path) -> SourceDocument:
    """The one document of a single-document file."""
    docs = read_documents(path)
    if len(docs) != 1:
        raise SourceError(str(path), f"holds {len(docs)} documents; use read_documents")
    return docs[0]
