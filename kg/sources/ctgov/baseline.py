"""Baseline characteristics: every measurement of every baseline measure per group, and the
arms' baseline sizes (the participants each group analyses at baseline)."""

from __future__ import annotations

from kg.model import BaselineMeasurement, Trial
from kg.sources.ctgov.groups import GroupBook
from kg.sources.ctgov.measures import each, figures, keep
from kg.sources.ctgov.values import Study, integer, words


def read(trial: Trial, module: Study, book: GroupBook, warnings: list[str]) -> None:
    where = "resultsSection.baselineCharacteristicsModule"
    labels = book.labels(module.get("groups") or [])
    arms = {a.label: a for a in trial.arms}
    for denom in module.get("denoms") or []:
        if (words(denom.get("units")) or "").lower() != "participants":
            continue
        for count in denom.get("counts") or []:
            label = labels.get(str(count.get("groupId")))
            if label in arms and (n := integer(count.get("value"))) is not None:
                arms[label].n_baseline = n
    for path, measure in each(module, "measures", where):
        title = words(measure.get("title"))
        for figure_path, fields in figures(measure, path, labels, module.get("denoms")) if title else ():
            figure = keep(BaselineMeasurement, warnings, figure_path, characteristic=title, **fields)
            if figure is not None:
                trial.baseline.append(figure)
