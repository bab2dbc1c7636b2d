"""Parsers for ClinicalTrials.gov records: API v2 study JSON (one study, or a page of
``{"studies": [...]}``), the retired classic-API JSON (``FullStudiesResponse``, one or many
studies), and the legacy ``clinical_study`` XML.

Each format is first rewritten into one shape, the API v2 layout (``legacy_xml``,
``classic_json``); one set of readers then turns it into a ``SourceDocument``: the protocol
(``protocol``), and the results -- participant flow (``flow``), baseline (``baseline``),
outcome measures and analyses (``outcomes``), adverse events (``events``) -- each figure on
the arm it reports, or on a results group of its own (``groups``).

What a record publishes is kept as published: a value the model would refuse (a negative
spread) leaves out that one figure with a warning naming its field path; a surprising value
(a CI that does not contain its estimate) is kept, and SHACL warns about it.  Only a file
that is not a study record is refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kg.model import SourceDocument, Trial
from kg.sources.ctgov import baseline, classic_json, events, flow, legacy_xml, outcomes, protocol
from kg.sources.ctgov.groups import GroupBook
from kg.sources.ctgov.protocol import INTERVENTION_TYPES
from kg.sources.ctgov.values import Study
from kg.sources.errors import SourceError, first_error
from kg.sources.safe_load import load_json, parse_xml

__all__ = ["INTERVENTION_TYPES", "read_ctgov_json", "read_ctgov_xml"]


def read_ctgov_json(path: str | Path, raw: bytes | None = None) -> list[SourceDocument]:
    """One document per study of a JSON file: an API v2 study or page, or a classic-API response
    (``raw``: its bytes when they come from an archive member named ``path``)."""
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    data = load_json(str(path), raw)
    studies = classic_json.studies(data)
    if studies is None:
        studies = data.get("studies") if isinstance(data, dict) and "studies" in data else [data]
    if not isinstance(studies, list) or not studies:
        raise SourceError(str(path), "no study in the file")
    kind = "ctgov-json"
    return [_document(path, raw, study, kind, several=len(studies) > 1) for study in studies]


def read_ctgov_xml(path: str | Path, raw: bytes | None = None) -> list[SourceDocument]:
    """The one study of a legacy ``clinical_study`` XML record (``raw`` as for JSON)."""
    path = Path(path)
    raw = path.read_bytes() if raw is None else raw
    try:
        root = parse_xml(str(path), raw)
    except ET.ParseError as err:
        raise SourceError(str(path), f"not well-formed XML: {err}", err.position[0]) from None
    if root.tag != "clinical_study":
        raise SourceError(str(path), f"root element is <{root.tag}>, not <clinical_study>")
    return [_document(path, raw, legacy_xml.study(root), "ctgov-xml")]


def _document(path: Path, raw: bytes, study: Any, kind: str, several: bool = False) -> SourceDocument:
    if not isinstance(study, dict) or not isinstance(study.get("protocolSection"), dict):
        raise SourceError(str(path), "no protocolSection: not a ClinicalTrials.gov study record")
    section = study["protocolSection"]
    nct = (section.get("identificationModule") or {}).get("nctId")
    if not isinstance(nct, str) or not re.match(r"^NCT\d{8}$", nct):
        raise SourceError(
            str(path), f"missing or malformed NCT id {nct!r}: not a ClinicalTrials.gov study record"
        )
    warnings: list[str] = []
    try:
        trial = _trial(section, study.get("resultsSection") or {}, warnings)
        return SourceDocument(
            path=str(path),
            kind=kind,
            key=nct,
            source_url=f"https://clinicaltrials.gov/study/{nct}",
            # a file of several studies: each study's own bytes identify its version
            sha256=hashlib.sha256(json.dumps(study, sort_keys=True).encode() if several else raw).hexdigest(),
            trial_publications=protocol.publications(section),
            trial=trial,
            updated=protocol.updated(section),
            warnings=warnings,
        )
    except ValidationError as err:
        raise SourceError(str(path), f"impossible values in {nct}: {first_error(err)}") from None


def _trial(section: Study, results: Study, warnings: list[str]) -> Trial:
    trial = protocol.trial(section, warnings)
    trial.endpoints = outcomes.endpoints(section, results)
    book = GroupBook(trial)
    for module, reader in (
        ("participantFlowModule", flow.read),
        ("baselineCharacteristicsModule", baseline.read),
        ("outcomeMeasuresModule", outcomes.read),
        ("adverseEventsModule", events.read),
    ):
        if isinstance(results.get(module), dict):
            reader(trial, results[module], book, warnings)
    return Trial.model_validate(trial.model_dump())  # re-run the checks on the whole trial
