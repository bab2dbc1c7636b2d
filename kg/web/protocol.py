"""The SPARQL 1.1 Protocol of ``ctkg serve`` (``/sparql``, alias ``/query``, and ``/update``):
reading a request as the protocol defines it, and answering it from the store.

What the protocol leaves to the server is decided here: a request that is ambiguous (two
queries, a query and an update, a body in another encoding than UTF-8) is refused with 400
rather than guessed at; ``format=`` counts only where this server defines the value (see
``kg.web.evaluate.chosen_media``), Accept decides otherwise; every answer allows any origin
(CORS), and the browser's OPTIONS preflight is answered.  Queries go to killable worker
processes (``kg.web.workers``) after the refusals of ``kg.web.limits``; updates are refused
unless the server is ``--writable``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING
from urllib.parse import parse_qs
from wsgiref.util import request_uri

from kg.web.evaluate import Job, evaluate
from kg.web.limits import refusal
from kg.web.response import CORS, Response, text_response, timed_out
from kg.web.update_dataset import UpdateDatasetError, with_dataset
from kg.web.workers import QueryWorkers

if TYPE_CHECKING:
    from kg.stores.protocol import Store

MAX_BODY_BYTES = 1 << 20  # a query or an update form; the query limit is lower still
PREFLIGHT = (
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Max-Age", "86400"),
)
EXPOSED = (("Access-Control-Expose-Headers", "X-Ctkg-Row-Limit, X-Ctkg-Truncated"),)


class SparqlService:
    """The protocol's operations, independent of HTTP: a query or an update → Response.
    Queries on any store (kg.stores): on the embedded one in killable worker processes
    (``kg.web.workers``), or with ``workers`` None (a writable server, whose store only this
    process may open; a remote store, whose server evaluates them) here.  Updates only on a
    writable embedded store."""

    def __init__(
        self,
        provider: Callable[[], Store],
        timeout_s: float,
        row_limit: int,
        workers: QueryWorkers | None = None,
        allowed_services: frozenset[str] = frozenset(),
    ):
        self.provider, self.timeout_s, self.row_limit = provider, timeout_s, row_limit
        self.writable = getattr(provider, "writable", False)
        self.workers, self.allowed_services = workers, allowed_services
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="ctkg-query")

    def query(self, job: Job) -> Response:
        why = refusal(job.text, self.allowed_services)
        if why:
            return text_response("400 Bad Request", why)
        if self.workers is not None:
            return self.workers.run(job)
        future = self._pool.submit(evaluate, self.provider(), job, self.row_limit, self.timeout_s)
        try:
            return future.result(timeout=self.timeout_s + 1)
        except FutureTimeout:
            return timed_out(self.timeout_s)

    def update(self, text: str, base_iri: str) -> Response:
        """Run an update; relative IRIs in it resolve against ``base_iri`` (the endpoint)."""
        if not self.writable:
            return text_response(
                "403 Forbidden", "this endpoint is read-only (start 'ctkg serve --writable' to allow updates)"
            )
        try:
            self.provider().oxigraph.update(text, base_iri=base_iri)  # writable: embedded only
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


def answer(service: SparqlService, environ: dict, path: str) -> Response:
    """The answer to one request on a protocol path; a bug is logged, never shown."""
    if environ["REQUEST_METHOD"] == "OPTIONS":
        asked = environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS") or "Accept, Content-Type"
        return Response(
            "204 No Content", "text/plain", b"", (*CORS, *PREFLIGHT, ("Access-Control-Allow-Headers", asked))
        )
    try:
        response = _protocol(service, environ, path)
    except BadRequest as err:
        response = text_response(err.status, str(err))
    except UnicodeDecodeError as err:
        response = text_response(
            "400 Bad Request", f"a parameter is not UTF-8 once decoded (byte {err.start})"
        )
    except Exception as err:  # a bug: the log names it, the client gets no traceback
        print(f"ctkg serve: {path}: {type(err).__name__}: {err}", file=environ.get("wsgi.errors", sys.stderr))
        response = text_response("500 Internal Server Error", "the request failed")
    return response.with_headers(*CORS, *EXPOSED)


def _protocol(service: SparqlService, environ: dict, path: str) -> Response:
    if environ["REQUEST_METHOD"] not in ("GET", "POST"):
        return text_response("405 Method Not Allowed", "use GET or POST").with_headers(
            ("Allow", "GET, POST, OPTIONS")
        )
    params, direct, kind = _request(environ)
    if kind not in (None, "query", "update"):
        return text_response(
            "415 Unsupported Media Type", f"cannot read a {kind} body; send a SPARQL query or form"
        )
    update = direct if kind == "update" else _one(params, "update")
    query = direct if kind == "query" else _one(params, "query")
    if update is not None and query is not None:
        raise BadRequest("400 Bad Request", "a request is either a query or an update, not both")
    if update is not None or path == "/update":
        if environ["REQUEST_METHOD"] != "POST":
            return text_response("405 Method Not Allowed", "updates must be POSTed")
        try:
            update = with_dataset(
                update or "", params.get("using-graph-uri", []), params.get("using-named-graph-uri", [])
            )
        except UpdateDatasetError as err:
            raise BadRequest("400 Bad Request", str(err)) from None
        return service.update(update, request_uri(environ, include_query=False))
    if not query:
        return text_response("400 Bad Request", "no query: send ?query=… (GET) or POST a query")
    endpoint = request_uri(environ, include_query=False)
    return service.query(Job(query, environ.get("HTTP_ACCEPT"), params.get("format", []), params, endpoint))


def _one(params: dict[str, list[str]], name: str) -> str | None:
    """The single value of a protocol parameter; several are ambiguous, so refused."""
    values = params.get(name)
    if values is None:
        return None
    if len(values) > 1:
        raise BadRequest("400 Bad Request", f"{len(values)} '{name}' parameters; send exactly one")
    return values[0]


def _request(environ: dict) -> tuple[dict[str, list[str]], str | None, str | None]:
    """Protocol parameters, and a query or update sent directly as the body (with its kind)."""
    params = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True, errors="strict")
    if environ["REQUEST_METHOD"] != "POST":
        return params, None, None
    ctype, _, rest = environ.get("CONTENT_TYPE", "").partition(";")
    ctype = ctype.strip().lower()
    charset = _charset(rest)
    if charset not in (None, "utf-8", "utf8", "us-ascii"):
        raise BadRequest("400 Bad Request", f"the body is {charset}; the SPARQL protocol reads UTF-8 only")
    body = _body(environ)
    if ctype == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body, keep_blank_values=True, errors="strict").items():
            params.setdefault(key, []).extend(values)
        return params, None, None
    if ctype in ("application/sparql-query", "application/sparql-update"):
        if ctype.endswith("query") and "query" in params:
            raise BadRequest("400 Bad Request", "a query in the body and another in the URL; send one")
        return params, body, ctype.rsplit("-", 1)[1]
    return params, None, ctype or "none"


def _charset(parameters: str) -> str | None:
    for part in parameters.split(";"):
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"').lower()
    return None


def _body(environ: dict) -> str:
    """The request body as text: at most ``MAX_BODY_BYTES``, UTF-8 or refused."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadRequest("400 Bad Request", "Content-Length is not a number") from None
    if length > MAX_BODY_BYTES:
        raise BadRequest("413 Content Too Large", f"a body of at most {MAX_BODY_BYTES:,} bytes is read")
    data = environ["wsgi.input"].read(length) if length > 0 else b""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadRequest("400 Bad Request", "the body is UTF-16; the SPARQL protocol reads UTF-8 only")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadRequest("400 Bad Request", f"the body is not UTF-8 text (byte {err.start})") from None
