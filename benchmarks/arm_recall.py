"""Benchmark how often the extractor finds the arms a human said a trial compares.

Gold-free in the sense that matters for issue 14: the annotation is not ours. The
evidence-inference corpus (``jayded/evidence-inference``, MIT) pairs each PubMed Central
abstract with prompts naming an intervention and a comparator ('Liraglutide (1.2 mg) plus
glimepiride' vs 'Placebo plus glimepiride'), written by clinicians who never saw ctkg. A folder
holds ``pages/PMC<id>.txt`` and ``prompts.tsv`` (``pmcid<TAB>intervention<TAB>comparator``).
For every distinct pair this prints whether the page's arms name each side: a side is found
when an arm's label or interventions share a content word with it (doses, roles and function
words do not count), two different arms for the two sides where the page has them; a side naming
only a role ('control', 'comparison arm') is found in any arm other than the other side's, and a
comparator 'baseline' needs no arm (the prompt asks for a change within one arm). Prints figures, never asserts.

Usage: python benchmarks/arm_recall.py FOLDER [FOLDER ...] [--list]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from kg.model import Arm
from kg.sources import SourceError, read_document

# words that name no intervention: function words, roles, people, doses and their units
_IGNORED_WORDS = """a an the of with and or plus in on at to for by from after before without versus vs who
    which that was were group groups arm arms patients patient participants participant subjects
    subject women men children infants people treatment treatments therapy therapies treated
    receiving received receive given intervention interventions control controls comparison
    comparator standard usual routine conventional alone only mg kg ml dose doses daily day days
    week weeks once twice times per total high low pre post test"""
_IGNORED = frozenset(_IGNORED_WORDS.split())


def content_words(text: str) -> set[str]:
    """The words of a name that can tell one intervention from another, singular."""
    words = re.findall(r"[a-z][a-z0-9]+", text.lower())
    return {w.removesuffix("s") if len(w) > 4 else w for w in words if w not in _IGNORED and len(w) > 2}


def arm_words(arm: Arm) -> set[str]:
    """Every content word of an arm's label, aliases and interventions, as named and as printed
    ('ascorbic acid' printed 'vitamin C')."""
    printed = [n for i in arm.interventions for n in (i.drug.printed or "", *i.other_names)]
    return content_words(" ".join([arm.label, *arm.aliases, *arm.drug_names, *printed]))


def overlaps(side: str, arms: list[Arm]) -> list[int] | None:
    """How many content words each arm shares with ``side``; None for a side naming only a role."""
    words = content_words(side)
    return [len(words & arm_words(arm)) for arm in arms] if words else None


def assign(intervention: str, comparator: str, arms: list[Arm]) -> tuple[int | None, int | None]:
    """The arms naming the intervention and the comparator: two different arms sharing the most
    words with them when there are such, else each side's best arm on its own."""
    one, other = overlaps(intervention, arms), overlaps(comparator, arms)
    pairs = [
        (i, c)
        for i in range(len(arms))
        for c in range(len(arms))
        if i != c and _fits(one, i) and _fits(other, c)
    ]
    if pairs:
        return max(pairs, key=lambda p: (_weight(one, p[0]) + _weight(other, p[1]), -p[0], -p[1]))
    return _best(one), _best(other)


def _fits(scores: list[int] | None, k: int) -> bool:
    return scores is None or scores[k] > 0


def _weight(scores: list[int] | None, k: int) -> int:
    return 0 if scores is None else scores[k]


def _best(scores: list[int] | None) -> int | None:
    """The arm sharing most words with a named side; None for a role-only side with no pair."""
    if not scores or max(scores) == 0:
        return None
    return scores.index(max(scores))


def read_prompts(folder: Path) -> dict[str, set[tuple[str, str]]]:
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with open(folder / "prompts.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            pairs[row["pmcid"].strip()].add((row["intervention"].strip(), row["comparator"].strip()))
    return pairs


def score_folder(folder: Path, listing: bool) -> list[int]:
    """Pages, pages with >= 2 arms, pairs, interventions found, comparators found, both found."""
    tally = [0] * 6
    for pmcid, pairs in sorted(read_prompts(folder).items()):
        page = folder / "pages" / f"{pmcid}.txt"
        try:
            trial = read_document(page).trial
        except (SourceError, OSError) as err:
            print(f"  {pmcid}: not read: {err}", file=sys.stderr)
            trial = None
        arms = trial.arms if trial else []
        tally[0] += 1
        tally[1] += len(arms) >= 2
        for intervention, comparator in sorted(pairs):
            i, c = assign(intervention, comparator, arms)
            if _BASELINE.match(comparator):  # a change from baseline within the arm: no second arm
                c = i
            tally[2] += 1
            tally[3] += i is not None
            tally[4] += c is not None
            tally[5] += (
                i is not None
                and c is not None
                and (i != c or _same(intervention, comparator) or bool(_BASELINE.match(comparator)))
            )
            if listing:
                mark = "ok" if i is not None and c is not None else "--"
                print(f"  {mark} {pmcid}: {intervention!r} vs {comparator!r} | {[a.label for a in arms]}")
    return tally


_BASELINE = re.compile(r"(?i)^\s*(?:at\s+)?(?:baseline|pre-?(?:treatment|intervention|test)|before\b.*)\s*$")


def _same(intervention: str, comparator: str) -> bool:
    """A before-and-after prompt names one arm twice ('X (Post-test)' vs 'X (Pre-test)')."""
    return content_words(re.sub(r"\([^)]*\)", "", intervention)) == content_words(
        re.sub(r"\([^)]*\)", "", comparator)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print every pair and the arms found")
    args = parser.parse_args(argv)
    total = [0] * 6
    for folder in args.folders:
        tally = score_folder(folder, args.list)
        total = [a + b for a, b in zip(total, tally, strict=True)]
        print(_line(str(folder), tally))
    if len(args.folders) > 1:
        print(_line("TOTAL", total))
    return 0


def _line(name: str, t: list[int]) -> str:
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "-"  # noqa: E731
    return (
        f"{name}: pages {t[0]}, >= 2 arms {t[1]} ({pct(t[1], t[0])}); pairs {t[2]}: intervention found "
        f"{t[3]} ({pct(t[3], t[2])}), comparator {t[4]} ({pct(t[4], t[2])}), both {t[5]} ({pct(t[5], t[2])})"
    )


if __name__ == "__main__":
    sys.exit(main())
