"""Archives as the sources publish them (studies.zip, AllPublicXML.zip, PubMed .xml.gz), read
member by member in place: the same graph and findings as the unpacked files, a broken member
named inside its archive, and --keep-going loading the rest."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyoxigraph
import pytest

from kg.build import BuildResult, build_store
from kg.inputs import SEP, ArticleSlice, units
from kg.sources import SourceError
from kg.stores.embedded import open_oxigraph as open_store

FIXTURES = Path(__file__).parent / "fixtures"  # copies of shared records (SOURCES.tsv says whence)
GENERATOR = Path(__file__).parents[1] / "benchmarks" / "generate_corpus.py"


def quiet(_message: str) -> None:
    pass


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def dump(location: Path) -> list[str]:
    """The store's quads, sorted: with no blank node in them, equal lists are isomorphic graphs."""
    with open_store(location, read_only=True) as store:
        text = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode()
    assert "_:" not in text
    return sorted(text.splitlines())


def findings(result: BuildResult, *roots: Path) -> list[tuple[str, str]]:
    """Every finding, the files it names by their own name (the archive's or the folder's
    path taken off: ``/tmp/.../studies.zip!/NCT1.json`` and ``/data/NCT1.json`` alike)."""
    where = re.compile("(" + "|".join(re.escape(str(r)) for r in roots) + r")(/\S*)?/")
    return sorted((d.graph_iri, where.sub("", str(f))) for d in result.documents for f in d.report.findings)


def generated(tmp_path: Path, form: str, n: int = 6) -> Path:
    if not GENERATOR.is_file():  # the sdist ships tests/ but not benchmarks/
        pytest.skip(f"{GENERATOR} is not in this tree")
    out = tmp_path / "archives"
    cmd = [sys.executable, str(GENERATOR), "--n", str(n), "--seed", "7", "--out", str(out), "--archive", form]
    subprocess.run(cmd, check=True, capture_output=True)
    return out / form


def unpack(archive: Path, folder: Path) -> Path:
    """The archive's members as plain files (a .gz: its one file, named without .gz)."""
    folder.mkdir()
    if archive.suffix == ".zip":  # the records: an index like AllPublicXML's Contents.txt is no record
        with zipfile.ZipFile(archive) as z:
            z.extractall(folder, [n for n in z.namelist() if n.endswith((".json", ".xml"))])
    else:
        (folder / archive.name[:-3]).write_bytes(gzip.decompress(archive.read_bytes()))
    return folder


def records_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".json", ".xml"))


def zipped(files: list[Path], archive: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in files:
            z.write(path, prefix + path.name)
    return archive


def both(tmp_path: Path, archive: Path, unpacked: Path, **kw) -> tuple[BuildResult, BuildResult]:
    """The archive built, and its unpacked files built, each into a store of its own."""
    a = build_store([archive], tmp_path / "from-archive", progress=quiet, jobs=1, **kw)
    b = build_store([unpacked], tmp_path / "from-files", progress=quiet, jobs=1, **kw)
    assert dump(tmp_path / "from-archive") == dump(tmp_path / "from-files")
    assert findings(a, tmp_path, unpacked) == findings(b, tmp_path, unpacked)
    return a, b


@pytest.mark.parametrize("form", ["studies.zip", "AllPublicXML.zip", "pubmed26n0001.xml.gz"])
def test_a_generated_archive_builds_the_graph_of_its_unpacked_files(tmp_path, form):
    archive = generated(tmp_path, form)
    a, _ = both(tmp_path, archive, unpack(archive, tmp_path / "unpacked"))
    assert len(a.documents) == 6 and not a.failures
    assert all(d.path.startswith(f"{archive}{SEP}") for d in a.documents)
    if form == "AllPublicXML.zip":  # the legacy layout: one folder per NCT prefix
        assert a.documents[0].path == f"{archive}{SEP}NCT9000xxxx/NCT90000000.xml"


def test_the_shared_registry_records_zipped_build_as_unpacked(tmp_path):
    records = records_in(FIXTURES / "ctgov")
    archive = zipped(records, tmp_path / "studies.zip")
    a, _ = both(tmp_path, archive, FIXTURES / "ctgov")
    assert len(a.documents) == len(records) == 29


def test_broken_members_are_named_inside_the_archive_and_the_rest_loads(tmp_path):
    """ctgov-more (a record downloaded twice, records without arms) with two broken files: with
    --keep-going each is reported by its name inside the archive, as the unpacked build
    reports the files, and every other record loads as from the files."""
    folder = tmp_path / "more"
    shutil.copytree(FIXTURES / "ctgov-more", folder)
    (folder / "NCT00000001.json").write_text('{"protocolSection": {"identificationModule": ')
    (folder / "NCT00000002.xml").write_text("<clinical_study><id_info></clinical_study>")
    archive = zipped(records_in(folder), tmp_path / "more.zip", prefix="more/")
    a, b = both(tmp_path, archive, folder, keep_going=True)
    # 7 files: results_2.json holds 3 studies (classic API), NCT00513591 is there twice
    assert len(a.documents) == len(b.documents) == 8
    assert [f.replace(f"{archive}{SEP}more/", "") for f in a.failures] == [
        f.replace(f"{folder}/", "") for f in b.failures
    ]
    assert [f.split(":")[0] for f in a.failures] == [
        f"{archive}{SEP}more/NCT00000001.json",
        f"{archive}{SEP}more/NCT00000002.xml",
    ]


def test_without_keep_going_a_broken_member_stops_the_build(tmp_path):
    good = FIXTURES / "ctgov" / "NCT00184067.json"
    bad = tmp_path / "NCT00000000.json"
    bad.write_text('{"protocolSection": {"identificationModule": {"nctId": "NCT1"}}}')
    archive = zipped([good, bad], tmp_path / "studies.zip")
    with pytest.raises(
        SourceError, match=re.escape(f"{archive}{SEP}NCT00000000.json: missing or malformed NCT id")
    ):
        build_store([archive], tmp_path / "s", progress=quiet, jobs=1)
    assert not (tmp_path / "s").exists() or dump(tmp_path / "s") == []


def test_shared_pubmed_sets_gzipped_build_as_unpacked(tmp_path):
    folder = tmp_path / "gz"
    folder.mkdir()
    for path in records_in(FIXTURES / "pubmed_xml"):
        (folder / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))
    a, b = both(tmp_path, folder, FIXTURES / "pubmed_xml", keep_going=True)
    assert len(a.documents) == len(b.documents) == 20 and not a.failures  # 20 articles in 12 files


def test_a_pubmed_set_in_slices_is_read_article_by_article(tmp_path, monkeypatch):
    """Slices of two articles: every worker reads where its articles lie, and together they
    give the whole set, each article numbered as in the file."""
    monkeypatch.setattr("kg.inputs.ARTICLES", 2)
    archive = generated(tmp_path, "pubmed26n0001.xml.gz", n=5)
    parts = units([archive])
    assert [(u.first, u.count) for u in parts if isinstance(u, ArticleSlice)] == [(0, 2), (2, 2), (4, 1)]
    both(tmp_path, archive, unpack(archive, tmp_path / "unpacked"))


def test_a_broken_article_is_reported_alone_at_its_line_in_the_file(tmp_path):
    """The other articles load; the broken one is named at the line where the unpacked file
    breaks."""
    source = (FIXTURES / "pubmed_xml" / "ncbiutils__pubmed22n1313.xml").read_bytes()
    articles = re.findall(rb"<PubmedArticle>.*?</PubmedArticle>", source, re.S)
    assert len(articles) == 4
    articles[1] = articles[1].replace(b"</ArticleTitle>", b"</Title>", 1)
    body = b"<PubmedArticleSet>\n" + b"\n".join(articles) + b"\n</PubmedArticleSet>\n"
    (tmp_path / "set.xml").write_bytes(body)
    with pytest.raises(SourceError) as unpacked:
        build_store([tmp_path / "set.xml"], tmp_path / "s1", progress=quiet, jobs=1)
    archive = tmp_path / "set.xml.gz"
    archive.write_bytes(gzip.compress(body))
    result = build_store([archive], tmp_path / "s2", progress=quiet, keep_going=True, jobs=1)
    assert len(result.documents) == 3
    [failure] = result.failures
    assert failure.startswith(f"{archive}{SEP}set.xml:{unpacked.value.line}: malformed XML: mismatched tag")


def test_a_cut_download_and_a_zip_bomb_are_refused_by_name(tmp_path, monkeypatch):
    records = sorted((FIXTURES / "ctgov").glob("*.json"))[:2]
    archive = zipped(records, tmp_path / "studies.zip")
    cut = tmp_path / "cut.xml.gz"
    cut.write_bytes(gzip.compress((FIXTURES / "pubmed_xml" / "biopython__pubmed4.xml").read_bytes())[:-200])
    monkeypatch.setattr("kg.inputs.MAX_BYTES", min(p.stat().st_size for p in records) - 1)
    result = build_store([archive, cut], tmp_path / "s", progress=quiet, keep_going=True, jobs=1)
    assert not result.documents
    assert [f.split(": ", 1)[0] for f in result.failures] == [
        f"{archive}{SEP}{records[0].name}",
        f"{archive}{SEP}{records[1].name}",
        f"{cut}{SEP}cut.xml",
    ]
    assert "larger than any record" in result.failures[0]
    assert "damaged or cut gzip stream" in result.failures[2]


def test_a_folder_of_archives_and_files_reads_them_all(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    zipped(sorted((FIXTURES / "ctgov").glob("*.json")), folder / "studies.zip")
    shutil.copy(FIXTURES / "ctgov" / "NCT01642004.xml", folder)
    names = [u.name for u in units([folder])]
    assert names[-1] == str(folder / "studies.zip") + SEP + "NCT06388018.json"
    assert names[0] == str(folder / "NCT01642004.xml")
    assert len(names) == 1 + len(list((FIXTURES / "ctgov").glob("*.json")))
