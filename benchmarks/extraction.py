"""Benchmark the abstract extractor: how good it is (against gold facts) and how fast it is.

Prints figures, never asserts: quality comes from the project's scorer
(``shared/tools/score_extraction.py``) over every gold file; speed is the time of
parse + extraction (``kg.sources.read_document``) per abstract, set beside the later
pipeline stages (mapping, SHACL validation, loading into an in-memory Oxigraph store)
measured on the same documents in the same run, so the ratios are comparable.
At scale the store, not the extractor, should be the bottleneck; the target for
parse + extraction is a median under 5 ms.

Usage: python benchmarks/extraction.py [--gold DIR] [--abstracts DIR] [--json OUT]
                                       [--repeat N] [--validate-repeat N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pyoxigraph

from kg.mapping import document_graph
from kg.sources import read_document
from kg.stores.embedded import replace_graphs
from kg.validate import validate_graph

SHARED = (Path(__file__).parents[1] / ".." / "shared").resolve()
DEFAULT_GOLD = SHARED / "data" / "abstracts" / "gold"
DEFAULT_ABSTRACTS = SHARED / "data" / "abstracts"
SCORER = SHARED / "tools" / "score_extraction.py"
BASE = "https://w3id.org/ctkg/id/"
STAGES = ("extract", "map", "validate", "load")
STAGE_LABELS = {
    "extract": "parse+extract",
    "map": "mapping",
    "validate": "SHACL validation",
    "load": "store load",
}
TARGET_EXTRACT_MS = 5.0


# --- quality -----------------------------------------------------------------------------


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the scorer from its file: it lives outside the package, so it is not importable by name."""
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def tally_figures(name: str, tally: Any, error: str | None = None) -> dict[str, Any]:
    """The scorer's counts as plain data, so they can be printed and written as JSON alike."""
    return {
        "name": name,
        "fields_ok": tally.ok,
        "fields_total": tally.total,
        "field_score_pct": 100.0 * tally.ok / max(tally.total, 1),
        "facts_found": tally.found,
        "facts": tally.facts,
        "extra_rows": tally.extra,
        "extra_pct_of_facts": 100.0 * tally.extra / max(tally.facts, 1),
        "error": error,
    }


def run_quality(gold_dir: Path, scorer_path: Path = SCORER) -> dict[str, Any]:
    """Score every gold file exactly as the scorer's own command line would, via this interpreter's ctkg."""
    scorer = load_scorer(scorer_path)
    root = scorer_path.parent.parent  # gold "doc" paths are relative to shared/, as in the scorer
    ctkg = [sys.executable, "-m", "kg.cli"]
    total = scorer.Tally()
    documents = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        error = None
        try:
            out = scorer.extract(ctkg, str(root / gold["doc"]))
        except Exception as err:  # the scorer's rule: a failed build scores zero on every gold field
            out = {q: [] for q in scorer.QUERIES}
            error = str(err)
        tally = scorer.score(gold, out)
        total.add(tally)
        documents.append(tally_figures(path.name, tally, error))
    return {"gold": str(gold_dir), "documents": documents, "total": tally_figures("TOTAL", total)}


def failure_lines(error: str) -> list[str]:
    """The ctkg messages of a failed scorer run, without its command line and progress lines (noise)."""
    _, _, output = error.partition(" -> ")  # the scorer's "CMD -> EXIT: STDERR-TAIL"
    _, _, output = output.partition(": ")
    lines = [line.strip() for line in (output or error).splitlines()]
    return [line for line in lines if line and not line.startswith("[")]


def print_quality(quality: dict[str, Any]) -> None:
    """Print the scorer's own line formats, so the figures read the same as its output."""
    print(f"== Extraction quality ({quality['gold']})")
    for d in quality["documents"]:
        if d["error"]:
            print(f"{d['name']}: build/query failed:")
            for line in failure_lines(d["error"]):
                print(f"    {line}")
        print(
            f"{d['name']}: fields {d['fields_ok']}/{d['fields_total']} ({d['field_score_pct']:.0f}%) "
            f"facts {d['facts_found']}/{d['facts']} extra {d['extra_rows']}"
        )
    t = quality["total"]
    print(
        f"TOTAL fields {t['fields_ok']}/{t['fields_total']} ({t['field_score_pct']:.1f}%) "
        f"facts found {t['facts_found']}/{t['facts']} extra rows {t['extra_rows']}"
    )
    print(f"extra rows: {t['extra_pct_of_facts']:.1f}% of {t['facts']} gold facts")


# --- speed -------------------------------------------------------------------------------


def time_call(fn: Callable[[], object], repeat: int, warmup: int = 1) -> list[float]:
    """Milliseconds per call; the warm-up runs absorb one-off costs (imports, regex and shape caches)."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000.0)
    return samples


def percentile(samples: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: always an observed time, and defined for a single sample."""
    ordered = sorted(samples)
    rank = max(math.ceil(pct / 100.0 * len(ordered)), 1)
    return ordered[rank - 1]


def summarize(samples: Sequence[float]) -> dict[str, float]:
    return {"median_ms": statistics.median(samples), "p95_ms": percentile(samples, 95), "runs": len(samples)}


def read_unseen(path: Path) -> object:
    """Parse as if the text were new: the caches keyed by sentence text are emptied first, so
    repeating one document does not time cache hits (the word-level caches stay warm, as
    they are after the first few documents of any real run)."""
    from kg.extraction import regimens, stats

    regimens._drug_mentions.cache_clear()
    stats.intervals.cache_clear()
    return read_document(path)


def time_document(
    path: Path, store: pyoxigraph.Store, repeat: int, validate_repeat: int
) -> dict[str, list[float]]:
    """Each stage timed alone on its own input, so a slow stage does not blur the others' figures.

    Raises ``StageFailure`` naming the stage when the document breaks one.
    """
    samples: dict[str, list[float]] = {}
    stage = "extract"
    try:
        samples["extract"] = time_call(lambda: read_unseen(path), repeat)
        doc = read_document(path)
        stage = "map"
        samples["map"] = time_call(lambda: document_graph(doc, BASE), repeat)
        graph_iri, graph = document_graph(doc, BASE)
        stage = "validate"
        samples["validate"] = time_call(lambda: validate_graph(graph), validate_repeat)
        stage = "load"
        # DROP + INSERT of the same named graph: the steady state of a re-run, in a store
        # that also holds every document timed before this one.
        samples["load"] = time_call(lambda: replace_graphs(store, [(graph_iri, graph)]), repeat)
    except Exception as err:
        raise StageFailure(stage, f"{type(err).__name__}: {err}") from err
    return samples


class StageFailure(RuntimeError):
    """A document that broke a stage: reported by name, the run goes on with the others."""

    def __init__(self, stage: str, message: str) -> None:
        super().__init__(message)
        self.stage = stage
        self.message = message


def run_timing(paths: Sequence[Path], repeat: int = 20, validate_repeat: int = 3) -> dict[str, Any]:
    """Time every stage on every document; totals pool all runs of all documents that went through."""
    store = pyoxigraph.Store()  # in memory: measures Oxigraph itself, not the disk
    documents, failed = [], []
    pooled: dict[str, list[float]] = {stage: [] for stage in STAGES}
    for path in paths:
        try:
            samples = time_document(Path(path), store, repeat, validate_repeat)
        except StageFailure as err:
            failed.append({"name": Path(path).name, "stage": err.stage, "error": err.message})
            continue
        for stage in STAGES:
            pooled[stage].extend(samples[stage])
        documents.append(
            {"name": Path(path).name, "stages": {stage: summarize(samples[stage]) for stage in STAGES}}
        )
    totals: dict[str, dict[str, float]] = {}
    if documents:
        totals = {stage: summarize(pooled[stage]) for stage in STAGES}
        base = totals["extract"]["median_ms"]
        for stage in STAGES:
            totals[stage]["ratio_to_extract"] = totals[stage]["median_ms"] / base
    return {
        "repeat": repeat,
        "validate_repeat": validate_repeat,
        "warmup": 1,
        "target_extract_median_ms": TARGET_EXTRACT_MS,
        "documents": documents,
        "failed": failed,
        "totals": totals,
    }


def print_timing(timing: dict[str, Any], folder: Path) -> None:
    """Per-document medians, then totals with each stage's ratio to parse + extraction."""
    print(
        f"\n== Speed ({folder}; {timing['repeat']} runs per stage after {timing['warmup']} warm-up, "
        f"SHACL {timing['validate_repeat']} runs; median ms)"
    )
    print(f"{'document':<22}" + "".join(f"{STAGE_LABELS[s]:>18}" for s in STAGES))
    for d in timing["documents"]:
        print(f"{d['name']:<22}" + "".join(f"{d['stages'][s]['median_ms']:>18.2f}" for s in STAGES))
    for f in timing["failed"]:
        print(f"{f['name']:<22}  FAILED at {f['stage']}: {f['error']}")
    totals = timing["totals"]
    if not totals:
        print("no document went through every stage: no totals")
        return
    extract = totals["extract"]
    print(
        f"\nparse+extract over {len(timing['documents'])} documents: median {extract['median_ms']:.2f} ms, "
        f"p95 {extract['p95_ms']:.2f} ms (target: median < {timing['target_extract_median_ms']:g} ms)"
    )
    for stage in STAGES[1:]:
        t = totals[stage]
        print(
            f"{STAGE_LABELS[stage]:<18} median {t['median_ms']:9.2f} ms  p95 {t['p95_ms']:9.2f} ms  "
            f"= {t['ratio_to_extract']:7.2f} x parse+extract"
        )


# --- command line ------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold JSON files")
    ap.add_argument("--abstracts", type=Path, default=DEFAULT_ABSTRACTS, help="folder of abstract *.txt")
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per stage and document (default 20)")
    ap.add_argument(
        "--validate-repeat",
        type=int,
        default=3,
        help="timed SHACL runs per document (default 3: each takes hundreds of ms)",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    figures: dict[str, Any] = {}
    if args.gold.is_dir() and SCORER.is_file():
        figures["quality"] = run_quality(args.gold)
        print_quality(figures["quality"])
    else:
        print(f"== Extraction quality: skipped (no gold folder {args.gold} or scorer {SCORER})")
    paths = sorted(args.abstracts.glob("*.txt"))
    figures["timing"] = run_timing(paths, args.repeat, args.validate_repeat)
    print_timing(figures["timing"], args.abstracts)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"\nfigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
