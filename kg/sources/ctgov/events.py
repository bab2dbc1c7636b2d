"""Adverse events: each group's totals (serious, non-serious, deaths) and each event term
per group, with the participants affected, at risk, and the events counted."""

from __future__ import annotations

from kg.model import AdverseEventSummary, Trial
from kg.sources.ctgov.groups import GroupBook
from kg.sources.ctgov.measures import each, keep
from kg.sources.ctgov.values import Study, decimal, enum, integer, words

# the registry's kinds of event -> ctkg's category: its "other" events are the non-serious ones
KINDS = (
    ("serious", "seriousEvents", "serious"),
    ("other", "otherEvents", "non-serious"),
    ("deaths", None, "death"),
)


def read(trial: Trial, module: Study, book: GroupBook, warnings: list[str]) -> None:
    where = "resultsSection.adverseEventsModule"
    labels = book.labels(module.get("eventGroups") or [])
    trial.ae_frequency_threshold = decimal(module.get("frequencyThreshold"))[0]
    trial.ae_time_frame = words(module.get("timeFrame"))
    for path, group in each(module, "eventGroups", where):
        for kind, _, category in KINDS:
            count, at_risk = integer(group.get(f"{kind}NumAffected")), integer(group.get(f"{kind}NumAtRisk"))
            if count is None:
                continue
            figure = keep(
                AdverseEventSummary,
                warnings,
                group.get(f"{kind}Path") or f"{path}.{kind}NumAffected",
                arm=labels[str(group.get("id"))],
                category=category,
                treatment_related=False,
                count=count,
                n_analysed=at_risk,
                n_events=integer(group.get(f"{kind}NumEvents")),
            )
            if figure is not None:
                trial.adverse_events.append(figure)
    for _, key, category in KINDS[:2]:
        for event_path, event in each(module, key, where):
            for path, stat in each(event, "stats", event_path):
                _term(trial, event, stat, category, labels, path, warnings)


def _term(
    trial: Trial,
    event: Study,
    stat: Study,
    category: str,
    labels: dict[str, str],
    path: str,
    warnings: list[str],
) -> None:
    gid, count = str(stat.get("groupId")), integer(stat.get("numAffected"))
    if gid not in labels or count is None:
        if stat.get("numEvents") is not None or stat.get("numAffected") is not None:
            warnings.append(f"{path}: not kept: no participant count, or a group the module does not list")
        return
    figure = keep(
        AdverseEventSummary,
        warnings,
        path,
        arm=labels[gid],
        category=category,
        treatment_related=False,
        term=words(event.get("term")),
        count=count,
        n_analysed=integer(stat.get("numAtRisk")),
        n_events=integer(stat.get("numEvents")),
        organ_system=words(event.get("organSystem")),
        vocabulary=words(event.get("sourceVocabulary")),
        assessment=enum(event.get("assessmentType")),
    )
    if figure is not None:
        trial.adverse_events.append(figure)
