"""SHACL validation with the bundled shapes: pySHACL (the reference) and the fast path.

Violations block loading; warnings (plausibility: percent vs count, safety population vs
randomised; completeness: two arms, a primary endpoint) are reported and let through, since
real reports break them.

The rules hold per source: each document's graph is validated on its own.  Over a whole
store, where several sources may describe one node (a trial two publications report), a
single-valued property stated differently by two sources is the sources disagreeing, not a
broken graph: a Warning (``source-conflicts`` lists the figures and who says what), while
two values within one source stay a Violation; and SHACL-SPARQL rules, which check one
description's coherence (arms adding up, labels unique), run on each source's graph.

``validate_graph`` runs pySHACL on one rdflib graph.  ``validate_store`` and
``validate_named_graphs`` run the same shapes compiled to SPARQL (``kg.shacl_sparql``) inside
a pyoxigraph store: the default graph (the union of the sources) at once, or every named
graph on its own.  The
store prints literals in canonical form ("0.880" as "0.88"), so values and messages may
show a number with fewer trailing zeros than pySHACL on the original graph.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from kg.pools import ordered_map
from kg.resources import bundled_path
from kg.shacl_sparql import Query, Rule, compile_shapes, path_text

if TYPE_CHECKING:
    import pyoxigraph

    from kg.typed_nodes import TypedNodes

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    severity: str
    focus: str
    path: str
    message: str
    value: str
    shape: str = ""  # the shape that reported it (sh:sourceShape)
    component: str = ""  # constraint component local name, or the SPARQL constraint's IRI

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def sort(self) -> None:
        self.findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message, f.value))


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    g = Graph()
    for path in sorted(bundled_path("shapes").glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def _text(term: object) -> str:
    return "" if term is None else str(term)  # not `term or ""`: the literal 0 is falsy


def validate_graph(data: Graph) -> Report:
    from pyshacl import validate

    _, results, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    report = Report()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        path = results.value(result, SH.resultPath)
        component = (
            results.value(result, SH.sourceConstraint)
            or str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        )
        report.findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_text(results.value(result, SH.focusNode)),
                path=path_text(results, path) if path is not None else "",
                message=" ".join(str(m) for m in results.objects(result, SH.resultMessage)),
                value=_text(results.value(result, SH.value)),
                shape=_text(results.value(result, SH.sourceShape)),
                component=str(component),
            )
        )
    report.sort()
    return report


def _has_subclass_axioms(store: pyoxigraph.Store) -> bool:
    """SHACL counts instances of subclasses too; the data graph rarely states any, and the
    queries are faster without the rdfs:subClassOf* step, so it is added only when needed."""
    return bool(
        store.query(
            "ASK { { ?a <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?b }"
            " UNION { GRAPH ?g { ?a <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?b } } }"
        )
    )


def _message(template: str, row: pyoxigraph.QuerySolution, variables: list[str]) -> str:
    """A SHACL-SPARQL message with {?var} / {$var} filled from the result row."""

    def fill(match: re.Match) -> str:
        name = match.group(1)
        term = row[name] if name in variables else None
        return term.value if term is not None else match.group(0)

    return re.sub(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}", fill, template)


def _findings(
    store: pyoxigraph.Store, query: Query, text: str | None = None
) -> list[tuple[str | None, Finding]]:
    """(named graph or None, finding) for each failure ``query`` returns; ``text``: the
    query's text with its focus nodes filled in, if it takes them."""
    solutions = store.query(query.text if text is None else text)
    variables = [v.value for v in solutions.variables]
    out = []
    for row in solutions:
        for rule in (
            [query.rules[0]] if query.sparql else [query.rules[int(r)] for r in row["r"].value.split()]
        ):
            out.append(
                (row["g"].value if "g" in variables else None, _finding(rule, row, variables, query.sparql))
            )
    return out


def _finding(rule: Rule, row: pyoxigraph.QuerySolution, variables: list[str], sparql: bool) -> Finding:
    focus = row["this"].value
    if rule.value == "focus":
        value = focus
    elif sparql:
        bound = row["value"] if "value" in variables else None
        value = bound.value if bound is not None else ""
    else:
        value = row["v"].value if rule.value == "value" else ""
    message = _message(rule.message, row, variables) if sparql else rule.message
    return Finding(rule.severity, focus, rule.path, message, value, rule.shape, rule.component)


SHARED_PAGE = 1000  # focus nodes per query in the shared-nodes check: bounds what one query holds


def default_jobs() -> int:
    """The cores this process may use (the build's worker count and the validator's threads)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def validate_store(
    store: pyoxigraph.Store,
    shared_only: bool = False,
    jobs: int | None = None,
    typed: TypedNodes | None = None,
) -> Report:
    """Every shape over the store: the SHACL Core rules over the union of its named graphs,
    which the store keeps as its default graph (see kg.stores.embedded), including what only shows
    across documents (two sources giving one trial different sizes: a Warning, see the
    module docstring); the SHACL-SPARQL rules on each named graph.  On one source graph
    this is what pySHACL reports.

    ``shared_only`` checks only the nodes that two documents or more type (trials, drugs,
    publications...), and only the Core rules (the SPARQL ones see one source at a time,
    which each document's own validation did): each node shape's shared nodes come from
    ``typed``, the on-disk index of typed nodes a build keeps (made from the store when not
    given), a page of ``SHARED_PAGE`` at a time, and its query runs on each page: what one
    query holds does not grow with the store, though what RocksDB keeps of the blocks it reads
    does (README, 'Value-type tests looked up value by value').  Only IRIs are listed: a blank
    node cannot be named in a query, and ctkg's shapes already refuse blank instances in each
    document.  The queries run on ``jobs`` threads (default: every core): pyoxigraph lets go
    of the GIL while it evaluates.

    A remote store is validated the same way, on its local copy (``Store.local()``, as
    ``ctkg validate --endpoint`` does): the same findings on every backend."""
    if shared_only and typed is None:
        from kg.typed_nodes import typed_nodes_of

        with typed_nodes_of(store) as made:
            return validate_store(store, True, jobs, made)
    subclasses = _has_subclass_axioms(store)
    queries = compile_shapes(shapes_graph(), False, subclasses, shared_only)
    workers = jobs or default_jobs()
    if shared_only and typed is not None:
        core = [q for q in queries if not q.sparql]
        tasks: Iterable[tuple[Query, str]] = _pages(store, core, typed, subclasses)
    else:
        tasks = [(q, q.text) for q in queries]
    found: dict[Finding, None] = {}  # one finding per rule and node, however many sources
    flagged: dict[str, set[str]] = {}  # SHACL-SPARQL rule -> the nodes the union says break it
    for query, results in _run(store, tasks, workers):
        for _, f in results:
            if query.sparql and ":" in f.focus:  # an IRI (a blank node cannot be named again)
                flagged.setdefault(f.component, set()).add(f.focus)
            else:
                found[f] = None
    if not shared_only:
        found.update(dict.fromkeys(_sparql_per_source(store, subclasses, flagged, workers)))
    report = Report([f for f in map(partial(_per_source, store), found) if f is not None])
    report.sort()
    return report


def _run(
    store: pyoxigraph.Store, tasks: Iterable[tuple[Query, str]], workers: int
) -> Iterator[tuple[Query, list[tuple[str | None, Finding]]]]:
    """Each task's query and findings, in order, ``workers`` queries at a time."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from ordered_map(pool, lambda task: (task[0], _findings(store, *task)), tasks, 4 * workers)


def _sparql_per_source(
    store: pyoxigraph.Store, subclasses: bool, flagged: dict[str, set[str]], workers: int
) -> Iterator[Finding]:
    """The SHACL-SPARQL rules as each source's graph has them: run in each named graph on the
    nodes the union flagged (another source's arms may make a total look wrong) and on the
    nodes several graphs describe (the union may also hide what one source lacks), a page of
    nodes at a time.  Per graph over the whole store would be slower: Oxigraph walks every
    named graph for an unbound one (0.7 s vs 0.02 s for one predicate at 10,000 documents)."""
    listed: dict[str, list[str]] = {}
    tasks = []
    for query in (q for q in compile_shapes(shapes_graph(), True, subclasses, True) if q.sparql):
        nodes = sorted(set(_listed(store, query, listed)) | flagged.get(query.rules[0].component, set()))
        tasks += [
            (query, query.for_nodes(nodes[i : i + SHARED_PAGE])) for i in range(0, len(nodes), SHARED_PAGE)
        ]
    for _, results in _run(store, tasks, workers):
        yield from (f for _, f in results)


def _per_source(store: pyoxigraph.Store, finding: Finding) -> Finding | None:
    """A finding over the union as the sources make it: at most one value per source holds
    within each source graph.  Two values from one source stay a Violation; two text or
    number values from different sources become a Warning (they disagree); two nodes from
    different sources (each source's own population...) are no finding at all."""
    if finding.component != "MaxCountConstraintComponent" or not finding.path.startswith("http"):
        return finding
    if shapes_graph().value(URIRef(finding.shape), SH.maxCount) != Literal(1):
        return finding  # sh:maxCount 0: no value at all, from any source
    focus, path = f"<{finding.focus}>", f"<{finding.path}>"
    if not finding.focus.startswith("http") or store.query(
        f"ASK {{ GRAPH ?g {{ {focus} {path} ?a , ?b FILTER (!sameTerm(?a, ?b)) }} }}"
    ):
        return finding
    literals = store.query(
        f"SELECT (COUNT(DISTINCT ?x) AS ?n) {{ {focus} {path} ?x FILTER (isLiteral(?x)) }}"
    )
    if int(next(iter(literals))["n"].value) < 2:
        return None
    message = f"Sources disagree: each states its own value where one is expected ({finding.message})"
    return replace(finding, severity="Warning", message=message)


def _listed(store: pyoxigraph.Store, query: Query, nodes: dict[str, list[str]]) -> list[str]:
    """The shared focus nodes of the query's node shape, listed once for all its queries."""
    if query.focus not in nodes:
        nodes[query.focus] = [row["this"].value for row in store.query(query.focus)]
    return nodes[query.focus]


def _pages(
    store: pyoxigraph.Store, queries: list[Query], typed: TypedNodes, subclasses: bool
) -> Iterator[tuple[Query, str]]:
    """(query, text over one page of its node shape's shared focus nodes), read from the
    index a page at a time as the queries are handed out."""
    for query in queries:
        for page in typed.shared(_classes(store, query.classes, subclasses), SHARED_PAGE):
            yield query, query.for_nodes(page)


def _classes(store: pyoxigraph.Store, classes: tuple[str, ...], subclasses: bool) -> list[str]:
    """These classes and, if the store states a hierarchy, their subclasses (read from the
    default graph, the union, as the shapes' own queries read it)."""
    if not subclasses:
        return list(classes)
    targets = " ".join(f"<{c}>" for c in classes)
    subclass = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
    text = f"SELECT DISTINCT ?c WHERE {{ VALUES ?t {{ {targets} }} ?c {subclass} ?t }}"
    return sorted({*classes, *(row["c"].value for row in store.query(text))})


def validate_named_graphs(store: pyoxigraph.Store) -> dict[str, Report]:
    """Every named graph validated on its own, as a build validates each document; graphs
    without findings are absent from the result."""
    reports: dict[str, Report] = {}
    for query in compile_shapes(shapes_graph(), True, _has_subclass_axioms(store)):
        for graph, finding in _findings(store, query):
            reports.setdefault(graph, Report()).findings.append(finding)
    for report in reports.values():
        report.sort()
    return reports
