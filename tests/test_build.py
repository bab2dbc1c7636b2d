"""Bulk builds (``build_store``, what ``ctkg build`` runs): all or nothing, no duplicates on a
re-run, the same store whatever the number of worker processes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg.build
from kg.build import BuildError, build_store, prepare
from kg.sources import SourceError
from kg.store import open_store

ABSTRACTS = Path(__file__).parent / "fixtures" / "abstracts"
CTGOV = Path(__file__).parent / "fixtures" / "ctgov"


def quiet(_message: str) -> None:
    pass


def dump(location: Path) -> list[str]:
    with open_store(location, read_only=True) as store:
        text = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode()
    stamp = r'"[0-9T:+.Z-]+"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
    return sorted(re.sub(stamp, '"T"', line) for line in text.splitlines())


@pytest.fixture()
def corpus(tmp_path) -> Path:
    """The real abstracts and registry records of the fixtures, in one folder."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in [*ABSTRACTS.glob("*.txt"), *CTGOV.glob("*.json")]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture()
def small_chunks(monkeypatch):
    """Several tasks per worker and several bulk loads per run, even for a few files: a
    failure then comes after some batches are already in the staging store."""
    monkeypatch.setattr(kg.build, "CHUNK", 3)
    monkeypatch.setattr(kg.build, "BATCH_BYTES", 100_000)


def test_two_workers_build_the_same_store_as_one(tmp_path, corpus, small_chunks):
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = build_store([corpus], one, jobs=1, keep_going=True, progress=quiet)
    r2 = build_store([corpus], two, jobs=2, keep_going=True, progress=quiet)
    assert len(r1.documents) == len(r2.documents) > 25
    assert [d.graph_iri for d in r1.documents] == [d.graph_iri for d in r2.documents]
    assert [d.report for d in r1.documents] == [d.report for d in r2.documents]
    assert r1.failures == r2.failures
    assert dump(one) == dump(two)
    assert len(dump(one)) == r1.triples


def test_rebuilding_replaces_graphs_and_keeps_the_others(tmp_path, corpus, small_chunks, seed_path):
    location = tmp_path / "s"
    build_store([seed_path], location, jobs=1, progress=quiet)
    seed_only = dump(location)
    build_store([corpus], location, jobs=2, keep_going=True, progress=quiet)
    first = dump(location)
    build_store([corpus], location, jobs=2, keep_going=True, progress=quiet)
    assert dump(location) == first  # the same graphs, replaced: nothing twice
    assert set(seed_only) < set(first)  # the seed's graph is still there
    assert not list(tmp_path.glob(".s.*"))  # no staging or old folder left behind


def test_a_bad_file_in_the_middle_leaves_the_store_as_it_was(tmp_path, corpus, small_chunks, seed_path):
    location = tmp_path / "s"
    build_store([seed_path], location, jobs=1, progress=quiet)
    before = dump(location)
    names = sorted(p.name for p in corpus.iterdir())
    broken = corpus / (names[len(names) // 2].rsplit(".", 1)[0] + "-broken.txt")
    broken.write_text("PMID: 1\n\nnot a PubMed page\n")
    with pytest.raises(SourceError, match="broken.txt"):
        build_store([corpus], location, jobs=2, progress=quiet)
    assert dump(location) == before
    assert not list(tmp_path.glob(".s.*"))


def test_keep_going_loads_the_rest_and_names_the_bad_file(tmp_path, corpus, small_chunks):
    (corpus / "zz-broken.txt").write_text("not a PubMed page\n")
    result = build_store([corpus], tmp_path / "s", jobs=2, keep_going=True, progress=quiet)
    assert len(result.failures) == 1 and "zz-broken.txt" in result.failures[0]
    assert len(dump(tmp_path / "s")) == result.triples > 5000


def test_an_invalid_graph_stops_a_bulk_build(tmp_path, seed_path, seed_text):
    page = tmp_path / "no-arms.txt"
    design = seed_text.split("randomly assigned patients 1:1")[1].split(". The primary")[0]
    results = "One hundred eighty-six patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel. "
    page.write_text(seed_text.replace(design, "").replace(results, ""))
    with pytest.raises(BuildError, match="Trial-randomizedHasTwoArms|at least two arms"):
        build_store([seed_path, page], tmp_path / "s", progress=quiet)
    assert dump(tmp_path / "s") == []
    result = build_store([page], tmp_path / "s", allow_invalid=True, progress=quiet)
    assert result.documents[0].report.violations and dump(tmp_path / "s")


def test_the_build_validation_is_the_reference_validation(seed_path):
    """A document's report in a build (fast path) is what pySHACL says of its graph."""
    from kg.validate import validate_graph

    doc = prepare(ABSTRACTS / "PMID26028407.txt")
    assert doc.report.findings == validate_graph(doc.graph).findings


def test_progress_names_files_and_rate(tmp_path, corpus, small_chunks):
    lines: list[str] = []
    build_store([corpus], tmp_path / "s", jobs=1, keep_going=True, progress=lines.append)
    assert re.search(r"\d+/\d+ files +[\d,]+ documents/s +ETA \d+:\d\d", lines[-1])
    total = len(list(corpus.iterdir()))
    assert f"{total}/{total} files" in lines[-1]
