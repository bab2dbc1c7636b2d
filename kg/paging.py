"""Pages and streams of a bundled listing, without computing the whole listing first.

A listing sorted over the whole store costs the whole store before its first row: the engine
must find every row to sort them (at 100,000 documents, seconds to a minute), and a ``LIMIT``
after an ``ORDER BY`` does not change that. So a page of a query that can be restricted to its
subjects (``# restrict: trial_iri``, ``graph``, ``publication_iri`` or ``drug_iri``) is found
the other way round: the subjects are taken in the store's own order, a chunk at a time
(``LIMIT``/``OFFSET`` on one class pattern, no sort), and the query is run restricted to each
chunk (``kg.queries.restrict``), its rows in the query's own order. The chunks are always the
same for a store, whatever page is asked for, so the pages of a store are stable and cover
every row of the listing exactly once; but their order is chunk by chunk, not the whole
listing's sort (that order is the engine's: stable while the store is unchanged, not the same
on two engines); a listing ranked by an aggregate (unmapped-drugs: drugs by their trials) is
ranked within each chunk only, since its top rows need every subject counted, but each row is
whole (its count over the whole store). A query whose header says ``# pages: sliced`` is one
the engine answers row by row (no grouping it must finish first) but whose chunks would cost
more (few rows a subject, or a plan a long ``VALUES`` block spoils): its pages are ``LIMIT``
and ``OFFSET`` on its rows in the engine's order, the order ``stream`` gives, so a page costs
the rows up to it. A query without such a subject gets ``LIMIT`` and ``OFFSET`` in its own
text: the listing's sorted rows, at the cost of the listing. A query whose header says ``# pages:
a row a subject`` (trial-summary: one row a trial) gives exactly one row for each subject, so
its page at any offset is the query restricted to the subjects at that offset, nothing walked
before them; its rows are in the store's order of the subjects.

``stream`` hands a whole listing over as the engine produces it, in the engine's order: the
query's final ``ORDER BY`` is left out (a sort must hold every row before the first; a listing
of 10,000 documents took 380 MB to sort), and on the embedded store the solutions are read
lazily and typed in one pass (``_value``), so ctkg holds one row at a time. The rows are the
listing's; their order is the engine's (stable while the store is unchanged, not the same on
two engines). A query that groups (``GROUP BY``) or keeps rows ``DISTINCT`` still makes the
engine keep what it has grouped or seen.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from kg.namespaces import CTKG
from kg.queries import QueryError, QueryInfo, Table, Value, bind, restrict, run, sort_lists, typed

if TYPE_CHECKING:
    from kg.queries import Target

CHUNK = 8  # subjects in the first restricted query: Oxigraph follows a short VALUES block's links
MAX_CHUNK = 512  # a VALUES block of 1,024 subjects flips Oxigraph's plans (unmapped-drugs: 77 ms -> 1 s)
# the class whose members are the values a restrictable column takes
SUBJECTS = {
    "trial_iri": "Trial",
    "graph": "SourceGraph",
    "publication_iri": "Publication",
    "drug_iri": "Drug",
}


def page(target: Target, query: QueryInfo, params: dict[str, str], limit: int, offset: int = 0) -> Table:
    """Rows ``offset`` to ``offset + limit`` of the listing (see the module's docstring for
    their order)."""
    if limit < 0 or offset < 0:
        raise QueryError("a page's limit and offset cannot be negative")
    if query.sliced_pages:
        return run(target, sliced(unordered(query), limit, offset), params)
    variable = next((v for v in query.restrict if v in SUBJECTS), None)
    if variable is None:
        return run(target, sliced(query, limit, offset), params)
    if query.row_a_subject:
        return _subjects_page(target, query, params, variable, limit, offset)
    rows: list[dict[str, Value]] = []
    columns = None
    for table in _chunks(target, query, params, variable):
        columns = table.columns
        take = table.rows[offset : offset + limit - len(rows)]
        offset = max(0, offset - len(table.rows))
        rows += take
        if len(rows) == limit:
            break
    return Table(columns, rows) if columns else _empty(target, query, params, variable)


def pages(target: Target, query: QueryInfo, params: dict[str, str], size: int) -> Iterator[Table]:
    """Every page of ``size`` rows of the listing in turn, the pages ``page`` gives, the chunks
    walked once (``page`` walks the chunks before the one it asks for each time); the last may
    be short, and an empty listing has one empty page."""
    if size <= 0:
        raise QueryError("a page's size must be positive")
    variable = next((v for v in query.restrict if v in SUBJECTS), None)
    if query.sliced_pages or query.row_a_subject or variable is None:
        offset = 0
        while True:
            table = page(target, query, params, size + 1, offset)  # one row beyond: not the last?
            yield Table(table.columns, table.rows[:size])
            if len(table.rows) <= size:
                return
            offset += size
    rows: list[dict[str, Value]] = []
    columns = None
    for table in _chunks(target, query, params, variable):
        columns, rows = table.columns, rows + table.rows
        while len(rows) > size:  # one row beyond the page: it is not the last
            yield Table(columns, rows[:size])
            rows = rows[size:]
    yield Table(columns, rows) if columns else _empty(target, query, params, variable)


def _chunks(target: Target, query: QueryInfo, params: dict[str, str], variable: str) -> Iterator[Table]:
    """The query restricted to each chunk of subjects in turn, in the store's order. A chunk
    that gave fewer than two rows a subject is followed by one twice its size (up to
    ``MAX_CHUNK``), so a sparse listing is not walked a few subjects at a time: the chunks
    depend on the store only, never on the page asked for."""
    at, size = 0, CHUNK
    while True:
        subjects = _subjects(target, query, variable, size, at)
        if not subjects:
            return
        at += len(subjects)
        table = run(target, restrict(query, variable, subjects), params)
        yield table
        if len(table.rows) < 2 * len(subjects):
            size = min(2 * size, MAX_CHUNK)


def _subjects_page(
    target: Target, query: QueryInfo, params: dict[str, str], variable: str, limit: int, offset: int
) -> Table:
    """The rows of subjects ``offset`` to ``offset + limit`` of a query giving one row a subject,
    in the subjects' order: known without running the query on the subjects before them, and
    the same rows in the same order whatever page size asks for them."""
    subjects = _subjects(target, query, variable, limit, offset)
    if not subjects:
        return _empty(target, query, params, variable)
    table = run(target, restrict(query, variable, subjects), params)
    at = {s: n for n, s in enumerate(subjects)}
    return Table(table.columns, sorted(table.rows, key=lambda row: at[str(row[variable])]))


def _subjects(target: Target, query: QueryInfo, variable: str, limit: int, offset: int) -> list[str]:
    """Subjects ``offset`` to ``offset + limit`` in the store's order (one class pattern, no sort;
    DISTINCT, since a server's union of the graphs, a bag, names a subject once per document)."""
    text = f"SELECT DISTINCT ?s WHERE {{ ?s a <{CTKG}{SUBJECTS[variable]}> }} LIMIT {limit} OFFSET {offset}"
    return [str(r["s"]) for r in run(target, QueryInfo("subjects", query.path, "", "", [], text)).rows]


def _empty(target: Target, query: QueryInfo, params: dict[str, str], variable: str | None = None) -> Table:
    """An empty page, with the query's columns: those of the query restricted to a subject that
    names nothing, else of an empty slice (which may cost the listing: LIMIT 0 after a GROUP BY)."""
    if variable is not None:
        return Table(run(target, restrict(query, variable, [f"{CTKG}nothing"]), params).columns, [])
    return Table(run(target, sliced(query, 0, 0), params).columns, [])


def sliced(query: QueryInfo, limit: int, offset: int) -> QueryInfo:
    """The query with ``LIMIT`` and ``OFFSET`` at its end, inside any it already has."""
    text = query.text.rstrip()
    if re.search(r"\b(LIMIT|OFFSET)\s+\d+\s*$", text, re.IGNORECASE):
        raise QueryError(f"query {query.name!r} has its own LIMIT or OFFSET: it cannot be paged")
    return dataclasses.replace(query, text=f"{text}\nLIMIT {limit}\nOFFSET {offset}\n")


def unordered(query: QueryInfo) -> QueryInfo:
    """The query without its final ``ORDER BY`` (one after the last closing brace; a
    sub-SELECT's own order stays), unless a ``LIMIT`` or ``OFFSET`` follows it: then the order
    chooses the rows, and the query is left as it is."""
    last = re.search(r"\n\s*ORDER\s+BY\b[^{}]*$", query.text, re.IGNORECASE)
    if last is None or re.search(r"\b(LIMIT|OFFSET)\b", last.group(0), re.IGNORECASE):
        return query
    return dataclasses.replace(query, text=query.text[: last.start()] + "\n")


def stream(
    target: Target, query: QueryInfo, params: dict[str, str] | None = None
) -> tuple[list[str], Iterator[dict[str, Value]]]:
    """The columns and an iterator over the listing's rows in the engine's order, read from the
    engine as they come on the embedded store (a remote store's answer arrives whole)."""
    from kg.stores import as_store
    from kg.stores.embedded import EmbeddedStore

    store, query = as_store(target), unordered(query)
    if not isinstance(store, EmbeddedStore):
        table = run(store, query, params)
        return table.columns, iter(table.rows)
    try:
        solutions = store.protocol_query(bind(query, params or {}))
    except SyntaxError as err:  # the embedded engine's parse error
        raise QueryError(f"{query.path}: {err}") from None
    columns = [v.value for v in solutions.variables]
    rows = _typed_rows(columns, solutions)
    if query.sorted_lists:
        rows = (sort_lists(query, row) for row in rows)
    return columns, rows


def _typed_rows(columns: list[str], solutions: Iterable) -> Iterator[dict[str, Value]]:
    """pyoxigraph's solutions as rows of Python values, as ``typed_row`` gives them: one step
    per value instead of a ``Term`` and the row made twice (a third of a narrow listing's
    time)."""
    from pyoxigraph import Literal

    def value(term: object) -> Value:
        if term is None:
            return None
        if type(term) is Literal:
            return typed(term.value, term.datatype.value)
        return term.value  # type: ignore[attr-defined]

    for solution in solutions:
        yield dict(zip(columns, map(value, solution), strict=True))
