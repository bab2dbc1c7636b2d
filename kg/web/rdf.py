"""Machine-readable representations: each resource's description as Turtle, N-Triples,
RDF/XML or JSON-LD, the JSON-LD context, and the VoID/DCAT description of the whole dataset.

Turtle, N-Triples and RDF/XML are written by pyoxigraph; JSON-LD by rdflib, which can compact with a
context (descriptions are a few dozen triples, so rdflib's speed does not matter here).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef

from kg import jsonld
from kg.namespaces import CTKG, ONTOLOGY_IRI, PREFIXES
from kg.web.pages import EXTRA_PREFIXES

if TYPE_CHECKING:
    from kg.stores.protocol import Store

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
ALL_PREFIXES = {**PREFIXES, **EXTRA_PREFIXES}


def context() -> dict:
    """The ctkg JSON-LD context (``kg.jsonld``) with the prefixes of the web documents."""
    return jsonld.context(ALL_PREFIXES)


def _rdflib(triples_nt: bytes) -> Graph:
    g = Graph()
    g.parse(data=triples_nt.decode("utf-8"), format="nt")
    return g


def serialize(triples, fmt: str) -> bytes:
    """Triples (pyoxigraph's or an rdflib graph) in one of ttl, nt, rdf, jsonld."""
    import pyoxigraph

    if isinstance(triples, Graph):  # in a stable order: the same documents on every run
        lines = sorted(triples.serialize(format="nt", encoding="utf-8").splitlines(keepends=True))
        triples = pyoxigraph.parse(b"".join(lines), format=pyoxigraph.RdfFormat.N_TRIPLES)
    if fmt in ("ttl", "rdf"):
        rdf_format = pyoxigraph.RdfFormat.TURTLE if fmt == "ttl" else pyoxigraph.RdfFormat.RDF_XML
        return pyoxigraph.serialize(triples, format=rdf_format, prefixes=ALL_PREFIXES)
    nt = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    if fmt == "nt":
        return nt
    if fmt == "jsonld":
        text = _rdflib(nt).serialize(format="json-ld", context=context()["@context"], indent=2)
        return text.encode("utf-8")
    raise ValueError(f"no RDF format {fmt!r}")


def context_bytes() -> bytes:
    return json.dumps(context(), indent=2).encode("utf-8")


def _one(store: Store, query: str) -> int:
    """The single number a counting query answers (0 when it answers nothing)."""
    for row in store.select(query).rows:
        value = row[next(iter(row))]
        return int(value.value) if value is not None else 0
    return 0


def _distribution(g: Graph, ds: URIRef, name: str, link, url: str, title: str) -> URIRef:
    """A dcat:Distribution of the dataset, named inside the dataset's own document."""
    dist = URIRef(f"{ds}#{name}")
    g.add((ds, DCAT.distribution, dist))
    g.add((dist, RDF.type, DCAT.Distribution))
    g.add((dist, link, URIRef(url)))
    g.add((dist, DCTERMS.title, Literal(title)))
    return dist


def dataset_iri(base: str) -> URIRef:
    return URIRef(f"{base}dataset")


def void_graph(store: Store, base: str, endpoint: str | None = None, dump: str | None = None) -> Graph:
    """VoID and DCAT description of the graph on any store (kg.stores): size, classes, sources
    (one subset per graph ctkg wrote, never a server's own), vocabularies, where to query it
    (``endpoint``) and where to download it (``dump``).  Counts are of distinct things, so the
    same on a server whose union of the graphs is a bag."""
    g = Graph()
    for prefix, ns in ALL_PREFIXES.items():
        g.bind(prefix, ns)
    ds = dataset_iri(base)
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, RDFS.label, Literal("ctkg clinical-trial knowledge graph")))
    g.add((ds, DCTERMS.title, Literal("ctkg clinical-trial knowledge graph")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Clinical-trial reports (publications and registry records) as RDF: design, arms and regimens, "
                "efficacy results with confidence intervals, adverse events, publications and citation links, "
                "each source in its own named graph with PROV-O provenance."
            ),
        )
    )
    for word in ("clinical trials", "oncology", "hazard ratio", "knowledge graph"):
        g.add((ds, DCAT.keyword, Literal(word)))
    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.vocabulary, URIRef(ONTOLOGY_IRI)))
    g.add((ds, VOID.vocabulary, URIRef(PREFIXES["cito"])))
    g.add((ds, VOID.vocabulary, URIRef(PREFIXES["prov"])))
    g.add(
        (
            ds,
            VOID.triples,
            Literal(
                _one(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
            ),
        )
    )
    g.add(
        (
            ds,
            VOID.distinctSubjects,
            Literal(_one(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")),
        )
    )
    g.add((ds, VOID.properties, Literal(_one(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"))))
    classes = store.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
    ).rows
    g.add((ds, VOID.classes, Literal(len(classes))))
    for row in classes:
        cls = row["c"].value
        part = URIRef(f"{ds}#class-{cls.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(int(row["n"].value))))
    ours = set(store.ctkg_graphs())
    for row in store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows:
        if row["g"].value not in ours:
            continue
        g.add((ds, VOID.subset, URIRef(row["g"].value)))
        g.add((URIRef(row["g"].value), RDF.type, VOID.Dataset))
        g.add((URIRef(row["g"].value), VOID.triples, Literal(int(row["n"].value))))
    for row in store.select(
        "SELECT (MAX(?t) AS ?m) WHERE { ?g <http://www.w3.org/ns/prov#generatedAtTime> ?t }"
    ).rows:
        if row["m"] is not None:
            g.add((ds, DCTERMS.modified, Literal(row["m"].value, datatype=XSD.dateTime)))
    for row in store.select(f"SELECT ?t WHERE {{ ?t a <{CTKG.Trial}> }} ORDER BY ?t LIMIT 1").rows:
        g.add((ds, VOID.exampleResource, URIRef(row["t"].value)))
    if endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
        _distribution(g, ds, "sparql", DCAT.accessURL, endpoint, "SPARQL 1.1 endpoint")
    if dump:
        g.add((ds, VOID.dataDump, URIRef(dump)))
        dist = _distribution(g, ds, "dump", DCAT.downloadURL, dump, "All named graphs as N-Quads")
        g.add(
            (dist, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/application/n-quads"))
        )
    return g
