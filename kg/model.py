"""Typed records between the parsers and the RDF mapping.

Parsers fill these; the mapping reads them.  Validation here catches impossible values
(a CI whose lower bound is above its upper bound, a percent of 120, a negative count) at
the moment a parser produces them, with a message naming the field.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Statistic = Literal[
    "median",
    "mean",
    "hazard_ratio",
    "odds_ratio",
    "risk_ratio",
    "rate",
    "difference",
    "count",
    "relative_reduction",
    "relative_change",
    "number_needed_to_treat",
    "p_value",  # a between-arm test reported by its p-value alone
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


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


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
    pooled_from: list[str] = Field(
        default_factory=list,
        description="a pooled group, not an arm: the labels of the arms it pools (a factorial design's "
        "'cetuximab' group is every arm giving cetuximab)",
    )

    @property
    def drug_names(self) -> list[str]:
        return [i.drug.name for i in self.interventions]


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


class Evidence(Record):
    """Where a fact was read: the sentence as printed and the character span within it."""

    section: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @property
    def quote(self) -> str:
        return self.sentence[self.start : self.end]


class Estimate(Record):
    """A point estimate with its interval; a value that was not reached is a flag, not a number."""

    estimate: Decimal | None = None
    estimate_not_reached: bool = False
    ci_lower: Decimal | None = None
    ci_upper: Decimal | None = None
    ci_lower_not_reached: bool = False
    ci_upper_not_reached: bool = False
    ci_level: Decimal | None = Field(default=None, gt=0, lt=100)
    p_value: Decimal | None = Field(default=None, ge=0, le=1)
    p_value_qualifier: str | None = None
    unit: str | None = None
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Estimate:
        if self.estimate is not None and self.estimate_not_reached:
            raise ValueError("estimate: a value cannot be both a number and 'not reached'")
        if self.ci_lower is not None and self.ci_upper is not None and self.ci_lower > self.ci_upper:
            raise ValueError(f"ci_lower {self.ci_lower} is above ci_upper {self.ci_upper}")
        if self.estimate is not None:
            if self.ci_lower is not None and self.ci_lower > self.estimate:
                raise ValueError(f"ci_lower {self.ci_lower} is above the estimate {self.estimate}")
            if self.ci_upper is not None and self.ci_upper < self.estimate:
                raise ValueError(f"ci_upper {self.ci_upper} is below the estimate {self.estimate}")
        return self


class ArmResult(Estimate):
    endpoint: str
    statistic: Statistic
    arm: str = Field(description="label of the arm")
    timepoint: str | None = None
    subgroup: str | None = None
    count: int | None = Field(
        default=None, ge=0, description="patients with the event, as printed with a rate"
    )
    n_analysed: int | None = Field(default=None, ge=0, description="the denominator a rate was printed with")

    @model_validator(mode="after")
    def _proportion(self) -> ArmResult:
        rate = self.statistic == "rate" and self.unit == "percent" and self.estimate is not None
        if rate and not 0 <= self.estimate <= 100:
            raise ValueError(f"percent {self.estimate} is outside 0-100")
        return self

    dispersion: str | None = Field(default=None, description="STANDARD_DEVIATION, FULL_RANGE ...")
    spread: Decimal | None = Field(default=None, ge=0, description="a standard deviation or error")
    spread_lower: Decimal | None = Field(default=None, description="lower end of a range or IQR")
    spread_upper: Decimal | None = Field(default=None, description="upper end of a range or IQR")


class Comparison(Estimate):
    endpoint: str
    statistic: Statistic
    arm: str | None = Field(default=None, description="experimental arm label")
    comparator: str | None = Field(default=None, description="reference arm label")
    stratified: bool | None = None
    timepoint: str | None = None
    subgroup: str | None = None
    method: str | None = Field(default=None, description="statistical method, e.g. Log Rank")

    @model_validator(mode="after")
    def _two_arms(self) -> Comparison:
        if self.arm is not None and self.arm == self.comparator:
            raise ValueError(f"comparison of arm {self.arm!r} with itself")
        return self


class AdverseEventSummary(Record):
    arm: str
    category: str = Field(min_length=1)
    treatment_related: bool
    term: str | None = None
    count: int | None = Field(default=None, ge=0)
    percent: Decimal | None = Field(default=None, ge=0, le=100)
    n_analysed: int | None = Field(default=None, ge=0)
    organ_system: str | None = None
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _coherent(self) -> AdverseEventSummary:
        if self.count is None and self.percent is None:
            raise ValueError("an adverse-event summary needs a count or a percent")
        if self.count is not None and self.n_analysed is not None and self.count > self.n_analysed:
            raise ValueError(f"count {self.count} exceeds the {self.n_analysed} patients analysed")
        return self


FlowStage = Literal[
    "screened",
    "enrolled",
    "randomized",
    "eligible",
    "evaluable",
    "treated",
    "analysed",
    "completed",
    "excluded",
    "withdrawn",
    "lost to follow-up",
    "crossed over",
    "discontinued",
]


class ParticipantCount(Record):
    """How many participants reached one stage of the trial's flow (CONSORT): '1,269
    patients were screened', '1023 were eligible and evaluable', '82 patients assigned to
    chemotherapy crossed over'; of one arm, or of the whole trial when ``arm`` is None."""

    stage: FlowStage
    count: int = Field(ge=0)
    arm: str | None = Field(
        default=None, description="label of the arm (or pooled group); None for the whole trial"
    )
    percent: Decimal | None = Field(default=None, ge=0, le=100, description="as printed with the count")
    evidence: Evidence | None = None


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
        """A stable identity for IRIs: PMID, else DOI, else the printed citation."""
        if self.pmid:
            return f"pmid/{self.pmid}"
        if self.doi:
            return f"doi/{self.doi.lower()}"
        if self.citation_text:
            return "ref/" + _digest(self.citation_text)
        raise ValueError("a publication needs a PMID, a DOI or its citation text")


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
    endpoints: list[Endpoint] = Field(default_factory=list)
    n_randomized: int | None = Field(default=None, ge=0)
    primary_endpoint_met: bool | None = None
    min_follow_up_months: Decimal | None = Field(default=None, ge=0)
    median_follow_up_months: Decimal | None = Field(default=None, ge=0)
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
    unread_sentences: list[str] = Field(
        default_factory=list, description="results sentences with numbers that yielded no fact"
    )

    @property
    def nct_id(self) -> str | None:
        return next((r for r in self.registry_ids if r.startswith("NCT")), None)

    @model_validator(mode="after")
    def _references_resolve(self) -> Trial:
        labels = [a.label for a in [*self.arms, *self.groups]]
        if len(set(labels)) != len(labels):
            raise ValueError(f"arm labels must be unique within a trial: {labels}")
        known = set(labels)
        arms = {a.label for a in self.arms}
        for group in self.groups:
            if len(group.pooled_from) < 2 or not set(group.pooled_from) <= arms:
                raise ValueError(f"pooled group {group.label!r} must pool two or more of the trial's arms")
        named = [r.arm for r in self.arm_results] + [a.arm for a in self.adverse_events]
        named += [c.arm for c in self.participant_flow if c.arm]
        named += [x for c in self.comparisons for x in (c.arm, c.comparator) if x]
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
    warnings: list[str] = Field(
        default_factory=list, description="what the parser could not read and left out, each naming its line"
    )


def _digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()[:16]
