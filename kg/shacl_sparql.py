"""The bundled SHACL shapes compiled to SPARQL queries that pyoxigraph runs.

pySHACL walks every focus node in Python (~23 s for 214,000 triples); the same rules as
SPARQL run inside the store and send back only the failures.  Each node shape becomes one
query (a UNION of its SHACL Core constraints, each branch tagged with a number) and each
SHACL-SPARQL constraint one query of its own.  A query either sees the union of all named
graphs (whole-store validation) or runs per named graph (``GRAPH ?g``: every document on
its own, as the build validates them).

Only the constraint components the shapes use are compiled; a shapes file using another one
is refused at compile time rather than checked loosely.  pySHACL stays the reference:
tests/test_shapes.py runs both on every shape's cases and demands the same findings.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True)
class Query:
    text: str  # SELECT ?g ?k ?this ?v ... ; ?g is unbound in whole-graph mode
    rules: tuple[Rule, ...]  # indexed by ?k (a single rule for SHACL-SPARQL queries)
    sparql: bool


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


def _has_type(x: str, cls: Node, subclasses: bool) -> str:
    step = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    if subclasses:
        step += "/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
    return f"EXISTS {{ {x} {step} {_nt(cls)} }}"


def _value_test(shapes: Graph, shape: Node, x: str, subclasses: bool) -> str:
    """A boolean expression: does the value node ``x`` conform to an anonymous node shape?"""
    tests = []
    for p, o in shapes.predicate_objects(shape):
        if p == SH["class"]:
            tests.append(_has_type(x, o, subclasses))
        elif p == SH.datatype:
            tests.append(_datatype_ok(x, o))
        elif p == SH.nodeKind:
            tests.append(_NODE_KINDS[o].format(x=x))
        elif p != RDF.type:
            raise ShapesError(f"unsupported constraint {p} inside sh:or")
    return "(" + " && ".join(tests or ["true"]) + ")"


def _datatype_ok(x: str, datatype: Node) -> str:
    test = f"isLiteral({x}) && datatype({x}) = <{datatype}>"
    if str(datatype) in _CASTABLE:
        test += f" && COALESCE(<{datatype}>({x}) = {x}, false)"
    return f"({test})"


def _string_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value_branches(shapes: Graph, ps: Node, subclasses: bool) -> list[tuple[str, str, str]]:
    """(component, SPARQL branch binding ?this and maybe ?v, what sh:value reports) per
    constraint of one property shape; the focus pattern comes first, added by the caller."""
    path = _path_pattern(shapes, shapes.value(ps, SH.path))
    each = f"?this {path} ?v ."
    out = []
    for p, o in sorted(shapes.predicate_objects(ps)):
        name = str(p).rsplit("#", 1)[-1]
        component = name[0].upper() + name[1:] + "ConstraintComponent"
        if p in _IGNORED or p == SH.sparql:
            continue
        if p == SH.minCount:
            if int(o) != 1:
                raise ShapesError(f"{ps}: sh:minCount {o} (only 1 is compiled)")
            out.append((component, f"FILTER NOT EXISTS {{ ?this {path} ?any }}", ""))
        elif p == SH.maxCount:
            n = int(o)
            if n == 0:
                branch = f"FILTER EXISTS {{ ?this {path} ?any }}"
            elif n == 1:
                branch = f"FILTER EXISTS {{ ?this {path} ?a , ?b . FILTER (!sameTerm(?a, ?b)) }}"
            else:
                raise ShapesError(f"{ps}: sh:maxCount {n} (only 0 and 1 are compiled)")
            out.append((component, branch, ""))
        elif p == SH.datatype:
            out.append((component, f"{each} FILTER (!{_datatype_ok('?v', o)})", "value"))
        elif p == SH.nodeKind:
            out.append((component, f"{each} FILTER (!{_NODE_KINDS[o].format(x='?v')})", "value"))
        elif p == SH["class"]:
            out.append((component, f"{each} FILTER (!{_has_type('?v', o, subclasses)})", "value"))
        elif p == SH.minLength:
            out.append((component, f"{each} FILTER (isBlank(?v) || STRLEN(STR(?v)) < {int(o)})", "value"))
        elif p == SH.pattern:
            if shapes.value(ps, SH.flags) is not None:
                raise ShapesError(f"{ps}: sh:flags is not compiled")
            regex = _string_literal(str(o))
            out.append((component, f"{each} FILTER (isBlank(?v) || !REGEX(STR(?v), {regex}))", "value"))
        elif p in _COMPARISONS:
            test = f"COALESCE(?v {_COMPARISONS[p]} {_nt(o)}, false)"
            out.append((component, f"{each} FILTER (!{test})", "value"))
        elif p == SH.lessThanOrEquals:
            test = "COALESCE(?v <= ?other, false)"
            out.append((component, f"{each} ?this <{o}> ?other . FILTER (!{test})", "value"))
        elif p == SH.disjoint:
            out.append((component, f"{each} ?this <{o}> ?v .", "value"))
        elif p == SH["or"]:
            tests = " || ".join(_value_test(shapes, m, "?v", subclasses) for m in Collection(shapes, o))
            out.append((component, f"{each} FILTER (!({tests}))", "value"))
        else:
            raise ShapesError(f"{ps}: constraint {p} is not compiled")
    return out


def _focus(shapes: Graph, node_shape: Node, subclasses: bool) -> str:
    classes = sorted(shapes.objects(node_shape, SH.targetClass))
    step = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    if subclasses:
        step += "/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
    if len(classes) == 1:
        return f"?this {step} {_nt(classes[0])} ."
    return f"VALUES ?class {{ {' '.join(_nt(c) for c in classes)} }} ?this {step} ?class ."


def _scoped(body: str, per_graph: bool) -> str:
    return f"GRAPH ?g {{ {body} }}" if per_graph else body


def _severity(shapes: Graph, shape: Node) -> str:
    severity = shapes.value(shape, SH.severity)
    return str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"


def _messages(shapes: Graph, node: Node) -> str:
    return " ".join(str(m) for m in shapes.objects(node, SH.message))


def _core_query(shapes: Graph, node_shape: Node, per_graph: bool, subclasses: bool) -> Query | None:
    focus = _focus(shapes, node_shape, subclasses)
    branches: list[str] = []
    rules: list[Rule] = []

    def add(rule: Rule, pattern: str) -> None:
        branches.append(f"{{ {_scoped(focus + ' ' + pattern, per_graph)} BIND ({len(rules)} AS ?k) }}")
        rules.append(rule)

    kind = shapes.value(node_shape, SH.nodeKind)
    if kind is not None:
        test = _NODE_KINDS[kind].format(x="?this")
        rule = Rule(
            str(node_shape),
            "NodeKindConstraintComponent",
            _severity(shapes, node_shape),
            "",
            _messages(shapes, node_shape),
            "focus",
        )
        add(rule, f"FILTER (!{test})")
    for ps in sorted(shapes.objects(node_shape, SH.property)):
        path = path_text(shapes, shapes.value(ps, SH.path))
        for component, pattern, value in _value_branches(shapes, ps, subclasses):
            add(Rule(str(ps), component, _severity(shapes, ps), path, _messages(shapes, ps), value), pattern)
    if not rules:
        return None
    graph = "?g " if per_graph else ""
    text = f"SELECT DISTINCT {graph}?k ?this ?v WHERE {{\n  " + "\n  UNION ".join(branches) + "\n}"
    return Query(text, tuple(rules), sparql=False)


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for ontology in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(ontology, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines)


def _sparql_query(
    shapes: Graph, node_shape: Node, ps: Node, constraint: Node, per_graph: bool, subclasses: bool
) -> Query:
    """A SHACL-SPARQL constraint with the focus pattern put first in its WHERE clause, so
    ``$this`` is bound before the constraint's own patterns and filters run."""
    select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
    if re.search(r"\$(PATH|currentShape|shapesGraph|value)\b", select):
        raise ShapesError(f"{constraint}: pre-bound variables other than $this are not compiled")
    head, where, body = re.split(r"\b(WHERE\s*\{)", select, maxsplit=1, flags=re.IGNORECASE)
    focus = _focus(shapes, node_shape, subclasses)
    if per_graph:
        head = re.sub(r"SELECT\s+(DISTINCT\s+)?", lambda m: m.group(0) + "?g ", head, count=1)
        body = body.rstrip()
        if not body.endswith("}"):
            raise ShapesError(f"{constraint}: expected the query to end with its WHERE clause")
        text = f"{head}WHERE {{ GRAPH ?g {{ {focus}\n{body[:-1]}}} }}"
    else:
        text = f"{head}{where} {focus}\n{body}"
    path = shapes.value(ps, SH.path)
    rule = Rule(
        str(ps),
        str(constraint),
        _severity(shapes, ps),
        path_text(shapes, path) if path is not None else "",
        _messages(shapes, constraint) or _messages(shapes, ps),
        "value",
    )
    return Query(f"{_prefixes(shapes, constraint)}\n{text}", (rule,), sparql=True)


@lru_cache(maxsize=8)
def compile_shapes(shapes: Graph, per_graph: bool, subclasses: bool) -> tuple[Query, ...]:
    """Every query of the shapes graph: one per node shape, one per SHACL-SPARQL constraint."""
    queries = []
    for node_shape in sorted(shapes.subjects(SH.targetClass, None, unique=True)):
        core = _core_query(shapes, node_shape, per_graph, subclasses)
        if core is not None:
            queries.append(core)
        for ps in sorted(shapes.objects(node_shape, SH.property)):
            for constraint in shapes.objects(ps, SH.sparql):
                queries.append(_sparql_query(shapes, node_shape, ps, constraint, per_graph, subclasses))
    return tuple(queries)
