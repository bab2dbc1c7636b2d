"""What the pages show, read from the store with SPARQL.

Trial, index, drug and forest-plot pages use the bundled queries (their columns are a public
interface, so the pages break when the queries do, not silently), restricted to the resources a
page shows by a ``VALUES`` block; any other resource is shown through one describe query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from kg.queries import Value, load_query, restrict, run

if TYPE_CHECKING:
    import pyoxigraph

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RATIOS = {"hazard_ratio": "HR", "odds_ratio": "OR", "risk_ratio": "RR"}

Row = dict[str, Value]


def rows(
    store: pyoxigraph.Store,
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
SELECT ?r ?incoming ?p ?v (MIN(?l) AS ?label) WHERE {
  { ?r ?p ?v . BIND(false AS ?incoming) } UNION { ?v ?p ?r . BIND(true AS ?incoming) }
  OPTIONAL { ?v <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(!isLiteral(?v)) }
} GROUP BY ?r ?incoming ?p ?v
"""

_CONSTRUCT = """
CONSTRUCT { ?r ?p ?o . ?s ?q ?r . ?o rdfs:label ?ol . ?s rdfs:label ?sl }
WHERE {
  { ?r ?p ?o OPTIONAL { ?o rdfs:label ?ol FILTER(!isLiteral(?o)) } }
  UNION
  { ?s ?q ?r OPTIONAL { ?s rdfs:label ?sl } }
}
"""


def _node(iri: str):
    import pyoxigraph

    return {pyoxigraph.Variable("r"): pyoxigraph.NamedNode(iri)}


def exists(store: pyoxigraph.Store, iri: str) -> bool:
    return bool(
        store.query(
            "ASK { { ?r ?p ?o } UNION { ?s ?p ?r } }",
            substitutions=_node(iri),
        )
    )


def describe(store: pyoxigraph.Store, iri: str) -> list[Statement]:
    import pyoxigraph

    out = []
    for s in store.query(_DESCRIBE, substitutions=_node(iri)):
        v = s["v"]
        is_iri = isinstance(v, pyoxigraph.NamedNode)
        datatype = v.datatype.value if isinstance(v, pyoxigraph.Literal) else None
        label = s["label"].value if s["label"] is not None else None
        out.append(Statement(s["incoming"].value == "true", s["p"].value, v.value, is_iri, label, datatype))
    return sorted(out, key=lambda st: (st.incoming, st.predicate != RDFS_LABEL, st.predicate, st.value))


def description(store: pyoxigraph.Store, iri: str):
    """The triples a resource's RDF documents carry: its statements both ways and the labels of
    the nodes they link to, so a client can show links without fetching each one."""
    return store.query(
        _CONSTRUCT,
        prefixes={"rdfs": "http://www.w3.org/2000/01/rdf-schema#"},
        substitutions=_node(iri),
    )


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


def _publications(store: pyoxigraph.Store, trial_iri: str) -> list[str]:
    query = "SELECT DISTINCT ?r ?pub WHERE { ?pub <https://w3id.org/ctkg/ontology#reportsTrial> ?r } ORDER BY ?pub"
    return [s["pub"].value for s in store.query(query, substitutions=_node(trial_iri))]


def trial_page(store: pyoxigraph.Store, trial_iri: str) -> TrialPage | None:
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


def trial_index(store: pyoxigraph.Store) -> list[TrialEntry]:
    drugs: dict[str, set[str]] = defaultdict(set)
    for r in rows(store, "arms"):
        if r["drug"]:
            drugs[str(r["trial_iri"])].add(str(r["drug"]))
    endpoints: dict[str, set[str]] = defaultdict(set)
    for r in rows(store, "endpoints"):
        endpoints[str(r["trial_iri"])].add(str(r["endpoint"]))
    return [
        TrialEntry(t, sorted(drugs[str(t["trial_iri"])]), sorted(endpoints[str(t["trial_iri"])]))
        for t in rows(store, "trial-summary")
    ]


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


def all_comparisons(store: pyoxigraph.Store) -> list[Comparison]:
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
