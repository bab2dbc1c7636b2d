"""Source parsers: each turns one input file into ``SourceDocument`` records, never triples."""

from __future__ import annotations

from pathlib import Path

from kg.model import SourceDocument
from kg.sources.errors import SourceError

__all__ = ["SourceError", "read_document", "read_documents", "supported"]

SUFFIXES = (".txt", ".xml", ".json")


def supported(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith(".")


def read_documents(
    path: str | Path, raw: bytes | None = None, sha256: str | None = None, first: int = 1
) -> list[SourceDocument]:
    """Every document one input file holds (a PubMed XML set may hold many), its drugs and
    conditions resolved through the lexicon; broken input raises.

    ``raw`` is the file's bytes when it is a member of an archive (``path`` then names the
    member, its suffix telling the format); ``sha256`` and ``first`` are for one article of a
    larger PubMed set (see ``read_pubmed_xml``)."""
    from kg.normalize import normalize_document

    try:
        return [normalize_document(doc) for doc in _parse(Path(path), raw, sha256, first)]
    except SourceError:
        raise
    except (ValueError, ArithmeticError, RecursionError) as err:
        # a value no parser check foresaw must still name its file, never escape as a bare
        # ValueError a build cannot attribute (benchmarks/fuzz.py hunts these down)
        raise SourceError(
            str(path), f"a value cannot be read: {type(err).__name__}: {str(err)[:300]}"
        ) from None


def _parse(path: Path, raw: bytes | None, sha256: str | None, first: int) -> list[SourceDocument]:
    if raw is None and not path.is_file():
        raise SourceError(str(path), "no such file")
    suffix = path.suffix.lower()
    if suffix == ".txt":
        from kg.sources.pubmed_page import read_pubmed_page

        return [read_pubmed_page(path, raw)]
    if suffix == ".json":
        from kg.sources.ctgov import read_ctgov_json

        return read_ctgov_json(path, raw)
    if suffix == ".xml":
        from kg.sources.safe_load import xml_root_name

        root = xml_root_name(path, raw)
        if root == "PubmedArticleSet":
            from kg.sources.pubmed_xml import read_pubmed_xml

            return read_pubmed_xml(path, raw, sha256, first)
        if root == "clinical_study":
            from kg.sources.ctgov import read_ctgov_xml

            return read_ctgov_xml(path, raw)
        raise SourceError(
            str(path), f"XML whose root is <{root}> is neither PubmedArticleSet nor clinical_study"
        )
    raise SourceError(
        str(path),
        f"unsupported input type {path.suffix!r} (supported: .txt PubMed page, .xml PubMed or "
        "ClinicalTrials.gov record, .json ClinicalTrials.gov API v2 study; .zip and .gz archives of them)",
    )


def read_document(path: str | Path) -> SourceDocument:
    """The one document of a single-document file."""
    docs = read_documents(path)
    if len(docs) != 1:
        raise SourceError(str(path), f"holds {len(docs)} documents; use read_documents")
    return docs[0]
