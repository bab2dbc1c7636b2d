"""The naive baseline of the scale benchmark: ctkg's parsers and mapping into one rdflib
dataset, one pySHACL run over all of it, rdflib SPARQL for every bundled query; run as a child
process (``scale.py --baseline-worker``) under a CPU-time limit."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from scaling.process import measure
from scaling.workers import ENTRY, QUERY_PARAMS


def baseline_worker(folder: Path, progress: Path) -> None:
    """ctkg's parsers and mapping into an rdflib dataset (one named graph per document, queried
    as their union), one pySHACL run over the union of all of it, then rdflib SPARQL for every
    bundled query; each stage's time is written as soon as it ends, so a run stopped at the
    time limit still tells how far it got."""
    from rdflib import Dataset, Graph

    from kg.inputs import expand
    from kg.mapping import document_graph
    from kg.namespaces import base_iri
    from kg.queries import bind, list_queries
    from kg.sources import read_documents
    from kg.validate import validate_graph

    state: dict[str, Any] = {}

    def save(**kw: Any) -> None:
        state.update(kw)
        progress.write_text(json.dumps(state), encoding="utf-8")

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    for path in expand([folder]):
        for doc in read_documents(path):
            graph_iri, graph = document_graph(doc, base_iri())
            dataset.graph(graph_iri).__iadd__(graph)
    save(load_s=time.perf_counter() - start, quads=len(dataset))
    start = time.perf_counter()
    union = Graph()  # pySHACL validates a dataset graph by graph: give it the one whole graph
    for s, p, o, _g in dataset.quads():
        union.add((s, p, o))
    report = validate_graph(union)
    save(validate_s=time.perf_counter() - start, triples=len(union), findings=len(report.findings))
    del union
    queries = {}
    for q in list_queries():
        start = time.perf_counter()
        try:
            rows = len(list(dataset.query(bind(q, QUERY_PARAMS.get(q.name, {})))))
            queries[q.name] = {"seconds": time.perf_counter() - start, "rows": rows}
        except Exception as err:  # rdflib cannot run every bundled query: say which, go on
            queries[q.name] = {"seconds": None, "error": f"{type(err).__name__}: {err}"}
        save(queries=queries)


def baseline(folder: Path, work: Path, cpu_limit: float) -> dict[str, Any]:
    """The baseline (one process, one thread) stopped after ``cpu_limit`` CPU seconds: had it
    the machine to itself it would run at least that long."""
    progress = work / "baseline-progress.json"
    progress.unlink(missing_ok=True)
    cmd = [sys.executable, str(ENTRY), "--worker", "baseline", str(folder), str(progress)]
    m = measure(cmd, timeout=10 * cpu_limit + 60, cpu_limit=cpu_limit)  # wall: a safety net on a busy machine
    state = json.loads(progress.read_text()) if progress.exists() else {}
    finished = m.returncode == 0 and "validate_s" in state
    state.update(finished=finished, wall_s=m.seconds, cpu_s=m.cpu_s, peak_rss_mb=m.peak_tree_rss_mb)
    if m.returncode not in (0, None):
        state["error"] = "\n".join(m.stderr.splitlines()[-5:])
    if finished:
        state["seconds"] = state["load_s"] + state["validate_s"]
    return state


# --- one size ----------------------------------------------------------------------------------


def _limit_s(limit: str, build_s: float) -> float:
    """``600`` (CPU seconds) or ``25x`` (25 times this size's end-to-end build)."""
    return float(limit[:-1]) * build_s if limit.endswith("x") else float(limit)


def baseline_step(res: dict[str, Any], folder: Path, work: Path, args: argparse.Namespace) -> None:
    res["baseline_triples_per_s"] = None
    if res["n"] > args.baseline_max:
        res["baseline"] = {"skipped": f"N > --baseline-max {args.baseline_max}"}
        print(f"  baseline: skipped (N > {args.baseline_max:,})")
        return
    limit = _limit_s(args.baseline_limit, res["build_s"])
    b = baseline(folder, work, limit)
    res["baseline"] = b
    if not b["finished"]:  # it needs more than the CPU it used, so ctkg is at least this many times faster
        res["speedup_vs_baseline_at_least"] = b["cpu_s"] / res["build_s"]
        print(f"  baseline: stopped unfinished after {b['cpu_s']:.0f} CPU s ({b['wall_s']:.0f} s wall; got to: "
              f"{sorted(b)}) -> ctkg end to end >= {res['speedup_vs_baseline_at_least']:.1f}x baseline", flush=True)  # fmt: skip
        return
    b["triples_per_s"] = res["quads"] / b["seconds"]  # the same quads as ctkg's, for a like ratio
    res["baseline_triples_per_s"] = b["triples_per_s"]
    res["speedup_vs_baseline"] = res["triples_per_s"] / b["triples_per_s"]
    slowest = max(
        (q for q in b.get("queries", {}).values() if q["seconds"] is not None),
        key=lambda q: q["seconds"],
        default=None,
    )
    print(f"  baseline (rdflib + one pySHACL run): load {b['load_s']:.1f} s + SHACL {b['validate_s']:.1f} s = "
          f"{b['triples_per_s']:,.0f} triples/s, peak RSS {b['peak_rss_mb']:,.0f} MB; ctkg end to end = "
          f"{res['speedup_vs_baseline']:.1f}x baseline; slowest rdflib query "
          f"{slowest['seconds'] if slowest else float('nan'):.2f} s", flush=True)  # fmt: skip
