"""Readers for the two citation styles PubMed prints: its own list entries and references.

A *Similar articles* / *Cited by* entry is PubMed's summary line::

    Title.Journal. 2023 Jul 15;402(10397):185-195. doi: 10.x/y. Epub 2023 Jun 5. Journal. 2023.
    [Update in: Journal. 2021 Apr 30;4:CD1. doi: 10.x/z.] PMID: 37290461 Free PMC article. Clinical Trial.

A *References* entry is the cited article's own reference string (journal style varies), so
only what is recognisable is taken apart; the full text is always kept.
"""

from __future__ import annotations

import re

from kg.model import Publication

_SOURCE = (
    r"(?P<journal>[A-Z][^.;]*?)\. (?P<date>(?:19|20)\d\d(?: [A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?)?(?: \d{1,2})?)"
    r"(?:;(?P<volume>[^:(;.\s]+)?(?:\((?P<issue>[^)]*)\))?)?(?::(?P<pages>[^.\s]+))?\."
)
_ENTRY = re.compile(r"^(?P<title>.+?[.?!])" + _SOURCE)
_UPDATE = re.compile(r"Update in: " + _SOURCE + r"(?: doi: (?P<doi>10\.\S+?)\.)?(?=\s|$)")
_DOI = re.compile(r"\bdoi: (10\.\S+?)\.?(?=\s|$)")
_PMID = re.compile(r"\bPMID: (\d{1,9})\b")
_PMCID = re.compile(r"\b(PMC\d+)\b")
_EPUB = re.compile(r"\bEpub (\d{4}(?: [A-Z][a-z]{2})?(?: \d{1,2})?)\.")
_MENTION = re.compile(
    r"\((?P<paren>[A-Z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)*?-?\d+[A-Za-z]?)\)"
    r"|:\s*(?P<named>[A-Z][A-Za-z0-9-]*\d[A-Za-z0-9-]*|[A-Z]+[A-Za-z]*-[A-Z][A-Za-z]+) (?:study|trial)\b"
)
_FLAGS = {"Free PMC article", "Updated"}


def parse_list_entry(entry: str) -> tuple[Publication, Publication | None]:
    """One PubMed summary entry; returns the publication and its 'Update in' target, if any."""
    m = _ENTRY.match(entry)
    if not m:
        raise ValueError(f"no 'Title.Journal. Date' citation found in {entry[:80]!r}")
    pmid = _PMID.search(entry)
    if not pmid:
        raise ValueError(f"no PMID in entry {entry[:80]!r} (truncated?)")
    head = entry[: pmid.start()]
    update = _UPDATE.search(head)
    own = head[: update.start()] if update else head
    doi = _DOI.search(own)
    epub = _EPUB.search(own)
    tail = [p.strip() for p in entry[pmid.end() :].split(".") if p.strip()]
    title = m.group("title")
    pub = Publication(
        pmid=pmid.group(1),
        doi=doi.group(1) if doi else None,
        title=title.rstrip("."),
        **_source_fields(m),
        epub_date=epub.group(1) if epub else None,
        free_pmc_article="Free PMC article" in tail,
        updated="Updated" in tail,
        publication_types=[t for t in tail if t not in _FLAGS],
        citation_text=entry,
        mentioned_trials=mentioned_trials(title),
    )
    target = None
    if update:
        target = Publication(doi=update.group("doi"), citation_text=update.group(0), **_source_fields(update))
    return pub, target


def parse_reference(entry: str) -> Publication:
    """A reference string: authors, title, journal, volume, pages, year when recognisable."""
    text = re.sub(r"^-\s+", "", entry.strip())
    text = re.sub(r"(\s+-\s+(PubMed|PMC|DOI|Google Scholar|Free full text))+\s*$", "", text)
    pmid, pmcid, doi = _PMID.search(text), _PMCID.search(text), _DOI.search(text)
    fields: dict = {"citation_text": text}
    jco = re.match(
        r"^(?P<authors>[^:]+?)\s*:\s*(?P<title>.+?[.?!])\s+(?P<journal>[A-Z][A-Za-z .&()-]*?)\s+"
        r"(?P<volume>\d+)(?:\((?P<issue>[^)]+)\))?:(?P<pages>[\w-]+),\s*(?P<year>(?:19|20)\d\d)\b",
        text,
    )
    vancouver = re.match(
        r"^(?P<authors>[^.]+?)\.\s+(?P<title>.+?[.?!])\s+(?P<journal>[A-Z][^.]*?)\.\s+"
        r"(?P<year>(?:19|20)\d\d)[^;]*;(?P<volume>[^:(]+)?(?:\((?P<issue>[^)]+)\))?:(?P<pages>[\w-]+)",
        text,
    )
    m = jco or vancouver
    if m:
        fields.update({k: v.strip() for k, v in m.groupdict().items() if v})
        fields["title"] = fields["title"].rstrip(".")
        fields["authors"] = fields["authors"].rstrip(" ,")
        fields["year"] = int(fields["year"])
    elif year := re.search(r"\b((?:19|20)\d\d)\b", text):
        fields["year"] = int(year.group(1))
    return Publication(
        pmid=pmid.group(1) if pmid else None,
        pmcid=pmcid.group(1) if pmcid else None,
        doi=doi.group(1) if doi else None,
        **fields,
    )


def mentioned_trials(title: str) -> list[str]:
    """Trial names a title gives in the usual places: '(CONTACT-03)', ': WJOG10317L study'."""
    names = []
    for m in _MENTION.finditer(title):
        name = m.group("paren") or m.group("named")
        if name and not re.fullmatch(r"\d+|[A-Z]{1,3}-\d", name):
            names.append(name)
    return names


def _source_fields(m: re.Match) -> dict:
    date = m.group("date")
    return {
        "journal": m.group("journal"),
        "date": date,
        "year": int(date[:4]),
        "volume": m.group("volume"),
        "issue": m.group("issue") or None,
        "pages": m.group("pages"),
    }
