"""Benchmark the extractor on real pages without gold: what it makes of every page of a folder.

Issue 14's gold-free figures, for a folder of PubMed pages (by default the shared pool of
1,059 pages, then the shared abstracts): pages read, trials, arms, results and adverse-event
figures; the share of pages that report a randomised trial (judged by
``kg.extraction.report_kind``, which reads nothing the extractor reads) that yield a trial
with two or more arms (target >= 95%); number coverage, the share of the numbers printed in
results sentences that became facts (``kg.extraction.coverage``; target >= 90%), over the
randomised-trial pages and over every page that yielded a trial; and parse + extraction time
per abstract (``kg.sources.read_document``, each page timed once as a build meets it, after
one warm-up page that absorbs the imports; wall clock, and this process's CPU time, which a
busy machine disturbs less; target: median <= 5 ms). Prints figures, never asserts.

Usage: python benchmarks/pool.py [FOLDER ...] [--list] [--uncovered N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extraction.coverage import NumberCoverage, trial_coverage
from kg.extraction.report_kind import Verdict, reports_randomised_trial
from kg.extraction.text import sentences
from kg.model import AbstractSection, SourceDocument
from kg.sources import read_document

SHARED = (Path(__file__).parents[1] / ".." / "shared").resolve()
DEFAULT_FOLDERS = (SHARED / "data" / "pool", SHARED / "data" / "abstracts")
TARGET_TWO_ARMS_PCT = 95.0
TARGET_COVERAGE_PCT = 90.0
TARGET_EXTRACT_MS = 5.0


@dataclass
class Page:
    """What one page gave: its document (None when it could not be read), verdict and coverage."""

    name: str
    title: str
    verdict: Verdict
    coverage: list[NumberCoverage]
    doc: SourceDocument | None = None
    error: str | None = None
    ms: float | None = None
    cpu_ms: float | None = None

    @property
    def arms(self) -> int:
        return len(self.doc.trial.arms) if self.doc and self.doc.trial else 0


@dataclass
class Tally:
    """Numbers counted and covered over a set of pages."""

    counted: int = 0
    covered: int = 0
    pages: int = 0
    examples: list[NumberCoverage] = field(default_factory=list)

    def add(self, coverage: list[NumberCoverage]) -> None:
        self.pages += 1
        for c in coverage:
            self.counted += len(c.counted)
            self.covered += len(c.covered)
            if c.uncovered:
                self.examples.append(c)

    def figures(self) -> dict[str, Any]:
        return {
            "pages": self.pages,
            "numbers_counted": self.counted,
            "numbers_covered": self.covered,
            "coverage_pct": _pct(self.covered, self.counted),
        }


def read_page(path: Path) -> Page:
    """Read and time one page; a page that cannot be read is judged on its raw text."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        doc = read_document(path)
    except Exception as err:  # the benchmark reports what breaks, it does not stop at it
        title, abstract = _raw(path)
        verdict = reports_randomised_trial(title, abstract)
        return Page(path.name, title, verdict, trial_coverage(None, _sentences(abstract)), error=str(err))
    ms, cpu_ms = (time.perf_counter() - start) * 1000.0, (time.process_time() - cpu) * 1000.0
    title = (doc.publication.title if doc.publication else None) or ""  # some pages print none
    verdict = reports_randomised_trial(title, doc.abstract)
    coverage = trial_coverage(doc.trial, _sentences(doc.abstract))
    return Page(path.name, title, verdict, coverage, doc=doc, ms=ms, cpu_ms=cpu_ms)


def _raw(path: Path) -> tuple[str, list[AbstractSection]]:
    """Title line and the rest as one unlabelled section: enough to judge a page the parser refused."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    rest = " ".join(line.strip() for line in lines[1:] if line.strip())
    return (lines[0].strip() if lines else ""), [AbstractSection(label="", text=rest)] if rest else []


def _sentences(abstract: Sequence[AbstractSection]) -> list:
    return [s for sec in abstract for s in sentences(sec.label, sec.text)]


def run_folder(folder: Path) -> tuple[dict[str, Any], list[Page]]:
    """Every page of a folder, and the figures over them."""
    paths = sorted(folder.glob("*.txt"))
    if paths:
        read_page(paths[0])  # warm-up: imports, lexicon and regex caches are one-time costs
    pages = [read_page(p) for p in paths]
    return figures(folder, pages), pages


def figures(folder: Path, pages: list[Page]) -> dict[str, Any]:
    docs = [p.doc for p in pages if p.doc is not None]
    trials = [d.trial for d in docs if d.trial is not None]
    randomised = [p for p in pages if p.verdict.randomised]
    with_two = [p for p in randomised if p.arms >= 2]
    on_randomised, on_trials = Tally(), Tally()
    for p in randomised:
        on_randomised.add(p.coverage)
    for p in pages:
        if p.doc is not None and p.doc.trial is not None:
            on_trials.add(p.coverage)
    times = [p.ms for p in pages if p.ms is not None]
    cpu_times = [p.cpu_ms for p in pages if p.cpu_ms is not None]
    randomised_times = [p.ms for p in randomised if p.ms is not None]
    arm_results = sum(len(t.arm_results) for t in trials)
    comparisons = sum(len(t.comparisons) for t in trials)
    return {
        "folder": str(folder),
        "pages": len(pages),
        "pages_read": len(docs),
        "not_read": dict(Counter(_reason(p.error) for p in pages if p.error).most_common()),
        "trials": len(trials),
        "trials_with_two_arms": sum(len(t.arms) >= 2 for t in trials),
        "arms": sum(len(t.arms) for t in trials),
        "results": arm_results + comparisons,
        "arm_results": arm_results,
        "comparisons": comparisons,
        "adverse_event_figures": sum(len(t.adverse_events) for t in trials),
        "randomised_pages": len(randomised),
        "randomised_with_two_arms": len(with_two),
        "randomised_with_two_arms_pct": _pct(len(with_two), len(randomised)),
        "coverage_randomised": on_randomised.figures(),
        "coverage_trials": on_trials.figures(),
        "extract_ms": _timing(times),
        "extract_cpu_ms": _timing(cpu_times),
        "extract_ms_randomised": _timing(randomised_times),
        "randomised_without_two_arms": [
            {
                "name": p.name,
                "arms": p.arms,
                "read": p.error is None,
                "why": p.verdict.reason,
                "title": p.title,
            }
            for p in randomised
            if p.arms < 2
        ],
    }


def _reason(error: str) -> str:
    """An error without the file name that starts it, so equal causes are counted together."""
    return error.split(": ", 1)[-1] if ": " in error else error


def _pct(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


def _timing(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"pages": 0}
    ordered = sorted(samples)
    p95 = ordered[max(round(0.95 * len(ordered)) - 1, 0)]
    return {"pages": len(samples), "median_ms": statistics.median(samples), "p95_ms": p95}


def print_figures(f: dict[str, Any], show_list: bool) -> None:
    print(f"== {f['folder']}")
    print(f"pages                              {f['pages']:>6}")
    print(f"pages read without error           {f['pages_read']:>6}")
    for reason, n in f["not_read"].items():
        print(f"    not read: {n} x {reason}")
    print(f"trials                             {f['trials']:>6}")
    print(f"trials with >= 2 arms              {f['trials_with_two_arms']:>6}")
    print(f"arms                               {f['arms']:>6}")
    print(
        f"results                            {f['results']:>6}  "
        f"({f['arm_results']} arm results + {f['comparisons']} comparisons)"
    )
    print(f"adverse-event figures              {f['adverse_event_figures']:>6}")
    print(
        f"pages reporting a randomised trial {f['randomised_pages']:>6}  yielding a trial with >= 2 arms: "
        f"{f['randomised_with_two_arms']} ({_show(f['randomised_with_two_arms_pct'])}; "
        f"target >= {TARGET_TWO_ARMS_PCT:g}%)"
    )
    for label, key in (
        ("randomised-trial pages", "coverage_randomised"),
        ("pages with a trial", "coverage_trials"),
    ):
        c = f[key]
        print(
            f"number coverage, {label:<22} {c['numbers_covered']} of {c['numbers_counted']} numbers in results "
            f"sentences became facts ({_show(c['coverage_pct'])}; {c['pages']} pages; target >= "
            f"{TARGET_COVERAGE_PCT:g}%)"
        )
    t, cpu = f["extract_ms"], f["extract_cpu_ms"]
    if t["pages"]:
        print(
            f"parse+extract per abstract         median {t['median_ms']:.2f} ms, p95 {t['p95_ms']:.2f} ms "
            f"(CPU: median {cpu['median_ms']:.2f} ms, p95 {cpu['p95_ms']:.2f} ms) over {t['pages']} pages "
            f"(target: median <= {TARGET_EXTRACT_MS:g} ms)"
        )
    r = f["extract_ms_randomised"]
    if r["pages"]:
        print(
            f"  on randomised-trial pages        median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms "
            f"over {r['pages']} pages"
        )
    if show_list:
        print(f"randomised-trial pages without 2 arms ({len(f['randomised_without_two_arms'])}):")
        for p in f["randomised_without_two_arms"]:
            state = f"{p['arms']} arm(s)" if p["read"] else "not read"
            print(f"    {p['name']:<18} {state:<9} {p['title'][:90]}")


def print_uncovered(pages: list[Page], limit: int) -> None:
    """Results sentences of randomised-trial pages with the numbers no fact took marked [[...]]."""
    shown = 0
    print(f"results sentences with numbers no fact took (first {limit}):")
    for p in pages:
        for c in p.coverage if p.verdict.randomised else []:
            if shown >= limit:
                return
            if c.uncovered:
                print(f"    {p.name}: {_marked(c)}")
                shown += 1


def _marked(c: NumberCoverage) -> str:
    text = c.sentence.text
    for a, b in sorted(c.uncovered, reverse=True):
        text = f"{text[:a]}[[{text[a:b]}]]{text[b:]}"
    return text


def _show(pct: float | None) -> str:
    return "n/a" if pct is None else f"{pct:.1f}%"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS), help="folders of *.txt pages"
    )
    ap.add_argument("--list", action="store_true", help="list the randomised-trial pages without two arms")
    ap.add_argument(
        "--uncovered", type=int, default=0, metavar="N", help="show N sentences with unread numbers"
    )
    ap.add_argument("--json", type=Path, help="write the figures to this JSON file")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    out = []
    for folder in args.folders:
        if not folder.is_dir():
            print(f"== {folder}: not a folder, skipped")
            continue
        f, pages = run_folder(folder)
        print_figures(f, args.list)
        if args.uncovered:
            print_uncovered(pages, args.uncovered)
        print()
        out.append(f)
    if args.json:
        args.json.write_text(json.dumps({"folders": out}, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
