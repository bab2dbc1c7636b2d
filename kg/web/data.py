"""What the pages show, read from any store (kg.stores: embedded or remote) with SPARQL.

Trial, index, drug and forest-plot pages use the bundled queries (their columns are a public
interface, so the pages break when the queries do, not silently), restricted to the resources a
page shows by a ``VALUES`` block; any other resource is shown through one describe query.  The
resource goes into each query as a ``VALUES`` block too (an IRI checked to be one, never pasted
text), and every query here gives the same answer on a server whose union of the graphs is a
bag (DISTINCT, GROUP BY): the pages are the same on every store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from kg.paging import page, pages
from kg.queries import Value, load_query, restrict, run

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.stores.protocol import Store

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RATIOS = {"hazard_ratio": "HR", "odds_ratio": "OR", "risk_ratio": "RR"}

Row = dict[str, Value]


def rows(
    store: Store,
    name: str,
    variable: str | None = None,
    iris: list[str] | None = None,
    params: dict[str, str] | None = None,
) -> list[Row]:
    """Rows of a bundled query, all of them or those about the given IRIs."""
    if variable is None:
        return run(store, load_query(name), params).rows
    if not iris:
        return []
    return run(store, restrict(load_query(name), variable, iris), params).rows


# --- any resource -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """One triple seen from the resource: its predicate and the node at the other end."""

    incoming: bool
    predicate: str
    value: str
    is_iri: bool
    label: str | None = None
    datatype: str | None = None


_DESCRIBE = """
SELECT ?incoming ?p ?v ?iri (MIN(?l) AS ?label) WHERE {
  VALUES ?r { %s }
  { ?r ?p ?v . BIND(false AS ?incoming) } UNION { ?v ?p ?r . BIND(true AS ?incoming) }
  BIND(isIRI(?v) AS ?iri)
  OPTIONAL { ?v <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(!isLiteral(?v)) }
} GROUP BY ?incoming ?p ?v ?iri
"""

_CONSTRUCT = """
CONSTRUCT { ?r ?p ?o . ?s ?q ?r . ?o rdfs:label ?ol . ?s rdfs:label ?sl }
WHERE {
  VALUES ?r { %s }
  { ?r ?p ?o OPTIONAL { ?o rdfs:label ?ol FILTER(!isLiteral(?o)) } }
  UNION
  { ?s ?q ?r OPTIONAL { ?s rdfs:label ?sl } }
}
"""
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def iri_ref(iri: str) -> str:
    """``<iri>`` for a query; a ValueError if the text cannot be an IRI (it would change the query)."""
    if _NOT_IN_IRI.search(iri) or ":" not in iri:
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


def _true(term) -> bool:
    return term is not None and term.value in ("true", "1")


def exists(store: Store, iri: str) -> bool:
    try:
        node = iri_ref(iri)
    except ValueError:
        return False
    query = f"SELECT ?p WHERE {{ VALUES ?r {{ {node} }} {{ ?r ?p ?o }} UNION {{ ?s ?p ?r }} }} LIMIT 1"
    return bool(store.select(query).rows)


def describe(store: Store, iri: str) -> list[Statement]:
    out = []
    for s in store.select(_DESCRIBE % iri_ref(iri)).rows:
        v, label = s["v"], s["label"]
        is_iri = _true(s["iri"])
        out.append(
            Statement(
                _true(s["incoming"]),
                s["p"].value,
                v.value,
                is_iri,
                label.value if label is not None else None,
                None if is_iri else v.datatype,
            )
        )
    return sorted(out, key=lambda st: (st.incoming, st.predicate != RDFS_LABEL, st.predicate, st.value))


def description(store: Store, iri: str) -> Graph:
    """The triples a resource's RDF documents carry: its statements both ways and the labels of
    the nodes they link to, so a client can show links without fetching each one."""
    prefix = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    return store.construct(prefix + _CONSTRUCT % iri_ref(iri))


def label_of(statements: list[Statement]) -> str | None:
    return next((s.value for s in statements if not s.incoming and s.predicate == RDFS_LABEL), None)


def types_of(statements: list[Statement]) -> list[str]:
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    return [s.value for s in statements if not s.incoming and s.predicate == rdf_type]


# --- trials ---------------------------------------------------------------------------------------


@dataclass
class Arm:
    iri: str
    label: str
    order: Value
    role: Value
    n_randomized: Value
    n_safety: Value
    drugs: list[Row] = field(default_factory=list)


@dataclass
class TrialPage:
    iri: str
    summary: Row
    arms: list[Arm]
    efficacy: list[Row]
    safety: list[Row]
    endpoints: list[Row]
    sources: list[Row]
    publications: list[str]
    citations: list[Row]
    conflicts: list[Row]


def _arms(arm_rows: list[Row]) -> list[Arm]:
    arms: dict[str, Arm] = {}
    for r in arm_rows:
        arm = arms.setdefault(
            str(r["arm_iri"]),
            Arm(
                str(r["arm_iri"]),
                str(r["arm_label"]),
                r["arm"],
                r["arm_role"],
                r["n_randomized"],
                r["n_safety"],
            ),
        )
        if r["drug"] is not None:
            arm.drugs.append(r)
    return sorted(arms.values(), key=lambda a: (a.order is None, a.order or 0, a.label))


def _publications(store: Store, trial_iri: str) -> list[str]:
    query = f"""SELECT DISTINCT ?pub WHERE {{
      VALUES ?r {{ {iri_ref(trial_iri)} }} ?pub <https://w3id.org/ctkg/ontology#reportsTrial> ?r
    }} ORDER BY ?pub"""
    return [s["pub"].value for s in store.select(query).rows]


def trial_page(store: Store, trial_iri: str) -> TrialPage | None:
    one = [trial_iri]
    summary = rows(store, "trial-summary", "trial_iri", one)
    if not summary:
        return None
    trial_sources = rows(store, "trial-sources", "trial_iri", one)
    graphs = sorted({str(r["graph"]) for r in trial_sources})
    provenance = {r["graph"]: r for r in rows(store, "sources", "graph", graphs)}
    sources = [
        {
            **r,
            "sha256": provenance.get(r["graph"], {}).get("sha256"),
            "software_version": provenance.get(r["graph"], {}).get("software_version"),
        }
        for r in trial_sources
    ]
    publications = _publications(store, trial_iri)
    return TrialPage(
        iri=trial_iri,
        summary=summary[0],
        arms=_arms(rows(store, "arms", "trial_iri", one)),
        efficacy=rows(store, "efficacy-results", "trial_iri", one),
        safety=rows(store, "adverse-events", "trial_iri", one),
        endpoints=rows(store, "endpoints", "trial_iri", one),
        sources=sources,
        publications=publications,
        citations=rows(store, "citations", "publication_iri", publications),
        conflicts=rows(store, "source-conflicts", "trial_iri", one),
    )


@dataclass
class TrialEntry:
    """One line of the index: the summary row and what the filters look at."""

    summary: Row
    drugs: list[str]
    endpoints: list[str]


@dataclass(frozen=True)
class IndexPage:
    """One page of the trial index: its trials, its number (from 1) and whether one follows."""

    entries: list[TrialEntry]
    number: int
    has_next: bool


INDEX_PAGE = 100  # trials a page of the index shows


def trial_index(store: Store, number: int = 1, size: int = INDEX_PAGE) -> IndexPage:
    """Page ``number`` of the trials (``kg.paging.page`` over trial-summary: the pages of a
    store are stable and hold every trial once, and the first costs its own trials, not the
    store's), with the drugs and endpoints of those trials only."""
    summary = page(store, load_query("trial-summary"), {}, size + 1, (number - 1) * size).rows
    return _index_page(store, summary[:size], number, len(summary) > size)


def trial_index_pages(store: Store, size: int = INDEX_PAGE) -> Iterator[IndexPage]:
    """Every page of the trial index in turn, as ``trial_index`` gives them, the store's
    trials walked once (``kg.paging.pages``)."""
    walk = pages(store, load_query("trial-summary"), {}, size)
    shown, number = next(walk).rows, 1
    for following in walk:
        yield _index_page(store, shown, number, bool(following.rows))
        shown, number = following.rows, number + 1
    yield _index_page(store, shown, number, False)


def _index_page(store: Store, summary: list[Row], number: int, has_next: bool) -> IndexPage:
    iris = [str(t["trial_iri"]) for t in summary]
    drugs: dict[str, set[str]] = defaultdict(set)
    for r in rows(store, "arms", "trial_iri", iris):
        if r["drug"]:
            drugs[str(r["trial_iri"])].add(str(r["drug"]))
    endpoints: dict[str, set[str]] = defaultdict(set)
    for r in rows(store, "endpoints", "trial_iri", iris):
        endpoints[str(r["trial_iri"])].add(str(r["endpoint"]))
    entries = [
        TrialEntry(t, sorted(drugs[str(t["trial_iri"])]), sorted(endpoints[str(t["trial_iri"])]))
        for t in summary
    ]
    return IndexPage(entries, number, has_next)


# --- comparisons for forest plots ----------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """A between-arm ratio with its interval: one line of a forest plot."""

    trial: str
    trial_iri: str
    endpoint: str
    statistic: str
    arm: str
    comparator: str
    estimate: Decimal
    lower: Decimal
    upper: Decimal
    level: Value
    p_value: Value
    population: str | None
    result_iri: str
    arm_drugs: frozenset[str]
    comparator_drugs: frozenset[str]


def comparisons(efficacy: list[Row], arm_rows: list[Row]) -> list[Comparison]:
    """Ratio results with a full interval, each with the drugs of both arms (from the arms query)."""
    drugs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in arm_rows:
        if a["drug"]:
            drugs[(str(a["trial_iri"]), str(a["arm_label"]))].add(str(a["drug"]).lower())
    out = []
    for r in efficacy:
        if r["statistic"] not in RATIOS or None in (r["estimate"], r["ci_lower"], r["ci_upper"]):
            continue
        trial_iri = str(r["trial_iri"])
        arm, comparator = str(r["arm_label"] or ""), str(r["comparator_label"] or "")
        out.append(
            Comparison(
                str(r["trial"]),
                trial_iri,
                str(r["endpoint"]),
                str(r["statistic"]),
                arm,
                comparator,
                Decimal(r["estimate"]),
                Decimal(r["ci_lower"]),
                Decimal(r["ci_upper"]),
                r["ci_level"],
                r["p_value"],
                r["population"] and str(r["population"]),
                str(r["result_iri"]),
                frozenset(drugs[(trial_iri, arm)]),
                frozenset(drugs[(trial_iri, comparator)]),
            )
        )
    return out


def all_comparisons(store: Store) -> list[Comparison]:
    return comparisons(rows(store, "efficacy-results"), rows(store, "arms"))


@dataclass
class ForestGroup:
    """Comparisons that belong on one plot: one endpoint and statistic, and what they share."""

    key: str
    title: str
    items: list[Comparison]


def cross_trial_groups(items: list[Comparison], drug: str | None = None) -> list[ForestGroup]:
    """Main-population comparisons from two or more trials, grouped by endpoint and statistic —
    and, when a drug is given, only those with the drug in either arm; otherwise also by each
    shared comparator drug (all trials with a docetaxel control arm on overall survival)."""
    main = [c for c in items if not c.population]
    groups: dict[tuple[str, ...], list[Comparison]] = defaultdict(list)
    for c in main:
        if drug is not None:
            if drug.lower() in c.arm_drugs | c.comparator_drugs:
                groups[("drug", drug.lower(), c.endpoint, c.statistic)].append(c)
            continue
        groups[("endpoint", c.endpoint, c.statistic)].append(c)
        for d in c.comparator_drugs:
            groups[("comparator", d, c.endpoint, c.statistic)].append(c)
    out = []
    for key, members in sorted(groups.items()):
        if drug is None and len({c.trial_iri for c in members}) < 2:
            continue
        stat = RATIOS[key[-1]]
        if key[0] == "endpoint":
            title = f"{key[1]}: {stat} in every trial reporting it"
        elif key[0] == "comparator":
            title = f"{key[2]}: {stat} of trials with a {key[1]} comparator arm"
        else:
            title = f"{key[2]}: {stat} of trials with a {key[1]} arm"
        out.append(ForestGroup("-".join(key), title, sorted(members, key=lambda c: (c.trial, c.arm))))
    return out
