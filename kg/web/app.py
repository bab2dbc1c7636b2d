"""The one WSGI application of ``ctkg serve``: the SPARQL 1.1 Protocol on ``/sparql`` (alias
``/query``) and ``/update`` (``kg.web.protocol``), the linked-data pages on every other path
(``kg.web.linked_data``).  Each part answers a ``kg.web.response.Response``; only this module
speaks WSGI.  Every answer says ``nosniff``; no traceback ever reaches a client.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kg.web.linked_data import LinkedData
from kg.web.protocol import SparqlService, answer
from kg.web.response import text_response

if TYPE_CHECKING:
    from kg.stores.protocol import Store
    from kg.web.workers import QueryWorkers

PROTOCOL_PATHS = ("/sparql", "/query", "/update")
MAX_PATH_CHARS = 2_000
_UNREADABLE_PATH = re.compile(r"[\x00-\x1f\x7f]|[\ud800-\udfff]")


def make_app(
    provider: Callable[[], Store],
    base: str,
    timeout_s: float = 30.0,
    row_limit: int = 10_000,
    workers: QueryWorkers | None = None,
    allowed_services: frozenset[str] = frozenset(),
) -> Callable[[dict, Callable], Iterable[bytes]]:
    """The application over the store ``provider()`` returns: any store (kg.stores), embedded
    (read-only unless the provider is writable) or remote; ``base`` is the instance base IRI
    whose paths the pages answer.  Without ``workers`` queries run in this process (fine for
    tests, a writable server and a remote store, whose server evaluates them)."""
    service = SparqlService(provider, timeout_s, row_limit, workers, allowed_services)
    pages = LinkedData(provider, base)

    def app(environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path in PROTOCOL_PATHS:
            response = answer(service, environ, path)
        elif _UNREADABLE_PATH.search(path) or len(path) > MAX_PATH_CHARS:
            response = text_response("404 Not Found", "no such resource")
        else:
            response = pages(environ)
        return response.send(start_response, head_only=environ.get("REQUEST_METHOD") == "HEAD")

    return app
