"""Bundled queries: documented headers, stable columns, safe parameters, portable SPARQL."""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph
import pytest
from rdflib import Dataset

from kg.export import export_bytes
from kg.queries import QueryError, bind, list_queries, load_query, restrict, run, to_csv, to_json, trial_iris

QUERIES = list_queries()
PARAMS = {("drug",): {"drug": "docetaxel"}, ("class",): {"class": "PD-L1 inhibitor"}}
NAMES = [q.name for q in QUERIES]
RESTRICTIONS = [(q, v) for q in QUERIES for v in q.restrict]
# The fixture each query is run on: CONTACT-01, unless its abstract states nothing the query
# lists (participant flow: four abstracts that print it, tests/conftest.py flow_documents).
STORES = {
    "participant-flow": "flow_store",
    "baseline-characteristics": "registry_store",
    "unmapped-drugs": "registry_store",  # CONTACT-01's drugs are all in the lexicon
    "background-care": "background_store",  # CONTACT-01's arms share no care
}


def test_the_required_queries_are_bundled():
    assert {
        "trial-summary",
        "arms",
        "efficacy-results",
        "adverse-events",
        "citations",
        "trials-by-drug",
        "non-significant-primary",
    } <= set(NAMES)


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_header_documents_the_columns_in_order(query):
    for key in ("title:", "description:", "parameters:", "columns:"):
        assert f"# {key}" in query.text, f"{query.name}: header lacks {key}"
    documented = re.sub(r"\([^)]*\)", "", query.text.split("# columns:")[1].split("\nPREFIX")[0])
    documented = [
        c.strip(" #\n,")
        for c in re.split(r",\s*(?:#\s*)?", documented.replace("\n#", " "))
        if c.strip(" #\n")
    ]
    select = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*WHERE", query.text, re.S).group(1)
    select = re.sub(r"\((?:[^()]|\([^()]*\))*?\s+AS\s+(\?\w+)\)", r"\1", select)  # (MIN(?x) AS ?y) -> ?y
    projected = re.findall(r"\?(\w+)", select)
    assert documented == projected


def fixture_store(request, query, default: str = "contact_store"):
    return request.getfixturevalue(STORES.get(query.name, default))


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_each_query_runs_on_the_fixture(request, query):
    params = PARAMS.get(tuple(query.parameters), {})
    table = run(fixture_store(request, query), query, params)
    # all read; one source only; every drug in the lexicon; not enriched (tests/test_enrich.py)
    if query.name in ("extraction-report", "source-conflicts", "drug-crossrefs"):
        assert table.rows == []
    else:
        assert table.rows, f"{query.name} returned no rows on CONTACT-01"


_DATASETS: dict[int, Dataset] = {}


def rdflib_dataset(store) -> Dataset:
    """The store's named graphs in rdflib (read once per store)."""
    if id(store) not in _DATASETS:
        ds = Dataset(default_union=True)
        ds.parse(data=export_bytes(store, "nq"), format="nquads")
        _DATASETS[id(store)] = ds
    return _DATASETS[id(store)]


def _plain(v):
    """rdflib's value in the form kg.queries gives: numbers as numbers, the rest lexical."""
    if v is None:
        return None
    python = v.toPython()
    return (
        Decimal(str(python))
        if isinstance(python, (int, float, Decimal)) and not isinstance(python, bool)
        else str(v)
    )


def _rdflib_rows(ds: Dataset, text: str) -> list[tuple]:
    return [tuple(_plain(v) for v in row) for row in ds.query(text)]


@pytest.mark.parametrize("query", QUERIES, ids=NAMES)
def test_same_rows_on_rdflib_engine(request, query):
    params = PARAMS.get(tuple(query.parameters), {})
    store = fixture_store(request, query)
    ours = run(store, query, params)
    theirs = _rdflib_rows(rdflib_dataset(store), bind(query, params))
    mine = [tuple(r[c] for c in ours.columns) for r in ours.rows]
    assert len(mine) == len(theirs)
    assert sorted(map(_key, mine)) == sorted(map(_key, theirs))


def _key(row: tuple) -> tuple:
    """Compare as text, numbers as numbers; rdflib writes UTC as '+00:00' where Oxigraph writes 'Z'."""

    def text(v) -> str:
        if isinstance(v, bool):
            return str(v).lower()
        if isinstance(v, (int, Decimal)):
            v = Decimal(v)
        return re.sub(r"(T\d\d:\d\d:\d\d)Z$", r"\1+00:00", "" if v is None else str(v))

    return tuple(text(v) for v in row)


@pytest.mark.parametrize("evil", ['doce"taxel', "a } UNION { ?s ?p ?o", "line\nbreak", "back\\slash'"])
def test_parameters_are_bound_as_escaped_terms(contact_store, evil):
    query = load_query("trials-by-drug")
    assert run(contact_store, query, {"drug": evil}).rows == []


def test_parameter_errors_are_clear():
    query = load_query("trials-by-drug")
    with pytest.raises(QueryError, match="needs --param drug"):
        bind(query, {})
    with pytest.raises(QueryError, match="takes no parameter"):
        bind(query, {"drug": "x", "other": "y"})
    with pytest.raises(QueryError, match="no bundled query 'nope'"):
        load_query("nope")


def test_csv_and_json_carry_plain_values(contact_store):
    table = run(contact_store, load_query("trial-summary"))
    csv_text = to_csv(table)
    assert csv_text.splitlines()[0].startswith("trial,nct_id,acronym,title,phase")
    assert ",NCT04471428,CONTACT-01," in csv_text and ",38552197,10.1200/JCO.23.02166," in csv_text
    assert ",false," in csv_text  # primary_endpoint_met
    assert '"n_randomized": 366' in to_json(table)


@pytest.mark.parametrize(
    ("label", "drug"),
    [("PD-L1 inhibitor", "atezolizumab"), ("VEGFR inhibitor", "cabozantinib"), ("vegfr TKI", "cabozantinib")],
)
def test_trials_by_drug_class_finds_contact01(contact_store, label, drug):
    table = run(contact_store, load_query("trials-by-drug-class"), {"class": label})
    assert [(r["acronym"], r["arm_label"], r["drug"]) for r in table.rows] == [
        ("CONTACT-01", "atezolizumab + cabozantinib", drug)
    ]


def test_trials_by_drug_class_climbs_the_hierarchy(contact_store):
    def arms(label):
        return {
            (r["arm_label"], r["drug"])
            for r in run(contact_store, load_query("trials-by-drug-class"), {"class": label}).rows
        }

    assert arms("chemotherapy") == arms("taxane") == {("docetaxel", "docetaxel")}
    assert arms("immunotherapy") == arms("PD-L1 inhibitor")
    assert arms("targeted therapy") == {("atezolizumab + cabozantinib", "cabozantinib")}
    assert arms("PD-1 inhibitor") == set() and arms("no such class") == set()


@pytest.mark.parametrize("name", ["docetaxel", "Docetaxel", "DOCETAXEL", " docetaxel"])
def test_trials_by_drug_matches_the_whole_name_ignoring_case(contact_store, name):
    """CONTACT-01's comparator arm gives docetaxel: found by its name in any case (the drug's
    lower-cased key, ctkg:nameKey), never by part of it."""
    rows = run(contact_store, load_query("trials-by-drug"), {"drug": name}).rows
    found = [(r["acronym"], r["arm_label"], r["drug"], r["dose"], r["dose_unit"]) for r in rows]
    assert found == ([] if name.startswith(" ") else [("CONTACT-01", "docetaxel", "docetaxel", 75, "mg/m2")])


def test_unmapped_drugs_lists_what_the_lexicon_does_not_know(tmp_path, seed_text):
    import pyoxigraph

    from kg.build import build

    page = tmp_path / "page.txt"
    page.write_text(seed_text.replace("cabozantinib", "zorbatinib"))
    store = pyoxigraph.Store()
    build([page], store, progress=lambda _m: None)
    rows = run(store, load_query("unmapped-drugs")).rows
    assert [(r["drug"], r["trials"]) for r in rows] == [("zorbatinib", 1)]


@pytest.mark.parametrize(("query", "variable"), RESTRICTIONS, ids=[f"{q.name}-{v}" for q, v in RESTRICTIONS])
def test_restricted_rows_are_the_listing_rows_of_that_resource(request, query, variable):
    params = {("drug",): {"drug": "osimertinib"}, ("class",): {"class": "kinase inhibitor"}}.get(
        tuple(query.parameters), {}
    )
    two_trials_store = fixture_store(request, query, "two_trials_store")
    every = run(two_trials_store, query, params)
    assert variable in every.columns
    values = sorted({str(r[variable]) for r in every.rows})
    assert values or query.name in ("extraction-report", "source-conflicts")
    for value in [*values, "https://w3id.org/ctkg/id/nothing"]:
        one = run(two_trials_store, restrict(query, variable, [value]), params)
        assert one.columns == every.columns
        assert one.rows == [r for r in every.rows if r[variable] == value]
    if len(values) > 1:  # several at once, in the listing's order
        assert run(two_trials_store, restrict(query, variable, values[:2]), params).rows == [
            r for r in every.rows if r[variable] in values[:2]
        ]


def test_both_trials_are_in_the_restriction_fixture(two_trials_store):
    rows = run(two_trials_store, load_query("trial-summary")).rows
    assert sorted(r["acronym"] for r in rows) == ["CONTACT-01", "FLAURA"]


def test_restriction_errors_name_the_query():
    with pytest.raises(QueryError, match="query 'sources' cannot be restricted on \\?trial_iri"):
        restrict(load_query("sources"), "trial_iri", ["https://w3id.org/ctkg/id/trial/x"])
    with pytest.raises(QueryError, match="query 'unmapped-drugs' cannot be restricted on \\?trial_iri"):
        restrict(load_query("unmapped-drugs"), "trial_iri", ["https://w3id.org/ctkg/id/trial/x"])
    with pytest.raises(QueryError, match="not an IRI"):
        restrict(load_query("arms"), "trial_iri", ["x> } ?s ?p ?o {"])


def test_restriction_reaches_each_sub_select_projecting_the_variable():
    text = restrict(load_query("trial-summary"), "trial_iri", ["https://w3id.org/ctkg/id/trial/x"]).text
    block = "VALUES ?trial_iri { <https://w3id.org/ctkg/id/trial/x> }"
    assert text.count(block) == 3  # the outer WHERE and the two inner SELECT DISTINCTs
    assert re.search(r"WHERE \{\s*SELECT DISTINCT", text)  # never before a sub-SELECT's own SELECT


def test_a_parameter_used_only_in_a_sub_select_is_bound_there():
    text = bind(load_query("trials-by-drug"), {"drug": "docetaxel"})
    inner = text[text.index("SELECT DISTINCT ?drug_iri") :]
    assert text.count('VALUES ?drug_param { "docetaxel" }') == 1
    assert 'VALUES ?drug_param { "docetaxel" }' in inner[: inner.index("FILTER")]


def test_trials_are_named_by_nct_number_or_iri(two_trials_store):
    contact = "https://w3id.org/ctkg/id/trial/nct04471428"
    assert trial_iris(two_trials_store, ["NCT04471428", " nct04471428 ", contact]) == [contact] * 3
    with pytest.raises(QueryError, match="no trial with NCT number NCT00000001"):
        trial_iris(two_trials_store, ["NCT00000001"])


def test_extraction_report_lists_unread_sentences_the_same_on_rdflib(tmp_path):
    import pyoxigraph

    from kg.build import build
    from tests.conftest import FIXTURES

    store = pyoxigraph.Store()
    build(sorted((FIXTURES / "abstracts").glob("*.txt")), store, progress=lambda _m: None)
    query = load_query("extraction-report")
    ours = run(store, query)
    assert ours.rows and all(r["unread_sentence"] and r["source_file"].endswith(".txt") for r in ours.rows)
    ds = Dataset(default_union=True)
    ds.parse(data=export_bytes(store, "nq"), format="nquads")
    mine = [tuple(r[c] for c in ours.columns) for r in ours.rows]
    assert sorted(map(_key, mine)) == sorted(map(_key, _rdflib_rows(ds, query.text)))
    one = str(ours.rows[0]["graph"])
    assert run(store, restrict(query, "graph", [one])).rows == [r for r in ours.rows if r["graph"] == one]


REGISTRY = ["NCT06388018.json", "NCT01174550.xml", "NCT03191552.xml", "NCT00023673.xml", "NCT01534533.xml"]
REGISTRY += ["NCT01065844.xml"]


@pytest.fixture(scope="module")
def registry_store():
    """Registry records that declare radiation, procedures, a device, supplements, a placebo,
    usual care and drugs (see tests/sources/test_ctgov.py for each declaration)."""
    import pyoxigraph

    from kg.build import build
    from tests.conftest import FIXTURES

    store = pyoxigraph.Store()
    build([FIXTURES / "ctgov" / name for name in REGISTRY], store, progress=lambda _m: None)
    return store


def test_arms_names_every_intervention_with_its_type(registry_store):
    table = run(registry_store, load_query("arms"))
    rows = table.rows
    assert table.columns == [  # the columns of before, and the new one at the end
        *("trial", "arm", "arm_label", "n_randomized", "n_safety", "drug", "dose", "dose_unit", "route"),
        *("frequency", "arm_role", "trial_iri", "arm_iri", "drug_iri", "intervention_type"),
    ]
    got = {(r["drug"], r["intervention_type"]) for r in rows}
    assert {
        ("external beam radiation therapy", "radiation"),  # NCT06388018 "type": "RADIATION"
        ("computed tomography", "procedure"),  # "type": "PROCEDURE"
        ("clinical observation", "usual_care"),  # "type": "OTHER"
        ("exercise electrocardiogram", "procedure"),  # NCT01174550 Procedure
        ("spio", "device"),  # NCT03191552 Device
        ("three-dimensional conformal radiation therapy", "radiation"),  # NCT00023673 Radiation
        ("carboplatin", "drug"),  # NCT00023673 Drug
        ("placebo", "placebo"),  # NCT01534533 Dietary Supplement: Placebo
        ("nelfinavir", "drug"),  # NCT01065844 Drug
    } <= got
    assert all(r["intervention_type"] for r in rows if r["drug"])  # every intervention states one
    # the drug column still names every intervention the arm lists: Cohort A2 gives eight
    a2 = [r["drug"] for r in rows if r["arm_label"] == "Cohort A2"]
    assert len(a2) == 8 and "high-dose-rate vaginal brachytherapy" in a2


def test_unmapped_drugs_lists_only_drug_like_interventions(registry_store):
    unmapped = {r["drug"] for r in run(registry_store, load_query("unmapped-drugs")).rows}
    assert "nelfinavir" in unmapped  # a drug the lexicon does not know yet
    kinds = {r["drug"]: r["intervention_type"] for r in run(registry_store, load_query("arms")).rows}
    assert {kinds[d] for d in unmapped} <= {"drug", "biological", "placebo"}
    # before interventions had kinds, these were all listed as unmapped drugs
    assert not unmapped & {
        "computed tomography",
        "exercise electrocardiogram",
        "conventional exercises",
        "spio",
    }


def test_participant_flow_lists_each_count_in_the_order_of_the_flow(flow_store):
    """The counts the four abstracts print (tests/conftest.py quotes each sentence), trial by
    trial, stage by stage in CONSORT order, the whole trial before its arms."""
    table = run(flow_store, load_query("participant-flow"))
    assert table.columns == [
        *("trial", "stage", "arm_label", "count", "percent", "trial_iri", "count_iri"),
        *("evidence", "evidence_sentence"),
        *("period", "milestone", "withdrawal_reason"),  # a registry's flow: new columns at the end
    ]
    sampling, dissection = "mediastinal lymph node sampling", "mediastinal lymph node dissection"
    assert [(r["trial"], r["stage"], r["arm_label"], r["count"], r["percent"]) for r in table.rows] == [
        ("ASCEND-1", "enrolled", None, 255, None),
        ("ASCEND-1", "treated", None, 255, None),
        ("ASCEND-1", "discontinued", None, 147, Decimal(60)),
        ("KEYNOTE-024", "randomized", None, 305, None),
        ("KEYNOTE-024", "randomized", "pembrolizumab", 154, None),
        ("KEYNOTE-024", "randomized", "chemotherapy", 151, None),
        ("KEYNOTE-024", "crossed over", "chemotherapy", 82, None),
        ("LUX-Lung 3", "screened", None, 1269, None),
        ("LUX-Lung 3", "randomized", None, 345, None),
        ("Z0030", "randomized", None, 1111, None),
        ("Z0030", "eligible", None, 1023, None),
        ("Z0030", "eligible", sampling, 498, None),
        ("Z0030", "eligible", dissection, 525, None),
        ("Z0030", "evaluable", None, 1023, None),
        ("Z0030", "evaluable", sampling, 498, None),
        ("Z0030", "evaluable", dissection, 525, None),
    ]
    crossed = table.rows[6]
    base = "https://w3id.org/ctkg/id/trial/acronym/keynote-024"
    assert crossed["trial_iri"] == base
    assert crossed["count_iri"] == f"{base}/pubmed-page-30620668/flow/crossed-over/arm/chemotherapy"
    assert crossed["evidence"] == "Eighty-two patients assigned to chemotherapy crossed over"
    assert crossed["evidence_sentence"] == (
        "Eighty-two patients assigned to chemotherapy crossed over on study to receive pembrolizumab."
    )
    assert all(r["evidence"] and r["evidence"] in r["evidence_sentence"] for r in table.rows)


def test_participant_flow_names_a_trial_once_whatever_its_sources_call_it(flow_store):
    """A second source naming the same trial node otherwise ('KEYNOTE-024' and a registry-style
    label) still gives one row per count, under one name."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(flow_store.dump(format=pyoxigraph.RdfFormat.N_QUADS), pyoxigraph.RdfFormat.N_QUADS)
    trial = pyoxigraph.NamedNode("https://w3id.org/ctkg/id/trial/acronym/keynote-024")
    label = pyoxigraph.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    other = pyoxigraph.NamedNode("https://w3id.org/ctkg/id/graph/other")
    for g in (other, pyoxigraph.DefaultGraph()):
        store.add(pyoxigraph.Quad(trial, label, pyoxigraph.Literal("Pembrolizumab KEYNOTE-024"), g))
    before = run(flow_store, load_query("participant-flow")).rows
    after = run(store, load_query("participant-flow")).rows
    assert after == before  # 'KEYNOTE-024' sorts before 'Pembrolizumab ...': same name, same rows


def test_evidence_marks_each_participant_count_in_its_sentence(flow_store):
    """`ctkg explain` reads the evidence query: participant counts are facts like the others."""
    rows = [r for r in run(flow_store, load_query("evidence")).rows if r["kind"] == "participant_count"]
    assert len(rows) == 16
    (stopped,) = [r for r in rows if r["trial"] == "ASCEND-1" and r["fact"] == "participants discontinued"]
    assert stopped["sentence"][stopped["span_start"] : stopped["span_end"]] == (
        "147 (60%) patients had discontinued treatment"
    )
    assert stopped["section"] == "FINDINGS"


def test_sorted_list_columns_come_back_sorted_whatever_the_engine_joined(tmp_path):
    # SPARQL 1.1 leaves GROUP_CONCAT's order to the engine (Virtuoso's differs): '# sorted lists:'
    path = tmp_path / "lists.rq"
    path.write_text(
        "# title: Lists\n# sorted lists: joined\n"
        'SELECT ?joined ?other WHERE { VALUES (?joined ?other) { ("b; c; a" "b; a") } }\n'
    )
    query = load_query(str(path))
    assert query.sorted_lists == ("joined",)
    [row] = run(pyoxigraph.Store(), query).rows
    assert row == {"joined": "a; b; c", "other": "b; a"}


def test_a_trial_no_publication_reports_has_no_pmid_nor_doi(registry_store):
    """Registry records name no report of their own: trial-summary's joined PMIDs and DOIs are
    no value for them, not an empty text."""
    rows = run(registry_store, load_query("trial-summary")).rows
    unreported = [r for r in rows if r["publication_iri"] is None]
    assert unreported and all(r["pmid"] is None and r["doi"] is None for r in unreported)
    assert all(r["registry_ids"] for r in unreported)


def test_an_empty_sorted_list_is_no_value(tmp_path):
    # a GROUP_CONCAT over a group without any value may give "" (SPARQL 1.1's empty string)
    path = tmp_path / "lists.rq"
    path.write_text(
        '# title: Lists\n# sorted lists: joined\nSELECT ?joined WHERE { VALUES ?joined { "" } }\n'
    )
    assert run(pyoxigraph.Store(), load_query(str(path))).rows == [{"joined": None}]


def test_trials_by_drug_class_limits_its_classes_above_what_the_broadest_name_gives():
    """Its sub-SELECT of classes ends in a LIMIT that tells Oxigraph's planner it is small (a
    larger one made a first page read every trial's NCT number): the LIMIT must stay above the
    classes and labels any name of the ontology gives, or rows would be lost."""
    from kg.resources import bundled_path

    text = load_query("trials-by-drug-class").text
    limit = int(re.search(r"\n\s*LIMIT (\d+)\n\s*\}", text).group(1))
    ontology = pyoxigraph.Store()
    ontology.load(path=str(bundled_path("ontology", "ctkg.ttl")), format=pyoxigraph.RdfFormat.TURTLE)
    counts = """
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name (COUNT(*) AS ?rows) WHERE {
          SELECT DISTINCT ?name ?class_iri ?drug_class WHERE {
            ?matched a owl:Class ; rdfs:label|skos:altLabel ?label .
            BIND(LCASE(STR(?label)) AS ?name)
            ?class_iri rdfs:subClassOf* ?matched ; rdfs:label ?drug_class .
          }
        } GROUP BY ?name"""
    rows = {r["name"].value: int(r["rows"].value) for r in ontology.query(counts)}
    assert rows["treatment"] == max(rows.values()) < limit


def test_background_care_lists_what_every_arm_received_and_arms_only_what_they_compare(background_store):
    # PMID16820547: 'Varenicline titrated to 1 mg twice daily (n = 344) or bupropion SR titrated to 150 mg
    # twice daily (n = 342) or placebo (n = 341) for 12 weeks, plus weekly brief smoking cessation counseling.'
    care = run(background_store, load_query("background-care")).rows
    assert [(r["trial"], r["intervention"], r["intervention_type"], r["frequency"]) for r in care] == [
        ("NCT00143364", "brief smoking cessation counseling", "behavioral", "every week")
    ]
    arms = run(background_store, load_query("arms")).rows
    assert sorted((r["arm_label"], r["drug"], r["n_randomized"]) for r in arms) == [
        ("bupropion", "bupropion", 342),
        ("placebo", "placebo", 341),
        ("varenicline", "varenicline", 344),
    ]
