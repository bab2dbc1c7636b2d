"""Evidence-synthesis figures of a built store: how many contrasts, how their standard errors
were had, how many trials, conflicts and usable networks, and how long each step takes.

    python benchmarks/synthesis.py STORE [--outcome "overall survival"] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path


def figures(store_path: str, outcome: str) -> dict:
    import pyoxigraph

    from kg.synthesis.contrasts import contrasts
    from kg.synthesis.exports import contrasts_csv, network_csv
    from kg.synthesis.fhir import bundle
    from kg.synthesis.network import select, studies

    store = pyoxigraph.Store.read_only(store_path)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    items = contrasts(store)
    seconds["contrasts"] = time.perf_counter() - start
    start = time.perf_counter()
    contrasts_csv(items)
    seconds["contrasts_csv"] = time.perf_counter() - start
    start = time.perf_counter()
    network = studies(select(items, outcome, "HR"))
    for fmt in ("netmeta", "gemtc", "multinma"):
        network_csv(fmt, network)
    seconds["networks"] = time.perf_counter() - start
    start = time.perf_counter()
    resources = len(bundle(items)["entry"])
    seconds["fhir"] = time.perf_counter() - start
    return {
        "contrasts": len(items),
        "with_se": sum(c.usable for c in items),
        "trials": len({c.trial_iri for c in items}),
        "se_method": dict(Counter(str(c.se_method) for c in items)),
        "measure": dict(Counter(c.measure for c in items)),
        "flagged_conflicts": sum(bool(c.conflicts) for c in items),
        "network_outcome": outcome,
        "network_studies": len(network),
        "multi_arm_studies": sum(s.multi_arm for s in network),
        "fhir_resources": resources,
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--outcome", default="overall survival")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    result = figures(args.store, args.outcome)
    for key, value in result.items():
        print(f"{key:20} {value}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
