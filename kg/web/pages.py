"""HTML pages, rendered with Jinja2 templates from the data of ``kg.web.data``: on any store
(kg.stores), embedded or remote.

Jinja2 rather than ``string.Template``: every value on these pages comes from parsed documents
(titles, sentences, labels), so escaping must be automatic, not remembered at each call; and
pages share one layout and loop over tables, which ``string.Template`` cannot express.

Every link is relative to the page (``root`` leads back to the site root), so the same HTML
works under ``ctkg serve`` and as static files under any path of any host.  Links to resources
of the graph point to their local HTML documents; other IRIs are shown as text, never linked,
so a page never sends the reader's browser elsewhere by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from kg.figures import ratio_text, with_unit
from kg.figures import text as fmt
from kg.namespaces import PREFIXES
from kg.synthesis.forest import Line, forest_svg
from kg.web import data

if TYPE_CHECKING:
    import jinja2

    from kg.stores.protocol import Store

FORMATS = {  # document extension -> media type of the representation
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
RDF_FORMATS = tuple(ext for ext in FORMATS if ext != "html")  # the machine-readable documents
EXTRA_PREFIXES = {
    "dcterms": "http://purl.org/dc/terms/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def root_for(doc_path: str) -> str:
    """The relative way back to the site root from a document at ``doc_path`` (no leading /)."""
    depth = doc_path.count("/")
    return "../" * depth if depth else "./"


@dataclass
class Site:
    """What every page needs to know: the base IRI (to turn IRIs into local links) and where
    the SPARQL endpoint is, relative to the site root."""

    base: str
    endpoint: str = "sparql"

    @cached_property
    def env(self) -> jinja2.Environment:
        import jinja2

        env = jinja2.Environment(
            loader=jinja2.PackageLoader("kg.web", "templates"),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        env.filters["fmt"] = fmt
        env.filters["compact"] = compact
        env.globals["ratio_text"] = ratio_text
        env.globals["result_text"] = result_text
        return env

    def local(self, iri: str | None) -> str | None:
        """The resource's path under the site root, if the IRI is one of the graph's own."""
        if iri and iri.startswith(self.base) and len(iri) > len(self.base) and "#" not in iri:
            return iri[len(self.base) :]
        return None

    def endpoint_href(self, root: str) -> str:
        """The endpoint as the editor page reaches it: as given if absolute, else from the root."""
        return self.endpoint if re.match(r"^[a-z][a-z0-9+.-]*:", self.endpoint) else root + self.endpoint

    def render(self, template: str, doc_path: str, **context) -> str:
        root = root_for(doc_path)

        def href(iri: str | None, ext: str = "html") -> str | None:
            path = self.local(iri)
            return f"{root}{path}.{ext}" if path else None

        return self.env.get_template(template).render(root=root, href=href, site=self, **context)


def compact(iri: str) -> str:
    for prefix, ns in {**PREFIXES, **EXTRA_PREFIXES}.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def result_text(r: dict) -> str:
    """An efficacy figure as oncologists read it: '10.7 months (8.8–12.3)', '0.88 (0.68–1.16)'."""
    if r["statistic"] in data.RATIOS and None not in (r["estimate"], r["ci_lower"], r["ci_upper"]):
        return ratio_text(r["estimate"], r["ci_lower"], r["ci_upper"])
    est = "NR" if r["estimate_not_reached"] else fmt(r["estimate"])
    figure = with_unit(est, r["unit"])
    lo = "NR" if r["ci_lower_not_reached"] else fmt(r["ci_lower"])
    hi = "NR" if r["ci_upper_not_reached"] else fmt(r["ci_upper"])
    return f"{figure} ({lo}\u2013{hi})" if lo or hi else figure


def alternates(site: Site, doc_path: str, resource_path: str) -> list[dict]:
    root = root_for(doc_path)
    return [{"type": FORMATS[ext], "ext": ext, "href": f"{root}{resource_path}.{ext}"} for ext in RDF_FORMATS]


def _plots(site: Site, root: str, groups: list[data.ForestGroup], trial_view: bool) -> list[dict]:
    out = []
    for g in groups:
        lines = [
            Line(
                label=c.endpoint if trial_view else c.trial,
                detail=(f"[{c.population}] " if c.population else "") + f"{c.arm} vs {c.comparator}",
                estimate=c.estimate,
                lower=c.lower,
                upper=c.upper,
                level=c.level,
                href=f"{root}{site.local(c.trial_iri if not trial_view else c.result_iri)}.html",
            )
            for c in g.items
        ]
        pooled = [] if trial_view else _pooled(g.items)
        out.append(
            {
                "key": g.key,
                "title": g.title,
                "svg": forest_svg(lines, data.RATIOS[g.items[0].statistic], g.title, pooled),
            }
        )
    return out


def _pooled(items: list[data.Comparison]) -> list[Line]:
    """Pooled diamonds when the plot compares the same two regimens, one line per trial in two
    trials or more (kg.synthesis); a plot of different comparisons is never pooled."""
    regimens = {(c.arm_drugs, c.comparator_drugs) for c in items}
    trials = [c.trial_iri for c in items]
    if (
        len(regimens) != 1
        or not next(iter(regimens))[0]
        or len(set(trials)) != len(trials)
        or len(trials) < 2
    ):
        return []
    from kg.synthesis.plot import pooled_ratios

    return pooled_ratios([(c.estimate, c.lower, c.upper, c.level) for c in items])


def trial_html(store: Store, site: Site, iri: str, doc_path: str) -> str | None:
    page = data.trial_page(store, iri)
    if page is None:
        return None
    items = data.comparisons(
        page.efficacy,
        [{"trial_iri": iri, "arm_label": a.label, "drug": d["drug"]} for a in page.arms for d in a.drugs],
    )
    by_stat: dict[str, list[data.Comparison]] = {}
    for c in items:
        by_stat.setdefault(c.statistic, []).append(c)
    groups = [
        data.ForestGroup(
            f"trial-{stat}", f"{page.summary['trial']}: {data.RATIOS[stat]}s with their intervals", cs
        )
        for stat, cs in by_stat.items()
    ]
    resource_path = site.local(iri) or ""
    return site.render(
        "trial.html",
        doc_path,
        title=str(page.summary["trial"]),
        page=page,
        plots=_plots(site, root_for(doc_path), groups, trial_view=True),
        statements=data.describe(store, iri),
        alternates=alternates(site, doc_path, resource_path),
        iri=iri,
    )


def resource_html(store: Store, site: Site, iri: str, doc_path: str, statements=None) -> str:
    statements = statements if statements is not None else data.describe(store, iri)
    types = data.types_of(statements)
    extra: dict = {"drug_trials": [], "plots": []}
    if "https://w3id.org/ctkg/ontology#Drug" in types:
        name = data.label_of(statements) or ""
        extra["drug_trials"] = data.rows(store, "trials-by-drug", params={"drug": name})
        groups = data.cross_trial_groups(data.all_comparisons(store), drug=name)
        extra["plots"] = _plots(site, root_for(doc_path), groups, trial_view=False)
    return site.render(
        "resource.html",
        doc_path,
        title=data.label_of(statements) or iri,
        iri=iri,
        types=types,
        statements=statements,
        alternates=alternates(site, doc_path, site.local(iri) or ""),
        **extra,
    )


def index_path(number: int) -> str:
    """Where page ``number`` of the trial index is: ``index.html``, then ``index-2.html``, ..."""
    return "index.html" if number == 1 else f"index-{number}.html"


def index_number(path: str) -> int | None:
    """The page number of an index path, None if the path is no index page."""
    if path in ("", "index.html"):
        return 1
    m = re.fullmatch(r"index-([1-9]\d{0,8})\.html", path)
    return int(m.group(1)) if m and m.group(1) != "1" else None


def index_html(store: Store, site: Site, number: int = 1, size: int = data.INDEX_PAGE) -> str | None:
    """Page ``number`` of the trial index with links to the pages before and after it; None
    past the last page (the first page always exists, empty on an empty store)."""
    index = data.trial_index(store, number, size)
    return None if not index.entries and number > 1 else _index_html(site, index)


def index_htmls(store: Store, site: Site, size: int = data.INDEX_PAGE) -> Iterator[tuple[str, str]]:
    """Every page of the trial index as (path, HTML), for ``ctkg publish``."""
    for index in data.trial_index_pages(store, size):
        yield index_path(index.number), _index_html(site, index)


def _index_html(site: Site, index: data.IndexPage) -> str:
    """The filters work on the trials of the page."""
    entries, number = index.entries, index.number
    return site.render(
        "index.html",
        index_path(number),
        title="Trials" if number == 1 else f"Trials, page {number}",
        entries=entries,
        number=number,
        previous=index_path(number - 1) if number > 1 else None,
        next=index_path(number + 1) if index.has_next else None,
        drugs=sorted({d for e in entries for d in e.drugs}),
        phases=sorted({fmt(e.summary["phase"]) for e in entries if e.summary["phase"] is not None}),
        conditions=sorted({fmt(e.summary["condition"]) for e in entries if e.summary["condition"]}),
        alternates=[],
    )


def forest_html(store: Store, site: Site) -> str:
    groups = data.cross_trial_groups(data.all_comparisons(store))
    return site.render(
        "forest.html",
        "forest.html",
        title="Forest plots across trials",
        plots=_plots(site, "./", groups, trial_view=False),
        alternates=[],
    )


def _example(text: str, parameter: str) -> str:
    """The example value a query's header gives for a parameter ('drug (..., e.g. docetaxel)')."""
    m = re.search(rf"#\s*parameters:.*\b{parameter}\b[^)]*\be\.g\.\s*([^),;]+)", text)
    return m.group(1).strip() if m else ""


def editor_html(site: Site, doc_path: str = "editor.html") -> str:
    from kg.queries import list_queries, parameter_slots

    def utf16(text: str, at: int) -> int:  # JavaScript strings count UTF-16 code units
        return len(text[:at].encode("utf-16-le")) // 2

    queries = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "parameters": {p: _example(q.text, p) for p in q.parameters},
            "slots": {p: [utf16(q.text, at) for at in ats] for p, ats in parameter_slots(q).items()},
            "text": q.text,
        }
        for q in list_queries()
    ]
    return site.render(
        "editor.html",
        doc_path,
        title="SPARQL",
        queries=queries,
        prefixes={**PREFIXES, "id": site.base},
        alternates=[],
    )


def dataset_html(site: Site, graph, dataset, dump_path: str | None = None) -> str:
    """The VoID/DCAT description as a page: size, classes, one line per source graph."""
    from rdflib import Namespace

    void, dcterms = Namespace("http://rdfs.org/ns/void#"), Namespace("http://purl.org/dc/terms/")

    def one(prop):
        return graph.value(dataset, prop)

    classes = sorted(
        (str(graph.value(p, void["class"])), int(graph.value(p, void.entities)))
        for p in graph.objects(dataset, void.classPartition)
    )
    subsets = sorted((str(s), int(graph.value(s, void.triples))) for s in graph.objects(dataset, void.subset))
    return site.render(
        "dataset.html",
        "dataset.html",
        title=str(one(dcterms.title)),
        description=str(one(dcterms.description)),
        iri=str(dataset),
        triples=one(void.triples),
        subjects=one(void.distinctSubjects),
        properties=one(void.properties),
        modified=one(dcterms.modified),
        endpoint=one(void.sparqlEndpoint),
        dump=one(void.dataDump),
        dump_path=dump_path,
        vocabularies=sorted(str(v) for v in graph.objects(dataset, void.vocabulary)),
        classes=classes,
        subsets=subsets,
        alternates=alternates(site, "dataset.html", "dataset"),
    )
