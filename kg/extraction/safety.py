"""Adverse-event summaries per arm, read from the results sentences of an abstract.

An abstract states adverse events as figures (see ``ae_figures``) in sentences whose words
say what the figures count (see ``ae_vocabulary``):

- the category comes from the words before a figure ('Grade 5 AEs occurred in 14 (7.6%)'),
  else from its own parenthesis or the words after it ('... discontinued because of an
  adverse event'); 'severe' without a grade is its own category;
- the event (``term``) is the name printed right before a figure or its parenthesis
  ('dyspnoea (49 [5%] ...)', 'pyrexia in 9 (16%)'), after it inside a breakdown ('(3 [10%]
  chest wall pain, 2 [6%] dyspnoea or cough)'), every name of a list for a figure given
  'each', else the event the clause is about ('Hypocalcemia rates were 8.6% with denosumab',
  'Cisplatin induced nausea and vomiting in 86 percent');
- the arm is the one named right before a lone figure or right after it, the ones named
  after a run and its 'respectively', the arm in whose group the clause is set ('In the
  placebo group, ...'), every arm for 'in each group', or the order an earlier group set;
- words that point back ('these effects were severe in 26 percent and 28 percent,
  respectively', 'these adverse events', 'Grade 3 events' right after treatment-related
  ones) take the event, category, restriction and arm order of the statement before;
- deaths among the patients a figure just counted ('..., three of whom died') are that
  event's grade 5 cases in that arm (see ``ae_fatal``).

Sentences are cut into clauses at top-level semicolons and into segments at ', and' /
', whereas' so that each figure reads the words of its own statement. A figure no arm can be
found for is left unread: precision first.
"""

from __future__ import annotations

import re

from kg.extraction.ae_arms import ResultsArms
from kg.extraction.ae_death_causes import death_causes
from kg.extraction.ae_event_lists import LISTED, listed_events
from kg.extraction.ae_fatal import fatal_subsets
from kg.extraction.ae_figures import clauses
from kg.extraction.ae_itemised import itemised
from kg.extraction.ae_population import implied_population
from kg.extraction.ae_reader import ClauseReader, Memory, about_events
from kg.extraction.ae_slash_runs import SLASHED, slash_runs
from kg.extraction.ae_split import RESPECTIVE, SPLIT, grade_split, subject_grades
from kg.extraction.ae_tables import slash_table
from kg.extraction.ae_zero import none_occurred
from kg.extraction.armrefs import ArmFinder
from kg.extraction.text import Sentence
from kg.model import AdverseEventSummary, Arm

__all__ = ["adverse_events", "implied_population"]

# 'In patients receiving a pneumonectomy, treatment-related mortality increased ...': a
# sentence set among some of the patients (unless the words name an arm) counts a subgroup
_SUBGROUP_LEAD = re.compile(
    r"(?i)^\s*(?:in|among)\s+(?:the\s+)?(?:\d+\s+)?(?:patients|those|subjects|participants)\s+"
    r"(?P<who>(?:who|receiving|undergoing|with|treated|given|aged|older|younger)\b[^,;]*),"
)
# statements read on their own before the clauses: grades or events split by 'respectively'
# or slashes, events listed each with its figure
_READ_ALONE = (
    (SPLIT, grade_split),
    (SLASHED, slash_runs),
    (RESPECTIVE, subject_grades),
    (LISTED, listed_events),
)
_ASIDE = re.compile(r"\((?:treatment|drug)[- ]related\s+in\s+(?P<body>[^()]*)\)")


def _subgroup(text: str, names: ResultsArms) -> bool:
    """The sentence opens with some of the patients, named by no arm: its figures are no
    arm's summary (a subgroup's denominator would also pass for the arm's safety population)."""
    m = _SUBGROUP_LEAD.match(text)
    return m is not None and not names.find(m.group("who"))


def adverse_events(
    sents: list[Sentence], arms: list[Arm], finder: ArmFinder | None = None, single_arm: bool = False
) -> list[AdverseEventSummary]:
    """Per-arm adverse-event figures from results sentences (methods only plan them);
    ``single_arm``: the report is of a one-arm study, whose figures are all that arm's."""
    names = ResultsArms(finder or ArmFinder(arms), sents, single_arm)
    out: list[AdverseEventSummary] = []
    memory = Memory()
    for s in sents:
        zero = none_occurred(s.norm, names, memory)
        if zero:
            for e in zero:  # a zero the words imply points at the whole sentence
                e.evidence = s.evidence(0, len(s.norm))
            out += zero
            # '... (7 percent, vs. 3 percent in group 2), but there were no treatment-related deaths': the
            # figures before a closing zero are read too (not after one the sentence opens with)
            if not re.search(r"\d", s.norm) or re.match(r"(?i)\s*(?:there\s+(?:were|was)\s+)?no\b", s.norm):
                continue
        if not about_events(s.norm, memory) or _subgroup(s.norm, names):
            memory = Memory()
            continue
        table = slash_table(s, names)
        if table:
            out += table
            memory = Memory()
            continue
        out += death_causes(s, names)
        main = s.norm
        for pattern, read_alone in _READ_ALONE:
            for split in pattern.finditer(s.norm):  # read on their own, then blanked like asides
                rows = read_alone(s, split, names)
                out += rows
                if rows:
                    main = main[: split.start()] + " " * len(split.group(0)) + main[split.end() :]
        for aside in _ASIDE.finditer(s.norm):
            main = main[: aside.start()] + " " * len(aside.group(0)) + main[aside.end() :]
        reader = ClauseReader(s, main, names, memory)
        read = [e for start, end in clauses(main) for e in reader.read(start, end)]
        out += read + fatal_subsets(s, read) + itemised(s, read)
        for aside in _ASIDE.finditer(s.norm):
            out += reader.aside(aside.group("body"), aside.start("body"))
        memory = reader.next_memory()
    return out
