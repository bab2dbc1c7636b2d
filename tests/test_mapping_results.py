"""The mapping of participant flow (kg.mapping_results.participant_count): one node per count,
under its source's scope, named by stage and by the arm's own path, linked to its arm; and of a
result's value as a results sentence prints it (its spread, with its kind)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import flow_documents, quoted
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.mapping import document_graph
from kg.model import Arm, ParticipantCount, SourceDocument, Trial
from kg.namespaces import CTKG
from kg.sources import read_document
from kg.validate import validate_graph

BASE = "https://example.org/kg/"


def mapped(key: str) -> Graph:
    (doc,) = [d for d in flow_documents() if d.key == key]
    return document_graph(doc, BASE)[1]


def counts(g: Graph) -> dict[URIRef, tuple]:
    """Each participant count node: (stage, count, arm label or None, percent or None)."""
    return {
        c: (
            str(g.value(c, CTKG.flowStage)),
            g.value(c, CTKG["count"]).toPython(),
            str(g.value(g.value(c, CTKG.arm), RDFS.label)) if g.value(c, CTKG.arm) else None,
            g.value(c, CTKG.percent).toPython() if g.value(c, CTKG.percent) is not None else None,
        )
        for c in g.subjects(RDF.type, CTKG.ParticipantCount)
    }


def test_counts_of_the_whole_trial_name_no_arm():
    # PMID23816960: "A total of 1,269 patients were screened, and 345 were randomly assigned to treatment."
    g = mapped("23816960")
    scope = BASE + "trial/acronym/lux-lung-3/pubmed-page-23816960/flow/"
    screened, randomized = URIRef(scope + "screened/all"), URIRef(scope + "randomized/all")
    assert counts(g) == {
        screened: ("screened", 1269, None, None),
        randomized: ("randomized", 345, None, None),
    }
    trial = URIRef(BASE + "trial/acronym/lux-lung-3")
    assert set(g.objects(trial, CTKG.hasParticipantCount)) == {screened, randomized}
    assert (screened, CTKG["count"], Literal(1269)) in g  # an xsd:integer
    assert str(g.value(screened, RDFS.label)) == "participants screened"
    evidence = g.value(screened, CTKG.evidence)
    assert evidence == URIRef(f"{screened}/evidence")
    assert str(g.value(evidence, CTKG.quote)) == "1,269 patients were screened"
    results = URIRef(BASE + "pub/pmid/23816960/abstract/3")
    assert g.value(evidence, CTKG.inSection) == results
    assert str(g.value(results, CTKG.sectionLabel)) == "RESULTS"


def test_counts_of_an_arm_point_to_it_and_are_named_by_its_path():
    # PMID21335122: "Of 1111 patients randomized, 1023 (mediastinal lymph node sampling in 498,
    # mediastinal lymph node dissection in 525) were eligible and evaluable."
    g = mapped("21335122")
    sampling, dissection = "mediastinal lymph node sampling", "mediastinal lymph node dissection"
    assert sorted(counts(g).values(), key=str) == sorted(
        [
            ("randomized", 1111, None, None),
            ("eligible", 1023, None, None),
            ("evaluable", 1023, None, None),
            ("eligible", 498, sampling, None),
            ("evaluable", 498, sampling, None),
            ("eligible", 525, dissection, None),
            ("evaluable", 525, dissection, None),
        ],
        key=str,
    )
    scope = BASE + "trial/acronym/z0030/pubmed-page-21335122/"
    node = URIRef(scope + "flow/evaluable/arm/mediastinal-lymph-node-dissection")
    assert g.value(node, CTKG.arm) == URIRef(scope + "arm/mediastinal-lymph-node-dissection")
    assert (g.value(node, CTKG.arm), RDF.type, CTKG.Arm) in g
    assert str(g.value(node, RDFS.label)) == f"participants evaluable, {dissection}"


def test_a_percent_printed_with_a_count_is_kept_as_a_decimal():
    # PMID26973324 (ASCEND-1): "147 (60%) patients had discontinued treatment"
    g = mapped("26973324")
    node = URIRef(BASE + "trial/nct01283516/pubmed-page-26973324/flow/discontinued/all")
    assert counts(g)[node] == ("discontinued", 147, None, Decimal(60))
    assert str(g.value(node, CTKG.percent).datatype) == "http://www.w3.org/2001/XMLSchema#decimal"


def test_a_count_of_a_pooled_group_points_to_the_group():
    # PMID25601342 (RTOG 0617, two-by-two factorial): "the use of cetuximab was associated with a
    # higher rate of grade 3 or worse toxic effects (205 [86%] of 237 vs 160 [70%] of 228 patients"
    sentence = (
        "By contrast, the use of cetuximab was associated with a higher rate of grade 3 or worse toxic"
        " effects (205 [86%] of 237 vs 160 [70%] of 228 patients; p<0.0001)."
    )
    arms = [
        "standard-dose chemoradiotherapy",
        "high-dose chemoradiotherapy",
        "standard-dose chemoradiotherapy and cetuximab",
        "high-dose chemoradiotherapy and cetuximab",
    ]
    trial = Trial(
        acronym="RTOG 0617",
        arms=[Arm(label=a) for a in arms],
        groups=[
            Arm(label="cetuximab", pooled_from=arms[2:]),
            Arm(label="no cetuximab", pooled_from=arms[:2]),
        ],
        participant_flow=[
            ParticipantCount(
                stage="analysed", count=237, arm="cetuximab", evidence=quoted("FINDINGS", sentence, "of 237")
            ),
            ParticipantCount(
                stage="analysed",
                count=228,
                arm="no cetuximab",
                evidence=quoted("FINDINGS", sentence, "of 228"),
            ),
        ],
    )
    doc = SourceDocument(
        path="PMID25601342.txt", kind="pubmed-page", key="25601342", sha256="0" * 64, trial=trial
    )
    g = document_graph(doc, BASE)[1]
    scope = BASE + "trial/acronym/rtog-0617/pubmed-page-25601342/"
    node = URIRef(scope + "flow/analysed/pooled/cetuximab")
    assert g.value(node, CTKG.arm) == URIRef(scope + "pooled/cetuximab")
    assert (g.value(node, CTKG.arm), RDF.type, CTKG.PooledArms) in g
    assert counts(g)[URIRef(scope + "flow/analysed/pooled/no-cetuximab")] == (
        "analysed",
        228,
        "no cetuximab",
        None,
    )


def _groups_flow(*flow: ParticipantCount) -> Graph:
    """NCT01357915's two groups, whose labels share a slug, with flow counts of its record."""
    trial = Trial(
        registry_ids=["NCT01357915"],
        arms=[Arm(label="GSK149203A S- Group"), Arm(label="GSK149203A S+ Group")],
        participant_flow=list(flow),
    )
    doc = SourceDocument(
        path="NCT01357915.xml", kind="ctgov-xml", key="NCT01357915", sha256="0" * 64, trial=trial
    )
    return document_graph(doc, BASE)[1]


def test_arms_whose_labels_share_a_slug_keep_their_counts_apart():
    # NCT01357915 participant flow: COMPLETED P1 (S- Group) 27, P2 (S+ Group) 17
    g = _groups_flow(
        ParticipantCount(stage="completed", count=27, arm="GSK149203A S- Group"),
        ParticipantCount(stage="completed", count=17, arm="GSK149203A S+ Group"),
    )
    found = counts(g)
    assert sorted(found.values()) == [
        ("completed", 17, "GSK149203A S+ Group", None),
        ("completed", 27, "GSK149203A S- Group", None),
    ]
    assert len(found) == 2
    for node in found:  # each named after its own arm's IRI
        arm = str(g.value(node, CTKG.arm))
        assert str(node).endswith("/flow/completed/" + arm.split("/nct01357915/ctgov-xml-nct01357915/")[1])


def test_one_stage_counted_twice_gets_a_second_node_in_order():
    # NCT01357915: NOT COMPLETED P1 3, and the withdrawal reason 'Lost to Follow-up' P1 3: two
    # counts of one stage of one group (as a record with several periods gives)
    flow = (
        ParticipantCount(stage="lost to follow-up", count=3, arm="GSK149203A S- Group"),
        ParticipantCount(stage="lost to follow-up", count=0, arm="GSK149203A S- Group"),
    )
    g = _groups_flow(*flow)
    node = (
        BASE + "trial/nct01357915/ctgov-xml-nct01357915/flow/lost-to-follow-up/arm/gsk149203a-s-minus-group"
    )
    assert {n: c[1] for n, c in counts(g).items()} == {URIRef(node): 3, URIRef(node + "-2"): 0}
    assert set(g) == set(_groups_flow(*flow))  # the same records, the same graph


def test_the_mapped_flow_breaks_no_shape_rule():
    for doc in flow_documents():
        g = document_graph(doc, BASE)[1]
        nodes = {str(c) for c in counts(g)} | {str(c) + "/evidence" for c in counts(g)}
        report = validate_graph(g)
        assert len(nodes) == 2 * len(doc.trial.participant_flow)
        assert report.violations == [], doc.key
        assert not [f for f in report.findings if f.focus in nodes or "ParticipantCount" in f.shape], doc.key


def test_the_spread_a_results_sentence_prints_is_written_with_its_kind():
    # PMID11948046 (tests/fixtures/pool): 'Median +/- SD survival time following surgery was 46.2 +/- 3.15
    # months; ...'; PMID11870177: 'In the 116 arm B patients, the median number of cycles delivered was
    # four (range, zero to 19 cycles).'
    pool = Path(__file__).parent / "fixtures" / "pool"
    found = set()
    for page in ("PMID11948046.txt", "PMID11870177.txt"):
        g = document_graph(read_document(pool / page), BASE)[1]
        assert validate_graph(g).violations == [], page
        for r in g.subjects(CTKG.dispersion, None):
            values = (CTKG.estimate, CTKG.spread, CTKG.spreadLower, CTKG.spreadUpper)
            found.add((str(g.value(r, CTKG.dispersion)), *(_number(g.value(r, p)) for p in values)))
    assert found == {
        ("STANDARD_DEVIATION", Decimal("46.2"), Decimal("3.15"), None, None),
        ("STANDARD_DEVIATION", Decimal("14.2"), Decimal("2.37"), None, None),
        ("STANDARD_DEVIATION", Decimal("19.9"), Decimal("5.6"), None, None),
        ("FULL_RANGE", Decimal("4"), None, Decimal("0"), Decimal("19")),
    }


def _number(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))
