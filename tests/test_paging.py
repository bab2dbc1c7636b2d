"""Pages and streams of the bundled listings (kg/paging.py): every row of a listing on exactly
one page, the same pages whatever page is asked for, a stream holding the listing's rows typed
as ``run`` types them (in the engine's order)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pyoxigraph
import pytest

from kg import paging
from kg.build import build
from kg.namespaces import CTKG
from kg.paging import page, sliced, stream, unordered
from kg.queries import QueryError, list_queries, load_query, run
from tests.conftest import FIXTURES, FLAURA, SEED

QUERIES = list_queries()
PARAMS = {"trials-by-drug": {"drug": "docetaxel"}, "trials-by-drug-class": {"class": "kinase inhibitor"}}
RECORDS = ["NCT00023673.xml", "NCT01357915.xml", "NCT03191552.xml", "NCT02438137.xml", "NCT02210780.json"]


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    """Seven trials: five registry records, CONTACT-01 and FLAURA."""
    store = pyoxigraph.Store()
    paths = [FIXTURES / "ctgov" / name for name in RECORDS] + [SEED, FLAURA]
    build(paths, store, progress=lambda _m: None)
    return store


def _key(row: dict) -> tuple:
    return tuple(sorted((k, str(v)) for k, v in row.items()))


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_pages_hold_every_row_of_the_listing_once(store, monkeypatch, query):
    monkeypatch.setattr(paging, "CHUNK", 1)  # one trial a chunk: the walk crosses chunks
    params = PARAMS.get(query.name, {})
    every = run(store, query, params)
    pages, offset = [], 0
    while True:
        one = page(store, query, params, 3, offset)
        assert one.columns == every.columns
        assert len(one.rows) <= 3
        if not one.rows:
            break
        pages += one.rows
        offset += 3
    assert Counter(map(_key, pages)) == Counter(map(_key, every.rows))
    if len(every.rows) > 4:  # a page asked for on its own is that part of the walk
        assert page(store, query, params, 2, 3).rows == pages[3:5]


def test_a_page_of_a_trial_listing_holds_whole_chunks_in_the_listings_order(store):
    query = load_query("arms")
    every = run(store, query).rows
    trials = {r["trial_iri"] for r in every}
    assert len(trials) == 7
    first = page(store, query, {}, len(every), 0).rows  # all rows: chunks of eight trials, so one
    assert first == every


def test_a_listing_without_subjects_is_sliced_in_its_own_order(store):
    query = dataclasses.replace(load_query("unmapped-drugs"), restrict=())  # sorted, no subject
    every = run(store, query).rows
    assert len(every) > 2
    assert page(store, query, {}, 2, 1).rows == every[1:3]
    assert sliced(query, 2, 1).text.rstrip().endswith("LIMIT 2\nOFFSET 1")


def test_a_listing_ranked_by_a_count_pages_by_drug_each_with_its_whole_count(store, monkeypatch):
    """unmapped-drugs ranks drugs by their trials, which needs every drug counted: a page holds
    drugs a chunk at a time in the store's order instead, each row the listing's own (its count
    over the whole store, not over the chunk), each drug on exactly one page."""
    monkeypatch.setattr(paging, "CHUNK", 1)
    query = load_query("unmapped-drugs")
    every = {r["drug_iri"]: r for r in run(store, query).rows}
    assert len(every) > 2
    walked = [r for offset in range(0, len(every) + 2, 2) for r in page(store, query, {}, 2, offset).rows]
    assert sorted(r["drug_iri"] for r in walked) == sorted(every)
    assert all(r == every[r["drug_iri"]] for r in walked)


def test_a_page_of_a_listing_of_one_row_a_trial_runs_on_its_own_trials_only(store, monkeypatch):
    """trial-summary ('# pages: a row a subject'): the page at an offset is the query restricted
    to the trials at that offset, in the store's order; the trials before are not queried."""
    query = load_query("trial-summary")
    every = {r["trial_iri"]: r for r in run(store, query).rows}
    order = [r["s"].value for r in store.query(f"SELECT DISTINCT ?s WHERE {{ ?s a <{CTKG}Trial> }}")]
    assert len(order) == len(every) == 7
    asked = []
    real = paging.restrict
    monkeypatch.setattr(paging, "restrict", lambda q, v, iris: asked.append(iris) or real(q, v, iris))
    assert page(store, query, {}, 2, 4).rows == [every[t] for t in order[4:6]]
    assert asked == [order[4:6]]
    assert page(store, query, {}, 5, 7).rows == []


def test_bad_pages_are_refused(store):
    with pytest.raises(QueryError, match="negative"):
        page(store, load_query("arms"), {}, -1, 0)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_stream_gives_the_listings_rows_typed_as_run_gives_them(store, query):
    params = PARAMS.get(query.name, {})
    columns, rows = stream(store, query, params)
    assert not isinstance(rows, list)
    table = run(store, query, params)
    assert columns == table.columns
    streamed = list(rows)
    assert Counter(map(_key, streamed)) == Counter(map(_key, table.rows))
    typed = {(c, type(v)) for row in streamed for c, v in row.items()}
    assert typed == {(c, type(v)) for row in table.rows for c, v in row.items()}


def test_stream_leaves_out_the_final_order_only():
    query = load_query("trial-summary")  # sub-SELECTs with their own ORDER BY
    text = unordered(query).text
    assert text.count("ORDER BY") == query.text.count("ORDER BY") - 1
    assert text.rstrip().endswith("GROUP BY ?trial_iri")
    assert unordered(load_query("unmapped-drugs")).text.rstrip().endswith("GROUP BY ?drug ?drug_iri")
    top = dataclasses.replace(query, text=query.text.rstrip() + "\nLIMIT 3\n")  # the order picks the rows
    assert unordered(top) == top


def test_a_sliced_listing_pages_through_its_stream_in_order(store):
    query = load_query("citations")  # '# pages: sliced': rows in the engine's order, as streamed
    assert query.sliced_pages and not load_query("arms").sliced_pages
    streamed = list(stream(store, query)[1])
    assert len(streamed) > 6
    walked = [
        row for offset in range(0, len(streamed) + 3, 3) for row in page(store, query, {}, 3, offset).rows
    ]
    assert walked == streamed


@pytest.mark.parametrize("name", ["arms", "citations", "unmapped-drugs"])  # chunks, sliced, sorted
def test_pages_walked_once_are_the_pages_asked_for_one_by_one(store, monkeypatch, name):
    monkeypatch.setattr(paging, "CHUNK", 1)
    query = load_query(name)
    every = run(store, query).rows
    walked = list(paging.pages(store, query, {}, 2))
    assert [len(t.rows) for t in walked[:-1]] == [2] * (len(walked) - 1) and 1 <= len(walked[-1].rows) <= 2
    assert [t.rows for t in walked] == [page(store, query, {}, 2, 2 * n).rows for n in range(len(walked))]
    assert Counter(_key(r) for t in walked for r in t.rows) == Counter(map(_key, every))
