"""Loading prepared documents into a build's staging store with pyoxigraph's bulk loader:
from the blocks the worker processes hand back (``bulk_load``), or from the N-Quads
partitions cluster workers write (``load_partitions``).  Either way each named graph is
replaced whole (the last document with one graph IRI wins), and the default graph is kept the
union of the named graphs.  Every batch's type statements go to the build's index of typed
nodes (``kg.typed_nodes``) as it loads, which is where the cross-document check finds the
nodes several documents describe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from kg.files import failpoint
from kg.validate import Finding, validate_store

if TYPE_CHECKING:
    import pyoxigraph

    from kg.build import DocumentResult
    from kg.typed_nodes import TypedNodes

# TriG bytes handed to the bulk loader at once: small enough that loading overlaps the workers'
# parsing from the first seconds, rather than one big load at the end (1,000 documents: 14.6 s
# build vs 20.8 s with 64 MB, peak RSS 205 MB vs 437 MB); RocksDB compacts the extra files.
BATCH_BYTES = 8 << 20
BLOCK_HEAD = re.compile(rb"^# graph <([^>]*)>\n", re.M)  # a document's block in a partition


def trig(bodies: dict[str, bytes]) -> bytes:
    """Graph blocks ``<g> { N-Triples }``: TriG that pyoxigraph parses as fast as N-Quads."""
    return b"".join(b"<%s> {\n%s}\n" % (iri.encode(), body) for iri, body in bodies.items())


def bulk_load(stage: pyoxigraph.Store, documents: Iterator[DocumentResult], typed: TypedNodes) -> None:
    """Bulk-load the blocks in batches, on a thread of its own (pyoxigraph lets go of the
    GIL), so the workers' next results are taken in while a batch loads; before each batch,
    drop the graphs it replaces (from an earlier run or an earlier batch: the last document
    with one graph IRI wins)."""
    batch: dict[str, bytes] = {}
    size = 0
    with ThreadPoolExecutor(max_workers=1) as loader:
        loading: Future | None = None
        for doc in documents:
            if doc.graph_iri in batch or size >= BATCH_BYTES:
                if loading is not None:
                    loading.result()
                loading, batch, size = loader.submit(_load_batch, stage, batch, typed), {}, 0
            batch[doc.graph_iri] = doc.ntriples
            size += len(doc.ntriples)
            doc.ntriples = b""
        if loading is not None:
            loading.result()
        _load_batch(stage, batch, typed)


def _load_batch(stage: pyoxigraph.Store, batch: dict[str, bytes], typed: TypedNodes) -> None:
    """Replace the batch's graphs, and keep the default graph their union (a set: the bulk
    loader stores a triple once however many documents assert it)."""
    import pyoxigraph

    _drop_stale(stage, list(batch), typed)
    for graph, body in batch.items():
        typed.add_ntriples(graph, body)
    if batch:
        stage.bulk_load(trig(batch), pyoxigraph.RdfFormat.TRIG)
        stage.bulk_load(b"".join(batch.values()), pyoxigraph.RdfFormat.N_TRIPLES)
        failpoint("loading")


def _drop_stale(stage: pyoxigraph.Store, graphs: list[str], typed: TypedNodes) -> None:
    """Take out the graphs about to be loaded again, and their triples from the union."""
    import pyoxigraph

    from kg.stores.updates import leave_union

    stale = [g for g in graphs if stage.contains_named_graph(pyoxigraph.NamedNode(g))]
    typed.drop(stale)
    for i in range(0, len(stale), 1000):
        part = stale[i : i + 1000]
        stage.update(" ;\n".join([*map(leave_union, part), *(f"DROP GRAPH <{g}>" for g in part)]))


def partition_block(graph_iri: str, ntriples: bytes) -> bytes:
    """A document in a partition: a comment naming its graph, its triples as quads in the
    graph, and as triples in the default graph (the union)."""
    quads = ntriples.replace(b" .\n", b" <%s> .\n" % graph_iri.encode())  # a line ends only there
    return b"# graph <%s>\n%s%s" % (graph_iri.encode(), quads, ntriples)


def partition_blocks(text: bytes) -> list[bytes]:
    """A partition's document blocks, in order (each from its ``# graph`` line)."""
    heads = [h.start() for h in BLOCK_HEAD.finditer(text)]
    return [text[start:end] for start, end in zip(heads, [*heads[1:], len(text)], strict=True)]


def block_triples(block: bytes) -> bytes:
    """A document's N-Triples, from its partition block: after the head line, its quads, then
    as many lines of triples (kg.bulk.partition_block)."""
    lines = block.splitlines(keepends=True)[1:]
    return b"".join(lines[len(lines) // 2 :])


def load_partitions(stage: pyoxigraph.Store, documents: Iterator[DocumentResult], typed: TypedNodes) -> None:
    """Bulk-load each partition the accepted documents point to, in order, on a thread of
    its own (as ``bulk_load``): the file as it is when every document it holds is kept, else
    only the blocks of those kept (a version left out, a record given twice in one partition:
    the later one)."""
    current: str | None = None
    kept: dict[str, int] = {}  # graph IRI -> block index, in the current partition
    total = 0
    with ThreadPoolExecutor(max_workers=1) as loader:
        loading: Future | None = None
        for doc in documents:
            assert doc.partition is not None
            path, index, count = doc.partition
            if path != current:
                if loading is not None:
                    loading.result()
                loading = loader.submit(_load_partition, stage, current, kept, total, typed)
                current, kept, total = path, {}, count
            kept.pop(doc.graph_iri, None)
            kept[doc.graph_iri] = index
        if loading is not None:
            loading.result()
    _load_partition(stage, current, kept, total, typed)


def _load_partition(
    stage: pyoxigraph.Store, path: str | None, kept: dict[str, int], total: int, typed: TypedNodes
) -> None:
    import pyoxigraph

    if path is None:
        return
    _drop_stale(stage, list(kept), typed)
    with open(path, "rb") as f:
        text = f.read()
    if len(kept) == total:
        stage.bulk_load(path=path, format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        wanted = set(kept.values())
        text = b"".join(b for i, b in enumerate(partition_blocks(text)) if i in wanted)
        stage.bulk_load(text, pyoxigraph.RdfFormat.N_QUADS)
    typed.add_nquads(text)
    failpoint("loading")


def cross_document(
    stage: pyoxigraph.Store, documents: list[DocumentResult], typed: TypedNodes | None = None
) -> list[Finding]:
    """Findings on the nodes several documents describe (a trial, a drug, a publication),
    over the whole store, that no document's own validation reported.  ``typed``: the
    build's index of typed nodes, brought up to date here with the graphs written after the
    load (the ontology, the findings); without one, it is made from the store."""
    if typed is not None:
        from kg.stores.graphs import ONTOLOGY_GRAPH, derived_graphs_of

        typed.refresh(stage, [str(ONTOLOGY_GRAPH), *derived_graphs_of([d.graph_iri for d in documents])])
    own = {(f.focus, f.shape, f.component, f.value) for d in documents for f in d.report.findings}
    found = validate_store(stage, shared_only=True, typed=typed).findings
    return [f for f in found if (f.focus, f.shape, f.component, f.value) not in own]
