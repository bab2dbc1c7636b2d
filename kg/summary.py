"""A readable summary of the trials in a store, made from the bundled queries only: on any store
(kg.stores), embedded or remote, since the queries give the same rows on both."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.figures import UNIT_NAMES, text, with_unit
from kg.queries import Table, Value, load_query, run

if TYPE_CHECKING:
    import pyoxigraph

    from kg.stores.protocol import Store


def _q(store, name: str) -> Table:
    return run(store, load_query(name))


def _fmt(v: Value) -> str:
    return text(v, missing="?")


def _interval(r: dict) -> str:
    if r["estimate"] is None and not r["estimate_not_reached"]:
        return ""
    est = "not reached" if r["estimate_not_reached"] else _fmt(r["estimate"])
    lo = "NR" if r["ci_lower_not_reached"] else r["ci_lower"]
    hi = "NR" if r["ci_upper_not_reached"] else r["ci_upper"]
    ci = f" ({_fmt(r['ci_level'])}% CI {_fmt(lo)}-{_fmt(hi)})" if lo is not None or hi is not None else ""
    return f"{with_unit(est, r['unit'] if r['unit'] in UNIT_NAMES else None)}{ci}"


def summary(store: Store | pyoxigraph.Store) -> str:
    trials = _q(store, "trial-summary").rows
    arms = _group(_q(store, "arms").rows)
    efficacy = _group(_q(store, "efficacy-results").rows)
    safety = _group(_q(store, "adverse-events").rows)
    citations = _q(store, "citations").rows
    out: list[str] = []
    for t in trials:
        out.append(
            f"Trial {t['trial']} ({t['nct_id'] or 'no NCT id'}), PMID {_fmt(t['pmid'])}, DOI {_fmt(t['doi'])}"
        )
        out.append(f"  {t['title']}")
        out.append(
            f"  phase {_fmt(t['phase'])}, randomized {_fmt(t['randomized'])} {t['allocation_ratio'] or ''},"
            f" {t['blinding'] or 'blinding not stated'}, multicenter {_fmt(t['multicenter'])}; {_fmt(t['condition'])};"
            f" {_fmt(t['n_randomized'])} randomized"
        )
        met = {True: "met", False: "not met", None: "not stated"}[t["primary_endpoint_met"]]
        out.append(
            f"  primary endpoint: {_fmt(t['primary_endpoint'])} ({met}); minimum follow-up {_fmt(t['min_follow_up'])} months"
        )
        out.append("  Arms:")
        by_arm: dict[str, list[dict]] = defaultdict(list)
        for a in arms.get(t["trial"], []):
            by_arm[a["arm_label"]].append(a)
        for label, rows in by_arm.items():
            first = rows[0]
            regimen = "; ".join(
                " ".join(
                    x
                    for x in (
                        r["drug"],
                        _fmt(r["dose"]) if r["dose"] is not None else "",
                        r["dose_unit"] or "",
                        r["route"] or "",
                        r["frequency"] or "",
                    )
                    if x
                )
                for r in rows
            )
            out.append(
                f"    {label}: n={_fmt(first['n_randomized'])} (safety {_fmt(first['n_safety'])}) - {regimen}"
            )
        out.append("  Efficacy:")
        for r in efficacy.get(t["trial"], []):
            who = f"{r['arm_label']} vs {r['comparator_label']}" if r["comparator_label"] else r["arm_label"]
            extra = f", p{r['p_value_qualifier'] or '='}{r['p_value']}" if r["p_value"] is not None else ""
            strat = {True: " stratified", False: " unstratified", None: ""}[r["stratified"]]
            out.append(f"    {r['endpoint']} {r['statistic']}{strat}, {who}: {_interval(r)}{extra}")
        out.append("  Safety:")
        for r in safety.get(t["trial"], []):
            related = "treatment-related " if r["treatment_related"] else ""
            n = f"/{r['n_analysed']}" if r["n_analysed"] is not None else ""
            out.append(
                f"    {related}{r['term'] or 'AEs'} {r['category']}, {r['arm_label']}: {_fmt(r['count'])}{n} ({_fmt(r['percent'])}%)"
            )
    counts: dict[str, int] = defaultdict(int)
    for c in citations:
        counts[c["relation"]] += 1
    out.append("Citations: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    return "\n".join(out)


def explain(store: Store | pyoxigraph.Store, trial: str | None = None) -> str:
    """Every fact with its words marked in its sentence (»«), then the extraction report."""
    out: list[str] = []
    for r in _q(store, "evidence").rows:
        if trial and r["trial"] != trial:
            continue
        s, a, b = r["sentence"], r["span_start"], r["span_end"]
        out.append(f"{r['trial']} | {r['kind']} | {r['fact']}")
        out.append(f"    [{r['section'] or '?'}] {s[:a]}»{s[a:b]}«{s[b:]}")
    unread = _q(store, "extraction-report").rows
    out.append(f"Sentences with numbers that gave no fact: {len(unread)}")
    out += [f"    {r['source_file']}: {r['unread_sentence']}" for r in unread]
    return "\n".join(out)


def _group(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        grouped[r["trial"]].append(r)
    return grouped
