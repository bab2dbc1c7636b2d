"""From contrasts to the studies of one network: one outcome, one measure, one row per pair.

Network meta-analysis packages take each study as a baseline treatment and the contrasts of
its other treatments against it.  Here a study is a trial; its baseline is the treatment most
often used as the reference in its contrasts (ties: the first by name), contrasts printed the
other way round are turned (y -> -y), and where several versions of a pair are printed, one is
chosen (``choose``): from a source that prints the pair once over one that prints several
analyses of it (a registry's updated follow-up beside the primary analysis), then a standard
error from the interval over one from a p-value, then the main analysis (no time point), then
the first source file by name.  Conflicting sources are reported as warnings, never averaged.

For a study of three or more arms, the contrasts share the baseline arm, so they covary: gemtc
and multinma take that as the standard error of the baseline arm's mean outcome on the analysis
scale (both packages' documentation of ``data.re`` / ``set_agd_contrast``).  It is derived from
what the trial printed: its contrast between two non-baseline arms (Var(d_BC) = Var(d_AB) +
Var(d_AC) - 2 Var(y_A)), else the baseline arm's own figures (log HR: 1/events; log OR:
1/r + 1/(n - r); log RR: 1/r - 1/n; MD: SD^2/n); else it stays unknown, and the export says so.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from kg.synthesis.contrasts import ArmData, Contrast, disagree

_METHOD_RANK = {"ci": 0, "ci-one-sided": 1, "arm-counts": 2, "p-value": 3}


@dataclass(frozen=True)
class Pair:
    """One contrast of a study against its baseline: ``y`` compares ``treatment`` with it."""

    treatment: str
    y: float
    se: float
    source: Contrast
    flipped: bool = False  # printed the other way round: the baseline was its experimental arm

    @property
    def baseline_data(self) -> ArmData:
        return self.source.arm_data if self.flipped else self.source.comparator_data


@dataclass
class Study:
    """A trial's contrasts against one baseline treatment."""

    label: str
    trial_iri: str
    baseline: str
    pairs: list[Pair]
    baseline_se: float | None = None  # SE of the baseline arm's mean outcome (multi-arm only)
    warnings: list[str] = field(default_factory=list)

    @property
    def multi_arm(self) -> bool:
        return len(self.pairs) > 1


def select(
    items: list[Contrast], endpoint: str, measure: str, population: str | None = None
) -> list[Contrast]:
    """The usable contrasts of one endpoint (its plain key or its title) and measure."""
    want = endpoint.strip().lower()
    return [
        c
        for c in items
        if c.usable
        and c.measure == measure
        and c.population == population
        and want in (c.endpoint_key, c.endpoint.lower())
    ]


def choose(candidates: list[Contrast]) -> Contrast:
    """The version of one pair of one trial to analyse (the order the module docstring gives)."""
    per_source = Counter(c.source_graph for c in candidates)
    return min(
        candidates,
        key=lambda c: (
            per_source[c.source_graph] > 1,
            _METHOD_RANK.get(c.se_method, 9),
            c.timepoint is not None,
            c.source_file,
            c.result_iri,
        ),
    )


def _baseline(items: list[Contrast]) -> str:
    counts = Counter(c.control for c in items)
    best = max(counts.values())
    return min(t for t, n in counts.items() if n == best)


def _arm_variance(c: Contrast, data: ArmData) -> float | None:
    """Variance of one arm's mean outcome on the measure's analysis scale, from its figures."""
    e, n = data.events, data.n
    if c.measure == "HR" and e:
        return 1 / e
    if c.measure == "OR" and e and n and n > e:
        return 1 / e + 1 / (n - e)
    if c.measure == "RR" and e and n and n > e:
        return 1 / e - 1 / n
    if c.measure == "MD" and data.sd is not None and n:
        return float(data.sd) ** 2 / n
    return None


def _baseline_variance(pairs: list[Pair], others: list[Contrast]) -> float | None:
    """From a printed contrast between two non-baseline arms, else the baseline arm's figures."""
    by_treatment = {p.treatment: p for p in pairs}
    for o in others:
        a, b = by_treatment.get(o.treatment), by_treatment.get(o.control)
        if a and b and o.se:
            v = (a.se**2 + b.se**2 - o.se**2) / 2
            if v > 0:
                return v
    for p in pairs:
        v = _arm_variance(p.source, p.baseline_data)
        if v is not None:
            return v
    return None


def study_of(label: str, items: list[Contrast]) -> Study:
    """One trial's contrasts (already one endpoint and measure) as pairs against its baseline."""
    baseline = _baseline(items)
    versions: dict[str, list[Contrast]] = defaultdict(list)
    others: list[Contrast] = []
    for c in items:
        if baseline in (c.treatment, c.control):
            versions[c.treatment if c.control == baseline else c.control].append(c)
        else:
            others.append(c)
    chosen = {t: choose(cs) for t, cs in versions.items()}
    warnings = [
        f"{label}: {t} vs {baseline}: {chosen[t].source_file} ({chosen[t].estimate}) kept, "
        f"{c.source_file} prints {c.estimate}"
        for t, cs in sorted(versions.items())
        for c in cs
        if c.source_graph != chosen[t].source_graph and disagree(c, chosen[t])
    ]
    warnings += sorted(  # a factorial trial's other factor, or a third pair of a multi-arm trial
        {
            f"{label}: {c.treatment} vs {c.control} is not against the baseline {baseline}: left out"
            for c in others
        }
    )
    pairs = [
        Pair(t, c.y if c.control == baseline else -c.y, c.se, c, c.control != baseline)  # type: ignore[operator]
        for t, c in sorted(chosen.items())
    ]
    study = Study(label, items[0].trial_iri, baseline, pairs, warnings=warnings)
    if study.multi_arm:
        v = _baseline_variance(pairs, others)
        if v is not None and v < min(p.se**2 for p in pairs):  # a covariance matrix that is positive definite
            study.baseline_se = math.sqrt(v)
        else:
            study.warnings.append(
                f"{label}: {len(pairs) + 1} arms, the baseline arm's standard error is unknown"
            )
    return study


def studies(items: list[Contrast]) -> list[Study]:
    """The network's studies, one per trial, labelled by the trial's name (made unique)."""
    by_trial: dict[str, list[Contrast]] = defaultdict(list)
    for c in items:
        by_trial[c.trial_iri].append(c)
    name = {iri: trial_name(cs) for iri, cs in by_trial.items()}
    taken = Counter(name.values())
    out = []
    for iri, cs in sorted(by_trial.items(), key=lambda kv: (name[kv[0]], kv[0])):
        out.append(study_of(name[iri] if taken[name[iri]] == 1 else f"{name[iri]} <{iri}>", cs))
    return out


def trial_name(items: list[Contrast]) -> str:
    """One name per trial, whichever of its sources named it (the first by order)."""
    return min(c.trial for c in items)
