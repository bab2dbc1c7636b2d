"""Findings stored with the sources: which trials' sources disagree (``source-conflicts``).

Finding a disagreement means comparing every result one source reports for a trial with every
result another source reports for it: at 100,000 documents about a million comparisons, 86 s
for a query that returns no row. So the comparison is made when sources change, for the
trials they describe, and its outcome kept as ``<trial> ctkg:sourcesDisagree true`` in the
derived graph ``<base>graph/findings`` (replaced whole each time, like the other derived
graphs: exported, listed and uploaded with them). The bundled query starts from those trials
and computes the rows themselves as before, so a row is never stored twice nor stale.

Adding or replacing a source can make a trial's sources disagree; removing one never can (a
row compares what two sources' graphs say of the trial and of their own nodes, nothing else).
So every change re-checks the trials of the graphs it wrote and the trials already marked:
the graph then holds exactly the trials with a row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef

from kg.namespaces import CTKG
from kg.queries import QueryInfo, load_query, restrict, run
from kg.stores.graphs import derived_graph_iri

if TYPE_CHECKING:
    from kg.queries import Target

QUERY = "source-conflicts"
# the bundled query's first pattern in each branch; the check puts there instead the trials
# more than one source describes, the only ones that can disagree
MARKED = "?trial_iri ctkg:sourcesDisagree true ."
DESCRIBED_TWICE = (
    "{ SELECT ?trial_iri WHERE { GRAPH ?g { ?trial_iri a ctkg:Trial } }"
    " GROUP BY ?trial_iri HAVING (COUNT(?g) > 1) }"
)
CHUNK = 16  # trials a check restricts the comparison to at once: fastest at 10,000 documents


def check_query() -> QueryInfo:
    """``source-conflicts`` as it finds the disagreements, instead of reading them."""
    query = load_query(QUERY)
    if query.text.count(MARKED) != 3:
        raise RuntimeError(f"{query.path}: expected {MARKED!r} once in each of its three branches")
    return dataclasses.replace(query, text=query.text.replace(MARKED, DESCRIBED_TWICE))


def trials_in(target: Target, graphs: Iterable[str]) -> set[str]:
    """The trials these named graphs describe."""
    return _in_chunks(target, graphs, "VALUES ?g {{ {} }} GRAPH ?g {{ ?t a <{}> }}")


def described_twice(target: Target, trials: Iterable[str]) -> set[str]:
    """Of these trials, those more than one source describes: the only ones that can disagree."""
    return _in_chunks(
        target,
        trials,
        "VALUES ?t {{ {} }} GRAPH ?g {{ ?t a <{}> }}",
        "GROUP BY ?t HAVING (COUNT(?g) > 1)",
    )


def marked(target: Target) -> set[str]:
    """The trials the findings graphs mark as having sources that disagree."""
    text = f"SELECT DISTINCT ?t WHERE {{ ?t <{CTKG.sourcesDisagree}> true }}"
    return {str(r["t"]) for r in _rows(target, text)}


def disagreeing(target: Target, trials: Iterable[str]) -> set[str]:
    """Of these trials, those whose sources disagree on at least one fact: ``source-conflicts``
    restricted to a few trials at a time, which keeps Oxigraph on their own results."""
    query, ordered, found = check_query(), sorted(described_twice(target, trials)), set()
    for at in range(0, len(ordered), CHUNK):
        rows = run(target, restrict(query, "trial_iri", ordered[at : at + CHUNK])).rows
        found |= {str(r["trial_iri"]) for r in rows}
    return found


def refresh(target: Target, changed_graphs: Iterable[str] = ()) -> set[str]:
    """Re-check the trials of the graphs just written and those already marked, and replace
    the findings graphs with the outcome; the trials marked now."""
    from kg.stores import as_store

    before = marked(target)
    now = disagreeing(target, trials_in(target, changed_graphs) | before)
    graphs: dict[URIRef, Graph] = {findings_graph(t): Graph() for t in before}
    for trial in now:
        graphs.setdefault(findings_graph(trial), Graph()).add(
            (URIRef(trial), CTKG.sourcesDisagree, Literal(True))
        )
    if graphs:
        as_store(target).replace_graphs(sorted(graphs.items()))
    return now


def remove_sources(target: Target, sources: list[str]) -> list[str]:
    """Drop the sources' graphs (``Store.remove_sources``), then re-check the marked trials:
    what ``ctkg remove`` does, so the findings graph stays that of the sources left."""
    from kg.stores import as_store

    removed = as_store(target).remove_sources(sources)
    refresh(target)
    return removed


def findings_graph(trial: str) -> URIRef:
    """The findings graph of the trial's base IRI: a trial is ``<base>trial/`` and one or two
    slugs, which hold no ``trial/`` (kg.iris)."""
    return derived_graph_iri(trial.rsplit("trial/", 1)[0], "findings")


def _in_chunks(target: Target, iris: Iterable[str], pattern: str, tail: str = "") -> set[str]:
    """The trials ``?t`` of ``pattern`` (a VALUES block's IRIs, then the Trial class) for the
    IRIs given, 512 at a time."""
    ordered, found = sorted(iris), set()
    for at in range(0, len(ordered), 512):
        values = " ".join(f"<{i}>" for i in ordered[at : at + 512])
        text = f"SELECT DISTINCT ?t WHERE {{ {pattern.format(values, CTKG.Trial)} }} {tail}"
        found |= {str(r["t"]) for r in _rows(target, text)}
    return found


def _rows(target: Target, text: str) -> list[dict]:
    return run(target, QueryInfo("findings", Path("findings.rq"), "", "", [], text)).rows
