"""The persistent store: re-runs never duplicate, failed runs change nothing."""

from __future__ import annotations

import re

import pyoxigraph
import pytest
from conftest import FIXTURES

from kg.build import BuildError, build
from kg.findings import remove_sources  # the sources' graphs, and the findings they settle
from kg.sources import SourceError
from kg.stores.embedded import StoreError, default_store_path, named_graphs, open_oxigraph


def quads(store) -> list[str]:
    return sorted(store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode().splitlines())


def without_timestamps(lines: list[str]) -> list[str]:
    stamp = r'"[0-9T:+.Z-]+"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
    return sorted(re.sub(stamp, '"T"', q) for q in lines)


def quiet(_message: str) -> None:
    pass


def build_and_dump(location, seed_path) -> list[str]:
    """Open, build, dump, and let the handle go (pyoxigraph closes a store when it is freed)."""
    with open_oxigraph(location) as store:
        before = quads(store)
        build([seed_path], store, progress=quiet)
        return before, quads(store)


def test_building_twice_leaves_the_same_triples(tmp_path, seed_path):
    empty, first = build_and_dump(tmp_path / "s", seed_path)
    reopened, second = build_and_dump(tmp_path / "s", seed_path)
    assert empty == [] and reopened == first  # persistent on disk
    assert len(second) == len(first) > 400
    assert without_timestamps(first) == without_timestamps(second)


def test_a_failed_run_changes_nothing(tmp_path, seed_path, no_ids_text):
    broken = tmp_path / "broken.txt"
    broken.write_text(no_ids_text)  # not a PubMed page
    with open_oxigraph(tmp_path / "s") as store:
        build([seed_path], store, progress=quiet)
        before = quads(store)
        with pytest.raises(SourceError):
            build([seed_path, broken], store, progress=quiet)
        assert quads(store) == before


def test_an_invalid_graph_is_not_loaded_unless_asked(seed_path, phase_2_only):
    store = pyoxigraph.Store()
    with pytest.raises(BuildError, match="nothing loaded"):
        build([seed_path], store, progress=quiet)
    assert len(store) == 0
    result = build([seed_path], store, allow_invalid=True, progress=quiet)
    assert result.documents[0].report.violations and len(store) > 0


def test_a_randomised_trial_whose_arms_were_not_read_loads_with_a_warning(tmp_path, seed_text):
    page = tmp_path / "no-arms.txt"
    design = seed_text.split("randomly assigned patients 1:1")[1].split(". The primary")[0]
    results = (
        "One hundred eighty-six patients were assigned atezolizumab plus cabozantinib, and 180 docetaxel. "
    )
    arms_named = (
        "evaluated atezolizumab plus cabozantinib versus docetaxel in"  # the background names them too
    )
    # and the safety results compare them ('in the atezolizumab plus cabozantinib and docetaxel arms'),
    # which names the arms too (``arm_compared``)
    compared = "in the atezolizumab plus cabozantinib and docetaxel arms, respectively"
    page.write_text(
        seed_text.replace(design, "")
        .replace(results, "")
        .replace(arms_named, "enrolled")
        .replace(compared, "respectively")
    )
    store = pyoxigraph.Store()
    (doc,) = build([page], store, progress=quiet).documents
    assert not doc.report.violations and len(store) > 0
    assert "Trial-randomizedHasTwoArms" in {f.shape.rsplit("#", 1)[1] for f in doc.report.warnings}


def test_one_named_graph_per_document(contact_store):
    assert named_graphs(contact_store) == ["https://w3id.org/ctkg/id/graph/pubmed-page/38552197"]


def test_default_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CTKG_STORE", str(tmp_path / "env-store"))
    assert default_store_path() == tmp_path / "env-store"
    monkeypatch.delenv("CTKG_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_path() == tmp_path / "xdg" / "ctkg" / "store"


def test_reading_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"), open_oxigraph(tmp_path / "none", read_only=True):
        pass


def _union_of_named(store) -> set[tuple]:
    return {
        (q.subject, q.predicate, q.object)
        for q in store
        if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)
    }


def _default(store) -> set[tuple]:
    return {
        (t.subject, t.predicate, t.object)
        for t in store.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph())
    }


def _count(store, text: str) -> int:
    return int(next(iter(store.query(text)))["n"].value)


CHECKMATE_017 = [FIXTURES / "abstracts" / "PMID26028407.txt", FIXTURES / "ctgov" / "NCT01642004.xml"]


def test_the_default_graph_is_the_union_of_the_sources_as_a_set():
    store = pyoxigraph.Store()
    build(CHECKMATE_017, store, progress=lambda _m: None)
    assert _default(store) == _union_of_named(store)
    shared = "SELECT (COUNT(*) AS ?n) WHERE { ?trial a <https://w3id.org/ctkg/ontology#Trial> }"
    in_graphs = (
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?trial a <https://w3id.org/ctkg/ontology#Trial> } }"
    )
    assert _count(store, in_graphs) == 2 and _count(store, shared) == 1  # one trial, asserted by both sources


def test_removing_or_replacing_a_source_keeps_the_union_exact(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    store = pyoxigraph.Store()
    build(CHECKMATE_017, store, progress=lambda _m: None)
    paper_only = pyoxigraph.Store()
    build(CHECKMATE_017[:1], paper_only, progress=lambda _m: None)
    remove_sources(store, ["NCT01642004.xml"])
    assert _default(store) == _union_of_named(store) == _union_of_named(paper_only)
    changed = tmp_path / "PMID26028407.txt"  # the same page, one figure changed
    changed.write_text(CHECKMATE_017[0].read_text().replace("9.2 months", "9.3 months"), encoding="utf-8")
    build([changed], store, progress=lambda _m: None)
    assert _default(store) == _union_of_named(store)
    assert any(str(o.value) == "9.3" for _, _, o in _default(store) if isinstance(o, pyoxigraph.Literal))
    assert not any(str(o.value) == "9.2" for _, _, o in _default(store) if isinstance(o, pyoxigraph.Literal))
