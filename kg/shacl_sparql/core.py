"""SHACL Core constraints compiled: one query per node shape, a UNION of its constraints,
each branch tagged with the numbers of the rules that fail; the selective pattern (one
predicate's triples, filtered) runs first and only then meets the focus nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rdflib import RDF, Graph
from rdflib.collection import Collection
from rdflib.term import Node

from kg.shacl_sparql.terms import (
    COMPARISONS,
    NODE_KINDS,
    SH,
    Query,
    Rule,
    ShapesError,
    datatype_ok,
    focus_block,
    focus_pattern,
    instance_of,
    messages_of,
    nt,
    path_pattern,
    path_text,
    severity_of,
    string_literal,
)

_IGNORED = {
    RDF.type,
    SH.path,
    SH.message,
    SH.severity,
    SH.property,
    SH.targetClass,
    SH.name,
    SH.description,
    SH.deactivated,
}


def _has_type(x: str, cls: Node, subclasses: bool, scope: Callable[[str], str]) -> str:
    return f"EXISTS {{ {scope(instance_of(x, [cls], subclasses))} }}"


def _value_test(shapes: Graph, shape: Node, x: str, subclasses: bool, scope: Callable[[str], str]) -> str:
    """A boolean expression: does the value node ``x`` conform to an anonymous node shape?"""
    tests = []
    for p, o in shapes.predicate_objects(shape):
        if p == SH["class"]:
            tests.append(_has_type(x, o, subclasses, scope))
        elif p == SH.datatype:
            tests.append(datatype_ok(x, o))
        elif p == SH.nodeKind:
            tests.append(NODE_KINDS[o].format(x=x))
        elif p != RDF.type:
            raise ShapesError(f"unsupported constraint {p} inside sh:or")
    return "(" + " && ".join(tests or ["true"]) + ")"


class _Branches:
    """The UNION branches of one node shape's query.  Every branch binds ?this, maybe ?v, and
    ?r: the numbers of the rules that fail, space-separated.  The selective pattern (one
    predicate's triples, filtered) runs first in a subquery and only then meets the focus
    nodes; per-graph queries carry ?g through every pattern."""

    def __init__(
        self, shapes: Graph, node_shape: Node, per_graph: bool, subclasses: bool, shared: bool
    ) -> None:
        self.shapes, self.per_graph, self.subclasses, self.shared = shapes, per_graph, subclasses, shared
        self.g = "?g " if per_graph else ""
        self.focus = focus_block(shapes, node_shape, subclasses, per_graph, shared)
        # the focus nodes as plain patterns, to look up each one's values: joined as a
        # subquery they would meet every triple of the predicate (all rdfs:label triples,
        # tested one by one, for the single Software node)
        # (a shape of several classes keeps the subquery: an ArmResult is a Result too, and
        # would have its values tested twice)
        single = len(set(shapes.objects(node_shape, SH.targetClass))) == 1
        plain = self.scope(focus_pattern(shapes, node_shape, subclasses))
        self.lookup = plain if single and not shared else self.focus
        self.branches: list[str] = []
        self.rules: list[Rule] = []

    def scope(self, pattern: str) -> str:
        return f"GRAPH ?g {{ {pattern} }}" if self.per_graph else pattern

    def untyped(self, path: str, classes: list[Node]) -> str:
        """The values ?v of ?this on ``path`` that are instances of none of ``classes``.  On a
        page of shared focus nodes, each value's types are looked up (an OPTIONAL, evaluated
        value by value): Oxigraph evaluates a MINUS apart from its left side and holds every
        row it gives, here every instance of the classes in the store, again on every page
        (the check alone at 10,000 documents: 179 MB with MINUS, 138 MB with OPTIONAL).
        Elsewhere the left side is every triple of the predicate anyway, and a MINUS reads
        the instances once, faster than a look-up per value."""
        values = self.scope(f"?this {path} ?v .")
        typed = self.scope(instance_of("?v", classes, self.subclasses))
        if self.shared:
            return f"{values} OPTIONAL {{ {typed} BIND (true AS ?typed_v) }} FILTER (!BOUND(?typed_v))"
        return f"{values} MINUS {{ {typed} }}"

    def rule(self, rule: Rule) -> str:
        self.rules.append(rule)
        return str(len(self.rules) - 1)

    def add(self, body: str) -> None:
        self.branches.append(f"{{ {body} }}")

    def selective(self, projection: str, where: str, tail: str = "") -> None:
        """A subquery over one predicate's triples, joined with the focus nodes afterwards
        (or, for the few shared focus nodes, looking up only theirs)."""
        if self.shared:
            self.add(f"{{ SELECT DISTINCT {projection} WHERE {{ {self.focus} {where} }} {tail}}}")
        else:
            self.add(f"{{ SELECT DISTINCT {self.g}{projection} WHERE {{ {where} }} {tail}}} {self.focus}")


@lru_cache(maxsize=4)
def _shared_paths(shapes: Graph) -> frozenset[Node]:
    """Paths that more than one node shape constrains (rdfs:label, ctkg:arm...): scanning all
    their triples for each shape costs more than looking up each focus node's values."""
    seen: dict[Node, set[Node]] = {}
    for node_shape, ps in shapes.subject_objects(SH.property):
        seen.setdefault(shapes.value(ps, SH.path), set()).add(node_shape)
    return frozenset(p for p, owners in seen.items() if len(owners) > 1)


def _value_failures(
    shapes: Graph, ps: Node, subclasses: bool, scope: Callable[[str], str]
) -> list[tuple[str, str]]:
    """(component, expression true when the value ?v fails it) for each constraint of one
    property shape that looks at a value on its own; an error (STR of a blank node, a
    comparison with an IRI) counts as failing too."""
    out = []
    for p, o in sorted(shapes.predicate_objects(ps)):
        name = str(p).rsplit("#", 1)[-1]
        component = name[0].upper() + name[1:] + "ConstraintComponent"
        if p == SH.datatype:
            out.append((component, f"!{datatype_ok('?v', o)}"))
        elif p == SH.nodeKind:
            out.append((component, f"!{NODE_KINDS[o].format(x='?v')}"))
        elif p == SH.minLength:
            out.append((component, f"STRLEN(STR(?v)) < {int(o)}"))
        elif p == SH.pattern:
            if shapes.value(ps, SH.flags) is not None:
                raise ShapesError(f"{ps}: sh:flags is not compiled")
            out.append((component, f"!REGEX(STR(?v), {string_literal(str(o))})"))
        elif p in COMPARISONS:
            out.append((component, f"!COALESCE(?v {COMPARISONS[p]} {nt(o)}, false)"))
        elif p == SH["or"]:
            if _or_classes(shapes, o) is not None:
                continue  # a MINUS branch of its own (see _property_branches)
            tests = " || ".join(
                _value_test(shapes, m, "?v", subclasses, scope) for m in Collection(shapes, o)
            )
            out.append((component, f"!({tests})"))
        elif p not in _IGNORED and p not in _OTHER_COMPONENTS:
            raise ShapesError(f"{ps}: constraint {p} is not compiled")
    return out


def _or_classes(shapes: Graph, alternatives: Node) -> list[Node] | None:
    """The classes of an sh:or whose members each say only ``sh:class C``, else None: such
    a value conforms when it is an instance of any of them, which one MINUS finds without an
    EXISTS test per value."""
    classes = []
    for member in Collection(shapes, alternatives):
        constraints = [(p, o) for p, o in shapes.predicate_objects(member) if p != RDF.type]
        if len(constraints) != 1 or constraints[0][0] != SH["class"]:
            return None
        classes.append(constraints[0][1])
    return classes


_OTHER_COMPONENTS = {SH.sparql, SH.minCount, SH.maxCount, SH["class"], SH.lessThanOrEquals, SH.disjoint}


def _property_branches(b: _Branches, ps: Node, counts: dict[tuple[str, int], list[tuple[str, str]]]) -> None:
    """Add one property shape's branches; count constraints on plain predicates are only
    collected (into ``counts``), to be checked for the whole node shape at once."""
    shapes = b.shapes
    path_node = shapes.value(ps, SH.path)
    path, text = path_pattern(shapes, path_node), path_text(shapes, path_node)

    def rule(component: str, value: str) -> str:
        return b.rule(Rule(str(ps), component, severity_of(shapes, ps), text, messages_of(shapes, ps), value))

    failures = [(rule(c, "value"), e) for c, e in _value_failures(shapes, ps, b.subclasses, b.scope)]
    if failures:
        flags = ", ".join(f'IF(COALESCE({e}, true), "{r} ", "")' for r, e in failures)
        where = f'{b.scope(f"?this {path} ?v .")} BIND (CONCAT({flags}) AS ?r) FILTER (?r != "")'
        if b.shared or path_node in _shared_paths(shapes):  # e.g. rdfs:label: test only this class's values
            b.add(f"{b.lookup} {where}")
        else:
            b.selective("?this ?v ?r", where)
    memberships = [("ClassConstraintComponent", [cls]) for cls in shapes.objects(ps, SH["class"])]
    for alternatives in shapes.objects(ps, SH["or"]):
        if (classes := _or_classes(shapes, alternatives)) is not None:
            memberships.append(("OrConstraintComponent", classes))
    for component, classes in memberships:  # the values that are instances of none of the classes
        r = rule(component, "value")
        b.selective(f'?this ?v ("{r}" AS ?r)', b.untyped(path, classes))
    for other in shapes.objects(ps, SH.lessThanOrEquals):
        r = rule("LessThanOrEqualsConstraintComponent", "value")
        pair = b.scope(f"?this {path} ?v . ?this <{other}> ?other .")
        b.selective(f'?this ?v ("{r}" AS ?r)', f"{pair} FILTER (!COALESCE(?v <= ?other, false))")
    for other in shapes.objects(ps, SH.disjoint):
        r = rule("DisjointConstraintComponent", "value")
        b.selective(f'?this ?v ("{r}" AS ?r)', b.scope(f"?this {path} ?v . ?this <{other}> ?v ."))
    for p, kind in ((SH.minCount, "min"), (SH.maxCount, "max")):
        n = shapes.value(ps, p)
        if n is None:
            continue
        if (kind, int(n)) not in {("min", 1), ("max", 0), ("max", 1)}:
            raise ShapesError(f"{ps}: {p} {n} (only sh:minCount 1 and sh:maxCount 0 or 1 are compiled)")
        r = rule(kind.title() + "CountConstraintComponent", "")
        counts.setdefault((kind, int(n)), []).append((path, r))


def _count_branches(b: _Branches, counts: dict[tuple[str, int], list[tuple[str, str]]]) -> None:
    """minCount 1 and maxCount 0/1 for all plain predicates of the node shape at once (a
    VALUES table of predicate and rule); an alternative path gets a branch of its own."""
    for (kind, n), entries in sorted(counts.items()):
        plain = " ".join(f'({path} "{r}")' for path, r in entries if path.startswith("<"))
        groups = [("VALUES (?p ?r) { " + plain + " }", "?p", "?r")] if plain else []
        groups += [("", path, f'("{r}" AS ?r)') for path, r in entries if not path.startswith("<")]
        for values, path, r in groups:
            if kind == "min":
                bind = "" if values else f" BIND {r}"
                b.add(f"{b.focus} {values} FILTER NOT EXISTS {{ {b.scope(f'?this {path} ?any .')} }}{bind}")
            elif values and b.shared:  # a page of focus nodes: look up each one's triples
                plain_paths = ", ".join(path for path, _ in entries if path.startswith("<"))
                b.add(
                    f"{{ SELECT ?this ?p WHERE {{ {b.focus} ?this ?p ?x FILTER (?p IN ({plain_paths})) }}"
                    f" GROUP BY ?this ?p HAVING (COUNT(*) > {n}) }} {values}"
                )
            else:
                keys = f"{b.g}?this" + (" ?r" if values else "")
                # a plain predicate's values are distinct triples (the store is a set): no
                # DISTINCT to hash; an alternative path may reach one value twice
                counted = "*" if values else "DISTINCT ?x"
                having = f"GROUP BY {keys} HAVING (COUNT({counted}) > {n}) "
                b.selective(f"?this {r}", f"{values} {b.scope(f'?this {path} ?x .')}", having)


def core_query(
    shapes: Graph, node_shape: Node, per_graph: bool, subclasses: bool, shared: bool
) -> Query | None:
    b = _Branches(shapes, node_shape, per_graph, subclasses, shared)
    kind = shapes.value(node_shape, SH.nodeKind)
    if kind is not None:
        messages = messages_of(shapes, node_shape)
        r = b.rule(
            Rule(
                str(node_shape),
                "NodeKindConstraintComponent",
                severity_of(shapes, node_shape),
                "",
                messages,
                "focus",
            )
        )
        b.add(f'{b.focus} FILTER (!{NODE_KINDS[kind].format(x="?this")}) BIND ("{r}" AS ?r)')
    counts: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for ps in sorted(shapes.objects(node_shape, SH.property)):
        _property_branches(b, ps, counts)
    _count_branches(b, counts)
    if not b.branches:
        return None
    text = f"SELECT DISTINCT {b.g}?r ?this ?v WHERE {{\n  " + "\n  UNION ".join(b.branches) + "\n}"
    classes = tuple(sorted(str(c) for c in shapes.objects(node_shape, SH.targetClass))) if shared else ()
    return Query(text, tuple(b.rules), sparql=False, classes=classes)
