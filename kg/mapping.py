"""RDF mapping: one ``SourceDocument`` record to the triples of its named graph.

The mapping reads records only (never text) and writes only ctkg ontology terms (plus
cito/prov/skos:exactMatch, declared there too).  No blank nodes: every node gets a deterministic IRI
from ``kg.iris``, so rebuilding a document yields the same graph.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, SKOS, XSD, Graph, URIRef

from kg import __version__
from kg.extraction.lexicon import canonical_endpoint
from kg.iris import Minter, several_trials, slug
from kg.mapping_results import adverse_event, baseline_measurement, participant_count, result
from kg.mapping_writer import Writer, unique
from kg.model import Arm, Intervention, Publication, ResultsGroup, SourceDocument, Trial
from kg.namespaces import CITO, CTKG, PROV
from kg.triples import TripleSet, Typed

# NLM's MeSH RDF names descriptors and supplementary concepts <http://id.nlm.nih.gov/mesh/{UI}>
MESH = "http://id.nlm.nih.gov/mesh/"
_RELATIONS = {
    "cites": CITO.cites,
    "cited_by": CITO.isCitedBy,
    "similar": CTKG.similarTo,
    "updated_in": CTKG.updatedIn,
}


def document_graph(
    doc: SourceDocument, base: str, generated_at: datetime | None = None
) -> tuple[URIRef, Graph]:
    """(named-graph IRI, rdflib graph) for one source document."""
    graph_iri, triples = document_triples(doc, base, generated_at)
    return graph_iri, triples.graph()


def document_triples(
    doc: SourceDocument, base: str, generated_at: datetime | None = None
) -> tuple[URIRef, TripleSet]:
    """(named-graph IRI, triples) for one source document."""
    minter = Minter(base)
    w = Writer(minter)
    pub = _publication(w, doc.publication) if doc.publication else None
    if pub is not None:
        w.add(pub, CTKG.conflictOfInterest, doc.conflict_of_interest)
    for n, section in enumerate(doc.abstract if pub is not None else [], start=1):
        sec = w.node(
            minter.under(pub, "abstract", str(n)), CTKG.AbstractSection, section.label or f"section {n}"
        )
        w.sections.setdefault(section.label, sec)
        w.add(pub, CTKG.hasAbstractSection, sec)
        w.add(sec, CTKG.sectionLabel, section.label or None)
        w.add(sec, CTKG.sectionText, section.text)
        w.add(sec, CTKG.sectionOrder, n)
    if doc.trial is not None:
        source = f"{doc.kind}-{doc.key}"
        trial = _trial_node(w, doc.trial, doc.publication, fallback=slug(source))
        _trial(w, doc.trial, trial, source)
        for reporter in [pub] if pub is not None else []:
            w.add(reporter, CTKG.reportsTrial, trial)
            if several_trials(doc.trial):  # a pooled analysis: it names the trials it pools
                for rid in doc.trial.registry_ids:
                    w.add(reporter, CTKG.mentionsTrial, _registered(w, rid))
        for p in doc.trial_publications:
            w.add(_publication(w, p), CTKG.reportsTrial, trial)
    for link in doc.citations:
        w.add(_publication(w, link.source), _RELATIONS[link.relation], _publication(w, link.target))
    graph_iri = minter.graph(doc.record_kind, doc.key)
    _provenance(w, graph_iri, doc, generated_at or build_time())
    return graph_iri, w.g


def _publication(w: Writer, p: Publication) -> URIRef:
    iri = w.node(w.m.publication(p), CTKG.Publication, p.title or p.citation_text or _id_label(p))
    w.add_all(
        iri,
        (
            (CTKG.pmid, p.pmid),
            (CTKG.pmcid, p.pmcid),
            (CTKG.doi, p.doi),
            (CTKG["title"], p.title),
            (CTKG.journal, p.journal),
            (CTKG.publicationDate, p.date),
            (CTKG.publicationYear, p.year),
            (CTKG.epubDate, p.epub_date),
            (CTKG.volume, p.volume),
            (CTKG.issue, p.issue),
            (CTKG.pages, p.pages),
            (CTKG.authors, p.authors),
            (CTKG.citationText, p.citation_text),
        ),
    )
    if p.free_pmc_article:
        w.add(iri, CTKG.freePmcArticle, True)
    if p.updated:
        w.add(iri, CTKG.updated, True)
    for kind in p.publication_types:
        w.add(iri, CTKG.publicationType, kind)
    for prop, url in _external_records(p):
        w.add(iri, prop, URIRef(url))
    for ui in p.mesh_headings:
        w.add(iri, CTKG.meshHeading, URIRef(MESH + ui))
    for ui in p.substances:
        w.add(iri, CTKG.substance, URIRef(MESH + ui))
    for name in p.mentioned_trials:
        trial = w.node(w.m.mentioned_trial(name), CTKG.MentionedTrial, name)
        w.add(trial, CTKG.acronym, name)
        w.add(iri, CTKG.mentionsTrial, trial)
    return iri


def _id_label(p: Publication) -> str:
    """An untitled publication (a page saved without its title line) is named by its first id."""
    kind, value = next((k, v) for k, v in (("PMID", p.pmid), ("PMCID", p.pmcid), ("DOI", p.doi)) if v)
    return f"{kind} {value}"


def _external_records(p: Publication) -> Iterable[tuple[URIRef, str]]:
    if p.pmid:
        yield CTKG.pubmedRecord, f"https://pubmed.ncbi.nlm.nih.gov/{p.pmid}/"
    if p.pmcid:
        yield CTKG.pmcRecord, f"https://www.ncbi.nlm.nih.gov/pmc/articles/{p.pmcid}/"
    if p.doi:
        yield CTKG.doiRecord, "https://doi.org/" + quote(p.doi, safe="/():;.-_")


def _trial_node(w: Writer, t: Trial, reporter: Publication | None, fallback: str) -> URIRef:
    """The node of the trial the source describes (see ``Minter.trial``), with its registry
    numbers.  When a publication prints the numbers of several trials (a pooled analysis),
    its trial node lists them, and each of those trials keeps a node of its own (see
    ``_registered``), which their registry records describe."""
    several = reporter is not None and several_trials(t)
    label = t.acronym or (None if several else t.nct_id) or t.title
    label = label or (reporter.title or reporter.citation_text if reporter else None) or fallback
    iri = w.node(w.m.trial(t, reporter, fallback), CTKG.Trial, label)
    for rid in t.registry_ids:
        if several:
            w.add(iri, CTKG.registryId, rid)
        else:
            _registry_id(w, iri, rid)
    return iri


def _registered(w: Writer, rid: str) -> URIRef:
    """A trial a publication names by its registry number only: a mentioned trial, which
    becomes a described one when its registry record is loaded (same node)."""
    iri = w.node(w.m.registered_trial(rid), CTKG.MentionedTrial, rid)
    _registry_id(w, iri, rid)
    return iri


def _registry_id(w: Writer, iri: URIRef, rid: str) -> None:
    w.add(iri, CTKG.registryId, rid)
    if rid.startswith("NCT"):
        w.add(iri, CTKG.nctId, rid)
        w.add(iri, CTKG.registryRecord, URIRef(f"https://clinicaltrials.gov/study/{rid}"))


def _trial(w: Writer, t: Trial, iri: URIRef, source: str) -> None:
    """The trial node is shared by every source that describes the trial; what one source
    says of it (arms, endpoints, results) gets nodes of that source's own, under
    ``<trial>/<source>/``, so two sources' figures never merge into one node."""
    scope = URIRef(f"{iri}/{slug(source)}")
    w.add_all(
        iri,
        (
            (CTKG.acronym, t.acronym),
            (CTKG["title"], t.title),
            (CTKG.phase, t.phase),
            (CTKG.randomized, t.randomized),
            (CTKG.allocationRatio, t.allocation_ratio),
            (CTKG.blinding, t.blinding),
            (CTKG.multicenter, t.multicenter),
            (CTKG.nRandomized, t.n_randomized),
            (CTKG.primaryEndpointMet, t.primary_endpoint_met),
            (CTKG.minFollowUpMonths, t.min_follow_up_months),
            (CTKG.medianFollowUpMonths, t.median_follow_up_months),
            (CTKG.overallStatus, t.status),
            (CTKG.interventionModel, t.intervention_model),
            (CTKG.startDate, t.start_date),
            (CTKG.completionDate, t.completion_date),
            (CTKG.sponsor, t.sponsor),
            (CTKG.eligibilityCriteria, t.eligibility),
            (CTKG.studyType, t.study_type),
            (CTKG.enrollment, t.enrollment),
            (CTKG.enrollmentType, t.enrollment_type),
            (CTKG.lastKnownStatus, t.last_known_status),
            (CTKG.whyStopped, t.why_stopped),
            (CTKG.aeFrequencyThreshold, t.ae_frequency_threshold),
            (CTKG.aeTimeFrame, t.ae_time_frame),
        ),
    )
    for role in t.masked_roles:
        w.add(iri, CTKG.maskedRole, role)
    for alias in t.aliases:
        w.add(iri, CTKG.nctIdAlias, alias)
    for name in t.conditions:
        w.add(iri, CTKG.studiesCondition, w.node(w.m.condition(name), CTKG.Condition, name))
    _population(w, iri, scope, t)
    # two labels may share a slug ('S+ group', 'S- group'): every node gets an IRI of its own
    used: set[URIRef] = set()
    arms = {a.label: _arm(w, iri, scope, a, order, used) for order, a in enumerate(t.arms, start=1)}
    _background(w, iri, scope, t, used)
    for group in t.groups:
        arms[group.label] = _pooled(w, iri, scope, group, arms, used)
    for rg in t.results_groups:
        arms[rg.label] = _results_group(w, iri, scope, rg, used)
    endpoints = {}
    for e in t.endpoints:
        node = w.node(unique(w.m.under(scope, "endpoint", e.name), used), CTKG.Endpoint, e.name)
        w.add(node, CTKG.abbreviation, e.abbreviation)
        w.add(node, CTKG.endpointKey, canonical_endpoint(e.name))
        w.add(node, CTKG.timeFrame, e.time_frame)
        w.add(node, CTKG.registryOutcomeType, e.registry_role)
        w.add(node, CTKG.description, e.description)
        role = {"primary": CTKG.primaryEndpoint, "secondary": CTKG.secondaryEndpoint}.get(e.role or "")
        w.add(iri, role or CTKG.hasEndpoint, node)
        endpoints.setdefault(e.key, node)
        endpoints.setdefault((e.name, None), node)
    for r in [*t.arm_results, *t.comparisons]:
        w.add(iri, CTKG.hasResult, result(w, scope, r, arms, endpoints, used))
    for e in t.adverse_events:
        w.add(iri, CTKG.hasAdverseEventSummary, adverse_event(w, scope, e, arms, used))
    for c in t.participant_flow:
        w.add(iri, CTKG.hasParticipantCount, participant_count(w, scope, c, arms, used))
    for b in t.baseline:
        w.add(iri, CTKG.hasBaselineMeasurement, baseline_measurement(w, scope, b, arms, used))


def _population(w: Writer, trial: URIRef, scope: URIRef, t: Trial) -> None:
    p = t.population
    if p is None:
        return
    node = w.node(
        w.m.under(scope, "population"), CTKG.Population, f"population of {t.acronym or t.nct_id or 'trial'}"
    )
    w.add(trial, CTKG.hasPopulation, node)
    w.add(node, CTKG.diseaseStage, p.disease_stage)
    w.add(node, CTKG.lineOfTherapy, p.line_of_therapy)
    w.add(node, CTKG.setting, p.setting)
    if p.condition:
        cond = w.node(w.m.condition(p.condition.name), CTKG.Condition, p.condition.name)
        w.add(cond, CTKG.abbreviation, p.condition.abbreviation)
        for mapping in p.condition.mappings:
            w.add(cond, SKOS.exactMatch, URIRef(mapping))
        w.add(node, CTKG.condition, cond)


def _arm(w: Writer, trial: URIRef, scope: URIRef, a: Arm, order: int, used: set[URIRef]) -> URIRef:
    iri = w.node(unique(w.m.under(scope, "arm", a.label), used), CTKG.Arm, a.label)
    w.add(trial, CTKG.hasArm, iri)
    w.add(iri, CTKG.armRole, a.role)
    w.add(iri, CTKG.armOrder, order)
    if a.drug_names:
        w.add(iri, CTKG.drugSet, "+".join(sorted(set(a.drug_names))))
    if a.interventions:  # stated both ways, so a reasoner can tell a combination from a choice
        w.add(iri, CTKG.drugChoice, a.choice)
    if a.no_intervention:
        w.add(iri, CTKG.noIntervention, True)
    for alias in a.aliases:
        w.add(iri, CTKG.alias, alias)
    w.add(iri, CTKG.description, a.description)
    w.add(iri, CTKG.nRandomized, a.n_randomized)
    w.add(iri, CTKG.nSafety, a.n_safety)
    w.add(iri, CTKG.nBaseline, a.n_baseline)
    for n, i in enumerate(a.interventions, start=1):  # a second course of a drug (another dose): -2
        w.add(iri, CTKG.hasIntervention, _intervention(w, iri, i, n, f"{i.drug.name} in {a.label}", used))
    w.evidence(iri, a.size_evidence)
    return iri


def _background(w: Writer, trial: URIRef, scope: URIRef, t: Trial, used: set[URIRef]) -> None:
    """Care every arm received beside what the trial compares: an intervention of the trial, not
    of an arm, so that arms, drug look-ups and drug sets name what was compared."""
    for n, i in enumerate(t.background, start=1):
        node = _intervention(w, scope, i, n, f"{i.drug.name} in every arm", used, "background")
        w.add(trial, CTKG.backgroundIntervention, node)


def _intervention(
    w: Writer,
    owner: URIRef,
    i: Intervention,
    n: int,
    label: str,
    used: set[URIRef],
    under: str = "intervention",
) -> URIRef:
    node = w.node(unique(w.m.under(owner, under, i.drug.name), used), CTKG.Intervention, label)
    w.add(node, CTKG.interventionType, i.kind)
    w.add(node, *_agent(w, i))
    w.add(node, CTKG.interventionOrder, n)
    w.add(node, CTKG.doseValue, i.dose)
    w.add(node, CTKG.doseUnit, i.dose_unit)
    w.add(node, CTKG.fractions, i.fractions)
    w.add(node, CTKG.route, i.route)
    w.add(node, CTKG.frequency, i.frequency)
    for name in i.other_names:
        w.add(node, CTKG.otherName, name)
    return node


def _pooled(
    w: Writer, trial: URIRef, scope: URIRef, g: Arm, arms: dict[str, URIRef], used: set[URIRef]
) -> URIRef:
    """A factorial design's pooled group ('cetuximab': every arm giving cetuximab)."""
    iri = w.node(unique(w.m.under(scope, "pooled", g.label), used), CTKG.PooledArms, g.label)
    w.add(trial, CTKG.hasPooledArms, iri)
    for label in g.pooled_from:
        w.add(iri, CTKG.pooledFrom, arms[label])
    return iri


def _results_group(w: Writer, trial: URIRef, scope: URIRef, g: ResultsGroup, used: set[URIRef]) -> URIRef:
    """A registry results group that is none of the arms ('Total', 'Placebo (FAS)')."""
    iri = w.node(unique(w.m.under(scope, "group", g.label), used), CTKG.ResultsGroup, g.label)
    w.add(trial, CTKG.hasResultsGroup, iri)
    w.add(iri, CTKG.description, g.description)
    return iri


def _agent(w: Writer, i: Intervention) -> tuple[URIRef, URIRef]:
    """(link, node) for what an intervention gives.  A drug, biological or placebo is a drug
    node (ctkg:drug): its generic name, that name lower-cased (ctkg:nameKey: a query looks a
    drug up by name ignoring case through the index, not by comparing every drug's label), the
    mechanism class the lexicon gives it, so a drug the lexicon does not know is only a
    ctkg:Drug; any other kind is a plain ctkg:Treatment (ctkg:treatment) named as printed
    (whole brain radiotherapy), never an unmapped drug."""
    d = i.drug
    if i.gives_drug:
        iri = w.node(w.m.drug(d.name), CTKG.Drug, d.name)
        w.add(iri, CTKG.nameKey, d.name.lower())
        w.add(iri, RDF.type, CTKG[d.drug_class] if d.drug_class else None)
    else:
        iri = w.node(w.m.treatment(d.name), CTKG.Treatment, d.name)
    for mapping in d.mappings:
        w.add(iri, SKOS.exactMatch, URIRef(mapping))
    return (CTKG.drug if i.gives_drug else CTKG.treatment), iri


def build_time() -> datetime:
    """Now, or $SOURCE_DATE_EPOCH (reproducible-builds.org): the same inputs then give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def _provenance(w: Writer, graph_iri: URIRef, doc: SourceDocument, at: datetime) -> None:
    activity = w.node(
        w.m.under(graph_iri, "build"), CTKG.BuildActivity, f"ctkg build of {Path(doc.path).name}"
    )
    agent = w.node(URIRef(f"{w.m.base}software/ctkg/{__version__}"), CTKG.Software, f"ctkg {__version__}")
    w.node(graph_iri, CTKG.SourceGraph, f"statements from {Path(doc.path).name}")
    stamp = Typed(at.replace(microsecond=0).isoformat(), str(XSD.dateTime))
    w.add(graph_iri, PROV.wasDerivedFrom, URIRef(doc.source_url) if doc.source_url else None)
    w.add(graph_iri, PROV.wasGeneratedBy, activity)
    w.add(graph_iri, PROV.generatedAtTime, stamp)
    w.add(graph_iri, CTKG.sourceFile, Path(doc.path).name)
    w.add(graph_iri, CTKG.sourceSha256, doc.sha256)
    w.add(graph_iri, CTKG.recordUpdated, doc.updated)
    for sentence in doc.trial.unread_sentences if doc.trial else []:
        w.add(graph_iri, CTKG.unreadSentence, sentence)
    w.add(activity, PROV.wasAssociatedWith, agent)
    w.add(activity, PROV.startedAtTime, stamp)
    w.add(agent, CTKG.softwareVersion, __version__)
