"""Abstract extraction: a labelled abstract (and its title) to a ``Trial`` record.

General rules, not tuned to one text: each module reads one kind of fact (design,
regimens, outcomes, safety) from normalised sentences.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TypeVar

from kg.extraction import design, primary_verdict, trial_endpoints
from kg.extraction.abbreviations import definitions
from kg.extraction.ae_tests import adverse_event_tests, named_tests
from kg.extraction.arm_background import background_care
from kg.extraction.arm_details import relabel, set_roles
from kg.extraction.arm_generic import expand_labelled_generic
from kg.extraction.arm_labels import label_arms
from kg.extraction.arm_shared import shared_companion
from kg.extraction.armrefs import ArmFinder
from kg.extraction.arms import design_arms
from kg.extraction.baseline import baseline_characteristics
from kg.extraction.coverage import number_coverage, results_sentences
from kg.extraction.difference_signs import orient_differences
from kg.extraction.factors import factor_groups
from kg.extraction.flow import participant_flow
from kg.extraction.follow_up import follow_up
from kg.extraction.lexicon import drug_abbreviations
from kg.extraction.outcomes import OutcomeReader
from kg.extraction.populations import settle_populations
from kg.extraction.regimens import reading_document
from kg.extraction.report_kind import reports_randomised_trial
from kg.extraction.response_kind import plain_responses
from kg.extraction.safety import adverse_events, implied_population
from kg.extraction.sizes import arm_sizes, sizes_from_denominators
from kg.extraction.subgroup_sizes import subgroup_sizes
from kg.extraction.subgroups import subgroup_phrases
from kg.extraction.targeted_events import targeted
from kg.extraction.text import Sentence, normalise, plain_hyphens, sentences
from kg.model import (
    AbstractSection,
    AdverseEventSummary,
    Arm,
    ArmResult,
    Comparison,
    Endpoint,
    Evidence,
    ParticipantCount,
    Trial,
)

__all__ = ["extract_trial"]

_R = TypeVar("_R", ArmResult, Comparison)


def extract_trial(title: str, abstract: list[AbstractSection]) -> Trial | None:
    """The trial an abstract reports, or None when the text reports none (a review, a cohort
    study): a registry number, arms, participants the study itself randomised or treated in
    a phased trial, or what ``report_kind`` judges a randomised trial's report ('A randomized
    placebo-controlled, parallel-group trial included 481 ...') make it a trial report."""
    with reading_document(drug_abbreviations(" ".join(sec.text for sec in abstract))):
        return _extract(title, abstract)


def _extract(title: str, abstract: list[AbstractSection]) -> Trial | None:
    sents = [s for sec in abstract for s in sentences(sec.label, sec.text)]
    full = plain_hyphens(" ".join(sec.text for sec in abstract))
    heading = plain_hyphens(title)
    ids = design.registry_ids(full)
    abbreviations = trial_endpoints.abbreviations(full)
    defined = definitions(" ".join([normalise(title), *(s.norm for s in sents)]))
    # asked only when no listing names the arms (0.6 ms a page): whether the page reports a trial
    report = cache(
        lambda: bool(
            ids or design.reports_trial(title, full) or reports_randomised_trial(title, abstract).randomised
        )
    )
    arms = design_arms(title, sents, defined, trial_report=report)
    background = background_care(arms)
    if not (arms or report()):
        return None
    set_roles(arms, title, sents)
    label_arms(arms, sents, defined)
    if expand_labelled_generic(arms, sents) | shared_companion(arms, sents, defined):
        relabel(arms)
    groups = factor_groups(arms)
    finder = ArmFinder(arms, defined, groups)
    sizes, total, total_evidence = arm_sizes(sents, finder)
    for arm in arms:
        if arm.label in sizes and arm.n_randomized in (None, sizes[arm.label][0]):
            arm.n_randomized, arm.size_evidence = sizes[arm.label]
        elif arm.n_randomized is not None:
            arm.size_evidence = _locate_size(sents, arm.n_randomized)
    endpoints = trial_endpoints.endpoints(sents, abbreviations)
    primary = next((e.name for e in endpoints if e.role == "primary"), None)
    results = results_sentences(sents)
    named = [e.name for e in endpoints]
    everyone = total if total is not None else _summed(arms)
    per_arm, comparisons = OutcomeReader(arms, abbreviations, primary, finder, named, everyone).read(results)
    settle_populations(sents, [*per_arm, *comparisons], subgroup_phrases)
    plain_responses(f"{title} {full}", [*per_arm, *comparisons], endpoints)
    events = adverse_events(
        results, arms, finder, single_arm=design.randomized(f"{title} {full}") is not True
    )
    flow = participant_flow(results, finder)
    whole = next((g.label for g in groups if len(g.pooled_from) == len(arms) >= 2), None)
    taken = [f.evidence for f in [*comparisons, *events, *flow] if f.evidence is not None]
    baseline = baseline_characteristics(
        results, finder, whole or (arms[0].label if len(arms) == 1 else None), taken
    )
    per_arm = [r for r in per_arm if not _overlaps(r.evidence, [b.evidence for b in baseline])]
    facts = [f.evidence for f in [*per_arm, *baseline]] + [a.size_evidence for a in arms] + taken
    sized = subgroup_sizes(results, [*per_arm, *comparisons], whole, finder)
    baseline += [b for b in sized if not _overlaps(b.evidence, facts)]
    per_arm, comparisons = _not_adverse(per_arm, events), _not_adverse(comparisons, events)
    orient_differences(per_arm, comparisons)
    comparisons += adverse_event_tests(results, events, arms, finder, [c.evidence for c in comparisons])
    comparisons += named_tests(results, arms, finder, [c.evidence for c in comparisons])
    events, targets = targeted([title, *(s.norm for s in _before_results(sents, results))], events)
    per_arm += targets
    for name in dict.fromkeys(r.endpoint for r in [*per_arm, *comparisons]):
        if not any(e.name == name for e in endpoints):
            endpoints.append(Endpoint(name=name, abbreviation=_abbrev(abbreviations, name)))
    for arm in arms:  # the safety population: what the adverse events imply, else the count treated
        arm.n_safety = implied_population(events, arm.label) or _treated(flow, arm.label)
    for e in events:
        e.n_analysed = e.n_analysed or next((a.n_safety for a in arms if a.label == e.arm), None)
    minimum, median, follow_up_spans = follow_up(sents)
    primary = [e for e in endpoints if e.role == "primary"]
    sizes_from_denominators(arms, per_arm, total)
    total = total if total is not None else _summed(arms)
    named = {
        x
        for f in [*per_arm, *comparisons, *events, *flow, *baseline]
        for x in (f.arm, getattr(f, "comparator", None))
    }
    return Trial(
        registry_ids=ids,
        acronym=design.acronym(heading, full),
        title=title,
        phase=design.phase(f"{heading} {full}"),
        randomized=design.randomized(f"{heading} {full}"),
        allocation_ratio=design.allocation_ratio(full),
        blinding=design.blinding(f"{heading} {full}"),
        multicenter=design.multicenter(f"{heading} {full}"),  # a title's 'a randomised, multicentre, ...'
        population=design.population(heading, full),
        arms=arms,
        background=background,
        groups=[g for g in groups if g.label in named],
        endpoints=endpoints,
        n_randomized=total,
        primary_endpoint_met=_met(primary_verdict.primary_endpoint_met(sents, primary), primary, comparisons),
        min_follow_up_months=minimum,
        median_follow_up_months=median,
        follow_up_evidence=follow_up_spans,
        arm_results=per_arm,
        comparisons=comparisons,
        adverse_events=events,
        participant_flow=flow,
        baseline=baseline,
        unread_sentences=_unread(
            sents,
            [*per_arm, *comparisons, *events, *flow, *baseline],
            arms,
            [*follow_up_spans, total_evidence],
        ),
    )


def _met(said: bool | None, primary: list[Endpoint], comparisons: list[Comparison]) -> bool | None:
    """What the words say of the primary endpoint, else what its comparison's p-value says."""
    return said if said is not None else primary_verdict.primary_comparison_significant(primary, comparisons)


def _before_results(sents: list[Sentence], results: list[Sentence]) -> list[Sentence]:
    """The sentences before the first results sentence: the aim and the design."""
    first = next((k for k, s in enumerate(sents) if s in results), len(sents))
    return sents[:first]


def _not_adverse(results: list[_R], events: list[AdverseEventSummary]) -> list[_R]:
    """Results whose figure the safety reader took as an adverse event ('Hypocalcemia rates
    were 8.6% with denosumab'): one printed figure is one fact, and the words around it made
    it a harm, not an efficacy endpoint."""
    # a zero the words imply points at its whole sentence, not at a figure
    taken = [
        e.evidence
        for e in events
        if e.evidence and 0 < e.evidence.end - e.evidence.start < len(e.evidence.sentence)
    ]

    return [r for r in results if not _overlaps(r.evidence, taken)]


def _overlaps(ev: Evidence | None, taken: list[Evidence | None]) -> bool:
    """The figure's span shares text with a span another reader took."""
    return ev is not None and any(
        t is not None and t.sentence == ev.sentence and t.start < ev.end and ev.start < t.end for t in taken
    )


def _unread(sents: list[Sentence], facts: list, arms: list[Arm], spans: list[Evidence | None]) -> list[str]:
    """The extraction report: results sentences that print a number no fact was read from,
    so a curator sees what was not read instead of trusting that nothing was there."""
    evidence = [f.evidence for f in facts] + [a.size_evidence for a in arms] + spans
    return [c.sentence.text for c in number_coverage(sents, evidence) if c.uncovered]


def _locate_size(sents: list[Sentence], n: int) -> Evidence | None:
    """Where a design sentence printed an arm's size: '(n = 863)'."""
    for s in sents:
        m = re.search(rf"\bn\s*=\s*{n}\b", s.norm)
        if m:
            return s.evidence(m.start(), m.end())
    return None


def _abbrev(abbreviations: dict[str, str], name: str) -> str | None:
    return next((a for a, full in abbreviations.items() if full == name), None)


def _treated(flow: list[ParticipantCount], arm: str) -> int | None:
    """'473 received durvalumab and 236 received placebo': the one count an arm's treated stage has."""
    counts = {f.count for f in flow if f.stage == "treated" and f.arm == arm}
    return counts.pop() if len(counts) == 1 else None


def _summed(arms: list[Arm]) -> int | None:
    """The patients of all arms, when every arm's number is known."""
    sizes = [a.n_randomized for a in arms]
    return sum(sizes) if sizes and None not in sizes else None
