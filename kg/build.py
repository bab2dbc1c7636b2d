"""Build: parse -> map -> validate -> load, all-or-nothing over the inputs of one run.

Worker processes take files in chunks and do everything up to the store: parse, extract,
map to triples (written straight as N-Triples inside TriG graph blocks), and validate each
document's graph on its own with the shapes compiled to SPARQL (one in-memory pyoxigraph
store per chunk, one named graph per document).  The parent only collects the blocks, in
input order, and loads them.

Two loaders share that pipeline.  ``build`` writes into an open store in one SPARQL update
(one transaction; small runs, tests, ``ctkg example``).  ``build_store`` is what ``ctkg
build`` uses: pyoxigraph's bulk loader, which is fast but not atomic, so it loads into a
staging copy of the store (a hard-linked backup, or a fresh folder) and swaps folders by
renames only when every file went in; a failed run leaves the store as it was.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.bulk import bulk_load, cross_document, load_partitions, trig
from kg.files import failpoint
from kg.findings import refresh as refresh_findings
from kg.inputs import Unit, units
from kg.mapping import document_triples
from kg.model import SourceDocument
from kg.namespaces import base_iri
from kg.pools import die_with_parent, ordered_map
from kg.progress import Progress, stderr_line
from kg.sources import SourceError
from kg.stores.embedded import load_ontology
from kg.triples import TripleSet
from kg.typed_nodes import typed_nodes
from kg.validate import Finding, Report, default_jobs, validate_named_graphs

if TYPE_CHECKING:
    import pyoxigraph

    from kg.distributed import Cluster

CHUNK = 32  # documents per worker task: big enough to amortise a task, small enough to balance


class BuildError(RuntimeError):
    """A run that loaded nothing, and why."""


@dataclass
class DocumentResult:
    path: str
    graph_iri: str
    triples: int
    report: Report
    ntriples: bytes = b""  # the graph's triples as N-Triples lines, until they are loaded
    document: SourceDocument | None = None  # kept by prepare / prepare_all only
    updated: str | None = None  # the record's own last-update date, when it states one
    triple_set: TripleSet | None = None  # kept by prepare / prepare_all only
    partition: tuple[str, int, int] | None = None  # on a cluster: (N-Quads file, block, blocks)

    @property
    def graph(self) -> Graph:
        """The document's triples as an rdflib graph (not after a bulk build, which lets
        them go once loaded)."""
        if self.triple_set is not None:
            return self.triple_set.graph()
        if self.ntriples:
            return Graph().parse(data=self.ntriples.decode(), format="nt")
        raise ValueError(f"{self.path}: a bulk build keeps no triples in memory; use prepare()")


@dataclass
class FileOutcome:
    path: str
    documents: list[DocumentResult]
    error: SourceError | None = None


@dataclass
class BuildResult:
    documents: list[DocumentResult] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one clear message per file not loaded
    cross_document: list[Finding] = field(default_factory=list)  # whole-store findings only

    @property
    def triples(self) -> int:
        return sum(d.triples for d in self.documents)


def _validate_each(documents: list[DocumentResult]) -> None:
    """Validate every document's graph on its own, many at once: each goes into a named graph
    of one in-memory store.  Two documents with one graph IRI never share a store."""
    import pyoxigraph

    batches: list[dict[str, DocumentResult]] = [{}]
    for doc in documents:
        if doc.graph_iri in batches[-1]:
            batches.append({})
        batches[-1][doc.graph_iri] = doc
    for batch in batches:
        if not batch:
            continue
        store = pyoxigraph.Store()
        store.load(trig({g: d.ntriples for g, d in batch.items()}), pyoxigraph.RdfFormat.TRIG)
        for graph_iri, report in validate_named_graphs(store).items():
            batch[graph_iri].report.findings += report.findings
            batch[graph_iri].report.sort()


def _reading_report(doc: SourceDocument, graph_iri: str) -> Report:
    """What the parser could not read and left out, as warnings on the document's graph: the
    document loads, and the report says what it lacks."""
    return Report(
        [Finding("Warning", graph_iri, "", warning, "", component="reading") for warning in doc.warnings]
    )


def prepare_units(items: list[Unit], base: str, keep: bool = False) -> list[FileOutcome]:
    """Parse, map and validate what each unit holds (a file, an archive member, articles of a
    PubMed set: each read where it lies); broken input is reported, not raised."""
    outcomes = []
    for unit in items:
        for name, reading in unit.read():
            if isinstance(reading, SourceError):
                outcomes.append(FileOutcome(name, [], reading))
                continue
            documents = []
            for doc in reading:
                graph_iri, triples = document_triples(doc, base)
                documents.append(
                    DocumentResult(
                        name,
                        str(graph_iri),
                        len(triples),
                        _reading_report(doc, str(graph_iri)),
                        triples.ntriples().encode(),
                        document=doc if keep else None,
                        triple_set=triples if keep else None,
                        updated=doc.updated,
                    )
                )
            outcomes.append(FileOutcome(name, documents))
    _validate_each([d for o in outcomes for d in o.documents])
    return outcomes


def prepare_all(path: str | Path, base: str | None = None) -> list[DocumentResult]:
    """Parse, map and validate every document of one file (or archive), without touching any store."""
    outcomes = prepare_units(units([path]), base_iri(base), keep=True)
    for outcome in outcomes:
        if outcome.error:
            raise outcome.error
    return [d for o in outcomes for d in o.documents]


def prepare(path: str | Path, base: str | None = None) -> DocumentResult:
    """The one document of a single-document file, parsed, mapped and validated."""
    results = prepare_all(path, base)
    if len(results) != 1:
        raise SourceError(str(path), f"holds {len(results)} documents; use prepare_all")
    return results[0]


def chunks(items: list[Unit]) -> list[list[Unit]]:
    """Consecutive units of about ``CHUNK`` documents each (a slice of a PubMed set alone)."""
    out: list[list[Unit]] = [[]]
    for unit in items:
        if out[-1] and sum(u.documents for u in out[-1]) + unit.documents > CHUNK:
            out.append([])
        out[-1].append(unit)
    return out if out[0] else []


def _outcomes(items: list[Unit], base: str, jobs: int, keep: bool = False) -> Iterator[FileOutcome]:
    """Every unit's outcomes, in input order, from ``jobs`` worker processes (a few chunks in
    flight per worker, so memory stays flat however many files there are).  A worker is
    handed where to read (a path, an archive member), never the bytes."""
    work = chunks(items)
    if jobs <= 1 or len(work) <= 1:
        for chunk in work:
            yield from prepare_units(chunk, base, keep)
        return
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=get_context("spawn"),
        initializer=die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        for outcomes in ordered_map(pool, partial(prepare_units, base=base, keep=keep), work, 3 * jobs):
            yield from outcomes


def _accepted(
    outcomes: Iterator[FileOutcome],
    files: list[Unit],
    allow_invalid: bool,
    keep_going: bool,
    result: BuildResult,
    say: Callable[[str], None],
) -> Iterator[DocumentResult]:
    """The documents to load of the ``outcomes`` of ``files``, in input order; a broken or
    invalid file stops the run (raises) unless ``keep_going``, which records it in
    ``result.failures`` and goes on."""
    progress = Progress(sum(u.documents for u in files), say)
    kept: dict[str, DocumentResult] = {}  # graph IRI -> the version of the record loaded
    try:
        for outcome in outcomes:
            progress.advance(1, len(outcome.documents))
            failpoint("parsing")
            error = outcome.error or _violations(outcome, allow_invalid)
            if error and not keep_going:
                raise error
            if error:
                result.failures.append(str(error))
                continue
            for doc in outcome.documents:
                older = kept.get(doc.graph_iri)
                if older is not None and _version(older, doc) is older:
                    continue  # the loaded version is newer: this one is left out, and said so
                if older is not None:
                    result.documents = [d for d in result.documents if d is not older]
                kept[doc.graph_iri] = doc
                result.documents.append(doc)
                yield doc
    finally:
        progress.finish()


def _version(older: DocumentResult, newer: DocumentResult) -> DocumentResult:
    """Of two versions of one record (one graph IRI), the one to keep: the later by the
    record's own last-update date; on the same date, or without one, the later input.  The
    one kept carries a warning naming the one it replaces, never silently."""
    keep = older if older.updated and newer.updated and older.updated > newer.updated else newer
    drop = newer if keep is older else older
    note = (
        f"two versions of one record: kept {keep.path} (last updated {keep.updated or 'not stated'}),"
        f" replaced {drop.path} (last updated {drop.updated or 'not stated'})"
    )
    if keep is newer:  # what the one it replaces had replaced, said on the one that loads
        keep.report.findings += [f for f in older.report.findings if f.component == "replaced"]
    keep.report.findings.append(Finding("Warning", keep.graph_iri, "", note, "", component="replaced"))
    return keep


def _violations(outcome: FileOutcome, allow_invalid: bool) -> BuildError | None:
    for doc in [] if allow_invalid else outcome.documents:
        if doc.report.violations:
            lines = "\n  ".join(str(f) for f in doc.report.violations)
            return BuildError(
                f"{outcome.path}: the graph breaks {len(doc.report.violations)} shape rule(s), nothing loaded:\n  {lines}"
            )
    return None


def collect(
    paths: list[str | Path],
    base: str | None = None,
    allow_invalid: bool = False,
    keep_going: bool = False,
    progress: Callable[[str], None] | None = None,
    cluster: Cluster | None = None,
) -> BuildResult:
    """Parse, map and validate every input, keeping each document's graph (for a remote
    store); a file that fails raises, or with ``keep_going`` is reported in ``failures``.
    Nothing is written anywhere (but a ``cluster``'s partitions, while it runs)."""
    result = BuildResult()
    say = progress or stderr_line
    files = units(paths, say)
    if cluster:
        from kg.distributed import cluster_triples

        outcomes = cluster_triples(files, base_iri(base), allow_invalid, cluster)
    else:
        outcomes = _outcomes(files, base_iri(base), 1, keep=True)
    for _ in _accepted(outcomes, files, allow_invalid, keep_going, result, say):
        pass
    return result


def build(
    paths: list[str | Path],
    store: pyoxigraph.Store,
    base: str | None = None,
    allow_invalid: bool = False,
    keep_going: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> BuildResult:
    """Load every document or none, in one transaction: any parse error or blocking violation
    loads nothing.

    With ``keep_going`` the documents that parse and validate are loaded and each file that
    does not is reported in ``failures``; a file is still never loaded in part.
    """
    from kg.stores.updates import replace_bodies_update

    result = BuildResult()
    bodies: dict[str, str] = {}  # a later document with the same graph IRI replaces it
    say = progress or stderr_line
    files = units(paths, say)
    for doc in _accepted(
        _outcomes(files, base_iri(base), jobs), files, allow_invalid, keep_going, result, say
    ):
        bodies[doc.graph_iri] = doc.ntriples.decode()
    if bodies:
        store.update(replace_bodies_update(bodies))
        refresh_findings(store, bodies)
    load_ontology(store)
    return result


def build_store(
    paths: list[str | Path],
    location: str | Path,
    base: str | None = None,
    allow_invalid: bool = False,
    keep_going: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    cluster: Cluster | None = None,
) -> BuildResult:
    """Like ``build``, through the bulk loader into a staging copy of the store at
    ``location``, swapped in by renames once everything is in; then the shapes are run over
    the whole store, and what only shows across documents is reported (not blocking: two
    sources may disagree about one trial).  With a ``cluster``, documents are prepared on
    its Dask workers instead of ``jobs`` local processes (``kg.distributed``)."""
    from kg.files import LockedError, recover
    from kg.stores.embedded import StoreError
    from kg.swap import store_lock

    location = Path(location).absolute()
    try:
        with store_lock(location):  # held from before the store is read until the swap is over
            for line in recover(location):
                (progress or stderr_line)(line)
            result = _build_staged(paths, location, base, allow_invalid, keep_going, progress, jobs, cluster)
    except LockedError as err:
        raise StoreError(str(err)) from None
    if not location.exists():
        raise StoreError(f"{location}: the store folder went missing during the build")
    return result


def _build_staged(
    paths: list[str | Path],
    location: Path,
    base: str | None,
    allow_invalid: bool,
    keep_going: bool,
    progress: Callable[[str], None] | None,
    jobs: int | None,
    cluster: Cluster | None = None,
) -> BuildResult:
    """Load a staging copy of the store and swap it in (the caller holds the lock)."""
    import pyoxigraph

    from kg.files import staging_path, swap
    from kg.stores.embedded import open_oxigraph

    staging = staging_path(location)
    result = BuildResult()
    say = progress or stderr_line
    files = units(paths, say)
    parts = cluster.folder(staging) if cluster else None
    try:
        with open_oxigraph(location) as current:
            if next(iter(current.named_graphs()), None) is not None:
                current.backup(str(staging))
            failpoint("staged")
            stage = pyoxigraph.Store(str(staging))
            with typed_nodes(staging) as typed:
                typed.add_store(stage)  # what the store holds already, before the load
                if cluster and parts:
                    from kg.distributed import cluster_outcomes

                    outcomes = cluster_outcomes(files, base_iri(base), allow_invalid, cluster, parts)
                    accepted = _accepted(outcomes, files, allow_invalid, keep_going, result, say)
                    load_partitions(stage, accepted, typed)
                else:
                    outcomes = _outcomes(files, base_iri(base), jobs or default_jobs())
                    bulk_load(
                        stage, _accepted(outcomes, files, allow_invalid, keep_going, result, say), typed
                    )
                load_ontology(stage)
                if result.documents:
                    refresh_findings(stage, [d.graph_iri for d in result.documents])
                    result.cross_document = cross_document(stage, result.documents, typed)
            del stage
        del current  # a handle left open would write into the folder swapped in under its name
        gc.collect()
        failpoint("loaded")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if parts:
            shutil.rmtree(parts, ignore_errors=True)
    swap(staging, location)  # from here on, the next command finishes what a crash interrupts
    return result
