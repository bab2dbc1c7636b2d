"""``ctkg publish DIR``: the site ``ctkg serve`` shows, as static files for any web host.

Each resource gets the documents the server's content negotiation redirects to
(``<path>.html``, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``), beside the index, forest-plot and SPARQL
pages, the static assets, the VoID/DCAT description (``dataset.*``), the JSON-LD context and
a dump of every named graph.  Everything is written into a staging folder beside DIR and
swapped in by the journalled swap of ``kg.files``, so DIR is never half-written.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kg import files
from kg.export import export_bytes
from kg.web import data, pages, rdf
from kg.web.linked_data import STATIC, TRIAL

if TYPE_CHECKING:
    from kg.stores.protocol import Store

MARKER = ".ctkg-publish"
DUMP = "dump.nq"


class PublishError(ValueError):
    """DIR cannot be replaced (it holds something that is not an earlier publication)."""


@dataclass
class Published:
    resources: int
    files: int
    skipped: list[str]


def _resources(store: Store, base: str) -> list[str]:
    """Every IRI under ``base`` the graph mentions, as subject or object."""
    from rdflib import Literal

    query = f"""
    SELECT DISTINCT ?r WHERE {{
      {{ ?r ?p ?o }} UNION {{ ?s ?p ?r }}
      FILTER(isIRI(?r) && STRSTARTS(STR(?r), {Literal(base).n3()}) && STR(?r) != {Literal(base).n3()})
    }}"""
    return sorted(row["r"].value for row in store.select(query).rows)


def _disk_path(local: str) -> str | None:
    """Where a resource's documents go: its decoded path (static hosts decode request paths),
    unless decoding would leave the folder or clash with a folder name."""
    path = unquote(local)
    parts = path.split("/")
    if any(p in ("", ".", "..") for p in parts) or "\\" in path:
        return None
    return path


def _write(root: Path, rel: str, content: bytes | str) -> None:
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def _check_replaceable(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise PublishError(f"{out}: exists and is not an earlier 'ctkg publish' output; not replacing it")


def publish(
    store: Store, out: str | Path, base: str, endpoint: str | None = None, progress=None
) -> Published:
    """Write the static site for any store (kg.stores: embedded or remote) into ``out``
    (replaced whole, or left as it was); ``endpoint`` is the SPARQL endpoint the site advertises."""
    out = Path(out).resolve()
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with files.writer_lock(out, "cannot publish: another ctkg publish is writing it"):
            files.recover(out)  # what a publish killed mid-way left
            staging = files.staging_path(out)
            staging.mkdir()
            try:
                result = _write_site(store, staging, base, endpoint, progress)
                (staging / MARKER).write_text(
                    "written by ctkg publish; the whole folder is replaced on the next run\n"
                )
                files.swap(staging, out)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
    except files.LockedError as err:
        raise PublishError(str(err)) from None
    return result


def _write_site(store: Store, root: Path, base: str, endpoint: str | None, progress) -> Published:
    site = pages.Site(base, endpoint or "sparql")
    written = 0

    def write(rel: str, content: bytes | str) -> None:
        nonlocal written
        _write(root, rel, content)
        written += 1

    for path, html in pages.index_htmls(store, site):  # each page of the trial index links the next
        write(path, html)
    write("forest.html", pages.forest_html(store, site))
    write("editor.html", pages.editor_html(site))
    write("context.jsonld", rdf.context_bytes())
    write(DUMP, export_bytes(store.local(), "nq"))
    void = rdf.void_graph(store, base, endpoint=endpoint, dump=f"{base}{DUMP}")
    write("dataset.html", pages.dataset_html(site, void, rdf.dataset_iri(base), dump_path=DUMP))
    for fmt in pages.RDF_FORMATS:
        write(f"dataset.{fmt}", rdf.serialize(void, fmt))
    shutil.copytree(STATIC, root / "static")
    written += sum(1 for p in (root / "static").rglob("*") if p.is_file())

    resources = _resources(store, base)
    skipped = []
    for n, iri in enumerate(resources, 1):
        local = iri[len(base) :]
        path = _disk_path(local)
        if path is None:
            skipped.append(iri)
            continue
        statements = data.describe(store, iri)
        html = None
        if TRIAL in data.types_of(statements):
            html = pages.trial_html(store, site, iri, f"{local}.html")
        write(f"{path}.html", html or pages.resource_html(store, site, iri, f"{local}.html", statements))
        description = data.description(store, iri)
        for fmt in pages.RDF_FORMATS:
            write(f"{path}.{fmt}", rdf.serialize(description, fmt))
        if progress and n % 200 == 0:
            progress(f"{n}/{len(resources)} resources")
    return Published(len(resources) - len(skipped), written, skipped)
