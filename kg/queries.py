"""Bundled SPARQL queries: discovery, safe parameter binding, execution, result formats.

Parameters are never pasted into query text as strings: each value becomes an RDF term,
serialised by rdflib with proper escaping, in a ``VALUES`` block placed first in the
WHERE clause, so it also works unchanged against any SPARQL 1.1 engine.

A column a header lists under ``# sorted lists:`` holds values joined by "; " in sorted order:
``run`` sorts them, since SPARQL 1.1 leaves the order of GROUP_CONCAT to the engine (Virtuoso
joins in its own order whatever the sub-select's ORDER BY), and reads an empty list as no value.

A query whose header says ``# restrict: trial_iri`` (or another of its columns) can be
restricted to given resources (``restrict``): one trial's rows instead of the whole store's.
The restriction is a ``VALUES`` block placed first in the WHERE clause and in every sub-SELECT
projecting that variable, so the engine starts from those resources instead of computing the
whole listing and filtering it: the bundled queries are written so that Oxigraph's planner
keeps that order (each OPTIONAL a chain of single patterns, no sub-SELECT it must finish first).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rdflib import Literal

from kg.namespaces import CTKG
from kg.resources import bundled_path

if TYPE_CHECKING:
    import pyoxigraph

    from kg.stores import Endpoint
    from kg.stores.protocol import Store, Term

    Target = Store | pyoxigraph.Store | Endpoint

Value = str | int | Decimal | bool | None


class QueryError(ValueError):
    """Unknown query, bad parameter, or a query the engine rejects."""


@dataclass(frozen=True)
class QueryInfo:
    name: str
    path: Path
    title: str
    description: str
    parameters: list[str]
    text: str
    restrict: tuple[str, ...] = ()  # columns it can be restricted on (header '# restrict:')
    sorted_lists: tuple[str, ...] = ()  # columns of '; '-joined sorted values (header '# sorted lists:')
    sliced_pages: bool = False  # its pages are slices of its rows in the engine's order ('# pages: sliced')
    row_a_subject: bool = False  # one row a subject: pages are slices of them ('# pages: a row a subject')


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[dict[str, Value]]


def _header(text: str) -> dict[str, str]:
    """'# key: value' lines at the top, with indented continuation lines."""
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*(\w+(?: \w+)?):\s*(.*)", line)
        if m and not line.startswith("#  "):
            key = m.group(1).lower()
            fields[key] = m.group(2).strip()
        elif key:
            fields[key] += " " + line.lstrip("# ").strip()
    return fields


def load_query(name_or_path: str) -> QueryInfo:
    path = Path(name_or_path)
    if not (path.suffix == ".rq" and path.is_file()):
        path = bundled_path("queries", f"{name_or_path}.rq")
        if not path.is_file():
            known = ", ".join(q.name for q in list_queries())
            raise QueryError(f"no bundled query {name_or_path!r} (known: {known})")
    text = path.read_text(encoding="utf-8")
    head = _header(text)
    params = [] if head.get("parameters", "none") == "none" else re.findall(r"(\w+)\s*\(", head["parameters"])
    restrict = tuple(re.findall(r"\w+", head.get("restrict", "")))
    lists = tuple(re.findall(r"\w+", head.get("sorted lists", "")))
    title, description = head.get("title", path.stem), head.get("description", "")
    pages = head.get("pages", "")
    return QueryInfo(path.stem, path, title, description, params, text, restrict, lists,
                     sliced_pages=pages == "sliced", row_a_subject=pages == "a row a subject")  # fmt: skip


def list_queries() -> list[QueryInfo]:
    return [load_query(str(p)) for p in sorted(bundled_path("queries").glob("*.rq"))]


def bind(query: QueryInfo, params: dict[str, str]) -> str:
    """The query text with each parameter bound as ``VALUES ?NAME_param { term }``, first in the
    WHERE clause of each SELECT that uses it (the outer one unless only a sub-SELECT does: a
    sub-SELECT does not see the outer query's variables)."""
    unknown = set(params) - set(query.parameters)
    if unknown:
        raise QueryError(
            f"query {query.name!r} takes no parameter {sorted(unknown)} (takes {query.parameters})"
        )
    missing = [p for p in query.parameters if p not in params]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE")
    slots = parameter_slots(query)
    blocks = [
        (at, f"\n  VALUES ?{k}_param {{ {Literal(v).n3()} }}") for k, v in params.items() for at in slots[k]
    ]
    return _insert(query.text, blocks)


def parameter_slots(query: QueryInfo) -> dict[str, list[int]]:
    """Where each parameter's ``VALUES`` block goes in the query text (character offsets): what
    ``bind`` does, for a client that binds the values itself (the web app's SPARQL page)."""
    selects = [s for s in _selects(query.text) if not s.direct_subselect]
    if query.parameters and not selects:
        raise QueryError(f"query {query.name!r} has no WHERE clause to bind parameters in")
    return {
        p: [s.body_start for s in ([s for s in selects if f"?{p}_param" in s.own] or selects[:1])]
        for p in query.parameters
    }


@dataclass(frozen=True)
class _Select:
    """One SELECT of a query text: what it projects, where its WHERE body starts, and the
    text of that body outside the sub-SELECTs nested in it."""

    projected: frozenset[str]
    body_start: int
    own: str
    direct_subselect: bool  # WHERE { SELECT ... }: no room for anything before the sub-SELECT


_IGNORED = re.compile(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*")
_SELECT = re.compile(r"\bSELECT\s+(.*?)\bWHERE\s*\{", re.IGNORECASE | re.DOTALL)


def _selects(text: str) -> list[_Select]:
    """Every SELECT of the query, outermost first (IRIs, strings and comments masked, so their
    braces and words do not count)."""
    masked = _IGNORED.sub(lambda m: " " * len(m.group()), text)
    spans = []
    for m in _SELECT.finditer(masked):
        depth, end = 1, m.end()
        while depth and end < len(masked):
            depth += {"{": 1, "}": -1}.get(masked[end], 0)
            end += 1
        spans.append((m, end))
    out = []
    for m, end in spans:
        inner = [(n.start(), e) for n, e in spans if m.end() <= n.start() and e <= end]
        own, at = [], m.end()
        for start, stop in inner:
            if start >= at:
                own.append(masked[at:start])
                at = stop
        own.append(masked[at:end])
        direct = re.match(r"\s*SELECT\b", masked[m.end() :], re.IGNORECASE) is not None
        out.append(_Select(frozenset(_projected(m.group(1))), m.end(), "".join(own), direct))
    return out


def _insert(text: str, blocks: list[tuple[int, str]]) -> str:
    """The text with each block inserted at its offset (offsets into the original text)."""
    for at, block in sorted(blocks, reverse=True):
        text = text[:at] + block + text[at:]
    return text


def _projected(select: str) -> set[str]:
    """Variables a SELECT clause projects: ``?x`` and ``(... AS ?x)``, not those used inside."""
    select = re.sub(r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*?\s+AS\s+\?(\w+)\s*\)", r" ?\1 ", select)
    return set(re.findall(r"\?(\w+)", re.sub(r"\([^()]*\)", " ", select)))


def _iri(value: str) -> str:
    if not value or re.search(r'[\s<>"{}|^`\\]', value):
        raise QueryError(f"not an IRI: {value!r}")
    return f"<{value}>"


def restrict(query: QueryInfo, variable: str, iris: list[str]) -> QueryInfo:
    """The query limited to rows whose ``?variable`` is one of ``iris``.

    Only variables the header declares (``# restrict:``) are accepted. The ``VALUES`` block
    goes first in the outer WHERE clause and in each sub-SELECT projecting the variable: a
    sub-SELECT is evaluated on its own, so without it a per-trial query would still compute
    the sub-SELECT for every trial of the store."""
    if variable not in query.restrict:
        can = f"on {', '.join(query.restrict)} only" if query.restrict else "on nothing"
        raise QueryError(f"query {query.name!r} cannot be restricted on ?{variable} (it can be {can})")
    if not iris:
        raise QueryError(f"query {query.name!r}: no resource to restrict ?{variable} to")
    selects = _selects(query.text)
    if not selects:
        raise QueryError(f"query {query.name!r} has no WHERE clause to restrict")
    targets = selects[:1] + [s for s in selects[1:] if variable in s.projected]
    block = f"\n  VALUES ?{variable} {{ {' '.join(_iri(i) for i in iris)} }}"
    blocks = [(s.body_start, block) for s in targets if not s.direct_subselect]
    return dataclasses.replace(query, text=_insert(query.text, blocks))


_NCT = re.compile(r"NCT\d{8}", re.IGNORECASE)


def trial_iris(target: Target, trials: list[str]) -> list[str]:
    """Trial IRIs for what a user names a trial by: its IRI, or its NCT number (looked up in
    the store, so whatever base IRI it was built with)."""
    out = []
    for t in trials:
        if _NCT.fullmatch(t.strip()):
            nct = t.strip().upper()
            text = (
                f"SELECT DISTINCT ?trial WHERE {{ ?trial <{CTKG}nctId> {Literal(nct).n3()} }} ORDER BY ?trial"
            )
            found = [r["trial"] for r in _select(target, text).rows]
            if not found:
                raise QueryError(f"no trial with NCT number {nct} in the store")
            out += [str(f) for f in found]
        elif re.match(r"[a-z][\w+.-]*:\S+$", t.strip(), re.IGNORECASE):
            out.append(_iri(t.strip())[1:-1])
        else:
            raise QueryError(f"--trial {t!r}: expected a trial IRI or an NCT number such as NCT04471428")
    return out


def run(target: Target, query: QueryInfo, params: dict[str, str] | None = None) -> Table:
    """Run a SELECT query on the union of the named graphs, on any store (kg.stores): the
    embedded store's default graph (kept as that union, see kg.stores.embedded), or a remote
    server's default graph (the server must make it the union); values come back as Python
    values, the same on both."""
    table = _select(target, bind(query, params or {}), query.path)
    return Table(table.columns, [sort_lists(query, row) for row in table.rows])


def sort_lists(query: QueryInfo, row: dict[str, Value]) -> dict[str, Value]:
    """The row with each '; '-joined column of the header's ``# sorted lists:`` sorted, and an
    empty list as no value (a GROUP_CONCAT over a group without any gives "")."""
    for column in query.sorted_lists:
        if isinstance(row.get(column), str):
            row[column] = "; ".join(sorted(row[column].split("; "))) or None
    return row


def _select(target: Target, text: str, path: Path | None = None) -> Table:
    from kg.stores import as_store

    try:
        solutions = as_store(target).select(text)
    except SyntaxError as err:  # the embedded engine's parse error; a server's is a RemoteError
        raise QueryError(f"{path or 'query'}: {err}") from None
    return Table(solutions.columns, [typed_row(row) for row in solutions.rows])


def typed_row(row: dict[str, Term | None]) -> dict[str, Value]:
    """A row of terms as Python values (``typed``)."""
    return {c: None if t is None else typed(t.value, t.datatype) for c, t in row.items()}


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}


def typed(lexical: str, datatype: str | None) -> Value:
    """The Python value of a term, by its datatype: the same whichever engine produced it."""
    if datatype in _INTEGERS:
        return int(lexical)
    if datatype == f"{_XSD}decimal":
        return Decimal(lexical)
    if datatype == f"{_XSD}boolean":
        return lexical in ("true", "1")
    return lexical


def _text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    write_csv(table.columns, table.rows, out)
    return out.getvalue()


def write_csv(columns: list[str], rows: Iterable[dict[str, Value]], out: IO[str]) -> None:
    """Rows as CSV, written one by one as they come (``kg.paging.stream``)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_text(row[c]) for c in columns])


def to_json(table: Table) -> str:
    def plain(v: Value):
        return float(v) if isinstance(v, Decimal) else v

    rows = [{c: plain(r[c]) for c in table.columns} for r in table.rows]
    return json.dumps({"columns": table.columns, "rows": rows}, indent=2, ensure_ascii=False)


def to_text_table(table: Table, max_width: int = 40) -> str:
    cells = [[_text(r[c])[:max_width] for c in table.columns] for r in table.rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(lines)
