"""The embedded, persistent store (pyoxigraph): one named graph per source document.

Replacing a document's graph is a single SPARQL update (drop, then insert), which
Oxigraph applies in one transaction: a re-run never duplicates and a failure changes
nothing.  Large builds go through the bulk loader into a staging copy instead
(``kg.build.build_store``).  Queries see the union of all named graphs.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

if TYPE_CHECKING:
    import pyoxigraph


class StoreError(RuntimeError):
    """The store cannot be opened or written (locked, unreadable, not a store)."""


def default_store_path() -> Path:
    """$CTKG_STORE, else the per-user data folder ($XDG_DATA_HOME or ~/.local/share)/ctkg/store."""
    if os.environ.get("CTKG_STORE"):
        return Path(os.environ["CTKG_STORE"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "ctkg" / "store"


@contextmanager
def open_store(path: str | Path | None = None, read_only: bool = False) -> Iterator[pyoxigraph.Store]:
    import pyoxigraph

    location = Path(path) if path else default_store_path()
    try:
        if read_only:
            if not location.exists():
                raise StoreError(f"{location}: no store here (run 'ctkg build' first)")
            store = pyoxigraph.Store.read_only(str(location))
        else:
            location.mkdir(parents=True, exist_ok=True)
            store = pyoxigraph.Store(str(location))
    except (OSError, RuntimeError) as err:
        hint = " - is another ctkg process (build or serve) using it?" if "lock" in str(err).lower() else ""
        raise StoreError(f"{location}: cannot open the store ({err}){hint}") from None
    try:
        yield store
    finally:
        # pyoxigraph has no close(): the lock goes when the handle is freed, and a
        # reference cycle elsewhere can keep it alive until the next collection.
        del store
        gc.collect()


def replace_graphs(store: pyoxigraph.Store, graphs: list[tuple[URIRef, Graph]]) -> None:
    """Swap each named graph's content for the given triples, all in one transaction."""
    replace_blocks(store, {str(iri): f"<{iri}> {{\n{g.serialize(format='nt')}}}" for iri, g in graphs})


def replace_blocks(store: pyoxigraph.Store, blocks: dict[str, str]) -> None:
    """Swap named graphs' content for TriG blocks (``<g> { N-Triples }``), in one transaction."""
    parts = [f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH {block} }}" for iri, block in blocks.items()]
    if parts:
        store.update(" ;\n".join(parts))


def remove_sources(store: pyoxigraph.Store, sources: list[str]) -> list[str]:
    """Drop the named graphs of the given sources (graph IRI or source file name), all in
    one transaction; a source the store does not hold is an error and removes nothing."""
    import pyoxigraph

    by_file: dict[str, list[str]] = {}
    query = "SELECT ?g ?f WHERE { GRAPH ?g { ?g <https://w3id.org/ctkg/ontology#sourceFile> ?f } }"
    for row in store.query(query):
        by_file.setdefault(row["f"].value, []).append(row["g"].value)
    graphs: list[str] = []
    for source in sources:
        if (
            store.contains_named_graph(pyoxigraph.NamedNode(source))
            if source.startswith(("http", "urn:"))
            else False
        ):
            graphs.append(source)
        elif source in by_file:
            graphs += by_file[source]
        else:
            raise StoreError(f"no source {source!r} in the store (see 'ctkg query sources')")
    store.update(" ;\n".join(f"DROP GRAPH <{g}>" for g in graphs))
    return graphs


def named_graphs(store: pyoxigraph.Store) -> list[str]:
    return sorted(g.value for g in store.named_graphs())


def graphs_holding(store: pyoxigraph.Store, subject: str) -> list[str]:
    """The named graphs that say something about ``subject`` (an IRI or blank-node label)."""
    import pyoxigraph

    node = pyoxigraph.NamedNode(subject) if ":" in subject else pyoxigraph.BlankNode(subject)
    return sorted({q.graph_name.value for q in store.quads_for_pattern(node, None, None, None)})
