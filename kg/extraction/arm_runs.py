"""Runs of figures: figures in a row with one key (endpoint, unit, statistic) within one clause,
cut where 'respectively' closes a list or 'compared with' / 'versus' parts two lists of equal
length, and into pairs where figures set against each other two by two name an arm in the first
pair. One job for ``assignment``, which gives each run its arms."""

from __future__ import annotations

import re

from kg.extraction.paired_runs import PARALLEL, in_pairs, set_in_pairs

__all__ = ["figure_runs"]


def figure_runs(keys: list[object], spans: list[tuple[int, int]], text: str, marks) -> list[list[int]]:
    """The runs of a sentence's figures, as lists of their indexes."""
    runs = _blocks(_runs(list(range(len(spans))), keys, spans, text), spans, text)
    return [part for run in runs for part in _pairs(run, spans, text, marks)]


_PAIR_END = re.compile(r"[);\]]")


def _pairs(run: list[int], spans: list[tuple[int, int]], text: str, marks) -> list[list[int]]:
    """'(7 percent, vs. 3 percent in group 2) and severe weight loss (14 percent vs. 6 percent)':
    figures set against each other two by two, the first pair naming an arm inside it and no
    arm named between the pairs, are a run each, so each pair takes its arms as a pair does (the
    next from the pair before); not 'both in the chemotherapy (MS 23.8 vs. 47.4 months) and
    observation arm (median 12.7 vs. 22.7 months)', where each pair is one arm's."""
    if not in_pairs(text, spans, run):
        return [run]
    pairs = [run[i : i + 2] for i in range(0, len(run), 2)]
    inside = []
    for j, k in pairs:
        closed = _PAIR_END.search(text, spans[k][1])
        inside.append((spans[j][0], closed.start() if closed else len(text)))
    named = [next((n for n, (a, b) in enumerate(inside) if a <= s < b), None) for s, _e, _a in marks]
    within = [s for s, _e, _a in marks if spans[run[0]][0] <= s < inside[-1][1]]
    if named.count(0) and len(within) == sum(n is not None for n in named):
        return pairs
    return [run]


def _runs(indexes: list[int], keys: list[object], spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """Figures in a row with one key, within one clause (a ';' ends a run)."""
    runs: list[list[int]] = []
    for k in indexes:
        same = runs and keys[runs[-1][-1]] == keys[k]
        if same and ";" not in text[spans[runs[-1][-1]][1] : spans[k][0]]:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _blocks(runs: list[list[int]], spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """A run of four or more figures cut where 'compared with' / 'versus' splits it into
    two lists of equal length."""
    out: list[list[int]] = []
    for whole in runs:
        out += _blocks_of(_cut_at_respectively(whole, spans, text), spans, text)
    return out


def _cut_at_respectively(run: list[int], spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """'(34.6%, 22.3%, respectively) were better than those in B (27.4%, 14.7%,
    respectively)': each 'respectively' closes a list."""
    parts, start = [], 0
    for n in range(len(run) - 1):
        if "respectively" in text[spans[run[n]][1] : spans[run[n + 1]][0]]:
            parts.append(run[start : n + 1])
            start = n + 1
    return [*parts, run[start:]]


def _blocks_of(runs: list[list[int]], spans: list[tuple[int, int]], text: str) -> list[list[int]]:
    """Each run cut in two where 'versus' parts its halves, unless its figures are set against each
    other two by two ('12.2 months ... for chemotherapy, 17.7 months (...) versus 13.0 months')."""
    out: list[list[int]] = []
    for run in runs:
        cut = None
        if len(run) >= 4 and len(run) % 2 == 0:
            half = len(run) // 2
            between = text[spans[run[half - 1]][1] : spans[run[half]][0]]
            if PARALLEL.search(between) and not set_in_pairs(text, spans, run):
                cut = half
        out += [run[:cut], run[cut:]] if cut else [run]
    return out
