"""Typed records of what a trial reports: per-arm results, between-group comparisons,
adverse-event figures, participant-flow counts and baseline characteristics.

Each figure names the arm (or pooled group, or registry results group) it belongs to by
label; ``kg.model.Trial`` checks that the labels resolve.  A figure read from prose that
contradicts itself is refused here; a figure a registry published (``source_path`` set) is
kept as published, and SHACL reports it (see ``kg.model_base.Published``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from kg.model_base import Evidence, Published

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
    # what registry records report besides (ClinicalTrials.gov measure and analysis types)
    "least_squares_mean",
    "geometric_mean",
    "geometric_least_squares_mean",
    "log_mean",
    "number",  # a plain number the registry reports ("Number"), not a proportion of participants
    "count_of_units",  # units counted (eyes, lesions), not participants
    "mean_difference",
    "least_squares_mean_difference",
    "median_difference",
    "risk_difference",
    "ratio",  # another ratio (of geometric means, of rates...): parameter_type says which
    "other",  # an analysis parameter the registry names in words only: parameter_type says it
]
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
    # registry participant flow: a period's STARTED and NOT COMPLETED milestones, and any
    # other milestone the record names in words (ParticipantCount.milestone says which)
    "started",
    "not completed",
    "milestone",
]


class Estimate(Published):
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
    parameter_type: str | None = Field(
        default=None, description="the statistic as the registry names it: 'Least Squares Mean', 'Slope'"
    )
    comment: str | None = Field(default=None, description="the registry's note on the value (why 'NA')")
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Estimate:
        if self.estimate is not None and self.estimate_not_reached:
            raise ValueError("estimate: a value cannot be both a number and 'not reached'")
        if self.source_path is not None:
            return self
        if self.ci_lower is not None and self.ci_upper is not None and self.ci_lower > self.ci_upper:
            raise ValueError(f"ci_lower {self.ci_lower} is above ci_upper {self.ci_upper}")
        if self.estimate is not None:
            if self.ci_lower is not None and self.ci_lower > self.estimate:
                raise ValueError(f"ci_lower {self.ci_lower} is above the estimate {self.estimate}")
            if self.ci_upper is not None and self.ci_upper < self.estimate:
                raise ValueError(f"ci_upper {self.ci_upper} is below the estimate {self.estimate}")
        return self


class Spread(Published):
    """A value's dispersion other than a CI: a standard deviation or error (one number), or a
    full or interquartile range (two ends)."""

    dispersion: str | None = Field(default=None, description="STANDARD_DEVIATION, FULL_RANGE ...")
    spread: Decimal | None = Field(default=None, ge=0, description="a standard deviation or error")
    spread_lower: Decimal | None = Field(default=None, description="lower end of a range or IQR")
    spread_upper: Decimal | None = Field(default=None, description="upper end of a range or IQR")


class ArmResult(Estimate, Spread):
    endpoint: str
    statistic: Statistic
    arm: str = Field(description="label of the arm (or pooled group, or registry results group)")
    endpoint_time_frame: str | None = Field(
        default=None, description="a registry outcome's time frame: with the title, names the endpoint"
    )
    timepoint: str | None = None
    subgroup: str | None = None
    count: int | None = Field(
        default=None, ge=0, description="patients with the event, as printed with a rate"
    )
    n_analysed: int | None = Field(default=None, ge=0, description="the denominator a rate was printed with")
    n_analysed_overall: int | None = Field(
        default=None,
        ge=0,
        description="the participants the whole measure analyses, when its class analyses fewer",
    )
    n_units_analysed: int | None = Field(
        default=None, ge=0, description="units analysed when a registry counts units, not participants"
    )
    units_analysed: str | None = Field(default=None, description="what n_units_analysed counts: 'eyes'")

    @model_validator(mode="after")
    def _proportion(self) -> ArmResult:
        rate = self.statistic == "rate" and self.unit == "percent" and self.estimate is not None
        if rate and self.source_path is None and not 0 <= self.estimate <= 100:
            raise ValueError(f"percent {self.estimate} is outside 0-100")
        return self


class Comparison(Estimate, Spread):
    endpoint: str
    statistic: Statistic
    arm: str | None = Field(default=None, description="experimental arm label")
    comparator: str | None = Field(default=None, description="reference arm label")
    groups: list[str] = Field(
        default_factory=list,
        description="every arm or group the analysis compares, as the registry lists them (when "
        "it does not say which is experimental, arm and comparator stay empty)",
    )
    stratified: bool | None = None
    endpoint_time_frame: str | None = Field(
        default=None, description="a registry outcome's time frame: with the title, names the endpoint"
    )
    timepoint: str | None = None
    subgroup: str | None = None
    method: str | None = Field(default=None, description="statistical method, e.g. Log Rank")
    non_inferiority: str | None = Field(
        default=None, description="the registry's hypothesis type: SUPERIORITY, NON_INFERIORITY ..."
    )
    non_inferiority_comment: str | None = Field(
        default=None, description="its margin, as the record states it"
    )
    ci_sides: str | None = Field(default=None, description="ONE_SIDED or TWO_SIDED")

    @model_validator(mode="after")
    def _two_arms(self) -> Comparison:
        if self.arm is not None and self.arm == self.comparator:
            raise ValueError(f"comparison of arm {self.arm!r} with itself")
        return self


class AdverseEventSummary(Published):
    arm: str
    category: str = Field(min_length=1)
    treatment_related: bool
    term: str | None = None
    count: int | None = Field(default=None, ge=0)
    percent: Decimal | None = Field(default=None, ge=0, le=100)
    n_analysed: int | None = Field(default=None, ge=0)
    n_events: int | None = Field(
        default=None, ge=0, description="events counted (a patient may have several)"
    )
    organ_system: str | None = None
    vocabulary: str | None = Field(default=None, description="the term's source vocabulary: 'MedDRA (18.0)'")
    assessment: str | None = Field(
        default=None, description="SYSTEMATIC_ASSESSMENT or NON_SYSTEMATIC_ASSESSMENT"
    )
    evidence: Evidence | None = None

    @model_validator(mode="after")
    def _coherent(self) -> AdverseEventSummary:
        if self.count is None and self.percent is None:
            raise ValueError("an adverse-event summary needs a count or a percent")
        too_many = self.count is not None and self.n_analysed is not None and self.count > self.n_analysed
        if too_many and self.source_path is None:
            raise ValueError(f"count {self.count} exceeds the {self.n_analysed} patients analysed")
        return self


class ParticipantCount(Published):
    """How many participants reached one stage of the trial's flow (CONSORT): '1,269
    patients were screened', '1023 were eligible and evaluable', '82 patients assigned to
    chemotherapy crossed over'; of one arm, or of the whole trial when ``arm`` is None.  A
    registry's flow also names the period and milestone, or the reason for withdrawal."""

    stage: FlowStage
    count: int = Field(ge=0)
    arm: str | None = Field(
        default=None, description="label of the arm (or pooled group); None for the whole trial"
    )
    percent: Decimal | None = Field(default=None, ge=0, le=100, description="as printed with the count")
    period: str | None = Field(default=None, description="registry flow period: 'Overall Study'")
    milestone: str | None = Field(default=None, description="registry milestone as named: 'Treated'")
    reason: str | None = Field(default=None, description="why participants withdrew: 'Adverse Event'")
    units: int | None = Field(default=None, ge=0, description="units (eyes, lesions) the count stands for")
    comment: str | None = None
    evidence: Evidence | None = None


class BaselineMeasurement(Estimate, Spread):
    """One baseline characteristic of one arm or group, as a registry reports it: 'Age,
    Continuous' mean 39.9 (SD 14.04) years; 'Sex: Female, Male' count of participants 51."""

    characteristic: str = Field(min_length=1)
    statistic: Statistic
    arm: str
    subgroup: str | None = Field(default=None, description="class / category: 'Female', 'White'")
    n_analysed: int | None = Field(default=None, ge=0)
    n_analysed_overall: int | None = Field(default=None, ge=0)
    n_units_analysed: int | None = Field(default=None, ge=0)
    units_analysed: str | None = None


class ResultsGroup(Published):
    """A group a registry record reports results for that is not one of its arms: the total
    of all arms, an analysis population of an arm, a cohort or dose level within one."""

    label: str = Field(min_length=1)
    description: str | None = None
