"""Every fact of the CONTACT-01 page comes back exactly through the bundled queries.

Expected values come from the seed text: the hand-made gold facts for it (a copy of
shared/data/abstracts/gold/contact-01.json) and numbers read out of the page itself.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from kg.queries import load_query, run


def rows(store, name: str, **params) -> list[dict]:
    return run(store, load_query(name), params).rows


def arm_drugs(store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in rows(store, "arms"):
        out.setdefault(r["arm_label"], []).append(r["drug"])
    return out


def label_for(store, drugs: list[str]) -> str:
    matches = [label for label, ds in arm_drugs(store).items() if sorted(ds) == sorted(drugs)]
    assert len(matches) == 1, f"no single arm with drugs {drugs}: {arm_drugs(store)}"
    return matches[0]


def same(value, expected) -> bool:
    if isinstance(expected, bool) or expected is None:
        return value == expected
    if isinstance(expected, (int, float)):
        return value is not None and Decimal(str(value)) == Decimal(str(expected))
    return value == expected


def test_trial_summary_matches_gold(contact_store, gold):
    (row,) = rows(contact_store, "trial-summary")
    for key, expected in gold["trial"].items():
        assert same(row[key], expected), (key, row[key], expected)
    assert row["registry_ids"] == "NCT04471428"
    assert row["min_follow_up"] == Decimal("10.9")  # "Minimum OS follow-up was 10.9 months."
    assert row["condition"] == "non-small cell lung cancer"


def test_trial_summary_columns_are_the_public_interface(contact_store):
    cols = run(contact_store, load_query("trial-summary")).columns
    assert cols[:18] == [
        "trial",
        "nct_id",
        "acronym",
        "title",
        "phase",
        "randomized",
        "allocation_ratio",
        "blinding",
        "multicenter",
        "condition",
        "n_randomized",
        "primary_endpoint",
        "primary_endpoint_met",
        "pmid",
        "doi",
        "registry_ids",
        "median_follow_up",
        "min_follow_up",
    ]


def test_arms_and_regimens_match_gold(contact_store, gold):
    table = rows(contact_store, "arms")
    assert len(table) == sum(len(a["regimen"]) for a in gold["arms"])
    for arm in gold["arms"]:
        label = label_for(contact_store, arm["drugs"])
        arm_rows = [r for r in table if r["arm_label"] == label]
        assert all(r["n_randomized"] == arm["n_randomized"] for r in arm_rows)
        assert all(r["n_safety"] == arm["n_safety"] for r in arm_rows)
        for reg in arm["regimen"]:
            (r,) = [r for r in arm_rows if r["drug"] == reg["drug"]]
            assert same(r["dose"], reg["dose"])
            assert (r["dose_unit"], r["route"], r["frequency"]) == (
                reg["unit"],
                reg["route"],
                reg["frequency"],
            )


def test_efficacy_results_match_gold_exactly(contact_store, gold):
    table = rows(contact_store, "efficacy-results")
    assert len(table) == len(gold["efficacy"])
    for item in gold["efficacy"]:
        arm = label_for(contact_store, item["arm"])
        comparator = label_for(contact_store, item["vs"]) if "vs" in item else None
        (r,) = [
            r
            for r in table
            if r["endpoint"] == item["endpoint"]
            and r["statistic"] == item["statistic"]
            and r["arm_label"] == arm
            and r["comparator_label"] == comparator
        ]
        for key in ("estimate", "ci_lower", "ci_upper", "p_value"):
            if key in item:
                assert same(r[key], item[key]), (item, key, r[key])
            elif key == "p_value":
                assert r["p_value"] is None
        assert r["ci_level"] == 95
        assert r["unit"] == item.get("unit")
        assert r["stratified"] == item.get("stratified")
        assert r["population"] is None and r["timepoint"] is None


def test_adverse_events_match_gold_exactly(contact_store, gold):
    table = rows(contact_store, "adverse-events")
    assert len(table) == len(gold["safety"])
    safety_n = {a["n_safety"]: label_for(contact_store, a["drugs"]) for a in gold["arms"]}
    for item in gold["safety"]:
        arm = label_for(contact_store, item["arm"])
        (r,) = [
            r
            for r in table
            if r["category"] == item["category"]
            and r["treatment_related"] is item["treatment_related"]
            and r["arm_label"] == arm
        ]
        assert r["count"] == item["count"] and same(r["percent"], item["percent"])
        assert safety_n[r["n_analysed"]] == arm
        assert r["term"] is None


def test_safety_population_is_implied_by_count_and_percent(contact_store):
    """71 (38.4%) implies 185 treated of the 186 randomised; 58 (34.7%) implies 167 of 180."""
    by_label = {r["arm_label"]: r for r in rows(contact_store, "arms")}
    assert by_label["atezolizumab + cabozantinib"]["n_randomized"] == 186
    assert by_label["atezolizumab + cabozantinib"]["n_safety"] == 185
    assert by_label["docetaxel"]["n_safety"] == 167


def _numbers(text: str) -> set[Decimal]:
    """Numbers printed as digits, not parts of names (NCT04471428, PD-L1, q3w, m2)."""
    found = set()
    for m in re.finditer(r"(?<![A-Za-z0-9-])(\d[\d,]*(?:\.\d+)?|\.\d+)", text):
        raw = m.group(1).replace(",", "")
        found.add(Decimal("0" + raw if raw.startswith(".") else raw))
    return found


def test_every_number_of_the_abstract_comes_back_through_the_queries(contact_store, seed_text):
    abstract = seed_text.split("\nAbstract\n", 1)[1].split("\nConflict of interest statement", 1)[0]
    cells: set[Decimal] = set()
    for name in ("trial-summary", "arms", "efficacy-results", "adverse-events"):
        for r in rows(contact_store, name):
            for v in r.values():
                if isinstance(v, bool) or v is None:
                    continue
                cells |= _numbers(str(v).replace("/", " ").replace(":", " ").replace("-", " "))
                if isinstance(v, (int, Decimal)):
                    cells.add(Decimal(v))
    missing = sorted(n for n in _numbers(abstract) if n not in cells)
    assert not missing, f"numbers of the abstract absent from the query results: {missing}"


def test_citations_list_every_similar_citing_and_referenced_article(contact_store, gold):
    table = rows(contact_store, "citations")
    mine = [r for r in table if r["publication_pmid"] == gold["trial"]["pmid"]]
    assert sorted(r["target_pmid"] for r in mine if r["relation"] == "similar") == sorted(
        gold["citations"]["similar"]
    )
    assert sorted(r["target_pmid"] for r in mine if r["relation"] == "cited_by") == sorted(
        gold["citations"]["cited_by"]
    )
    refs = [r for r in mine if r["relation"] == "cites"]
    assert len(refs) == gold["citations"]["references"]


@pytest.mark.parametrize(
    ("pmid", "doi", "year", "journal"),
    [  # as printed in the Similar articles / Cited by lists of the seed page
        ("37290461", "10.1016/S0140-6736(23)00922-4", 2023, "Lancet"),
        ("40602204", "10.1016/j.lungcan.2025.108633", 2025, "Lung Cancer"),
        ("40759444", "10.1136/jitc-2025-011892", 2025, "J Immunother Cancer"),
        ("39199653", "10.3390/cancers16162882", 2024, "Cancers (Basel)"),
    ],
)
def test_citation_targets_carry_their_ids(contact_store, pmid, doi, year, journal):
    (r,) = [
        r
        for r in rows(contact_store, "citations")
        if r["target_pmid"] == pmid and r["publication_pmid"] == "38552197"
    ]
    assert (r["target_doi"], r["target_year"], r["target_journal"]) == (doi, year, journal)


def test_references_without_pmid_keep_title_journal_year(contact_store):
    refs = {r["target_title"]: r for r in rows(contact_store, "citations") if r["relation"] == "cites"}
    r = refs["Pembrolizumab versus chemotherapy for PD-L1-positive non-small-cell lung cancer"]
    assert (r["target_journal"], r["target_year"], r["target_pmid"]) == ("N Engl J Med", 2016, None)


def test_update_in_links_the_two_versions_of_a_review(contact_store):
    """'Update in: Cochrane Database Syst Rev. 2021 ... doi: ...pub3' on PMID 33316104."""
    (r,) = [r for r in rows(contact_store, "citations") if r["relation"] == "updated_in"]
    assert (r["publication_pmid"], r["target_pmid"], r["target_doi"]) == (
        "33316104",
        "33930176",
        "10.1002/14651858.CD013257.pub3",
    )


def test_trials_by_drug_binds_its_parameter(contact_store):
    hits = rows(contact_store, "trials-by-drug", drug="Docetaxel")
    assert [(r["acronym"], r["arm_label"], r["dose"]) for r in hits] == [("CONTACT-01", "docetaxel", 75)]
    assert rows(contact_store, "trials-by-drug", drug="nivolumab") == []


def test_non_significant_primary_lists_the_os_hazard_ratio(contact_store):
    (r,) = rows(contact_store, "non-significant-primary")
    assert (r["endpoint"], r["estimate"], r["ci_lower"], r["ci_upper"]) == (
        "overall survival",
        Decimal("0.88"),
        Decimal("0.68"),
        Decimal("1.16"),
    )
    assert r["primary_endpoint_met"] is False


def test_every_figure_carries_the_words_it_was_read_from(contact_store, seed_text):
    for name in ("efficacy-results", "adverse-events"):
        for r in rows(contact_store, name):
            assert r["evidence_sentence"] in seed_text
            assert r["evidence"] in r["evidence_sentence"]
            printed = r["estimate"] if name == "efficacy-results" else r["percent"]
            assert str(printed).rstrip("0").rstrip(".") in r["evidence"].replace("·", ".")


def test_evidence_spans_point_at_the_quote(contact_store):
    facts = rows(contact_store, "evidence")
    assert {f["kind"] for f in facts} == {"result", "adverse_event", "arm_size"}
    assert len(facts) == 6 + 8 + 2  # every result, AE figure and arm size of the abstract
    for f in facts:
        assert f["sentence"][f["span_start"] : f["span_end"]] == f["quote"]
        assert f["section"] == "Results"
    quotes = {f["quote"] for f in facts}
    assert "stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]; P = .3668" in quotes
    assert "four [2.2%]" in quotes  # number words are quoted as printed
