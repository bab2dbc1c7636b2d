"""``ctkg serve``: a store as a SPARQL 1.1 Protocol endpoint and as linked data (the
application is ``kg.web.app``), served by waitress.

The embedded store is opened read-only, which takes no lock: ``ctkg build`` can write the
same store meanwhile, and the server reopens its handle when the files on disk change, so
readers see each committed build.  Queries run on the default graph, which the store keeps
as the union of the named graphs (see kg.stores.embedded), with a timeout and a row limit, in worker
processes that are killed at the timeout or when the engine crashes (``kg.web.workers``);
queries too long, too deeply nested or calling a SERVICE not allowed are refused first
(``kg.web.limits``).  Updates are refused unless ``--writable``.

A remote store (an Endpoint, opened by kg.stores.open_store) is served the same way, pages
and /sparql alike, with the same refusals, row limit and answer formats; its server evaluates
the queries (within the timeout), so no worker processes are needed, and it is never
writable through ctkg serve: updates go to that server itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.web.app import make_app
from kg.web.protocol import MAX_BODY_BYTES
from kg.web.provider import StoreProvider
from kg.web.workers import QueryWorkers

if TYPE_CHECKING:
    from kg.stores import Endpoint
    from kg.stores.protocol import Store


@dataclass
class ServeOptions:
    """How much the server takes on: query time and rows, worker processes, connections."""

    timeout_s: float = 30.0
    row_limit: int = 10_000
    workers: int = 3
    connection_limit: int = 1_000
    idle_timeout_s: float = 20.0
    allowed_services: frozenset[str] = frozenset()


@contextmanager
def served(
    where: Path | Endpoint, options: ServeOptions, writable: bool
) -> Iterator[tuple[Callable[[], Store], QueryWorkers | None]]:
    """The store to serve and the worker processes its queries run in: an embedded store's
    folder (workers, unless writable: only this process may open it then) or a remote store
    (no workers: its server evaluates the queries)."""
    from kg.stores import Endpoint, StoreError, open_store

    if isinstance(where, Endpoint):
        if writable:
            raise StoreError(f"--writable serves the embedded store only; send updates to {where.update_url}")
        with open_store(where) as store:
            yield (lambda: store), None
        return
    provider = StoreProvider(where, writable)
    workers = None if writable else QueryWorkers(where, options.workers, options.row_limit, options.timeout_s)
    try:
        yield provider, workers
    finally:
        if workers is not None:
            workers.close()


def serve(
    where: Path | Endpoint, host: str, port: int, base: str, options: ServeOptions, writable: bool
) -> None:
    """Serve any store (an embedded store's folder, or a remote store's Endpoint) until
    interrupted; the first line on standard error names the endpoint's URL.

    Connections are many and cheap (waitress reads requests asynchronously, so an idle or
    half-sent one holds no thread) and dropped after ``idle_timeout_s`` of silence; embedded
    queries run in ``options.workers`` processes; a writable server (trusted, local use)
    evaluates in-process, since only it may open its store."""
    with served(where, options, writable) as (provider, workers):
        _run(
            make_app(provider, base, options.timeout_s, options.row_limit, workers, options.allowed_services),
            host,
            port,
            options,
        )


def _run(app, host: str, port: int, options: ServeOptions) -> None:
    import waitress

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
