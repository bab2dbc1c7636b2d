"""The query step of the scale benchmark and the issue's targets for it, printed beside the
figures: every listing streamed whole (rows/s against the row-delivery floor, peak memory),
its first pages (``--limit 100 --offset 0`` and ``1000``: <= 100 ms), every query restricted
to one trial and to one publication and trials-by-drug for one drug (median <= 10 ms), and the
two queries that compare every result (source-conflicts, non-significant-primary: <= 1 s)."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from scaling.process import measure
from scaling.workers import ENTRY, FLOOR_QUERY, PAGE, PAGE_OFFSETS, subjects_sample

SAMPLE = 20  # trials, publications, drugs each restricted query is timed on
CHECKED = 200  # generated abstracts whose hazard ratios are looked up in efficacy-results
FINDINGS = ("source-conflicts", "non-significant-primary")
CTKG = "https://w3id.org/ctkg/ontology#"
PATTERNS = {
    "trial_iri": f"?s a <{CTKG}Trial>",
    "publication_iri": "?s <http://purl.org/spar/cito/cites> ?cited",
}


def _worker(kind: str, *args: Any, timeout: float) -> tuple[list[dict], str | None]:
    """The JSON lines a worker printed, and why it stopped early (None if it finished)."""
    m = measure([sys.executable, str(ENTRY), "--worker", kind, *map(str, args)], timeout=timeout)
    lines = [json.loads(line) for line in m.stdout.splitlines() if line.startswith("{")]
    if m.returncode == 0:
        return lines, None
    return lines, "timed out" if m.returncode is None else " ".join(m.stderr.splitlines()[-1:])


def query_step(res: dict[str, Any], store: Path, work: Path, args: argparse.Namespace) -> list[dict]:
    """Every figure of the query step into ``res``; returns efficacy-results's hazard ratios."""
    from kg.queries import list_queries

    names = [q.name for q in list_queries()]
    floor, why = _worker("floor", store, args.query_runs, timeout=600)
    res["query_floor"] = floor[0] if floor else {"error": why}
    ratios = work / "efficacy-hazard-ratios.json"
    ratios.unlink(missing_ok=True)
    res["queries"] = {name: _listing(store, name, args, ratios) for name in names}
    res["query_pages"] = {name: _pages(store, name, args) for name in names}
    for variable in PATTERNS:
        sample = work / f"sample-{variable}.json"
        res[f"sample_{variable}"] = subjects_sample(store, PATTERNS[variable], SAMPLE)
        sample.write_text(json.dumps(res[f"sample_{variable}"]), encoding="utf-8")
        lines, why = _worker("restricted", store, sample, variable, 1, args.query_timeout / 2,
                             timeout=args.query_timeout * 4)  # fmt: skip
        res[f"queries_per_{variable.removesuffix('_iri')}"] = {
            k: v for line in lines for k, v in line.items()
        }
    drugs = work / "sample-drugs.json"
    res["sample_drugs"] = _drug_sample(store)
    drugs.write_text(json.dumps(res["sample_drugs"]), encoding="utf-8")
    lines, _why = _worker("drug", store, drugs, args.query_timeout / 2, timeout=args.query_timeout * 2)
    res["queries_per_drug"] = lines[0] if lines else {}
    report(res, args)
    return json.loads(ratios.read_text()) if ratios.exists() else []


def _listing(store: Path, name: str, args: argparse.Namespace, ratios: Path) -> dict[str, Any]:
    extra = [ratios] if name == "efficacy-results" else []
    lines, why = _worker("listing", store, name, args.query_runs, args.query_timeout / 2, *extra,
                         timeout=args.query_timeout)  # fmt: skip
    if not lines:
        return {"median_s": None, "p95_s": None, "timed_out": why == "timed out", "error": why}
    return lines[0]


def _pages(store: Path, name: str, args: argparse.Namespace) -> dict[str, Any]:
    lines, why = _worker("page", store, name, 3, args.query_timeout / 4, timeout=args.query_timeout / 2)
    pages = {k: v for line in lines for k, v in line.items()}
    if why:
        pages["stopped"] = why
    return pages


def _drug_sample(store: Path) -> list[str]:
    """Drug names, evenly spaced in the order of their IRIs."""
    from kg.stores.embedded import open_oxigraph

    pattern = f"?s a <{CTKG}Drug> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name"
    with open_oxigraph(store, read_only=True) as st:
        found = [(s["s"].value, s["name"].value) for s in st.query(f"SELECT ?s ?name WHERE {{ {pattern} }}")]
    found.sort()
    return [name for _iri, name in found[:: max(1, len(found) // SAMPLE)][:SAMPLE]]


def _ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:,.1f} ms"


def report(res: dict[str, Any], args: argparse.Namespace) -> None:
    """The query figures, each beside the issue's target."""
    floor = res["query_floor"]
    per_row = floor.get("us_per_row")
    if per_row:
        print(
            f"  floor: {FLOOR_QUERY!r}: {floor['rows']:,} rows in {_ms(floor['median_s'])} = {per_row:.1f} us/row"
        )
    print("  listings, streamed whole (target: >= 50% of the floor's rows/s; peak RSS of the worker):")
    for name, q in res["queries"].items():
        if q["median_s"] is None:
            print(
                f"    {name:28} {'TIMED OUT after ' + str(args.query_timeout) + ' s' if q['timed_out'] else q['error']}"
            )
            continue
        share = ""
        if per_row and q["rows"]:
            q["floor_s"] = per_row * q["rows"] / 1e6
            q["floor_share"] = q["floor_s"] / q["median_s"]
            share = f"  {q['floor_share']:6.0%} of floor speed"
        print(f"    {name:28} median {_ms(q['median_s']):>12}  ({q['rows']:,} rows){share}  "
              f"peak RSS {q['peak_rss_mb']:,.0f} MB")  # fmt: skip
    print(f"  first pages, --limit {PAGE} --offset {'/'.join(map(str, PAGE_OFFSETS))} (target: <= 100 ms):")
    for name, pages in res["query_pages"].items():
        cells = [f"{_ms(pages[str(o)]['median_s']):>12} ({pages[str(o)]['rows']} rows)" if str(o) in pages else
                 f"{'stopped':>12}" for o in PAGE_OFFSETS]  # fmt: skip
        print(f"    {name:28} " + "  ".join(cells))
    for variable in ("trial", "publication"):
        print(
            f"  restricted to one {variable} ({len(res['sample_' + variable + '_iri'])} sampled; target: median <= 10 ms):"
        )
        for name, q in res[f"queries_per_{variable}"].items():
            print(
                f"    {name:28} median {_ms(q['median_s']):>12}  p95 {_ms(q['p95_s']):>12}  ({q['rows']:,} rows in all)"
            )
    drug = res["queries_per_drug"].get("trials-by-drug")
    if drug:
        print(f"  trials-by-drug for one drug ({len(res['sample_drugs'])} sampled; target: median <= 10 ms): "
              f"median {_ms(drug['median_s'])}, p95 {_ms(drug['p95_s'])} ({drug['rows']:,} rows in all)")  # fmt: skip
    for name in FINDINGS:
        q = res["queries"][name]
        print(f"  {name} (target: <= 1 s): {_ms(q['median_s'])} ({q.get('rows', 0):,} rows)")


def extraction_check(manifest: Path, ratios: list[dict], sample: int = CHECKED) -> dict[str, Any]:
    """Each sampled generated hazard ratio must come back as an efficacy-results row."""
    rows: dict[tuple, list[dict]] = {}
    for r in ratios:
        rows.setdefault((r["endpoint"], r["arm_label"], r["comparator_label"]), []).append(r)
    lines = manifest.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // sample)
    checked, missing = 0, []
    for line in lines[::step][:sample]:
        page = json.loads(line)
        for hr in page["hazard_ratios"]:
            checked += 1
            key = (hr["endpoint"], hr["arm"], hr["comparator"])
            want = tuple(Decimal(hr[k]) for k in ("estimate", "ci_lower", "ci_upper", "p_value"))
            names = {page["trial"], page["title"]}  # a trial is labelled by acronym, or title without one
            got = [
                tuple(
                    Decimal(r[k]) if r[k] not in ("", "None") else None
                    for k in ("estimate", "ci_lower", "ci_upper", "p_value")
                )
                for r in rows.get(key, [])
                if r["trial"] in names
            ]
            if want not in got:
                missing.append({"pmid": page["pmid"], **hr})
    return {"checked": checked, "found": checked - len(missing), "missing_sample": missing[:5]}
