"""The arm-recall benchmark: how a clinician's intervention/comparator prompt is matched to the arms
ctkg found, and a run end to end on a tiny folder (prompts as in jayded/evidence-inference's
prompts_merged.csv for pages copied to tests/fixtures/pool)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Arm, Drug, Intervention
from tests.benchmark_scripts import load_script

SCRIPT = Path(__file__).parents[2] / "benchmarks" / "arm_recall.py"
POOL = Path(__file__).parents[1] / "fixtures" / "pool"


@pytest.fixture(scope="module")
def recall():
    return load_script("arm_recall")


def _arm(*names: str) -> Arm:
    return Arm(label=" + ".join(names), interventions=[Intervention(drug=Drug(name=n)) for n in names])


def test_doses_roles_and_function_words_name_no_intervention(recall):
    assert recall.content_words("Liraglutide (1.2 mg) plus glimepiride") == {"liraglutide", "glimepiride"}
    assert recall.content_words("Comparison arm") == set()
    assert recall.content_words("dextran-70 infusion") == {"dextran", "infusion"}


def test_each_side_takes_the_arm_sharing_most_words_and_never_the_same(recall):
    arms = [_arm("gelatin infusion"), _arm("dextrans")]
    # the PMC2206488 prompt: both sides share 'infusion' with the gelatin arm; the intervention takes the other
    assert recall.assign(
        "dextran-70 infusion was administered", "identical amounts of gelatin infusion", arms
    ) == (
        1,
        0,
    )
    # a comparator naming only a role is any other arm; one naming nothing found is None
    assert recall.assign("10-week yoga program", "Control", [_arm("yoga program"), _arm("control")]) == (0, 1)
    assert recall.assign("homeopathy", "usual care", [_arm("homeopathy")]) == (0, None)


def test_a_tiny_folder(tmp_path: Path, recall) -> None:
    (tmp_path / "pages").mkdir()
    for name in ("PMC3611071", "PMC3648394", "PMC3658388"):
        shutil.copy(POOL / f"{name}.txt", tmp_path / "pages" / f"{name}.txt")
    (tmp_path / "prompts.tsv").write_text(
        "pmcid\tintervention\tcomparator\n"
        "PMC3611071\tPropofol\tSevoflurane\n"
        "PMC3648394\t10-week yoga program\tControl\n"
        "PMC3658388\ttreatment - low-level laser therapy (LLLT)\tplacebo\n"
        "PMC3658388\ttreatment - low-level laser therapy (LLLT)\tbaseline\n"
    )
    out = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--list"], check=True, capture_output=True, text=True
    ).stdout
    assert out.count("  ok ") + out.count("  -- ") == 4
    assert f"{tmp_path}: pages 3, >= 2 arms 3 (100.0%); pairs 4:" in out
