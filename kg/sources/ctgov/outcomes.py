"""Outcome measures: registered outcomes as endpoints (title and time frame), each group's
measurements as per-arm results, and each statistical analysis as a comparison of the
groups it names.

An analysis names its groups and its parameter ("Hazard Ratio (HR)", "LS Mean Difference",
"Risk Difference (RD)", or only a p-value); which group is the experimental one is read from
the arms' roles or from the estimate's description ("HR = Nivolumab over Docetaxel"), else
left open: the comparison then lists its groups without a direction.
"""

from __future__ import annotations

import re

from kg.model import Arm, ArmResult, Comparison, Endpoint, Trial
from kg.sources.ctgov.groups import GroupBook, norm
from kg.sources.ctgov.measures import each, figures, keep
from kg.sources.ctgov.values import Study, decimal, enum, get, p_value, words

ROLES = {"PRIMARY": "primary", "SECONDARY": "secondary"}
REGISTERED = (("primaryOutcomes", "PRIMARY"), ("secondaryOutcomes", "SECONDARY"), ("otherOutcomes", "OTHER"))
# analysis parameter words -> statistic, most specific first
PARAMETERS = (
    ("hazard ratio", "hazard_ratio"),
    ("odds ratio", "odds_ratio"),
    ("risk ratio", "risk_ratio"),
    ("relative risk", "risk_ratio"),
    ("least squares mean difference", "least_squares_mean_difference"),
    ("ls mean difference", "least_squares_mean_difference"),
    ("median difference", "median_difference"),
    ("mean difference", "mean_difference"),
    ("risk difference", "risk_difference"),
    ("difference", "difference"),
    ("ratio", "ratio"),
)
RATIOS = {"hazard_ratio", "odds_ratio", "risk_ratio"}
DIRECTION = re.compile(r"(.+?)\s+(?:over|vs\.?|versus|relative to|compared (?:to|with))\s+(.+)", re.I)
SIDES = {"1_SIDED": "ONE_SIDED", "2_SIDED": "TWO_SIDED"}


def endpoints(protocol: Study, results: Study) -> list[Endpoint]:
    """Registered outcomes (primary, secondary, other), then any further measures the
    results report; one endpoint per title and time frame."""
    out: dict[tuple[str, str | None], Endpoint] = {}
    registered = [(o, kind) for key, kind in REGISTERED for o in get(protocol, "outcomesModule", key) or []]
    reported = [
        (m, enum(m.get("type"))) for m in get(results, "outcomeMeasuresModule", "outcomeMeasures") or []
    ]
    for outcome, kind in registered + reported:
        name = words(outcome.get("measure") or outcome.get("title"))
        if not name:
            continue
        frame = words(outcome.get("timeFrame"))
        out.setdefault(
            (name, frame),
            Endpoint(
                name=name,
                role=ROLES.get(kind or ""),
                registry_role=None if kind in ROLES or not kind else kind,
                time_frame=frame,
                description=words(outcome.get("description")),
            ),
        )
    return list(out.values())


def read(trial: Trial, module: Study, book: GroupBook, warnings: list[str]) -> None:
    """Every measurement and analysis of the outcome measures module."""
    where = "resultsSection.outcomeMeasuresModule"
    for path, measure in each(module, "outcomeMeasures", where):
        title = words(measure.get("title"))
        if not title:
            continue
        labels = book.labels(measure.get("groups") or [])
        frame = words(measure.get("timeFrame"))
        for figure_path, fields in figures(measure, path, labels):
            result = keep(
                ArmResult, warnings, figure_path, endpoint=title, endpoint_time_frame=frame, **fields
            )
            if result is not None:
                trial.arm_results.append(result)
        titles = {str(g.get("id")): words(g.get("title")) or "" for g in measure.get("groups") or []}
        analyses = list(each(measure, "analyses", path))
        repeated = _repeated([a for _, a in analyses])
        for analysis_path, analysis in analyses:
            fields = _analysis(analysis, labels, titles, trial.arms)
            if fields is None:
                continue
            if repeated:
                fields["subgroup"] = words(analysis.get("groupDescription"))
            comparison = keep(
                Comparison, warnings, analysis_path, endpoint=title, endpoint_time_frame=frame, **fields
            )
            if comparison is not None:
                trial.comparisons.append(comparison)


def parameter(param: str | None, has_value: bool) -> str:
    """The statistic an analysis reports: by its parameter's words; 'p_value' for an analysis
    that gives a p-value only; 'other' for a parameter named otherwise ('Slope')."""
    if not has_value:
        return "p_value"
    low = (param or "").lower()
    return next((stat for phrase, stat in PARAMETERS if phrase in low), "other")


def _repeated(analyses: list[Study]) -> bool:
    """Whether several analyses of one measure compare the same groups by the same
    parameter: then each is of a subgroup its group description names."""
    seen = [
        (parameter(a.get("paramType"), a.get("paramValue") is not None), tuple(a.get("groupIds") or []))
        for a in analyses
    ]
    return len(set(seen)) < len(seen)


def _analysis(a: Study, labels: dict[str, str], titles: dict[str, str], arms: list[Arm]) -> dict | None:
    """The fields of one analysis's comparison; None when it states no number at all or
    names a group the measure does not list."""
    ids = [str(i) for i in a.get("groupIds") or []]
    estimate, not_reached = decimal(a.get("paramValue"))
    p, qualifier = p_value(a.get("pValue"))
    if not ids or not all(i in labels for i in ids) or (estimate is None and not not_reached and p is None):
        return None
    pair = _direction(ids, labels, titles, arms, words(a.get("estimateComment")) or "")
    lower, lower_nr = decimal(a.get("ciLowerLimit"))
    upper, upper_nr = decimal(a.get("ciUpperLimit"))
    dispersion = enum(a.get("dispersionType"))
    return {
        "statistic": parameter(a.get("paramType"), estimate is not None or not_reached),
        "parameter_type": words(a.get("paramType")),
        "arm": pair[0] if pair else None,
        "comparator": pair[1] if pair else None,
        "groups": list(dict.fromkeys(labels[i] for i in ids)),
        "estimate": estimate,
        "estimate_not_reached": not_reached,
        "ci_lower": lower,
        "ci_upper": upper,
        "ci_lower_not_reached": lower_nr,
        "ci_upper_not_reached": upper_nr,
        "ci_level": decimal(a.get("ciPctValue"))[0] if lower is not None or upper is not None else None,
        "ci_sides": SIDES.get(enum(a.get("ciNumSides")) or "", enum(a.get("ciNumSides"))),
        "p_value": p,
        "p_value_qualifier": qualifier,
        "method": words(a.get("statisticalMethod")),
        "dispersion": None if dispersion == "NA" else dispersion,
        "spread": decimal(a.get("dispersionValue"))[0],
        "non_inferiority": enum(a.get("nonInferiorityType")),
        "non_inferiority_comment": words(a.get("nonInferiorityComment")),
        "comment": words(a.get("estimateComment")),
    }


def _direction(
    ids: list[str], labels: dict[str, str], titles: dict[str, str], arms: list[Arm], comment: str
) -> tuple[str, str] | None:
    """(experimental, reference): from the arm roles when exactly one of two arms is
    experimental, else from an estimate comment such as "HR = Nivolumab over Docetaxel"."""
    if len(ids) != 2 or labels[ids[0]] == labels[ids[1]]:
        return None
    roles = {arm.label: arm.role for arm in arms}
    a, b = labels[ids[0]], labels[ids[1]]
    if a in roles and b in roles and (roles[a] == "experimental") != (roles[b] == "experimental"):
        return (a, b) if roles[a] == "experimental" else (b, a)
    m = DIRECTION.search(comment)
    if m:
        left, right = norm(m.group(1)), norm(m.group(2))
        ta, tb = norm(titles.get(ids[0])), norm(titles.get(ids[1]))
        if ta and tb and ta in left and tb in right and tb not in left:
            return a, b
        if ta and tb and tb in left and ta in right and ta not in left:
            return b, a
    return None
