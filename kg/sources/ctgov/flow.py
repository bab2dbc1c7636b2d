"""Participant flow: every milestone of every period per group (STARTED, COMPLETED, NOT
COMPLETED, or one the record names), every reason for withdrawal per group, and the arms'
sizes (the STARTED milestone of the first period)."""

from __future__ import annotations

from kg.model import ParticipantCount, Trial
from kg.sources.ctgov.groups import GroupBook
from kg.sources.ctgov.measures import each, keep
from kg.sources.ctgov.values import Study, enum, integer, words

STAGES = {"STARTED": "started", "COMPLETED": "completed", "NOT_COMPLETED": "not completed"}


def read(trial: Trial, module: Study, book: GroupBook, warnings: list[str]) -> None:
    where = "resultsSection.participantFlowModule"
    labels = book.labels(module.get("groups") or [])
    arms = {a.label: a for a in trial.arms}
    for n, (period_path, period) in enumerate(each(module, "periods", where)):
        title = words(period.get("title"))
        for milestone_path, milestone in each(period, "milestones", period_path):
            name = words(milestone.get("type"))
            stage = STAGES.get(enum(name) or "", "milestone")
            for path, ach in each(milestone, "achievements", milestone_path):
                label = labels.get(str(ach.get("groupId")))
                count = integer(ach.get("numSubjects"))
                if label is None or count is None:
                    continue
                if n == 0 and stage == "started" and label in arms:
                    arms[label].n_randomized = count
                _count(
                    trial,
                    warnings,
                    path,
                    stage,
                    count,
                    label,
                    title,
                    name if stage == "milestone" else None,
                    None,
                    integer(ach.get("numUnits")),
                    words(ach.get("comment")),
                )
        for withdrawal_path, withdrawal in each(period, "dropWithdraws", period_path):
            reason = words(withdrawal.get("type"))
            for path, r in each(withdrawal, "reasons", withdrawal_path):
                label, count = labels.get(str(r.get("groupId"))), integer(r.get("numSubjects"))
                if label is not None and count is not None:
                    _count(
                        trial,
                        warnings,
                        path,
                        "withdrawn",
                        count,
                        label,
                        title,
                        None,
                        reason,
                        None,
                        words(r.get("comment")),
                    )


def _count(
    trial: Trial,
    warnings: list[str],
    path: str,
    stage: str,
    count: int,
    arm: str,
    period: str | None,
    milestone: str | None,
    reason: str | None,
    units: int | None,
    comment: str | None,
) -> None:
    figure = keep(
        ParticipantCount,
        warnings,
        path,
        stage=stage,
        count=count,
        arm=arm,
        period=period,
        milestone=milestone,
        reason=reason,
        units=units,
        comment=comment,
    )
    if figure is not None:
        trial.participant_flow.append(figure)
