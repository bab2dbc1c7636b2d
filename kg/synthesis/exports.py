"""Contrasts as the CSV inputs of the R packages people run network meta-analyses with.

Each table has exactly the columns the package's documentation names, so that it reads with
``read.csv`` and goes straight in (README: "Evidence synthesis"):

- netmeta ``netmeta(TE, seTE, treat1, treat2, studlab)``: TE is treat1 minus treat2 on the
  analysis scale; a multi-arm study gives every pair of its arms, the pairs that do not involve
  its baseline derived from the two it printed (TE_BC = TE_BA - TE_CA, with the covariance the
  baseline arm's variance, or 0 when unknown) so that netmeta finds them consistent.
- gemtc ``mtc.network(data.re=)``: study, treatment, diff, std.err; the baseline row has diff NA
  and std.err NA, or for three or more arms the standard error of the baseline arm's mean.
- multinma ``set_agd_contrast(study=, trt=, y=, se=)``: likewise, columns study, trt, y, se.

R reads the literal NA as missing; numbers are written with 10 significant digits.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from itertools import combinations

from kg.synthesis.contrasts import Contrast
from kg.synthesis.network import Study

NA = "NA"
COLUMNS = {
    "netmeta": ["TE", "seTE", "treat1", "treat2", "studlab"],
    "gemtc": ["study", "treatment", "diff", "std.err"],
    "multinma": ["study", "trt", "y", "se"],
}
CONTRAST_COLUMNS = [
    "trial",
    "endpoint",
    "measure",
    "treatment",
    "control",
    "estimate",
    "ci_lower",
    "ci_upper",
    "ci_level",
    "p_value",
    "y",
    "se",
    "se_method",
    "note",
    "timepoint",
    "population",
    "arm",
    "comparator",
    "arm_events",
    "arm_n",
    "comparator_events",
    "comparator_n",
    "arm_median",
    "comparator_median",
    "conflicts",
    "source_file",
    "source_graph",
    "result_iri",
    "evidence",
    "record_path",
]


def number(x: float | None) -> str:
    return NA if x is None else format(x, ".10g")


def _csv(columns: list[str], rows: Iterable[list]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(columns)
    w.writerows(rows)
    return out.getvalue()


def netmeta_rows(study: Study) -> list[list]:
    """Every pair of the study's arms, first minus second."""
    rows = [[number(p.y), number(p.se), p.treatment, study.baseline, study.label] for p in study.pairs]
    cov = study.baseline_se**2 if study.baseline_se is not None else 0.0
    for a, b in combinations(study.pairs, 2):
        se = math.sqrt(a.se**2 + b.se**2 - 2 * cov)
        rows.append([number(b.y - a.y), number(se), b.treatment, a.treatment, study.label])
    return rows


def arm_rows(study: Study) -> list[list]:
    """gemtc / multinma: the baseline row first (NA difference), then one row per other arm."""
    base_se = study.baseline_se if study.multi_arm else None
    return [[study.label, study.baseline, NA, number(base_se)]] + [
        [study.label, p.treatment, number(p.y), number(p.se)] for p in study.pairs
    ]


def network_csv(fmt: str, network: list[Study]) -> str:
    """The network in one package's input format (netmeta, gemtc or multinma)."""
    if fmt not in COLUMNS:
        raise ValueError(f"unknown network format {fmt!r} (one of {', '.join(COLUMNS)})")
    make = netmeta_rows if fmt == "netmeta" else arm_rows
    return _csv(COLUMNS[fmt], (row for s in network for row in make(s)))


def _plain(value) -> str:
    return "" if value is None else str(value)


def contrasts_csv(items: list[Contrast]) -> str:
    """Every contrast with its analysis scale, SE, arm-level figures and provenance."""
    rows = (
        [
            c.trial,
            c.endpoint,
            c.measure,
            c.treatment,
            c.control,
            _plain(c.estimate),
            _plain(c.ci_lower),
            _plain(c.ci_upper),
            _plain(c.ci_level),
            _plain(c.p_value_qualifier or "") + _plain(c.p_value) if c.p_value is not None else "",
            "" if c.y is None else number(c.y),
            "" if c.se is None else number(c.se),
            _plain(c.se_method),
            _plain(c.note),
            _plain(c.timepoint),
            _plain(c.population),
            c.arm,
            c.comparator,
            _plain(c.arm_data.events),
            _plain(c.arm_data.n or c.arm_n),
            _plain(c.comparator_data.events),
            _plain(c.comparator_data.n or c.comparator_n),
            _plain(c.arm_data.median),
            _plain(c.comparator_data.median),
            " ".join(c.conflicts),
            c.source_file,
            c.source_graph,
            c.result_iri,
            _plain(c.evidence),
            _plain(c.record_path),
        ]
        for c in items
    )
    return _csv(CONTRAST_COLUMNS, rows)
