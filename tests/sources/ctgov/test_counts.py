"""Every figure a registry record reports, counted straight from the raw file (ElementTree for
the legacy XML, plain dicts for the API v2 and classic-API JSON) and compared with what the
importer (kg/sources/ctgov/) reads and what the mapping writes, record by record.

The counting here shares no code with the importer: it walks each format by its own names.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from rdflib import RDF

from kg.mapping import document_graph
from kg.namespaces import CTKG
from kg.sources.ctgov import read_ctgov_json, read_ctgov_xml

FIXTURES = Path(__file__).parents[2] / "fixtures"
RECORDS = sorted(
    p for d in ("ctgov", "ctgov-more") for p in (FIXTURES / d).iterdir() if p.suffix in (".json", ".xml")
)
BASE = "https://w3id.org/ctkg/id/"


def _num(text) -> Decimal | None:
    try:
        return Decimal(str(text).replace(",", "")) if text not in (None, "") else None
    except InvalidOperation:
        return None


def _has_digit(text) -> bool:
    return bool(re.search(r"\d", str(text or "")))


def _xml_counts(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    cr = root.find("clinical_results")
    if cr is None:
        return [{}]
    values = "measure/class_list/class/category_list/category/measurement_list/measurement"
    measurements = [m.get("value") for m in cr.findall(f"outcome_list/outcome/{values}") if m.get("value")]
    baseline = [m.get("value") for m in cr.findall(f"baseline/measure_list/{values}") if m.get("value")]
    analyses = [
        a
        for a in cr.findall("outcome_list/outcome/analysis_list/analysis")
        if a.findall("group_id_list/group_id")
        and ((a.findtext("param_value") or "").strip() or _has_digit(a.findtext("p_value")))
    ]
    terms, totals = 0, 0
    for kind in ("serious_events", "other_events"):
        for cat in cr.findall(f"reported_events/{kind}/category_list/category"):
            n = sum(1 for c in cat.findall("event_list/event/counts") if c.get("subjects_affected"))
            if cat.findtext("title") == "Total":
                totals += n
            else:
                terms += n
    flow = [
        p
        for p in cr.findall("participant_flow/period_list/period//participants_list/participants")
        if p.get("count")
    ]
    return [
        {
            "measurements": measurements,
            "baseline": baseline,
            "analyses": len(analyses),
            "ae_terms": terms,
            "ae_totals": totals,
            "flow": len(flow),
        }
    ]


def _v2(study: dict) -> dict:
    r = study.get("resultsSection") or {}
    if not r:
        return {}
    measures = (r.get("outcomeMeasuresModule") or {}).get("outcomeMeasures", [])

    def values(measure_list):
        return [
            m["value"]
            for ms in measure_list
            for c in ms.get("classes", [])
            for cat in c.get("categories", [])
            for m in cat.get("measurements", [])
            if m.get("value") not in (None, "")
        ]

    ae = r.get("adverseEventsModule") or {}
    flow = r.get("participantFlowModule") or {}
    return {
        "measurements": values(measures),
        "baseline": values((r.get("baselineCharacteristicsModule") or {}).get("measures", [])),
        "analyses": sum(
            1
            for ms in measures
            for a in ms.get("analyses", [])
            if a.get("groupIds") and (str(a.get("paramValue") or "").strip() or _has_digit(a.get("pValue")))
        ),
        "ae_terms": sum(
            1
            for key in ("seriousEvents", "otherEvents")
            for e in ae.get(key, [])
            for s in e.get("stats", [])
            if s.get("numAffected") is not None
        ),
        "ae_totals": sum(
            1
            for g in ae.get("eventGroups", [])
            for k in ("serious", "other", "deaths")
            if g.get(f"{k}NumAffected") is not None
        ),
        "flow": sum(
            1
            for p in flow.get("periods", [])
            for item in [*p.get("milestones", []), *p.get("dropWithdraws", [])]
            for a in item.get("achievements", item.get("reasons", []))
            if a.get("numSubjects") is not None
        ),
    }


def _classic(study: dict) -> dict:
    """The classic API's names, walked as they are: '...List': {'...': [items]}."""

    def items(node, *names):
        for name in names:
            node = node.get(name, {}) if isinstance(node, dict) else {}
        return node if isinstance(node, list) else []

    r = study.get("ResultsSection") or {}
    if not r:
        return {}
    om = items(r, "OutcomeMeasuresModule", "OutcomeMeasureList", "OutcomeMeasure")
    measurements = [
        m["OutcomeMeasurementValue"]
        for ms in om
        for c in items(ms, "OutcomeClassList", "OutcomeClass")
        for cat in items(c, "OutcomeCategoryList", "OutcomeCategory")
        for m in items(cat, "OutcomeMeasurementList", "OutcomeMeasurement")
        if m.get("OutcomeMeasurementValue")
    ]
    bm = items(r, "BaselineCharacteristicsModule", "BaselineMeasureList", "BaselineMeasure")
    baseline = [
        m["BaselineMeasurementValue"]
        for ms in bm
        for c in items(ms, "BaselineClassList", "BaselineClass")
        for cat in items(c, "BaselineCategoryList", "BaselineCategory")
        for m in items(cat, "BaselineMeasurementList", "BaselineMeasurement")
        if m.get("BaselineMeasurementValue")
    ]
    analyses = [
        a
        for ms in om
        for a in items(ms, "OutcomeAnalysisList", "OutcomeAnalysis")
        if items(a, "OutcomeAnalysisGroupIdList", "OutcomeAnalysisGroupId")
        and (a.get("OutcomeAnalysisParamValue") or _has_digit(a.get("OutcomeAnalysisPValue")))
    ]
    ae = r.get("AdverseEventsModule", {})
    terms = sum(
        1
        for kind in ("Serious", "Other")
        for e in items(ae, f"{kind}EventList", f"{kind}Event")
        for s in items(e, f"{kind}EventStatsList", f"{kind}EventStats")
        if s.get(f"{kind}EventStatsNumAffected")
    )
    totals = sum(
        1
        for g in items(ae, "EventGroupList", "EventGroup")
        for k in ("Serious", "Other", "Deaths")
        if g.get(f"EventGroup{k}NumAffected")
    )
    periods = items(r, "ParticipantFlowModule", "FlowPeriodList", "FlowPeriod")
    flow = sum(
        1
        for p in periods
        for m in items(p, "FlowMilestoneList", "FlowMilestone")
        for a in items(m, "FlowAchievementList", "FlowAchievement")
        if a.get("FlowAchievementNumSubjects")
    ) + sum(
        1
        for p in periods
        for d in items(p, "FlowDropWithdrawList", "FlowDropWithdraw")
        for a in items(d, "FlowReasonList", "FlowReason")
        if a.get("FlowReasonNumSubjects")
    )
    return {
        "measurements": measurements,
        "baseline": baseline,
        "analyses": len(analyses),
        "ae_terms": terms,
        "ae_totals": totals,
        "flow": flow,
    }


def _json_counts(path: Path) -> list[dict]:
    data = json.loads(path.read_text())
    if "FullStudiesResponse" in data:
        return [_classic(s["Study"]) for s in data["FullStudiesResponse"]["FullStudies"]]
    return [_v2(s) for s in data.get("studies", [data])]


def _read(path: Path):
    return (read_ctgov_json if path.suffix == ".json" else read_ctgov_xml)(path)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_every_figure_of_the_record_is_read_and_mapped(path):
    expected = (_json_counts if path.suffix == ".json" else _xml_counts)(path)
    docs = _read(path)
    assert len(docs) == len(expected)
    for doc, want in zip(docs, expected, strict=True):
        t = doc.trial
        terms = [a for a in t.adverse_events if a.term]
        got = {
            "measurements": len(t.arm_results),
            "baseline": len(t.baseline),
            "analyses": len(t.comparisons),
            "ae_terms": len(terms),
            "ae_totals": len(t.adverse_events) - len(terms),
            "flow": len(t.participant_flow),
        }
        counts = {k: (len(v) if isinstance(v, list) else v) for k, v in want.items()}
        assert got == (counts or dict.fromkeys(got, 0)), doc.key
        # the values themselves, as numbers: each published value is an estimate ("NA" a flag)
        for kind, records in (("measurements", t.arm_results), ("baseline", t.baseline)):
            printed = Counter(n for n in map(_num, want.get(kind, [])) if n is not None)
            read = Counter(r.estimate for r in records if r.estimate is not None)
            assert read == printed, (doc.key, kind)
            assert sum(r.estimate_not_reached for r in records) == len(want.get(kind, [])) - sum(
                printed.values()
            )
        # and the graph has one node per figure
        g = document_graph(doc, BASE)[1]
        nodes = {c: len(set(g.subjects(RDF.type, CTKG[c]))) for c in ("ArmResult", "Comparison")}
        nodes |= {
            c: len(set(g.subjects(RDF.type, CTKG[c]))) for c in ("BaselineMeasurement", "ParticipantCount")
        }
        nodes["AdverseEventSummary"] = len(set(g.subjects(RDF.type, CTKG.AdverseEventSummary)))
        assert nodes == {
            "ArmResult": got["measurements"],
            "Comparison": got["analyses"],
            "BaselineMeasurement": got["baseline"],
            "ParticipantCount": got["flow"],
            "AdverseEventSummary": got["ae_terms"] + got["ae_totals"],
        }, doc.key


def test_the_fixtures_cover_the_three_formats_and_results():
    kinds = {(p.suffix, "FullStudiesResponse" in p.read_text()[:200]) for p in RECORDS}
    assert kinds == {(".json", True), (".json", False), (".xml", False)}
    with_results = [p for p in RECORDS if (_json_counts if p.suffix == ".json" else _xml_counts)(p)[0]]
    assert len(with_results) >= 20
