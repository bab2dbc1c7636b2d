"""The scale benchmark's driver (``python benchmarks/scale.py``): for each size N (half
ClinicalTrials.gov v2 records, half PubMed pages, from ``generate_corpus.py``) it measures,
each heavy step in its own process so memory figures are its own:

- end to end: ``ctkg build CORPUS --store S --jobs J`` (parse -> extract -> map -> validate ->
  load), documents/s, triples/s, peak RSS (sum over the process tree, sampled from /proc, and
  the largest single process from wait4), and the disk its folder took at the peak;
- the ceiling: the built store's quads bulk-loaded into a fresh pyoxigraph store, fed by a
  pipe from a dump (the N-Quads are counted, never written whole);
- the baseline: the same documents through ctkg's parsers and mapping into one rdflib graph, one
  pySHACL run over it and rdflib SPARQL for every bundled query, within a CPU-time limit;
- whole-store validation: ``kg.validate.validate_store``, and the same graph and shapes through
  Apache Jena's SHACL, warm and cold; the findings of both are counted and compared;
- the query step (``scaling.queries``): listings streamed whole beside the row-delivery floor,
  first pages, queries restricted to one trial, publication or drug, and a sample of the
  generated hazard ratios looked up in efficacy-results;
- disk use per document: the store, the build's folder at its peak, the ceiling's N-Quads.

Ratios against the ceiling and the baseline are printed beside the absolute figures.  The
machine may be shared: record what else ran (``--note``), figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from scaling.baseline import baseline_step
from scaling.jena import compare_findings, jena
from scaling.process import folder_bytes
from scaling.queries import extraction_check, query_step
from scaling.steps import build, build_supports_jobs, ceiling, corpus, ctkg_validate, dump, jobs_step
from scaling.workers import dispatch

MB = 2**20


def run_size(n: int, args: argparse.Namespace, jobs_ok: bool) -> dict[str, Any]:
    print(f"\n=== N = {n:,} documents ===", flush=True)
    work = args.work / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    folder, manifest = corpus(args.work, n, args.seed)
    store = work / "build" / "store"  # alone in its folder: the build's disk use is that folder's
    jobs = args.jobs if jobs_ok else None
    e2e = build(folder, store, jobs)
    res: dict[str, Any] = {
        "n": n,
        "jobs": jobs,
        "build_s": e2e.seconds,
        "docs_per_s": n / e2e.seconds,
        "peak_rss_mb": e2e.peak_tree_rss_mb,
        "max_process_rss_mb": e2e.max_process_rss_mb,
        "build_cpu_s": e2e.cpu_s,
        "store_mb": folder_bytes(store) / MB,
        "build_peak_disk_mb": e2e.peak_disk_mb,
    }
    ceil, bulk = ceiling(store, work)
    quads = res["quads"] = ceil["quads"]
    res["triples_per_s"] = quads / e2e.seconds
    print(f"  build: {e2e.seconds:.1f} s, {res['docs_per_s']:,.0f} docs/s, {res['triples_per_s']:,.0f} triples/s, "
          f"peak RSS {res['peak_rss_mb']:,.0f} MB (largest process {res['max_process_rss_mb']:,.0f} MB)", flush=True)  # fmt: skip
    res.update(ceiling_s=ceil["seconds"], ceiling_triples_per_s=quads / ceil["seconds"],
               ceiling_peak_rss_mb=bulk.peak_tree_rss_mb, ceiling_nquads_mb=ceil["nquads_bytes"] / MB,
               ceiling_store_mb=ceil["store_bytes"] / MB)  # fmt: skip
    res["ratio_to_ceiling"] = res["triples_per_s"] / res["ceiling_triples_per_s"]
    print(f"  ceiling (bulk load of the same {quads:,} quads, streamed from a dump): {ceil['seconds']:.1f} s, "
          f"{res['ceiling_triples_per_s']:,.0f} triples/s; end to end = {res['ratio_to_ceiling']:.2f}x ceiling", flush=True)  # fmt: skip
    res["disk_per_doc_kb"] = {"store": res["store_mb"] * 1024 / n, "build_peak": res["build_peak_disk_mb"] * 1024 / n,
                              "ceiling_nquads": res["ceiling_nquads_mb"] * 1024 / n,
                              "ceiling_store": res["ceiling_store_mb"] * 1024 / n}  # fmt: skip
    d = res["disk_per_doc_kb"]
    print(f"  disk per document: store {d['store']:.1f} kB, build folder at its peak (store + staging) "
          f"{d['build_peak']:.1f} kB, ceiling's N-Quads {d['ceiling_nquads']:.1f} kB (streamed, never written), "
          f"ceiling's store {d['ceiling_store']:.1f} kB", flush=True)  # fmt: skip
    _validation(res, store, work, args)
    if "queries" not in args.skip:
        _queries(res, store, work, manifest, args)
    baseline_step(res, folder, work, args)
    if n == args.speedup_size and jobs_ok and args.jobs != 1 and "jobs" not in args.skip:
        jobs_step(res, folder, work, args.jobs)
    if not args.keep:
        shutil.rmtree(store.parent, ignore_errors=True)
    return res


def _validation(res: dict[str, Any], store: Path, work: Path, args: argparse.Namespace) -> None:
    """Whole-store validation by ctkg, and by Jena on the same graph where it fits in memory
    (the one step that writes the N-Quads file: Jena reads it)."""
    ours, theirs = work / "findings-ctkg.tsv", work / "findings-jena.tsv"
    res["validate_s"], res["validate_method"], val = ctkg_validate(store, ours)
    res["validate_peak_rss_mb"] = val.peak_tree_rss_mb
    print(f"  validate ({res['validate_method']}): {res['validate_s']:.2f} s", flush=True)
    if res["n"] > args.jena_max:  # Jena holds the graph in its heap: ~2.6 GB at 10,000 documents
        jn = {"skipped": f"N > --jena-max {args.jena_max} (Jena's in-memory graph would not fit)"}
        print(f"  Jena SHACL: skipped (N > {args.jena_max:,})", flush=True)
    else:
        nq = work / "store.nq"
        dump(store, nq)
        jn = jena(nq, work, theirs, args.jena_runs)
        nq.unlink(missing_ok=True)
    res["jena"] = jn
    res["jena_validate_s"] = jn.get("warm_s")
    res["jena_cold_s"] = jn.get("cold_s")
    if res["jena_validate_s"]:
        res["validate_ratio_to_jena"] = res["validate_s"] / res["jena_validate_s"]
        print(f"  Jena SHACL: warm {jn['warm_s']:.2f} s (median of {len(jn['runs_s'])}), cold {jn['cold_s']:.1f} s "
              f"(JVM start + parse + one run); ctkg = {res['validate_ratio_to_jena']:.1f}x Jena warm", flush=True)  # fmt: skip
    if "skipped" not in jn:
        res["findings"] = f = compare_findings(ours, theirs)
        verdict = "AGREE" if f["agree"] else "same set, different repeats" if f["agree_as_sets"] else "DIFFER"
        print(f"  findings: ctkg {f['ctkg']}, Jena {f['jena']} -> {verdict}", flush=True)


def _queries(res: dict[str, Any], store: Path, work: Path, manifest: Path, args: argparse.Namespace) -> None:
    ratios = query_step(res, store, work, args)
    if res["queries"]["efficacy-results"]["median_s"] is None:  # no table to look the ratios up in
        res["extraction_check"] = {"skipped": "efficacy-results did not finish within --query-timeout"}
        print("  extraction check: skipped (efficacy-results did not finish within --query-timeout)")
    else:
        res["extraction_check"] = x = extraction_check(manifest, ratios)
        print(
            f"  extraction check: {x['found']}/{x['checked']} generated hazard ratios found in efficacy-results"
        )


def queries_only(args: argparse.Namespace) -> int:
    """The query step alone on an existing store: a 100,000-document store is not rebuilt for it."""
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"=== queries on {args.queries_only} ===", flush=True)
    res: dict[str, Any] = {"store": str(args.queries_only), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                           "load_avg_at_start": os.getloadavg(), "note": args.note}  # fmt: skip
    query_step(res, args.queries_only, args.work, args)
    res["load_avg_now"] = os.getloadavg()
    args.json.write_text(json.dumps({"queries_only": res}, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if dispatch(argv):  # a child process of a step
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="documents per size, comma-separated")
    parser.add_argument("--json", type=Path, required=True, help="write the figures here")
    parser.add_argument(
        "--queries-only",
        type=Path,
        metavar="STORE",
        help="only time the bundled queries on this existing store (opened read-only), no build",
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ctkg-scale")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="ctkg build --jobs (default: all cores)"
    )
    parser.add_argument(
        "--speedup-size", type=int, help="also build with --jobs 1 at this size (default: first)"
    )
    parser.add_argument(
        "--baseline-max", type=int, default=10_000, help="skip the naive baseline above this N"
    )
    parser.add_argument(
        "--baseline-limit",
        default="600",
        help="stop the baseline after this many CPU seconds, or e.g. 25x: 25 times ctkg's build time",
    )
    parser.add_argument("--query-runs", type=int, default=7)
    parser.add_argument("--query-timeout", type=float, default=300.0, help="stop one query's runs after this")
    parser.add_argument("--jena-runs", type=int, default=5)
    parser.add_argument("--jena-max", type=int, default=10_000, help="skip Jena's SHACL above this N")
    parser.add_argument(
        "--skip",
        type=lambda text: set(text.split(",")),
        default=set(),
        help="leave out steps: queries, jobs (the --jobs 1 build); e.g. to time a store kept with --keep later",
    )
    parser.add_argument("--keep", action="store_true", help="keep stores and N-Quads dumps under --work")
    parser.add_argument("--note", default="", help="what else ran on the machine (stored with the figures)")
    args = parser.parse_args(argv)
    if args.queries_only:
        return queries_only(args)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.speedup_size = args.speedup_size or sizes[0]
    args.work.mkdir(parents=True, exist_ok=True)
    jobs_ok = build_supports_jobs()
    if not jobs_ok:
        print("note: this ctkg build has no --jobs option; building with its defaults", file=sys.stderr)
    figures: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_avg_at_start": os.getloadavg()},
        "note": args.note,
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "sizes": [],
    }  # fmt: skip
    for n in sizes:
        figures["sizes"].append(run_size(n, args, jobs_ok))
        figures["machine"]["load_avg_now"] = os.getloadavg()
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0
