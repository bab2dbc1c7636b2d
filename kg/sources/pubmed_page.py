"""Parser for PubMed's web page saved as text (the seed's format).

The page is a title line, ``- PMID:``/``- PMCID:``/``- DOI:`` lines, an ``Abstract`` heading
with labelled sections, then headed blocks: conflict of interest, *Similar articles*, *Cited
by*, *References* (entries introduced by a ``-`` line) and headings PubMed prints empty when
it has nothing (MeSH terms, Substances...).

A file without a title line and an id line is not a PubMed page: an error naming the file and
line, and nothing loads.  A page saved without its PMID (from PubMed Central, or a DOI-only
record) is named by its PMCID, else its DOI.  Within a page, what cannot be read is left out and reported, each
with its line, in the document's warnings (a malformed DOI, a list entry cut short, no
``Abstract`` heading); everything else loads.  A page without abstract text (letters,
editorials, old articles, or a page cut short) loads its publication: title, ids, citations.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from kg.model import AbstractSection, CitationLink, Publication, SourceDocument
from kg.sources.citations import parse_list_entry, parse_reference
from kg.sources.errors import SourceError, first_error
from kg.sources.reported import reported_trial

LIST_HEADINGS = {"Similar articles": "similar", "Cited by": "cited_by", "References": "cites"}
OTHER_HEADINGS = {
    "Conflict of interest statement",
    "Figures",
    "Publication types",
    "MeSH terms",
    "Substances",
    "Associated data",
    "LinkOut - more resources",
    "Full Text Sources",
    "Medical",
    "Research Materials",
    "Keywords",
    "Grants and funding",
    "Comment in",
    "Comment on",
    "Supplementary info",
    "Related information",
    "Other Literature Sources",
    "Molecular Biology Databases",
    "Miscellaneous",
    "Erratum in",
    "Expression of concern in",
    "Cited in Books",
    "Linked data",
}
ID_LINE = re.compile(r"^- (PMID|PMCID|DOI): (.*)$")
MAX_PAGE_BYTES = 8 << 20  # a page with a thousand references is about 300 KB
UNFINISHED = re.compile(r"[^.!?)\]\"'\u201d]$")  # the last character closes no sentence
COPYRIGHT = re.compile(r"(?i)©|\(c\)|copyright|crown|\b(?:19|20)[0-9]{2}\b")
SENTENCE_END = re.compile(r"[.!?][)\]\"'\u201d]?(?=\s+\S)")
SECTION = re.compile(r"^([A-Z][A-Za-z]*(?:[ ,&/-]+[A-Za-z]+){0,5}):\s+(\S.*)$")


@dataclass
class _Page:
    path: str
    lines: list[str]
    ids: dict[str, tuple[str, int]] = field(default_factory=dict)
    title: str = ""
    abstract: list[AbstractSection] = field(default_factory=list)
    abstract_lines: list[int] = field(default_factory=list)
    blocks: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"line {line}: {message}")


def read_pubmed_page(path: str | Path, raw: bytes | None = None) -> SourceDocument:
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    if len(raw) > MAX_PAGE_BYTES:
        raise SourceError(
            str(path), f"{len(raw):,} bytes: larger than any PubMed page ({MAX_PAGE_BYTES:,} at most)"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceError(str(path), f"not UTF-8 text (byte {err.start})") from None
    if "\x00" in text:
        raise SourceError(str(path), "binary content (NUL byte): not a PubMed page")
    page = _split(str(path), text.splitlines())
    publication = _main_publication(page)
    citations = _citations(page, publication)
    coi = " ".join(t for _, t in page.blocks.get("Conflict of interest statement", [])) or None
    trial = reported_trial(page.title, page.abstract, page.warnings)
    return SourceDocument(
        path=str(path),
        kind="pubmed-page",
        key=publication.pmid or publication.pmcid or publication.doi,
        source_url=_source_url(publication),
        sha256=hashlib.sha256(raw).hexdigest(),
        publication=publication,
        abstract=page.abstract,
        conflict_of_interest=coi,
        trial=trial,
        citations=citations,
        warnings=page.warnings,
    )


def _split(path: str, lines: list[str]) -> _Page:
    page = _Page(path, lines)
    if not lines or not any(line.strip() for line in lines):
        raise SourceError(path, "empty file", 1)
    i = _read_title(page)
    while i < len(lines) and (m := ID_LINE.match(lines[i])):
        kind, value = m.group(1), m.group(2).strip()
        page.ids[kind] = (value, i + 1)
        i += 1
    if not page.ids:
        raise SourceError(
            path, "no '- PMID:', '- PMCID:' or '- DOI:' line after the title: not a PubMed page", 2
        )
    if i < len(lines) and page.title and " ".join(lines[i].split()) == page.title:
        i += 1
    if i < len(lines) and lines[i].strip() == "Abstract":
        i += 1
    elif i < len(lines) and not _is_heading(lines[i]):
        page.warn(i + 1, "no 'Abstract' heading: the lines up to the next heading are read as the abstract")
    i = _read_abstract(page, i)
    _read_blocks(page, i)
    return page


def _read_title(page: _Page) -> int:
    """The title line, and where the id lines start.  A page saved without its title (an empty
    first line, or the ids first) loads untitled, with a warning: its ids and abstract stand."""
    first = page.lines[0]
    if first.strip() and not ID_LINE.match(first):
        page.title = " ".join(first.split())
        return 1
    page.warn(1, "no title on the first line: the publication loads untitled")
    return 1 if not first.strip() else 0


def _is_heading(line: str) -> bool:
    s = line.strip()
    return s in LIST_HEADINGS or s in OTHER_HEADINGS


def _read_abstract(page: _Page, i: int) -> int:
    lines, start = page.lines, i
    while i < len(lines) and not _is_heading(lines[i]):
        line = " ".join(lines[i].split())  # blanks collapsed, as the page shows them and XML is read
        if line:
            m = SECTION.match(line)
            label, body = (m.group(1), m.group(2)) if m else ("", line)
            page.abstract.append(AbstractSection(label=label, text=body))
            page.abstract_lines.append(i + 1)
        i += 1
    if not page.abstract:
        page.warn(
            start,
            "no abstract text (none published, or the page was cut): the publication loads, with a trial only if its title names one",
        )
    elif i == len(lines):
        _drop_unfinished(page)
    return i


def _drop_unfinished(page: _Page) -> None:
    """A page that ends inside its abstract, mid-sentence ('...(Funded by Ono Pharmaceut',
    '0.879 to 1.35' of '1.358'), was cut short: the unfinished sentence is left out and
    reported, so no cut figure is read as whole.  A short closing copyright line ends
    unpunctuated on complete pages ('2009 Massachusetts Medical Society', 'RSNA, 2012', 'Crown')."""
    last = page.abstract[-1]
    if UNFINISHED.search(last.text) is None or (len(last.text) <= 100 and COPYRIGHT.search(last.text)):
        return
    end = max((m.end() for m in SENTENCE_END.finditer(last.text)), default=0)
    kept, dropped = last.text[:end].strip(), last.text[end:].strip()
    page.warn(
        page.abstract_lines[-1],
        f"the page ends mid-sentence, cut short: {dropped[-80:]!r} is left out, unfinished",
    )
    if kept:
        last.text = kept
    else:
        page.abstract.pop()
        page.abstract_lines.pop()


def _read_blocks(page: _Page, i: int) -> None:
    heading = None
    for n in range(i, len(page.lines)):
        line = page.lines[n].strip()
        if _is_heading(line):
            heading = line
            page.blocks.setdefault(heading, [])
        elif line and heading is not None:
            page.blocks[heading].append((n + 1, line))


def _main_publication(page: _Page) -> Publication:
    values = {k: v for k, (v, _) in page.ids.items()}
    checks = {"PMID": r"^[0-9]{1,9}$", "PMCID": r"^PMC[0-9]+$", "DOI": r"^10\.[0-9]{4,9}/\S+$"}
    for kind, (value, line) in page.ids.items():
        if re.match(checks[kind], value):
            continue
        if kind == "PMID" or len(values) == 1:  # the identity: without it nothing can be named
            raise SourceError(page.path, f"malformed {kind} {value!r}", line)
        page.warn(line, f"malformed {kind} {value!r} left out")
        del values[kind]
    return Publication(
        pmid=values.get("PMID"),
        pmcid=values.get("PMCID"),
        doi=values.get("DOI"),
        title=page.title or None,
    )


def _source_url(publication: Publication) -> str:
    """The page the text came from: PubMed's, else PubMed Central's, else the DOI's resolver."""
    if publication.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{publication.pmid}/"
    if publication.pmcid:
        return f"https://www.ncbi.nlm.nih.gov/pmc/articles/{publication.pmcid}/"
    return f"https://doi.org/{publication.doi}"


def _citations(page: _Page, source: Publication) -> list[CitationLink]:
    links: list[CitationLink] = []
    known_dois: dict[str, Publication] = {}
    for heading, relation in LIST_HEADINGS.items():
        for line_no, entry in _entries(page, heading):
            try:
                if relation == "cites":
                    target, update = parse_reference(entry), None
                else:
                    target, update = parse_list_entry(entry)
            except (ValueError, ValidationError) as err:
                page.warn(line_no, f"{heading} entry left out, unreadable: {first_error(err)}")
                continue
            links.append(CitationLink(source=source, relation=relation, target=target))
            if target.doi:
                known_dois[target.doi.lower()] = target
            if update is not None:
                links.append(CitationLink(source=target, relation="updated_in", target=update))
    for link in links:  # an "Update in:" target printed elsewhere on the page is that entry
        if link.relation == "updated_in" and link.target.doi:
            link.target = known_dois.get(link.target.doi.lower(), link.target)
    return links


def _entries(page: _Page, heading: str) -> list[tuple[int, str]]:
    """The entries of a list block: each '-' marker line introduces the next text line."""
    out: list[tuple[int, str]] = []
    block = page.blocks.get(heading, [])
    pending: int | None = None
    for line_no, text in block:
        if text == "-":
            if pending is not None:
                page.warn(pending, f"{heading}: '-' marker with no entry")
            pending = line_no
            continue
        if pending is None:
            page.warn(line_no, f"{heading}: text outside a '-' entry left out")
            continue
        out.append((line_no, text))
        pending = None
    if pending is not None:
        page.warn(pending, f"{heading}: '-' marker with no entry (the page was cut?)")
    return out
