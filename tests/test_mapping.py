"""The RDF mapping: deterministic IRIs, no blank nodes, only ontology terms, provenance."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.compare import isomorphic

from kg.mapping import document_graph
from kg.model import Arm, Drug, Intervention, Trial
from kg.namespaces import CITO, CTKG, PROV
from kg.resources import bundled_path
from kg.sources import read_document

BASE = "https://example.org/kg/"
FIXTURES = Path(__file__).parent / "fixtures"


def mapped(seed_path, at=datetime(2026, 1, 1, tzinfo=timezone.utc), base=BASE):
    return document_graph(read_document(seed_path), base, at)


def test_same_input_same_graph(seed_path):
    at = datetime(2026, 1, 1, tzinfo=timezone.utc)
    (g1_iri, g1), (g2_iri, g2) = mapped(seed_path, at), mapped(seed_path, at)
    assert g1_iri == g2_iri and set(g1) == set(g2)


def test_no_blank_nodes_and_iris_under_the_base(seed_path):
    _, g = mapped(seed_path)
    nodes = {n for t in g for n in (t[0], t[2])}
    assert not any(isinstance(n, BNode) for n in nodes)
    subjects = {s for s in g.subjects() if isinstance(s, URIRef)}
    assert all(str(s).startswith(BASE) for s in subjects)


def test_base_iri_is_configurable(seed_path):
    iri, _ = mapped(seed_path, base="urn:x:")
    assert str(iri).startswith("urn:x:graph/")


def test_every_term_the_mapping_uses_is_declared_in_the_ontology(seed_path):
    ontology = Graph().parse(bundled_path("ontology", "ctkg.ttl"))
    _, g = mapped(seed_path)
    used = set(g.predicates()) | set(g.objects(None, RDF.type))
    ours = {t for t in used if str(t).startswith((str(CTKG), str(CITO), str(PROV)))}
    undeclared = sorted(t for t in ours if (t, RDF.type, None) not in ontology)
    assert not undeclared
    assert len(ours) > 40


def test_external_identifiers_are_iris(seed_path):
    _, g = mapped(seed_path)
    trial = URIRef(BASE + "trial/nct04471428")
    pub = URIRef(BASE + "pub/pmid/38552197")
    assert (trial, CTKG.registryRecord, URIRef("https://clinicaltrials.gov/study/NCT04471428")) in g
    assert (pub, CTKG.pubmedRecord, URIRef("https://pubmed.ncbi.nlm.nih.gov/38552197/")) in g
    assert (pub, CTKG.pmcRecord, URIRef("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC11227305/")) in g
    assert (pub, CTKG.doiRecord, URIRef("https://doi.org/10.1200/JCO.23.02166")) in g
    assert (pub, CTKG.reportsTrial, trial) in g


def test_drugs_have_ctkg_iris(seed_path):
    _, g = mapped(seed_path)
    drugs = set(g.subjects(RDF.type, CTKG.Drug))
    assert drugs == {URIRef(BASE + f"drug/{d}") for d in ("atezolizumab", "cabozantinib", "docetaxel")}


def test_each_drug_has_its_name_lower_cased_as_its_key(seed_path):
    """The key trials-by-drug looks a drug up by, ignoring case (ctkg:nameKey), stated in the
    document's own graph beside the drug's name."""
    _, g = mapped(seed_path)
    keys = {(str(d)[len(BASE) :], str(k)) for d, k in g.subject_objects(CTKG.nameKey)}
    assert keys == {(f"drug/{d}", d) for d in ("atezolizumab", "cabozantinib", "docetaxel")}
    assert all(str(k) == str(g.value(d, RDFS.label)).lower() for d, k in g.subject_objects(CTKG.nameKey))


def test_mentioned_trials_are_not_described_trials(seed_path):
    _, g = mapped(seed_path)
    mentioned = {str(t) for t in g.subjects(RDF.type, CTKG.MentionedTrial)}
    assert mentioned == {BASE + f"trial/acronym/{n}" for n in ("contact-03", "impower130", "wjog10317l")}
    assert set(g.subjects(RDF.type, CTKG.Trial)) == {URIRef(BASE + "trial/nct04471428")}


def test_provenance_of_the_named_graph(seed_path):
    iri, g = mapped(seed_path)
    assert (iri, RDF.type, CTKG.SourceGraph) in g
    assert (iri, PROV.wasDerivedFrom, URIRef("https://pubmed.ncbi.nlm.nih.gov/38552197/")) in g
    assert str(g.value(iri, PROV.generatedAtTime)) == "2026-01-01T00:00:00+00:00"
    activity = g.value(iri, PROV.wasGeneratedBy)
    agent = g.value(activity, PROV.wasAssociatedWith)
    assert g.value(agent, CTKG.softwareVersion) is not None
    assert len(str(g.value(iri, CTKG.sourceSha256))) == 64


def test_timestamps_are_the_only_difference_between_runs(seed_path):
    _, a = mapped(seed_path, datetime(2026, 1, 1, tzinfo=timezone.utc))
    _, b = mapped(seed_path, datetime(2027, 6, 1, tzinfo=timezone.utc))
    differing = {p for _s, p, _o in set(a) ^ set(b)}
    assert differing == {PROV.generatedAtTime, PROV.startedAtTime}
    assert not isomorphic(a, b)


def test_source_date_epoch_fixes_the_build_time(seed_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc = read_document(seed_path)
    (iri1, g1), (_, g2) = (
        document_graph(doc, "https://w3id.org/ctkg/id/"),
        document_graph(doc, "https://w3id.org/ctkg/id/"),
    )
    assert isomorphic(g1, g2)
    stamps = list(g1.objects(iri1, PROV.generatedAtTime))
    assert [s.toPython() for s in stamps] == [datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)]


def test_each_intervention_states_its_kind_and_names_a_drug_or_a_treatment():
    """NCT06388018 declares 'RADIATION: External Beam Radiation Therapy', 'PROCEDURE: Computed
    Tomography', 'OTHER: Clinical Observation'; NCT01534533 a 'Dietary Supplement: Placebo'."""
    ctgov = Path(__file__).parent / "fixtures" / "ctgov"
    _, g = document_graph(read_document(ctgov / "NCT06388018.json"), BASE)
    kinds = {
        str(g.value(t, RDFS.label)): (str(g.value(i, CTKG.interventionType)), p, t)
        for i in g.subjects(RDF.type, CTKG.Intervention)
        for p in (CTKG.drug, CTKG.treatment)
        for t in g.objects(i, p)
    }
    radiation = kinds["external beam radiation therapy"]
    assert radiation == (
        "radiation",
        CTKG.treatment,
        URIRef(BASE + "treatment/external-beam-radiation-therapy"),
    )
    assert (radiation[2], RDF.type, CTKG.Treatment) in g and (radiation[2], RDF.type, CTKG.Drug) not in g
    assert kinds["computed tomography"][:2] == ("procedure", CTKG.treatment)
    assert kinds["clinical observation"][:2] == ("usual_care", CTKG.treatment)
    assert not list(g.subjects(RDF.type, CTKG.Drug))  # nothing this record gives is a drug
    assert not list(g.subjects(CTKG.nameKey, None))  # a treatment is not looked up as a drug
    _, g = document_graph(read_document(ctgov / "NCT01534533.xml"), BASE)
    placebo = URIRef(BASE + "drug/placebo")
    assert (placebo, RDF.type, CTKG.Placebo) in g  # the lexicon's class: a placebo is named as a drug
    (i,) = g.subjects(CTKG.drug, placebo)
    assert str(g.value(i, CTKG.interventionType)) == "placebo"


def test_a_radiation_dose_is_written_with_its_fractions():
    # PMID27604504: "OSC including dexamethasone plus WBRT (20 Gy in five daily fractions)"
    from decimal import Decimal

    from kg.model import Arm, Drug, Intervention, SourceDocument, Trial

    arm = Arm(
        label="OSC plus WBRT",
        interventions=[
            Intervention(drug=Drug(name="optimal supportive care"), kind="usual_care"),
            Intervention(drug=Drug(name="dexamethasone")),
            Intervention(
                drug=Drug(name="whole brain radiotherapy"),
                kind="radiation",
                dose=Decimal(20),
                dose_unit="Gy",
                fractions=5,
            ),
        ],
    )
    doc = SourceDocument(
        path="x.txt", kind="pubmed-page", key="27604504", sha256="0" * 64, trial=Trial(arms=[arm])
    )
    _, g = document_graph(doc, BASE)
    (wbrt,) = g.subjects(CTKG.treatment, URIRef(BASE + "treatment/whole-brain-radiotherapy"))
    assert [g.value(wbrt, p).toPython() for p in (CTKG.doseValue, CTKG.doseUnit, CTKG.fractions)] == [
        Decimal(20),
        "Gy",
        5,
    ]
    assert {str(o) for o in g.objects(None, CTKG.interventionType)} == {"usual_care", "drug", "radiation"}
    assert (None, CTKG.drug, URIRef(BASE + "drug/dexamethasone")) in g


def test_labels_that_share_a_slug_name_nodes_of_their_own():
    # NCT01357915 has arm groups 'GSK149203A S- Group' and 'GSK149203A S+ Group'
    doc = read_document(FIXTURES / "ctgov" / "NCT01357915.xml")
    _, g = document_graph(doc, BASE)
    arms = {str(g.value(a, RDFS.label)): a for a in g.subjects(RDF.type, CTKG.Arm)}
    assert sorted(arms) == ["GSK149203A S+ Group", "GSK149203A S- Group"]
    assert len(set(arms.values())) == 2


def test_a_drug_given_twice_in_an_arm_is_two_interventions():
    """As PMID 21783417's abstract was read: erlotinib before and after chemotherapy."""
    arm = Arm(
        label="erlotinib + chemotherapy",
        interventions=[Intervention(drug=Drug(name=n)) for n in ("erlotinib", "chemotherapy", "erlotinib")],
    )
    doc = read_document(FIXTURES / "pool" / "PMID21783417.txt")
    doc.trial = Trial(registry_ids=["NCT00874419"], arms=[arm])
    _, g = document_graph(doc, BASE)
    given = sorted(
        (str(g.value(i, CTKG.drug)), int(g.value(i, CTKG.interventionOrder)))
        for i in g.subjects(RDF.type, CTKG.Intervention)
    )
    assert [(d.rsplit("/", 1)[1], n) for d, n in given] == [
        ("chemotherapy", 2),
        ("erlotinib", 1),
        ("erlotinib", 3),
    ]
    assert all(
        len(list(g.objects(i, CTKG.interventionOrder))) == 1 for i in g.subjects(RDF.type, CTKG.Intervention)
    )


def test_a_publications_title_is_its_own_not_its_trials():
    # 'Vinorelbine plus gemcitabine followed by docetaxel versus carboplatin plus paclitaxel ...:
    # a randomised, open-label, phase III study.' (PMID 19013107, NCT00079287)
    doc = read_document(FIXTURES / "pool" / "PMID19013107.txt")
    _, g = document_graph(doc, BASE)
    (trial,) = g.subjects(RDF.type, CTKG.Trial)
    pub = URIRef(BASE + "pub/pmid/19013107")
    assert g.value(pub, CTKG.title).startswith("Vinorelbine plus gemcitabine followed by docetaxel")
    assert g.value(trial, CTKG.title) is None
    assert str(g.value(trial, RDFS.label)) == "NCT00079287"
