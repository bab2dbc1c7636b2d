"""Drug-name finding over a folder of pages: the one-time dictionary load, the cost per page
(every sentence searched once), and the names found with the number of pages naming each,
for a curator to check that no receptor, gene, measure or common word is taken for an agent.

    python benchmarks/drug_names.py ../shared/data/pool [--names 40]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections import Counter, defaultdict
from pathlib import Path

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])|\n+")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--names", type=int, default=40, help="how many names to list (0: all)")
    args = parser.parse_args()
    pages = [p.read_text(encoding="utf-8") for p in sorted(args.folder.glob("*.txt"))]

    start = time.perf_counter()
    from kg.extraction.lexicon import find_drugs

    find_drugs("cisplatin")  # loads the curated lexicon and the dictionary
    load = time.perf_counter() - start

    costs, pages_naming, spellings = [], Counter(), defaultdict(Counter)
    for page in pages:
        sentences = _SENTENCE_END.split(page)
        start = time.perf_counter()
        found = [(s, f) for s in sentences for f in find_drugs(s)]
        costs.append(time.perf_counter() - start)
        pages_naming.update({name for _s, (name, _b, _e) in found})
        for sentence, (name, b, e) in found:
            spellings[name][sentence[b:e]] += 1

    ms = sorted(c * 1000 for c in costs)
    print(f"pages: {len(pages)}  dictionary load: {load:.2f} s")
    print(
        f"per page: median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms, "
        f"max {ms[-1]:.2f} ms, total {sum(ms) / 1000:.2f} s"
    )
    print(f"names found: {len(pages_naming)}")
    for name, n in pages_naming.most_common(args.names or None):
        shown = ", ".join(f"{s!r} {k}" for s, k in spellings[name].most_common(3))
        print(f"  {n:5d}  {name}  ({shown})")


if __name__ == "__main__":
    main()
