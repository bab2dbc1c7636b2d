"""``ctkg serve``: the embedded store as a SPARQL 1.1 Protocol endpoint (and, through
``kg.web``, as linked data).

The store is opened read-only, which takes no lock: ``ctkg build`` can write the same
store meanwhile, and the server reopens its handle when the files on disk change, so
readers see each committed build.  Queries run on the default graph, which the store keeps
as the union of the named graphs (see kg.store), with a timeout and a row limit, in worker
processes that are killed at the timeout or when the engine crashes (``kg.query_workers``);
queries too long, too deeply nested or calling a SERVICE not allowed are refused first
(``kg.query_limits``).  Updates are refused unless ``--writable``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from kg.query_limits import refusal
from kg.query_workers import Job, QueryWorkers
from kg.sparql_eval import Response, StoreProvider, evaluate, text_response, timed_out
from kg.web.app import make_app as linked_data_app

if TYPE_CHECKING:
    import pyoxigraph

MAX_BODY_BYTES = 1 << 20  # a query or an update form; the query limit is lower still


class SparqlService:
    """The protocol itself, independent of any HTTP server: (method, params, body) → Response.
    Queries go to killable worker processes (``kg.query_workers``), or with ``workers``
    None (a writable server, whose store only this process may open) run here."""

    def __init__(
        self,
        provider: Callable[[], pyoxigraph.Store],
        timeout_s: float,
        row_limit: int,
        workers: QueryWorkers | None = None,
        allowed_services: frozenset[str] = frozenset(),
    ):
        self.provider, self.timeout_s, self.row_limit = provider, timeout_s, row_limit
        self.writable = getattr(provider, "writable", False)
        self.workers, self.allowed_services = workers, allowed_services
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ctkg-query")

    def query(
        self, text: str, accept: str | None, fmt: str | None, dataset: dict[str, list[str]]
    ) -> Response:
        why = refusal(text, self.allowed_services)
        if why:
            return text_response("400 Bad Request", why)
        if self.workers is not None:
            return self.workers.run(Job(text, accept, fmt, dataset))
        future = self._pool.submit(
            evaluate, self.provider(), text, accept, fmt, dataset, self.row_limit, self.timeout_s
        )
        try:
            return future.result(timeout=self.timeout_s + 1)
        except FutureTimeout:
            return timed_out(self.timeout_s)

    def update(self, text: str) -> Response:
        if not self.writable:
            return text_response(
                "403 Forbidden", "this endpoint is read-only (start 'ctkg serve --writable' to allow updates)"
            )
        try:
            self.provider().update(text)
        except SyntaxError as err:
            return text_response("400 Bad Request", f"malformed update: {err}")
        except (OSError, RuntimeError, ValueError) as err:
            return text_response("500 Internal Server Error", f"update failed: {err}")
        return Response("204 No Content", "text/plain", b"")


class BadRequest(ValueError):
    """A request the protocol cannot read: answered 4xx with the reason."""

    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def _request(environ: dict) -> tuple[dict[str, list[str]], str | None, str | None]:
    """Protocol parameters, and a query or update sent directly as the body (with its kind)."""
    params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True, errors="strict")
    if environ["REQUEST_METHOD"] != "POST":
        return params, None, None
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadRequest("400 Bad Request", "Content-Length is not a number") from None
    if length > MAX_BODY_BYTES:
        raise BadRequest("413 Content Too Large", f"a body of at most {MAX_BODY_BYTES:,} bytes is read")
    try:
        body = environ["wsgi.input"].read(length).decode("utf-8") if length > 0 else ""
    except UnicodeDecodeError as err:
        raise BadRequest("400 Bad Request", f"the body is not UTF-8 text (byte {err.start})") from None
    ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if ctype == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body, keep_blank_values=True, errors="strict").items():
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
    workers: QueryWorkers | None = None,
    allowed_services: frozenset[str] = frozenset(),
) -> Callable:
    """The WSGI application: ``/sparql`` (alias ``/query``) and ``/update``; other paths go to
    the linked-data pages.  Every answer says ``nosniff``; a request that cannot be read is a
    4xx, a failure a bare 500: no traceback ever reaches a client."""
    service = SparqlService(provider, timeout_s, row_limit, workers, allowed_services)
    pages = linked_data_app(provider, base)

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        def respond(status: str, headers: list, exc_info=None):
            return start_response(status, [*headers, ("X-Content-Type-Options", "nosniff")], exc_info)

        path = environ.get("PATH_INFO", "/")
        if path in ("/sparql", "/query", "/update"):
            response = _guarded(service, environ, path)
        elif _UNREADABLE_PATH.search(path) or len(path) > MAX_PATH_CHARS:
            response = text_response("404 Not Found", "no such resource")
        else:
            return pages(environ, respond)
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(response.body)))]
        respond(response.status, headers + list(response.headers))
        return [response.body]

    return app


MAX_PATH_CHARS = 2_000
_UNREADABLE_PATH = re.compile(r"[\x00-\x1f\x7f]|[\ud800-\udfff]")


def _guarded(service: SparqlService, environ: dict, path: str) -> Response:
    try:
        return _protocol(service, environ, path)
    except BadRequest as err:
        return text_response(err.status, str(err))
    except UnicodeDecodeError as err:
        return text_response("400 Bad Request", f"a parameter is not UTF-8 once decoded (byte {err.start})")
    except Exception as err:  # a bug: the log names it, the client gets no traceback
        print(f"ctkg serve: {path}: {type(err).__name__}: {err}", file=environ.get("wsgi.errors", sys.stderr))
        return text_response("500 Internal Server Error", "the request failed")


def _protocol(service: SparqlService, environ: dict, path: str) -> Response:
    if environ["REQUEST_METHOD"] not in ("GET", "POST"):
        return text_response("405 Method Not Allowed", "use GET or POST")
    params, direct, kind = _request(environ)
    if kind not in (None, "query", "update"):
        return text_response(
            "415 Unsupported Media Type", f"cannot read a {kind} body; send a SPARQL query or form"
        )
    update = direct if kind == "update" else (params.get("update") or [None])[0]
    if update is not None or path == "/update":
        if environ["REQUEST_METHOD"] != "POST":
            return text_response("405 Method Not Allowed", "updates must be POSTed")
        return service.update(update or "")
    query = direct if kind == "query" else (params.get("query") or [None])[0]
    if not query:
        return text_response("400 Bad Request", "no query: send ?query=… (GET) or POST a query")
    accept = environ.get("HTTP_ACCEPT")
    return service.query(query, accept, (params.get("format") or [None])[0], params)


@dataclass
class ServeOptions:
    """How much the server takes on: query time and rows, worker processes, connections."""

    timeout_s: float = 30.0
    row_limit: int = 10_000
    workers: int = 3
    connection_limit: int = 1_000
    idle_timeout_s: float = 20.0
    allowed_services: frozenset[str] = frozenset()


def serve(path: Path, host: str, port: int, base: str, options: ServeOptions, writable: bool) -> None:
    """Serve until interrupted; the first line on standard error names the endpoint's URL.

    Connections are many and cheap (waitress reads requests asynchronously, so an idle or
    half-sent one holds no thread) and dropped after ``idle_timeout_s`` of silence; queries
    run in ``options.workers`` processes; a writable server (trusted, local use) evaluates
    in-process, since only it may open its store."""
    import waitress

    provider = StoreProvider(path, writable)
    workers = None if writable else QueryWorkers(path, options.workers, options.row_limit, options.timeout_s)
    app = make_app(provider, base, options.timeout_s, options.row_limit, workers, options.allowed_services)
    server = waitress.create_server(
        app,
        host=host,
        port=port,
        threads=max(8, 2 * options.workers + 4),
        connection_limit=_connection_limit(options.connection_limit),
        channel_timeout=options.idle_timeout_s,
        cleanup_interval=max(1, int(options.idle_timeout_s / 4)),
        max_request_body_size=MAX_BODY_BYTES,
        max_request_header_size=64 << 10,
        ident="ctkg",
    )
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
        if workers is not None:
            workers.close()


def _connection_limit(wanted: int) -> int:
    """``wanted``, within what the process may open: the soft file limit is raised to the
    hard one when it is lower (each connection is a descriptor; some are kept for the store)."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + 256
    if soft != resource.RLIM_INFINITY and soft < need:
        soft = need if hard == resource.RLIM_INFINITY else min(need, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    return max(1, min(wanted, soft - 256)) if soft != resource.RLIM_INFINITY else wanted
