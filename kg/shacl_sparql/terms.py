"""SHACL terms as SPARQL text: what every compiled query is made of — the rule a row reports
(``Rule``), the query and its rules (``Query``), IRIs and literals, property paths, datatype
tests, instances of a class and its subclasses, and the focus nodes of a node shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")


NODE_KINDS = {
    SH.IRI: "isIRI({x})",
    SH.BlankNode: "isBlank({x})",
    SH.Literal: "isLiteral({x})",
    SH.BlankNodeOrIRI: "(isBlank({x}) || isIRI({x}))",
    SH.BlankNodeOrLiteral: "(isBlank({x}) || isLiteral({x}))",
    SH.IRIOrLiteral: "(isIRI({x}) || isLiteral({x}))",
}


COMPARISONS = {
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


FOCUS_NODES = "#focus-nodes#"  # where a shared-nodes query takes one page of its focus nodes


@dataclass(frozen=True)
class Query:
    text: str  # SELECT ?g ?k ?this ?v ... ; ?g is unbound in whole-graph mode
    rules: tuple[Rule, ...]  # indexed by ?k (a single rule for SHACL-SPARQL queries)
    sparql: bool
    focus: str = ""  # shared-nodes mode: the query listing the node shape's shared focus nodes
    classes: tuple[str, ...] = ()  # shared-nodes mode: the node shape's target classes

    def for_nodes(self, iris: list[str]) -> str:
        """The query over these focus nodes only (shared-nodes mode)."""
        return self.text.replace(FOCUS_NODES, " ".join(f"<{iri}>" for iri in iris))


def nt(term: Node) -> str:
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


def path_pattern(shapes: Graph, path: Node) -> str:
    text = path_text(shapes, path)
    return f"<{text}>" if isinstance(path, URIRef) else f"({text})"


def datatype_ok(x: str, datatype: Node) -> str:
    """True when ``x`` has the datatype, an error for an IRI or blank node.  An error counts
    as a failure wherever these tests are used (COALESCE(..., true) around the negation),
    and every mention of ``x`` makes the store decode the term again (its text is read from
    disk): so no isLiteral() guard."""
    test = f"datatype({x}) = <{datatype}>"
    if str(datatype) in _CASTABLE:
        test += f" && COALESCE(<{datatype}>({x}) = {x}, false)"
    return f"({test})"


def string_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def instance_of(x: str, classes: list[Node], subclasses: bool, graph: str = "") -> str:
    """``x`` is an instance of one of ``classes``, or of a subclass of one: the subclasses
    are found first (a few ontology triples) and then their instances, which is what
    ``rdf:type/rdfs:subClassOf*`` means but an index scan instead of a path walked from
    every instance.  ``graph``: a variable naming the graph the rdf:type triple must be in
    (the hierarchy is read from the default graph, the union)."""
    name = x.lstrip("?")
    cls = nt(classes[0]) if len(classes) == 1 else f"?class_{name}"
    values = f"VALUES {cls} {{ {' '.join(map(nt, classes))} }} " if len(classes) > 1 else ""
    typed = f"{x} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {f'?subclass_{name}' if subclasses else cls} ."
    typed = f"GRAPH {graph} {{ {typed} }}" if graph else typed
    if not subclasses:
        return values + typed
    return f"{values}?subclass_{name} <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {cls} . {typed}"


def focus_pattern(shapes: Graph, node_shape: Node, subclasses: bool, graph: str = "") -> str:
    return instance_of("?this", sorted(shapes.objects(node_shape, SH.targetClass)), subclasses, graph)


def focus_block(shapes: Graph, node_shape: Node, subclasses: bool, per_graph: bool, shared: bool) -> str:
    """The focus nodes as a subquery (DISTINCT: a node typed in several named graphs comes
    once per graph).  ``shared``: one page of the shared focus nodes, given as IRIs."""
    pattern = focus_pattern(shapes, node_shape, subclasses)
    if per_graph:
        return f"{{ SELECT DISTINCT ?g ?this WHERE {{ GRAPH ?g {{ {pattern} }} }} }}"
    if shared:
        return f"VALUES ?this {{ {FOCUS_NODES} }}"
    return f"{{ SELECT DISTINCT ?this WHERE {{ {pattern} }} }}"


def shared_focus(shapes: Graph, node_shape: Node, subclasses: bool) -> str:
    """The IRIs of the focus nodes that two named graphs or more type (the hierarchy is read
    from the union, where the ontology's rdfs:subClassOf axioms are).  One grouping over the
    node shape's instances, done once: every query of the shape then runs on pages of these."""
    return (
        f"SELECT ?this WHERE {{ {focus_pattern(shapes, node_shape, subclasses, '?g')} FILTER (isIRI(?this)) }}"
        " GROUP BY ?this HAVING (COUNT(DISTINCT ?g) > 1)"
    )


def severity_of(shapes: Graph, shape: Node) -> str:
    severity = shapes.value(shape, SH.severity)
    return str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation"


def messages_of(shapes: Graph, node: Node) -> str:
    return " ".join(str(m) for m in shapes.objects(node, SH.message))
