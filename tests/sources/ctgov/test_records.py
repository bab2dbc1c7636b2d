"""Tests of the ClinicalTrials.gov importers (kg/sources/ctgov/) on real registry records.

Counts are read again here, independently of the parser, straight from the JSON or with
ElementTree, so a figure the parser drops or invents shows up as a mismatch.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

import kg.build
from kg.model import SourceDocument
from kg.sources import SourceError
from kg.sources.ctgov import read_ctgov_json, read_ctgov_xml

FIXTURES = Path(__file__).parents[2] / "fixtures" / "ctgov"
MORE = Path(__file__).parents[2] / "fixtures" / "ctgov-more"
RECORDS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".json", ".xml"))


def _read(path: Path) -> list[SourceDocument]:
    return (read_ctgov_json if path.suffix == ".json" else read_ctgov_xml)(path)


def _json_study(path: Path) -> dict:
    data = json.loads(path.read_text())
    return data["studies"][0] if "studies" in data else data


def _expected(path: Path) -> dict[str, object]:
    """Arms, endpoints (title, time frame) and (category, term) AE pairs, read directly."""
    if path.suffix == ".json":
        s = _json_study(path)
        p, r = s["protocolSection"], s.get("resultsSection", {})
        outcomes = p.get("outcomesModule", {})
        registered = [
            o for k in ("primaryOutcomes", "secondaryOutcomes", "otherOutcomes") for o in outcomes.get(k, [])
        ]
        names = [(o["measure"], o.get("timeFrame")) for o in registered]
        measures = r.get("outcomeMeasuresModule", {}).get("outcomeMeasures", [])
        names += [(m["title"], m.get("timeFrame")) for m in measures]
        ae = r.get("adverseEventsModule", {})
        terms = {
            (cat, " ".join(e["term"].split()))
            for key, cat in (("seriousEvents", "serious"), ("otherEvents", "non-serious"))
            for e in ae.get(key, [])
            if any(st.get("numAffected") is not None for st in e.get("stats", []))
        }
        arms = len(p.get("armsInterventionsModule", {}).get("armGroups", []))
    else:
        root = ET.parse(path).getroot()
        registered = [o for tag in ("primary", "secondary", "other") for o in root.findall(f"{tag}_outcome")]
        outcomes = root.findall("clinical_results/outcome_list/outcome")
        names = [(o.findtext("measure"), o.findtext("time_frame")) for o in registered]
        names += [(o.findtext("title"), o.findtext("time_frame")) for o in outcomes]
        terms = {
            (cat, " ".join(ev.findtext("sub_title").split()))
            for tag, cat in (("serious_events", "serious"), ("other_events", "non-serious"))
            for c in root.findall(f"clinical_results/reported_events/{tag}/category_list/category")
            if c.findtext("title") != "Total"
            for ev in c.findall("event_list/event")
        }
        arms = len(root.findall("arm_group"))
    return {
        "arms": arms,
        "endpoints": {(" ".join(n.split()), " ".join(f.split()) if f else None) for n, f in names},
        "terms": terms,
    }


@pytest.fixture(scope="module", params=RECORDS, ids=lambda p: p.name)
def record(request) -> tuple[Path, SourceDocument]:
    docs = _read(request.param)
    assert len(docs) == 1
    return request.param, docs[0]


def test_every_real_record_imports(record):
    path, doc = record
    assert doc.kind == ("ctgov-json" if path.suffix == ".json" else "ctgov-xml")
    assert doc.key == path.stem
    assert doc.source_url == f"https://clinicaltrials.gov/study/{path.stem}"
    assert doc.publication is None
    assert doc.trial.registry_ids[0] == path.stem


def test_counts_match_the_record(record):
    path, doc = record
    want, t = _expected(path), doc.trial
    assert len(t.arms) == want["arms"]
    assert {e.key for e in t.endpoints} == want["endpoints"]
    assert {(a.category, a.term) for a in t.adverse_events if a.term} == want["terms"]


def test_every_figure_names_an_arm_or_a_results_group_of_the_trial(record):
    _, doc = record
    t = doc.trial
    labels = {a.label for a in t.arms} | {g.label for g in t.results_groups}
    assert len(labels) == len(t.arms) + len(t.results_groups)
    named = {r.arm for r in [*t.arm_results, *t.adverse_events, *t.baseline, *t.participant_flow]}
    named |= {x for c in t.comparisons for x in (c.arm, c.comparator, *c.groups) if x}
    assert named <= labels


def test_checkmate_017_figures_exactly():
    t = read_ctgov_xml(FIXTURES / "NCT01642004.xml")[0].trial
    assert t.phase == "3" and t.randomized is True and t.blinding == "open-label"
    assert t.registry_ids == ["NCT01642004", "2011-004792-36"]
    assert [(a.label, a.drug_names, a.n_randomized) for a in t.arms] == [
        ("Arm A: Nivolumab", ["nivolumab"], 135),
        ("Arm B: Docetaxel", ["docetaxel"], 137),
    ]
    assert t.n_randomized == 352
    os_primary = "Overall Survival (OS) Time in Months for All Randomized Participants at Primary Endpoint"
    assert next(e for e in t.endpoints if e.name == os_primary).role == "primary"
    hr = [c for c in t.comparisons if c.endpoint == os_primary]
    assert len(hr) == 1
    assert (hr[0].statistic, hr[0].arm, hr[0].comparator) == (
        "hazard_ratio",
        "Arm A: Nivolumab",
        "Arm B: Docetaxel",
    )
    assert (hr[0].estimate, hr[0].ci_lower, hr[0].ci_upper) == (
        Decimal("0.59"),
        Decimal("0.43"),
        Decimal("0.81"),
    )
    assert (hr[0].ci_level, hr[0].p_value) == (Decimal("96.85"), Decimal("0.0002"))
    medians = {r.arm: r for r in t.arm_results if r.endpoint == os_primary}
    assert (medians["Arm A: Nivolumab"].estimate, medians["Arm A: Nivolumab"].ci_upper) == (
        Decimal("9.23"),
        Decimal("13.27"),
    )
    assert (medians["Arm B: Docetaxel"].estimate, medians["Arm B: Docetaxel"].unit) == (
        Decimal("6.01"),
        "months",
    )
    serious = {
        (a.arm, a.count, a.n_analysed) for a in t.adverse_events if a.category == "serious" and a.term is None
    }
    assert serious == {("Arm A: Nivolumab", 61, 131), ("Arm B: Docetaxel", 70, 129)}
    fn = {
        a.arm: a.count
        for a in t.adverse_events
        if a.category == "serious" and a.term == "Febrile neutropenia"
    }
    assert fn == {"Arm A: Nivolumab": 0, "Arm B: Docetaxel": 13}


def test_json_record_figures_exactly():
    doc = read_ctgov_json(FIXTURES / "NCT02210780.json")[0]
    t = doc.trial
    assert (t.phase, t.randomized, t.blinding, t.n_randomized) == ("2", True, "triple-blind", 194)
    assert [(a.label, a.role, a.n_randomized) for a in t.arms] == [
        ("Placebo qw", "experimental", 97),
        ("Dupilumab 300 mg qw", "experimental", 97),
    ]
    first = [
        r
        for r in t.arm_results
        if r.endpoint.startswith("Percentage of Participants With a Positive Response (≥4-Fold")
    ]
    assert {(r.arm, r.statistic, r.estimate, r.unit) for r in first} == {
        ("Placebo qw", "rate", Decimal("83.7"), "percent"),
        ("Dupilumab 300 mg qw", "rate", Decimal("83.3"), "percent"),
    }


def test_registry_publications_and_ids():
    doc = read_ctgov_json(FIXTURES / "NCT02552212.json")[0]
    assert [p.pmid for p in doc.trial_publications] == ["35296532", "35733363", "34715908", "30848558"]
    assert doc.trial.registry_ids == ["NCT02552212", "2015-001894-41"]
    assert doc.trial.acronym == "C-AXSPAND"
    xml = read_ctgov_xml(FIXTURES / "NCT01065844.xml")[0]
    assert [p.pmid for p in xml.trial_publications] == ["24596143"]  # results_reference only


def test_no_intervention_arm_is_flagged():
    t = read_ctgov_json(FIXTURES / "NCT00973089.json")[0].trial
    arm = next(a for a in t.arms if a.label == "Complete caries removal")
    assert arm.no_intervention and not arm.interventions


@pytest.mark.parametrize(
    ("name", "content", "reader"),
    [
        ("broken.json", b'{"protocolSection": {', read_ctgov_json),
        ("empty.json", b"", read_ctgov_json),
        ("no-nct.json", b'{"protocolSection": {"identificationModule": {}}}', read_ctgov_json),
        ("other.json", b'{"hello": 1}', read_ctgov_json),
        ("broken.xml", b"<clinical_study><id_info>", read_ctgov_xml),
        ("other.xml", b"<PubmedArticleSet/>", read_ctgov_xml),
        ("binary.json", b"\xff\xfe\x00", read_ctgov_json),
    ],
)
def test_broken_files_raise_source_error_naming_the_file(tmp_path, name, content, reader):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as err:
        reader(path)
    assert err.value.path == str(path)
    assert name in str(err.value)


def test_truncated_real_record_raises(tmp_path):
    path = tmp_path / "NCT01642004.xml"
    path.write_bytes((FIXTURES / "NCT01642004.xml").read_bytes()[:5000])
    with pytest.raises(SourceError, match="NCT01642004.xml"):
        read_ctgov_xml(path)


@pytest.mark.parametrize("path", RECORDS + sorted(MORE.glob("*.[jx]*")), ids=lambda p: p.name)
def test_prepare_all_yields_no_shacl_violations(path):
    results = kg.build.prepare_all(path)
    assert results
    assert [f for r in results for f in r.report.violations] == []


def test_status_dates_sponsor_conditions_eligibility_are_read_as_the_record_states():
    from kg.sources import read_document

    path = FIXTURES / "NCT01642004.xml"
    root = ET.parse(path).getroot()
    trial = read_document(path).trial
    assert trial.status == re.sub(r"\W+", "_", root.findtext("overall_status")).upper()  # the API v2 enum
    assert trial.start_date == root.findtext("start_date")
    assert trial.completion_date == root.findtext("completion_date")
    assert trial.sponsor == root.findtext("sponsors/lead_sponsor/agency")
    assert trial.conditions == [e.text.strip() for e in root.findall("condition")]
    assert trial.eligibility.startswith(
        " ".join(root.findtext("eligibility/criteria/textblock").split())[:40]
    )
    methods = {c.method or "" for c in trial.comparisons}
    assert methods <= {" ".join((a.findtext("method") or "").split()) for a in root.iter("analysis")}
    organs = {e.organ_system for e in trial.adverse_events if e.term}
    assert organs and organs <= {
        " ".join(c.findtext("title").split()) for c in root.iter("category") if c.findtext("title")
    }


def test_baseline_counts_and_intervention_model_come_from_the_record():
    from kg.sources import read_document

    path = FIXTURES / "NCT01642004.xml"
    root = ET.parse(path).getroot()
    trial = read_document(path).trial
    model = root.findtext("study_design_info/intervention_model")  # 'Parallel Assignment'
    assert trial.intervention_model == model.split()[0].upper()
    titles = {
        g.get("group_id"): g.findtext("title")
        for g in root.findall("clinical_results/baseline/group_list/group")
    }
    counts = {
        titles[c.get("group_id")]: int(c.get("value"))
        for c in root.iter("count")
        if titles.get(c.get("group_id"))
    }
    for arm in trial.arms:
        (title,) = [t for t in counts if t.lower() in arm.label.lower()]
        assert arm.n_baseline == counts[title]


@pytest.mark.parametrize("name", ["NCT01174550.xml", "NCT01642004.xml", "NCT02317510.xml"])
def test_dispersion_other_than_a_ci_is_kept_as_printed(name):
    from kg.sources import read_document

    path = FIXTURES / name
    printed = {
        (
            Decimal(m.get("value")),
            Decimal(m.get("spread")) if m.get("spread") else None,
            Decimal(m.get("lower_limit")) if m.get("lower_limit") else None,
        )
        for m in ET.parse(path).getroot().iter("measurement")
        if re.fullmatch(r"-?[\d.]+", m.get("value") or "")
    }
    spread = [r for r in read_document(path).trial.arm_results if r.dispersion]
    assert spread
    for r in spread:
        assert (r.estimate, r.spread, r.spread_lower) in printed


# ClinicalTrials.gov's intervention types as each format writes them (API v2 enumeration, legacy
# XML display words), read here for the test; placebo and usual care have no type of their own.
DECLARED = {
    "DRUG": "drug",
    "Drug": "drug",
    "BIOLOGICAL": "biological",
    "Biological": "biological",
    "RADIATION": "radiation",
    "Radiation": "radiation",
    "PROCEDURE": "procedure",
    "Procedure": "procedure",
    "BEHAVIORAL": "behavioral",
    "Behavioral": "behavioral",
    "DEVICE": "device",
    "Device": "device",
    "DIETARY_SUPPLEMENT": "dietary_supplement",
    "Dietary Supplement": "dietary_supplement",
    "OTHER": "other",
    "Other": "other",
}


def _declared_types(path: Path) -> dict[str, str]:
    """Intervention name (lower case) -> the type the record declares, read directly."""
    if path.suffix == ".json":
        module = _json_study(path)["protocolSection"].get("armsInterventionsModule", {})
        return {iv["name"].lower(): iv["type"] for iv in module.get("interventions", [])}
    root = ET.parse(path).getroot()
    return {
        " ".join(iv.findtext("intervention_name").split()).lower(): iv.findtext("intervention_type")
        for iv in root.findall("intervention")
    }


def test_every_intervention_has_the_kind_its_record_declares(record):
    path, doc = record
    declared = _declared_types(path)
    for arm in doc.trial.arms:
        for i in arm.interventions:
            printed = i.drug.printed or i.drug.name  # the lexicon may have renamed it
            want = DECLARED[declared[printed]]
            if "placebo" in printed:  # the registry files placebos under Drug, Other ...
                want = "placebo"
            elif want == "other" and ("observation" in printed or "usual care" in printed):
                want = "usual_care"
            assert i.kind == want, (path.name, printed, declared[printed])


@pytest.mark.parametrize(
    ("file", "name", "kind"),
    [
        ("NCT06388018.json", "external beam radiation therapy", "radiation"),  # "type": "RADIATION"
        ("NCT06388018.json", "computed tomography", "procedure"),  # "type": "PROCEDURE"
        ("NCT06388018.json", "clinical observation", "usual_care"),  # "type": "OTHER"
        ("NCT06388018.json", "questionnaire administration", "other"),  # "type": "OTHER"
        ("NCT00023673.xml", "three-dimensional conformal radiation therapy", "radiation"),  # Radiation
        ("NCT01174550.xml", "exercise electrocardiogram", "procedure"),  # Procedure
        ("NCT03191552.xml", "conventional exercises", "other"),  # Other
        ("NCT03191552.xml", "spio", "device"),  # Device
        ("NCT01534533.xml", "placebo", "placebo"),  # Dietary Supplement: Placebo
        ("NCT01534533.xml", "lutein group", "dietary_supplement"),  # Dietary Supplement
        ("NCT02552212.json", "placebo", "placebo"),  # "type": "OTHER", "name": "Placebo"
        ("NCT01642004.xml", "nivolumab", "biological"),  # Biological: Nivolumab
        ("NCT01642004.xml", "docetaxel", "drug"),  # Drug: Docetaxel
    ],
)
def test_declared_types_of_both_formats(file, name, kind):
    (doc,) = _read(FIXTURES / file)
    kinds = {i.drug.name: i.kind for a in doc.trial.arms for i in a.interventions}
    assert kinds[name] == kind


def test_a_record_that_declares_no_type_is_read_by_the_name_rules(tmp_path):
    study = _json_study(FIXTURES / "NCT06388018.json")
    for iv in study["protocolSection"]["armsInterventionsModule"]["interventions"]:
        del iv["type"]
    path = tmp_path / "NCT06388018.json"
    path.write_text(json.dumps(study))
    (doc,) = read_ctgov_json(path)
    kinds = {i.drug.name: i.kind for a in doc.trial.arms for i in a.interventions}
    assert kinds["external beam radiation therapy"] == "radiation"
    assert kinds["computed tomography"] == kinds["positron emission tomography"] == "diagnostic"
    assert kinds["clinical observation"] == "usual_care"
