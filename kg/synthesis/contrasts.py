"""Contrasts: one row per trial x endpoint x pair of arms x source, ready for meta-analysis.

Read through two bundled queries (``contrasts``: the between-arm estimates with their
direction, provenance and evidence; ``contrast-arms``: each compared arm's own figures), then
put on the analysis scale with a standard error (``kg.synthesis.scale``).  Two sources of one
trial that print the same contrast differently are both kept and each flagged with the other's
source file: a meta-analysis must choose, ctkg never averages them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from kg.queries import load_query, run
from kg.synthesis.scale import measure, odds_ratio_from_counts, standard_error

if TYPE_CHECKING:
    from kg.stores.protocol import Store


@dataclass(frozen=True)
class ArmData:
    """What one arm printed on the endpoint besides the contrast, where it did."""

    events: int | None = None
    n: int | None = None
    median: Decimal | None = None
    mean: Decimal | None = None
    sd: Decimal | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Contrast:
    """One between-arm effect: printed figures, analysis scale, direction and provenance.

    ``y`` compares ``treatment`` with ``control`` (the reference arm): a log hazard ratio below
    zero favours the treatment when the endpoint is an event to avoid."""

    trial: str
    trial_iri: str
    endpoint: str
    endpoint_key: str
    statistic: str
    measure: str  # HR, OR, RR, ratio, MD or RD
    log_scale: bool
    arm: str
    comparator: str
    treatment: str  # the normalised regimen: the arm's drug set, else its label
    control: str
    estimate: Decimal | None
    ci_lower: Decimal | None
    ci_upper: Decimal | None
    ci_level: Decimal | None
    p_value: Decimal | None
    p_value_qualifier: str | None
    y: float | None
    se: float | None
    se_method: str | None
    note: str | None
    timepoint: str | None
    population: str | None
    time_frame: str | None
    arm_n: int | None
    comparator_n: int | None
    arm_data: ArmData
    comparator_data: ArmData
    resolution: Decimal | None
    source_graph: str
    source_file: str
    result_iri: str
    evidence: str | None
    evidence_sentence: str | None
    record_path: str | None
    conflicts: tuple[str, ...] = field(default=())  # source files printing it differently

    @property
    def usable(self) -> bool:
        """A figure a meta-analysis can take: an estimate on its scale with a standard error."""
        return self.y is not None and self.se is not None and self.se > 0

    def key(self) -> tuple:
        """What two sources must share to report the same contrast."""
        return (
            self.trial_iri,
            self.endpoint_key,
            self.measure,
            self.treatment,
            self.control,
            self.timepoint,
            self.population,
        )


def _text(value) -> str | None:
    return None if value is None else str(value)


def _regimen(drugs, label) -> str:
    return str(drugs) if drugs else str(label).strip().lower()


def arm_figures(rows: list[dict]) -> dict[tuple, ArmData]:
    """Each arm's figures keyed by (arm, endpoint, timepoint, population): events of N from a
    count printed with its denominator, the median, the mean with its standard deviation."""
    found: dict[tuple, dict] = defaultdict(dict)
    for r in rows:
        key = (str(r["arm_iri"]), str(r["endpoint_iri"]), _text(r["timepoint"]), _text(r["population"]))
        got = found[key]
        if r["count"] is not None and r["n_analysed"] is not None:
            got.setdefault("events", int(r["count"]))
            got.setdefault("n", int(r["n_analysed"]))
        elif r["n_analysed"] is not None:
            got.setdefault("n", int(r["n_analysed"]))
        if r["statistic"] == "median" and r["estimate"] is not None:
            got.setdefault("median", r["estimate"])
            got.setdefault("unit", _text(r["unit"]))
        if r["statistic"] in ("mean", "least_squares_mean") and r["estimate"] is not None:
            got.setdefault("mean", r["estimate"])
            got.setdefault("unit", _text(r["unit"]))
            if r["dispersion"] == "STANDARD_DEVIATION" and r["spread"] is not None:
                got.setdefault("sd", r["spread"])
    return {k: ArmData(**v) for k, v in found.items()}


def contrast_of(r: dict, arms: dict[tuple, ArmData]) -> Contrast | None:
    """A row of the contrasts query on its analysis scale; None for a statistic with no scale,
    and for a comparison printed by its p-value alone unless both arms print their events."""
    where = (str(r["endpoint_iri"]), _text(r["timepoint"]), _text(r["population"]))
    arm_data = arms.get((str(r["arm_iri"]), *where), ArmData())
    comparator_data = arms.get((str(r["comparator_iri"]), *where), ArmData())
    if r["statistic"] == "p_value":
        scaled = odds_ratio_from_counts(arm_data, comparator_data)
        if scaled is None:
            return None
        name, log, estimate = "OR", True, Decimal(math.exp(scaled.y)).quantize(Decimal("0.0001"))  # type: ignore[arg-type]
    else:
        kind = measure(str(r["statistic"]), _text(r["unit"]))
        if kind is None:
            return None
        (name, log), estimate = kind, r["estimate"]
        scaled = standard_error(
            None if r["estimate_not_reached"] else r["estimate"],
            None if r["ci_lower_not_reached"] else r["ci_lower"],
            None if r["ci_upper_not_reached"] else r["ci_upper"],
            r["ci_level"],
            _text(r["ci_sides"]),
            r["p_value"],
            _text(r["p_value_qualifier"]),
            log,
        )
    treatment = _regimen(r["arm_drugs"], r["arm_label"])
    control = _regimen(r["comparator_drugs"], r["comparator_label"])
    if treatment == control:  # two doses or schedules of one regimen: the arms' own labels tell them apart
        treatment, control = (f"{treatment} ({r['arm_label']})", f"{control} ({r['comparator_label']})")
    return Contrast(
        trial=str(r["trial"]),
        trial_iri=str(r["trial_iri"]),
        endpoint=str(r["endpoint"]),
        endpoint_key=str(r["endpoint_key"] or r["endpoint"]).lower(),
        statistic=str(r["statistic"]),
        measure=name,
        log_scale=log,
        arm=str(r["arm_label"]),
        comparator=str(r["comparator_label"]),
        treatment=treatment,
        control=control,
        estimate=estimate,
        ci_lower=r["ci_lower"],
        ci_upper=r["ci_upper"],
        ci_level=r["ci_level"],
        p_value=r["p_value"],
        p_value_qualifier=_text(r["p_value_qualifier"]),
        y=scaled.y,
        se=scaled.se,
        se_method=scaled.se_method,
        note=scaled.note,
        timepoint=_text(r["timepoint"]),
        population=_text(r["population"]),
        time_frame=_text(r["time_frame"]),
        arm_n=r["arm_n"],
        comparator_n=r["comparator_n"],
        arm_data=arm_data,
        comparator_data=comparator_data,
        resolution=r["resolution"],
        source_graph=str(r["source_graph"]),
        source_file=str(r["source_file"]),
        result_iri=str(r["result_iri"]),
        evidence=_text(r["evidence"]),
        evidence_sentence=_text(r["evidence_sentence"]),
        record_path=_text(r["record_path"]),
    )


def disagree(a: Contrast, b: Contrast) -> bool:
    """Printed figures that differ by more than half the coarser printed step (as the
    source-conflicts query compares them); bounds only at one level."""
    step = max(a.resolution or Decimal(0), b.resolution or Decimal(0))
    pairs = [(a.estimate, b.estimate)]
    if (a.ci_level or 95) == (b.ci_level or 95):
        pairs += [(a.ci_lower, b.ci_lower), (a.ci_upper, b.ci_upper)]
    return any(x is not None and y is not None and abs(x - y) > step / 2 for x, y in pairs)


def flag_conflicts(items: list[Contrast]) -> list[Contrast]:
    """Each contrast with the source files of the same trial that print it differently."""
    groups: dict[tuple, list[Contrast]] = defaultdict(list)
    for c in items:
        groups[c.key()].append(c)
    out = []
    for c in items:
        others = {
            o.source_file for o in groups[c.key()] if o.source_graph != c.source_graph and disagree(c, o)
        }
        out.append(replace(c, conflicts=tuple(sorted(others))) if others else c)
    return out


def contrasts(target: Store) -> list[Contrast]:
    """Every contrast in the store (embedded or remote, or a raw pyoxigraph store), in the
    query's order, conflicts flagged."""
    arms = arm_figures(run(target, load_query("contrast-arms")).rows)
    items = [contrast_of(r, arms) for r in run(target, load_query("contrasts")).rows]
    return flag_conflicts([c for c in items if c is not None])
