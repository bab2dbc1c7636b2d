"""Parser for PubMed E-utilities XML (efetch ``db=pubmed retmode=xml``): a ``PubmedArticleSet``.

One file may hold many articles; each ``PubmedArticle`` becomes one ``SourceDocument`` (its
own named graph), all sharing the file's SHA-256.  The XML already separates what the page
format has to guess (ids, journal, dates, authors, labelled abstract sections, MeSH, the
reference list), so this reads elements, never prose; only the abstract goes through the
shared ``reported_trial``, exactly as for the page, so both formats yield the same trial.

Other children of the set are not articles and are skipped on purpose: ``DeleteCitation``
(a list of PMIDs PubMed withdrew, found in update files) and ``PubmedBookArticle`` (a book
chapter, a different record type).  Anything that cannot be read faithfully - XML that does
not parse, another root element, an article without a PMID, an id of the wrong form - is a
``SourceError`` naming the file: a half-read set must never reach the graph.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pydantic import ValidationError

from kg.extraction.design import REGISTRY_IDS
from kg.model import AbstractSection, CitationLink, Publication, SourceDocument, Trial
from kg.sources.errors import SourceError, first_error
from kg.sources.reported import reported_trial
from kg.sources.safe_load import parse_xml

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ID_FORMS = {"pmid": r"^[0-9]{1,9}$", "pmcid": r"^PMC[0-9]+$", "doi": r"^10\.[0-9]{4,9}/\S+$"}


def read_pubmed_xml(
    path: str | Path, raw: bytes | None = None, sha256: str | None = None, first: int = 1
) -> list[SourceDocument]:
    """Every ``PubmedArticle`` of a ``PubmedArticleSet`` file, in file order.

    An archive reader hands one article of a large set at a time, as ``raw`` (a set of one):
    ``sha256`` is then the whole file's and ``first`` the article's number in it, so each
    document is what reading the unpacked file would have given."""
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    root = _parse(str(path), raw)
    sha = sha256 or hashlib.sha256(raw).hexdigest()
    articles = root.findall("PubmedArticle")
    if not articles:
        raise SourceError(str(path), "the PubmedArticleSet holds no PubmedArticle: nothing to import")
    docs: list[SourceDocument] = []
    seen: set[str] = set()
    for n, article in enumerate(articles, start=first):
        doc = _document(str(path), sha, article, n)
        if doc.key in seen:  # two graphs with one name: the second would replace the first
            raise SourceError(str(path), f"article {n}: PMID {doc.key} appears twice in the file")
        seen.add(doc.key)
        docs.append(doc)
    return docs


def _parse(path: str, raw: bytes) -> ET.Element:
    """The root element; ElementTree's own position for XML that does not parse."""
    try:
        root = parse_xml(path, raw)
    except ET.ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else None
        raise SourceError(path, f"malformed XML: {err}", line) from None
    if root.tag != "PubmedArticleSet":
        raise SourceError(path, f"root element is <{root.tag}>, not <PubmedArticleSet>: not PubMed XML")
    return root


def _document(path: str, sha: str, article: ET.Element, n: int) -> SourceDocument:
    """One article as a document; any impossible value names the article's PMID."""
    citation = article.find("MedlineCitation")
    pmid = _text(citation.find("PMID")) if citation is not None else None
    if not pmid:
        raise SourceError(path, f"article {n} has no MedlineCitation/PMID")
    where = f"article {n} (PMID {pmid})"
    try:
        publication = _publication(citation, article.find("PubmedData"), pmid, path, where)
        abstract = _abstract(citation)
        warnings: list[str] = []
        trial = _with_registry_ids(reported_trial(publication.title or "", abstract, warnings), citation)
        return SourceDocument(
            path=path,
            kind="pubmed-xml",
            key=pmid,
            source_url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
            sha256=sha,
            publication=publication,
            abstract=abstract,
            conflict_of_interest=_text(citation.find("CoiStatement")),
            trial=trial,
            citations=_references(article, publication, path, where),
            warnings=[f"{where}: {w}" for w in warnings],
        )
    except ValidationError as err:
        raise SourceError(path, f"{where}: values are impossible: {first_error(err)}") from None


def _publication(
    citation: ET.Element, pubmed_data: ET.Element | None, pmid: str, path: str, where: str
) -> Publication:
    article = citation.find("Article")
    if article is None:
        raise SourceError(path, f"{where} has no Article element")
    ids = _article_ids(article, pubmed_data)
    ids["pmid"] = pmid
    _check_ids(ids, path, where)
    title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
    if not title:
        raise SourceError(path, f"{where} has no ArticleTitle")
    journal = article.find("Journal")
    issue = journal.find("JournalIssue") if journal is not None else None
    date, year = _pub_date(issue.find("PubDate") if issue is not None else None)
    return Publication(
        pmid=pmid,
        pmcid=ids.get("pmcid"),
        doi=ids.get("doi"),
        title=title,
        journal=_journal(journal),
        date=date,
        year=year,
        epub_date=_electronic_date(article),
        volume=_text(issue.find("Volume")) if issue is not None else None,
        issue=_text(issue.find("Issue")) if issue is not None else None,
        pages=_pages(article),
        authors=_authors(article),
        publication_types=_unique(_text(e) for e in article.iterfind("PublicationTypeList/PublicationType")),
        mesh_headings=_unique(
            e.get("UI") for e in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")
        ),
        substances=_unique(e.get("UI") for e in citation.iterfind("ChemicalList/Chemical/NameOfSubstance")),
    )


def _article_ids(article: ET.Element, pubmed_data: ET.Element | None) -> dict[str, str]:
    """PMCID and DOI: PubmedData's ArticleIdList first (PubMed's own), then ELocationID."""
    ids: dict[str, str] = {}
    found = pubmed_data.iterfind("ArticleIdList/ArticleId") if pubmed_data is not None else []
    for e in found:
        kind = {"pmc": "pmcid", "doi": "doi"}.get(e.get("IdType", ""))
        if kind and _text(e):
            ids.setdefault(kind, _text(e))
    for e in article.iterfind("ELocationID"):
        if e.get("EIdType") == "doi" and e.get("ValidYN", "Y") == "Y" and _text(e):
            ids.setdefault("doi", _text(e))
    return ids


def _check_ids(ids: dict[str, str], path: str, where: str) -> None:
    for kind, value in ids.items():
        if not re.match(ID_FORMS[kind], value):
            raise SourceError(path, f"{where}: malformed {kind} {value!r}")


def _journal(journal: ET.Element | None) -> str | None:
    if journal is None:
        return None
    return _text(journal.find("ISOAbbreviation")) or _text(journal.find("Title"))


def _pub_date(date: ET.Element | None) -> tuple[str | None, int | None]:
    """The date as PubMed prints it ('2018 May 17', '1990 Spring', MedlineDate as is) and its year."""
    if date is None:
        return None, None
    medline = _text(date.find("MedlineDate"))
    if medline:
        m = re.match(r"^(\d{4})", medline)
        return medline, int(m.group(1)) if m else None
    printed = _date_text(date)
    year = _text(date.find("Year"))
    return printed, int(year) if year and re.fullmatch(r"[0-9]{1,4}", year) else None


def _date_text(date: ET.Element) -> str | None:
    """Year, Month, Day (or Season) joined as PubMed prints them: '05' -> 'May', '01' -> '1'."""
    month = _text(date.find("Month"))
    if month and re.fullmatch(r"[0-9]{1,2}", month) and 1 <= int(month) <= 12:
        month = MONTHS[int(month) - 1]
    day = _text(date.find("Day"))
    if day and re.fullmatch(r"[0-9]{1,2}", day):
        day = str(int(day))
    parts = [_text(date.find("Year")), month, day, _text(date.find("Season"))]
    return " ".join(p for p in parts if p) or None


def _electronic_date(article: ET.Element) -> str | None:
    for e in article.iterfind("ArticleDate"):
        if e.get("DateType", "Electronic") == "Electronic":
            return _date_text(e)
    return None


def _pages(article: ET.Element) -> str | None:
    printed = _text(article.find("Pagination/MedlinePgn"))
    if printed:
        return printed
    start, end = _text(article.find("Pagination/StartPage")), _text(article.find("Pagination/EndPage"))
    return "-".join(p for p in (start, end) if p) or None


def _authors(article: ET.Element) -> str | None:
    """'Last FM, Last FM' as PubMed prints the byline; a group author by its name."""
    names = []
    for a in article.iterfind("AuthorList/Author"):
        collective = _text(a.find("CollectiveName"))
        last = _text(a.find("LastName"))
        name = " ".join(p for p in (last, _text(a.find("Initials"))) if p) if last else collective
        if name:
            names.append(name)
    return ", ".join(names) or None


def _abstract(citation: ET.Element) -> list[AbstractSection]:
    """Each AbstractText is a section, its Label the heading; inline markup is flattened."""
    return [
        AbstractSection(label=e.get("Label") or "", text=text)
        for e in citation.iterfind("Article/Abstract/AbstractText")
        if (text := _text(e))
    ]


def _with_registry_ids(trial: Trial | None, citation: ET.Element) -> Trial | None:
    """Registry numbers PubMed indexes in DataBankList join those read from the abstract.

    Only accession numbers of a registry's form count (GenBank or Dryad accessions share the
    list); without a trial from the abstract nothing is invented.
    """
    if trial is None:
        return None
    for e in citation.iterfind("Article/DataBankList/DataBank/AccessionNumberList/AccessionNumber"):
        number = _text(e)
        if number and REGISTRY_IDS.fullmatch(number) and number not in trial.registry_ids:
            trial.registry_ids.append(number)
    return trial


def _references(article: ET.Element, source: Publication, path: str, where: str) -> list[CitationLink]:
    """The reference list: each Reference cites a publication known by PMID, DOI or its text."""
    links = []
    for n, ref in enumerate(article.iterfind("PubmedData/ReferenceList//Reference"), start=1):
        ids = {
            {"pubmed": "pmid", "pmc": "pmcid", "doi": "doi"}[e.get("IdType")]: _text(e)
            for e in ref.iterfind("ArticleIdList/ArticleId")
            if e.get("IdType") in ("pubmed", "pmc", "doi") and _text(e)
        }
        _check_ids(ids, path, f"{where}, reference {n}")
        text = _text(ref.find("Citation"))
        if not text and not ids.get("pmid"):
            raise SourceError(path, f"{where}, reference {n} has neither citation text nor PMID")
        target = Publication(citation_text=text, **ids)
        links.append(CitationLink(source=source, relation="cites", target=target))
    return links


def _text(e: ET.Element | None) -> str | None:
    """An element's whole text with markup (<i>, <sup>, MathML) flattened and spaces collapsed."""
    if e is None:
        return None
    return " ".join("".join(e.itertext()).split()) or None


def _unique(values) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
