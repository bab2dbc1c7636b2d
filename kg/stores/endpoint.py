"""Where a remote store lives and how to authenticate, from options, environment or a config file.

Credentials never come from the command line (they would show in ``ps`` and shell history):
``CTKG_ENDPOINT_USER`` + ``CTKG_ENDPOINT_PASSWORD`` (HTTP basic) or ``CTKG_ENDPOINT_TOKEN``
(bearer), else the ``[endpoint]`` table of the config file
(``$CTKG_CONFIG``, else ``$XDG_CONFIG_HOME/ctkg/config.toml``, else ``~/.config/ctkg/config.toml``).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


UNION_MODES = ("server", "kept")


class RemoteError(RuntimeError):
    """The endpoint is unreachable, refuses the request, or answers something that is not SPARQL;
    ``status`` is the server's HTTP status when it answered one (400: it rejected the query)."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL server's three doors: query, update, and the Graph Store (per-graph GET/PUT)."""

    query_url: str
    update_url: str
    store_url: str
    timeout: float = 60.0
    user: str | None = None
    password: str | None = None
    token: str | None = None
    # "server": the server queries the union of the named graphs (Oxigraph --union-default-graph,
    # Virtuoso, GraphDB), a bag; "kept": ctkg keeps that union, as a set, in the server's own
    # default graph, as in the embedded store (Oxigraph without --union-default-graph): the
    # same set semantics and speed as the embedded store.
    union: str = "server"

    def auth_header(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            import base64

            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


def derive_urls(query_url: str) -> tuple[str, str]:
    """Update and Graph Store URLs that fit the server the query URL looks like.

    Oxigraph: ``/query`` → ``/update``, ``/store``.  Fuseki: ``/ds/query`` or ``/ds/sparql``
    or ``/ds`` → ``/ds/update``, ``/ds/data``.  GraphDB: ``/repositories/R`` →
    ``/repositories/R/statements``, ``/repositories/R/rdf-graphs/service``.
    """
    parts = urlsplit(query_url)
    segments = [s for s in parts.path.split("/") if s]

    def at(*tail: str, keep: int) -> str:
        return urlunsplit((parts.scheme, parts.netloc, "/" + "/".join(segments[:keep] + list(tail)), "", ""))

    if len(segments) >= 2 and segments[-2] == "repositories":
        return at("statements", keep=len(segments)), at("rdf-graphs", "service", keep=len(segments))
    if segments and segments[-1] in ("query", "sparql"):
        dataset = segments[:-1]
        store = "store" if not dataset else "data"
        return at("update", keep=len(dataset)), at(store, keep=len(dataset))
    return at("update", keep=len(segments)), at("data", keep=len(segments))


def config_path() -> Path:
    if os.environ.get("CTKG_CONFIG"):
        return Path(os.environ["CTKG_CONFIG"])
    root = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "ctkg" / "config.toml"


def _config() -> dict:
    path = config_path()
    if not path.is_file():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("endpoint", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise RemoteError(f"{path}: not a valid config file ({err})") from None
    if not isinstance(table, dict):
        raise RemoteError(f"{path}: [endpoint] must be a table")
    return table


def resolve_endpoint(
    query_url: str | None = None,
    update_url: str | None = None,
    store_url: str | None = None,
    timeout: float | None = None,
    union: str | None = None,
) -> Endpoint | None:
    """The endpoint to use, or None for the embedded store: option, else $CTKG_ENDPOINT, else config."""
    conf = _config()
    url = query_url or os.environ.get("CTKG_ENDPOINT") or conf.get("query")
    if not url:
        return None
    if urlsplit(url).scheme not in ("http", "https"):
        raise RemoteError(f"endpoint {url!r}: expected an http:// or https:// URL")
    derived_update, derived_store = derive_urls(url)
    env = os.environ
    return Endpoint(
        query_url=url,
        update_url=update_url or conf.get("update") or derived_update,
        store_url=store_url or conf.get("graph_store") or derived_store,
        timeout=float(timeout or env.get("CTKG_ENDPOINT_TIMEOUT") or conf.get("timeout") or 60),
        user=env.get("CTKG_ENDPOINT_USER") or conf.get("user"),
        password=env.get("CTKG_ENDPOINT_PASSWORD") or conf.get("password"),
        token=env.get("CTKG_ENDPOINT_TOKEN") or conf.get("token"),
        union=_union(union or conf.get("union") or "server"),
    )


def _union(mode: str) -> str:
    if mode not in UNION_MODES:
        raise RemoteError(f"union {mode!r}: expected one of {', '.join(UNION_MODES)}")
    return mode
