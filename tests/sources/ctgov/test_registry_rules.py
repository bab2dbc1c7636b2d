"""What a registry record says, read as it says it: results groups joined to arms by what they
say of themselves (or kept as groups of their own), the three formats alike, enrollment with
its type, and a surprising published value kept and reported rather than the record lost."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

import kg.build
from kg.mapping import document_graph
from kg.namespaces import CTKG
from kg.sources import SourceError
from kg.sources.ctgov import read_ctgov_json, read_ctgov_xml

FIXTURES = Path(__file__).parents[2] / "fixtures"
BASE = "https://w3id.org/ctkg/id/"


def _arms_of(trial, endpoint_prefix: str) -> set[str]:
    return {r.arm for r in trial.arm_results if r.endpoint.startswith(endpoint_prefix)}


def test_results_groups_are_joined_to_arms_by_population_tag_and_description():
    # NCT02552212: arms 'Certolizumab Pegol 200 mg Q2W' and 'Placebo'; its outcome groups are
    # 'CZP 200 mg Q2W (FAS)' (the arm's description, copied, plus "Subjects formed the FAS.")
    # and 'Placebo (FAS)'; the adverse events add 'Placebo->OL CZP (SS)', a subset of the
    # placebo arm, which no rule joins
    (doc,) = read_ctgov_json(FIXTURES / "ctgov" / "NCT02552212.json")
    t = doc.trial
    arms = {a.label: a for a in t.arms}
    assert "CZP 200 mg Q2W (FAS)" in arms["Certolizumab Pegol 200 mg Q2W"].aliases
    assert "Placebo (FAS)" in arms["Placebo"].aliases
    assert {"Placebo->OL CZP (SS)", "CZP->OL CZP (SS)", "Total Title"} <= {g.label for g in t.results_groups}
    assert {"Certolizumab Pegol 200 mg Q2W", "Placebo"} <= _arms_of(t, "Percentage of Subjects With Axial")
    assert {"Certolizumab Pegol 200 mg Q2W", "Placebo"} <= {a.arm for a in t.adverse_events}


def test_a_single_arm_trials_only_group_is_its_arm():
    # NCT01207388 (BLAST): one arm 'Blinatumomab'; the adverse-event group 'Blinatumomab 15 µg/m2/d' ("Total, serious
    # adverse events": subjects_affected="73" subjects_at_risk="116")
    (doc,) = read_ctgov_xml(FIXTURES / "ctgov" / "NCT01207388.xml")
    assert [a.label for a in doc.trial.arms] == ["Blinatumomab"]
    serious = [a for a in doc.trial.adverse_events if a.category == "serious" and a.term is None]
    assert [(a.arm, a.count, a.n_analysed) for a in serious] == [("Blinatumomab", 73, 116)]


def test_plus_and_minus_groups_stay_apart_in_the_model_and_in_the_graph():
    # NCT01357915: 'GSK149203A S- Group' and 'GSK149203A S+ Group'; COMPLETED 27 and 17
    (doc,) = read_ctgov_xml(FIXTURES / "ctgov" / "NCT01357915.xml")
    completed = {c.arm: c.count for c in doc.trial.participant_flow if c.stage == "completed"}
    assert completed == {"GSK149203A S- Group": 27, "GSK149203A S+ Group": 17}
    g = document_graph(doc, BASE)[1]
    arm_iris = sorted(str(s) for s in g.subjects(CTKG.armOrder, None))
    assert [iri.rsplit("/", 1)[1] for iri in arm_iris] == [
        "gsk149203a-s-minus-group",
        "gsk149203a-s-plus-group",
    ]


def test_the_classic_api_json_and_the_legacy_xml_of_one_record_read_alike():
    # NCT00023673 as the retired classic API's FullStudiesResponse and as legacy XML
    (classic,) = read_ctgov_json(FIXTURES / "ctgov-more" / "NCT00023673.json")
    (xml,) = read_ctgov_xml(FIXTURES / "ctgov" / "NCT00023673.xml")

    def figures(t):
        return sorted(
            (
                r.endpoint,
                r.endpoint_time_frame or "",
                r.statistic,
                r.arm,
                str(r.estimate),
                str(r.spread_lower),
            )
            for r in t.arm_results
        )

    assert figures(classic.trial) == figures(xml.trial)
    assert len(classic.trial.comparisons) == len(xml.trial.comparisons) == 5
    assert (classic.updated, xml.updated) == ("2017-12-22", "2017-12-22")


def test_a_classic_api_page_is_one_document_per_study():
    docs = read_ctgov_json(FIXTURES / "ctgov-more" / "results_2.json")
    assert [d.key for d in docs] == ["NCT04779463", "NCT04779450", "NCT04779437"]
    assert len({d.sha256 for d in docs}) == 3


def test_enrollment_keeps_its_type_and_only_a_randomised_trials_actual_count_is_randomised():
    # NCT02958956: <study_type>Observational</study_type> <enrollment type="Actual">236507</enrollment>
    (cohort,) = read_ctgov_xml(FIXTURES / "ctgov" / "NCT02958956.xml")
    assert (cohort.trial.study_type, cohort.trial.enrollment, cohort.trial.enrollment_type) == (
        "OBSERVATIONAL",
        236507,
        "ACTUAL",
    )
    assert cohort.trial.n_randomized is None
    # NCT03424005: <enrollment type="Anticipated">310</enrollment>
    (planned,) = read_ctgov_xml(FIXTURES / "ctgov" / "NCT03424005.xml")
    assert (planned.trial.enrollment, planned.trial.enrollment_type, planned.trial.n_randomized) == (
        310,
        "ESTIMATED",
        None,
    )


def test_a_proportion_is_a_rate_only_when_its_unit_says_participants():
    # NCT02210780: unit "Percentage of participants" -> rate in percent; "Percentage of BSA"
    # (a least-squares mean change of -11.0) stays a number in its own unit
    (doc,) = read_ctgov_json(FIXTURES / "ctgov" / "NCT02210780.json")
    rates = {r.unit for r in doc.trial.arm_results if r.statistic == "rate"}
    assert rates == {"percent"}
    bsa = [r for r in doc.trial.arm_results if r.unit == "Percentage of BSA"]
    assert bsa and {r.statistic for r in bsa} == {"least_squares_mean"}
    assert Decimal("-11.0") in {r.estimate for r in bsa}


def _altered(tmp_path: Path, change) -> Path:
    study = json.loads((FIXTURES / "ctgov" / "NCT02210780.json").read_text())
    change(study["resultsSection"]["outcomeMeasuresModule"]["outcomeMeasures"][7])
    path = tmp_path / "NCT02210780.json"
    path.write_text(json.dumps(study))
    return path


def test_a_surprising_published_value_loads_with_a_warning_naming_its_field_path(tmp_path):
    def swap_bounds(measure):  # the analysis's CI published upside down
        a = measure["analyses"][0]
        a["ciLowerLimit"], a["ciUpperLimit"] = a["ciUpperLimit"], a["ciLowerLimit"]

    (result,) = kg.build.prepare_all(_altered(tmp_path, swap_bounds))
    assert result.report.violations == []
    (warning,) = [f for f in result.report.warnings if "publishedInconsistent" in f.shape]
    assert "resultsSection.outcomeMeasuresModule.outcomeMeasures[7].analyses[0]" in warning.message
    assert "-13.1 to -22.5" in warning.message


def test_a_value_the_model_refuses_leaves_out_that_figure_only(tmp_path):
    def negative_spread(measure):
        measure["classes"][0]["categories"][0]["measurements"][0]["spread"] = "-1.5"

    path = _altered(tmp_path, negative_spread)
    (doc,) = read_ctgov_json(path)
    where = "resultsSection.outcomeMeasuresModule.outcomeMeasures[7].classes[0].categories[0].measurements[0]"
    assert [w for w in doc.warnings if w.startswith(where)]
    (original,) = read_ctgov_json(FIXTURES / "ctgov" / "NCT02210780.json")
    assert len(doc.trial.arm_results) == len(original.trial.arm_results) - 1


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b'{"FullStudiesResponse": {"FullStudies": []}}', "no study in the file"),
        (b'{"studies": [{"hello": 1}]}', "not a ClinicalTrials.gov study record"),
        (b'{"protocolSection": {"identificationModule": {"nctId": "12"}}}', "malformed NCT id"),
    ],
)
def test_a_file_that_is_not_a_study_record_is_refused_with_the_reason(tmp_path, content, why):
    path = tmp_path / "not-a-study.json"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=why) as err:
        read_ctgov_json(path)
    assert str(path) in str(err.value)


def test_numbers_no_registry_means_are_left_unread():
    """Fuzzed records ('1e309', 5,000 digits, 'Infinity' as an enrollment) gave
    OverflowError or ValueError; they are values left out, never a crash."""
    from kg.sources.ctgov.values import decimal, integer

    assert [integer(v) for v in ("1e309", "9" * 5000, "Infinity", "NaN", "1,234", "352")] == [
        None,
        None,
        None,
        None,
        1234,
        352,
    ]
    assert decimal("Infinity") == (None, True)
