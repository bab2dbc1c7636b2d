"""The query step's child processes (``scale.py --worker KIND ...``): each times one form of
the bundled queries on a store opened read-only and prints its figures as JSON lines, so a
pathological query can be stopped and its memory is its own."""

from __future__ import annotations

import json
import resource
import statistics
import time
from pathlib import Path
from typing import Any

ENTRY = Path(__file__).resolve().parents[1] / "scale.py"
QUERY_PARAMS = {"trials-by-drug": {"drug": "docetaxel"}, "trials-by-drug-class": {"class": "taxane"}}
FLOOR_QUERY = "SELECT ?g ?f WHERE { ?g <https://w3id.org/ctkg/ontology#sourceFile> ?f }"
PAGE = 100  # rows in a page: `ctkg query NAME --limit 100 [--offset N]`
PAGE_OFFSETS = (0, 1000)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _summary(times: list[float], **more: Any) -> dict[str, Any]:
    return {"median_s": statistics.median(times), "p95_s": p95(times), "runs": len(times), **more}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def listing_worker(store: Path, name: str, runs: int, budget_s: float, table_out: Path | None) -> None:
    """One bundled query's whole listing, streamed row by row (``kg.paging.stream``, as
    ``ctkg query NAME --format csv`` writes it) and counted, with the worker's peak RSS: a
    listing that streams takes the same memory at any size. The hazard-ratio rows of the first
    run are kept for the extraction check."""
    from kg.paging import stream
    from kg.queries import load_query
    from kg.stores.embedded import open_oxigraph

    query, params = load_query(name), QUERY_PARAMS.get(name, {})
    times, rows, ratios = [], 0, []
    with open_oxigraph(store, read_only=True) as st:
        for run in range(runs):
            start, rows = time.perf_counter(), 0
            for row in stream(st, query, params)[1]:
                rows += 1
                if table_out is not None and run == 0 and row["statistic"] == "hazard_ratio":
                    ratios.append({k: str(v) for k, v in row.items()})
            times.append(time.perf_counter() - start)
            if sum(times) > budget_s:
                break
    if table_out is not None:
        table_out.write_text(json.dumps(ratios), encoding="utf-8")
    print(json.dumps(_summary(times, rows=rows, peak_rss_mb=_peak_rss_mb())))


def floor_worker(store: Path, runs: int) -> None:
    """The cost of delivering rows at all: a one-pattern scan, one row per source, streamed
    like every listing."""
    from kg.paging import stream
    from kg.queries import QueryInfo
    from kg.stores.embedded import open_oxigraph

    query = QueryInfo("floor", Path("floor.rq"), "floor", "", [], FLOOR_QUERY)
    times, rows = [], 0
    with open_oxigraph(store, read_only=True) as st:
        for _ in range(runs):
            start = time.perf_counter()
            rows = sum(1 for _row in stream(st, query)[1])
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        json.dumps(
            {"query": FLOOR_QUERY, "median_s": median, "rows": rows, "us_per_row": median / rows * 1e6}
        )
    )


def page_worker(store: Path, name: str, runs: int, budget_s: float) -> None:
    """A listing's pages as ``ctkg query NAME --limit 100 --offset N`` gives them
    (``kg.paging.page``): one JSON line per offset."""
    from kg.paging import page
    from kg.queries import load_query
    from kg.stores.embedded import open_oxigraph

    query, params = load_query(name), QUERY_PARAMS.get(name, {})
    with open_oxigraph(store, read_only=True) as st:
        for offset in PAGE_OFFSETS:
            times, rows = [], 0
            for _ in range(runs):
                start = time.perf_counter()
                rows = len(page(st, query, params, PAGE, offset).rows)
                times.append(time.perf_counter() - start)
                if sum(times) > budget_s:
                    break
            print(json.dumps({str(offset): _summary(times, rows=rows)}), flush=True)


def subjects_sample(store: Path, pattern: str, size: int) -> list[str]:
    """A fixed sample of the store's subjects of a pattern (``?s`` in it): evenly spaced in
    IRI order, the same on every run."""
    from kg.stores.embedded import open_oxigraph

    with open_oxigraph(store, read_only=True) as st:
        found = [s["s"].value for s in st.query(f"SELECT DISTINCT ?s WHERE {{ {pattern} }} ORDER BY ?s")]
    return found[:: max(1, len(found) // size)][:size]


def restricted_worker(store: Path, sample: Path, variable: str, runs: int, budget_s: float) -> None:
    """Every query that can be restricted on ``variable`` (``trial_iri``: the web's trial page
    and ``ctkg query NAME --trial X``; ``publication_iri``), once per sampled resource; one
    JSON line per query."""
    from kg.queries import list_queries, restrict, run
    from kg.stores.embedded import open_oxigraph

    subjects = json.loads(sample.read_text(encoding="utf-8"))
    with open_oxigraph(store, read_only=True) as st:
        for query in (q for q in list_queries() if variable in q.restrict):
            params = QUERY_PARAMS.get(query.name, {})
            run(st, restrict(query, variable, subjects[:1]), params)  # warm-up, not counted
            times, rows = [], 0
            for subject in (s for _ in range(runs) for s in subjects):
                start = time.perf_counter()
                rows += len(run(st, restrict(query, variable, [subject]), params).rows)
                times.append(time.perf_counter() - start)
                if sum(times) > budget_s:
                    break
            print(json.dumps({query.name: _summary(times, rows=rows, subjects=len(subjects))}), flush=True)


def drug_worker(store: Path, sample: Path, budget_s: float) -> None:
    """trials-by-drug for each sampled drug name (the query restricted to one drug)."""
    from kg.queries import load_query, run
    from kg.stores.embedded import open_oxigraph

    drugs = json.loads(sample.read_text(encoding="utf-8"))
    query = load_query("trials-by-drug")
    times, rows = [], 0
    with open_oxigraph(store, read_only=True) as st:
        for drug in drugs:
            start = time.perf_counter()
            rows += len(run(st, query, {"drug": drug}).rows)
            times.append(time.perf_counter() - start)
            if sum(times) > budget_s:
                break
    print(json.dumps({"trials-by-drug": _summary(times, rows=rows, subjects=len(drugs))}))


def dispatch(argv: list[str]) -> bool:
    """Run the worker ``scale.py --worker KIND ARGS...`` names; False if argv names none."""
    if argv[:1] != ["--worker"]:
        return False
    kind, args = argv[1], argv[2:]
    if kind == "listing":
        listing_worker(
            Path(args[0]), args[1], int(args[2]), float(args[3]), Path(args[4]) if args[4:] else None
        )
    elif kind == "floor":
        floor_worker(Path(args[0]), int(args[1]))
    elif kind == "page":
        page_worker(Path(args[0]), args[1], int(args[2]), float(args[3]))
    elif kind == "restricted":
        restricted_worker(Path(args[0]), Path(args[1]), args[2], int(args[3]), float(args[4]))
    elif kind == "drug":
        drug_worker(Path(args[0]), Path(args[1]), float(args[2]))
    elif kind == "baseline":
        from scaling.baseline import baseline_worker

        baseline_worker(Path(args[0]), Path(args[1]))
    else:
        raise SystemExit(f"no worker {kind!r}")
    return True
