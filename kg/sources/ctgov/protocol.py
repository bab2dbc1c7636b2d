"""The protocol section of a registry record: identity, status, design, enrollment, arms
with their interventions (of the type the record declares), and references."""

from __future__ import annotations

import re

from kg.extraction.interventions import intervention_kind
from kg.model import Arm, Drug, Intervention, InterventionKind, Publication, Trial
from kg.sources.ctgov.values import Study, enum, get, integer, iso_date, words

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
# legacy words in the same form ("Procedure/Surgery" -> PROCEDURE_SURGERY).  ontology/ctkg.ttl
# names the same table on each kind class (ctkg:ctgovInterventionType).
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
ENROLLMENT_TYPES = {
    "ACTUAL": "ACTUAL",
    "ESTIMATED": "ESTIMATED",
    "ESTIMATE": "ESTIMATED",
    "ANTICIPATED": "ESTIMATED",
}


def trial(protocol: Study, warnings: list[str]) -> Trial:
    """The trial as the protocol section describes it (results are read into it later)."""
    ident = protocol.get("identificationModule") or {}
    status = protocol.get("statusModule") or {}
    design = protocol.get("designModule") or {}
    info = design.get("designInfo") or {}
    study_type = (enum(design.get("studyType")) or "").split("_")[0] or None
    if study_type == "EXPANDED":
        study_type = "EXPANDED_ACCESS"
    randomized = {"RANDOMIZED": True, "NON_RANDOMIZED": False}.get(enum(info.get("allocation")) or "")
    enrollment = integer(get(design, "enrollmentInfo", "count"))
    enrollment_type = ENROLLMENT_TYPES.get(enum(get(design, "enrollmentInfo", "type")) or "")
    masking = enum((words(get(info, "maskingInfo", "masking")) or "").split(" (")[0])
    return Trial(
        registry_ids=_registry_ids(ident),
        acronym=words(ident.get("acronym")),
        title=words(ident.get("officialTitle") or ident.get("briefTitle")),
        phase=_phase(design.get("phases") or []),
        randomized=randomized,
        blinding=BLINDING.get(masking or ""),
        masked_roles=[r for r in (enum(x) for x in get(info, "maskingInfo", "whoMasked") or []) if r],
        arms=_arms(protocol, study_type == "OBSERVATIONAL", warnings),
        study_type=study_type,
        enrollment=enrollment,
        enrollment_type=enrollment_type,
        # the registry's actual enrollment of a randomised interventional trial is the number randomised
        n_randomized=enrollment
        if enrollment_type == "ACTUAL" and study_type == "INTERVENTIONAL" and randomized
        else None,
        status=enum(status.get("overallStatus")),
        last_known_status=enum(status.get("lastKnownStatus")),
        why_stopped=words(status.get("whyStopped")),
        intervention_model=enum(re.sub(r" Assignment$", "", words(info.get("interventionModel")) or "")),
        start_date=words(get(status, "startDateStruct", "date")),
        completion_date=words(get(status, "completionDateStruct", "date")),
        sponsor=words(get(protocol, "sponsorCollaboratorsModule", "leadSponsor", "name")),
        conditions=[
            c for c in (words(c) for c in get(protocol, "conditionsModule", "conditions") or []) if c
        ],
        eligibility=words(get(protocol, "eligibilityModule", "eligibilityCriteria")),
        aliases=[a for a in (words(a) for a in ident.get("nctIdAliases") or []) if a],
    )


def updated(protocol: Study) -> str | None:
    """The record's own last-update date (posted, else submitted), ISO 8601."""
    status = protocol.get("statusModule") or {}
    return iso_date(get(status, "lastUpdatePostDateStruct", "date")) or iso_date(
        status.get("lastUpdateSubmitDate")
    )


def _registry_ids(ident: Study) -> list[str]:
    """The NCT id first, then secondary ids typed (or shaped) as another registry's ids."""
    ids = [ident["nctId"]]
    for sec in ident.get("secondaryIdInfos") or []:
        value = words(sec.get("id")) or ""
        if (enum(sec.get("type")) in REGISTRY_ID_TYPES or REGISTRY_ID.match(value)) and value not in ids:
            ids.append(value)
    return ids


def _phase(phases: list[str]) -> str | None:
    """PHASE2 + PHASE3 ('Phase 2', 'Phase 3') -> "2/3"; early phase 1 and NA have no place on
    the 1-4 scale."""
    numbers = [m.group(1) for p in phases if (m := re.fullmatch(r"PHASE_?([1-4])", enum(p) or ""))]
    return "/".join(numbers) if numbers and len(numbers) == len(phases) else None


def _kind(declared: str | None, name: str) -> InterventionKind:
    """The kind the record declares.  The registry has no type for a placebo (filed under
    Drug, Dietary Supplement, Other ...) or for usual care and observation (filed under Other):
    a placebo is a placebo whatever its type, an Other named as usual care is usual care.  A
    record that declares no type, or one this table lacks, is read by the name rules."""
    by_name = intervention_kind(name)
    if by_name == "placebo" or (by_name == "usual_care" and declared in ("OTHER", None)):
        return by_name
    return INTERVENTION_TYPES.get(declared or "", by_name)


def _arms(protocol: Study, observational: bool, warnings: list[str]) -> list[Arm]:
    """Arm groups with their linked interventions; an arm typed No Intervention, or an
    observational cohort linked to none, is marked as receiving none (not left blank).  An
    arm label given twice is read once (the registry would not accept it; a warning says so)."""
    module = protocol.get("armsInterventionsModule") or {}
    groups: dict[str, Study] = {}
    for g in module.get("armGroups") or []:
        label = words(g.get("label"))
        if label and label in groups:
            warnings.append(f"arm group label {label!r} is given twice; read once")
        elif label:
            groups[label] = g
    interventions = [iv for iv in module.get("interventions") or [] if words(iv.get("name"))]
    by_fold = {label.casefold(): label for label in groups}
    names = {words(iv["name"]).casefold(): iv for iv in interventions}
    linked: dict[str, list[Study]] = {label: [] for label in groups}
    for iv in interventions:
        for label in iv.get("armGroupLabels") or []:
            target = by_fold.get((words(label) or "").casefold())
            if target is not None and iv not in linked[target]:
                linked[target].append(iv)
    for (
        label,
        g,
    ) in groups.items():  # the arm's own list, "Drug: Placebo", when the intervention lacks the link
        for entry in g.get("interventionNames") or []:
            iv = names.get((words(entry) or "").split(": ", 1)[-1].casefold())
            if iv is not None and iv not in linked[label]:
                linked[label].append(iv)
    return [_arm(label, g, linked[label], observational) for label, g in groups.items()]


def _arm(label: str, g: Study, interventions: list[Study], observational: bool) -> Arm:
    given: dict[str, Intervention] = {}
    for iv in interventions:
        name = words(iv["name"]).lower()
        given.setdefault(
            name,
            Intervention(
                drug=Drug(name=name),
                kind=_kind(enum(iv.get("type")), name),
                other_names=[n for n in (words(x) for x in iv.get("otherNames") or []) if n],
            ),
        )
    kind = enum(g.get("type"))
    return Arm(
        label=label,
        interventions=list(given.values()),
        role=ROLES.get(kind or ""),
        no_intervention=not given and (kind == "NO_INTERVENTION" or observational),
        description=words(g.get("description")),
    )


def publications(protocol: Study) -> list[Publication]:
    """References the registry marks as reporting results (RESULT) or derived from the trial."""
    pubs: dict[str, Publication] = {}
    for ref in get(protocol, "referencesModule", "references") or []:
        pmid = (words(ref.get("pmid")) or "").strip()
        if enum(ref.get("type")) in ("RESULT", "DERIVED") and re.fullmatch(r"[0-9]{1,9}", pmid):
            pubs.setdefault(pmid, Publication(pmid=pmid, citation_text=words(ref.get("citation"))))
    return list(pubs.values())
