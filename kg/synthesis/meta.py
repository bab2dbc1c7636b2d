"""Pairwise meta-analysis of the contrasts of one treatment against one comparator.

Pooling is statsmodels' ``combine_effects`` (inverse-variance fixed effect and DerSimonian–Laird
random effects, with tau², I² and Cochran's Q), checked against R metafor by its authors; ctkg
only chooses and orients the contrasts and adds the prediction interval, which statsmodels does
not give: mu ± t(k-2, 0.975) · sqrt(tau² + SE(mu)²) (Higgins, Thompson & Spiegelhalter, J R Stat
Soc A 2009;172:137-159), for three studies or more.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kg.synthesis.contrasts import Contrast
from kg.synthesis.network import choose, select, trial_name


@dataclass(frozen=True)
class StudyEffect:
    """One trial's contrast of the treatment with the comparator, on the analysis scale."""

    label: str
    y: float
    se: float
    source: Contrast
    flipped: bool  # the trial printed comparator vs treatment: y is turned


@dataclass(frozen=True)
class Pooled:
    k: int
    fixed: tuple[float, float, float, float]  # estimate, se, lower, upper (analysis scale)
    random: tuple[float, float, float, float]
    tau2: float
    i2: float  # proportion, 0-1
    q: float
    prediction: tuple[float, float] | None  # random-effects prediction interval, k >= 3
    weights_fixed: list[float]
    weights_random: list[float]


def pool(y: list[float], se: list[float], level: float = 0.95) -> Pooled:
    """Fixed and DerSimonian–Laird random effects of the effects ``y`` with standard errors ``se``."""
    import numpy as np
    from scipy import stats
    from statsmodels.stats.meta_analysis import combine_effects

    if len(y) < 2:
        raise ValueError("pooling needs two studies or more")
    res = combine_effects(np.asarray(y, float), np.asarray(se, float) ** 2, method_re="dl", alpha=1 - level)
    (fe_lo, fe_hi), (re_lo, re_hi) = res.conf_int()[0], res.conf_int()[1]
    k = len(y)
    prediction = None
    if k >= 3:
        half = stats.t.ppf((1 + level) / 2, k - 2) * math.sqrt(res.tau2 + res.sd_eff_w_re**2)
        prediction = (res.mean_effect_re - half, res.mean_effect_re + half)
    return Pooled(
        k=k,
        fixed=(float(res.mean_effect_fe), float(res.sd_eff_w_fe), float(fe_lo), float(fe_hi)),
        random=(float(res.mean_effect_re), float(res.sd_eff_w_re), float(re_lo), float(re_hi)),
        tau2=float(res.tau2),
        i2=float(res.i2),
        q=float(res.q),
        prediction=prediction,
        weights_fixed=[float(w) for w in res.weights_rel_fe],
        weights_random=[float(w) for w in res.weights_rel_re],
    )


def _matches(regimen: str, arm: str, wanted: str) -> bool:
    w = wanted.strip().lower()
    return w in (regimen.lower(), arm.lower())


def study_effects(
    items: list[Contrast], endpoint: str, treatment: str, comparator: str, measure: str = "HR"
) -> list[StudyEffect]:
    """One effect per trial of ``treatment`` vs ``comparator`` on the endpoint (main population),
    turned where the trial printed it the other way round; per trial the version
    ``kg.synthesis.network.choose`` prefers."""
    by_trial: dict[str, list[Contrast]] = defaultdict(list)
    for c in select(items, endpoint, measure):
        forward = _matches(c.treatment, c.arm, treatment) and _matches(c.control, c.comparator, comparator)
        backward = _matches(c.treatment, c.arm, comparator) and _matches(c.control, c.comparator, treatment)
        if forward or backward:
            by_trial[c.trial_iri].append(c)
    effects = []
    for cs in by_trial.values():
        c = choose(cs)
        forward = _matches(c.treatment, c.arm, treatment)
        effects.append(StudyEffect(trial_name(cs), c.y if forward else -c.y, c.se, c, not forward))  # type: ignore[arg-type, operator]
    return sorted(effects, key=lambda s: s.label)


def shown(value: float, log: bool, places: int = 2) -> Decimal:
    """A pooled or derived figure for the table and the plot, back on the ratio scale."""
    return round(Decimal(math.exp(value) if log else value), places)


def table(effects: list[StudyEffect], result: Pooled, log: bool, measure: str) -> str:
    """The per-study figures and the pooled results as a plain-text table."""
    z = 1.959963984540054

    def triple(y: float, lo: float, hi: float) -> str:
        return f"{shown(y, log)} ({shown(lo, log)} to {shown(hi, log)})"

    lines = [f"{'study':40} {measure + ' (95% CI)':>24} {'weight FE':>10} {'weight RE':>10}  source"]
    for s, wf, wr in zip(effects, result.weights_fixed, result.weights_random, strict=True):
        name = s.label if len(s.label) <= 40 else s.label[:39] + "\u2026"
        ci = triple(s.y, s.y - z * s.se, s.y + z * s.se)
        lines.append(f"{name:40} {ci:>24} {wf * 100:9.1f}% {wr * 100:9.1f}%  {s.source.source_file}")
    fe, re_ = result.fixed, result.random
    lines.append(f"{'fixed effect (inverse variance)':40} {triple(fe[0], fe[2], fe[3]):>24}")
    lines.append(f"{'random effects (DerSimonian-Laird)':40} {triple(re_[0], re_[2], re_[3]):>24}")
    if result.prediction:
        lo, hi = result.prediction
        lines.append(f"{'prediction interval':40} {f'{shown(lo, log)} to {shown(hi, log)}':>24}")
    lines.append(
        f"k = {result.k}, tau\u00b2 = {result.tau2:.4f}, I\u00b2 = {result.i2 * 100:.1f}%, Q = {result.q:.2f}"
        f" (df {result.k - 1})"
    )
    return "\n".join(lines)
