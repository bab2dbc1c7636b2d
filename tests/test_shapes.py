"""Tests for shapes/ctkg-shapes.ttl.

Every rule of the shapes file is exercised by at least one violating graph (enforced by
``test_every_shape_has_a_violating_case``).  Each violating graph is a small conforming graph
(``BASES``, each of which is itself checked to produce no result at all) with a few triples
dropped or added, and the test asserts the exact set of rules that fire, their severity, that
warnings alone do not break conformance with ``allow_warnings=True``, and the messages.

The data graphs are validated on their own: no ontology, no inference, SHACL-SPARQL on.
They use an instance base different from ctkg's default, because shapes must not depend on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SH

from kg.resources import bundled_path
from kg.shacl_sparql import ShapesError, compile_shapes
from kg.stores.embedded import rebuild_union
from kg.validate import Report, validate_graph, validate_named_graphs, validate_store

CTKG = Namespace("https://w3id.org/ctkg/ontology#")
CTKGSH = Namespace("https://w3id.org/ctkg/shapes#")
FIXTURES = Path(__file__).parent / "fixtures" / "shapes"

PREFIXES = """
@prefix : <http://example.org/ctkg-test/> .
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix cito: <http://purl.org/spar/cito/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""

# Every class the ontology declares for data the mapping writes; each must have a node shape
# ctkgsh:<Class>Shape.  Drug mechanism classes are checked by the Drug shape (the mapping types a
# drug ctkg:Drug as well), and defined classes are only ever inferred (ctkg reason).
_ONTOLOGY = Graph().parse(bundled_path("ontology", "ctkg.ttl"))
_DRUG = URIRef("https://w3id.org/ctkg/ontology#Drug")
SPEC_CLASSES = sorted(
    str(c).rsplit("#", 1)[1]
    for c in _ONTOLOGY.subjects(RDF.type, OWL.Class)
    if str(c).startswith("https://w3id.org/ctkg/ontology#")
    and _DRUG not in set(_ONTOLOGY.transitive_objects(c, RDFS.subClassOf)) - {c}
    and (c, OWL.equivalentClass, None) not in _ONTOLOGY
)

# The plausibility and completeness rules.  Everything else must be reported as sh:Violation.
WARNING_SHAPES = {
    "Trial-randomizedHasTwoArms",
    "Arm-interventionOrNone",
    "Trial-randomizedHasPrimaryEndpoint",
    "AdverseEventSummary-percentMatchesCount",
    "Arm-nSafetyNotAboveRandomized",
    "Trial-nRandomizedMatchesArms",
    "Intervention-radiationDoseInGy",
    "Result-publishedInconsistent",
    "Result-publishedPercentRange",
    "AdverseEventSummary-publishedCountAboveAtRisk",
    "BaselineMeasurement-publishedInconsistent",
}


# ------------------------------------------------------------------------------------------
# Running the validator
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> Graph:
    path = bundled_path("shapes", "ctkg-shapes.ttl")
    assert path.is_file(), path
    return Graph().parse(path, format="turtle")


@dataclass(frozen=True)
class Finding:
    shape: str  # local name of sh:sourceShape in the ctkgsh: namespace
    severity: URIRef
    constraint: URIRef | None
    focus: object
    messages: tuple[str, ...]


def validate(data: Graph, shapes: Graph, *, allow_warnings: bool = False):
    shapes_copy = Graph()
    shapes_copy += shapes  # pyshacl adds a few axioms to the shapes graph it is given
    conforms, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes_copy,
        inference="none",
        advanced=True,
        allow_warnings=allow_warnings,
        abort_on_first=False,
    )
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        source = report.value(result, SH.sourceShape)
        assert isinstance(source, URIRef) and str(source).startswith(str(CTKGSH)), source
        findings.append(
            Finding(
                shape=str(source)[len(str(CTKGSH)) :],
                severity=report.value(result, SH.resultSeverity),
                constraint=report.value(result, SH.sourceConstraint),
                focus=report.value(result, SH.focusNode),
                messages=tuple(str(m) for m in report.objects(result, SH.resultMessage)),
            )
        )
    return conforms, findings


def parse(ttl: str) -> Graph:
    return Graph().parse(data=PREFIXES + ttl, format="turtle")


# ------------------------------------------------------------------------------------------
# Small conforming graphs (one per area; together they instantiate every ctkg class)
# ------------------------------------------------------------------------------------------

TRIAL = """
:trial a ctkg:Trial ; rdfs:label "TEST-01" ; ctkg:randomized true ; ctkg:nRandomized 10 ;
    ctkg:hasArm :armA , :armB ; ctkg:primaryEndpoint :os ; ctkg:hasEndpoint :os .
:armA a ctkg:Arm ; rdfs:label "A" ; ctkg:nRandomized 5 ; ctkg:nSafety 5 ;
    ctkg:armRole "experimental" ; ctkg:hasIntervention :ivA .
:armB a ctkg:Arm ; rdfs:label "B" ; ctkg:nRandomized 5 ; ctkg:nSafety 4 ;
    ctkg:armRole "comparator" ; ctkg:hasIntervention :ivB .
:ivA a ctkg:Intervention ; rdfs:label "drug a 10 mg" ; ctkg:drug :drugA ;
    ctkg:interventionType "drug" ; ctkg:doseValue 10.0 ; ctkg:doseUnit "mg" .
:ivB a ctkg:Intervention ; rdfs:label "docetaxel 75 mg/m2" ; ctkg:drug :docetaxel ;
    ctkg:interventionType "drug" ; ctkg:doseValue 75.0 ; ctkg:doseUnit "mg/m2" .
:drugA a ctkg:Drug ; rdfs:label "drug a" ; ctkg:nameKey "drug a" .
:docetaxel a ctkg:Drug ; rdfs:label "docetaxel" ; ctkg:nameKey "docetaxel" .
:os a ctkg:Endpoint ; rdfs:label "overall survival" ; ctkg:abbreviation "OS" .
"""

# PMID27604504 (QUARTZ): "optimal supportive care (OSC) including dexamethasone plus WBRT (20 Gy
# in five daily fractions) or OSC alone (including dexamethasone)": a radiation intervention and
# usual care, each naming a ctkg:Treatment, beside arm A's drug.
KINDS = (
    TRIAL
    + """
:armA ctkg:hasIntervention :ivOsc , :ivWbrt .
:ivOsc a ctkg:Intervention ; rdfs:label "optimal supportive care in A" ;
    ctkg:interventionType "usual_care" ; ctkg:treatment :osc .
:ivWbrt a ctkg:Intervention ; rdfs:label "whole brain radiotherapy in A" ;
    ctkg:interventionType "radiation" ; ctkg:treatment :wbrt ;
    ctkg:doseValue 20.0 ; ctkg:doseUnit "Gy" ; ctkg:fractions 5 .
:osc a ctkg:Treatment ; rdfs:label "optimal supportive care" .
:wbrt a ctkg:Treatment ; rdfs:label "whole brain radiotherapy" .
"""
)

# PMID16820547: "Varenicline titrated to 1 mg twice daily (n = 344) or bupropion SR ... or placebo (n = 341)
# for 12 weeks, plus weekly brief smoking cessation counseling": counselling every arm received, the trial's
# background care, not an arm's intervention.
BACKGROUND = (
    TRIAL
    + """
:trial ctkg:backgroundIntervention :ivCounseling .
:ivCounseling a ctkg:Intervention ; rdfs:label "brief smoking cessation counseling in every arm" ;
    ctkg:interventionType "behavioral" ; ctkg:treatment :counseling ; ctkg:frequency "every week" .
:counseling a ctkg:Treatment ; rdfs:label "brief smoking cessation counseling" .
"""
)

POPULATION = """
:pop a ctkg:Population ; rdfs:label "metastatic NSCLC" ; ctkg:condition :nsclc ;
    ctkg:diseaseStage "metastatic" .
:nsclc a ctkg:Condition ; rdfs:label "non-small cell lung cancer" ; ctkg:abbreviation "NSCLC" .
"""

MENTIONED = """
:contact03 a ctkg:MentionedTrial ; rdfs:label "CONTACT-03" ; ctkg:acronym "CONTACT-03" .
"""

RESULTS = (
    TRIAL
    + """
:median a ctkg:ArmResult ; rdfs:label "median OS, A" ; ctkg:endpoint :os ;
    ctkg:statistic "median" ; ctkg:arm :armA ;
    ctkg:estimate 10.7 ; ctkg:ciLower 8.8 ; ctkg:ciUpper 12.3 ; ctkg:unit "month" .
:hr a ctkg:Comparison ; rdfs:label "OS hazard ratio, A vs B" ; ctkg:endpoint :os ;
    ctkg:statistic "hazard_ratio" ; ctkg:arm :armA ; ctkg:comparatorArm :armB ;
    ctkg:estimate 0.88 ; ctkg:ciLower 0.68 ; ctkg:ciUpper 1.16 ; ctkg:ciLevel 95.0 ;
    ctkg:pValue 0.3668 ; ctkg:stratified true .
:nr a ctkg:Result ; rdfs:label "median OS, B" ; ctkg:endpoint :os ; ctkg:statistic "median" ;
    ctkg:estimateNotReached true ; ctkg:ciLower 14.2 ; ctkg:ciUpperNotReached true .
:trial ctkg:hasResult :median , :hr , :nr .
:hr ctkg:evidence :ev .
:ev a ctkg:Evidence ; rdfs:label "HR, 0.88" ; ctkg:sentence "Stratified HR, 0.88 [95% CI]." ;
    ctkg:quote "HR, 0.88" ; ctkg:spanStart 11 ; ctkg:spanEnd 19 .
"""
)

AE = (
    TRIAL
    + """
:ae a ctkg:AdverseEventSummary ; rdfs:label "serious AEs, B" ; ctkg:arm :armB ;
    ctkg:aeCategory "serious" ; ctkg:treatmentRelated false ;
    ctkg:count 58 ; ctkg:percent 34.7 ; ctkg:nAnalysed 167 .
:trial ctkg:hasAdverseEventSummary :ae .
"""
)

# PMID25601342 (RTOG 0617, a two-by-two factorial trial): "the use of cetuximab was associated
# with a higher rate of grade 3 or worse toxic effects (205 [86%] of 237 vs ...)": a rate of a
# pooled group of arms, with the count and denominator it was printed with.
POOLED = (
    TRIAL
    + """
:cetuximab a ctkg:PooledArms ; rdfs:label "cetuximab" ; ctkg:pooledFrom :armA , :armB .
:trial ctkg:hasPooledArms :cetuximab ; ctkg:hasResult :rate .
:rate a ctkg:ArmResult ; rdfs:label "rate of grade 3 or worse toxic effects, cetuximab" ;
    ctkg:endpoint :os ; ctkg:statistic "rate" ; ctkg:arm :cetuximab ;
    ctkg:estimate 86.0 ; ctkg:unit "percent" ; ctkg:count 205 ; ctkg:nAnalysed 237 .
"""
)

# PMID21335122 (ACOSOG Z0030): "Of 1111 patients randomized, 1023 (mediastinal lymph node sampling
# in 498, mediastinal lymph node dissection in 525) were eligible and evaluable."  PMID26973324
# (ASCEND-1): "147 (60%) patients had discontinued treatment".  Counts of a whole trial (no arm)
# and of one arm, with the evidence of one and the percent printed beside another.
FLOW_SENTENCE = (
    "Of 1111 patients randomized, 1023 (mediastinal lymph node sampling in 498, mediastinal lymph node"
    " dissection in 525) were eligible and evaluable."
)
FLOW = f"""
:z0030 a ctkg:Trial ; rdfs:label "Z0030" ; ctkg:hasArm :sampling , :dissection ;
    ctkg:hasParticipantCount :randomized , :evaluable , :evaluableSampling .
:sampling a ctkg:Arm ; rdfs:label "mediastinal lymph node sampling" ; ctkg:hasIntervention :ivSampling .
:dissection a ctkg:Arm ; rdfs:label "mediastinal lymph node dissection" ; ctkg:hasIntervention :ivDissection .
:ivSampling a ctkg:Intervention ; rdfs:label "mediastinal lymph node sampling" ;
    ctkg:interventionType "procedure" ; ctkg:treatment :mlns .
:ivDissection a ctkg:Intervention ; rdfs:label "mediastinal lymph node dissection" ;
    ctkg:interventionType "procedure" ; ctkg:treatment :mlnd .
:mlns a ctkg:Treatment ; rdfs:label "mediastinal lymph node sampling" .
:mlnd a ctkg:Treatment ; rdfs:label "mediastinal lymph node dissection" .
:randomized a ctkg:ParticipantCount ; rdfs:label "participants randomized" ;
    ctkg:flowStage "randomized" ; ctkg:count 1111 .
:evaluable a ctkg:ParticipantCount ; rdfs:label "participants evaluable" ;
    ctkg:flowStage "evaluable" ; ctkg:count 1023 .
:evaluableSampling a ctkg:ParticipantCount ;
    rdfs:label "participants evaluable, mediastinal lymph node sampling" ;
    ctkg:flowStage "evaluable" ; ctkg:count 498 ; ctkg:arm :sampling ; ctkg:evidence :flowEv .
:flowEv a ctkg:Evidence ; rdfs:label "mediastinal lymph node sampling in 498" ;
    ctkg:sentence "{FLOW_SENTENCE}" ; ctkg:quote "mediastinal lymph node sampling in 498" ;
    ctkg:spanStart 35 ; ctkg:spanEnd 73 .
:ascend1 a ctkg:Trial ; rdfs:label "ASCEND-1" ; ctkg:hasParticipantCount :discontinued .
:discontinued a ctkg:ParticipantCount ; rdfs:label "participants discontinued" ;
    ctkg:flowStage "discontinued" ; ctkg:count 147 ; ctkg:percent 60.0 .
"""

# NCT02210780 (API v2 JSON): the LS mean difference of "Change From Baseline in Body Surface Area
# (BSA)" -17.8 (95% CI -22.5 to -13.1), p <0.0001, between its two groups, both typed
# Experimental (so no direction); the 'Placebo qw' group's baseline "Age, Continuous" mean 39.9
# (SD 14.04) years and its 29 of 97 participants with non-serious ('other') adverse events; a
# rate of a results group that is none of the arms.  Each with the record's field path.
P = "resultsSection.outcomeMeasuresModule.outcomeMeasures"
REGISTRY = (
    TRIAL
    + f"""
:trial ctkg:enrollment 194 ; ctkg:hasResultsGroup :total ; ctkg:hasBaselineMeasurement :age ;
    ctkg:hasResult :lsdiff , :rate ; ctkg:hasAdverseEventSummary :other .
:total a ctkg:ResultsGroup ; rdfs:label "Total" ; ctkg:description "All participants" .
:age a ctkg:BaselineMeasurement ; rdfs:label "Age, Continuous, A" ; ctkg:characteristic "Age, Continuous" ;
    ctkg:statistic "mean" ; ctkg:arm :armA ; ctkg:estimate 39.9 ; ctkg:spread 14.04 ;
    ctkg:dispersion "STANDARD_DEVIATION" ; ctkg:unit "years" ; ctkg:nAnalysed 97 ;
    ctkg:recordPath "resultsSection.baselineCharacteristicsModule.measures[0].classes[0].categories[0].measurements[0]" .
:lsdiff a ctkg:Comparison ; rdfs:label "LS mean difference of BSA" ; ctkg:endpoint :os ;
    ctkg:statistic "least_squares_mean_difference" ; ctkg:parameterType "LS Mean Difference" ;
    ctkg:comparedGroup :armA , :armB ; ctkg:estimate -17.8 ; ctkg:ciLower -22.5 ; ctkg:ciUpper -13.1 ;
    ctkg:ciLevel 95.0 ; ctkg:pValue 0.0001 ; ctkg:pValueQualifier "<" ;
    ctkg:recordPath "{P}[7].analyses[0]" .
:rate a ctkg:ArmResult ; rdfs:label "rate, Total" ; ctkg:endpoint :os ; ctkg:statistic "rate" ;
    ctkg:arm :total ; ctkg:estimate 83.7 ; ctkg:unit "percent" ;
    ctkg:recordPath "{P}[0].classes[0].categories[0].measurements[0]" .
:other a ctkg:AdverseEventSummary ; rdfs:label "adverse events, non-serious, A" ; ctkg:arm :armA ;
    ctkg:aeCategory "non-serious" ; ctkg:treatmentRelated false ; ctkg:count 29 ; ctkg:nAnalysed 97 ;
    ctkg:recordPath "resultsSection.adverseEventsModule.eventGroups[0].otherNumAffected" .
"""
)

PUBLICATION = """
:pub a ctkg:Publication ; rdfs:label "CONTACT-01" ; ctkg:pmid "38552197" ;
    ctkg:pmcid "PMC11227305" ; ctkg:doi "10.1200/JCO.23.02166" ;
    ctkg:hasAbstractSection :sec1 ; ctkg:similarTo :pub2 ;
    ctkg:pubmedRecord <https://pubmed.ncbi.nlm.nih.gov/38552197/> .
:pub2 a ctkg:Publication ; rdfs:label "a similar article" ; ctkg:pmid "33316104" .
:sec1 a ctkg:AbstractSection ; rdfs:label "Purpose" ; ctkg:sectionLabel "Purpose" ;
    ctkg:sectionText "Although checkpoint inhibitors..." ; ctkg:sectionOrder 1 .
"""

PROVENANCE = """
:graph a ctkg:SourceGraph ; rdfs:label "what contact-01.pubmed.txt says" ;
    prov:generatedAtTime "2025-01-15T10:30:00Z"^^xsd:dateTime ;
    ctkg:sourceFile "contact-01.pubmed.txt" ;
    ctkg:sourceSha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    prov:wasDerivedFrom <https://pubmed.ncbi.nlm.nih.gov/38552197/> ;
    prov:wasGeneratedBy :run .
:run a ctkg:BuildActivity ; rdfs:label "ctkg build" ;
    prov:startedAtTime "2025-01-15T10:29:58Z"^^xsd:dateTime ; prov:wasAssociatedWith :ctkg .
:ctkg a ctkg:Software ; rdfs:label "ctkg 0.1.0" ; ctkg:softwareVersion "0.1.0" .
"""

BASES = {
    "trial": TRIAL,
    "kinds": KINDS,
    "background": BACKGROUND,
    "population": POPULATION,
    "mentioned": MENTIONED,
    "results": RESULTS,
    "ae": AE,
    "pooled": POOLED,
    "flow": FLOW,
    "publication": PUBLICATION,
    "provenance": PROVENANCE,
    "registry": REGISTRY,
}


# ------------------------------------------------------------------------------------------
# Cases: a base graph, triples to drop, triples to add, and the rules expected to fire
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    base: str
    expect: tuple[str, ...]  # ctkgsh: local names of the shapes reported; () = conforms
    add: str = ""
    drop: str = ""
    message: str = ""  # a fragment the (single) expected rule's message must contain


def C(id, base, expect, add="", drop="", message=""):  # noqa: N802 - a table constructor
    expect = (expect,) if isinstance(expect, str) else tuple(expect)
    return Case(id, base, expect, add, drop, message)


def build(case: Case) -> Graph:
    graph = parse(BASES[case.base])
    if case.drop:
        for triple in parse(case.drop):
            assert triple in graph, f"case {case.id}: cannot drop {triple}, not in base"
            graph.remove(triple)
    if case.add:
        graph += parse(case.add)
    return graph


CASES = [
    # --- no blank nodes: one per node shape that checks IRIs ------------------------------
    C("trial-blank", "trial", "TrialShape", add='[] a ctkg:Trial ; rdfs:label "X" .'),
    C(
        "mentioned-blank",
        "mentioned",
        "MentionedTrialShape",
        add='[] a ctkg:MentionedTrial ; rdfs:label "X" .',
    ),
    C("arm-blank", "trial", "ArmShape", add='[] a ctkg:Arm ; rdfs:label "C" ; ctkg:hasIntervention :ivA .'),
    C(
        "intervention-blank",
        "trial",
        "InterventionShape",
        add='[] a ctkg:Intervention ; rdfs:label "x" ; ctkg:drug :drugA ; ctkg:interventionType "drug" .',
    ),
    C("drug-blank", "trial", "DrugShape", add='[] a ctkg:Drug ; rdfs:label "x" ; ctkg:nameKey "x" .'),
    C(
        "pooled-blank",
        "pooled",
        "PooledArmsShape",
        add='[] a ctkg:PooledArms ; rdfs:label "no cetuximab" ; ctkg:pooledFrom :armA .',
    ),
    C("pooled-unnamed", "pooled", "PooledArms-label", drop=':cetuximab rdfs:label "cetuximab" .'),
    C(
        "pooled-no-arms",
        "pooled",
        "PooledArms-pooledFrom",
        drop=":cetuximab ctkg:pooledFrom :armA , :armB .",
    ),
    C("pooled-from-endpoint", "pooled", "PooledArms-pooledFrom", add=":cetuximab ctkg:pooledFrom :os ."),
    C("armresult-count-negative", "pooled", "ArmResult-count", add=":rate ctkg:count -1 ."),
    C("armresult-analysed-twice", "pooled", "ArmResult-nAnalysed", add=":rate ctkg:nAnalysed 240 ."),
    C(
        "armresult-count-above-analysed",
        "pooled",
        "ArmResult-countNotAboveAnalysed",
        drop=":rate ctkg:count 205 .",
        add=":rate ctkg:count 250 .",
    ),
    C(
        "result-arm-endpoint",
        "pooled",
        "Result-arm",
        drop=":rate ctkg:arm :cetuximab .",
        add=":rate ctkg:arm :os .",
    ),
    C("treatment-blank", "kinds", "TreatmentShape", add='[] a ctkg:Treatment ; rdfs:label "x" .'),
    C("condition-blank", "population", "ConditionShape", add='[] a ctkg:Condition ; rdfs:label "x" .'),
    C("population-blank", "population", "PopulationShape", add='[] a ctkg:Population ; rdfs:label "x" .'),
    C("endpoint-blank", "trial", "EndpointShape", add='[] a ctkg:Endpoint ; rdfs:label "x" .'),
    C(
        "result-blank",
        "results",
        "ResultShape",
        add='[] a ctkg:Result ; rdfs:label "x" ; ctkg:endpoint :os ; ctkg:statistic "rate" ;'
        " ctkg:estimate 12.0 .",
    ),
    C(
        "armresult-blank",
        "results",
        "ResultShape",
        add='[] a ctkg:ArmResult ; rdfs:label "x" ; ctkg:endpoint :os ; ctkg:statistic "rate" ;'
        " ctkg:estimate 12.0 ; ctkg:arm :armA .",
    ),
    C(
        "comparison-blank",
        "results",
        "ResultShape",
        add='[] a ctkg:Comparison ; rdfs:label "x" ; ctkg:endpoint :os ;'
        ' ctkg:statistic "odds_ratio" ; ctkg:estimate 1.2 ;'
        " ctkg:arm :armA ; ctkg:comparatorArm :armB .",
    ),
    C(
        "ae-blank",
        "ae",
        "AdverseEventSummaryShape",
        add='[] a ctkg:AdverseEventSummary ; rdfs:label "x" ; ctkg:arm :armA ;'
        ' ctkg:aeCategory "any" ; ctkg:treatmentRelated true ; ctkg:count 1 .',
    ),
    C("publication-blank", "publication", "PublicationShape", add='[] a ctkg:Publication ; rdfs:label "x" .'),
    C(
        "section-blank",
        "publication",
        "AbstractSectionShape",
        add='[] a ctkg:AbstractSection ; rdfs:label "x" ; ctkg:sectionLabel "Methods" ;'
        ' ctkg:sectionText "..." .',
    ),
    C(
        "sourcegraph-blank",
        "provenance",
        "SourceGraphShape",
        add='[] a ctkg:SourceGraph ; rdfs:label "x" ;'
        ' prov:generatedAtTime "2025-01-15T10:30:00Z"^^xsd:dateTime ;'
        ' ctkg:sourceFile "f.txt" ;'
        ' ctkg:sourceSha256 "0000000000000000000000000000000000000000000000000000000000000000" .',
    ),
    C("activity-blank", "provenance", "BuildActivityShape", add='[] a ctkg:BuildActivity ; rdfs:label "x" .'),
    C(
        "software-blank",
        "provenance",
        "SoftwareShape",
        add='[] a ctkg:Software ; rdfs:label "x" ; ctkg:softwareVersion "1" .',
    ),
    # --- Trial --------------------------------------------------------------------------
    C("trial-no-label", "trial", "Trial-label", drop=':trial rdfs:label "TEST-01" .'),
    C(
        "trial-label-langstring",
        "trial",
        "Trial-label",
        drop=':trial rdfs:label "TEST-01" .',
        add=':trial rdfs:label "TEST-01"@en .',
    ),
    C("trial-nct-short", "trial", "Trial-nctId", add=':trial ctkg:nctId "NCT0447142" .'),
    C("trial-nct-lowercase", "trial", "Trial-nctId", add=':trial ctkg:nctId "nct04471428" .'),
    C("trial-nct-twice", "trial", "Trial-nctId", add=':trial ctkg:nctId "NCT04471428" , "NCT04471429" .'),
    C("trial-registryid-empty", "trial", "Trial-registryId", add=':trial ctkg:registryId "" .'),
    C("trial-acronym-twice", "trial", "Trial-acronym", add=':trial ctkg:acronym "A" , "B" .'),
    C("trial-title-twice", "trial", "Trial-title", add=':trial ctkg:title "A" , "B" .'),
    C("trial-phase-roman", "trial", "Trial-phase", add=':trial ctkg:phase "III" .'),
    C("trial-phase-integer", "trial", "Trial-phase", add=":trial ctkg:phase 3 ."),
    C(
        "trial-randomized-string",
        "trial",
        "Trial-randomized",
        drop=":trial ctkg:randomized true .",
        add=':trial ctkg:randomized "yes" .',
    ),
    C(
        "trial-allocation-ratio-text",
        "trial",
        "Trial-allocationRatio",
        add=':trial ctkg:allocationRatio "one to one" .',
    ),
    C(
        "trial-blinding-twice",
        "trial",
        "Trial-blinding",
        add=':trial ctkg:blinding "open-label" , "double-blind" .',
    ),
    C("trial-multicenter-string", "trial", "Trial-multicenter", add=':trial ctkg:multicenter "true" .'),
    C(
        "trial-primary-met-twice",
        "trial",
        "Trial-primaryEndpointMet",
        add=":trial ctkg:primaryEndpointMet true , false .",
    ),
    C(
        "trial-nrandomized-decimal",
        "trial",
        "Trial-nRandomized",
        drop=":trial ctkg:nRandomized 10 .",
        add=":trial ctkg:nRandomized 10.0 .",
    ),
    C(
        "trial-nrandomized-negative",
        "trial",
        ("Trial-nRandomizedRange", "Trial-nRandomizedMatchesArms"),
        drop=":trial ctkg:nRandomized 10 .",
        add=":trial ctkg:nRandomized -10 .",
    ),
    C(
        "trial-min-followup-integer",
        "trial",
        "Trial-minFollowUpMonths",
        add=":trial ctkg:minFollowUpMonths 11 .",
    ),
    C(
        "trial-median-followup-negative",
        "trial",
        "Trial-medianFollowUpMonths",
        add=":trial ctkg:medianFollowUpMonths -1.5 .",
    ),
    C("trial-arm-untyped", "trial", "Trial-hasArm", add=":trial ctkg:hasArm :notAnArm ."),
    C(
        "trial-background-untyped",
        "background",
        "Trial-backgroundIntervention",
        drop=":ivCounseling a ctkg:Intervention .",
    ),
    C(
        "trial-population-untyped",
        "trial",
        "Trial-hasPopulation",
        add=":trial ctkg:hasPopulation :somebody .",
    ),
    C(
        "trial-two-populations",
        "trial",
        "Trial-hasPopulation",
        add=POPULATION + ':pop2 a ctkg:Population ; rdfs:label "p2" .'
        " :trial ctkg:hasPopulation :pop , :pop2 .",
    ),
    C("trial-endpoint-untyped", "trial", "Trial-hasEndpoint", add=":trial ctkg:hasEndpoint :x ."),
    C(
        "trial-primary-endpoint-untyped",
        "trial",
        "Trial-primaryEndpoint",
        add=":trial ctkg:primaryEndpoint :x .",
    ),
    C(
        "trial-secondary-endpoint-untyped",
        "trial",
        "Trial-secondaryEndpoint",
        add=":trial ctkg:secondaryEndpoint :x .",
    ),
    C("trial-result-untyped", "trial", "Trial-hasResult", add=":trial ctkg:hasResult :x ."),
    C(
        "trial-ae-untyped",
        "trial",
        "Trial-hasAdverseEventSummary",
        add=":trial ctkg:hasAdverseEventSummary :x .",
    ),
    C(
        "trial-registry-record-literal",
        "trial",
        "Trial-registryRecord",
        add=':trial ctkg:registryRecord "https://clinicaltrials.gov/study/NCT04471428" .',
    ),
    C(
        "randomized-one-arm",
        "trial",
        "Trial-randomizedHasTwoArms",
        drop=":trial ctkg:hasArm :armB . :trial ctkg:nRandomized 10 .",
        message="at least two arms",
    ),
    C(
        "randomized-no-arm",
        "trial",
        "Trial-randomizedHasTwoArms",
        drop=":trial ctkg:hasArm :armA , :armB .",
        message="at least two arms",
    ),
    C(
        "randomized-no-primary-endpoint",
        "trial",
        "Trial-randomizedHasPrimaryEndpoint",
        drop=":trial ctkg:primaryEndpoint :os .",
        message="primary endpoint",
    ),
    C(
        "nrandomized-not-sum-of-arms",
        "trial",
        "Trial-nRandomizedMatchesArms",
        drop=":trial ctkg:nRandomized 10 .",
        add=":trial ctkg:nRandomized 11 .",
        message="11 patients randomised, but its arms add up to 10",
    ),
    # --- MentionedTrial ---------------------------------------------------------------------
    C("mentioned-no-label", "mentioned", "MentionedTrial-label", drop=':contact03 rdfs:label "CONTACT-03" .'),
    C(
        "mentioned-acronym-twice",
        "mentioned",
        "MentionedTrial-acronym",
        add=':contact03 ctkg:acronym "CONTACT-3" .',
    ),
    # --- Arm ------------------------------------------------------------------------------------
    C("arm-no-label", "trial", "Arm-label", drop=':armA rdfs:label "A" .'),
    C("arm-two-labels", "trial", "Arm-label", add=':armA rdfs:label "arm A" .'),
    C("arm-empty-label", "trial", "Arm-label", drop=':armA rdfs:label "A" .', add=':armA rdfs:label "" .'),
    C(
        "arm-label-duplicate-in-trial",
        "trial",
        "Arm-labelUniqueInTrial",
        drop=':armB rdfs:label "B" .',
        add=':armB rdfs:label "A" .',
        message='also named "A"',
    ),
    C("arm-no-intervention", "trial", "Arm-interventionOrNone", drop=":armA ctkg:hasIntervention :ivA ."),
    C(
        "arm-no-intervention-flag-false",
        "trial",
        "Arm-interventionOrNone",
        drop=":armA ctkg:hasIntervention :ivA .",
        add=":armA ctkg:noIntervention false .",
    ),
    C(
        "arm-no-intervention-stated",
        "trial",
        (),
        drop=":armA ctkg:hasIntervention :ivA .",
        add=":armA ctkg:noIntervention true .",
    ),
    C(
        "arm-no-intervention-flag-text",
        "trial",
        "Arm-noIntervention",
        add=':armA ctkg:noIntervention "yes" .',
    ),
    C("arm-intervention-untyped", "trial", "Arm-hasIntervention", add=":armA ctkg:hasIntervention :drugA ."),
    C(
        "arm-nrandomized-twice",
        "trial",
        ("Arm-nRandomized", "Trial-nRandomizedMatchesArms"),
        add=":armA ctkg:nRandomized 6 .",
    ),
    C(
        "arm-nrandomized-negative",
        "trial",
        ("Arm-nRandomizedRange", "Trial-nRandomizedMatchesArms", "Arm-nSafetyNotAboveRandomized"),
        drop=":armA ctkg:nRandomized 5 .",
        add=":armA ctkg:nRandomized -5 .",
    ),
    C(
        "arm-nsafety-decimal",
        "trial",
        "Arm-nSafety",
        drop=":armB ctkg:nSafety 4 .",
        add=":armB ctkg:nSafety 4.0 .",
    ),
    C(
        "arm-nsafety-negative",
        "trial",
        "Arm-nSafetyRange",
        drop=":armB ctkg:nSafety 4 .",
        add=":armB ctkg:nSafety -4 .",
    ),
    C(
        "arm-role-unknown",
        "trial",
        "Arm-armRole",
        drop=':armB ctkg:armRole "comparator" .',
        add=':armB ctkg:armRole "control" .',
    ),
    C("arm-order-zero", "trial", "Arm-armOrder", add=":armA ctkg:armOrder 0 ."),
    C("arm-evidence-untyped", "trial", "Arm-evidence", add=":armA ctkg:evidence :armB ."),
    C("arm-drugset-empty", "trial", "Arm-drugSet", add=':armA ctkg:drugSet "" .'),
    C("trial-status-twice", "trial", "Trial-overallStatus", add=':trial ctkg:overallStatus "A" , "B" .'),
    C(
        "armresult-dispersion-text",
        "results",
        "ArmResult-dispersion",
        add=':median ctkg:dispersion "Standard Deviation" .',
    ),
    C("armresult-spread-negative", "results", "ArmResult-spread", add=":median ctkg:spread -0.5 ."),
    C(
        "armresult-spreadlower-text",
        "results",
        "ArmResult-spreadLower",
        add=':median ctkg:spreadLower "low" .',
    ),
    C(
        "armresult-spreadupper-twice",
        "results",
        "ArmResult-spreadUpper",
        add=":median ctkg:spreadUpper 3.0 , 4.0 .",
    ),
    C(
        "armresult-spread-reversed",
        "results",
        "ArmResult-spreadOrder",
        add=":median ctkg:spreadLower 5.0 ; ctkg:spreadUpper 2.0 .",
    ),
    C(
        "trial-model-unknown",
        "trial",
        "Trial-interventionModel",
        add=':trial ctkg:interventionModel "parallel" .',
    ),
    C("arm-baseline-negative", "trial", "Arm-nBaseline", add=":armA ctkg:nBaseline -1 ."),
    C("trial-start-empty", "trial", "Trial-startDate", add=':trial ctkg:startDate "" .'),
    C("trial-completion-number", "trial", "Trial-completionDate", add=":trial ctkg:completionDate 2020 ."),
    C("trial-sponsor-twice", "trial", "Trial-sponsor", add=':trial ctkg:sponsor "A" , "B" .'),
    C(
        "trial-eligibility-empty",
        "trial",
        "Trial-eligibilityCriteria",
        add=':trial ctkg:eligibilityCriteria "" .',
    ),
    C(
        "trial-condition-untyped",
        "trial",
        "Trial-studiesCondition",
        add=":trial ctkg:studiesCondition :armA .",
    ),
    C("ae-organ-empty", "ae", "AdverseEventSummary-organSystem", add=':ae ctkg:organSystem "" .'),
    C(
        "comparison-method-twice",
        "results",
        "Comparison-statisticalMethod",
        add=':hr ctkg:statisticalMethod "a" , "b" .',
    ),
    C("result-resolution-zero", "results", "Result-resolution", add=":hr ctkg:resolution 0.0 ."),
    C("endpoint-key-twice", "trial", "Endpoint-endpointKey", add=':os ctkg:endpointKey "a" , "b" .'),
    C(
        "result-evidence-twice",
        "results",
        "Result-evidence",
        add=':hr ctkg:evidence :ev2 . :ev2 a ctkg:Evidence ; rdfs:label "HR" ; ctkg:sentence "HR" ; '
        'ctkg:quote "HR" ; ctkg:spanStart 0 ; ctkg:spanEnd 2 .',
    ),
    C("ae-evidence-untyped", "ae", "AdverseEventSummary-evidence", add=":ae ctkg:evidence :armB ."),
    C("evidence-no-label", "results", "Evidence-label", drop=':ev rdfs:label "HR, 0.88" .'),
    C(
        "evidence-no-sentence",
        "results",
        "Evidence-sentence",
        drop=':ev ctkg:sentence "Stratified HR, 0.88 [95% CI]." .',
    ),
    C("evidence-no-quote", "results", "Evidence-quote", drop=':ev ctkg:quote "HR, 0.88" .'),
    C(
        "evidence-start-negative",
        "results",
        ("Evidence-spanStart", "Evidence-quoteMatchesSpan"),
        drop=":ev ctkg:spanStart 11 .",
        add=":ev ctkg:spanStart -1 .",
    ),
    C("evidence-no-end", "results", "Evidence-spanEnd", drop=":ev ctkg:spanEnd 19 ."),
    C(
        "evidence-span-reversed",
        "results",
        ("Evidence-spanOrder", "Evidence-quoteMatchesSpan"),
        drop=":ev ctkg:spanEnd 19 .",
        add=":ev ctkg:spanEnd 5 .",
    ),
    C("evidence-section-untyped", "results", "Evidence-inSection", add=":ev ctkg:inSection :armA ."),
    C(
        "evidence-quote-elsewhere",
        "results",
        "Evidence-quoteMatchesSpan",
        drop=':ev ctkg:quote "HR, 0.88" .',
        add=':ev ctkg:quote "HR, 0.74" .',
        message="exactly the sentence",
    ),
    C(
        "evidence-blank",
        "results",
        "EvidenceShape",
        add='[] a ctkg:Evidence ; rdfs:label "x" ; ctkg:sentence "x" ; ctkg:quote "x" ; ctkg:spanStart 0 ; ctkg:spanEnd 1 .',
    ),
    C(
        "source-unread-empty",
        "provenance",
        "SourceGraph-unreadSentence",
        add=':graph ctkg:unreadSentence "" .',
    ),
    C("arm-choice-text", "trial", "Arm-drugChoice", add=':armA ctkg:drugChoice "yes" .'),
    C("arm-alias-empty", "trial", "Arm-alias", add=':armA ctkg:alias "" .'),
    C(
        "arm-nsafety-above-nrandomized",
        "trial",
        "Arm-nSafetyNotAboveRandomized",
        drop=":armB ctkg:nSafety 4 .",
        add=":armB ctkg:nSafety 6 .",
        message="safety population",
    ),
    # --- Intervention, Drug -------------------------------------------------------------------
    C("intervention-no-label", "trial", "Intervention-label", drop=':ivA rdfs:label "drug a 10 mg" .'),
    C("intervention-gives-nothing", "trial", "Intervention-givesOneThing", drop=":ivA ctkg:drug :drugA ."),
    C(
        "intervention-two-drugs",
        "trial",
        ("Intervention-drug", "Intervention-givesOneThing"),
        add=":ivA ctkg:drug :docetaxel .",
    ),
    C(
        "intervention-drug-untyped",
        "trial",
        "Intervention-drug",
        drop=":ivA ctkg:drug :drugA .",
        add=":ivA ctkg:drug :unknownDrug .",
    ),
    C(
        "intervention-dose-integer",
        "trial",
        "Intervention-doseValue",
        drop=":ivB ctkg:doseValue 75.0 .",
        add=":ivB ctkg:doseValue 75 .",
    ),
    C(
        "intervention-dose-zero",
        "trial",
        "Intervention-doseValueRange",
        drop=":ivB ctkg:doseValue 75.0 .",
        add=":ivB ctkg:doseValue 0.0 .",
    ),
    C(
        "intervention-dose-negative",
        "trial",
        "Intervention-doseValueRange",
        drop=":ivB ctkg:doseValue 75.0 .",
        add=":ivB ctkg:doseValue -75.0 .",
    ),
    C("intervention-unit-twice", "trial", "Intervention-doseUnit", add=':ivB ctkg:doseUnit "mg" .'),
    C(
        "intervention-route-twice",
        "trial",
        "Intervention-route",
        add=':ivB ctkg:route "intravenous" , "oral" .',
    ),
    C("intervention-frequency-integer", "trial", "Intervention-frequency", add=":ivB ctkg:frequency 3 ."),
    # --- Intervention kinds: the type, what each kind names, radiation fractions and Gy --------
    C(
        "intervention-no-type",
        "trial",
        "Intervention-interventionType",
        drop=':ivA ctkg:interventionType "drug" .',
    ),
    C(
        "intervention-type-unknown",
        "trial",
        "Intervention-interventionType",
        drop=':ivA ctkg:interventionType "drug" .',
        add=':ivA ctkg:interventionType "chemotherapy" .',
    ),
    C(
        "intervention-type-twice",
        "trial",
        "Intervention-interventionType",
        add=':ivA ctkg:interventionType "biological" .',
    ),
    C(
        "intervention-biological-and-placebo-name-drugs",
        "trial",
        (),
        drop=':ivA ctkg:interventionType "drug" . :ivB ctkg:interventionType "drug" .',
        add=':ivA ctkg:interventionType "biological" . :ivB ctkg:interventionType "placebo" .',
    ),
    C(
        "intervention-radiation-named-as-a-drug",
        "kinds",
        "Intervention-agentMatchesKind",
        drop=":ivWbrt ctkg:treatment :wbrt .",
        add=":ivWbrt ctkg:drug :drugA .",
        message='kind "radiation"',
    ),
    C(
        "intervention-drug-named-as-a-treatment",
        "kinds",
        "Intervention-agentMatchesKind",
        drop=":ivA ctkg:drug :drugA .",
        add=":ivA ctkg:treatment :wbrt .",
        message='kind "drug"',
    ),
    C(
        "intervention-drug-and-treatment",
        "kinds",
        ("Intervention-givesOneThing", "Intervention-agentMatchesKind"),
        add=":ivA ctkg:treatment :wbrt .",
    ),
    C(
        "intervention-treatment-untyped",
        "kinds",
        "Intervention-treatment",
        drop=":ivOsc ctkg:treatment :osc .",
        add=":ivOsc ctkg:treatment :unknownTreatment .",
    ),
    C(
        "intervention-two-treatments",
        "kinds",
        ("Intervention-treatment", "Intervention-givesOneThing"),
        add=":ivOsc ctkg:treatment :wbrt .",
    ),
    C(
        "intervention-fractions-zero",
        "kinds",
        "Intervention-fractions",
        drop=":ivWbrt ctkg:fractions 5 .",
        add=":ivWbrt ctkg:fractions 0 .",
    ),
    C(
        "intervention-fractions-decimal",
        "kinds",
        "Intervention-fractions",
        drop=":ivWbrt ctkg:fractions 5 .",
        add=":ivWbrt ctkg:fractions 5.0 .",
    ),
    C("intervention-fractions-twice", "kinds", "Intervention-fractions", add=":ivWbrt ctkg:fractions 10 ."),
    C(
        "intervention-fractions-of-a-drug",
        "kinds",
        "Intervention-fractionsOnlyRadiation",
        add=":ivA ctkg:fractions 5 .",
    ),
    C(
        "intervention-radiation-dose-in-cgy",
        "kinds",
        (),
        drop=':ivWbrt ctkg:doseValue 20.0 ; ctkg:doseUnit "Gy" .',
        add=':ivWbrt ctkg:doseValue 2000.0 ; ctkg:doseUnit "cGy" .',
    ),
    C(
        "intervention-radiation-dose-in-mg",
        "kinds",
        "Intervention-radiationDoseInGy",
        drop=':ivWbrt ctkg:doseUnit "Gy" .',
        add=':ivWbrt ctkg:doseUnit "mg" .',
        message='in "mg"',
    ),
    C("treatment-no-label", "kinds", "Treatment-label", drop=':wbrt rdfs:label "whole brain radiotherapy" .'),
    C(
        "treatment-mapping-as-text",
        "kinds",
        "Treatment-exactMatch",
        add=':wbrt skos:exactMatch "NCIT:C15313" .',
    ),
    C(
        "intervention-order-zero",
        "trial",
        "Intervention-interventionOrder",
        add=":ivB ctkg:interventionOrder 0 .",
    ),
    C("drug-no-label", "trial", "Drug-label", drop=':drugA rdfs:label "drug a" .'),
    C("drug-key-not-text", "trial", "Drug-nameKey", add=':drugA ctkg:nameKey "" .'),
    # "Docetaxel" printed with a capital: its key is "docetaxel", not the name as printed
    C("drug-name-without-key", "trial", "Drug-labelKeyed", drop=':docetaxel ctkg:nameKey "docetaxel" .'),
    C(
        "drug-name-keyed-as-printed",
        "trial",
        "Drug-labelKeyed",
        add=':drugC a ctkg:Drug ; rdfs:label "Drug C" ; ctkg:nameKey "Drug C" .',
        message='"Drug C"',
    ),
    C("drug-names-each-keyed", "trial", (), add=':drugA rdfs:label "Drug A" .'),
    C(
        "drug-with-class-and-mapping",
        "trial",
        (),
        add=":drugA a ctkg:PDL1Inhibitor ; skos:exactMatch <http://purl.obolibrary.org/obo/NCIT_C106250> .",
    ),
    C("drug-mapping-as-text", "trial", "Drug-exactMatch", add=':drugA skos:exactMatch "NCIT:C106250" .'),
    # --- Condition, Population, Endpoint ------------------------------------------------------
    C(
        "condition-no-label",
        "population",
        "Condition-label",
        drop=':nsclc rdfs:label "non-small cell lung cancer" .',
    ),
    C(
        "condition-with-mapping",
        "population",
        (),
        add=":nsclc skos:exactMatch <http://purl.obolibrary.org/obo/NCIT_C2926> .",
    ),
    C(
        "condition-mapping-as-text",
        "population",
        "Condition-exactMatch",
        add=':nsclc skos:exactMatch "C2926" .',
    ),
    C(
        "condition-abbreviation-twice",
        "population",
        "Condition-abbreviation",
        add=':nsclc ctkg:abbreviation "NSCLC." .',
    ),
    C("population-no-label", "population", "Population-label", drop=':pop rdfs:label "metastatic NSCLC" .'),
    C("population-condition-untyped", "population", "Population-condition", add=":pop ctkg:condition :x ."),
    C(
        "population-stage-twice",
        "population",
        "Population-diseaseStage",
        add=':pop ctkg:diseaseStage "advanced" .',
    ),
    C(
        "population-line-twice",
        "population",
        "Population-lineOfTherapy",
        add=':pop ctkg:lineOfTherapy "first-line" , "second-line" .',
    ),
    C("population-setting-twice", "population", "Population-setting", add=':pop ctkg:setting "a" , "b" .'),
    C("endpoint-no-label", "trial", "Endpoint-label", drop=':os rdfs:label "overall survival" .'),
    C("endpoint-abbreviation-twice", "trial", "Endpoint-abbreviation", add=':os ctkg:abbreviation "O.S." .'),
    # --- Result ------------------------------------------------------------------------------
    C("result-no-label", "results", "Result-label", drop=':hr rdfs:label "OS hazard ratio, A vs B" .'),
    C("result-no-endpoint", "results", "Result-endpoint", drop=":median ctkg:endpoint :os ."),
    C(
        "result-endpoint-untyped",
        "results",
        "Result-endpoint",
        drop=":median ctkg:endpoint :os .",
        add=":median ctkg:endpoint :x .",
    ),
    C("result-no-statistic", "results", "Result-statistic", drop=':nr ctkg:statistic "median" .'),
    C("result-two-statistics", "results", "Result-statistic", add=':median ctkg:statistic "mean" .'),
    C(
        "result-statistic-unknown",
        "results",
        "Result-statistic",
        drop=':hr ctkg:statistic "hazard_ratio" .',
        add=':hr ctkg:statistic "HR" .',
    ),
    C("result-arm-untyped", "results", "Result-arm", add=":nr ctkg:arm :x ."),
    C("result-two-arms", "results", "Result-arm", add=":nr ctkg:arm :armA , :armB ."),
    C("result-estimate-twice", "results", "Result-estimate", add=":median ctkg:estimate 10.8 ."),
    C(
        "result-estimate-double",
        "results",
        "Result-estimate",
        drop=":hr ctkg:estimate 0.88 .",
        add=":hr ctkg:estimate 8.8E-1 .",
    ),
    C(
        "result-not-reached-string",
        "results",
        "Result-estimateNotReached",
        add=':median ctkg:estimateNotReached "false" .',
    ),
    C(
        "result-no-estimate",
        "results",
        "Result-estimateOrNotReached",
        drop=":median ctkg:estimate 10.7 .",
        message="not reached",
    ),
    C(
        "result-not-reached-false-no-estimate",
        "results",
        "Result-estimateOrNotReached",
        drop=":nr ctkg:estimateNotReached true .",
        add=":nr ctkg:estimateNotReached false .",
    ),
    C(
        "result-estimate-and-not-reached",
        "results",
        "Result-estimateExclusive",
        add=":median ctkg:estimateNotReached true .",
        message="estimate (10.7)",
    ),
    C("result-cilower-twice", "results", "Result-ciLower", add=":hr ctkg:ciLower 0.69 ."),
    C(
        "result-ciupper-double",
        "results",
        "Result-ciUpper",
        drop=":median ctkg:ciUpper 12.3 .",
        add=":median ctkg:ciUpper 1.23E1 .",
    ),
    # a non-numeric bound breaks the datatype rule and, being incomparable, the order rule
    C(
        "result-ciupper-text",
        "results",
        "Result-ciUpper",
        drop=":median ctkg:ciUpper 12.3 .",
        add=':median ctkg:ciUpper "NR" .',
    ),
    C(
        "ci-lower-above-upper",
        "results",
        "Result-ciLowerNotAboveUpper",
        drop=":nr ctkg:ciUpperNotReached true .",
        add=":nr ctkg:ciUpper 13.1 .",
    ),
    C(
        "estimate-below-ci-lower",
        "results",
        "Result-estimateNotBelowCiLower",
        drop=":hr ctkg:estimate 0.88 .",
        add=":hr ctkg:estimate 0.60 .",
        message="lower confidence bound (0.68) must not exceed the point estimate (0.6",
    ),
    C(
        "estimate-above-ci-upper",
        "results",
        "Result-estimateNotAboveCiUpper",
        drop=":hr ctkg:estimate 0.88 .",
        add=":hr ctkg:estimate 1.20 .",
        message="must not exceed the upper confidence bound (1.16)",
    ),
    C(
        "ci-all-inverted",
        "results",
        ("Result-ciLowerNotAboveUpper", "Result-estimateNotBelowCiLower", "Result-estimateNotAboveCiUpper"),
        drop=":hr ctkg:ciLower 0.68 . :hr ctkg:ciUpper 1.16 .",
        add=":hr ctkg:ciLower 1.16 ; ctkg:ciUpper 0.68 .",
    ),
    C(
        "result-cilower-not-reached-twice",
        "results",
        "Result-ciLowerNotReached",
        drop=":hr ctkg:ciLower 0.68 .",
        add=":hr ctkg:ciLowerNotReached true , false .",
    ),
    C(
        "result-ciupper-not-reached-string",
        "results",
        "Result-ciUpperNotReached",
        drop=":nr ctkg:ciUpperNotReached true .",
        add=':nr ctkg:ciUpperNotReached "NR" .',
    ),
    C(
        "result-cilower-and-not-reached",
        "results",
        "Result-ciLowerExclusive",
        add=":nr ctkg:ciLowerNotReached true .",
        message="lower confidence bound (14.2)",
    ),
    C(
        "result-ciupper-and-not-reached",
        "results",
        "Result-ciUpperExclusive",
        add=":median ctkg:ciUpperNotReached true .",
        message="upper confidence bound (12.3)",
    ),
    C(
        "result-cilevel-integer",
        "results",
        "Result-ciLevel",
        drop=":hr ctkg:ciLevel 95.0 .",
        add=":hr ctkg:ciLevel 95 .",
    ),
    C(
        "result-cilevel-100",
        "results",
        "Result-ciLevelRange",
        drop=":hr ctkg:ciLevel 95.0 .",
        add=":hr ctkg:ciLevel 100.0 .",
    ),
    C(
        "result-cilevel-fraction-ok",
        "results",
        (),
        drop=":hr ctkg:ciLevel 95.0 .",
        add=":hr ctkg:ciLevel 97.5 .",
    ),
    C("result-pvalue-twice", "results", "Result-pValue", add=":hr ctkg:pValue 0.37 ."),
    C(
        "result-pvalue-above-1",
        "results",
        "Result-pValueRange",
        drop=":hr ctkg:pValue 0.3668 .",
        add=":hr ctkg:pValue 3.668 .",
    ),
    C(
        "result-pvalue-negative",
        "results",
        "Result-pValueRange",
        drop=":hr ctkg:pValue 0.3668 .",
        add=":hr ctkg:pValue -0.01 .",
    ),
    C(
        "result-pvalue-bounds-ok",
        "results",
        (),
        drop=":hr ctkg:pValue 0.3668 .",
        add=":hr ctkg:pValue 1.0 . :median ctkg:pValue 0.0 .",
    ),
    C(
        "result-pqualifier-twice",
        "results",
        "Result-pValueQualifier",
        add=':hr ctkg:pValueQualifier "<" , "=" .',
    ),
    C("result-unit-twice", "results", "Result-unit", add=':median ctkg:unit "week" .'),
    C(
        "result-percent-above-100",
        "results",
        "Result-percentEstimateRange",
        add=':r12 a ctkg:ArmResult ; rdfs:label "12-month OS rate" ; ctkg:endpoint :os ;'
        ' ctkg:statistic "rate" ; ctkg:arm :armA ; ctkg:unit "percent" ;'
        " ctkg:estimate 120.0 .",
        message="between 0 and 100",
    ),
    C(
        "result-percent-in-range-ok",
        "results",
        (),
        add=':r12 a ctkg:ArmResult ; rdfs:label "12-month OS rate" ; ctkg:endpoint :os ;'
        ' ctkg:statistic "rate" ; ctkg:arm :armA ; ctkg:unit "percent" ;'
        ' ctkg:estimate 100.0 ; ctkg:timepoint "12 months" .',
    ),
    C(
        "result-timepoint-twice",
        "results",
        "Result-timepoint",
        add=':median ctkg:timepoint "6 months" , "12 months" .',
    ),
    C("result-subgroup-integer", "results", "Result-subgroup", add=":median ctkg:subgroup 65 ."),
    # --- ArmResult, Comparison ----------------------------------------------------------------
    C("armresult-no-arm", "results", "ArmResult-arm", drop=":median ctkg:arm :armA ."),
    C("armresult-two-arms", "results", ("ArmResult-arm", "Result-arm"), add=":median ctkg:arm :armB ."),
    C(
        "armresult-with-comparator",
        "results",
        "ArmResult-noComparatorArm",
        add=":median ctkg:comparatorArm :armB .",
    ),
    C("comparison-no-arm", "results", "Comparison-armsOrGroups", drop=":hr ctkg:arm :armA ."),
    C(
        "comparison-two-arms",
        "results",
        ("Comparison-arm", "Result-arm"),
        drop=":hr ctkg:comparatorArm :armB .",
        add=":hr ctkg:arm :armB . :hr ctkg:comparatorArm :armC ."
        ' :armC a ctkg:Arm ; rdfs:label "C" ; ctkg:hasIntervention :ivB .',
    ),
    C(
        "comparison-no-comparator",
        "results",
        "Comparison-armsOrGroups",
        drop=":hr ctkg:comparatorArm :armB .",
    ),
    C(
        "comparison-two-comparators",
        "results",
        "Comparison-comparatorArm",
        add=':hr ctkg:comparatorArm :armC . :armC a ctkg:Arm ; rdfs:label "C" ; ctkg:hasIntervention :ivB .',
    ),
    C(
        "comparison-comparator-untyped",
        "results",
        "Comparison-comparatorArm",
        drop=":hr ctkg:comparatorArm :armB .",
        add=":hr ctkg:comparatorArm :placebo .",
    ),
    C(
        "comparison-arm-vs-itself",
        "results",
        "Comparison-armsDiffer",
        drop=":hr ctkg:comparatorArm :armB .",
        add=":hr ctkg:comparatorArm :armA .",
    ),
    C(
        "comparison-stratified-string",
        "results",
        "Comparison-stratified",
        drop=":hr ctkg:stratified true .",
        add=':hr ctkg:stratified "stratified" .',
    ),
    # --- AdverseEventSummary ------------------------------------------------------------------
    C("ae-no-label", "ae", "AdverseEventSummary-label", drop=':ae rdfs:label "serious AEs, B" .'),
    C("ae-no-arm", "ae", "AdverseEventSummary-arm", drop=":ae ctkg:arm :armB ."),
    C(
        "ae-arm-untyped",
        "ae",
        "AdverseEventSummary-arm",
        drop=":ae ctkg:arm :armB .",
        add=":ae ctkg:arm :x .",
    ),
    C("ae-no-category", "ae", "AdverseEventSummary-aeCategory", drop=':ae ctkg:aeCategory "serious" .'),
    C("ae-two-categories", "ae", "AdverseEventSummary-aeCategory", add=':ae ctkg:aeCategory "grade 3-4" .'),
    C("ae-term-twice", "ae", "AdverseEventSummary-aeTerm", add=':ae ctkg:aeTerm "neutropenia" , "anaemia" .'),
    C(
        "ae-no-treatment-related",
        "ae",
        "AdverseEventSummary-treatmentRelated",
        drop=":ae ctkg:treatmentRelated false .",
    ),
    C(
        "ae-treatment-related-string",
        "ae",
        "AdverseEventSummary-treatmentRelated",
        drop=":ae ctkg:treatmentRelated false .",
        add=':ae ctkg:treatmentRelated "no" .',
    ),
    C(
        "ae-count-decimal",
        "ae",
        "AdverseEventSummary-count",
        drop=":ae ctkg:count 58 .",
        add=":ae ctkg:count 58.0 .",
    ),
    C(
        "ae-count-negative",
        "ae",
        "AdverseEventSummary-countRange",
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=":ae ctkg:count -1 .",
    ),
    C(
        "ae-percent-twice",
        "ae",
        "AdverseEventSummary-percent",
        drop=":ae ctkg:count 58 .",
        add=":ae ctkg:percent 34.8 .",
    ),
    C(
        "ae-percent-above-100",
        "ae",
        "AdverseEventSummary-percentRange",
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=":ae ctkg:percent 120.0 .",
    ),
    C(
        "ae-percent-negative",
        "ae",
        "AdverseEventSummary-percentRange",
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=":ae ctkg:percent -0.5 .",
    ),
    C(
        "ae-n-analysed-decimal",
        "ae",
        "AdverseEventSummary-nAnalysed",
        drop=":ae ctkg:nAnalysed 167 .",
        add=":ae ctkg:nAnalysed 167.0 .",
    ),
    C(
        "ae-n-analysed-negative",
        "ae",
        "AdverseEventSummary-nAnalysedRange",
        drop=":ae ctkg:count 58 . :ae ctkg:nAnalysed 167 .",
        add=":ae ctkg:nAnalysed -167 .",
    ),
    C(
        "ae-neither-count-nor-percent",
        "ae",
        "AdverseEventSummary-countOrPercent",
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
    ),
    C("ae-percent-only-ok", "ae", (), drop=":ae ctkg:count 58 ."),
    C("ae-count-only-ok", "ae", (), drop=":ae ctkg:percent 34.7 . :ae ctkg:nAnalysed 167 ."),
    C(
        "ae-count-above-n-analysed",
        "ae",
        "AdverseEventSummary-countNotAboveAnalysed",
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=":ae ctkg:count 168 .",
    ),
    C(
        "ae-count-equals-n-analysed-ok",
        "ae",
        (),
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=":ae ctkg:count 167 ; ctkg:percent 100.0 .",
    ),
    # percent plausibility (58/167 = 34.73%)
    C(
        "ae-percent-one-decimal-off",
        "ae",
        "AdverseEventSummary-percentMatchesCount",
        drop=":ae ctkg:percent 34.7 .",
        add=":ae ctkg:percent 34.8 .",
        message="58 of 167 patients is not 34.8%",
    ),
    C(
        "ae-percent-far-off",
        "ae",
        "AdverseEventSummary-percentMatchesCount",
        drop=":ae ctkg:percent 34.7 .",
        add=":ae ctkg:percent 43.7 .",
        message="58 of 167 patients is not 43.7%",
    ),
    C(
        "ae-percent-integer-ok",
        "ae",
        (),
        drop=":ae ctkg:percent 34.7 .",
        add=':ae ctkg:percent "35"^^xsd:decimal .',
    ),
    C(
        "ae-percent-integer-off",
        "ae",
        "AdverseEventSummary-percentMatchesCount",
        drop=":ae ctkg:percent 34.7 .",
        add=':ae ctkg:percent "34"^^xsd:decimal .',
    ),
    C("ae-percent-two-decimals-ok", "ae", (), drop=":ae ctkg:percent 34.7 .", add=":ae ctkg:percent 34.73 ."),
    C(
        "ae-percent-two-decimals-off",
        "ae",
        "AdverseEventSummary-percentMatchesCount",
        drop=":ae ctkg:percent 34.7 .",
        add=":ae ctkg:percent 34.70 .",
    ),
    # 10/167 = 5.99%, printed "6.0", which a store may give back as "6"
    C(
        "ae-percent-canonicalised-ok",
        "ae",
        (),
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 .",
        add=':ae ctkg:count 10 ; ctkg:percent "6"^^xsd:decimal .',
    ),
    C(
        "ae-percent-zero-analysed-no-warning",
        "ae",
        (),
        drop=":ae ctkg:count 58 . :ae ctkg:percent 34.7 . :ae ctkg:nAnalysed 167 .",
        add=":ae ctkg:count 0 ; ctkg:percent 0.0 ; ctkg:nAnalysed 0 .",
    ),
    # --- ParticipantCount -------------------------------------------------------------------------
    C(
        "flow-blank",
        "flow",
        "ParticipantCountShape",
        add='[] a ctkg:ParticipantCount ; rdfs:label "x" ; ctkg:flowStage "screened" ; ctkg:count 1 .',
    ),
    C(
        "trial-flow-untyped",
        "flow",
        "Trial-hasParticipantCount",
        add=":z0030 ctkg:hasParticipantCount :mlns .",
    ),
    C(
        "flow-no-label",
        "flow",
        "ParticipantCount-label",
        drop=':randomized rdfs:label "participants randomized" .',
    ),
    C(
        "flow-no-stage",
        "flow",
        "ParticipantCount-flowStage",
        drop=':randomized ctkg:flowStage "randomized" .',
    ),
    C(
        "flow-stage-not-in-the-list",
        "flow",
        "ParticipantCount-flowStage",
        drop=':randomized ctkg:flowStage "randomized" .',
        add=':randomized ctkg:flowStage "died" .',
        message="one of: screened, enrolled, randomized",
    ),
    C(
        "flow-stage-capitalised",
        "flow",
        "ParticipantCount-flowStage",
        drop=':randomized ctkg:flowStage "randomized" .',
        add=':randomized ctkg:flowStage "Randomized" .',
    ),
    C("flow-two-stages", "flow", "ParticipantCount-flowStage", add=':evaluable ctkg:flowStage "eligible" .'),
    C("flow-no-count", "flow", "ParticipantCount-count", drop=":randomized ctkg:count 1111 ."),
    C("flow-two-counts", "flow", "ParticipantCount-count", add=":randomized ctkg:count 1023 ."),
    C(
        "flow-count-decimal",
        "flow",
        "ParticipantCount-count",
        drop=":randomized ctkg:count 1111 .",
        add=":randomized ctkg:count 1111.0 .",
    ),
    C(
        "flow-count-negative",
        "flow",
        "ParticipantCount-countRange",
        drop=":randomized ctkg:count 1111 .",
        add=":randomized ctkg:count -1111 .",
    ),
    C("flow-arm-treatment", "flow", "ParticipantCount-arm", add=":evaluable ctkg:arm :mlns ."),
    C(
        "flow-two-arms",
        "flow",
        "ParticipantCount-arm",
        add=":evaluableSampling ctkg:arm :dissection .",
    ),
    C(
        "flow-percent-above-100",
        "flow",
        "ParticipantCount-percentRange",
        drop=":discontinued ctkg:percent 60.0 .",
        add=":discontinued ctkg:percent 160.0 .",
    ),
    C(
        "flow-percent-integer",
        "flow",
        "ParticipantCount-percent",
        drop=":discontinued ctkg:percent 60.0 .",
        add=":discontinued ctkg:percent 60 .",
    ),
    C("flow-two-percents", "flow", "ParticipantCount-percent", add=":discontinued ctkg:percent 59.8 ."),
    C(
        "flow-evidence-untyped",
        "flow",
        "ParticipantCount-evidence",
        add=":evaluable ctkg:evidence :sampling .",
    ),
    C("flow-whole-trial-without-evidence-ok", "flow", (), drop=":evaluableSampling ctkg:evidence :flowEv ."),
    # PMID25601342 (RTOG 0617): "(205 [86%] of 237 vs 160 [70%] of 228 patients...)": the 237
    # patients of the pooled cetuximab group analysed for toxic effects
    C(
        "flow-of-a-pooled-group-ok",
        "pooled",
        (),
        add=":trial ctkg:hasParticipantCount :analysed . :analysed a ctkg:ParticipantCount ;"
        ' rdfs:label "participants analysed, cetuximab" ; ctkg:flowStage "analysed" ;'
        " ctkg:count 237 ; ctkg:arm :cetuximab .",
    ),
    # --- Publication, AbstractSection -----------------------------------------------------------
    C("pub-no-label", "publication", "Publication-label", drop=':pub2 rdfs:label "a similar article" .'),
    C(
        "pub-pmid-prefixed",
        "publication",
        "Publication-pmid",
        drop=':pub2 ctkg:pmid "33316104" .',
        add=':pub2 ctkg:pmid "PMID:33316104" .',
    ),
    C(
        "pub-pmid-too-long",
        "publication",
        "Publication-pmid",
        drop=':pub2 ctkg:pmid "33316104" .',
        add=':pub2 ctkg:pmid "1234567890" .',
    ),
    C(
        "pub-pmid-integer",
        "publication",
        "Publication-pmid",
        drop=':pub2 ctkg:pmid "33316104" .',
        add=":pub2 ctkg:pmid 33316104 .",
    ),
    C("pub-two-pmids", "publication", "Publication-pmid", add=':pub2 ctkg:pmid "33930176" .'),
    C("pub-pmcid-digits-only", "publication", "Publication-pmcid", add=':pub2 ctkg:pmcid "11227305" .'),
    C("pub-two-pmcids", "publication", "Publication-pmcid", add=':pub ctkg:pmcid "PMC1" .'),
    C(
        "pub-doi-url",
        "publication",
        "Publication-doi",
        add=':pub2 ctkg:doi "https://doi.org/10.1002/14651858.CD013257.pub2" .',
    ),
    C("pub-doi-short-registrant", "publication", "Publication-doi", add=':pub2 ctkg:doi "10.100/abc" .'),
    C(
        "pub-doi-with-space",
        "publication",
        "Publication-doi",
        add=':pub2 ctkg:doi "10.1002/14651858 CD013257" .',
    ),
    C("pub-two-dois", "publication", "Publication-doi", add=':pub ctkg:doi "10.1200/JCO.23.99999" .'),
    C("pub-title-twice", "publication", "Publication-title", add=':pub ctkg:title "A" , "B" .'),
    C(
        "pub-journal-twice",
        "publication",
        "Publication-journal",
        add=':pub ctkg:journal "J Clin Oncol" , "JCO" .',
    ),
    C(
        "pub-date-typed",
        "publication",
        "Publication-publicationDate",
        add=':pub ctkg:publicationDate "2024-03-29"^^xsd:date .',
    ),
    C(
        "pub-year-string",
        "publication",
        "Publication-publicationYear",
        add=':pub ctkg:publicationYear "2024" .',
    ),
    C(
        "pub-epub-typed",
        "publication",
        "Publication-epubDate",
        add=':pub ctkg:epubDate "2024-03-29"^^xsd:date .',
    ),
    C("pub-volume-integer", "publication", "Publication-volume", add=":pub ctkg:volume 42 ."),
    C("pub-issue-twice", "publication", "Publication-issue", add=':pub ctkg:issue "1" , "2" .'),
    C("pub-pages-twice", "publication", "Publication-pages", add=':pub ctkg:pages "1-10" , "11-20" .'),
    C("pub-authors-iri", "publication", "Publication-authors", add=":pub ctkg:authors :someone ."),
    C(
        "pub-citation-langstring",
        "publication",
        "Publication-citationText",
        add=':pub ctkg:citationText "Herbst RS, ..."@en .',
    ),
    C(
        "pub-free-pmc-string",
        "publication",
        "Publication-freePmcArticle",
        add=':pub ctkg:freePmcArticle "Free PMC article" .',
    ),
    C("pub-type-empty", "publication", "Publication-publicationType", add=':pub ctkg:publicationType "" .'),
    C("pub-updated-twice", "publication", "Publication-updated", add=":pub ctkg:updated true , false ."),
    C(
        "pub-coi-twice",
        "publication",
        "Publication-conflictOfInterest",
        add=':pub ctkg:conflictOfInterest "a" , "b" .',
    ),
    C("pub-reports-untyped", "publication", "Publication-reportsTrial", add=":pub ctkg:reportsTrial :x ."),
    C(
        "pub-mentions-full-trial",
        "publication",
        "Publication-mentionsTrial",
        add=TRIAL + " :pub ctkg:mentionsTrial :trial .",
    ),
    C("pub-similar-untyped", "publication", "Publication-similarTo", add=":pub ctkg:similarTo :x ."),
    C("pub-updated-in-untyped", "publication", "Publication-updatedIn", add=":pub2 ctkg:updatedIn :x ."),
    C(
        "pub-cites-literal",
        "publication",
        "Publication-cites",
        add=':pub cito:cites "Herbst RS et al. Nature 2018" .',
    ),
    C("pub-cited-by-untyped", "publication", "Publication-isCitedBy", add=":pub cito:isCitedBy :x ."),
    C(
        "pub-section-untyped",
        "publication",
        "Publication-hasAbstractSection",
        add=":pub ctkg:hasAbstractSection :x .",
    ),
    C(
        "pub-pubmed-record-literal",
        "publication",
        "Publication-pubmedRecord",
        add=':pub2 ctkg:pubmedRecord "https://pubmed.ncbi.nlm.nih.gov/33316104/" .',
    ),
    C(
        "pub-two-pmc-records",
        "publication",
        "Publication-pmcRecord",
        add=":pub ctkg:pmcRecord <https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/> ,"
        " <https://www.ncbi.nlm.nih.gov/pmc/articles/PMC2/> .",
    ),
    C(
        "pub-doi-record-literal",
        "publication",
        "Publication-doiRecord",
        add=':pub ctkg:doiRecord "10.1200/JCO.23.02166" .',
    ),
    C(
        "pub-mesh-heading-literal",
        "publication",
        "Publication-meshHeading",
        add=':pub ctkg:meshHeading "D002289" .',
    ),
    C(
        "pub-mesh-heading-other-iri",
        "publication",
        "Publication-meshHeading",
        add=":pub ctkg:meshHeading <https://meshb.nlm.nih.gov/record/ui?ui=D002289> .",
    ),
    C(
        "pub-substance-literal",
        "publication",
        "Publication-substance",
        add=':pub ctkg:substance "Budesonide" .',
    ),
    C(
        "pub-substance-qualifier-iri",
        "publication",
        "Publication-substance",
        add=":pub ctkg:substance <http://id.nlm.nih.gov/mesh/Q000627> .",
    ),
    C(
        "pub-mesh-iris-ok",
        "publication",
        (),
        add=":pub ctkg:meshHeading <http://id.nlm.nih.gov/mesh/D002289> ;"
        " ctkg:substance <http://id.nlm.nih.gov/mesh/D019819> , <http://id.nlm.nih.gov/mesh/C509186> .",
    ),
    C("section-no-label", "publication", "AbstractSection-label", drop=':sec1 rdfs:label "Purpose" .'),
    C(
        "section-two-headings",
        "publication",
        "AbstractSection-sectionLabel",
        add=':sec1 ctkg:sectionLabel "Objective" .',
    ),
    C("section-without-heading-ok", "publication", (), drop=':sec1 ctkg:sectionLabel "Purpose" .'),
    C(
        "section-no-text",
        "publication",
        "AbstractSection-sectionText",
        drop=':sec1 ctkg:sectionText "Although checkpoint inhibitors..." .',
    ),
    C(
        "section-order-zero",
        "publication",
        "AbstractSection-sectionOrder",
        drop=":sec1 ctkg:sectionOrder 1 .",
        add=":sec1 ctkg:sectionOrder 0 .",
    ),
    # --- SourceGraph, BuildActivity, Software ---------------------------------------------------
    C(
        "graph-no-label",
        "provenance",
        "SourceGraph-label",
        drop=':graph rdfs:label "what contact-01.pubmed.txt says" .',
    ),
    C(
        "graph-no-time",
        "provenance",
        "SourceGraph-generatedAtTime",
        drop=':graph prov:generatedAtTime "2025-01-15T10:30:00Z"^^xsd:dateTime .',
    ),
    C(
        "graph-time-date-only",
        "provenance",
        "SourceGraph-generatedAtTime",
        drop=':graph prov:generatedAtTime "2025-01-15T10:30:00Z"^^xsd:dateTime .',
        add=':graph prov:generatedAtTime "2025-01-15"^^xsd:date .',
    ),
    C(
        "graph-time-plain-string",
        "provenance",
        "SourceGraph-generatedAtTime",
        drop=':graph prov:generatedAtTime "2025-01-15T10:30:00Z"^^xsd:dateTime .',
        add=':graph prov:generatedAtTime "2025-01-15T10:30:00Z" .',
    ),
    C(
        "graph-sha-uppercase",
        "provenance",
        "SourceGraph-sourceSha256",
        drop=':graph ctkg:sourceSha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .',
        add=':graph ctkg:sourceSha256 "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08" .',
    ),
    C(
        "graph-sha-short",
        "provenance",
        "SourceGraph-sourceSha256",
        drop=':graph ctkg:sourceSha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .',
        add=':graph ctkg:sourceSha256 "9f86d081884c7d659a2feaa0c55ad015" .',
    ),
    C(
        "graph-no-sha",
        "provenance",
        "SourceGraph-sourceSha256",
        drop=':graph ctkg:sourceSha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" .',
    ),
    C("graph-two-files", "provenance", "SourceGraph-sourceFile", add=':graph ctkg:sourceFile "other.txt" .'),
    C(
        "graph-derived-from-literal",
        "provenance",
        "SourceGraph-wasDerivedFrom",
        add=':graph prov:wasDerivedFrom "https://pubmed.ncbi.nlm.nih.gov/38552197/" .',
    ),
    C(
        "graph-generated-by-untyped",
        "provenance",
        "SourceGraph-wasGeneratedBy",
        drop=":graph prov:wasGeneratedBy :run .",
        add=":graph prov:wasGeneratedBy :x .",
    ),
    C("activity-no-label", "provenance", "BuildActivity-label", drop=':run rdfs:label "ctkg build" .'),
    C(
        "activity-start-string",
        "provenance",
        "BuildActivity-startedAtTime",
        drop=':run prov:startedAtTime "2025-01-15T10:29:58Z"^^xsd:dateTime .',
        add=':run prov:startedAtTime "yesterday" .',
    ),
    C(
        "activity-agent-untyped",
        "provenance",
        "BuildActivity-wasAssociatedWith",
        add=":run prov:wasAssociatedWith :someone .",
    ),
    C("software-no-label", "provenance", "Software-label", drop=':ctkg rdfs:label "ctkg 0.1.0" .'),
    C(
        "software-no-version",
        "provenance",
        "Software-softwareVersion",
        drop=':ctkg ctkg:softwareVersion "0.1.0" .',
    ),
    # --- things that must conform -------------------------------------------------------------
    C("mentioned-trial-needs-no-arms-or-endpoints", "mentioned", ()),
    C(
        "non-randomized-single-arm-trial-ok",
        "trial",
        (),
        drop=":trial ctkg:randomized true . :trial ctkg:hasArm :armB ."
        " :trial ctkg:primaryEndpoint :os . :trial ctkg:nRandomized 10 .",
        add=":trial ctkg:randomized false ; ctkg:nRandomized 5 .",
    ),
    C(
        "randomized-unknown-is-not-checked",
        "trial",
        (),
        drop=":trial ctkg:randomized true . :trial ctkg:hasArm :armB . :trial ctkg:nRandomized 10 .",
    ),
    C(
        "same-arm-label-in-two-trials-ok",
        "trial",
        (),
        add=':trial2 a ctkg:Trial ; rdfs:label "TEST-02" ; ctkg:hasArm :armC .'
        ' :armC a ctkg:Arm ; rdfs:label "A" ; ctkg:hasIntervention :ivA .',
    ),
    C(
        "arm-sum-not-checked-when-an-arm-lacks-n",
        "trial",
        (),
        drop=":armB ctkg:nRandomized 5 . :armB ctkg:nSafety 4 .",
    ),
    C(
        "nsafety-equal-nrandomized-ok",
        "trial",
        (),
        drop=":armB ctkg:nSafety 4 .",
        add=":armB ctkg:nSafety 5 .",
    ),
    # string comparison would say "9.5" > "10.7"; numbers must be compared as numbers
    C(
        "ci-compared-numerically",
        "results",
        (),
        drop=":median ctkg:ciLower 8.8 . :median ctkg:ciUpper 12.3 .",
        add=":median ctkg:ciLower 9.5 ; ctkg:ciUpper 100.2 .",
    ),
    C(
        "ci-canonical-decimal-ok",
        "results",
        (),
        drop=":median ctkg:ciUpper 12.3 .",
        add=':median ctkg:ciUpper "13"^^xsd:decimal .',
    ),
    C(
        "estimate-equal-to-bounds-ok",
        "results",
        (),
        drop=":median ctkg:ciLower 8.8 . :median ctkg:ciUpper 12.3 .",
        add=":median ctkg:ciLower 10.70 ; ctkg:ciUpper 10.7 .",
    ),
    # --- registry figures: results groups, baseline, compared groups, published values ------
    C(
        "results-group-blank",
        "registry",
        "ResultsGroupShape",
        add='[] a ctkg:ResultsGroup ; rdfs:label "X" .',
    ),
    C("results-group-no-label", "registry", "ResultsGroup-label", drop=':total rdfs:label "Total" .'),
    C(
        "results-group-two-descriptions",
        "registry",
        "ResultsGroup-description",
        add=':total ctkg:description "Both arms" .',
    ),
    C(
        "baseline-blank",
        "registry",
        "BaselineMeasurementShape",
        add='[] a ctkg:BaselineMeasurement ; rdfs:label "x" ; ctkg:characteristic "x" ;'
        ' ctkg:statistic "mean" ; ctkg:arm :armA .',
    ),
    C(
        "baseline-no-label",
        "registry",
        "BaselineMeasurement-label",
        drop=':age rdfs:label "Age, Continuous, A" .',
    ),
    C(
        "baseline-no-characteristic",
        "registry",
        "BaselineMeasurement-characteristic",
        drop=':age ctkg:characteristic "Age, Continuous" .',
    ),
    C(
        "baseline-statistic-unknown",
        "registry",
        "BaselineMeasurement-statistic",
        drop=':age ctkg:statistic "mean" .',
        add=':age ctkg:statistic "average" .',
    ),
    C("baseline-no-arm", "registry", "BaselineMeasurement-arm", drop=":age ctkg:arm :armA ."),
    C(
        "baseline-estimate-text",
        "registry",
        "BaselineMeasurement-estimate",
        drop=":age ctkg:estimate 39.9 .",
        add=':age ctkg:estimate "39.9" .',
    ),
    C(
        "baseline-published-range-inverted",
        "registry",
        "BaselineMeasurement-publishedInconsistent",
        add=":age ctkg:spreadLower 77.0 ; ctkg:spreadUpper 48.0 .",
        message="the ends of a range that do not fit together (77.0 to 48.0) at resultsSection.baseline",
    ),
    C(
        "trial-results-group-untyped",
        "registry",
        "Trial-hasResultsGroup",
        add=":trial ctkg:hasResultsGroup :x .",
    ),
    C(
        "trial-baseline-untyped",
        "registry",
        "Trial-hasBaselineMeasurement",
        add=":trial ctkg:hasBaselineMeasurement :x .",
    ),
    C(
        "trial-enrollment-negative",
        "registry",
        "Trial-enrollment",
        drop=":trial ctkg:enrollment 194 .",
        add=":trial ctkg:enrollment -1 .",
    ),
    C(
        "comparison-compares-untyped",
        "registry",
        "Comparison-comparedGroup",
        add=":lsdiff ctkg:comparedGroup :x .",
    ),
    C(
        "comparison-neither-arms-nor-groups",
        "registry",
        "Comparison-armsOrGroups",
        drop=":lsdiff ctkg:comparedGroup :armA , :armB .",
    ),
    C(
        "published-ci-not-containing-estimate",
        "registry",
        "Result-publishedInconsistent",
        drop=":lsdiff ctkg:estimate -17.8 .",
        add=":lsdiff ctkg:estimate 17.8 .",
        message="an estimate and its confidence interval that do not fit together"
        " (17.8; -22.5 to -13.1) at resultsSection.outcomeMeasuresModule.outcomeMeasures[7].analyses[0]",
    ),
    C(
        "published-percent-above-100",
        "registry",
        "Result-publishedPercentRange",
        drop=":rate ctkg:estimate 83.7 .",
        add=":rate ctkg:estimate 837.0 .",
        message="837.0 percent of participants at resultsSection.outcomeMeasuresModule.outcomeMeasures[0]",
    ),
    C(
        "published-ae-count-above-at-risk",
        "registry",
        "AdverseEventSummary-publishedCountAboveAtRisk",
        drop=":other ctkg:count 29 .",
        add=":other ctkg:count 290 .",
        message="290 participants affected of 97 at risk at resultsSection.adverseEventsModule",
    ),
    C("base-iri-independent", "trial", (), add='<urn:x-other:trial> a ctkg:Trial ; rdfs:label "OTHER" .'),
]


def _case_ids(cases):
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    return ids


# ------------------------------------------------------------------------------------------
# Tests
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BASES))
def test_base_graph_conforms_without_any_result(shapes, name):
    graph = parse(BASES[name])
    conforms, findings = validate(graph, shapes)
    assert findings == []
    assert conforms is True


def test_bases_instantiate_every_class():
    types = set()
    for ttl in BASES.values():
        types |= set(parse(ttl).objects(None, RDF.type))
    assert {CTKG[c] for c in SPEC_CLASSES} <= types


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_case(shapes, case):
    graph = build(case)
    conforms, findings = validate(graph, shapes)
    reported = {f.shape for f in findings}
    assert reported == set(case.expect), [(f.shape, f.messages) for f in findings]

    if not case.expect:
        assert conforms is True
        return

    assert conforms is False
    for finding in findings:
        expected = SH.Warning if finding.shape in WARNING_SHAPES else SH.Violation
        assert finding.severity == expected, finding
        # one message, in words, with every {?var} placeholder filled in
        assert len(finding.messages) == 1, finding
        assert finding.messages[0] and "{" not in finding.messages[0], finding
    if case.message:
        assert any(case.message in m for f in findings for m in f.messages), findings

    # Warnings alone must not make the graph non-conforming once warnings are allowed;
    # a single violation beside them must.  (Violation-only graphs: see
    # test_violations_are_not_excused_by_allow_warnings.)
    if any(f.severity == SH.Warning for f in findings):
        conforms_allowing_warnings, _ = validate(graph, shapes, allow_warnings=True)
        only_warnings = all(f.severity == SH.Warning for f in findings)
        assert conforms_allowing_warnings is only_warnings


@pytest.mark.parametrize("case_id", ["trial-blank", "trial-nct-twice", "ae-count-above-n-analysed"])
def test_violations_are_not_excused_by_allow_warnings(shapes, case_id):
    case = next(c for c in CASES if c.id == case_id)
    conforms, findings = validate(build(case), shapes, allow_warnings=True)
    assert conforms is False
    assert findings and all(f.severity == SH.Violation for f in findings)


def test_sparql_rules_report_their_constraint(shapes):
    """A SPARQL rule's result names both its property shape and its SPARQL constraint."""
    sparql_shapes = {str(s)[len(str(CTKGSH)) :]: c for s, c in shapes.subject_objects(SH.sparql)}
    assert sparql_shapes, "no SPARQL constraints found"
    seen = set()
    for case in CASES:
        hits = [s for s in case.expect if s in sparql_shapes]
        if not hits:
            continue
        _, findings = validate(build(case), shapes)
        for finding in findings:
            if finding.shape in sparql_shapes:
                assert finding.constraint == sparql_shapes[finding.shape]
                seen.add(finding.shape)
    assert seen == set(sparql_shapes)


def test_every_class_has_a_node_shape(shapes):
    for name in SPEC_CLASSES:
        shape = CTKGSH[f"{name}Shape"]
        assert (shape, RDF.type, SH.NodeShape) in shapes, name
        assert (shape, SH.targetClass, CTKG[name]) in shapes, name
    # Result's own shape also covers its subclasses (no ontology is loaded with the data)
    for sub in ("ArmResult", "Comparison"):
        assert (CTKGSH.ResultShape, SH.targetClass, CTKG[sub]) in shapes


def test_every_ctkg_instance_must_be_an_iri(shapes):
    iri_checked = set()
    for shape in shapes.subjects(SH.nodeKind, SH.IRI):
        if (shape, RDF.type, SH.NodeShape) in shapes:
            iri_checked |= set(shapes.objects(shape, SH.targetClass))
    assert {CTKG[c] for c in SPEC_CLASSES} <= iri_checked


def test_every_rule_has_exactly_one_message(shapes):
    for node_shape in shapes.subjects(RDF.type, SH.NodeShape):
        has_own_constraint = (node_shape, SH.nodeKind, None) in shapes
        messages = list(shapes.objects(node_shape, SH.message))
        assert len(messages) == (1 if has_own_constraint else 0), node_shape
        assert (node_shape, SH.sparql, None) not in shapes, node_shape
        for prop in shapes.objects(node_shape, SH.property):
            assert isinstance(prop, URIRef), f"unnamed property shape in {node_shape}"
            own = list(shapes.objects(prop, SH.message))
            sparql = list(shapes.objects(prop, SH.sparql))
            if sparql:
                assert own == [], prop
                for constraint in sparql:
                    assert len(list(shapes.objects(constraint, SH.message))) == 1, constraint
            else:
                assert len(own) == 1, prop


def test_every_shape_has_a_violating_case(shapes):
    named = set()
    for node_shape in shapes.subjects(RDF.type, SH.NodeShape):
        if (node_shape, SH.nodeKind, None) in shapes:
            named.add(node_shape)
        named |= set(shapes.objects(node_shape, SH.property))
    named = {str(s)[len(str(CTKGSH)) :] for s in named}
    covered = {shape for case in CASES for shape in case.expect}
    assert named - covered == set(), "rules without a violating test"
    assert covered - named == set(), "tests expecting rules that do not exist"


def test_the_flow_stages_are_the_record_models(shapes):
    """One list of stages (kg.model.FlowStage): the shapes accept exactly those."""
    from typing import get_args

    from kg.model import FlowStage

    pattern = str(shapes.value(CTKGSH["ParticipantCount-flowStage"], SH.pattern))
    assert pattern == "^(" + "|".join(get_args(FlowStage)) + ")$"


def test_warning_rules_are_warnings(shapes):
    declared = {str(s)[len(str(CTKGSH)) :] for s in shapes.subjects(SH.severity, SH.Warning)}
    assert declared == WARNING_SHAPES
    assert not set(shapes.subjects(SH.severity, SH.Info))


def test_contact01_graph_conforms(shapes):
    graph = Graph().parse(FIXTURES / "contact-01.ttl", format="turtle")
    for name in SPEC_CLASSES:
        # the mapping emits the subclasses ArmResult and Comparison; CONTACT-01 gives drugs
        # only and has two arms (no pooled groups); its graph states the arms' sizes as their
        # ctkg:nRandomized, and no participant count (the flow fixture: test_mapping_results.py);
        # an abstract reports no registry results groups or baseline measurements
        if name not in (
            "Result",
            "Treatment",
            "PooledArms",
            "ParticipantCount",
            "ResultsGroup",
            "BaselineMeasurement",
        ):
            assert (None, RDF.type, CTKG[name]) in graph, f"fixture lacks a {name}"
    conforms, findings = validate(graph, shapes)
    assert findings == []
    assert conforms is True


def test_contact01_graph_with_errors_is_reported(shapes):
    """The same graph with a typo in the hazard ratio and in an AE percent."""
    graph = Graph().parse(FIXTURES / "contact-01.ttl", format="turtle")
    t = Namespace("https://w3id.org/ctkg/id/trial/nct04471428/")
    hr = t["result/overall-survival/hazard_ratio/atezolizumab-cabozantinib/vs/docetaxel"]
    ae = t["ae/docetaxel/serious/any-cause"]
    graph.set((hr, CTKG.estimate, Literal(Decimal("8.8"))))  # lost decimal point
    graph.set((ae, CTKG.percent, Literal(Decimal("43.7"))))  # transposed digits
    conforms, findings = validate(graph, shapes)
    assert conforms is False
    assert {(f.shape, f.focus, f.severity) for f in findings} == {
        ("Result-estimateNotAboveCiUpper", hr, SH.Violation),
        ("AdverseEventSummary-percentMatchesCount", ae, SH.Warning),
    }


# ------------------------------------------------------------------------------------------
# The fast path (shapes compiled to SPARQL, run by pyoxigraph) agrees with pySHACL
# ------------------------------------------------------------------------------------------

GRAPH_IRI = "http://example.org/ctkg-test/graph"


def canonical(finding) -> tuple:
    """A finding with blank-node labels made comparable (the store relabels them)."""

    def norm(text: str) -> str:
        return "_:b" if re.fullmatch(r"[nN]?[0-9a-f]{16,}", text) else text

    return tuple(
        norm(getattr(finding, f))
        for f in ("severity", "focus", "path", "shape", "component", "value", "message")
    )


def assert_same_findings(graph: Graph) -> list:
    """pySHACL and the fast path over the same data graph: the triples as the store holds
    them (it prints "0.880"^^xsd:decimal back as "0.88"), validated per named graph and as
    a whole store."""
    store = pyoxigraph.Store()
    data = graph.serialize(format="nt").encode()
    store.load(data, pyoxigraph.RdfFormat.N_TRIPLES, to_graph=pyoxigraph.NamedNode(GRAPH_IRI))
    rebuild_union(store)  # the default graph holds the union, as in every ctkg store
    stored_nt = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.NamedNode(GRAPH_IRI))
    stored = Graph().parse(data=stored_nt.decode(), format="nt")
    reference = sorted(map(canonical, validate_graph(stored).findings))
    per_graph = validate_named_graphs(store)
    assert set(per_graph) <= {GRAPH_IRI}
    assert sorted(map(canonical, per_graph.get(GRAPH_IRI, Report()).findings)) == reference
    assert sorted(map(canonical, validate_store(store).findings)) == reference
    return reference


@pytest.mark.parametrize("case", CASES, ids=_case_ids(CASES))
def test_fast_validation_agrees_with_pyshacl(case):
    reference = assert_same_findings(build(case))
    if case.id != "ae-percent-two-decimals-off":  # "34.70" is stored as "34.7", which fits the count
        assert {f[3].rsplit("#", 1)[1] for f in reference} == set(case.expect)


@pytest.mark.parametrize("name", sorted(BASES))
def test_fast_validation_of_base_graphs_finds_nothing(name):
    assert assert_same_findings(parse(BASES[name])) == []


def test_fast_validation_of_the_contact01_graph_with_errors():
    graph = Graph().parse(FIXTURES / "contact-01.ttl", format="turtle")
    assert assert_same_findings(graph) == []
    t = Namespace("https://w3id.org/ctkg/id/trial/nct04471428/")
    graph.set(
        (
            t["result/overall-survival/hazard_ratio/atezolizumab-cabozantinib/vs/docetaxel"],
            CTKG.estimate,
            Literal(Decimal("8.8")),
        )
    )
    graph.set((t["ae/docetaxel/serious/any-cause"], CTKG.percent, Literal(Decimal("43.7"))))
    assert len(assert_same_findings(graph)) == 2


def test_an_unsupported_constraint_is_refused_not_skipped(shapes):
    extra = Graph()
    extra += shapes
    extra.add((CTKGSH["Trial-title"], SH.maxLength, Literal(300)))
    with pytest.raises(ShapesError, match="maxLength"):
        compile_shapes(extra, False, False)
