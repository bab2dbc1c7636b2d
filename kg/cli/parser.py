"""The ``ctkg`` argument parser: every command and its options."""

from __future__ import annotations

import argparse

from kg import __version__
from kg.cli.options import base_option, endpoint_options, positive, store_option, synthesis_options

SYNTHESIS_FORMATS = ("contrasts", "netmeta", "gemtc", "multinma", "fhir")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ctkg", description="Clinical-trial reports to a validated, queryable RDF knowledge graph."
    )
    parser.add_argument("--version", action="version", version=f"ctkg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("example", help="build the bundled CONTACT-01 example, validate it, print a summary")
    store_option(p)
    base_option(p)

    p = sub.add_parser("build", help="parse, map, validate and load documents (all or nothing)")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="input files, or folders of them")
    store_option(p)
    base_option(p)
    p.add_argument("--allow-invalid", action="store_true", help="load graphs that break shape rules")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="load the files that parse and validate, report the others (exit 1), instead of loading nothing",
    )
    p.add_argument(
        "--jobs",
        type=positive,
        metavar="N",
        help="worker processes that parse, map and validate (default: every core)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="parse, map and validate on this Dask cluster instead (e.g. tcp://HOST:8786; embedded store"
        " only; inputs at the same path on every worker)",
    )
    p.add_argument(
        "--partitions",
        metavar="DIR",
        help="with --scheduler: a folder every worker can write, for the N-Quads partitions (default: beside the store)",
    )
    endpoint_options(p, write=True, loads=True)

    p = sub.add_parser("fetch", help="download PubMed or ClinicalTrials.gov records, then import them")
    p.add_argument("service", choices=("pubmed", "ctgov"))
    p.add_argument("ids", nargs="+", metavar="ID", help="PMIDs (pubmed) or NCT ids (ctgov)")
    p.add_argument(
        "--follow",
        action="append",
        default=[],
        choices=("cited-by", "similar", "references"),
        help="also fetch the articles PubMed links each PMID to (one hop)",
    )
    p.add_argument("--cache", metavar="DIR", help="download folder (default: $CTKG_CACHE or ~/.cache/ctkg)")
    p.add_argument("--no-import", action="store_true", help="only download; print the cached files")
    store_option(p)
    endpoint_options(p, write=True, loads=True)

    p = sub.add_parser("remove", help="take one source's named graph out of the store")
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="graph IRI, or source file name as in 'sources'"
    )
    store_option(p)
    endpoint_options(p, write=True)

    p = sub.add_parser("validate", help="validate every source graph in the store against the shapes")
    store_option(p)
    endpoint_options(p)

    sub.add_parser("queries", help="list the bundled queries")

    p = sub.add_parser("query", help="run a bundled query (by name) or a .rq file")
    p.add_argument("query", metavar="NAME|FILE.rq")
    p.add_argument("--param", action="append", default=[], metavar="K=V", help="query parameter")
    p.add_argument(
        "--trial",
        action="append",
        default=[],
        metavar="IRI|NCT",
        help="only the rows of this trial (IRI or NCT number; repeatable), for queries that allow it",
    )
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--limit", type=int, metavar="N", help="one page of N rows (see README: paging)")
    p.add_argument("--offset", type=int, default=0, metavar="N", help="the page starting after N rows")
    store_option(p)
    endpoint_options(p)

    p = sub.add_parser(
        "export", help="export the store as RDF, as OWL for Protégé, or its contrasts for evidence synthesis"
    )
    p.add_argument(
        "--format",
        choices=("ttl", "nt", "nq", "trig", "jsonld", "rdfxml", "owl", "owl-ttl", *SYNTHESIS_FORMATS),
        default="nq",
        help="owl / owl-ttl: an OWL 2 DL document (RDF/XML / Turtle) importing the ontology; with --out "
        "the ontology (ontology.owl) and a Protégé catalog are written beside it; contrasts: every "
        "between-arm contrast with its log scale and SE (CSV); netmeta / gemtc / multinma: one endpoint's "
        "network as each R package's input (CSV); fhir: a FHIR R5 Bundle of Evidence (JSON)",
    )
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")
    synthesis_options(p)
    base_option(p)
    store_option(p)
    endpoint_options(p)

    p = sub.add_parser("serve", help="serve the store as a SPARQL endpoint (read-only) and linked-data pages")
    store_option(p)
    p.add_argument(
        "--endpoint",
        metavar="URL",
        help="serve this remote store (its SPARQL query endpoint; default: $CTKG_ENDPOINT or the config"
        " file, unless --store) instead of the embedded one: pages and /sparql read it, its server runs the queries",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    p.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument(
        "--base", help="base IRI for instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )
    p.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help="query timeout in seconds (default 30)"
    )
    p.add_argument(
        "--row-limit", type=int, default=10_000, metavar="N", help="most rows per answer (default 10000)"
    )
    p.add_argument(
        "--writable",
        action="store_true",
        help="accept SPARQL updates at /update (holds the store's lock: builds must wait)",
    )
    p.add_argument("--workers", type=int, default=3, metavar="N", help="query worker processes (default 3)")
    p.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="IRI",
        help="an endpoint queries may call with SERVICE (repeatable; default: none)",
    )

    p = sub.add_parser(
        "reason", help="infer types (HermiT or SPARQL rules) into the graph <base>graph/inferred"
    )
    p.add_argument("--method", choices=("hermit", "rules"), default="hermit")
    p.add_argument("--batch", type=int, default=25, metavar="N", help="trials per HermiT run (default 25)")
    base_option(p)
    store_option(p)

    p = sub.add_parser(
        "enrich",
        help="fetch labels and cross-references of mapped drugs and conditions from a SPARQL endpoint",
    )
    p.add_argument("--endpoint", required=True, metavar="URL", help="Wikidata-shaped SPARQL endpoint")
    base_option(p)
    store_option(p)

    p = sub.add_parser("docs", help="write the HTML reference of the ontology (every class and property)")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of standard output")

    p = sub.add_parser("summary", help="print a readable summary of the trials in the store")
    store_option(p)
    endpoint_options(p)

    p = sub.add_parser(
        "publish", help="write the linked-data site as static files: pages, .ttl/.jsonld per resource, VoID"
    )
    p.add_argument("dir", metavar="DIR", help="output folder (replaced whole, atomically)")
    store_option(p)
    p.add_argument(
        "--base", help="base IRI of the instance data (default: $CTKG_BASE_IRI or https://w3id.org/ctkg/id/)"
    )
    p.add_argument(
        "--endpoint", metavar="URL", help="SPARQL endpoint for the editor page and the VoID description"
    )
    p.add_argument(
        "--sparql",
        metavar="URL",
        help="publish this remote store (its SPARQL query endpoint; default: $CTKG_ENDPOINT or the config"
        " file, unless --store) instead of the embedded one",
    )

    p = sub.add_parser(
        "meta", help="pool one endpoint's contrasts of a treatment vs a comparator (fixed and random effects)"
    )
    synthesis_options(p, endpoint_required=True)
    p.add_argument("--treatment", required=True, help="the regimen (drug set, e.g. nivolumab) or arm label")
    p.add_argument("--comparator", required=True, help="the reference regimen or arm label")
    p.add_argument("--svg", default="forest.svg", metavar="FILE", help="forest plot (default forest.svg)")
    store_option(p)

    p = sub.add_parser(
        "explain", help="show each extracted fact in the sentence it was read from, and what was not read"
    )
    p.add_argument("--trial", help="only this trial (its label, e.g. CONTACT-01)")
    store_option(p)
    endpoint_options(p)
    return parser
