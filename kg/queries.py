"""Bundled SPARQL queries: discovery, safe parameter binding, execution, result formats.

Parameters are never pasted into query text as strings: each value becomes an RDF term,
serialised by rdflib with proper escaping, in a ``VALUES`` block placed first in the
WHERE clause, so it also works unchanged against any SPARQL 1.1 engine.

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
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal

from kg.resources import bundled_path

if TYPE_CHECKING:
    import pyoxigraph

    from kg.remote import Endpoint

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
        m = re.match(r"#\s*(\w+):\s*(.*)", line)
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
    title, description = head.get("title", path.stem), head.get("description", "")
    return QueryInfo(path.stem, path, title, description, params, text, restrict)


def list_queries() -> list[QueryInfo]:
    return [load_query(str(p)) for p in sorted(bundled_path("queries").glob("*.rq"))]


def bind(query: QueryInfo, params: dict[str, str]) -> str:
    """The query text with each parameter bound as ``VALUES ?NAME_param { term }``."""
    unknown = set(params) - set(query.parameters)
    if unknown:
        raise QueryError(
            f"query {query.name!r} takes no parameter {sorted(unknown)} (takes {query.parameters})"
        )
    missing = [p for p in query.parameters if p not in params]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=VALUE")
    if not params:
        return query.text
    block = "".join(f"\n  VALUES ?{k}_param {{ {Literal(v).n3()} }}" for k, v in params.items())
    m = re.search(r"\bWHERE\s*\{", query.text, re.IGNORECASE)
    if not m:
        raise QueryError(f"query {query.name!r} has no WHERE clause to bind parameters in")
    return query.text[: m.end()] + block + query.text[m.end() :]


_SELECT = re.compile(r"\bSELECT\s+(.*?)\bWHERE\s*\{", re.IGNORECASE | re.DOTALL)


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
    block = f"\n  VALUES ?{variable} {{ {' '.join(_iri(i) for i in iris)} }}"
    text, inserted = query.text, 0
    for i, m in reversed(list(enumerate(_SELECT.finditer(query.text)))):
        nested = re.match(r"\s*SELECT\b", query.text[m.end() :], re.IGNORECASE)  # WHERE { SELECT ... }
        if (i == 0 or variable in _projected(m.group(1))) and not nested:
            text, inserted = text[: m.end()] + block + text[m.end() :], inserted + 1
    if not inserted:
        raise QueryError(f"query {query.name!r} has no WHERE clause to restrict")
    return dataclasses.replace(query, text=text)


def run(target: pyoxigraph.Store | Endpoint, query: QueryInfo, params: dict[str, str] | None = None) -> Table:
    """Run a SELECT query on the union of the named graphs: the embedded store's default
    graph (kept as that union, see kg.store), or a remote endpoint's default graph (the
    server must make it the union); values come back as Python values, the same on both."""
    from kg.remote import Endpoint

    text = bind(query, params or {})
    if isinstance(target, Endpoint):
        return _run_remote(target, text)
    store = target
    try:
        solutions = store.query(text)  # the default graph: the union of the sources, as a set
    except SyntaxError as err:
        raise QueryError(f"{query.path}: {err}") from None
    columns = [v.value for v in solutions.variables]
    rows = [{c: _value(s[c]) for c in columns} for s in solutions]
    return Table(columns, rows)


def _run_remote(endpoint: Endpoint, text: str) -> Table:
    from kg.remote.client import select_json

    data = select_json(endpoint, text)
    columns = data.get("head", {}).get("vars", [])
    rows = [
        {c: _typed(b[c]["value"], b[c].get("datatype")) if c in b else None for c in columns}
        for b in data.get("results", {}).get("bindings", [])
    ]
    return Table(columns, rows)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}


def _value(term) -> Value:
    if term is None:
        return None
    return _typed(term.value, getattr(getattr(term, "datatype", None), "value", None))


def _typed(lexical: str, datatype: str | None) -> Value:
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
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_text(row[c]) for c in table.columns])
    return out.getvalue()


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
