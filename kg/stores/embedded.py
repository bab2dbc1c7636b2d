"""The embedded, persistent store (pyoxigraph): one named graph per source document, and
their union, kept as the store's default graph.

Oxigraph's "default graph as union" is a bag: a triple asserted in k graphs comes back k
times, and every join on a node many documents share (a drug, a cited paper, the software
that built them) multiplies — a query that takes milliseconds on a set took minutes at
80 documents.  So the store keeps the union itself, as a set, in the default graph, and
every query reads the default graph.  Each write keeps it exact: replacing a document's
graph removes from the union the triples no other graph still asserts, then adds the new
ones; it is one SPARQL update, which Oxigraph applies in one transaction, so a re-run
never duplicates and a failure changes nothing.  Large builds go through
the bulk loader into a staging copy instead (``kg.build.build_store``).

``EmbeddedStore`` offers this store through the interface of every store (kg.stores.protocol);
``open_oxigraph`` opens the engine itself, for the build and the server.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef

from kg.namespaces import CTKG
from kg.resources import bundled_path
from kg.stores.graphs import ONTOLOGY_GRAPH
from kg.stores.protocol import Solutions, Term
from kg.stores.updates import drop_graphs, replace_update

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
def open_oxigraph(path: str | Path | None = None, read_only: bool = False) -> Iterator[pyoxigraph.Store]:
    """The store at ``path``; a writer holds the store's lock (kg.swap) while it is open, and
    whoever opens it first finishes or clears what a killed build left."""
    from kg.files import LockedError, recover
    from kg.swap import recover_if_idle, store_lock

    location = Path(path) if path else default_store_path()
    if read_only:
        recover_if_idle(location)
        with _opened(location, read_only) as store:
            yield store
        return
    try:
        with store_lock(location):
            recover(location)
            with _opened(location, read_only) as store:
                yield store
    except LockedError as err:
        raise StoreError(str(err)) from None


@contextmanager
def _opened(location: Path, read_only: bool) -> Iterator[pyoxigraph.Store]:
    import pyoxigraph

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
    if graphs:
        store.update(replace_update(graphs))


def rebuild_union(store: pyoxigraph.Store) -> None:
    """Recompute the default graph from the named graphs (after a bulk load of named graphs)."""
    store.update("DROP SILENT DEFAULT ; INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def remove_sources(store: pyoxigraph.Store, sources: list[str]) -> list[str]:
    """Drop the named graphs of the given sources (graph IRI or source file name), all in
    one transaction; a source the store does not hold is an error and removes nothing."""
    import pyoxigraph

    by_file: dict[str, list[str]] = {}
    query = f"SELECT ?g ?f WHERE {{ GRAPH ?g {{ ?g <{CTKG.sourceFile}> ?f }} }}"
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
    store.update(drop_graphs(graphs))
    return graphs


def named_graphs(store: pyoxigraph.Store) -> list[str]:
    """The source graphs: each describes itself as a ctkg:SourceGraph.  The ontology graph
    and the derived graphs (inferred types, enrichment) are not among them."""
    query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{CTKG.SourceGraph}> }} }}"
    return sorted(row["g"].value for row in store.query(query))


def load_ontology(store: pyoxigraph.Store) -> None:
    """Put the bundled ontology in its own named graph (its ontology IRI), replacing any older
    copy, so queries and rules can climb class hierarchies and match class labels."""
    replace_graphs(store, [ontology_terms()])


def ontology_terms() -> tuple[URIRef, Graph]:
    """(graph IRI, triples) of the ontology graph as load_ontology writes it, for remote stores."""
    return ONTOLOGY_GRAPH, Graph().parse(data=_ontology_without_blank_nodes(), format="nt")


@cache
def _ontology_without_blank_nodes() -> bytes:
    """The ontology's named terms, labels and hierarchy: class expressions (blank nodes) stay
    out, since a blank node gets a new name on every load and a rebuild must change nothing."""
    g = Graph().parse(bundled_path("ontology", "ctkg.ttl"), format="turtle")
    named = Graph()
    for triple in g:
        if not any(isinstance(t, BNode) for t in triple):
            named.add(triple)
    return named.serialize(format="nt", encoding="utf-8")


def graphs_holding(store: pyoxigraph.Store, subject: str) -> list[str]:
    """The named graphs that say something about ``subject`` (an IRI or blank-node label)."""
    import pyoxigraph

    node = pyoxigraph.NamedNode(subject) if ":" in subject else pyoxigraph.BlankNode(subject)
    quads = store.quads_for_pattern(node, None, None, None)
    return sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)})


def graph_of(store: pyoxigraph.Store, graph_iri: str) -> Graph:
    """One named graph as an rdflib graph (small per-document graphs only)."""
    import pyoxigraph

    g = Graph()
    data = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.NamedNode(graph_iri))
    g.parse(data=data.decode(), format="nt")
    return g


def rdflib_term(term: pyoxigraph.NamedNode | pyoxigraph.Literal) -> URIRef | Literal:
    """A pyoxigraph IRI or literal as rdflib's; ctkg data has no blank nodes."""
    import pyoxigraph

    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise ValueError(f"unexpected blank node {term} in ctkg data")


class EmbeddedStore:
    """The embedded store through the interface every store offers (kg.stores.protocol)."""

    def __init__(self, store: pyoxigraph.Store, location: str = "memory") -> None:
        self.oxigraph = store
        self.location = location

    def select(self, text: str) -> Solutions:
        columns, rows = self.select_lazily(text)
        return Solutions(columns, list(rows))

    def select_lazily(self, text: str) -> tuple[list[str], Iterator[dict[str, Term | None]]]:
        """The columns, and the rows as the engine finds them: a listing written row by row
        takes constant memory (``kg.paging.stream``)."""
        solutions = self.oxigraph.query(text)  # the default graph: the union of the sources, as a set
        columns = [v.value for v in solutions.variables]
        return columns, ({c: _term(s[c]) for c in columns} for s in solutions)

    def construct(self, text: str) -> Graph:
        import pyoxigraph

        data = pyoxigraph.serialize(self.oxigraph.query(text), format=pyoxigraph.RdfFormat.N_TRIPLES)
        return Graph().parse(data=data.decode(), format="nt")

    def protocol_query(self, text: str, default_graphs=(), named_graphs=(), base_iri: str | None = None):
        """pyoxigraph's own result, streamed: solutions, a boolean or triples."""
        import pyoxigraph

        options: dict = {"base_iri": base_iri} if base_iri else {}
        if default_graphs:
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graphs]
        return self.oxigraph.query(text, **options)  # default graph: the union, as a set

    def source_graphs(self) -> list[str]:
        return named_graphs(self.oxigraph)

    def ctkg_graphs(self) -> list[str]:
        """Every named graph: the embedded store holds ctkg's graphs only."""
        return sorted(g.value for g in self.oxigraph.named_graphs())

    def graph(self, graph_iri: str) -> Graph:
        return graph_of(self.oxigraph, graph_iri)

    def replace_graphs(self, graphs: list[tuple[URIRef, Graph]]) -> None:
        replace_graphs(self.oxigraph, graphs)

    def bulk_load(self, graphs) -> None:
        """pyoxigraph's bulk loader, then the union recomputed: fast, not atomic."""
        import pyoxigraph

        trig = b"".join(
            b"<%s> {\n%s}\n" % (str(iri).encode(), g.serialize(format="nt", encoding="utf-8"))
            for iri, g in graphs
        )
        self.oxigraph.bulk_load(trig, pyoxigraph.RdfFormat.TRIG)
        rebuild_union(self.oxigraph)

    def remove_sources(self, sources: list[str]) -> list[str]:
        return remove_sources(self.oxigraph, sources)

    def graphs_holding(self, subject: str) -> list[str]:
        return graphs_holding(self.oxigraph, subject)

    def local(self) -> pyoxigraph.Store:
        return self.oxigraph


def _term(term) -> Term | None:
    if term is None:
        return None
    datatype = getattr(term, "datatype", None)
    return Term.of(
        term.value, datatype.value if datatype is not None else None, getattr(term, "language", None)
    )
