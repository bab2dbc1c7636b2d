"""The linked-data pages: every path ``ctkg serve`` answers but ``/sparql``, ``/query`` and
``/update``.

Instance IRIs name things (trials, arms, drugs, results, publications), not documents, so
following the usual linked-data practice for slash IRIs a request for a resource's path
answers ``303 See Other`` to the document that describes it, chosen by content negotiation:
``<path>.html`` for browsers, ``<path>.ttl``, ``<path>.jsonld``, ``<path>.nt`` or
``<path>.rdf`` (RDF/XML) for RDF clients.  The documents are served directly under those names, which are also the file names
``ctkg publish`` writes, so a static copy of the site has the same links.
"""

from __future__ import annotations

import mimetypes
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote
from wsgiref.util import application_uri

from kg.web import data, pages, rdf
from kg.web.negotiation import negotiate as best_offer
from kg.web.response import CORS, Response

if TYPE_CHECKING:
    from kg.stores.protocol import Store

STATIC = Path(__file__).resolve().parent / "static"
TRIAL = "https://w3id.org/ctkg/ontology#Trial"
_PREFERENCE = ("html", *pages.RDF_FORMATS)
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


def negotiate(accept: str | None) -> str | None:
    """The document format (html, ttl, jsonld, nt, rdf) an Accept header prefers, None if none fits.
    Each format's own media type comes first, in our order of preference (which breaks ties,
    e.g. for */*), its aliases after, so a wildcard never picks a format through an alias."""
    media = best_offer(accept, [pages.FORMATS[f] for f in _PREFERENCE] + list(_ALIASES))
    return None if media is None else _ALIASES.get(media) or _FORMAT_OF[media]


def _content_type(fmt: str) -> str:
    media = pages.FORMATS[fmt]
    return f"{media}; charset=utf-8" if fmt in ("html", "ttl", "nt") else media


class LinkedData:
    """The pages over any store (kg.stores: embedded or remote): (WSGI environ) -> Response,
    for ``kg.web.app``."""

    def __init__(self, store_provider: Callable[[], Store], base: str) -> None:
        self.store_provider = store_provider
        self.base = base
        self.site = pages.Site(base)

    def __call__(self, environ: dict) -> Response:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            answer = self._page("405 Method Not Allowed", "Only GET and HEAD are answered here.")
            return answer.with_headers(("Allow", "GET, HEAD"))
        try:
            return self.respond(environ)
        except Exception:  # a broken page must not take the server down; the log says why
            traceback.print_exc(file=environ.get("wsgi.errors", sys.stderr))
            return self._page("500 Internal Server Error", "The page could not be made.")

    # --- routing ---------------------------------------------------------------------------------

    def respond(self, environ: dict) -> Response:
        path = environ.get("PATH_INFO", "/").lstrip("/")
        script = environ.get("SCRIPT_NAME", "").rstrip("/")
        accept = environ.get("HTTP_ACCEPT")
        store = self.store_provider()
        number = pages.index_number(path)
        if number is not None:
            html = pages.index_html(store, self.site, number)
            if html is not None:
                return self._html(html)
        if path in ("editor", "editor.html"):
            return self._html(pages.editor_html(self.site))
        if path == "forest.html":
            return self._html(pages.forest_html(store, self.site))
        if path.startswith("static/"):
            return self._static(path[len("static/") :])
        if path == "context.jsonld":
            return Response("200 OK", "application/ld+json", rdf.context_bytes(), CORS)
        if path == ".well-known/void":
            return self._see_other(f"{script}/dataset.ttl")
        if path == "dataset" or path.rpartition(".")[::2] in {("dataset", f) for f in pages.FORMATS}:
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

    def _resolve(self, store: Store, path: str) -> str | None:
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

    def _document(self, store: Store, iri: str, fmt: str) -> Response:
        local = iri[len(self.base) :]
        links = ", ".join(
            f'<{local.rsplit("/", 1)[-1]}.{e}>; rel="alternate"; type="{pages.FORMATS[e]}"'
            for e in pages.FORMATS
        )
        if fmt == "html":
            body = self._resource_html(store, iri, f"{local}.html")
            return self._html(body).with_headers(("Link", links))
        body = rdf.serialize(data.description(store, iri), fmt)
        return Response("200 OK", _content_type(fmt), body, (("Link", links), *CORS))

    def _resource_html(self, store: Store, iri: str, doc_path: str) -> str:
        statements = data.describe(store, iri)
        if TRIAL in data.types_of(statements):
            html = pages.trial_html(store, self.site, iri, doc_path)
            if html is not None:
                return html
        return pages.resource_html(store, self.site, iri, doc_path, statements)

    def _dataset(self, store: Store, path: str, accept, script: str, environ: dict) -> Response:
        if path == "dataset":
            fmt = negotiate(accept)
            return self._not_acceptable(path) if fmt is None else self._see_other(f"{script}/dataset.{fmt}")
        fmt = path.rpartition(".")[2]
        graph = rdf.void_graph(store, self.base, endpoint=application_uri(environ).rstrip("/") + "/sparql")
        if fmt == "html":
            html = pages.dataset_html(self.site, graph, rdf.dataset_iri(self.base))
            return self._html(html)
        return Response("200 OK", _content_type(fmt), rdf.serialize(graph, fmt), CORS)

    def _static(self, rel: str) -> Response:
        target = (STATIC / rel).resolve()
        if not target.is_relative_to(STATIC) or not target.is_file():
            return self._page("404 Not Found", f"No such file: /static/{rel}", f"static/{rel}")
        media = "text/javascript" if target.suffix == ".js" else mimetypes.guess_type(target.name)[0]
        media = media or "application/octet-stream"
        if media.startswith("text/"):
            media += "; charset=utf-8"
        return Response("200 OK", media, target.read_bytes(), (("Cache-Control", "max-age=3600"),))

    # --- small responses ----------------------------------------------------------------------------

    @staticmethod
    def _html(html: str, status: str = "200 OK") -> Response:
        headers = (("Content-Security-Policy", CSP),)
        return Response(status, "text/html; charset=utf-8", html.encode("utf-8"), headers)

    @staticmethod
    def _see_other(location: str) -> Response:
        body = f'<!doctype html><title>See other</title><a href="{location}">{location}</a>\n'
        headers = (("Location", location), ("Vary", "Accept"))
        return Response("303 See Other", "text/html; charset=utf-8", body.encode("utf-8"), headers)

    def _not_acceptable(self, path: str) -> Response:
        kinds = ", ".join(f"{m} (.{f})" for m, f in {**_FORMAT_OF, **_ALIASES}.items())
        page = self._page("406 Not Acceptable", f"/{path} is available as: {kinds}", path)
        return page.with_headers(("Vary", "Accept"))

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
