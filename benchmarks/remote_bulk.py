"""Loading a remote store: documents as N-Quads, many per request, into Oxigraph's /store
(``--protocol bulk``) beside the Graph Store protocol (``--protocol gsp``, one PUT per
document), in one run, on one generated corpus.

The documents are parsed, mapped and validated once (``kg.build.collect``, what ``ctkg build
--endpoint`` does first); then each path loads them into a fresh server of its own, and only
the load is timed (the union too, where ctkg keeps it).  Servers: Oxigraph with
``--union-default-graph``, and Oxigraph whose default graph ctkg keeps as the union
(``--union kept``), and Virtuoso loading by ``DB.DBA.TTLP`` through isql (its Graph Store
twin at /sparql-graph-crud).  Each bulk-loaded store must hold the same graphs as its Graph
Store twin.

Usage: python benchmarks/remote_bulk.py [--n 500] [--seed 1] [--batch-size 50] [--max-bytes 8000000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the server launchers the tests use

from servers import OxigraphServer, VirtuosoServer  # noqa: E402

from kg.build import collect  # noqa: E402
from kg.stores import Endpoint, resolve_endpoint  # noqa: E402
from kg.stores.remote import RemoteStore  # noqa: E402

HERE = Path(__file__).parent


def contents(endpoint, documents) -> list:
    """What the server holds of the documents: each graph's triples, sorted (as N-Triples)."""
    store = RemoteStore(endpoint)
    return [sorted(store.graph(d.graph_iri).serialize(format="nt").splitlines()) for d in documents]


def timed_load(endpoint, protocol: str, documents, batch_size: int, max_bytes: int):
    """Seconds one load takes into a fresh server, and what it leaves there."""
    store = RemoteStore(endpoint, protocol, batch_size, max_bytes)
    start = time.perf_counter()
    report = store.load_ntriples([(d.graph_iri, d.ntriples) for d in documents])
    seconds = time.perf_counter() - start
    if report.error:
        raise SystemExit(f"{protocol} load failed: {report.error}")
    return seconds, contents(endpoint, documents)


def doors(server) -> Endpoint:
    """The server's endpoint as `ctkg build` would be pointed at it; Virtuoso's loader configured
    as its user would (the server's folder is in its DirsAllowed)."""
    if isinstance(server, VirtuosoServer):
        os.environ["CTKG_VIRTUOSO_ISQL"] = f"127.0.0.1:{server.sql_port}"
        os.environ["CTKG_VIRTUOSO_DIR"] = str(server.location)
        os.environ["CTKG_VIRTUOSO_PASSWORD"] = "dba"
        crud = server.query_url + "-graph-crud"
        return resolve_endpoint(server.query_url, server.query_url, crud, timeout=600)
    return resolve_endpoint(server.query_url, timeout=600, union="server" if server.union_flag else "kept")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=500, help="registry records, and as many abstracts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=50, help="graphs per update (both paths)")
    parser.add_argument("--max-bytes", type=int, default=8_000_000, help="bytes per request (both paths)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ctkg-remote-bulk-") as tmp:
        root = Path(tmp)
        corpus = [
            sys.executable,
            str(HERE / "generate_corpus.py"),
            "--n",
            str(args.n),
            "--seed",
            str(args.seed),
        ]
        subprocess.run([*corpus, "--out", str(root / "corpus")], check=True, capture_output=True)
        start = time.perf_counter()
        documents = collect([root / "corpus"], keep_going=True, progress=lambda _m: None).documents
        triples = sum(d.triples for d in documents)
        print(
            f"{len(documents):,} documents, {triples:,} triples, prepared in {time.perf_counter() - start:.1f} s"
            " (parse, map, validate: not timed below)"
        )
        servers = {
            "Oxigraph server, its own union": lambda p: OxigraphServer(root / f"ox-{p}"),
            "Oxigraph server, union kept by ctkg": lambda p: OxigraphServer(root / f"kept-{p}", False),
            "Virtuoso, its SQL loader on this machine": lambda p: VirtuosoServer(root / f"virtuoso-{p}"),
        }
        for name, make in servers.items():
            held = {}
            for protocol in ("gsp", "bulk"):
                server = make(protocol).start()
                try:
                    seconds, held[protocol] = timed_load(
                        doors(server), protocol, documents, args.batch_size, args.max_bytes
                    )
                finally:
                    server.kill()
                print(
                    f"{name}, --protocol {protocol}: {seconds:.1f} s ({len(documents) / seconds:,.0f}"
                    f" documents/s, {triples / seconds:,.0f} triples/s)"
                )
            print(f"  the same graphs both ways: {'yes' if held['gsp'] == held['bulk'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
