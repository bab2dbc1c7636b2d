"""``ctkg serve``: the embedded store as a SPARQL 1.1 Protocol endpoint (and, through
``kg.web``, as linked data).

The store is opened read-only, which takes no lock: ``ctkg build`` can write the same
store meanwhile, and the server reopens its handle when the files on disk change, so
readers see each committed build.  Queries run on the default graph, which the store keeps
as the union of the named graphs (see kg.store), with a
timeout and a row limit; results stream from the engine and are cut at the limit (the
``X-Ctkg-Truncated`` header says so).  Updates are refused unless ``--writable``.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from kg.negotiation import negotiate
from kg.web.app import make_app as linked_data_app

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


class StoreProvider:
    """A read-only handle on a store folder, reopened when another process has changed it."""

    def __init__(self, path: Path, writable: bool = False):
        import pyoxigraph

        self.path, self.writable = path, writable
        if not path.exists():
            raise FileNotFoundError(f"{path}: no store here (run 'ctkg build' first)")
        self._lock = threading.Lock()
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
            now = self._current()
            if now != self._signature:
                self._store = pyoxigraph.Store.read_only(str(self.path))
                self._signature = now
            return self._store


@dataclass
class Response:
    status: str
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _text(status: str, message: str) -> Response:
    return Response(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


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


class SparqlService:
    """The protocol itself, independent of any HTTP server: (method, params, body) → Response."""

    def __init__(self, provider: Callable[[], pyoxigraph.Store], timeout_s: float, row_limit: int):
        self.provider, self.timeout_s, self.row_limit = provider, timeout_s, row_limit
        self.writable = getattr(provider, "writable", False)
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ctkg-query")

    def query(
        self, text: str, accept: str | None, fmt: str | None, dataset: dict[str, list[str]]
    ) -> Response:
        future = self._pool.submit(self._run, text, accept, fmt, dataset, time.monotonic() + self.timeout_s)
        try:
            return future.result(timeout=self.timeout_s + 1)
        except (QueryTimeout, FutureTimeout):
            return _text("503 Service Unavailable", f"query timed out after {self.timeout_s:g} s")

    def _run(
        self, text: str, accept: str | None, fmt: str | None, dataset: dict, deadline: float
    ) -> Response:
        import pyoxigraph

        graphs = {
            key: [pyoxigraph.NamedNode(iri) for iri in dataset.get(key, [])]
            for key in ("default-graph-uri", "named-graph-uri")
        }
        options = {"default_graph": graphs["default-graph-uri"]} if graphs["default-graph-uri"] else {}
        if graphs["named-graph-uri"]:
            options["named_graphs"] = graphs["named-graph-uri"]
        try:
            result = self.provider().query(text, **options)  # default graph: the union, as a set
        except SyntaxError as err:
            return _text("400 Bad Request", f"malformed query: {err}")
        except (OSError, RuntimeError, ValueError) as err:
            return _text("500 Internal Server Error", f"query failed: {err}")
        if isinstance(result, pyoxigraph.QueryTriples):
            media = SHORT.get(fmt or "") or negotiate(accept, list(GRAPHS))
            if media not in GRAPHS:
                return _text("406 Not Acceptable", f"graph results come as {', '.join(GRAPHS)}")
            triples, cut = _triples(result, self.row_limit, deadline)
            body = pyoxigraph.serialize(triples, format=getattr(pyoxigraph.RdfFormat, GRAPHS[media]))
            return self._answer(media, body or b"", cut)
        media = SHORT.get(fmt or "") or negotiate(accept, list(RESULTS))
        if media not in RESULTS:
            return _text("406 Not Acceptable", f"query results come as {', '.join(RESULTS)}")
        if isinstance(result, pyoxigraph.QueryBoolean):
            data, cut = json.dumps({"head": {}, "boolean": bool(result)}).encode(), False
        else:
            data, cut = _solutions(result, self.row_limit, deadline)
        fmt_name = getattr(pyoxigraph.QueryResultsFormat, RESULTS[media])
        if fmt_name != pyoxigraph.QueryResultsFormat.JSON:
            data = pyoxigraph.parse_query_results(data, format=pyoxigraph.QueryResultsFormat.JSON).serialize(
                format=fmt_name
            )
        return self._answer(media, data, cut)

    def _answer(self, media: str, body: bytes, truncated: bool) -> Response:
        headers = (("X-Ctkg-Row-Limit", str(self.row_limit)),) + (
            (("X-Ctkg-Truncated", "true"),) if truncated else ()
        )
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        return Response("200 OK", media + charset, body, headers)

    def update(self, text: str) -> Response:
        if not self.writable:
            return _text(
                "403 Forbidden", "this endpoint is read-only (start 'ctkg serve --writable' to allow updates)"
            )
        try:
            self.provider().update(text)
        except SyntaxError as err:
            return _text("400 Bad Request", f"malformed update: {err}")
        return Response("204 No Content", "text/plain", b"")


def _request(environ: dict) -> tuple[dict[str, list[str]], str | None, str | None]:
    """Protocol parameters, and a query or update sent directly as the body (with its kind)."""
    params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if environ["REQUEST_METHOD"] != "POST":
        return params, None, None
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length).decode("utf-8") if length else ""
    ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
        return params, None, None
    if ctype in ("application/sparql-query", "application/sparql-update"):
        return params, body, ctype.rsplit("-", 1)[1]
    return params, None, ctype or "none"


def make_app(
    provider: Callable[[], pyoxigraph.Store],
    base: str,
    timeout_s: float = 30.0,
    row_limit: int = 10_000,
) -> Callable:
    """The WSGI application: ``/sparql`` (alias ``/query``) and ``/update``; other paths go to
    the linked-data pages."""
    service = SparqlService(provider, timeout_s, row_limit)
    pages = linked_data_app(provider, base)

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path in ("/sparql", "/query", "/update"):
            response = _protocol(service, environ, path)
        else:
            return pages(environ, start_response)
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body)))]
        start_response(response.status, headers + list(response.headers))
        return [response.body]

    return app


def _protocol(service: SparqlService, environ: dict, path: str) -> Response:
    if environ["REQUEST_METHOD"] not in ("GET", "POST"):
        return _text("405 Method Not Allowed", "use GET or POST")
    params, direct, kind = _request(environ)
    if kind not in (None, "query", "update"):
        return _text("415 Unsupported Media Type", f"cannot read a {kind} body; send a SPARQL query or form")
    update = direct if kind == "update" else (params.get("update") or [None])[0]
    if update is not None or path == "/update":
        if environ["REQUEST_METHOD"] != "POST":
            return _text("405 Method Not Allowed", "updates must be POSTed")
        return service.update(update or "")
    query = direct if kind == "query" else (params.get("query") or [None])[0]
    if not query:
        return _text("400 Bad Request", "no query: send ?query=… (GET) or POST a query")
    accept = environ.get("HTTP_ACCEPT")
    return service.query(query, accept, (params.get("format") or [None])[0], params)


def serve(
    path: Path, host: str, port: int, base: str, timeout_s: float, row_limit: int, writable: bool
) -> None:
    """Serve until interrupted; the first line on standard error names the endpoint's URL."""
    import waitress

    app = make_app(StoreProvider(path, writable), base, timeout_s, row_limit)
    server = waitress.create_server(app, host=host, port=port, threads=8, ident="ctkg")
    print(
        f"ctkg serve: SPARQL endpoint at http://{host}:{server.effective_port}/sparql",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
