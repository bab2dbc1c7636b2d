"""`ctkg meta` on the web fixture store (CheckMate 017 and 057, nivolumab vs docetaxel): the
table it prints, and its forest plot drawn by headless Chromium with the pooled diamonds."""

from __future__ import annotations

import math
import subprocess
from statistics import NormalDist

from kg.synthesis.meta import pool

from .conftest import CTKG

Z = NormalDist().inv_cdf


def test_meta_pools_checkmate_017_and_057_and_draws_the_diamonds(web_store_dir, browser, tmp_path):
    svg = tmp_path / "forest.svg"
    done = subprocess.run(
        [
            CTKG,
            "meta",
            "--endpoint",
            "overall survival",
            "--treatment",
            "nivolumab",
            "--comparator",
            "docetaxel",
            "--store",
            str(web_store_dir),
            "--svg",
            str(svg),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    # CheckMate 017: "hazard ratio, 0.59; 95% CI, 0.44 to 0.79"; 057: "0.73; 96% CI, 0.59 to 0.89"
    y = [math.log(0.59), math.log(0.73)]
    se = [
        (math.log(0.79) - math.log(0.44)) / (2 * Z(0.975)),
        (math.log(0.89) - math.log(0.59)) / (2 * Z(0.98)),
    ]
    expected = pool(y, se)
    fixed = f"{math.exp(expected.fixed[0]):.2f} ({math.exp(expected.fixed[2]):.2f} to {math.exp(expected.fixed[3]):.2f})"
    assert fixed in done.stdout
    assert "CheckMate 017" in done.stdout and "CheckMate 057" in done.stdout
    browser.get(svg.as_uri())
    boxes = browser.execute_script(
        "return [...document.querySelectorAll('polygon.pooled')].map(p => {const b = p.getBBox();"
        " return [b.width, b.height];});"
    )
    assert len(boxes) == 2 and all(w > 5 and h > 10 for w, h in boxes)
    shot = tmp_path / "meta-forest.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 1000


def test_a_drug_plot_of_one_comparison_in_two_trials_gets_the_pooled_diamonds(web_store):
    from kg.web import data
    from kg.web.pages import _pooled

    groups = data.cross_trial_groups(data.all_comparisons(web_store), drug="nivolumab")
    os_group = next(g for g in groups if "overall survival" in g.key and g.key.endswith("hazard_ratio"))
    assert sorted(c.trial for c in os_group.items) == ["CheckMate 017", "CheckMate 057"]
    pooled = _pooled(os_group.items)
    y = [math.log(0.59), math.log(0.73)]
    se = [
        (math.log(0.79) - math.log(0.44)) / (2 * Z(0.975)),
        (math.log(0.89) - math.log(0.59)) / (2 * Z(0.98)),
    ]
    expected = pool(y, se)
    assert [line.label for line in pooled] == ["Fixed effect", "Random effects (DL)"]
    assert float(pooled[1].estimate) == round(math.exp(expected.random[0]), 2)
    # the docetaxel-comparator plot compares different regimens: never pooled
    docetaxel = data.cross_trial_groups(data.all_comparisons(web_store))
    mixed = next(g for g in docetaxel if g.key == "comparator-docetaxel-overall survival-hazard_ratio")
    assert _pooled(mixed.items) == []
