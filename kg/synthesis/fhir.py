"""Contrasts as FHIR R5 Evidence: a Bundle of ResearchStudy, Citation, EvidenceVariable and
Evidence resources, built and validated with the R5 models of ``fhir.resources``.

One Evidence per contrast: its variables are the outcome (measuredVariable), the treatment arm
(exposure) and the reference arm (referenceExposure), each an EvidenceVariable; its statistic
the printed estimate with the confidence interval as an attribute estimate at its level, the
sample size (both arms randomised) and the arms' own events where printed.  Codes come from the
HL7 code systems where one names the thing (verified against the published code systems):
statistic-type C93150 Hazard Ratio and C16932 Odds Ratio, attribute-estimate-type C53324
Confidence interval, variable-role population / exposure / referenceExposure / measuredVariable.
Other measures carry their name as text only.  Ids are hashes of the source IRIs: the same
store gives the same Bundle.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from kg.synthesis.contrasts import Contrast

STATISTIC_TYPE = "http://terminology.hl7.org/CodeSystem/statistic-type"
ESTIMATE_TYPE = "http://terminology.hl7.org/CodeSystem/attribute-estimate-type"
VARIABLE_ROLE = "http://terminology.hl7.org/CodeSystem/variable-role"
STATISTIC_CODES = {"HR": ("C93150", "Hazard Ratio"), "OR": ("C16932", "Odds Ratio")}
MEASURE_NAMES = {
    "HR": "hazard ratio",
    "OR": "odds ratio",
    "RR": "risk ratio",
    "ratio": "ratio",
    "MD": "mean difference",
    "RD": "risk difference",
}


def _id(*parts: str) -> str:
    """A FHIR id (64 characters at most, [A-Za-z0-9-.]) stable for the same parts."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:40]


def _role(code: str) -> dict:
    return {"coding": [{"system": VARIABLE_ROLE, "code": code}]}


def _ref(kind: str, rid: str) -> dict:
    return {"reference": f"{kind}/{rid}"}


def _statistic(c: Contrast) -> dict:
    stat: dict = {
        "description": f"{MEASURE_NAMES[c.measure]} {c.estimate}",
        "quantity": {"value": c.estimate},
    }
    code = STATISTIC_CODES.get(c.measure)
    kind = {"text": MEASURE_NAMES[c.measure]}
    if code:
        kind["coding"] = [{"system": STATISTIC_TYPE, "code": code[0], "display": code[1]}]
    stat["statisticType"] = kind
    if c.arm_n is not None and c.comparator_n is not None:
        stat["sampleSize"] = {"numberOfParticipants": c.arm_n + c.comparator_n}
    events = [d.events for d in (c.arm_data, c.comparator_data)]
    if None not in events:
        stat["numberOfEvents"] = sum(events)  # type: ignore[arg-type]
    if c.ci_lower is not None and c.ci_upper is not None:
        level = c.ci_level if c.ci_level is not None else Decimal(95)
        stat["attributeEstimate"] = [
            {
                "description": f"{level}% confidence interval",
                "type": {
                    "coding": [{"system": ESTIMATE_TYPE, "code": "C53324", "display": "Confidence interval"}]
                },
                "level": level / 100,
                "range": {"low": {"value": c.ci_lower}, "high": {"value": c.ci_upper}},
            }
        ]
    if c.p_value is not None:
        stat.setdefault("note", []).append({"text": f"p {c.p_value_qualifier or '='} {c.p_value}"})
    return stat


def _evidence(c: Contrast, outcome: str, treatment: str, control: str, study: str, citation: str) -> dict:
    comparison = f"{c.treatment} vs {c.control}"
    notes = [f"source: {c.source_file} ({c.source_graph})"]
    if c.evidence:
        notes.append(f"as printed: {c.evidence}")
    if c.conflicts:
        notes.append(f"printed differently by: {', '.join(c.conflicts)}")
    variables = [
        {"variableRole": _role("measuredVariable"), "observed": _ref("EvidenceVariable", outcome)},
        {
            "description": f"experimental arm: {c.arm}",
            "variableRole": _role("exposure"),
            "observed": _ref("EvidenceVariable", treatment),
        },
        {
            "description": f"reference arm: {c.comparator}",
            "variableRole": _role("referenceExposure"),
            "observed": _ref("EvidenceVariable", control),
        },
    ]
    if c.population:
        variables.insert(0, {"variableRole": _role("population"), "note": [{"text": c.population}]})
    return {
        "resourceType": "Evidence",
        "id": _id("evidence", c.result_iri),
        "url": c.result_iri,
        "status": "active",
        "title": f"{c.trial}: {MEASURE_NAMES[c.measure]} of {c.endpoint}, {comparison}",
        "description": comparison + (f" at {c.timepoint}" if c.timepoint else ""),
        "note": [{"text": n} for n in notes],
        "relatedArtifact": [
            {"type": "citation", "resourceReference": _ref("Citation", citation)},
            {"type": "derived-from", "resourceReference": _ref("ResearchStudy", study)},
        ],
        "variableDefinition": variables,
        "statistic": [_statistic(c)],
    }


def bundle(items: list[Contrast]) -> dict:
    """The Bundle as a dict, every resource checked against the fhir.resources R5 models."""
    from fhir.resources.bundle import Bundle

    resources: dict[str, dict] = {}

    def add(resource: dict) -> str:
        resources.setdefault(f"{resource['resourceType']}/{resource['id']}", resource)
        return resource["id"]

    for c in items:
        if c.estimate is None:
            continue
        study = add(
            {
                "resourceType": "ResearchStudy",
                "id": _id("study", c.trial_iri),
                "url": c.trial_iri,
                "status": "active",
                "title": c.trial,
            }
        )
        citation = add(
            {
                "resourceType": "Citation",
                "id": _id("citation", c.source_graph),
                "url": c.source_graph,
                "status": "active",
                "title": c.source_file,
            }
        )
        outcome = add(_variable("outcome", c.endpoint_key, c.endpoint_key))
        treatment = add(_variable("treatment", c.treatment, c.treatment))
        control = add(_variable("treatment", c.control, c.control))
        add(_evidence(c, outcome, treatment, control, study, citation))
    entries = [{"fullUrl": f"urn:ctkg:{key}", "resource": r} for key, r in resources.items()]
    return Bundle.model_validate(
        {"resourceType": "Bundle", "type": "collection", "entry": entries}
    ).model_dump(mode="json", exclude_none=True)


def _variable(kind: str, key: str, title: str) -> dict:
    return {"resourceType": "EvidenceVariable", "id": _id(kind, key), "status": "active", "title": title}


def bundle_json(items: list[Contrast]) -> str:
    import json

    return json.dumps(bundle(items), indent=1, ensure_ascii=False) + "\n"
