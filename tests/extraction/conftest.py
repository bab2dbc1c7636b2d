"""Reading quoted abstracts with the public entry point, and naming arms by what they give.

Tests of the results readers feed ``kg.extraction.extract_trial`` the design sentence and
the results sentences of a real abstract (quoted, with its PMID), so each figure is read with
the arms, roles, pooled groups and abbreviations the whole pipeline would give it.  Arms are
named in assertions by the set of their interventions (as the shared gold does), never by
their generated labels.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kg.extraction import extract_trial
from kg.model import AbstractSection, Arm, Trial


@dataclass
class Reading:
    trial: Trial

    def arm(self, label: str) -> Arm:
        return next(a for a in [*self.trial.arms, *self.trial.groups] if a.label == label)

    def drugs(self, label: str | None) -> frozenset[str]:
        """What the arm a result names gives (empty for no arm)."""
        return frozenset(self.arm(label).drug_names) if label else frozenset()

    def members(self, label: str) -> list[Arm]:
        """The arms a label covers: the arm itself, or each arm of a pooled factorial group."""
        arm = self.arm(label)
        return [self.arm(m) for m in arm.pooled_from] if arm.pooled_from else [arm]


@pytest.fixture(scope="session")
def read():
    """read(title, (label, text), ...) -> Reading of the trial those sections report."""

    def _read(title: str, *sections: tuple[str, str]) -> Reading:
        trial = extract_trial(title, [AbstractSection(label=label, text=text) for label, text in sections])
        assert trial is not None, "the sections report a trial"
        return Reading(trial)

    return _read
