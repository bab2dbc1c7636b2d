"""One SPARQL protocol query evaluated on a store: (query, Accept, format, dataset) -> Response.

``ctkg serve`` runs this in worker processes (``kg.query_workers``), so that a query the
engine cannot finish in time, or one that crashes it, costs one worker and not the server.
Results stream from the engine and are cut at the row limit (the ``X-Ctkg-Truncated``
header says so) and at the deadline.  Nothing here imports the web pages: a worker starts
quickly.
"""

from __future__ import annotations

import json
import os
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.negotiation import negotiate

if TYPE_CHECKING:
    import pyoxigraph

RESULTS = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
}
GRAPHS = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ttl": "text/turtle",
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


class QueryTimeout(Exception):
    pass


@dataclass
class Response:
    status: str
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def text_response(status: str, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def timed_out(seconds: float) -> Response:
    return text_response("503 Service Unavailable", f"query timed out after {seconds:g} s")


class StoreProvider:
    """A read-only handle on a store folder, reopened when another process has changed it."""

    def __init__(self, path: Path, writable: bool = False):
        import pyoxigraph

        from kg.swap import recover_if_idle, store_lock

        self.path, self.writable = path, writable
        recover_if_idle(path)  # a build killed mid-swap: finish it before reading
        if not path.exists():
            raise FileNotFoundError(f"{path}: no store here (run 'ctkg build' first)")
        self._lock = threading.Lock()
        self._held = ExitStack()
        if writable:  # as any writer: no build may swap the folder under this handle
            self._held.enter_context(store_lock(path))
        self._signature = self._current()
        self._store = pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))

    def _current(self) -> tuple:
        stat = os.stat(self.path)
        files = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(self.path))
        return stat.st_ino, tuple(files)

    def __call__(self) -> pyoxigraph.Store:
        if self.writable:
            return self._store
        import pyoxigraph

        with self._lock:
            try:
                now = self._current()
            except OSError:  # the folder is being swapped this instant: keep the open handle
                return self._store
            if now != self._signature:
                self._store = pyoxigraph.Store.read_only(str(self.path))
                self._signature = now
            return self._store


def _term_json(term) -> dict:
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


def _solutions(result, limit: int, deadline: float) -> tuple[bytes, bool]:
    """SPARQL JSON results of at most ``limit`` rows, read until the deadline."""
    variables = [v.value for v in result.variables]
    bindings, truncated = [], False
    for solution in result:
        if time.monotonic() > deadline:
            raise QueryTimeout
        if len(bindings) == limit:
            truncated = True
            break
        bindings.append({v: _term_json(solution[v]) for v in variables if solution[v] is not None})
    body = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(body, ensure_ascii=False).encode(), truncated


def _triples(result, limit: int, deadline: float) -> tuple[list, bool]:
    triples: list = []
    for triple in result:
        if time.monotonic() > deadline:
            raise QueryTimeout
        if len(triples) == limit:
            return triples, True
        triples.append(triple)
    return triples, False


def evaluate(
    store: pyoxigraph.Store,
    text: str,
    accept: str | None,
    fmt: str | None,
    dataset: dict[str, list[str]],
    row_limit: int,
    timeout_s: float,
) -> Response:
    """The protocol's answer to one query: results in the negotiated format, or a clean error."""
    import pyoxigraph

    deadline = time.monotonic() + timeout_s
    try:
        graphs = {
            key: [pyoxigraph.NamedNode(iri) for iri in dataset.get(key, [])]
            for key in ("default-graph-uri", "named-graph-uri")
        }
    except ValueError as err:
        return text_response("400 Bad Request", f"a graph IRI is not an IRI: {err}")
    options = {"default_graph": graphs["default-graph-uri"]} if graphs["default-graph-uri"] else {}
    if graphs["named-graph-uri"]:
        options["named_graphs"] = graphs["named-graph-uri"]
    try:
        result = store.query(text, **options)  # default graph: the union, as a set
        return _answer(result, accept, fmt, row_limit, deadline)
    except SyntaxError as err:
        return text_response("400 Bad Request", f"malformed query: {err}")
    except QueryTimeout:
        return timed_out(timeout_s)
    except (OSError, RuntimeError, ValueError) as err:
        return text_response("500 Internal Server Error", f"query failed: {err}")


def _answer(result, accept: str | None, fmt: str | None, row_limit: int, deadline: float) -> Response:
    import pyoxigraph

    if isinstance(result, pyoxigraph.QueryTriples):
        media = SHORT.get(fmt or "") or negotiate(accept, list(GRAPHS))
        if media not in GRAPHS:
            return text_response("406 Not Acceptable", f"graph results come as {', '.join(GRAPHS)}")
        triples, cut = _triples(result, row_limit, deadline)
        body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, GRAPHS[media]))
        return _ok(media, body or b"", cut, row_limit)
    media = SHORT.get(fmt or "") or negotiate(accept, list(RESULTS))
    if media not in RESULTS:
        return text_response("406 Not Acceptable", f"query results come as {', '.join(RESULTS)}")
    if isinstance(result, pyoxigraph.QueryBoolean):
        data, cut = json.dumps({"head": {}, "boolean": bool(result)}).encode(), False
    else:
        data, cut = _solutions(result, row_limit, deadline)
    fmt_name = getattr(pyoxigraph.QueryResultsFormat, RESULTS[media])
    if fmt_name != pyoxigraph.QueryResultsFormat.JSON:
        data = pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.JSON).serialize(
            format=fmt_name
        )
    return _ok(media, data, cut, row_limit)


def _ok(media: str, body: bytes, truncated: bool, row_limit: int) -> Response:
    headers = (("X-Ctkg-Row-Limit", str(row_limit)),) + ((("X-Ctkg-Truncated", "true"),) if truncated else ())
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Response("200 OK", media + charset, body, headers)
