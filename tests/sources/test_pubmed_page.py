"""The PubMed page parser: every part of the page is read, broken pages are refused."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build
from kg.sources import SourceError, read_document


@pytest.fixture(scope="module")
def doc(seed_path):
    return read_document(seed_path)


def test_ids_and_title(doc):
    p = doc.publication
    assert (p.pmid, p.pmcid, p.doi) == ("38552197", "PMC11227305", "10.1200/JCO.23.02166")
    assert p.title.startswith("CONTACT-01: A Randomized Phase III Trial of Atezolizumab + Cabozantinib")


def test_abstract_sections_in_order(doc):
    assert [s.label for s in doc.abstract] == ["Purpose", "Methods", "Results", "Conclusion"]
    assert doc.abstract[2].text.startswith("One hundred eighty-six patients were assigned")


def test_conflict_of_interest_text(doc):
    assert doc.conflict_of_interest.startswith("The following represents disclosure information")
    assert doc.conflict_of_interest.endswith("No other potential conflicts of interest were reported.")


def test_lists_and_their_entries(doc):
    by = {}
    for link in doc.citations:
        by.setdefault(link.relation, []).append(link.target)
    assert [t.pmid for t in by["similar"]] == ["33316104", "33930176", "37290461", "40602204", "31122901"]
    assert [t.pmid for t in by["cited_by"]] == ["40759444", "39199653", "40277912", "39954220", "40801020"]
    assert len(by["cites"]) == 3
    contact03 = by["similar"][2]
    assert (contact03.journal, contact03.date, contact03.volume, contact03.issue, contact03.pages) == (
        "Lancet",
        "2023 Jul 15",
        "402",
        "10397",
        "185-195",
    )
    assert contact03.epub_date == "2023 Jun 5"
    assert contact03.free_pmc_article and contact03.publication_types == ["Clinical Trial"]
    assert contact03.mentioned_trials == ["CONTACT-03"]
    assert by["cited_by"][1].publication_types == ["Review"]
    assert not by["similar"][3].free_pmc_article  # WJOG10317L entry has no "Free PMC article"
    assert by["similar"][3].mentioned_trials == ["WJOG10317L"]
    assert by["similar"][4].mentioned_trials == ["IMpower130"]
    assert by["similar"][0].updated and not by["similar"][1].updated
    assert [t.pmid for t in by["updated_in"]] == ["33930176"]


def test_reference_entries_are_taken_apart(doc):
    ref = [link.target for link in doc.citations if link.relation == "cites"][0]
    assert (ref.authors, ref.title, ref.journal, ref.volume, ref.pages, ref.year) == (
        "Herbst RS, Morgensztern D, Boshoff C",
        "The biology and management of non-small cell lung cancer",
        "Nature",
        "553",
        "446-454",
        2018,
    )


def _write(tmp_path: Path, text: str, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_page_without_lists_and_with_empty_headings_is_read(tmp_path, seed_text):
    head = seed_text.split("Conflict of interest statement")[0]
    path = _write(tmp_path, head + "Publication types\nMeSH terms\nSubstances\n")
    doc = read_document(path)
    assert doc.citations == [] and doc.trial.nct_id == "NCT04471428"


@pytest.mark.parametrize(
    ("drop", "key", "url"),
    [
        ("- PMID: 38552197\n", "PMC11227305", "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC11227305/"),
        (
            "- PMID: 38552197\n- PMCID: PMC11227305\n",
            "10.1200/JCO.23.02166",
            "https://doi.org/10.1200/JCO.23.02166",
        ),
    ],
)
def test_a_page_saved_without_its_pmid_is_named_by_its_pmcid_else_its_doi(
    tmp_path, seed_text, drop, key, url
):
    """Pages saved from PubMed Central, or DOI-only records, load whole: nothing is lost for a
    missing PMID, and the document is named by the next id it prints."""
    doc = read_document(_write(tmp_path, seed_text.replace(drop, "")))
    assert (doc.key, doc.source_url, doc.publication.pmid) == (key, url, None)
    assert doc.trial.nct_id == "NCT04471428" and len(doc.trial.arms) == 2


@pytest.mark.parametrize("head", ["\n", ""])
def test_a_page_saved_without_its_title_loads_untitled_with_a_warning(tmp_path, seed_text, head):
    """An empty first line, or the ids first: the ids, the abstract and the trial still load."""
    title, rest = seed_text.split("\n", 1)
    doc = read_document(_write(tmp_path, head + rest.replace(title + "\n", "", 1)))
    assert doc.publication.title is None and doc.key == "38552197"
    assert doc.trial.nct_id == "NCT04471428" and len(doc.trial.arms) == 2
    assert "line 1: no title on the first line: the publication loads untitled" in doc.warnings


def test_an_untitled_publication_is_named_by_its_first_id(tmp_path, seed_text):
    title, rest = seed_text.split("\n", 1)
    store = pyoxigraph.Store()
    build([_write(tmp_path, "\n" + rest.replace(title + "\n", "", 1))], store, progress=lambda _m: None)
    (row,) = store.query(
        "SELECT ?label WHERE { GRAPH ?g { <https://w3id.org/ctkg/id/pub/pmid/38552197> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    )
    assert row["label"].value == "PMID 38552197"


@pytest.mark.parametrize(
    ("mutate", "message", "line"),
    [
        (lambda t: t.replace("- PMID: 38552197", "- PMID: 3855x197"), "malformed PMID", 2),
        (
            lambda t: t.replace("- PMID: 38552197\n- PMCID: PMC11227305\n- DOI: 10.1200/JCO.23.02166\n", ""),
            "no '- PMID:', '- PMCID:' or '- DOI:' line",
            2,
        ),
        (
            lambda t: t.replace(
                "- PMID: 38552197\n- PMCID: PMC11227305\n- DOI: 10.1200/JCO.23.02166\n", "- PMCID: PMCx\n"
            ),
            "malformed PMCID",
            2,
        ),
        (lambda t: "", "empty file", 1),
    ],
)
def test_what_is_not_a_pubmed_page_fails_with_file_and_line(tmp_path, seed_text, mutate, message, line):
    path = _write(tmp_path, mutate(seed_text))
    with pytest.raises(SourceError, match=message) as err:
        read_document(path)
    assert err.value.path == str(path)
    assert err.value.line == line


@pytest.mark.parametrize(
    ("mutate", "warning", "cited_by"),
    [
        # cut inside the last Cited-by entry (line 40): the four whole entries load
        (
            lambda t: t[: t.index("PMID: 40801020")],
            "line 40: Cited by entry left out, unreadable: no PMID",
            4,
        ),
        # a "-" marker (line 31) and nothing after it
        (lambda t: t[: t.index("Cited by\n") + len("Cited by\n-\n")], "line 31: Cited by: '-' marker", 0),
        (
            lambda t: t.replace("- DOI: 10.1200/JCO.23.02166", "- DOI: JCO.23.02166"),
            "line 4: malformed DOI",
            5,
        ),
    ],
)
def test_what_cannot_be_read_is_left_out_with_a_warning(tmp_path, seed_text, mutate, warning, cited_by):
    doc = read_document(_write(tmp_path, mutate(seed_text)))
    assert [w for w in doc.warnings if w.startswith(warning)] and len(doc.warnings) == 1, doc.warnings
    assert doc.publication.pmid == "38552197" and doc.trial.nct_id == "NCT04471428"
    assert len([c for c in doc.citations if c.relation == "cited_by"]) == cited_by


def test_a_page_without_the_abstract_heading_reads_the_lines_after_the_ids(tmp_path, seed_text):
    doc = read_document(_write(tmp_path, seed_text.replace("\nAbstract\n", "\n")))
    assert doc.warnings == [
        "line 6: no 'Abstract' heading: the lines up to the next heading are read as the abstract"
    ]
    assert [s.label for s in doc.abstract] == ["Purpose", "Methods", "Results", "Conclusion"]
    assert doc.trial.nct_id == "NCT04471428"


def test_a_page_cut_after_its_ids_loads_its_publication_and_the_trial_its_title_names(tmp_path, seed_text):
    # 'CONTACT-01: A Randomized Phase III Trial of Atezolizumab + Cabozantinib Versus Docetaxel ...'
    doc = read_document(_write(tmp_path, seed_text.split("\nAbstract\n")[0] + "\nAbstract\n"))
    assert doc.publication.doi == "10.1200/JCO.23.02166" and doc.abstract == []
    assert (doc.trial.acronym, doc.trial.phase, doc.trial.randomized, doc.trial.arms) == (
        "CONTACT-01",
        "3",
        True,
        [],
    )
    assert doc.warnings == [
        "line 6: no abstract text (none published, or the page was cut): the publication loads, with a trial only if its title names one"
    ]


def test_binary_input_is_refused(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SourceError, match="not UTF-8"):
        read_document(path)


def test_unsupported_type_is_refused(tmp_path):
    with pytest.raises(SourceError, match="unsupported input type"):
        read_document(_write(tmp_path, "x", "page.pdf"))


def test_a_page_without_abstract_yields_the_trial_its_title_names():
    # PMID28973074 (tests/fixtures/pool): title and ids only, 'Consolidative Radiotherapy for Limited
    # Metastatic Non-Small-Cell Lung Cancer: A Phase 2 Randomized Clinical Trial.'
    pool = Path(__file__).parents[1] / "fixtures" / "pool"
    doc = read_document(pool / "PMID28973074.txt")
    assert doc.abstract == [] and (doc.trial.phase, doc.trial.randomized) == ("2", True)
    # PMID26598747: 'Alectinib in Crizotinib-Refractory ALK-Rearranged Non-Small-Cell Lung Cancer: A Phase II
    # Global Study.' (its abstract names no arms, no registry number, no 'patients were randomized')
    assert read_document(pool / "PMID26598747.txt").trial.phase == "2"
