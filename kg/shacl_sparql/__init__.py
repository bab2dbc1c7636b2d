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

By job: ``terms`` (SHACL terms as SPARQL text, the focus nodes, ``Rule`` and ``Query``),
``core`` (SHACL Core: one UNION query per node shape), ``constraints`` (SHACL-SPARQL).
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from kg.shacl_sparql.constraints import sparql_query
from kg.shacl_sparql.core import core_query
from kg.shacl_sparql.terms import SH, Query, Rule, ShapesError, path_text

__all__ = ["Query", "Rule", "ShapesError", "compile_shapes", "path_text"]


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
        core = core_query(shapes, node_shape, per_graph, subclasses, shared)
        if core is not None:
            queries.append(core)
        for ps in sorted(shapes.objects(node_shape, SH.property)):
            for constraint in shapes.objects(ps, SH.sparql):
                queries.append(
                    sparql_query(shapes, node_shape, ps, constraint, per_graph, subclasses, shared)
                )
    return tuple(queries)
