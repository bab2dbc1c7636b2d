"""The parse -> extract -> map -> validate stage of a build on a Dask cluster
(``ctkg build ... --scheduler tcp://HOST:8786``).

Each task is a chunk of units (file paths, archive members: where to read, never the bytes),
so every worker reads the inputs itself: on a cluster the inputs must be at the same path on
every machine (a shared file system), like the partitions folder.  A worker writes its chunk's
graphs as one N-Quads partition there and sends back only the reports; the build process
accepts documents exactly as a local build does (the same ``_accepted``), bulk-loads the
partitions into its staging store in input order (``kg.bulk.load_partitions``), and runs the
cross-document check.  The graph and the findings are those of ``ctkg build``.

``distributed`` is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from kg.bulk import partition_block
from kg.pools import ordered_map

if TYPE_CHECKING:
    from kg.build import FileOutcome
    from kg.inputs import Unit

CONNECT_SECONDS = 30


@dataclass(frozen=True)
class Cluster:
    scheduler: str  # the Dask scheduler's address, e.g. tcp://10.0.0.5:8786
    partitions: str | None = None  # a folder every worker can write (default: beside the store)

    def folder(self, staging: Path) -> Path:
        """This build's partitions folder, named after its staging store: an unfinished build's
        is cleared with it (``kg.swap.recover``) when it lies beside the store."""
        return (Path(self.partitions) if self.partitions else staging.parent) / f"{staging.name}-partitions"


def cluster_outcomes(
    items: list[Unit], base: str, allow_invalid: bool, cluster: Cluster, folder: Path
) -> Iterator[FileOutcome]:
    """Every unit's outcomes, in input order, prepared on the cluster's workers (three tasks
    in flight per worker thread, as for local workers); each loadable document points to its
    partition."""
    from kg.build import BuildError, chunks

    try:
        from distributed import Client
    except ImportError:
        raise BuildError("--scheduler needs Dask's 'distributed' package: pip install distributed") from None
    folder.mkdir(parents=True, exist_ok=True)
    try:
        client = Client(cluster.scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise BuildError(f"cannot reach the Dask scheduler at {cluster.scheduler}: {err}") from None
    with client:
        ahead = 3 * max(1, sum(client.nthreads().values()))
        task = partial(_partition, base=base, allow_invalid=allow_invalid, folder=str(folder))
        for outcomes in ordered_map(client.get_executor(pure=False), task, enumerate(chunks(items)), ahead):
            yield from outcomes


def cluster_triples(
    items: list[Unit], base: str, allow_invalid: bool, cluster: Cluster
) -> Iterator[FileOutcome]:
    """``cluster_outcomes`` for a build to a remote store: each document with its N-Triples,
    read back from its partition as soon as the partition's chunk is done (the partitions go
    with the build), as a local build's workers hand them back.  The partitions folder is ``--partitions``
    or, on one machine, the temporary folder."""
    from kg.bulk import block_triples, partition_blocks

    folder = Path(cluster.partitions or tempfile.gettempdir()) / f"ctkg-{os.getpid()}-partitions"
    read: tuple[str, list[bytes]] = ("", [])  # the partition last read (a chunk's documents follow)
    try:
        for outcome in cluster_outcomes(items, base, allow_invalid, cluster, folder):
            for doc in (d for d in outcome.documents if d.partition):
                path, index, _count = doc.partition
                if path != read[0]:
                    read = (path, partition_blocks(Path(path).read_bytes()))
                doc.ntriples, doc.partition = block_triples(read[1][index]), None
            yield outcome
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _partition(
    numbered: tuple[int, list[Unit]], base: str, allow_invalid: bool, folder: str
) -> list[FileOutcome]:
    """On a worker: prepare one chunk, write the graphs the build may load (not those of a
    file whose graph breaks a shape rule, unless ``allow_invalid``) as the partition
    ``part-NNNNNNN.nq``, and return the outcomes without their triples."""
    from kg.build import prepare_units

    index, chunk = numbered
    outcomes = prepare_units(chunk, base)
    loadable = [
        d
        for o in outcomes
        if allow_invalid or not any(d.report.violations for d in o.documents)
        for d in o.documents
    ]
    path = Path(folder) / f"part-{index:07d}.nq"
    if loadable:
        part = path.with_suffix(f".{os.getpid()}.tmp")  # renamed whole: a retried task never half-writes
        with part.open("wb") as f:
            for d in loadable:
                f.write(partition_block(d.graph_iri, d.ntriples))
        part.replace(path)
    for n, d in enumerate(loadable):
        d.partition = (str(path), n, len(loadable))
    for o in outcomes:
        for d in o.documents:
            d.ntriples = b""
    return outcomes
