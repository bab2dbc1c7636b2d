"""The linked-data web application: every path but ``/sparql`` and ``/update``.

Instance IRIs name things (trials, arms, drugs, results, publications), not documents, so
following the usual linked-data practice for slash IRIs a request for a resource's path
answers ``303 See Other`` to the document that describes it, chosen by content negotiation:
``<path>.html`` for browsers, ``<path>.ttl``, ``<path>.jsonld`` or ``<path>.nt`` for RDF
clients.  The documents are served directly under those names, which are also the file names
``ctkg publish`` writes, so a static copy of the site has the same links.
"""

from __future__ import annotations

import mimetypes
import re
import sys
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote
from wsgiref.util import application_uri

import kg.negotiation
from kg.web import data, pages, rdf

if TYPE_CHECKING:
    import pyoxigraph

STATIC = Path(__file__).resolve().parent / "static"
TRIAL = "https://w3id.org/ctkg/ontology#Trial"
_PREFERENCE = ("html", "ttl", "jsonld", "nt")
_FORMAT_OF = {media: fmt for fmt, media in pages.FORMATS.items()}
_ALIASES = {
    "application/xhtml+xml": "html",
    "application/x-turtle": "ttl",
    "application/json": "jsonld",
    "text/plain": "nt",
}
CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)

Response = tuple[str, list[tuple[str, str]], bytes]


def negotiate(accept: str | None) -> str | None:
    """The document format (html, ttl, jsonld, nt) an Accept header prefers, None if none fits.
    Each format's own media type comes first, in our order of preference (which breaks ties,
    e.g. for */*), its aliases after, so a wildcard never picks a format through an alias."""
    media = kg.negotiation.negotiate(accept, [pages.FORMATS[f] for f in _PREFERENCE] + list(_ALIASES))
    return None if media is None else _ALIASES.get(media) or _FORMAT_OF[media]


def _content_type(fmt: str) -> str:
    media = pages.FORMATS[fmt]
    return f"{media}; charset=utf-8" if fmt in ("html", "ttl", "nt") else media


class LinkedDataApp:
    """WSGI application over a read-only store, for ``ctkg serve`` or any WSGI server."""

    def __init__(self, store_provider: Callable[[], pyoxigraph.Store], base: str) -> None:
        self.store_provider = store_provider
        self.base = base
        self.site = pages.Site(base)

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            status, headers, body = self._page(
                "405 Method Not Allowed", "Only GET and HEAD are answered here."
            )
            headers.append(("Allow", "GET, HEAD"))
        else:
            try:
                status, headers, body = self.respond(environ)
            except Exception:  # a broken page must not take the server down; the log says why
                traceback.print_exc(file=environ.get("wsgi.errors", sys.stderr))
                status, headers, body = self._page("500 Internal Server Error", "The page could not be made.")
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [b""] if method == "HEAD" else [body]

    # --- routing ---------------------------------------------------------------------------------

    def respond(self, environ: dict) -> Response:
        path = environ.get("PATH_INFO", "/").lstrip("/")
        script = environ.get("SCRIPT_NAME", "").rstrip("/")
        accept = environ.get("HTTP_ACCEPT")
        store = self.store_provider()
        if path in ("", "index.html"):
            return self._html(pages.index_html(store, self.site))
        if path in ("editor", "editor.html"):
            return self._html(pages.editor_html(self.site))
        if path == "forest.html":
            return self._html(pages.forest_html(store, self.site))
        if path.startswith("static/"):
            return self._static(path[len("static/") :])
        if path == "context.jsonld":
            return "200 OK", [("Content-Type", "application/ld+json"), *self._cors()], rdf.context_bytes()
        if path == ".well-known/void":
            return self._see_other(f"{script}/dataset.ttl")
        if path == "dataset" or re.fullmatch(r"dataset\.(html|ttl|jsonld|nt)", path):
            return self._dataset(store, path, accept, script, environ)
        stem, dot, ext = path.rpartition(".")
        if dot and ext in pages.FORMATS:
            iri = self._resolve(store, stem)
            if iri is not None:
                return self._document(store, iri, ext)
        iri = self._resolve(store, path)
        if iri is not None:
            fmt = negotiate(accept)
            if fmt is None:
                return self._not_acceptable(path)
            return self._see_other(f"{script}/{iri[len(self.base) :]}.{fmt}")
        return self._page("404 Not Found", f"Nothing is known here: /{path}", path)

    def _resolve(self, store: pyoxigraph.Store, path: str) -> str | None:
        """The graph resource at a (decoded) path, if any.  IRIs minted with percent-escapes
        (a DOI's '/' is %2F) arrive decoded, so the few ways the path can have been escaped
        are each looked up (an index lookup each: a made-up path never costs a scan)."""
        if not path or path.endswith("/") or len(path) > 2_000:
            return None
        for iri in _candidates(self.base, path):
            if data.exists(store, iri):
                return iri
        return None

    # --- representations ---------------------------------------------------------------------------

    def _document(self, store: pyoxigraph.Store, iri: str, fmt: str) -> Response:
        local = iri[len(self.base) :]
        links = ", ".join(
            f'<{local.rsplit("/", 1)[-1]}.{e}>; rel="alternate"; type="{pages.FORMATS[e]}"'
            for e in pages.FORMATS
        )
        headers = [("Content-Type", _content_type(fmt)), ("Link", links)]
        if fmt == "html":
            body = self._resource_html(store, iri, f"{local}.html")
            return "200 OK", [*headers, ("Content-Security-Policy", CSP)], body.encode("utf-8")
        return "200 OK", [*headers, *self._cors()], rdf.serialize(data.description(store, iri), fmt)

    def _resource_html(self, store: pyoxigraph.Store, iri: str, doc_path: str) -> str:
        statements = data.describe(store, iri)
        if TRIAL in data.types_of(statements):
            html = pages.trial_html(store, self.site, iri, doc_path)
            if html is not None:
                return html
        return pages.resource_html(store, self.site, iri, doc_path, statements)

    def _dataset(self, store: pyoxigraph.Store, path: str, accept, script: str, environ: dict) -> Response:
        if path == "dataset":
            fmt = negotiate(accept)
            return self._not_acceptable(path) if fmt is None else self._see_other(f"{script}/dataset.{fmt}")
        fmt = path.rpartition(".")[2]
        graph = rdf.void_graph(store, self.base, endpoint=application_uri(environ).rstrip("/") + "/sparql")
        if fmt == "html":
            html = pages.dataset_html(self.site, graph, rdf.dataset_iri(self.base))
            return self._html(html)
        return "200 OK", [("Content-Type", _content_type(fmt)), *self._cors()], rdf.serialize(graph, fmt)

    def _static(self, rel: str) -> Response:
        target = (STATIC / rel).resolve()
        if not target.is_relative_to(STATIC) or not target.is_file():
            return self._page("404 Not Found", f"No such file: /static/{rel}", f"static/{rel}")
        media = "text/javascript" if target.suffix == ".js" else mimetypes.guess_type(target.name)[0]
        media = media or "application/octet-stream"
        if media.startswith("text/"):
            media += "; charset=utf-8"
        return "200 OK", [("Content-Type", media), ("Cache-Control", "max-age=3600")], target.read_bytes()

    # --- small responses ----------------------------------------------------------------------------

    @staticmethod
    def _cors() -> list[tuple[str, str]]:
        return [("Access-Control-Allow-Origin", "*")]

    @staticmethod
    def _html(html: str, status: str = "200 OK") -> Response:
        headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Security-Policy", CSP)]
        return status, headers, html.encode("utf-8")

    @staticmethod
    def _see_other(location: str) -> Response:
        body = f'<!doctype html><title>See other</title><a href="{location}">{location}</a>\n'
        headers = [("Location", location), ("Vary", "Accept"), ("Content-Type", "text/html; charset=utf-8")]
        return "303 See Other", headers, body.encode("utf-8")

    def _not_acceptable(self, path: str) -> Response:
        kinds = ", ".join(f"{m} (.{f})" for m, f in {**_FORMAT_OF, **_ALIASES}.items())
        status, headers, body = self._page("406 Not Acceptable", f"/{path} is available as: {kinds}", path)
        return status, [*headers, ("Vary", "Accept")], body

    def _page(self, status: str, message: str, path: str = "") -> Response:
        """A short HTML answer for errors, its links relative to the requested path."""
        html = self.site.render("message.html", path or "-", title=status, message=message, alternates=[])
        return self._html(html, status)


def _candidates(base: str, path: str) -> list[str]:
    """The IRIs a decoded path can stand for: as is, and with one value from the third
    segment on percent-escaped whole ('pub/doi/10.1056/NEJMoa1' for '.../10.1056%2FNEJMoa1'),
    children of that value kept after it ('trial/pmid/X/arm/1')."""
    out = [base + quote(path, safe="/:@!$&'()*+,;=~-._")]
    segments = path.split("/")
    for end in range(len(segments), 2, -1):
        value = quote("/".join(segments[2:end]), safe="")
        rest = "".join("/" + quote(s, safe=":@!$&'()*+,;=~-._") for s in segments[end:])
        out.append(base + "/".join(quote(s, safe="") for s in segments[:2]) + "/" + value + rest)
    return list(dict.fromkeys(out))


def make_app(store_provider: Callable[[], pyoxigraph.Store], base: str) -> LinkedDataApp:
    """The WSGI application ``ctkg serve`` mounts: ``store_provider()`` returns the read-only
    store, ``base`` is the instance base IRI whose paths the application answers."""
    return LinkedDataApp(store_provider, base)
