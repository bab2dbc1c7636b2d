"""Parsers for ClinicalTrials.gov records: API v2 study JSON and the legacy ``clinical_study`` XML.

Both formats are read into one shape (the API v2 JSON layout: ``protocolSection`` and
``resultsSection``) so a single builder turns either into a ``SourceDocument``; the legacy XML
is converted first, with its display words ("Phase 1/Phase 2", "Placebo Comparator") turned
into the v2 enumerations.

The registry's structured data is read as given.  Where the record does not say something
unambiguously -- a results group whose title matches no arm group, a ratio whose direction
cannot be told -- the figure is left out rather than guessed.  A registry value of "NA"
(not estimable, not reached) becomes a flag, never a number.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kg.extraction.interventions import intervention_kind
from kg.model import (
    AdverseEventSummary,
    Arm,
    ArmResult,
    Comparison,
    Drug,
    Endpoint,
    Intervention,
    InterventionKind,
    Publication,
    SourceDocument,
    Trial,
)
from kg.sources.errors import SourceError
from kg.sources.safe_load import load_json, parse_xml

Study = dict[str, Any]

# Secondary ids that name the trial in another registry (not grants, not sponsor codes).
REGISTRY_ID_TYPES = {"EUDRACT_NUMBER", "CTIS", "REGISTRY"}
REGISTRY_ID = re.compile(
    r"^(\d{4}-\d{6}-\d{2}|ISRCTN\d+|ACTRN\d+|ChiCTR[-\w]+|DRKS\d+|CTRI/[\d/]+|JPRN-\S+|jRCT\w+"
    r"|UMIN\d+|KCT\d+|EUCTR[-\w]+|PACTR\d+|IRCT\w+|SLCTR/[\d/]+|TCTR\d+|\d{4}-\d{6}-\d{2}-\d{2})$"
)
BLINDING = {
    "NONE": "open-label",
    "SINGLE": "single-blind",
    "DOUBLE": "double-blind",
    "TRIPLE": "triple-blind",
    "QUADRUPLE": "quadruple-blind",
}
ROLES = {
    "EXPERIMENTAL": "experimental",
    "ACTIVE_COMPARATOR": "comparator",
    "PLACEBO_COMPARATOR": "comparator",
}
# ClinicalTrials.gov intervention type -> ctkg intervention kind: the API v2 enumeration, and the
# legacy XML's words in the same form (_enum: "Procedure/Surgery" -> PROCEDURE_SURGERY,
# "Biological/Vaccine" -> BIOLOGICAL_VACCINE).  ontology/ctkg.ttl names the same table on each
# kind class (ctkg:ctgovInterventionType).
INTERVENTION_TYPES: dict[str, InterventionKind] = {
    "DRUG": "drug",
    "BIOLOGICAL": "biological",
    "BIOLOGICAL_VACCINE": "biological",
    "RADIATION": "radiation",
    "PROCEDURE": "procedure",
    "PROCEDURE_SURGERY": "procedure",
    "BEHAVIORAL": "behavioral",
    "DEVICE": "device",
    "DIAGNOSTIC_TEST": "diagnostic",
    "DIETARY_SUPPLEMENT": "dietary_supplement",
    "GENETIC": "genetic",
    "COMBINATION_PRODUCT": "combination_product",
    "OTHER": "other",
}
ARM_STATISTICS = {"MEDIAN": "median", "MEAN": "mean"}
RATIOS = (("hazard ratio", "hazard_ratio"), ("odds ratio", "odds_ratio"), ("risk ratio", "risk_ratio"))
CI = re.compile(r"^(\d+(?:\.\d+)?)\s*% Confidence Interval$", re.IGNORECASE)
DESIGNATOR = re.compile(r"^(?:(?:arm|group|cohort)\s*[a-z0-9]{1,3}\b\s*[:.)-]?|\d{1,2}\s*[.):-]?)\s+", re.I)
DIRECTION = re.compile(r"(.+?)\s+(?:over|vs\.?|versus|relative to|compared (?:to|with))\s+(.+)", re.I)


# --- entry points -----------------------------------------------------------------------------


def read_ctgov_json(path: str | Path) -> list[SourceDocument]:
    """One document per study of an API v2 file: a single study, or a ``{"studies": [...]}`` page."""
    path = Path(path)
    raw = path.read_bytes()
    data = load_json(str(path), raw)
    studies = data.get("studies") if isinstance(data, dict) and "studies" in data else [data]
    if not isinstance(studies, list) or not studies:
        raise SourceError(str(path), "no study in the file")
    return [_document(path, raw, study, "ctgov-json") for study in studies]


def read_ctgov_xml(path: str | Path) -> list[SourceDocument]:
    """The one study of a legacy ``clinical_study`` XML record."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        root = parse_xml(str(path), raw)
    except ET.ParseError as err:
        raise SourceError(str(path), f"not well-formed XML: {err}", err.position[0]) from None
    if root.tag != "clinical_study":
        raise SourceError(str(path), f"root element is <{root.tag}>, not <clinical_study>")
    return [_document(path, raw, _xml_study(root), "ctgov-xml")]


# --- the shared builder ---------------------------------------------------------------------


def _document(path: Path, raw: bytes, study: Any, kind: str) -> SourceDocument:
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        raise SourceError(str(path), "no protocolSection: not a ClinicalTrials.gov study record")
    protocol = study["protocolSection"]
    nct = _get(protocol, "identificationModule", "nctId")
    if not isinstance(nct, str) or not re.match(r"^NCT\d{8}$", nct):
        raise SourceError(str(path), f"missing or malformed NCT id {nct!r}")
    try:
        trial = _trial(protocol, study.get("resultsSection") or {})
        return SourceDocument(
            path=str(path),
            kind=kind,
            key=nct,
            source_url=f"https://clinicaltrials.gov/study/{nct}",
            sha256=hashlib.sha256(raw).hexdigest(),
            trial_publications=_publications(protocol),
            trial=trial,
        )
    except ValidationError as err:
        e = err.errors()[0]
        where = ".".join(str(p) for p in e["loc"])
        raise SourceError(str(path), f"impossible values in {nct}: {where}: {e['msg']}") from None
    except (KeyError, TypeError, AttributeError) as err:
        raise SourceError(str(path), f"unexpected record structure in {nct}: {err!r}") from None


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _trial(protocol: Study, results: Study) -> Trial:
    ident = protocol.get("identificationModule", {})
    design = protocol.get("designModule", {})
    info = design.get("designInfo", {})
    arms = _arms(protocol, observational=design.get("studyType") == "OBSERVATIONAL")
    enrollment = design.get("enrollmentInfo", {})
    trial = Trial(
        registry_ids=_registry_ids(ident),
        acronym=ident.get("acronym") or None,
        title=ident.get("officialTitle") or ident.get("briefTitle"),
        phase=_phase(design.get("phases") or []),
        randomized={"RANDOMIZED": True, "NON_RANDOMIZED": False}.get(info.get("allocation")),
        blinding=BLINDING.get(_get(info, "maskingInfo", "masking")),
        arms=arms,
        endpoints=_endpoints(protocol, results),
        n_randomized=int(enrollment["count"]) if enrollment.get("type") == "ACTUAL" else None,
        status=_get(protocol, "statusModule", "overallStatus"),
        intervention_model=_get(info, "interventionModel"),
        start_date=_get(protocol, "statusModule", "startDateStruct", "date"),
        completion_date=_get(protocol, "statusModule", "completionDateStruct", "date"),
        sponsor=_get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name"),
        conditions=[" ".join(c.split()) for c in _get(protocol, "conditionsModule", "conditions") or [] if c],
        eligibility=_get(protocol, "eligibilityModule", "eligibilityCriteria"),
    )
    if results:
        _read_results(trial, results)
    return trial


def _registry_ids(ident: Study) -> list[str]:
    """The NCT id first, then secondary ids typed (or shaped) as another registry's ids."""
    ids = [ident["nctId"]]
    for sec in ident.get("secondaryIdInfos", []):
        value = (sec.get("id") or "").strip()
        if (sec.get("type") in REGISTRY_ID_TYPES or REGISTRY_ID.match(value)) and value not in ids:
            ids.append(value)
    return ids


def _phase(phases: list[str]) -> str | None:
    """PHASE2 + PHASE3 -> "2/3"; early phase 1 and NA have no place on the 1-4 scale."""
    numbers = [p.removeprefix("PHASE") for p in phases if re.fullmatch(r"PHASE[1-4]", p)]
    return "/".join(numbers) if numbers and len(numbers) == len(phases) else None


def _arms(protocol: Study, observational: bool) -> list[Arm]:
    """Arm groups with their linked interventions; an arm typed No Intervention, or an
    observational cohort linked to none, is marked as receiving none (not left blank)."""
    module = protocol.get("armsInterventionsModule", {})
    groups = module.get("armGroups", [])
    labels = [g["label"] for g in groups]
    if len(set(labels)) != len(labels):
        raise ValueError(f"arm group labels repeat: {labels}")
    linked: dict[str, list[str]] = {label: [] for label in labels}
    by_fold = {label.casefold(): label for label in labels}
    for iv in module.get("interventions", []):
        for label in iv.get("armGroupLabels", []):
            target = by_fold.get(label.casefold())
            if target is not None and iv["name"] not in linked[target]:
                linked[target].append(iv["name"])
    names = {iv["name"].casefold(): iv["name"] for iv in module.get("interventions", [])}
    kinds: dict[str, InterventionKind] = {}  # by the lower-case name the arms list
    for iv in module.get("interventions", []):
        kinds.setdefault(iv["name"].lower(), _kind(iv.get("type"), iv["name"]))
    for g in groups:  # the arm's own list, "Drug: Placebo", when the intervention lacks the link
        for entry in g.get("interventionNames", []):
            name = names.get(entry.split(": ", 1)[-1].casefold())
            if name is not None and name not in linked[g["label"]]:
                linked[g["label"]].append(name)
    arms = []
    for g in groups:
        drugs = list(dict.fromkeys(n.lower() for n in linked[g["label"]]))
        arms.append(
            Arm(
                label=g["label"],
                interventions=[Intervention(drug=Drug(name=n), kind=kinds[n]) for n in drugs],
                role=ROLES.get(g.get("type") or ""),
                no_intervention=not drugs and (g.get("type") == "NO_INTERVENTION" or observational),
            )
        )
    return arms


def _kind(declared: str | None, name: str) -> InterventionKind:
    """The kind the record declares.  The registry has no type for a placebo (filed under
    Drug, Dietary Supplement, Other ...) or for usual care and observation (filed under Other):
    a placebo is a placebo whatever its type, an Other named as usual care is usual care.  A
    record that declares no type, or one this table lacks, is read by the name rules."""
    by_name = intervention_kind(name)
    if by_name == "placebo" or (by_name == "usual_care" and declared in ("OTHER", None)):
        return by_name
    return INTERVENTION_TYPES.get(declared or "", by_name)


def _endpoints(protocol: Study, results: Study) -> list[Endpoint]:
    """Registered primary/secondary outcomes, then any further measures the results report."""
    out: dict[str, Endpoint] = {}
    outcomes = protocol.get("outcomesModule", {})
    for key, role in (("primaryOutcomes", "primary"), ("secondaryOutcomes", "secondary")):
        for o in outcomes.get(key, []):
            name = " ".join(o["measure"].split())
            out.setdefault(name, Endpoint(name=name, role=role))
    for m in _get(results, "outcomeMeasuresModule", "outcomeMeasures") or []:
        name = " ".join(m["title"].split())
        role = {"PRIMARY": "primary", "SECONDARY": "secondary"}.get(m.get("type", ""))
        out.setdefault(name, Endpoint(name=name, role=role))
    return list(out.values())


def _publications(protocol: Study) -> list[Publication]:
    """References the registry marks as reporting results (RESULT) or derived from the trial."""
    pubs: dict[str, Publication] = {}
    for ref in _get(protocol, "referencesModule", "references") or []:
        pmid = (ref.get("pmid") or "").strip()
        if ref.get("type") in ("RESULT", "DERIVED") and re.fullmatch(r"[0-9]{1,9}", pmid):
            pubs.setdefault(pmid, Publication(pmid=pmid, citation_text=ref.get("citation") or None))
    return list(pubs.values())


# --- results --------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _match_groups(groups: list[Study], arms: list[Arm]) -> dict[str, str]:
    """Results group id -> arm label, one to one, by title rules that leave no ambiguity.

    The registry repeats the arm's name in each results table only loosely ("Arm A:
    Nivolumab" becomes "Nivolumab" or "NIVOLUMAB"), so three rules are tried in turn: the
    same words; the arm label without an "Arm A:"/"2." designator; the arm's only
    intervention.  A group that two arms could claim, or that matches none (e.g. "Total"),
    gets no arm.
    """
    keys = (
        lambda a: _norm(a.label),
        lambda a: _norm(DESIGNATOR.sub("", a.label)),
        lambda a: _norm(a.interventions[0].drug.name) if len(a.interventions) == 1 else "",
    )
    matched: dict[str, str] = {}
    for key in keys:
        free_arms = [a for a in arms if a.label not in matched.values()]
        free_groups = [g for g in groups if g["id"] not in matched]
        for g in free_groups:
            title = _norm(g.get("title") or "")
            hits = [a.label for a in free_arms if title and key(a) == title]
            rivals = [h for h in free_groups if _norm(h.get("title") or "") == title]
            if len(hits) == 1 and len(rivals) == 1 and hits[0] not in matched.values():
                matched[g["id"]] = hits[0]
    return matched


def _read_results(trial: Trial, results: Study) -> None:
    _flow_sizes(trial, results.get("participantFlowModule") or {})
    _baseline_sizes(trial, results.get("baselineCharacteristicsModule") or {})
    for measure in _get(results, "outcomeMeasuresModule", "outcomeMeasures") or []:
        groups = _match_groups(measure.get("groups", []), trial.arms)
        trial.arm_results += _arm_results(measure, groups)
        trial.comparisons += _comparisons(measure, groups, trial.arms)
    trial.adverse_events += _adverse_events(results.get("adverseEventsModule") or {}, trial.arms)
    Trial.model_validate(trial.model_dump())  # re-run the arm-reference check


def _flow_sizes(trial: Trial, flow: Study) -> None:
    """Arm sizes: the STARTED milestone of the first period of the participant flow."""
    periods = flow.get("periods") or []
    if not periods:
        return
    groups = _match_groups(flow.get("groups", []), trial.arms)
    arms = {a.label: a for a in trial.arms}
    for milestone in periods[0].get("milestones", []):
        if milestone.get("type", "").upper() != "STARTED":
            continue
        for ach in milestone.get("achievements", []):
            label = groups.get(ach.get("groupId"))
            if label is not None and (n := _int(ach.get("numSubjects"))) is not None:
                arms[label].n_randomized = n


def _baseline_sizes(trial: Trial, baseline: Study) -> None:
    """Participants analysed at baseline per arm: the 'Participants' denominators."""
    groups = _match_groups(baseline.get("groups", []), trial.arms)
    arms = {a.label: a for a in trial.arms}
    for denom in baseline.get("denoms", []):
        if (denom.get("units") or "").lower() != "participants":
            continue
        for count in denom.get("counts", []):
            label = groups.get(count.get("groupId"))
            if label is not None and (n := _int(count.get("value"))) is not None:
                arms[label].n_baseline = n


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _number(value: Any) -> tuple[Decimal | None, bool]:
    """(number, not-reached flag); "NA" and the like are a flag, never a number."""
    if value is None or str(value).strip() == "":
        return None, False
    text = str(value).strip().replace(",", "")
    try:
        return Decimal(text), False
    except InvalidOperation:
        return None, True


def _arm_results(measure: Study, groups: dict[str, str]) -> list[ArmResult]:
    """Medians, means and percentages per arm; other summaries (LS or geometric means,
    counts) have no statistic of their own in the model yet and are left out."""
    param = measure.get("paramType", "")
    unit = measure.get("unitOfMeasure") or None
    percent = bool(unit) and re.search(r"percent|^%$", unit, re.I) is not None
    statistic = ARM_STATISTICS.get(param) or ("rate" if param == "NUMBER" and percent else None)
    if statistic is None:
        return []
    ci = CI.match(measure.get("dispersionType") or "")
    dispersion = None if ci else _enum(measure.get("dispersionType")) or None
    endpoint = " ".join(measure["title"].split())
    out = []
    for cls in measure.get("classes", []):
        for cat in cls.get("categories", []):
            subgroup = " / ".join(t for t in (cls.get("title"), cat.get("title")) if t) or None
            for m in cat.get("measurements", []):
                if m.get("groupId") not in groups:
                    continue
                interval = _interval(m.get("lowerLimit"), m.get("upperLimit"), ci.group(1)) if ci else {}
                out.append(
                    ArmResult(
                        endpoint=endpoint,
                        statistic=statistic,
                        arm=groups[m["groupId"]],
                        **_estimate(m.get("value")),
                        **interval,
                        unit="percent" if percent else unit,
                        subgroup=subgroup,
                        **_spread(dispersion, m),
                    )
                )
    return out


def _spread(dispersion: str | None, m: Study) -> dict:
    """A measurement's dispersion other than a CI: a standard deviation or error (one
    value), or a full or interquartile range (two ends)."""
    if dispersion is None:
        return {}
    if "RANGE" in dispersion:
        lower, _ = _number(m.get("lowerLimit"))
        upper, _ = _number(m.get("upperLimit"))
        return {"dispersion": dispersion, "spread_lower": lower, "spread_upper": upper}
    spread, _ = _number(m.get("spread"))
    return {"dispersion": dispersion, "spread": spread}


def _estimate(value: Any) -> dict:
    estimate, not_reached = _number(value)
    return {"estimate": estimate, "estimate_not_reached": not_reached}


def _interval(lower_value: Any, upper_value: Any, level_value: Any) -> dict:
    """CI bounds (a bound 'NA' is not reached) with their level, or nothing without bounds."""
    lower, lower_nr = _number(lower_value)
    upper, upper_nr = _number(upper_value)
    level, _ = _number(level_value)
    return {
        "ci_lower": lower,
        "ci_upper": upper,
        "ci_lower_not_reached": lower_nr,
        "ci_upper_not_reached": upper_nr,
        "ci_level": level if lower is not None or upper is not None else None,
    }


def _ratio(param: str) -> str | None:
    low = param.lower()
    return next((stat for words, stat in RATIOS if words in low), None)


def _comparisons(measure: Study, groups: dict[str, str], arms: list[Arm]) -> list[Comparison]:
    out = []
    titles = {g["id"]: g.get("title") or "" for g in measure.get("groups", [])}
    analyses = measure.get("analyses", [])
    # several ratio analyses of one measure are its subgroups ('PD-L1 expression >= 5%'),
    # which the registry names in each analysis's group description
    per_subgroup = sum(1 for a in analyses if _ratio(a.get("paramType") or "")) > 1
    for analysis in analyses:
        statistic = _ratio(analysis.get("paramType") or "")
        ids = analysis.get("groupIds", [])
        if statistic is None or len(ids) != 2 or not all(i in groups for i in ids):
            continue
        pair = _direction(ids, groups, titles, arms, analysis.get("estimateComment") or "")
        if pair is None:
            continue
        interval = _interval(
            analysis.get("ciLowerLimit"), analysis.get("ciUpperLimit"), analysis.get("ciPctValue")
        )
        p_value, qualifier = _p_value(analysis.get("pValue"))
        out.append(
            Comparison(
                endpoint=" ".join(measure["title"].split()),
                statistic=statistic,
                arm=pair[0],
                comparator=pair[1],
                **_estimate(analysis.get("paramValue")),
                **interval,
                p_value=p_value,
                p_value_qualifier=qualifier,
                method=" ".join((analysis.get("statisticalMethod") or "").split()) or None,
                subgroup=(" ".join((analysis.get("groupDescription") or "").split()) or None)
                if per_subgroup
                else None,
            )
        )
    return out


def _direction(
    ids: list[str], groups: dict[str, str], titles: dict[str, str], arms: list[Arm], comment: str
) -> tuple[str, str] | None:
    """(experimental, reference) arm labels: from the arm roles when exactly one of the two
    is experimental, else from an estimate comment such as "HR = Nivolumab over Docetaxel"."""
    roles = {a.label: a.role for a in arms}
    a, b = groups[ids[0]], groups[ids[1]]
    if (roles[a] == "experimental") != (roles[b] == "experimental"):
        return (a, b) if roles[a] == "experimental" else (b, a)
    m = DIRECTION.search(comment)
    if m:
        left, right = _norm(m.group(1)), _norm(m.group(2))
        ta, tb = _norm(titles[ids[0]]), _norm(titles[ids[1]])
        if ta and tb and ta in left and tb in right and tb not in left:
            return a, b
        if ta and tb and tb in left and ta in right and ta not in left:
            return b, a
    return None


def _p_value(value: Any) -> tuple[Decimal | None, str | None]:
    text = str(value or "").strip().replace(" ", "")
    m = re.fullmatch(r"(<=|>=|<|>|=|≤|≥)?(\d*\.?\d+)", text)
    if not m:
        return None, None
    return Decimal(m.group(2)), m.group(1) if m.group(1) and m.group(1) != "=" else None


def _adverse_events(module: Study, arms: list[Arm]) -> list[AdverseEventSummary]:
    """All serious events per arm (the group totals), then each event term per arm."""
    groups = _match_groups(module.get("eventGroups", []), arms)
    out = []
    for g in module.get("eventGroups", []):
        count, at_risk = _int(g.get("seriousNumAffected")), _int(g.get("seriousNumAtRisk"))
        if g["id"] in groups and count is not None:
            out.append(_ae(groups[g["id"]], "serious", None, count, at_risk))
    for key, category in (("seriousEvents", "serious"), ("otherEvents", "any")):
        for event in module.get(key, []):
            for stat in event.get("stats", []):
                count = _int(stat.get("numAffected"))
                if stat.get("groupId") in groups and count is not None:
                    term = " ".join(event["term"].split())
                    out.append(
                        _ae(
                            groups[stat["groupId"]],
                            category,
                            term,
                            count,
                            _int(stat.get("numAtRisk")),
                            event.get("organSystem"),
                        )
                    )
    return out


def _ae(
    arm: str, category: str, term: str | None, count: int, at_risk: int | None, organ: str | None = None
) -> AdverseEventSummary:
    return AdverseEventSummary(
        arm=arm,
        category=category,
        treatment_related=False,
        term=term,
        count=count,
        n_analysed=at_risk,
        organ_system=" ".join(organ.split()) if organ else None,
    )


# --- legacy XML -> the API v2 layout ----------------------------------------------------------


def _text(el: ET.Element | None, path: str) -> str | None:
    found = el.find(path) if el is not None else None
    text = " ".join((found.text or "").split()) if found is not None else ""
    return text or None


def _enum(words: str | None) -> str | None:
    """'Placebo Comparator' -> 'PLACEBO_COMPARATOR', 'Non-Randomized' -> 'NON_RANDOMIZED'."""
    return re.sub(r"[^A-Z0-9]+", "_", words.upper()).strip("_") if words else None


def _xml_study(root: ET.Element) -> Study:
    phase = _text(root, "phase") or "N/A"
    phases = [f"PHASE{n}" if n else "NA" for n in (re.sub(r"\D", "", p) for p in phase.split("/Phase"))]
    if "early" in phase.lower():
        phases = ["EARLY_PHASE1"]
    enrollment = root.find("enrollment")
    protocol = {
        "statusModule": {
            "overallStatus": _enum(_text(root, "overall_status")),
            "startDateStruct": {"date": _text(root, "start_date")},
            "completionDateStruct": {"date": _text(root, "completion_date")},
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": _text(root, "sponsors/lead_sponsor/agency")}},
        "conditionsModule": {"conditions": [_text(e, ".") for e in root.findall("condition")]},
        "eligibilityModule": {"eligibilityCriteria": _text(root, "eligibility/criteria/textblock")},
        "identificationModule": {
            "nctId": _text(root, "id_info/nct_id"),
            "acronym": _text(root, "acronym"),
            "briefTitle": _text(root, "brief_title"),
            "officialTitle": _text(root, "official_title"),
            "secondaryIdInfos": [{"id": _text(e, ".")} for e in root.findall("id_info/secondary_id")],
        },
        "designModule": {
            "studyType": _enum(_text(root, "study_type")),
            "phases": phases,
            "designInfo": {
                "allocation": _enum(_text(root, "study_design_info/allocation")),
                "interventionModel": _enum(
                    (_text(root, "study_design_info/intervention_model") or "").replace(" Assignment", "")
                ),
                "maskingInfo": {
                    "masking": _enum((_text(root, "study_design_info/masking") or "").split(" (")[0])
                },
            },
            "enrollmentInfo": {
                "count": _text(enrollment, "."),
                "type": "ACTUAL" if enrollment is not None and enrollment.get("type") == "Actual" else None,
            },
        },
        "armsInterventionsModule": {
            "armGroups": [
                {"label": _text(g, "arm_group_label"), "type": _enum(_text(g, "arm_group_type"))}
                for g in root.findall("arm_group")
            ],
            "interventions": [
                {
                    "name": _text(iv, "intervention_name"),
                    "type": _enum(_text(iv, "intervention_type")),
                    "armGroupLabels": [_text(x, ".") for x in iv.findall("arm_group_label")],
                }
                for iv in root.findall("intervention")
            ],
        },
        "outcomesModule": {
            "primaryOutcomes": [{"measure": _text(o, "measure")} for o in root.findall("primary_outcome")],
            "secondaryOutcomes": [
                {"measure": _text(o, "measure")} for o in root.findall("secondary_outcome")
            ],
        },
        "referencesModule": {
            "references": [
                {"pmid": _text(r, "PMID"), "citation": _text(r, "citation"), "type": "RESULT"}
                for r in root.findall("results_reference")
            ]
        },
    }
    results = root.find("clinical_results")
    return {
        "protocolSection": protocol,
        "resultsSection": _xml_results(results) if results is not None else {},
    }


def _xml_groups(el: ET.Element | None) -> list[Study]:
    if el is None:
        return []
    return [{"id": g.get("group_id"), "title": _text(g, "title")} for g in el.findall("group_list/group")]


def _xml_results(cr: ET.Element) -> Study:
    flow = cr.find("participant_flow")
    periods = [
        {
            "milestones": [
                {
                    "type": _text(m, "title"),
                    "achievements": [
                        {"groupId": p.get("group_id"), "numSubjects": p.get("count")}
                        for p in m.findall("participants_list/participants")
                    ],
                }
                for m in period.findall("milestone_list/milestone")
            ]
        }
        for period in (flow.findall("period_list/period") if flow is not None else [])
    ]
    return {
        "participantFlowModule": {"groups": _xml_groups(flow), "periods": periods},
        "outcomeMeasuresModule": {
            "outcomeMeasures": [_xml_outcome(o) for o in cr.findall("outcome_list/outcome")]
        },
        "adverseEventsModule": _xml_events(cr.find("reported_events")),
        "baselineCharacteristicsModule": _xml_baseline(cr.find("baseline")),
    }


def _xml_baseline(baseline: ET.Element | None) -> Study:
    """The participants analysed at baseline, per group, in the API v2 'denoms' layout."""
    if baseline is None:
        return {}
    denoms = [
        {
            "units": _text(a, "units"),
            "counts": [
                {"groupId": c.get("group_id"), "value": c.get("value")} for c in a.findall("count_list/count")
            ],
        }
        for a in baseline.findall("analyzed_list/analyzed")
    ]
    return {"groups": _xml_groups(baseline), "denoms": denoms}


def _xml_outcome(o: ET.Element) -> Study:
    measure = o.find("measure")
    classes = [
        {
            "title": _text(c, "title"),
            "categories": [
                {
                    "title": _text(cat, "title"),
                    "measurements": [
                        {
                            "groupId": m.get("group_id"),
                            "value": m.get("value"),
                            "lowerLimit": m.get("lower_limit"),
                            "upperLimit": m.get("upper_limit"),
                            "spread": m.get("spread"),
                        }
                        for m in cat.findall("measurement_list/measurement")
                    ],
                }
                for cat in c.findall("category_list/category")
            ],
        }
        for c in (measure.findall("class_list/class") if measure is not None else [])
    ]
    analyses = [
        {
            "groupIds": [_text(g, ".") for g in a.findall("group_id_list/group_id")],
            "paramType": _text(a, "param_type"),
            "paramValue": _text(a, "param_value"),
            "ciPctValue": _text(a, "ci_percent"),
            "ciLowerLimit": _text(a, "ci_lower_limit"),
            "ciUpperLimit": _text(a, "ci_upper_limit"),
            "pValue": _text(a, "p_value"),
            "statisticalMethod": _text(a, "method"),
            "estimateComment": _text(a, "estimate_desc"),
            "groupDescription": _text(a, "groups_desc"),
        }
        for a in o.findall("analysis_list/analysis")
    ]
    return {
        "type": _enum(_text(o, "type")),
        "title": _text(o, "title"),
        "paramType": _enum(_text(measure, "param")),
        "dispersionType": _text(measure, "dispersion"),
        "unitOfMeasure": _text(measure, "units"),
        "groups": _xml_groups(o),
        "classes": classes,
        "analyses": analyses,
    }


def _xml_events(events: ET.Element | None) -> Study:
    """Event terms by category; the "Total" row of the serious events is the group total."""
    groups = {g["id"]: dict(g) for g in _xml_groups(events)}
    out: Study = {"eventGroups": list(groups.values()), "seriousEvents": [], "otherEvents": []}
    for tag, key in (("serious_events", "seriousEvents"), ("other_events", "otherEvents")):
        for cat in events.findall(f"{tag}/category_list/category") if events is not None else []:
            organ = _text(cat, "title")
            for ev in cat.findall("event_list/event"):
                stats = [
                    {
                        "groupId": c.get("group_id"),
                        "numAffected": c.get("subjects_affected"),
                        "numAtRisk": c.get("subjects_at_risk"),
                    }
                    for c in ev.findall("counts")
                ]
                if organ == "Total":
                    if key == "seriousEvents":
                        for s in stats:
                            if s["groupId"] in groups:
                                groups[s["groupId"]]["seriousNumAffected"] = s["numAffected"]
                                groups[s["groupId"]]["seriousNumAtRisk"] = s["numAtRisk"]
                    continue
                out[key].append({"term": _text(ev, "sub_title"), "organSystem": organ, "stats": stats})
    out["eventGroups"] = list(groups.values())
    return out
