"""The build on a Dask cluster beside ``ctkg build --jobs N``, and the build from archives beside
the build from the same files unpacked, on one generated corpus.

Runs, each as ``ctkg build`` in a child process (the CLI users run), into stores of their own:
1. the folders of files (N registry records + N abstract pages), ``--jobs W``;
2. the same folders on a ``distributed.LocalCluster`` of W worker processes (one thread each,
   TCP on 127.0.0.1), ``--scheduler``; the two stores must hold the same quads;
3. the same N records as ``studies.zip`` and N abstracts as ``pubmed26n0001.xml.gz``, ``--jobs W``
   (the archive sizes and documents/s are printed).

Usage: python benchmarks/cluster_build.py [--n 1000] [--workers 2] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
STAMP = "1767225600"  # SOURCE_DATE_EPOCH: every run stamps the same time, so stores compare


def ctkg(*args: str) -> float:
    """Seconds one ``ctkg build`` takes; its output is kept out of the figures."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": STAMP}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", "build", *args], check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def quads(store: Path) -> list[bytes]:
    import pyoxigraph

    dump = pyoxigraph.Store.read_only(str(store)).dump(format=pyoxigraph.RdfFormat.N_QUADS)
    return sorted(dump.splitlines())


def generate(n: int, seed: int, out: Path, *archives: str) -> None:
    cmd = [
        sys.executable,
        str(HERE / "generate_corpus.py"),
        "--n",
        str(n),
        "--seed",
        str(seed),
        "--out",
        str(out),
    ]
    subprocess.run([*cmd, *(x for a in archives for x in ("--archive", a))], check=True, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="registry records, and as many abstracts")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from distributed import LocalCluster

    docs, w = 2 * args.n, str(args.workers)
    with tempfile.TemporaryDirectory(prefix="ctkg-cluster-") as tmp:
        root = Path(tmp)
        generate(args.n, args.seed, root / "files")
        generate(args.n, args.seed, root / "archives", "studies.zip", "pubmed26n0001.xml.gz")
        local = ctkg(str(root / "files"), "--store", str(root / "local"), "--jobs", w)
        print(f"ctkg build --jobs {w}: {docs:,} documents in {local:.1f} s ({docs / local:.1f} documents/s)")
        os.environ["SOURCE_DATE_EPOCH"] = STAMP
        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster:
            dask = ctkg(
                str(root / "files"), "--store", str(root / "dask"), "--scheduler", cluster.scheduler_address
            )
        print(
            f"ctkg build --scheduler (LocalCluster, {w} worker processes): {dask:.1f} s"
            f" ({docs / dask:.1f} documents/s; {dask / local:.2f}x the --jobs {w} time;"
            " the cluster was started before)"
        )
        print(f"same graph: {'yes' if quads(root / 'dask') == quads(root / 'local') else 'NO'}")
        packed = [root / "archives" / a for a in ("studies.zip", "pubmed26n0001.xml.gz")]
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB" for p in packed)
        archive = ctkg(*map(str, packed), "--store", str(root / "archive"), "--jobs", w)
        print(f"archives ({sizes}): {docs:,} documents in {archive:.1f} s ({docs / archive:.1f} documents/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
