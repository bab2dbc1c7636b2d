"""netmeta / gemtc / multinma CSVs read back with the csv module: the columns each package
documents, NA on the baseline row, and a three-arm trial's pairs consistent with each other;
the FHIR R5 Bundle validates with fhir.resources, one Evidence per contrast."""

from __future__ import annotations

import csv
import io
import json
import math
from statistics import NormalDist

import pytest

from kg.synthesis.contrasts import contrasts
from kg.synthesis.exports import COLUMNS, network_csv
from kg.synthesis.fhir import bundle_json
from kg.synthesis.network import select, studies

Z95 = NormalDist().inv_cdf(0.975)


def _se(lower: float, upper: float) -> float:
    return (math.log(upper) - math.log(lower)) / (2 * Z95)


@pytest.fixture(scope="module")
def three_arm(three_arm_store):
    return studies(select(contrasts(three_arm_store), "progression-free survival", "HR"))


def _read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_three_arm_trial_gives_every_pair_consistently_in_netmeta(three_arm):
    rows = _read(network_csv("netmeta", three_arm))
    assert list(rows[0]) == ["TE", "seTE", "treat1", "treat2", "studlab"]
    pairs = {(r["treat1"], r["treat2"]): (float(r["TE"]), float(r["seTE"])) for r in rows}
    gem, erl = pairs[("gemcitabine", "observation")], pairs[("erlotinib", "observation")]
    assert gem == (pytest.approx(math.log(0.56), abs=1e-9), pytest.approx(_se(0.44, 0.72), abs=1e-9))
    assert erl == (pytest.approx(math.log(0.69), abs=1e-9), pytest.approx(_se(0.54, 0.88), abs=1e-9))
    te, se = pairs[("gemcitabine", "erlotinib")]
    assert te == pytest.approx(gem[0] - erl[0], abs=1e-9)  # consistent: TE_GE = TE_GO - TE_EO
    assert se == pytest.approx(math.hypot(gem[1], erl[1]), abs=1e-9)  # baseline variance unknown: 0
    assert len({r["studlab"] for r in rows}) == 1 and len(rows) == 3


@pytest.mark.parametrize("fmt, diff, se", [("gemtc", "diff", "std.err"), ("multinma", "y", "se")])
def test_the_baseline_row_has_na(three_arm, fmt, diff, se):
    rows = _read(network_csv(fmt, three_arm))
    assert list(rows[0]) == COLUMNS[fmt]
    baseline = [r for r in rows if r[diff] == "NA"]
    assert [r[COLUMNS[fmt][1]] for r in baseline] == ["observation"]
    # three arms, no arm-level figure printed: the baseline SE is unknown, and said so
    assert baseline[0][se] == "NA"
    assert any("baseline arm's standard error is unknown" in w for w in three_arm[0].warnings)
    others = {r[COLUMNS[fmt][1]]: float(r[diff]) for r in rows if r[diff] != "NA"}
    assert others == {
        "gemcitabine": pytest.approx(math.log(0.56)),
        "erlotinib": pytest.approx(math.log(0.69)),
    }


def test_two_arm_trials_of_the_shared_fixtures(synthesis_store):
    network = studies(select(contrasts(synthesis_store), "overall survival", "HR"))
    rows = _read(network_csv("gemtc", network))
    per_study: dict[str, list[dict]] = {}
    for r in rows:
        per_study.setdefault(r["study"], []).append(r)
    assert len(per_study) >= 10
    for study, arms in per_study.items():
        assert sum(r["diff"] == "NA" for r in arms) == 1, study
        if len(arms) == 2:
            assert [r["std.err"] for r in arms if r["diff"] == "NA"] == ["NA"]
    # CONTACT-01: "stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]" vs docetaxel
    contact = {r["treatment"]: r for r in per_study["CONTACT-01"]}
    assert contact["docetaxel"]["diff"] == "NA"
    assert float(contact["atezolizumab+cabozantinib"]["diff"]) == pytest.approx(math.log(0.88), abs=1e-9)
    assert float(contact["atezolizumab+cabozantinib"]["std.err"]) == pytest.approx(_se(0.68, 1.16), abs=1e-9)


def test_fhir_bundle_validates_with_one_evidence_per_contrast(synthesis_store):
    from fhir.resources.bundle import Bundle
    from fhir.resources.evidence import Evidence

    items = contrasts(synthesis_store)
    data = json.loads(bundle_json(items))
    bundle = Bundle.model_validate(data)
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Evidence") == len({c.result_iri for c in items if c.estimate is not None})
    assert {"ResearchStudy", "Citation", "EvidenceVariable"} <= set(kinds)
    contact = next(
        Evidence.model_validate(e["resource"])
        for e in data["entry"]
        if e["resource"]["resourceType"] == "Evidence"
        and e["resource"]["title"].startswith("CONTACT-01: hazard ratio of overall survival")
    )
    stat = contact.statistic[0]
    assert stat.statisticType.coding[0].code == "C93150"
    assert float(stat.quantity.value) == 0.88
    ci = stat.attributeEstimate[0]
    assert ci.type.coding[0].code == "C53324" and float(ci.level) == 0.95
    assert (float(ci.range.low.value), float(ci.range.high.value)) == (0.68, 1.16)
    roles = [v.variableRole.coding[0].code for v in contact.variableDefinition]
    assert roles == ["measuredVariable", "exposure", "referenceExposure"]
