"""Which nodes two named graphs or more type: the nodes the build's cross-document check
looks at, listed from an on-disk index of the store's ``rdf:type`` statements instead of a
grouping over the whole store.

Listing them in Oxigraph (``GROUP BY ?this HAVING (COUNT(DISTINCT ?g) > 1)`` over every
instance of each node shape's class) holds the whole grouping in memory: a fresh process went
from 51 to 174 MB for it at 10,000 documents, and more with every document.  Looking each
batch's typed IRIs up in the staging store while its bulk loader wrote it raised the loading
peak instead (181 to 355 MB).  So the build notes every type statement (class, node, graph) in
a SQLite file, from the N-Triples it hands the bulk loader, outside pyoxigraph: SQLite keeps a
small bounded page cache and groups and sorts on disk, so listing the shared nodes takes the
same memory at any size, and a cursor hands them over a page at a time.

The index is a build's own, rebuilt for each build, never kept with the store: it starts from
the type statements the store already holds (read once, streamed, before the load) and follows
every graph the build replaces, so it lists exactly the nodes the grouping would.  Kept with
the store, every other writer (``ctkg remove``, ``enrich``, a load through SPARQL) would have
to keep it exact too.  Only IRIs are noted: a blank node cannot be named in a query, and
ctkg's shapes refuse blank instances in each document.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph

FILE = "ctkg-typed-nodes.sqlite"  # in the build's staging folder, deleted before the swap
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
# a type statement, from its predicate to the end of the line (N-Triples, or N-Quads with a
# graph): found by the predicate's text, then the subject read back to the line's start,
# since a pattern anchored at each line's start is 8 times slower on a batch
STATEMENT = re.compile(
    rb" <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> <([^>]*)> (?:<([^>]*)> )?\.$", re.M
)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_SQL_VARIABLES = 500  # IRIs given to one SQLite statement (its limit is 999 on old builds)
_CHUNK = 10_000  # statements noted in one transaction: bounds what is held at once

SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE IF NOT EXISTS graphs (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS classes (id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS typed (
    class INTEGER NOT NULL, node TEXT NOT NULL, graph INTEGER NOT NULL,
    PRIMARY KEY (class, node, graph)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS typed_by_graph ON typed (graph);
"""


def _iri(raw: bytes) -> str:
    """An IRI as N-Triples writes it, with its \\u escapes read (as the store returns it)."""
    text = raw.decode()
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text) if "\\" in text else text


def _statements(text: bytes) -> Iterator[tuple[bytes, bytes, bytes | None]]:
    """(subject, class, graph or None) of each type statement of an IRI in the text."""
    for match in STATEMENT.finditer(text):
        start = text.rfind(b"\n", 0, match.start()) + 1
        subject = text[start + 1 : match.start() - 1]
        if text[start : start + 1] == b"<" and b">" not in subject:  # an IRI, and the subject
            yield subject, match.group(1), match.group(2)


class TypedNodes:
    """The index: which graph types which node with which class.  One writer at a time (the
    build's loader thread, then the check), so one connection shared across threads."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.db.executescript(SCHEMA)
        self._classes: dict[str, int] = dict(self.db.execute("SELECT iri, id FROM classes"))

    def close(self) -> None:
        self.db.close()

    def add_ntriples(self, graph: str, body: bytes) -> None:
        """The type statements of one graph's N-Triples."""
        self._add((_iri(s), _iri(c), graph) for s, c, _ in _statements(body))

    def add_nquads(self, text: bytes) -> None:
        """The type statements of N-Quads (those in the default graph, the union, left out)."""
        self._add((_iri(s), _iri(c), _iri(g)) for s, c, g in _statements(text) if g is not None)

    def add_store(self, store: pyoxigraph.Store, graphs: Iterable[str] | None = None) -> None:
        """The type statements ``store`` holds in these named graphs (every one: None),
        streamed from its index."""
        import pyoxigraph

        for graph in [None] if graphs is None else [pyoxigraph.NamedNode(g) for g in graphs]:
            quads = store.quads_for_pattern(None, pyoxigraph.NamedNode(RDF_TYPE), None, graph)
            self._add(
                (q.subject.value, q.object.value, q.graph_name.value)
                for q in quads
                if isinstance(q.graph_name, pyoxigraph.NamedNode)
                and isinstance(q.subject, pyoxigraph.NamedNode)
                and isinstance(q.object, pyoxigraph.NamedNode)
            )

    def drop(self, graphs: list[str]) -> None:
        """Forget what these graphs say (they are being replaced or removed)."""
        with self.db:
            for i in range(0, len(graphs), _SQL_VARIABLES):
                part = graphs[i : i + _SQL_VARIABLES]
                self.db.execute(
                    "DELETE FROM typed WHERE graph IN"
                    f" (SELECT id FROM graphs WHERE iri IN ({','.join('?' * len(part))}))",
                    part,
                )

    def refresh(self, store: pyoxigraph.Store, graphs: list[str]) -> None:
        """Read these graphs again from the store (graphs a build writes by SPARQL update)."""
        self.drop(graphs)
        self.add_store(store, graphs)

    def shared(self, classes: Iterable[str], page: int) -> Iterator[list[str]]:
        """The nodes that two graphs or more type with one of ``classes``, in IRI order, a
        page at a time."""
        ids = [self._classes[c] for c in classes if c in self._classes]
        if not ids:
            return
        rows = self.db.execute(
            f"SELECT node FROM typed WHERE class IN ({','.join('?' * len(ids))})"
            " GROUP BY node HAVING COUNT(DISTINCT graph) > 1 ORDER BY node",
            ids,
        )
        while nodes := rows.fetchmany(page):
            yield [node for (node,) in nodes]

    def _add(self, statements: Iterable[tuple[str, str, str]]) -> None:
        """Note (node, class, graph) statements, a bounded number at a time."""
        graphs: dict[str, int] = {}  # the graph ids of this call: a few, or one per document
        statements = iter(statements)
        while chunk := list(islice(statements, _CHUNK)):
            rows = []
            for node, cls, graph in chunk:
                if graph not in graphs:
                    if len(graphs) >= _CHUNK:  # a store's every graph: keep only the latest
                        graphs.clear()
                    graphs[graph] = self._id("graphs", graph)
                rows.append((self._class(cls), node, graphs[graph]))
            with self.db:  # one transaction a chunk
                self.db.executemany("INSERT OR IGNORE INTO typed VALUES (?, ?, ?)", rows)

    def _class(self, iri: str) -> int:
        if iri not in self._classes:
            self._classes[iri] = self._id("classes", iri)
        return self._classes[iri]

    def _id(self, table: str, iri: str) -> int:
        self.db.execute(f"INSERT OR IGNORE INTO {table} (iri) VALUES (?)", (iri,))
        return self.db.execute(f"SELECT id FROM {table} WHERE iri = ?", (iri,)).fetchone()[0]


@contextmanager
def typed_nodes(folder: str | Path) -> Iterator[TypedNodes]:
    """A new index in ``folder`` (a build's staging folder), deleted when done."""
    path = Path(folder) / FILE
    path.unlink(missing_ok=True)
    index = TypedNodes(path)
    try:
        yield index
    finally:
        index.close()
        path.unlink(missing_ok=True)


@contextmanager
def typed_nodes_of(store: pyoxigraph.Store) -> Iterator[TypedNodes]:
    """An index of what ``store`` holds, in a temporary folder (a store checked outside a build)."""
    with tempfile.TemporaryDirectory(prefix="ctkg-typed-") as folder, typed_nodes(folder) as index:
        index.add_store(store)
        yield index
