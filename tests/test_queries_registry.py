"""The bundled queries over registry records: the columns added at the end for what a record
says besides (time frames, periods, milestones, withdrawal reasons, events, record paths), and
the baseline-characteristics listing.  Figures are those the records print."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph
import pytest

from kg.build import build
from kg.queries import load_query, run
from tests.conftest import FIXTURES

RECORDS = ["NCT00023673.xml", "NCT01357915.xml", "NCT03191552.xml", "NCT02438137.xml", "NCT02210780.json"]


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    build([FIXTURES / "ctgov" / name for name in RECORDS], store, progress=lambda _m: None)
    return store


def rows(store, name: str, trial: str) -> list[dict]:
    return [r for r in run(store, load_query(name)).rows if r["trial"] == trial]


def test_baseline_characteristics_per_group(store):
    # NCT00023673: <title>Age</title> <param>Median</param> <dispersion>Full Range</dispersion>
    # <measurement group_id="B1" value="65.5" lower_limit="48" upper_limit="77"/>, B4 'Total'
    age = {
        r["arm_label"]: r
        for r in rows(store, "baseline-characteristics", "NCT00023673")
        if r["characteristic"] == "Age"
    }
    first = age["Phase I: 75.25 Gy/36 fx + chemotherapy"]  # the arm (the group's title, in another case)
    assert (first["statistic"], first["estimate"], first["spread_lower"], first["spread_upper"]) == (
        "median",
        Decimal("65.5"),
        Decimal("48"),
        Decimal("77"),
    )
    assert (first["dispersion"], first["unit"]) == ("FULL_RANGE", "years")
    assert first["record_path"].startswith("clinical_study/clinical_results/baseline/measure_list/measure[")
    assert age["Total"]["estimate"] == Decimal("67")  # B4 'Total': a results group of its own


def test_participant_flow_of_a_registry_record_by_period_milestone_and_reason(store):
    # NCT01357915: STARTED P1 30, P2 17; COMPLETED 27, 17; NOT COMPLETED 3, 0; 'Lost to
    # Follow-up' 3, 0; groups 'GSK149203A S- Group' and 'GSK149203A S+ Group', two arms
    got = [
        (r["period"], r["stage"], r["withdrawal_reason"], r["arm_label"], r["count"])
        for r in rows(store, "participant-flow", "NCT01357915")
    ]
    s_minus, s_plus = "GSK149203A S- Group", "GSK149203A S+ Group"
    assert got == [
        ("Overall Study", "started", None, s_minus, 30),
        ("Overall Study", "started", None, s_plus, 17),
        ("Overall Study", "completed", None, s_minus, 27),
        ("Overall Study", "completed", None, s_plus, 17),
        ("Overall Study", "not completed", None, s_minus, 3),
        ("Overall Study", "not completed", None, s_plus, 0),
        ("Overall Study", "withdrawn", "Lost to Follow-up", s_minus, 3),
        ("Overall Study", "withdrawn", "Lost to Follow-up", s_plus, 0),
    ]


def test_one_title_four_time_frames_are_four_endpoints(store):
    # NCT03191552 registers 'Sitting Assessment Scale' four times: Immediate after orthosis is
    # worn, 2 weeks, 1 month, 3 months
    sas = [r for r in rows(store, "endpoints", "NCT03191552") if r["endpoint"] == "Sitting Assessment Scale"]
    assert sorted(r["time_frame"] for r in sas) == [
        "1 month",
        "2 weeks",
        "3 months",
        "Immediate after orthosis is worn",
    ]
    assert len({r["endpoint_iri"] for r in sas}) == 4
    assert all(r["n_results"] > 0 for r in sas)
    results = [
        r
        for r in rows(store, "efficacy-results", "NCT03191552")
        if r["endpoint"] == "Sitting Assessment Scale"
    ]
    assert {r["time_frame"] for r in results} == {r["time_frame"] for r in sas}


def test_an_analysis_is_listed_with_its_parameter_and_the_direction_its_record_states(store):
    # NCT02210780: "LS Mean Difference" -17.8 (90% CI -22.5 to -13.1) of the BSA change; both
    # arms are typed Experimental, and the estimate's comment says "Dupilumab 300 mg qw vs.
    # Placebo qw"
    (row,) = [
        r
        for r in rows(store, "efficacy-results", "NCT02210780")
        if r["parameter_type"] == "LS Mean Difference" and r["estimate"] == Decimal("-17.8")
    ]
    assert (row["statistic"], row["ci_lower"], row["ci_upper"], row["p_value"], row["p_value_qualifier"]) == (
        "least_squares_mean_difference",
        Decimal("-22.5"),
        Decimal("-13.1"),
        Decimal("0.0001"),
        "<",
    )
    assert (row["arm_label"], row["comparator_label"], row["ci_level"]) == (
        "Dupilumab 300 mg qw",
        "Placebo qw",
        Decimal("90"),
    )
    assert row["record_path"] == "resultsSection.outcomeMeasuresModule.outcomeMeasures[7].analyses[0]"


def test_adverse_event_totals_of_a_record_with_deaths(store):
    # NCT02438137: "Total, all-cause mortality" E1 0 of 44; "Total, serious adverse events" E1 1 of 44
    totals = {
        (r["category"], r["count"], r["n_analysed"])
        for r in rows(store, "adverse-events", "NCT02438137")
        if r["term"] is None and r["n_analysed"] == 44
    }
    assert {("death", 0, 44), ("serious", 1, 44)} <= totals
