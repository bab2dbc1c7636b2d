"""Scale benchmark: ctkg's own pipeline against the store's bulk-load ceiling, a naive rdflib +
pySHACL baseline and Apache Jena's SHACL, at N documents per size, in one run; the query
targets of issue 18 (first pages, one trial/publication/drug, streamed listings against the
row-delivery floor, the two finding queries) and disk use per document.

The steps live in the package ``benchmarks/scaling/`` (``main``: the driver and its options;
``process``: running and measuring a child process; ``steps``: corpus, build, ceiling,
validation, ``--jobs``; ``jena``; ``baseline``; ``queries`` and ``workers``: the query step).

Usage: python benchmarks/scale.py --sizes 1000,10000,100000 --json OUT.json [--work DIR]
       [--jobs J] [--speedup-size N] [--baseline-max N] [--baseline-limit S|Kx] [--jena-max N] [--query-runs R]
       python benchmarks/scale.py --queries-only STORE --json OUT.json [--query-runs R]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # benchmarks/ is a folder of scripts

from scaling.baseline import baseline  # noqa: E402  (the tests' entry points)
from scaling.main import main  # noqa: E402
from scaling.process import measure, python  # noqa: E402
from scaling.steps import corpus  # noqa: E402

__all__ = ["baseline", "corpus", "main", "measure", "python"]

if __name__ == "__main__":
    sys.exit(main())
