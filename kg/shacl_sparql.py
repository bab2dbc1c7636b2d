"""The bundled SHACL shapes compiled to SPARQL queries that pyoxigraph runs.

pySHACL walks every focus node in Python (~23 s for 214,000 triples); the same rules as
SPARQL run inside the store and send back only the failures.  Each node shape becomes one
query (a UNION of its SHACL Core constraints, each branch tagged with a number) and each
SHACL-SPARQL constraint one query of its own.  A query either reads the default graph (where the store keeps the union of all named
graphs: whole-store validation) or runs per named graph (``GRAPH ?g``: every document on
its own, as the build validates them).

Only the constraint components the shapes use are compiled; a shapes file using another one
is refused at compile time rather than checked loosely.  pySHACL stays the reference:
tests/test_shapes.py runs both on every shape's cases and demands the same findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")
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
_NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "(isBlank({x}) || isIRI({x}))",
    SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
    SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))",
}
_COMPARISONS = {
    SH.minInclusive: ">=",
    SH.minExclusive: ">",
    SH.maxInclusive: "<=",
    SH.maxExclusive: "<",
}
# Datatypes whose lexical space SPARQL can check with a cast (an ill-typed literal fails).
_CASTABLE = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "boolean", "dateTime")}


class ShapesError(ValueError):
    """The shapes use a SHACL feature this compiler does not translate."""


@dataclass(frozen=True)
class Rule:
    """What one query branch (or SHACL-SPARQL query) reports when it returns a row."""

    shape: str
    component: str  # constraint component local name, or the SPARQL constraint's IRI
    severity: str
    path: str
    message: str
    value: str  # "value": the ?v binding; "focus": the focus node; "": none


_FOCUS_NODES = "#focus-nodes#"  # where a shared-nodes query takes one page of its focus nodes


@dataclass(frozen=True)
class Query:
    text: str  # SELECT ?g ?k ?this ?v ... ; ?g is unbound in whole-graph mode
    rules: tuple[Rule, ...]  # indexed by ?k (a single rule for SHACL-SPARQL queries)
    sparql: bool
    focus: str = ""  # shared-nodes mode: the query listing the node shape's shared focus nodes

    def for_nodes(self, iris: list[str]) -> str:
        """The query over these focus nodes only (shared-nodes mode)."""
        return self.text.replace(_FOCUS_NODES, " ".join(f"<{iri}>" for iri in iris))


def _nt(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3()
    raise ShapesError(f"cannot write {term!r} in a query")


def path_text(shapes: Graph, path: Node) -> str:
    """A property path as SPARQL text; a plain predicate is its IRI (as pySHACL reports it)."""
    if isinstance(path, URIRef):
        return str(path)
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "|".join(f"<{p}>" for p in Collection(shapes, alternatives))
    raise ShapesError(f"unsupported property path {path!r}")


def _path_pattern(shapes: Graph, path: Node) -> str:
    text = path_text(shapes, path)
    return f"<{text}>" if isinstance(path, URIRef) else f"({text})"


def _has_type(x: str, cls: Node, subclasses: bool, scope: Callable[[str], str]) -> str:
    return f"EXISTS {{ {scope(_typed(x, [cls], subclasses))} }}"


def _value_test(shapes: Graph, shape: Node, x: str, subclasses: bool, scope: Callable[[str], str]) -> str:
    """A boolean expression: does the value node ``x`` conform to an anonymous node shape?"""
    tests = []
    for p, o in shapes.predicate_objects(shape):
        if p == SH["class"]:
            tests.append(_has_type(x, o, subclasses, scope))
        elif p == SH.datatype:
            tests.append(_datatype_ok(x, o))
        elif p == SH.nodeKind:
            tests.append(_NODE_KINDS[o].format(x=x))
        elif p != RDF.type:
            raise ShapesError(f"unsupported constraint {p} inside sh:or")
    return "(" + " && ".join(tests or ["true"]) + ")"


def _datatype_ok(x: str, datatype: Node) -> str:
    """True when ``x`` has the datatype, an error for an IRI or blank node.  An error counts
    as a failure wherever these tests are used (COALESCE(..., true) around the negation),
    and every mention of ``x`` makes the store decode the term again (its text is read from
    disk): so no isLiteral() guard."""
    test = f"datatype({x}) = <{datatype}>"
    if str(datatype) in _CASTABLE:
        test += f" && COALESCE(<{datatype}>({x}) = {x}, false)"
    return f"({test})"


def _string_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typed(x: str, classes: list[Node], subclasses: bool, graph: str = "") -> str:
    """``x`` is an instance of one of ``classes``, or of a subclass of one: the subclasses
    are found first (a few ontology triples) and then their instances, which is what
    ``rdf:type/rdfs:subClassOf*`` means but an index scan instead of a path walked from
    every instance.  ``graph``: a variable naming the graph the rdf:type triple must be in
    (the hierarchy is read from the default graph, the union)."""
    name = x.lstrip("?")
    cls = _nt(classes[0]) if len(classes) == 1 else f"?class_{name}"
    values = f"VALUES {cls} {{ {' '.join(map(_nt, classes))} }} " if len(classes) > 1 else ""
    typed = f"{x} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {f'?subclass_{name}' if subclasses else cls} ."
    typed = f"GRAPH {graph} {{ {typed} }}" if graph else typed
    if not subclasses:
        return values + typed
    return f"{values}?subclass_{name} <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {cls} . {typed}"


def _focus_pattern(shapes: Graph, node_shape: Node, subclasses: bool, graph: str = "") -> str:
    return _typed("?this", sorted(shapes.objects(node_shape, SH.targetClass)), subclasses, graph)


def _focus(shapes: Graph, node_shape: Node, subclasses: bool, per_graph: bool, shared: bool) -> str:
    """The focus nodes as a subquery (DISTINCT: a node typed in several named graphs comes
    once per graph).  ``shared``: one page of the shared focus nodes, given as IRIs."""
    pattern = _focus_pattern(shapes, node_shape, subclasses)
    if per_graph:
        return f"{{ SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {pattern} }} }} }}"
    if shared:
        return f"VALUES ?this {{ {_FOCUS_NODES} }}"
    return f"{{ SELECT DISTINCT ?this WHERE {{ {pattern} }} }}"


def _shared_focus(shapes: Graph, node_shape: Node, subclasses: bool) -> str:
    """The IRIs of the focus nodes that two named graphs or more type (the hierarchy is read
    from the union, where the ontology's rdfs:subClassOf axioms are).  One grouping over the
    node shape's instances, done once: every query of the shape then runs on pages of these."""
    return (
        f"SELECT ?this WHERE {{ {_focus_pattern(shapes, node_shape, subclasses, '?g')} FILTER (isIRI(?this)) }}"
        " GROUP BY ?this HAVING (COUNT(DISTINCT ?g) > 1)"
    )


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
        self.focus = _focus(shapes, node_shape, subclasses, per_graph, shared)
        # the focus nodes as plain patterns, to look up each one's values: joined as a
        # subquery they would meet every triple of the predicate (all rdfs:label triples,
        # tested one by one, for the single Software node)
        # (a shape of several classes keeps the subquery: an ArmResult is a Result too, and
        # would have its values tested twice)
        single = len(set(shapes.objects(node_shape, SH.targetClass))) == 1
        plain = self.scope(_focus_pattern(shapes, node_shape, subclasses))
        self.lookup = plain if single and not shared else self.focus
        self.branches: list[str] = []
        self.rules: list[Rule] = []

    def scope(self, pattern: str) -> str:
        return f"GRAPH ?g {{ {pattern} }}" if self.per_graph else pattern

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
            out.append((component, f"!{_datatype_ok('?v', o)}"))
        elif p == SH.nodeKind:
            out.append((component, f"!{_NODE_KINDS[o].format(x='?v')}"))
        elif p == SH.minLength:
            out.append((component, f"STRLEN(STR(?v)) < {int(o)}"))
        elif p == SH.pattern:
            if shapes.value(ps, SH.flags) is not None:
                raise ShapesError(f"{ps}: sh:flags is not compiled")
            out.append((component, f"!REGEX(STR(?v), {_string_literal(str(o))})"))
        elif p in _COMPARISONS:
            out.append((component, f"!COALESCE(?v {_COMPARISONS[p]} {_nt(o)}, false)"))
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
    path, text = _path_pattern(shapes, path_node), path_text(shapes, path_node)

    def rule(component: str, value: str) -> str:
        return b.rule(Rule(str(ps), component, _severity(shapes, ps), text, _messages(shapes, ps), value))

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
        typed = b.scope(_typed("?v", classes, b.subclasses))
        b.selective(f'?this ?v ("{r}" AS ?r)', f"{b.scope(f'?this {path} ?v .')} MINUS {{ {typed} }}")
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


def _severity(shapes: Graph, shape: Node) -> str:
    severity = shapes.value(shape, SH.severity)
    return str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"


def _messages(shapes: Graph, node: Node) -> str:
    return " ".join(str(m) for m in shapes.objects(node, SH.message))


def _core_query(
    shapes: Graph, node_shape: Node, per_graph: bool, subclasses: bool, shared: bool
) -> Query | None:
    b = _Branches(shapes, node_shape, per_graph, subclasses, shared)
    kind = shapes.value(node_shape, SH.nodeKind)
    if kind is not None:
        messages = _messages(shapes, node_shape)
        r = b.rule(
            Rule(
                str(node_shape),
                "NodeKindConstraintComponent",
                _severity(shapes, node_shape),
                "",
                messages,
                "focus",
            )
        )
        b.add(f'{b.focus} FILTER (!{_NODE_KINDS[kind].format(x="?this")}) BIND ("{r}" AS ?r)')
    counts: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for ps in sorted(shapes.objects(node_shape, SH.property)):
        _property_branches(b, ps, counts)
    _count_branches(b, counts)
    if not b.branches:
        return None
    text = f"SELECT DISTINCT {b.g}?r ?this ?v WHERE {{\n  " + "\n  UNION ".join(b.branches) + "\n}"
    focus = _shared_focus(shapes, node_shape, subclasses) if shared else ""
    return Query(text, tuple(b.rules), sparql=False, focus=focus)


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for ontology in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(ontology, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines)


def _sparql_query(
    shapes: Graph,
    node_shape: Node,
    ps: Node,
    constraint: Node,
    per_graph: bool,
    subclasses: bool,
    shared: bool,
) -> Query:
    """A SHACL-SPARQL constraint with the focus pattern put first in its WHERE clause, so
    ``$this`` is bound before the constraint's own patterns and filters run."""
    select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
    if re.search(r"\$(PATH|currentShape|shapesGraph|value)\b", select):
        raise ShapesError(f"{constraint}: pre-bound variables other than $this are not compiled")
    head, where, body = re.split(r"\b(WHERE\s*\{)", select, maxsplit=1, flags=re.IGNORECASE)
    if per_graph:
        focus = _focus_pattern(shapes, node_shape, subclasses)
        head = re.sub(r"SELECT\s+(DISTINCT\s+)?", lambda m: m.group(0) + "?g ", head, count=1)
        body, modifiers = _where_body(body, constraint)
        modifiers = re.sub(r"\bGROUP\s+BY\s+", lambda m: m.group(0) + "?g ", modifiers, flags=re.IGNORECASE)
        # a page of nodes, inside the graph's block: outside it, Oxigraph reads every graph first
        values = f"VALUES ?this {{ {_FOCUS_NODES} }} " if shared else ""
        text = f"{head}WHERE {{ GRAPH ?g {{ {values}{focus}\n{body}}} }}{modifiers}"
    else:
        text = f"{head}{where} {_focus(shapes, node_shape, subclasses, False, shared)}\n{body}"
    path = shapes.value(ps, SH.path)
    rule = Rule(
        str(ps),
        str(constraint),
        _severity(shapes, ps),
        path_text(shapes, path) if path is not None else "",
        _messages(shapes, constraint) or _messages(shapes, ps),
        "value",
    )
    focus = _shared_focus(shapes, node_shape, subclasses) if shared else ""
    return Query(f"{_prefixes(shapes, constraint)}\n{text}", (rule,), sparql=True, focus=focus)


def _where_body(rest: str, constraint: Node) -> tuple[str, str]:
    """(the WHERE clause's content, the solution modifiers after it: GROUP BY, HAVING...),
    from the text following 'WHERE {'.  Per named graph, the content goes into the graph's
    block and each group is one graph's (GROUP BY ?g ...)."""
    depth = 1
    for i, ch in enumerate(rest):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            return rest[:i], rest[i + 1 :].rstrip()
    raise ShapesError(f"{constraint}: the WHERE clause is not closed")


@lru_cache(maxsize=8)
def compile_shapes(
    shapes: Graph, per_graph: bool, subclasses: bool, shared: bool = False
) -> tuple[Query, ...]:
    """Every query of the shapes graph: one per node shape, one per SHACL-SPARQL constraint.
    ``per_graph``: each named graph on its own; else their union.  ``shared``: only for
    focus nodes typed in two named graphs or more, given a page at a time (``for_nodes``):
    over the union, what one document cannot see alone; per graph (SHACL-SPARQL only), each
    source's description of a node several describe."""
    queries = []
    for node_shape in sorted(shapes.subjects(SH.targetClass, None, unique=True)):
        core = _core_query(shapes, node_shape, per_graph, subclasses, shared)
        if core is not None:
            queries.append(core)
        for ps in sorted(shapes.objects(node_shape, SH.property)):
            for constraint in shapes.objects(ps, SH.sparql):
                queries.append(
                    _sparql_query(shapes, node_shape, ps, constraint, per_graph, subclasses, shared)
                )
    return tuple(queries)
