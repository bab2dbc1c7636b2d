"""An HTML reference of the ontology, generated from ontology/ctkg.ttl (no template engine).

One section per kind of term, one entry per term with its label, definition, IRI,
superclasses, equivalences (written in Manchester-like syntax), alternative labels,
domain and range, and mappings to other vocabularies, each linkable by its local name.
"""

from __future__ import annotations

from html import escape

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, URIRef
from rdflib.collection import Collection

from kg.namespaces import CTKG, ONTOLOGY_IRI, PREFIXES

DEFINITION = URIRef("http://purl.obolibrary.org/obo/IAO_0000115")
DCTERMS = "http://purl.org/dc/terms/"
SECTIONS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
    ("Annotation properties", OWL.AnnotationProperty),
)
_MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
_CSS = """body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;line-height:1.4}
dl.term{border-top:1px solid #ccc;padding-top:.5em}dt{font-weight:bold;float:left;width:9em}
dd{margin-left:10em}code{background:#f4f4f4}nav a{margin-right:.6em}"""


def terms(g: Graph, kind: URIRef) -> list[URIRef]:
    """The declared terms of one kind, ctkg's first, each group by label."""
    found = [t for t in g.subjects(RDF.type, kind) if isinstance(t, URIRef)]
    return sorted(found, key=lambda t: (not t.startswith(str(CTKG)), _label(g, t).lower()))


def ontology_html(g: Graph) -> str:
    """The whole reference page."""
    title = g.value(URIRef(ONTOLOGY_IRI), URIRef(DCTERMS + "title")) or "ctkg ontology"
    parts = [
        f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        _header(g),
        "<nav>" + "".join(f"<a href='#{_slug(name)}'>{name}</a>" for name, _k in SECTIONS) + "</nav>",
    ]
    for name, kind in SECTIONS:
        found = terms(g, kind)
        parts.append(f"<h2 id='{_slug(name)}'>{name} ({len(found)})</h2>")
        parts += [_term(g, t) for t in found]
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _header(g: Graph) -> str:
    onto = URIRef(ONTOLOGY_IRI)
    rows = [("IRI", f"<code>{escape(ONTOLOGY_IRI)}</code>")]
    for label, prop in (("Version", OWL.versionIRI), ("Description", URIRef(DCTERMS + "description"))):
        value = g.value(onto, prop)
        if value is not None:
            rows.append((label, escape(str(value))))
    return "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _term(g: Graph, t: URIRef) -> str:
    rows = [("IRI", f"<code>{escape(str(t))}</code>")]
    definition = g.value(t, DEFINITION)
    if definition is not None:
        rows.append(("Definition", escape(str(definition))))
    rows += [(name, value) for name, value in _relations(g, t) if value]
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f"<dl class='term' id='{escape(anchor(t))}'><h3>{escape(_label(g, t))}</h3>{body}</dl>"


def anchor(t: URIRef) -> str:
    """The term's fragment in the page: the local name of a ctkg term, a CURIE otherwise."""
    return _local(t) if t.startswith(str(CTKG)) else _curie(t)


def _relations(g: Graph, t: URIRef) -> list[tuple[str, str]]:
    return [
        ("Alternative labels", ", ".join(escape(str(a)) for a in g.objects(t, SKOS.altLabel))),
        ("Subclass of", ", ".join(_show(g, c) for c in g.objects(t, RDFS.subClassOf))),
        ("Subclasses", ", ".join(_show(g, c) for c in sorted(g.subjects(RDFS.subClassOf, t)))),
        ("Equivalent to", ", ".join(_show(g, c) for c in g.objects(t, OWL.equivalentClass))),
        ("Disjoint with", ", ".join(_show(g, c) for c in g.objects(t, OWL.disjointWith))),
        ("Subproperty of", ", ".join(_show(g, p) for p in g.objects(t, RDFS.subPropertyOf))),
        ("Domain", ", ".join(_show(g, c) for c in g.objects(t, RDFS.domain))),
        ("Range", ", ".join(_show(g, c) for c in g.objects(t, RDFS.range))),
        ("Mappings", ", ".join(f"{_local(p)} {_show(g, o)}" for p in _MAPPINGS for o in g.objects(t, p))),
        ("Note", " ".join(escape(str(n)) for n in g.objects(t, SKOS.note))),
    ]


def _show(g: Graph, node) -> str:
    """A term as a link (ctkg terms link within the page), a class expression in words."""
    if isinstance(node, BNode):
        return _expression(g, node)
    if not isinstance(node, URIRef):
        return escape(node.n3())
    if node.startswith(str(CTKG)):
        return f"<a href='#{escape(_local(node))}'>{escape(_label(g, node))}</a>"
    return f"<code>{escape(_curie(node))}</code>"


def _expression(g: Graph, node: BNode) -> str:
    for op, word in ((OWL.intersectionOf, " and "), (OWL.unionOf, " or ")):
        members = g.value(node, op)
        if members is not None:
            return "(" + word.join(_show(g, m) for m in Collection(g, members)) + ")"
    prop = _show(g, g.value(node, OWL.onProperty))
    for op, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
        value = g.value(node, op)
        if value is not None:
            return f"({prop} {word} {_show(g, value)})"
    n = g.value(node, OWL.minQualifiedCardinality)
    return f"({prop} min {n} {_show(g, g.value(node, OWL.onClass))})"


def _label(g: Graph, t: URIRef) -> str:
    return str(g.value(t, RDFS.label) or _local(t))


def _local(t: URIRef) -> str:
    return str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _curie(t: URIRef) -> str:
    prefixes = {**PREFIXES, "obo": "http://purl.obolibrary.org/obo/", "dcterms": DCTERMS}
    for prefix, ns in prefixes.items():
        if t.startswith(ns):
            return f"{prefix}:{t[len(ns) :]}"
    return str(t)


def _slug(name: str) -> str:
    return name.lower().replace(" ", "-")
