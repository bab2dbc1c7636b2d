"""RDF mapping of what a trial reports: per-arm results and comparisons, adverse-event
summaries, the counts of its participant flow and its baseline characteristics.  Each is a
node of one source's own, under ``<trial>/<source>/`` (``scope``), pointing to that source's
arm (or pooled or results group) and endpoint nodes.  A figure a registry published carries
its field path in the record (ctkg:recordPath)."""

from __future__ import annotations

from decimal import Decimal

from rdflib import URIRef

from kg.mapping_writer import Writer, unique
from kg.model import AdverseEventSummary, ArmResult, BaselineMeasurement, Comparison, ParticipantCount
from kg.namespaces import CTKG


def result(
    w: Writer,
    scope: URIRef,
    r: ArmResult | Comparison,
    arms: dict[str, URIRef],
    endpoints: dict[tuple[str, str | None], URIRef],
    used: set[URIRef],
) -> URIRef:
    parts = [r.endpoint, r.statistic, r.arm or "all"]
    if isinstance(r, Comparison):
        parts += ["vs", r.comparator or "all"]
    if r.endpoint_time_frame:  # a registry's outcomes of one title, told apart by their time frames
        parts += ["over", r.endpoint_time_frame]
    if r.timepoint:
        parts += ["at", r.timepoint]
    if r.subgroup:
        parts += ["in", r.subgroup]
    cls = CTKG.Comparison if isinstance(r, Comparison) else CTKG.ArmResult
    label = f"{r.statistic.replace('_', ' ')} of {r.endpoint}" + (f", {r.arm}" if r.arm else "")
    if isinstance(r, Comparison) and r.comparator:
        label += f" vs {r.comparator}"
    iri = w.node(unique(w.m.under(scope, "result", *parts), used), cls, label)
    # the endpoint of that title and time frame (a registry's), else of that title
    w.add(
        iri,
        CTKG.endpoint,
        endpoints.get((r.endpoint, r.endpoint_time_frame)) or endpoints[(r.endpoint, None)],
    )
    w.add(iri, CTKG.statistic, r.statistic)
    w.add(iri, CTKG.arm, arms.get(r.arm))
    if isinstance(r, ArmResult):
        w.add_all(
            iri,
            (
                (CTKG["count"], r.count),
                (CTKG.nAnalysed, r.n_analysed),
                (CTKG.nAnalysedOverall, r.n_analysed_overall),
                (CTKG.nUnitsAnalysed, r.n_units_analysed),
                (CTKG.unitsAnalysed, r.units_analysed),
            ),
        )
    if isinstance(r, Comparison):
        w.add(iri, CTKG.comparatorArm, arms.get(r.comparator))
        w.add(iri, CTKG.stratified, r.stratified)
        w.add(iri, CTKG.statisticalMethod, r.method)
        w.add(iri, CTKG.nonInferiorityType, r.non_inferiority)
        w.add(iri, CTKG.nonInferiorityComment, r.non_inferiority_comment)
        w.add(iri, CTKG.ciSides, r.ci_sides)
        for group in r.groups:
            w.add(iri, CTKG.comparedGroup, arms[group])
    w.add(iri, CTKG.timepoint, r.timepoint)
    _values(w, iri, r)
    return iri


def _values(w: Writer, iri: URIRef, r: ArmResult | Comparison | BaselineMeasurement) -> None:
    """A value as reported: estimate, interval, p-value, spread, unit, subgroup, flags."""
    w.add_all(
        iri,
        (
            (CTKG.estimate, r.estimate),
            (CTKG.ciLower, r.ci_lower),
            (CTKG.ciUpper, r.ci_upper),
            (CTKG.ciLevel, r.ci_level),
            (CTKG.pValue, r.p_value),
            (CTKG.pValueQualifier, r.p_value_qualifier),
            (CTKG.unit, r.unit),
            (CTKG.subgroup, r.subgroup),
            (CTKG.dispersion, r.dispersion),
            (CTKG.spread, r.spread),
            (CTKG.spreadLower, r.spread_lower),
            (CTKG.spreadUpper, r.spread_upper),
            (CTKG.parameterType, r.parameter_type),
            (CTKG.comment, r.comment),
            (CTKG.recordPath, r.source_path),
        ),
    )
    for prop, flag in (
        (CTKG.estimateNotReached, r.estimate_not_reached),
        (CTKG.ciLowerNotReached, r.ci_lower_not_reached),
        (CTKG.ciUpperNotReached, r.ci_upper_not_reached),
    ):
        if flag:
            w.add(iri, prop, True)
    if r.estimate is not None:  # the step the source printed at: 0.01 for '0.88'
        w.add(iri, CTKG.resolution, Decimal(1).scaleb(r.estimate.as_tuple().exponent))
    w.evidence(iri, r.evidence)


def baseline_measurement(
    w: Writer, scope: URIRef, b: BaselineMeasurement, arms: dict[str, URIRef], used: set[URIRef]
) -> URIRef:
    """One baseline characteristic of one arm or group: ``<scope>/baseline/<characteristic>
    /<arm's own path>[/in/<subgroup>]``."""
    arm = arms[b.arm]
    iri = URIRef(f"{w.m.under(scope, 'baseline', b.characteristic)}/{str(arm)[len(str(scope)) + 1 :]}")
    if b.subgroup:
        iri = w.m.under(iri, "in", b.subgroup)
    label = f"{b.characteristic}" + (f" ({b.subgroup})" if b.subgroup else "") + f", {b.arm}"
    iri = w.node(unique(iri, used), CTKG.BaselineMeasurement, label)
    w.add(iri, CTKG.characteristic, b.characteristic)
    w.add(iri, CTKG.statistic, b.statistic)
    w.add(iri, CTKG.arm, arm)
    w.add(iri, CTKG.nAnalysed, b.n_analysed)
    w.add(iri, CTKG.nAnalysedOverall, b.n_analysed_overall)
    w.add(iri, CTKG.nUnitsAnalysed, b.n_units_analysed)
    w.add(iri, CTKG.unitsAnalysed, b.units_analysed)
    _values(w, iri, b)
    return iri


def adverse_event(
    w: Writer, scope: URIRef, e: AdverseEventSummary, arms: dict[str, URIRef], used: set[URIRef]
) -> URIRef:
    parts = [e.arm, e.category, "related" if e.treatment_related else "any-cause"]
    if e.term:
        parts.append(e.term)
    label = f"{'treatment-related ' if e.treatment_related else ''}{e.term or 'adverse events'}, {e.category}, {e.arm}"
    iri = w.node(unique(w.m.under(scope, "ae", *parts), used), CTKG.AdverseEventSummary, label)
    w.add(iri, CTKG.arm, arms[e.arm])
    w.add(iri, CTKG.aeCategory, e.category)
    w.add(iri, CTKG.aeTerm, e.term)
    w.add(iri, CTKG.treatmentRelated, e.treatment_related)
    w.add(iri, CTKG["count"], e.count)
    w.add(iri, CTKG.percent, e.percent)
    w.add(iri, CTKG.nAnalysed, e.n_analysed)
    w.add(iri, CTKG.organSystem, e.organ_system)
    w.add(iri, CTKG.nEvents, e.n_events)
    w.add(iri, CTKG.sourceVocabulary, e.vocabulary)
    w.add(iri, CTKG.assessmentType, e.assessment)
    w.add(iri, CTKG.recordPath, e.source_path)
    w.evidence(iri, e.evidence)
    return iri


def participant_count(
    w: Writer, scope: URIRef, c: ParticipantCount, arms: dict[str, URIRef], used: set[URIRef]
) -> URIRef:
    """One count of the trial's flow: ``<scope>/flow/<stage>/<arm>``, where <arm> is the arm's
    (or pooled group's) own path under the scope ('arm/afatinib', 'pooled/cetuximab'), never
    its label again: arm IRIs are already unique ('S+ group', 'S- group'), so these are too;
    a count of the whole trial ends in 'all'; a registry's count then names its period and
    milestone or withdrawal reason ('.../in/overall-study/adverse-event').  A second count of
    one stage and arm (two sentences giving it) gets -2."""
    arm = arms[c.arm] if c.arm else None
    where = str(arm)[len(str(scope)) + 1 :] if arm else "all"
    iri = URIRef(f"{w.m.under(scope, 'flow', c.stage)}/{where}")
    named = [x for x in (c.period, c.milestone, c.reason) if x]
    if named:
        iri = w.m.under(iri, "in", *named)
    what = c.milestone or c.reason
    label = f"participants {c.stage}" + (f" ({what})" if what else "") + (f", {c.arm}" if c.arm else "")
    iri = w.node(unique(iri, used), CTKG.ParticipantCount, label)
    w.add(iri, CTKG.flowStage, c.stage)
    w.add(iri, CTKG["count"], c.count)
    w.add(iri, CTKG.arm, arm)
    w.add(iri, CTKG.percent, c.percent)
    w.add(iri, CTKG.period, c.period)
    w.add(iri, CTKG.milestone, c.milestone)
    w.add(iri, CTKG.withdrawalReason, c.reason)
    w.add(iri, CTKG.nUnits, c.units)
    w.add(iri, CTKG.comment, c.comment)
    w.add(iri, CTKG.recordPath, c.source_path)
    w.evidence(iri, c.evidence)
    return iri
