"""Typed records between the parsers and the RDF mapping.

Parsers fill these; the mapping reads them.  Validation here catches impossible values
(a CI whose lower bound is above its upper bound, a percent of 120, a negative count) at
the moment a parser produces them, with a message naming the field.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from kg.model_base import Evidence, Published, Record
from kg.model_results import (
    AdverseEventSummary,
    ArmResult,
    BaselineMeasurement,
    Comparison,
    Estimate,
    FlowStage,
    ParticipantCount,
    ResultsGroup,
    Spread,
    Statistic,
)

__all__ = [  # the results records live in kg.model_results; importing them from here stays valid
    "AdverseEventSummary",
    "ArmResult",
    "BaselineMeasurement",
    "Comparison",
    "Estimate",
    "Evidence",
    "FlowStage",
    "ParticipantCount",
    "Published",
    "ResultsGroup",
    "Spread",
    "Statistic",
]

Relation = Literal["cites", "cited_by", "similar", "updated_in"]
# What kind of thing an arm gives: ClinicalTrials.gov's intervention types (kg/sources/ctgov.py
# maps them; ontology/ctkg.ttl names the same table on each kind class), plus the two kinds the
# registry files under Drug or Other: a placebo, and usual care (observation, best supportive
# care, standard care).
InterventionKind = Literal[
    "drug",
    "biological",
    "radiation",
    "procedure",
    "behavioral",
    "device",
    "diagnostic",
    "dietary_supplement",
    "genetic",
    "combination_product",
    "placebo",
    "usual_care",
    "other",
]
# The kinds whose agent is a substance a drug lexicon names (ctkg:drug to a ctkg:Drug); every
# other kind names its agent as a plain ctkg:Treatment, so it never counts as an unmapped drug.
DRUG_KINDS = frozenset({"drug", "biological", "placebo"})
# MeSH unique ids: descriptors are D + digits, supplementary concept records C + digits
MeshDescriptorUI = Annotated[str, StringConstraints(pattern=r"^D[0-9]{6,9}$")]
MeshUI = Annotated[str, StringConstraints(pattern=r"^[CD][0-9]{6,9}$")]


class Drug(Record):
    name: str = Field(min_length=1, description="generic name, lower case")
    printed: str | None = Field(default=None, description="the name as printed, when the lexicon resolved it")
    drug_class: str | None = Field(default=None, description="ctkg mechanism class, e.g. 'PDL1Inhibitor'")
    mappings: list[str] = Field(default_factory=list, description="verified external IRIs (skos:exactMatch)")


class Intervention(Record):
    """One intervention given within an arm -- a drug, a radiotherapy, an operation, a
    programme, a test strategy, a placebo or usual care -- with its regimen as printed."""

    drug: Drug = Field(
        description="the named agent: the drug, or for another kind its plain name, lower case "
        "('whole brain radiotherapy', 'lobectomy', 'early palliative care')"
    )
    kind: InterventionKind = "drug"
    dose: Decimal | None = Field(
        default=None, gt=0, description="per administration; for radiation the total dose, unit 'Gy'"
    )
    dose_unit: str | None = None
    route: str | None = None
    frequency: str | None = None
    fractions: int | None = Field(default=None, gt=0, description="radiation: fractions the dose is given in")
    other_names: list[str] = Field(default_factory=list, description="the registry's other names: 'REGN668'")

    @property
    def gives_drug(self) -> bool:
        return self.kind in DRUG_KINDS

    @model_validator(mode="after")
    def _fractions_are_radiation(self) -> Intervention:
        if self.fractions is not None and self.kind != "radiation":
            raise ValueError(f"fractions: only a radiation intervention has fractions, not a {self.kind}")
        return self


class Arm(Record):
    label: str = Field(min_length=1)
    interventions: list[Intervention] = Field(default_factory=list)
    choice: bool = Field(default=False, description="the drugs are alternatives (investigator's choice)")
    no_intervention: bool = Field(
        default=False, description="the source states the arm receives no intervention (registry arm type)"
    )
    aliases: list[str] = Field(default_factory=list, description="other names the text uses: 'GD'")
    role: Literal["experimental", "comparator"] | None = None
    n_randomized: int | None = Field(default=None, ge=0)
    n_safety: int | None = Field(default=None, ge=0)
    size_evidence: Evidence | None = None
    n_baseline: int | None = Field(default=None, ge=0, description="participants analysed at baseline")
    description: str | None = Field(default=None, description="the registry's description of the arm")
    pooled_from: list[str] = Field(
        default_factory=list,
        description="a pooled group, not an arm: the labels of the arms it pools (a factorial design's "
        "'cetuximab' group is every arm giving cetuximab)",
    )

    @property
    def drug_names(self) -> list[str]:
        return [i.drug.name for i in self.interventions]

    def called(self, name: str) -> bool:
        """Whether ``name`` is the arm's label or one of its aliases, in any case."""
        said = name.strip().lower()
        return said == self.label.lower() or any(said == a.lower() for a in self.aliases)


class Condition(Record):
    name: str = Field(min_length=1)
    abbreviation: str | None = None
    mappings: list[str] = Field(default_factory=list, description="verified external IRIs (skos:exactMatch)")


class Population(Record):
    condition: Condition | None = None
    disease_stage: str | None = None
    line_of_therapy: str | None = None
    setting: str | None = None


class Endpoint(Record):
    name: str = Field(min_length=1, description="plain name, e.g. 'overall survival'")
    abbreviation: str | None = None
    role: Literal["primary", "secondary"] | None = None
    registry_role: str | None = Field(
        default=None,
        description="a registry outcome's type beyond primary/secondary: OTHER_PRE_SPECIFIED, POST_HOC",
    )
    time_frame: str | None = Field(
        default=None, description="a registry outcome's time frame: the endpoint is its title and time frame"
    )
    description: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        """What results name an endpoint by: its name, and its time frame when it has one."""
        return self.name, self.time_frame


class Publication(Record):
    """A publication as one page or list entry describes it; ids are what the page prints."""

    pmid: str | None = Field(default=None, pattern=r"^[0-9]{1,9}$")
    pmcid: str | None = Field(default=None, pattern=r"^PMC[0-9]+$")
    doi: str | None = Field(default=None, pattern=r"^10\.[0-9]{4,9}/\S+$")
    title: str | None = None
    journal: str | None = None
    date: str | None = None
    year: int | None = Field(default=None, ge=1800, le=2200)
    epub_date: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    authors: str | None = None
    citation_text: str | None = None
    free_pmc_article: bool = False
    updated: bool = False
    publication_types: list[str] = Field(default_factory=list)
    mentioned_trials: list[str] = Field(default_factory=list)
    mesh_headings: list[MeshDescriptorUI] = Field(
        default_factory=list, description="MeSH descriptor UIs of the MeSH headings, e.g. 'D002289'"
    )
    substances: list[MeshUI] = Field(
        default_factory=list,
        description="MeSH UIs of the substances indexed: 'D...' or 'C...' (supplementary)",
    )

    def key(self) -> str:
        """A stable identity for IRIs: PMID, else DOI, else the printed citation, else the
        PMCID (last, so that no IRI minted before PMCIDs counted changes)."""
        if self.pmid:
            return f"pmid/{self.pmid}"
        if self.doi:
            return f"doi/{self.doi.lower()}"
        if self.citation_text:
            return "ref/" + _digest(self.citation_text)
        if self.pmcid:
            return f"pmc/{self.pmcid}"
        raise ValueError("a publication needs a PMID, a DOI, its citation text or a PMCID")


class CitationLink(Record):
    source: Publication
    relation: Relation
    target: Publication


class AbstractSection(Record):
    label: str
    text: str


class Trial(Record):
    registry_ids: list[str] = Field(default_factory=list)
    acronym: str | None = None
    title: str | None = None
    phase: str | None = Field(default=None, pattern=r"^[1-4](/[1-4])?$")
    randomized: bool | None = None
    allocation_ratio: str | None = Field(default=None, pattern=r"^\d+(:\d+)+$")
    blinding: str | None = None
    multicenter: bool | None = None
    population: Population | None = None
    arms: list[Arm] = Field(default_factory=list)
    groups: list[Arm] = Field(
        default_factory=list, description="pooled groups of arms that results compare (factorial designs)"
    )
    background: list[Intervention] = Field(
        default_factory=list,
        description="care every arm received beside what the trial compares (counselling given to all smokers)",
    )
    endpoints: list[Endpoint] = Field(default_factory=list)
    n_randomized: int | None = Field(default=None, ge=0)
    primary_endpoint_met: bool | None = None
    min_follow_up_months: Decimal | None = Field(default=None, ge=0)
    median_follow_up_months: Decimal | None = Field(default=None, ge=0)
    follow_up_evidence: list[Evidence] = Field(
        default_factory=list, description="where the follow-up figures were read (the figure and its range)"
    )
    arm_results: list[ArmResult] = Field(default_factory=list)
    comparisons: list[Comparison] = Field(default_factory=list)
    adverse_events: list[AdverseEventSummary] = Field(default_factory=list)
    participant_flow: list[ParticipantCount] = Field(default_factory=list)
    status: str | None = Field(default=None, description="registry status, e.g. COMPLETED")
    intervention_model: str | None = Field(default=None, description="PARALLEL, CROSSOVER, SINGLE_GROUP ...")
    start_date: str | None = Field(default=None, description="as the registry prints it, e.g. 2012-10")
    completion_date: str | None = None
    sponsor: str | None = None
    conditions: list[str] = Field(default_factory=list, description="conditions the registry lists")
    eligibility: str | None = Field(default=None, description="eligibility criteria text")
    study_type: str | None = Field(default=None, description="INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS")
    enrollment: int | None = Field(default=None, ge=0, description="the registry's enrollment count")
    enrollment_type: str | None = Field(default=None, description="ACTUAL or ESTIMATED (anticipated)")
    last_known_status: str | None = Field(
        default=None, description="a record's status before it went unknown"
    )
    why_stopped: str | None = None
    masked_roles: list[str] = Field(default_factory=list, description="PARTICIPANT, INVESTIGATOR ...")
    aliases: list[str] = Field(default_factory=list, description="NCT numbers merged into this record")
    results_groups: list[ResultsGroup] = Field(
        default_factory=list, description="registry results groups that are not one of the arms"
    )
    baseline: list[BaselineMeasurement] = Field(default_factory=list)
    ae_frequency_threshold: Decimal | None = Field(
        default=None, description="percent above which a registry lists non-serious events"
    )
    ae_time_frame: str | None = None
    unread_sentences: list[str] = Field(
        default_factory=list, description="results sentences with numbers that yielded no fact"
    )

    @property
    def nct_id(self) -> str | None:
        return next((r for r in self.registry_ids if r.startswith("NCT")), None)

    @model_validator(mode="after")
    def _references_resolve(self) -> Trial:
        labels = [a.label for a in [*self.arms, *self.groups, *self.results_groups]]
        if len(set(labels)) != len(labels):
            raise ValueError(f"arm labels must be unique within a trial: {labels}")
        known = set(labels)
        arms = {a.label for a in self.arms}
        for group in self.groups:
            if len(group.pooled_from) < 2 or not set(group.pooled_from) <= arms:
                raise ValueError(f"pooled group {group.label!r} must pool two or more of the trial's arms")
        named = [r.arm for r in self.arm_results] + [a.arm for a in self.adverse_events]
        named += [c.arm for c in self.participant_flow if c.arm]
        named += [x for c in self.comparisons for x in (c.arm, c.comparator, *c.groups) if x]
        named += [b.arm for b in self.baseline]
        unknown = sorted(set(named) - known)
        if unknown:
            raise ValueError(f"results name arms the trial does not have: {unknown}")
        return self


class SourceDocument(Record):
    """Everything one source file says: the unit that becomes one named graph."""

    path: str
    kind: str = Field(description="pubmed-page, pubmed-xml, ctgov-json, ctgov-xml")
    key: str = Field(min_length=1, description="the document's identity within its kind: PMID, NCT id")
    source_url: str | None = Field(default=None, description="the web record it came from")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    publication: Publication | None = None
    trial_publications: list[Publication] = Field(
        default_factory=list, description="publications a registry record lists as reporting the trial"
    )
    abstract: list[AbstractSection] = Field(default_factory=list)
    conflict_of_interest: str | None = None
    trial: Trial | None = None
    citations: list[CitationLink] = Field(default_factory=list)
    updated: str | None = Field(
        default=None,
        description="the record's own last-update date (ISO 8601): of two versions, the newer is kept",
    )
    warnings: list[str] = Field(
        default_factory=list, description="what the parser could not read and left out, each naming its line"
    )

    @property
    def record_kind(self) -> str:
        """The kind of record, whatever its file's format: a registry record as API v2 JSON,
        classic-API JSON or legacy XML is one record (one graph), of which one version loads."""
        return "ctgov" if self.kind.startswith("ctgov") else self.kind


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
