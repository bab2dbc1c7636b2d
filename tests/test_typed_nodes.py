"""The build's index of typed nodes (``kg.typed_nodes``) lists exactly the nodes the grouping
over the whole store lists (``GROUP BY ?this HAVING (COUNT(DISTINCT ?g) > 1)``, what the
cross-document check ran before), and the check finds the same findings from it: on the
shared documents, built in one go and in a second build that adds documents to the store,
replaces one and follows one removed in between."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest

import kg.build
from kg.build import build_store
from kg.shacl_sparql.terms import shared_focus
from kg.stores.embedded import open_oxigraph, remove_sources
from kg.typed_nodes import TypedNodes, typed_nodes
from kg.validate import SH, _classes, _has_subclass_axioms, shapes_graph, validate_store

FIXTURES = Path(__file__).parent / "fixtures"
TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def quiet(_message: str) -> None:
    pass


class Grouped:
    """The shared nodes as the check listed them before: grouped by the store itself."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store

    def shared(self, classes: list[str], page: int):
        values = " ".join(f"<{c}>" for c in classes)
        text = (
            f"SELECT ?this WHERE {{ VALUES ?c {{ {values} }} GRAPH ?g {{ ?this a ?c }} FILTER (isIRI(?this)) }}"
            " GROUP BY ?this HAVING (COUNT(DISTINCT ?g) > 1)"
        )
        nodes = sorted(row["this"].value for row in self.store.query(text))
        yield from (nodes[i : i + page] for i in range(0, len(nodes), page))


def listed_by_index(stage: pyoxigraph.Store, typed: TypedNodes) -> dict[str, set[str]]:
    shapes, subclasses = shapes_graph(), _has_subclass_axioms(stage)
    out = {}
    for shape in sorted(shapes.subjects(SH.targetClass, None, unique=True)):
        classes = tuple(sorted(str(c) for c in shapes.objects(shape, SH.targetClass)))
        out[str(shape)] = {n for page in typed.shared(_classes(stage, classes, subclasses), 7) for n in page}
    return out


def listed_by_grouping(stage: pyoxigraph.Store) -> dict[str, set[str]]:
    shapes, subclasses = shapes_graph(), _has_subclass_axioms(stage)
    return {
        str(shape): {row["this"].value for row in stage.query(shared_focus(shapes, shape, subclasses))}
        for shape in sorted(shapes.subjects(SH.targetClass, None, unique=True))
    }


@pytest.fixture
def checks(monkeypatch):
    """What each build's check saw: (nodes from its index, nodes by grouping, findings from
    the index, findings from the grouping, graphs typing each shared node)."""
    seen = []
    real = kg.build.cross_document

    def spy(stage, documents, typed):
        found = real(stage, documents, typed)  # brings the index up to date first
        graphs = {
            node: {
                q.graph_name.value
                for q in stage.quads_for_pattern(pyoxigraph.NamedNode(node), None, None)
                if isinstance(q.graph_name, pyoxigraph.NamedNode)
            }
            for nodes in listed_by_grouping(stage).values()
            for node in nodes
        }
        seen.append(
            (
                listed_by_index(stage, typed),
                listed_by_grouping(stage),
                validate_store(stage, shared_only=True, typed=typed).findings,
                validate_store(stage, shared_only=True, typed=Grouped(stage)).findings,
                graphs,
            )
        )
        return found

    monkeypatch.setattr(kg.build, "cross_document", spy)
    return seen


def remove(location: Path, source: str) -> list[str]:
    """``ctkg remove``'s job, the store's handle let go on return."""
    with open_oxigraph(location) as store:
        return remove_sources(store, [source])


def test_one_build_lists_the_nodes_the_grouping_lists(tmp_path, checks):
    result = build_store(
        [*sorted((FIXTURES / "abstracts").glob("*.txt")), FIXTURES / "ctgov"],
        tmp_path / "s",
        progress=quiet,
        jobs=2,
    )
    ((by_index, by_grouping, findings, grouped_findings, _),) = checks
    assert by_index == by_grouping
    shape = "https://w3id.org/ctkg/shapes#"
    assert "https://w3id.org/ctkg/id/drug/carboplatin" in by_index[f"{shape}DrugShape"]
    assert findings == grouped_findings
    assert result.cross_document and set(result.cross_document) <= set(findings)


def test_a_second_build_finds_nodes_shared_with_documents_loaded_earlier(tmp_path, checks):
    """Abstracts first; then one removed, and registry records and the pool added with one
    abstract again (its graph replaced): the second check still sees the first build's graphs."""
    abstracts = tmp_path / "abstracts"
    shutil.copytree(FIXTURES / "abstracts", abstracts, ignore=shutil.ignore_patterns("gold", "*.tsv"))
    first = build_store([abstracts], tmp_path / "s", progress=quiet, keep_going=True)
    assert remove(tmp_path / "s", "PMID26412456.txt")
    again = abstracts / "PMID30620668.txt"
    second = build_store(
        [FIXTURES / "ctgov", FIXTURES / "pool", again], tmp_path / "s", progress=quiet, keep_going=True
    )
    assert len(checks) == 2
    for by_index, by_grouping, findings, grouped_findings, _ in checks:
        assert by_index == by_grouping
        assert findings == grouped_findings
    *_, graphs = checks[1]
    earlier = {d.graph_iri for d in first.documents} - {d.graph_iri for d in second.documents}
    later = {d.graph_iri for d in second.documents}
    across = {node for node, gs in graphs.items() if gs & earlier and gs & later}
    assert "https://w3id.org/ctkg/id/drug/carboplatin" in across  # the abstracts', then the records'
    assert second.cross_document


def test_index_follows_graphs_replaced_and_removed(tmp_path):
    drug = "https://w3id.org/ctkg/id/drug/d\u00e9j\u00e0"
    body = (
        f"<https://w3id.org/ctkg/id/drug/d\\u00e9j\\u00e0> {TYPE} <https://w3id.org/ctkg/ontology#Drug> .\n"
    )
    with typed_nodes(tmp_path) as typed:
        typed.add_ntriples("urn:g:1", body.encode())
        assert list(typed.shared(["https://w3id.org/ctkg/ontology#Drug"], 10)) == []
        typed.add_nquads(body.replace(" .\n", " <urn:g:2> .\n").encode())
        assert list(typed.shared(["https://w3id.org/ctkg/ontology#Drug"], 10)) == [[drug]]
        assert list(typed.shared(["https://w3id.org/ctkg/ontology#Trial"], 10)) == []
        typed.drop(["urn:g:2"])
        assert list(typed.shared(["https://w3id.org/ctkg/ontology#Drug"], 10)) == []
    assert list(tmp_path.iterdir()) == []  # the index is the build's own
