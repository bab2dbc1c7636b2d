"""Measurements as a registry lays them out, for outcome measures and baseline measures alike:
a measure (parameter type, dispersion, unit), its classes and categories, one value per
group, and the participants (or units) each group's value is out of.

``figures`` turns one measure into the fields every measurement record shares
(``ArmResult`` for an outcome, ``BaselineMeasurement`` for a baseline characteristic);
``keep`` builds a record from them and, should the model refuse a value, leaves that one
figure out with a warning naming its field path: a record is never lost for one value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kg.sources.ctgov.values import Study, decimal, enum, integer, words
from kg.sources.errors import first_error

# ClinicalTrials.gov measure parameter types (API v2 enumeration; legacy words read the same)
STATISTICS = {
    "MEAN": "mean",
    "MEDIAN": "median",
    "LEAST_SQUARES_MEAN": "least_squares_mean",
    "GEOMETRIC_MEAN": "geometric_mean",
    "GEOMETRIC_LEAST_SQUARES_MEAN": "geometric_least_squares_mean",
    "LOG_MEAN": "log_mean",
    "COUNT_OF_PARTICIPANTS": "count",
    "COUNT_OF_UNITS": "count_of_units",
    "NUMBER": "number",
}
# a unit that says the number is a proportion of participants (only then is it a 0-100 rate)
PROPORTION = re.compile(
    r"^(?:percent(?:age)?|%)\s+(?:of\s+)?(?:the\s+)?(?:participants?|patients?|subjects?|people|persons"
    r"|individuals|children|infants|women|men|adults)\b",
    re.I,
)
CI_WORDS = re.compile(r"^(\d+(?:\.\d+)?)\s*% Confidence Interval$", re.I)
CI_ENUM = re.compile(r"^CONFIDENCE_(\d+|OTHER)$")
RANGES = {"FULL_RANGE", "INTER_QUARTILE_RANGE"}

M = TypeVar("M", bound=BaseModel)


def each(parent: Study, key: str, where: str) -> Iterator[tuple[str, Study]]:
    """(field path, item) of the list ``parent[key]``: the item's own ``_path`` (an XPath, a
    classic-API path) when the layout was rewritten, else its place in the v2 record."""
    for n, item in enumerate(parent.get(key) or []):
        if isinstance(item, dict):
            yield item.get("_path") or f"{where}.{key}[{n}]", item


def keep(cls: type[M], warnings: list[str], path: str, **fields: Any) -> M | None:
    """``cls(**fields)``, or None with a warning naming ``path`` when the model refuses it."""
    try:
        return cls(source_path=path, **fields)
    except ValidationError as err:
        warnings.append(f"{path}: not kept: {first_error(err)}")
        return None


def statistic(param: Any, unit: str | None) -> tuple[str, bool]:
    """(statistic, is a 0-100 proportion of participants) for a measure's parameter type."""
    code = enum(param) or ""
    proportion = code == "NUMBER" and bool(unit and PROPORTION.match(unit))
    return ("rate" if proportion else STATISTICS.get(code, "other")), proportion


def _ci_level(dispersion: str | None) -> tuple[bool, Any]:
    """(is a confidence interval, its level): '95% Confidence Interval', CONFIDENCE_975."""
    if m := CI_WORDS.match(dispersion or ""):
        return True, m.group(1)
    if m := CI_ENUM.match(enum(dispersion) or ""):
        level = m.group(1)
        return True, None if level == "OTHER" else (f"{level[:2]}.{level[2:]}" if len(level) > 2 else level)
    return False, None


def _denominators(denoms: list[Study]) -> dict[str, dict[str, Any]]:
    """Group id -> participants and/or units analysed, from a 'denoms' list."""
    out: dict[str, dict[str, Any]] = {}
    for denom in denoms or []:
        units = words(denom.get("units"))
        for count in denom.get("counts") or []:
            slot = out.setdefault(str(count.get("groupId")), {})
            n = integer(count.get("value"))
            if (units or "").lower() == "participants":
                slot["n_analysed"] = n
            else:
                slot["n_units_analysed"], slot["units_analysed"] = n, units
    return out


def _overall(counts: dict[str, Any]) -> dict[str, Any]:
    """The measure's own denominator of a group, beside a class's (a time point's) own."""
    return {"n_analysed_overall": counts["n_analysed"]} if counts.get("n_analysed") is not None else {}


def _values(m: Study, ci: bool, level: Any, dispersion: str | None) -> dict[str, Any]:
    """One measurement's value, interval or spread, each as published."""
    value, not_reached = decimal(m.get("value"))
    out: dict[str, Any] = {"estimate": value, "estimate_not_reached": not_reached}
    lower, lower_nr = decimal(m.get("lowerLimit"))
    upper, upper_nr = decimal(m.get("upperLimit"))
    if ci:
        out |= {"ci_lower": lower, "ci_upper": upper, "ci_lower_not_reached": lower_nr}
        out |= {"ci_upper_not_reached": upper_nr}
        out["ci_level"] = decimal(level)[0] if lower is not None or upper is not None else None
    elif dispersion in RANGES or lower is not None or upper is not None:
        out |= {"spread_lower": lower, "spread_upper": upper}
    out["spread"] = decimal(m.get("spread"))[0]
    return out


def figures(
    measure: Study, where: str, labels: dict[str, str], outer: list[Study] | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """(field path, fields) of every measurement of ``measure`` whose group has a label.
    ``outer`` are the module's denominators, for a measure that states none of its own."""
    unit = words(measure.get("unitOfMeasure"))
    stat, proportion = statistic(measure.get("paramType"), unit)
    ci, level = _ci_level(measure.get("dispersionType"))
    dispersion = None if ci else enum(measure.get("dispersionType"))
    dispersion = None if dispersion == "NA" else dispersion
    measure_denoms = _denominators(measure.get("denoms") or outer or [])
    common = {
        "statistic": stat,
        "unit": "percent" if proportion else unit,
        "parameter_type": words(measure.get("paramType")),
        "dispersion": dispersion,
    }
    for class_path, cls in each(measure, "classes", where):
        own = _denominators(cls.get("denoms") or [])
        denoms = {gid: {**counts, **_overall(measure_denoms.get(gid, {}))} for gid, counts in own.items()}
        denoms = denoms or measure_denoms
        for cat_path, cat in each(cls, "categories", class_path):
            subgroup = " / ".join(t for t in (words(cls.get("title")), words(cat.get("title"))) if t) or None
            for path, m in each(cat, "measurements", cat_path):
                gid = str(m.get("groupId"))
                if gid not in labels:
                    continue
                values = _values(m, ci, level, dispersion)
                if values["estimate"] is None and not values["estimate_not_reached"]:
                    continue  # no value published for this group
                fields = {**common, **values, **denoms.get(gid, {})}
                fields |= {"arm": labels[gid], "subgroup": subgroup, "comment": words(m.get("comment"))}
                yield path, fields
