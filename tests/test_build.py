"""Bulk builds (``build_store``, what ``ctkg build`` runs): all or nothing, no duplicates on a
re-run, the same store whatever the number of worker processes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg.build
import kg.bulk
from kg.build import BuildError, build_store, prepare
from kg.namespaces import ONTOLOGY_IRI
from kg.queries import load_query, run
from kg.sources import SourceError
from kg.stores.embedded import open_oxigraph

ABSTRACTS = Path(__file__).parent / "fixtures" / "abstracts"
CTGOV = Path(__file__).parent / "fixtures" / "ctgov"


def quiet(_message: str) -> None:
    pass


def dump(location: Path) -> list[str]:
    with open_oxigraph(location, read_only=True) as store:
        text = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode()
    stamp = r'"[0-9T:+.Z-]+"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
    return sorted(re.sub(stamp, '"T"', line) for line in text.splitlines())


def named_and_union(location: Path) -> tuple[int, int, int]:
    """(quads in the source graphs, distinct triples in all named graphs (sources and the
    ontology), triples in the default graph)."""
    with open_oxigraph(location, read_only=True) as store:
        named = [q for q in store if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)]
        union = {(q.subject, q.predicate, q.object) for q in named}
        default = list(store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
        sources = [q for q in named if q.graph_name.value != ONTOLOGY_IRI]
        return len(sources), len(union), len(default)


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
    monkeypatch.setattr(kg.bulk, "BATCH_BYTES", 100_000)


def test_two_workers_build_the_same_store_as_one(tmp_path, corpus, small_chunks):
    one, two = tmp_path / "one", tmp_path / "two"
    r1 = build_store([corpus], one, jobs=1, keep_going=True, progress=quiet)
    r2 = build_store([corpus], two, jobs=2, keep_going=True, progress=quiet)
    assert len(r1.documents) == len(r2.documents) > 25
    assert [d.graph_iri for d in r1.documents] == [d.graph_iri for d in r2.documents]
    assert [d.report for d in r1.documents] == [d.report for d in r2.documents]
    assert r1.failures == r2.failures
    assert dump(one) == dump(two)
    named, union, default = named_and_union(one)
    assert named == r1.triples and default == union  # the default graph is the union, as a set


def test_rebuilding_replaces_graphs_and_keeps_the_others(tmp_path, corpus, small_chunks, seed_path):
    location = tmp_path / "s"
    build_store([seed_path], location, jobs=1, progress=quiet)
    seed_only = dump(location)
    build_store([corpus], location, jobs=2, keep_going=True, progress=quiet)
    first = dump(location)
    build_store([corpus], location, jobs=2, keep_going=True, progress=quiet)
    assert dump(location) == first  # the same graphs, replaced: nothing twice
    named, union, default = named_and_union(location)
    assert default == union
    assert set(seed_only) < set(first)  # the seed's graph is still there
    assert [p.name for p in tmp_path.glob(".s.*")] == [".s.lock"]  # no staging or old folder left


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
    assert [p.name for p in tmp_path.glob(".s.*")] == [".s.lock"]


def test_keep_going_loads_the_rest_and_names_the_bad_file(tmp_path, corpus, small_chunks):
    (corpus / "zz-broken.txt").write_text("not a PubMed page\n")
    result = build_store([corpus], tmp_path / "s", jobs=2, keep_going=True, progress=quiet)
    assert len(result.failures) == 1 and "zz-broken.txt" in result.failures[0]
    assert named_and_union(tmp_path / "s")[0] == result.triples > 5000


def test_an_invalid_graph_stops_a_bulk_build(tmp_path, seed_path, phase_2_only):
    page = ABSTRACTS / "PMID29151359.txt"  # FLAURA, phase 3 too
    with pytest.raises(BuildError, match="breaks 1 shape rule.*Trial-phase|at most one phase"):
        build_store([page, seed_path], tmp_path / "s", progress=quiet)
    assert dump(tmp_path / "s") == []
    result = build_store([seed_path], tmp_path / "s", allow_invalid=True, progress=quiet)
    assert result.documents[0].report.violations and dump(tmp_path / "s")


def test_the_build_validation_is_the_reference_validation(seed_path):
    """A document's report in a build (fast path) is what pySHACL says of its graph."""
    from kg.validate import validate_graph

    doc = prepare(ABSTRACTS / "PMID26028407.txt")
    assert doc.report.findings == validate_graph(doc.graph).findings


def test_progress_counts_documents_and_rate(tmp_path, corpus, small_chunks):
    lines: list[str] = []
    build_store([corpus], tmp_path / "s", jobs=1, keep_going=True, progress=lines.append)
    assert re.search(r"\d+/\d+ documents +[\d,]+ documents/s +ETA \d+:\d\d", lines[-1])
    total = len(list(corpus.iterdir()))
    assert f"{total}/{total} documents" in lines[-1]


POOL = Path(__file__).parent / "fixtures" / "pool"


def test_pages_once_refused_whole_now_load(tmp_path):
    """Eight real pages an earlier ctkg refused whole (see fixtures/SOURCES.md): no abstract
    text, a randomised trial read with fewer than two arms, a drug read twice in one arm, two
    trials' registry numbers, two arms read under one label.  All load in one all-or-nothing
    build, with warnings for what was not read and no Violation."""
    result = build_store([POOL], tmp_path / "s", progress=quiet)
    assert sorted(Path(d.path).name for d in result.documents) == sorted(p.name for p in POOL.glob("*.txt"))
    assert [f for d in result.documents for f in d.report.violations] == []
    warned = {Path(d.path).stem: [f.message for f in d.report.warnings] for d in result.documents}
    assert warned["PMID10647931"] == [
        "line 4: no abstract text (none published, or the page was cut): the publication loads, with a trial only if its title names one"
    ]
    with open_oxigraph(tmp_path / "s", read_only=True) as store:
        assert store.query(
            "ASK { ?pub <https://w3id.org/ctkg/ontology#pmid> '10647931' ;"
            " <https://w3id.org/ctkg/ontology#title> 'The hallmarks of cancer.' ;"
            " <https://w3id.org/ctkg/ontology#doi> '10.1016/s0092-8674(00)81683-9' }"
        )
        trials = {r["pmid"]: r for r in run(store, load_query("trial-summary")).rows}
    assert "10647931" not in trials and "11037548" not in trials  # no abstract, no trial
    # 'randomly assigned to observation (n=433) or to 30 mg/m(2) vinorelbine plus 100 mg/m(2)
    # cisplatin (n=407)'; 'registered as an International Standard Randomised Controlled Trial,
    # number ISRCTN95053737'
    anita = trials["16945766"]
    assert (anita["trial_iri"], anita["randomized"]) == (
        "https://w3id.org/ctkg/id/trial/registry/isrctn95053737",
        True,
    )
    pooled = trials["29023213"]  # CheckMate 017 and 057, pooled
    assert (pooled["trial_iri"], pooled["nct_id"], pooled["registry_ids"]) == (
        "https://w3id.org/ctkg/id/trial/pmid/29023213",
        None,
        "NCT01642004; NCT01673867",
    )


@pytest.mark.parametrize("order", [1, -1], ids=["older-last", "older-first"])
def test_of_two_versions_of_one_record_the_newer_loads_and_the_build_says_which_it_replaced(tmp_path, order):
    # NCT00513591.xml: <last_update_posted type="Actual">June 16, 2017</last_update_posted>;
    # NCT00513591_redownloaded.xml, the same record: June 14, 2016.  Whatever the order given.
    more = Path(__file__).parent / "fixtures" / "ctgov-more"
    newer, older = more / "NCT00513591.xml", more / "NCT00513591_redownloaded.xml"
    result = build_store([newer, older][::order], tmp_path / "s", progress=lambda _m: None)
    assert [d.path for d in result.documents] == [str(newer)]
    (note,) = [f.message for f in result.documents[0].report.warnings if f.component == "replaced"]
    assert note == (
        f"two versions of one record: kept {newer} (last updated 2017-06-16),"
        f" replaced {older} (last updated 2016-06-14)"
    )
    with open_oxigraph(tmp_path / "s", read_only=True) as store:
        files = {r["source_file"] for r in run(store, load_query("trial-sources")).rows}
    assert files == {"NCT00513591.xml"}


def test_three_versions_of_one_record_say_every_file_replaced(tmp_path):
    # NCT00513591.xml (June 16, 2017), _redownloaded (June 14, 2016), _mod (June 15, 2016)
    more = Path(__file__).parent / "fixtures" / "ctgov-more"
    newest, oldest = more / "NCT00513591.xml", more / "NCT00513591_redownloaded.xml"
    middle = tmp_path / "NCT00513591_mod.xml"
    middle.write_text(newest.read_text().replace("June 16, 2017", "June 15, 2016"))
    result = build_store([oldest, middle, newest], tmp_path / "s", progress=lambda _m: None)
    assert [d.path for d in result.documents] == [str(newest)]
    notes = [f.message for f in result.documents[0].report.warnings if f.component == "replaced"]
    assert [n.split("replaced ")[1].split(" (")[0] for n in notes] == [str(oldest), str(middle)]
