"""Every bundled query on each backend, side by side: the embedded store, an Oxigraph server
querying its own union of the named graphs ("oxigraph", a bag), an Oxigraph server whose
default graph ctkg keeps as that union ("ox-kept", ``--union kept``: a set, as in the embedded
store) and Virtuoso (Debian's virtuoso-opensource), each loaded by `ctkg build` with the same
documents (default: the shared gold abstracts, the shared registry records and the bundled
example; or e.g. the 1,059-page pool).  Prints each query's best time of ``--repeat`` runs on
each backend, the ratio of each Oxigraph server to the embedded store, and whether the rows
agree; first the fixed cost of one request (an empty query), last the largest ratios.

    .venv/bin/python benchmarks/backends.py [--repeat 3] [--no-virtuoso] [inputs ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the server launchers the tests use

from servers import OxigraphServer, VirtuosoServer  # noqa: E402

from kg.cli import main  # noqa: E402
from kg.queries import list_queries, run  # noqa: E402
from kg.resources import bundled_path  # noqa: E402
from kg.stores import Endpoint, as_store, open_store  # noqa: E402

SHARED = Path(__file__).parents[2] / "shared" / "data"
DEFAULT_INPUTS = [
    *sorted((SHARED / "abstracts").glob("*.txt")),
    SHARED / "ctgov",
    bundled_path("examples", "contact-01.pubmed.txt"),
]
PARAMS = {"drug": "docetaxel", "class": "PD-L1 inhibitor"}


def virtuoso_endpoint(server: VirtuosoServer) -> Endpoint:
    """Virtuoso takes updates at /sparql and the Graph Store protocol at /sparql-graph-crud."""
    url = server.query_url
    return Endpoint(url, url, url.replace("/sparql", "/sparql-graph-crud"), timeout=600)


def load(inputs: list[str], store: Path, endpoints: list[Endpoint]) -> None:
    """One `ctkg build` per backend, the same documents each time."""
    quiet = ["--keep-going"]
    assert main(["build", *inputs, "--store", str(store), *quiet]) in (0, 1)
    for e in endpoints:
        urls = ["--endpoint", e.query_url, "--update-url", e.update_url, "--graph-store", e.store_url]
        urls += ["--union", e.union]
        assert main(["build", *inputs, *urls, "--timeout", "600", *quiet]) in (0, 1)


def fixed_cost(target, repeat: int) -> float:
    """Best time of an empty query: what every request costs whatever it asks (HTTP, parsing)."""
    times = []
    for _ in range(max(repeat, 20)):
        start = time.perf_counter()
        target.select("SELECT * WHERE {}")
        times.append(time.perf_counter() - start)
    return min(times)


def best(target, query, repeat: int) -> tuple[float, list[str]]:
    """Best wall time of ``repeat`` runs, and the rows (sorted JSON) for the comparison."""
    times, rows = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        table = run(target, query, {k: PARAMS[k] for k in query.parameters})
        times.append(time.perf_counter() - start)
        rows = sorted(json.dumps(r, sort_keys=True, default=str) for r in table.rows)
    return min(times), rows


def main_(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(p) for p in DEFAULT_INPUTS])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-virtuoso", action="store_true", help="only the embedded store and Oxigraph")
    args = ap.parse_args(argv)
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # one build time, so the rows can agree
    work = Path(tempfile.mkdtemp(prefix="ctkg-backends-"))
    servers = [
        OxigraphServer(work / "oxigraph").start(),
        OxigraphServer(work / "ox-kept", union_default_graph=False).start(),
    ]
    if not args.no_virtuoso and shutil.which("virtuoso-t"):
        servers.append(VirtuosoServer(work / "virtuoso").start())
    try:
        endpoints = [Endpoint(servers[0].query_url, *_oxigraph_doors(servers[0]), timeout=600)]
        endpoints.append(
            Endpoint(servers[1].query_url, *_oxigraph_doors(servers[1]), timeout=600, union="kept")
        )
        endpoints += [virtuoso_endpoint(s) for s in servers[2:]]
        start = time.perf_counter()
        load(args.inputs, work / "store", endpoints)
        print(
            f"loaded {len(args.inputs)} input(s) into {1 + len(endpoints)} backends in {time.perf_counter() - start:.1f} s"
        )
        names = ["embedded", "oxigraph", "ox-kept", "virtuoso"][: 1 + len(endpoints)]
        header = "".join(f"{n:>11}" for n in names) + f"{'ox/emb':>8}{'kept/emb':>9}"
        print(f"{'query':28}{header}  rows (same as embedded?)")
        with open_store(work / "store", read_only=True) as embedded:
            targets = [embedded, *(as_store(e) for e in endpoints)]
            costs = "".join(f"{fixed_cost(t, args.repeat) * 1e3:>9.2f}ms" for t in targets)
            print(f"{'(one empty query)':28}{costs}")
            worst: list[tuple[float, float, str]] = []
            for query in list_queries():
                figures = [best(t, query, args.repeat) for t in targets]
                local_rows = figures[0][1]
                same = ["yes" if f[1] == local_rows else f"NO ({len(f[1])})" for f in figures[1:]]
                ratios = [figures[i][0] / max(figures[0][0], 1e-6) for i in (1, 2)]
                worst.append((*ratios, query.name))
                cells = "".join(f"{t * 1e3:>9.1f}ms" for t, _ in figures)
                cells += f"{ratios[0]:>7.1f}x{ratios[1]:>8.1f}x"
                print(f"{query.name:28}{cells}  {len(local_rows)} ({', '.join(same)})")
            for i, name in enumerate(("oxigraph", "ox-kept")):
                ratio, query = max((w[i], w[2]) for w in worst)
                print(f"largest {name}/embedded ratio: {ratio:.1f}x ({query})")
    finally:
        for server in servers:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _oxigraph_doors(server: OxigraphServer) -> tuple[str, str]:
    base = server.query_url.rsplit("/", 1)[0]
    return f"{base}/update", f"{base}/store"


if __name__ == "__main__":
    sys.exit(main_())
