"""SHACL-SPARQL constraints compiled: each constraint's own SELECT, with the focus nodes put
first in its WHERE clause (and, per named graph, inside the graph's block).
"""

from __future__ import annotations

import re

from rdflib import Graph
from rdflib.term import Node

from kg.shacl_sparql.terms import (
    FOCUS_NODES,
    SH,
    Query,
    Rule,
    ShapesError,
    focus_block,
    focus_pattern,
    messages_of,
    path_text,
    severity_of,
    shared_focus,
)


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for ontology in shapes.objects(constraint, SH.prefixes):
        for decl in shapes.objects(ontology, SH.declare):
            prefix, namespace = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)
            lines.append(f"PREFIX {prefix}: <{namespace}>")
    return "\n".join(lines)


def sparql_query(
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
        focus = focus_pattern(shapes, node_shape, subclasses)
        head = re.sub(r"SELECT\s+(DISTINCT\s+)?", lambda m: m.group(0) + "?g ", head, count=1)
        body, modifiers = _where_body(body, constraint)
        modifiers = re.sub(r"\bGROUP\s+BY\s+", lambda m: m.group(0) + "?g ", modifiers, flags=re.IGNORECASE)
        # a page of nodes, inside the graph's block: outside it, Oxigraph reads every graph first
        values = f"VALUES ?this {{ {FOCUS_NODES} }} " if shared else ""
        text = f"{head}WHERE {{ GRAPH ?g {{ {values}{focus}\n{body}}} }}{modifiers}"
    else:
        text = f"{head}{where} {focus_block(shapes, node_shape, subclasses, False, shared)}\n{body}"
    path = shapes.value(ps, SH.path)
    rule = Rule(
        str(ps),
        str(constraint),
        severity_of(shapes, ps),
        path_text(shapes, path) if path is not None else "",
        messages_of(shapes, constraint) or messages_of(shapes, ps),
        "value",
    )
    focus = shared_focus(shapes, node_shape, subclasses) if shared else ""
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
