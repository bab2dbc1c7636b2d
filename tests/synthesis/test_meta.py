"""Pairwise pooling against a published worked example: Kacker (2004) interlaboratory means,
as computed with R metafor (rma(y, v, method="DL") and method="FE") and printed in statsmodels'
test results (statsmodels/stats/tests/results/results_meta.py: exk1_dl, exk1_fe)."""

from __future__ import annotations

import math

import pytest

from kg.synthesis.meta import pool

# the per-study inputs as printed: y and its variance v
Y = [61.0, 61.4, 62.21, 62.3, 62.34, 62.6, 62.7, 62.84, 65.9]
V = [0.2025, 1.2100, 0.0900, 0.2025, 0.3844, 0.5625, 0.0676, 0.0225, 1.8225]


def test_dersimonian_laird_and_fixed_effect_reproduce_metafor():
    r = pool(Y, [math.sqrt(v) for v in V])
    # exk1_dl: b 62.3901386044504, se 0.245749668040304, ci 61.9084781058787 to 62.8717991030221,
    # tau2 0.288049246973751, QE 24.801897741835, I2 67.744403741711 (percent)
    assert r.random[0] == pytest.approx(62.3901386044504, abs=1e-12)
    assert r.random[1] == pytest.approx(0.245749668040304, abs=1e-12)
    assert (r.random[2], r.random[3]) == (
        pytest.approx(61.9084781058787, abs=1e-10),
        pytest.approx(62.8717991030221, abs=1e-10),
    )
    assert r.tau2 == pytest.approx(0.288049246973751, abs=1e-12)
    assert r.q == pytest.approx(24.801897741835, abs=1e-10)
    assert r.i2 * 100 == pytest.approx(67.744403741711, abs=1e-9)
    # exk1_fe: b 62.5833970939982, se 0.107845705498231, ci 62.3720233953344 to 62.7947707926621
    assert r.fixed[0] == pytest.approx(62.5833970939982, abs=1e-12)
    assert r.fixed[1] == pytest.approx(0.107845705498231, abs=1e-12)
    assert (r.fixed[2], r.fixed[3]) == (
        pytest.approx(62.3720233953344, abs=1e-10),
        pytest.approx(62.7947707926621, abs=1e-10),
    )


def test_prediction_interval_is_higgins_2009():
    from scipy import stats

    r = pool(Y, [math.sqrt(v) for v in V])
    half = stats.t.ppf(0.975, len(Y) - 2) * math.sqrt(0.288049246973751 + 0.245749668040304**2)
    assert r.prediction == (
        pytest.approx(62.3901386044504 - half, abs=1e-9),
        pytest.approx(62.3901386044504 + half, abs=1e-9),
    )


def test_one_study_is_not_pooled():
    with pytest.raises(ValueError, match="two studies"):
        pool([0.1], [0.2])
