"""The legacy ``clinical_study`` XML, rewritten into the API v2 layout the readers take.

Only the layout changes: element names become v2 keys, repeated elements become lists,
values stay as printed ("Placebo Comparator", "95% Confidence Interval"; the readers accept
the words and the v2 enumerations alike).  Every repeated item carries ``_path``, its XPath
in the XML file, so a warning about a figure names where the XML states it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from kg.sources.ctgov.values import Study, words

Item = Callable[[ET.Element, str], Study]


def _text(el: ET.Element | None, path: str = ".") -> str | None:
    found = el.find(path) if el is not None else None
    return words(found.text) if found is not None else None


def _each(parent: ET.Element | None, path: str, where: str, item: Item) -> list[Study]:
    """``item`` of every element at ``path`` under ``parent``, each with its XPath."""
    found = parent.findall(path) if parent is not None else []
    out = []
    for n, el in enumerate(found, start=1):
        here = f"{where}/{path}[{n}]"
        out.append({**item(el, here), "_path": here})
    return out


def study(root: ET.Element) -> Study:
    """The record as an API v2 study: protocolSection, resultsSection."""
    results = root.find("clinical_results")
    return {
        "protocolSection": _protocol(root),
        "resultsSection": _results(results) if results is not None else {},
    }


def _phases(phase: str | None) -> list[str]:
    """'Phase 1/Phase 2' -> ['PHASE1', 'PHASE2']; 'Early Phase 1' and 'N/A' as in v2."""
    if not phase or phase == "N/A":
        return ["NA"]
    if "early" in phase.lower():
        return ["EARLY_PHASE1"]
    return ["PHASE" + re.sub(r"\D", "", p) for p in phase.split("/")]


def _masking(text: str | None) -> dict:
    """'Double (Participant, Investigator)' -> masking DOUBLE, whoMasked as listed."""
    head, _, roles = (text or "").partition(" (")
    return {
        "masking": head or None,
        "whoMasked": [r.strip() for r in roles.rstrip(")").split(",") if r.strip()],
    }


def _outcome(o: ET.Element, where: str) -> Study:
    return {
        "measure": _text(o, "measure"),
        "timeFrame": _text(o, "time_frame"),
        "description": _text(o, "description"),
    }


def _protocol(root: ET.Element) -> Study:
    enrollment = root.find("enrollment")
    status = _text(root, "last_update_posted") or _text(root, "lastchanged_date")
    return {
        "identificationModule": {
            "nctId": _text(root, "id_info/nct_id"),
            "nctIdAliases": [_text(e) for e in root.findall("id_info/nct_alias")],
            "acronym": _text(root, "acronym"),
            "briefTitle": _text(root, "brief_title"),
            "officialTitle": _text(root, "official_title"),
            "secondaryIdInfos": [{"id": _text(e)} for e in root.findall("id_info/secondary_id")],
        },
        "statusModule": {
            "overallStatus": _text(root, "overall_status"),
            "lastKnownStatus": _text(root, "last_known_status"),
            "whyStopped": _text(root, "why_stopped"),
            "startDateStruct": {"date": _text(root, "start_date")},
            "completionDateStruct": {"date": _text(root, "completion_date")},
            "lastUpdatePostDateStruct": {"date": status},
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": _text(root, "sponsors/lead_sponsor/agency")}},
        "conditionsModule": {"conditions": [_text(e) for e in root.findall("condition")]},
        "eligibilityModule": {"eligibilityCriteria": _text(root, "eligibility/criteria/textblock")},
        "designModule": {
            "studyType": _text(root, "study_type"),
            "phases": _phases(_text(root, "phase")),
            "designInfo": {
                "allocation": _text(root, "study_design_info/allocation"),
                "interventionModel": (_text(root, "study_design_info/intervention_model") or "").replace(
                    " Assignment", ""
                )
                or None,
                "maskingInfo": _masking(_text(root, "study_design_info/masking")),
            },
            "enrollmentInfo": {
                "count": _text(enrollment),
                "type": enrollment.get("type") if enrollment is not None else None,
            },
        },
        "armsInterventionsModule": {
            "armGroups": [
                {
                    "label": _text(g, "arm_group_label"),
                    "type": _text(g, "arm_group_type"),
                    "description": _text(g, "description"),
                }
                for g in root.findall("arm_group")
            ],
            "interventions": [
                {
                    "name": _text(iv, "intervention_name"),
                    "type": _text(iv, "intervention_type"),
                    "armGroupLabels": [_text(x) for x in iv.findall("arm_group_label")],
                    "otherNames": [_text(x) for x in iv.findall("other_name")],
                }
                for iv in root.findall("intervention")
            ],
        },
        "outcomesModule": {
            key: _each(root, tag, "clinical_study", _outcome)
            for key, tag in (
                ("primaryOutcomes", "primary_outcome"),
                ("secondaryOutcomes", "secondary_outcome"),
                ("otherOutcomes", "other_outcome"),
            )
        },
        "referencesModule": {
            "references": [
                {"pmid": _text(r, "PMID"), "citation": _text(r, "citation"), "type": "RESULT"}
                for r in root.findall("results_reference")
            ]
        },
    }


# --- results --------------------------------------------------------------------------------


def _groups(el: ET.Element | None) -> list[Study]:
    if el is None:
        return []
    return [
        {"id": g.get("group_id"), "title": _text(g, "title"), "description": _text(g, "description")}
        for g in el.findall("group_list/group")
    ]


def _counts(key: str, attribute: str) -> Item:
    """A list of per-group counts: <participants group_id= count=> -> {groupId, numSubjects}."""

    def item(el: ET.Element, where: str) -> Study:
        return {"groupId": el.get("group_id"), key: el.get(attribute)}

    return item


def _denoms(el: ET.Element | None, where: str) -> list[Study]:
    """<analyzed_list>: the participants (or units) analysed per group."""

    def denom(a: ET.Element, here: str) -> Study:
        return {
            "units": _text(a, "units"),
            "counts": _each(a, "count_list/count", here, _counts("value", "value")),
        }

    return _each(el, "analyzed_list/analyzed", where, denom)


def _milestone(m: ET.Element, where: str) -> Study:
    return {
        "type": _text(m, "title"),
        "achievements": _each(m, "participants_list/participants", where, _counts("numSubjects", "count")),
    }


def _withdrawal(d: ET.Element, where: str) -> Study:
    return {
        "type": _text(d, "title"),
        "reasons": _each(d, "participants_list/participants", where, _counts("numSubjects", "count")),
    }


def _period(p: ET.Element, where: str) -> Study:
    return {
        "title": _text(p, "title"),
        "milestones": _each(p, "milestone_list/milestone", where, _milestone),
        "dropWithdraws": _each(p, "drop_withdraw_reason_list/drop_withdraw_reason", where, _withdrawal),
    }


def _measurement(m: ET.Element, where: str) -> Study:
    return {
        "groupId": m.get("group_id"),
        "value": m.get("value"),
        "lowerLimit": m.get("lower_limit"),
        "upperLimit": m.get("upper_limit"),
        "spread": m.get("spread"),
        "comment": _text(m),
    }


def _category(c: ET.Element, where: str) -> Study:
    return {
        "title": _text(c, "title"),
        "measurements": _each(c, "measurement_list/measurement", where, _measurement),
    }


def _class(c: ET.Element, where: str) -> Study:
    return {
        "title": _text(c, "title"),
        "denoms": _denoms(c, where),
        "categories": _each(c, "category_list/category", where, _category),
    }


def _measure(m: ET.Element, where: str) -> Study:
    """A <measure> (of an outcome or of the baseline) in the v2 measure layout."""
    return {
        "title": _text(m, "title"),
        "description": _text(m, "description"),
        "populationDescription": _text(m, "population"),
        "paramType": _text(m, "param"),
        "dispersionType": _text(m, "dispersion"),
        "unitOfMeasure": _text(m, "units"),
        "denoms": _denoms(m, where),
        "classes": _each(m, "class_list/class", where, _class),
    }


def _analysis(a: ET.Element, where: str) -> Study:
    return {
        "groupIds": [_text(g) for g in a.findall("group_id_list/group_id")],
        "groupDescription": _text(a, "groups_desc"),
        "nonInferiorityType": _text(a, "non_inferiority_type"),
        "nonInferiorityComment": _text(a, "non_inferiority_desc"),
        "pValue": _text(a, "p_value"),
        "pValueComment": _text(a, "p_value_desc"),
        "statisticalMethod": _text(a, "method"),
        "statisticalComment": _text(a, "method_desc"),
        "paramType": _text(a, "param_type"),
        "paramValue": _text(a, "param_value"),
        "dispersionType": _text(a, "dispersion_type"),
        "dispersionValue": _text(a, "dispersion_value"),
        "ciPctValue": _text(a, "ci_percent"),
        "ciNumSides": _text(a, "ci_n_sides"),
        "ciLowerLimit": _text(a, "ci_lower_limit"),
        "ciUpperLimit": _text(a, "ci_upper_limit"),
        "estimateComment": _text(a, "estimate_desc"),
        "otherAnalysisDescription": _text(a, "other_analysis_desc"),
    }


def _outcome_measure(o: ET.Element, where: str) -> Study:
    measure = o.find("measure")
    out = _measure(measure, f"{where}/measure") if measure is not None else {}
    return {
        **out,
        "type": _text(o, "type"),
        "title": _text(o, "title"),
        "description": _text(o, "description"),
        "timeFrame": _text(o, "time_frame"),
        "populationDescription": _text(o, "population") or out.get("populationDescription"),
        "groups": _groups(o),
        "analyses": _each(o, "analysis_list/analysis", where, _analysis),
    }


def _results(cr: ET.Element) -> Study:
    flow, baseline = cr.find("participant_flow"), cr.find("baseline")
    where = "clinical_study/clinical_results"
    return {
        "participantFlowModule": {
            "groups": _groups(flow),
            "periods": _each(flow, "period_list/period", f"{where}/participant_flow", _period),
        },
        "baselineCharacteristicsModule": {
            "groups": _groups(baseline),
            "denoms": _denoms(baseline, f"{where}/baseline"),
            "measures": _each(baseline, "measure_list/measure", f"{where}/baseline", _measure),
        },
        "outcomeMeasuresModule": {
            "outcomeMeasures": _each(cr, "outcome_list/outcome", where, _outcome_measure)
        },
        "adverseEventsModule": _events(cr.find("reported_events"), f"{where}/reported_events"),
    }


def _event_stat(c: ET.Element, where: str) -> Study:
    return {
        "groupId": c.get("group_id"),
        "numAffected": c.get("subjects_affected"),
        "numAtRisk": c.get("subjects_at_risk"),
        "numEvents": c.get("events"),
    }


def _events(events: ET.Element | None, where: str) -> Study:
    """Event terms by kind; a "Total" category's row is the groups' totals of that kind."""
    groups = {g["id"]: dict(g) for g in _groups(events)}
    out: Study = {
        "frequencyThreshold": _text(events, "other_events/frequency_threshold"),
        "timeFrame": _text(events, "time_frame"),
        "seriousEvents": [],
        "otherEvents": [],
    }
    for tag, key, total in (
        ("serious_events", "seriousEvents", "serious"),
        ("other_events", "otherEvents", "other"),
    ):
        vocabulary = _text(events, f"{tag}/default_vocab")
        for n, cat in enumerate(
            events.findall(f"{tag}/category_list/category") if events is not None else [], 1
        ):
            organ = _text(cat, "title")
            here = f"{where}/{tag}/category_list/category[{n}]"
            for m, ev in enumerate(cat.findall("event_list/event"), start=1):
                stats = _each(ev, "counts", f"{here}/event_list/event[{m}]", _event_stat)
                if organ == "Total":  # "Total, all-cause mortality" is the deaths' total
                    kind = "deaths" if "mortality" in (_text(ev, "sub_title") or "").lower() else total
                    for s in stats:
                        group = groups.get(s["groupId"], {})
                        group[f"{kind}NumAffected"] = s["numAffected"]
                        group[f"{kind}NumAtRisk"] = s["numAtRisk"]
                        group[f"{kind}NumEvents"] = s["numEvents"]
                        group[f"{kind}Path"] = s["_path"]
                    continue
                out[key].append(
                    {
                        "term": _text(ev, "sub_title"),
                        "organSystem": organ,
                        "sourceVocabulary": _text(ev, "vocab") or vocabulary,
                        "assessmentType": _text(ev, "assessment")
                        or _text(events, f"{tag}/default_assessment"),
                        "stats": stats,
                    }
                )
    out["eventGroups"] = list(groups.values())
    return out
