"""Loading a remote store: documents as N-Quads, many per request, into Oxigraph's /store
(``--protocol bulk``) beside the Graph Store protocol (``--protocol gsp``, one PUT per
document), in one run, on one generated corpus.

The documents are parsed, mapped and validated once (``kg.build.collect``, what ``ctkg build
--endpoint`` does first); then each path loads them into a fresh server of its own, and only
the load is timed (the union too, where ctkg keeps it).  Servers: Oxigraph with
``--union-default-graph``, and Oxigraph whose default graph ctkg keeps as the union
(``--union kept``).  Each bulk-loaded store must hold the same quads as its Graph Store twin.

Usage: python benchmarks/remote_bulk.py [--n 500] [--seed 1] [--batch-size 50] [--max-bytes 8000000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # the server launchers the tests use

from servers import OxigraphServer  # noqa: E402

from kg.build import collect  # noqa: E402
from kg.stores import http as client  # noqa: E402
from kg.stores import resolve_endpoint  # noqa: E402
from kg.stores.remote import RemoteStore  # noqa: E402

HERE = Path(__file__).parent


def quads(endpoint) -> list[bytes]:
    """The server's whole dataset as sorted N-Quads lines (no blank nodes in ctkg's graphs)."""
    _, body = client.request(endpoint, "GET", endpoint.store_url, headers={"Accept": "application/n-quads"})
    return sorted(body.splitlines())


def timed_load(server, union: str, protocol: str, documents, batch_size: int, max_bytes: int):
    """Seconds one load takes into a fresh server, and the quads it leaves."""
    endpoint = resolve_endpoint(server.query_url, union=union, timeout=600)
    store = RemoteStore(endpoint, protocol, batch_size, max_bytes)
    start = time.perf_counter()
    report = store.load_ntriples([(d.graph_iri, d.ntriples) for d in documents])
    seconds = time.perf_counter() - start
    if report.error:
        raise SystemExit(f"{protocol} load failed: {report.error}")
    return seconds, quads(endpoint)


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
        for union, flag in (("server", True), ("kept", False)):
            dumps = {}
            for protocol in ("gsp", "bulk"):
                server = OxigraphServer(root / f"ox-{union}-{protocol}", union_default_graph=flag).start()
                try:
                    seconds, dumps[protocol] = timed_load(
                        server, union, protocol, documents, args.batch_size, args.max_bytes
                    )
                finally:
                    server.kill()
                print(
                    f"Oxigraph server, union {union}, --protocol {protocol}: {seconds:.1f} s"
                    f" ({len(documents) / seconds:,.0f} documents/s, {triples / seconds:,.0f} triples/s)"
                )
            print(f"  same quads both ways: {'yes' if dumps['gsp'] == dumps['bulk'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
