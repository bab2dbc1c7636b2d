"""The same store on every backend: the embedded store, a real Oxigraph server (querying its
union of the named graphs, or its default graph where ctkg keeps that union: "oxigraph-kept")
and a real Virtuoso (Debian's virtuoso-opensource, installed by .ci/run), each loaded by
`ctkg build` with the shared data (the gold abstracts, the registry records, the bundled
example).  Every bundled query gives the same rows, `validate` the same verdict and findings,
`export` the same graphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED
from servers import OxigraphServer, VirtuosoServer

from kg.cli import main
from kg.queries import list_queries

SHARED = Path(__file__).parents[3] / "shared" / "data"
# (PMID16820547: a trial whose arms all received counselling, for background-care)
BACKGROUND = Path(__file__).parents[1] / "fixtures" / "pool" / "PMID16820547.txt"
INPUTS = [
    *sorted(str(p) for p in (SHARED / "abstracts").glob("*.txt")),
    str(SHARED / "ctgov"),
    str(SEED),
    str(BACKGROUND),
]
QUERIES = list_queries()
PARAMS = {"drug": "docetaxel", "class": "PD-L1 inhibitor"}
# Queries Virtuoso 7.2 still answers differently (none: arms and adverse-events apply DISTINCT
# twice, trial-summary's joined lists are sorted by ctkg, see kg.queries '# sorted lists:').
VIRTUOSO_DIFFERS: set[str] = set()


def _doors(server) -> list[str]:
    """Where `ctkg build` sends updates and Graph Store requests on each server."""
    if isinstance(server, VirtuosoServer):
        return ["--update-url", server.query_url, "--graph-store", server.query_url + "-graph-crud"]
    if server.union_flag:
        return []
    return ["--union", "kept"]


@pytest.fixture(scope="module")
def backends(tmp_path_factory):
    """{name: the options that point `ctkg` at it}, all loaded with the same documents."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")  # one build time for every build
    root = tmp_path_factory.mktemp("backends")
    servers = {
        "oxigraph": OxigraphServer(root / "oxigraph").start(),
        "oxigraph-kept": OxigraphServer(root / "oxigraph-kept", union_default_graph=False).start(),
        "virtuoso": VirtuosoServer(root / "virtuoso").start(),
    }
    try:
        options = {"embedded": ["--store", str(root / "store")]}
        options.update({name: ["--endpoint", s.query_url] for name, s in servers.items()})
        assert main(["build", *INPUTS, *options["embedded"]]) == 0
        for name, server in servers.items():
            assert main(["build", *INPUTS, *options[name], *_doors(server)]) == 0
        # built again over itself, by SPARQL Update this time: the kept union stays exact
        kept = [*options["oxigraph-kept"], "--union", "kept"]
        assert main(["build", *INPUTS, *kept, "--protocol", "update"]) == 0
        mp.undo()
        yield options
    finally:
        for server in servers.values():
            server.kill()


def _out(capsys, argv: list[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(argv)
    return code, capsys.readouterr().out


def _rows(capsys, query, target: list[str]) -> list[str]:
    params = [f"--param={k}={PARAMS[k]}" for k in query.parameters]
    code, out = _out(capsys, ["query", query.name, "--format", "json", *target, *params])
    assert code == 0
    return sorted(json.dumps(row, sort_keys=True) for row in json.loads(out)["rows"])


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
@pytest.mark.parametrize("backend", ["oxigraph", "oxigraph-kept", "virtuoso"])
def test_every_query_gives_the_embedded_store_rows(backends, capsys, query, backend):
    local = _rows(capsys, query, backends["embedded"])
    rows = _rows(capsys, query, backends[backend])
    if backend == "virtuoso" and query.name in VIRTUOSO_DIFFERS:
        assert rows != local, f"{query.name} now agrees on Virtuoso: take it out of VIRTUOSO_DIFFERS"
        pytest.xfail("Virtuoso 7.2 differs on this query (see VIRTUOSO_DIFFERS)")
    assert rows == local
    if query.name not in ("drug-crossrefs",):  # nothing is enriched here
        assert local


@pytest.mark.parametrize("name", ["arms", "sources", "unmapped-drugs"])
@pytest.mark.parametrize("backend", ["embedded", "oxigraph", "virtuoso"])
def test_pages_hold_every_row_of_the_listing_once_everywhere(backends, capsys, name, backend):
    """`--limit/--offset` on each backend: pages of trials, of source graphs, and a sorted listing
    sliced in SPARQL; together every row of the embedded listing, each once."""
    query, size = next(q for q in QUERIES if q.name == name), {"arms": 40, "sources": 20}.get(name, 2)
    every, pages, offset = _rows(capsys, query, backends["embedded"]), [], 0
    while True:
        page = ["--limit", str(size), "--offset", str(offset), *backends[backend]]
        code, out = _out(capsys, ["query", name, "--format", "json", *page])
        rows = json.loads(out)["rows"]
        assert code == 0 and len(rows) <= size
        if not rows:
            break
        pages += [json.dumps(row, sort_keys=True) for row in rows]
        offset += size
    assert sorted(pages) == every and len(every) > size


def test_validate_gives_the_same_verdict_and_findings_everywhere(backends, capsys):
    """Cross-document findings included: two sources giving one trial different sizes."""
    code, local = _out(capsys, ["validate", *backends["embedded"]])
    assert "75 source graph(s)" in local and "across" not in local
    for backend in ("oxigraph", "oxigraph-kept", "virtuoso"):
        assert _out(capsys, ["validate", *backends[backend]]) == (code, local)


def test_export_gives_the_same_graphs_everywhere(backends, capsys):
    """Named graphs read as N-Triples (decimals keep their datatype), no server's own graphs."""
    code, local = _out(capsys, ["export", "--format", "nq", *backends["embedded"]])
    assert code == 0 and '"75"^^<http://www.w3.org/2001/XMLSchema#decimal>' in local
    for backend in ("oxigraph", "oxigraph-kept", "virtuoso"):
        code, remote = _out(capsys, ["export", "--format", "nq", *backends[backend]])
        assert code == 0 and sorted(remote.splitlines()) == sorted(local.splitlines())


def test_the_kept_union_is_the_embedded_store_default_graph(backends):
    """After two builds (Graph Store, then SPARQL Update over the same graphs), the server's own
    default graph holds exactly the embedded store's union: nothing lost, nothing twice."""
    from kg.stores import open_store, resolve_endpoint

    def default_graph(store) -> list[str]:
        text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        return sorted(json.dumps([r[v] and tuple(r[v]) for v in "spo"]) for r in store.select(text).rows)

    with open_store(backends["embedded"][1], read_only=True) as embedded:
        local = default_graph(embedded)
    with open_store(resolve_endpoint(backends["oxigraph-kept"][1])) as remote:
        assert default_graph(remote) == local and len(local) > 60_000


def test_a_registry_record_loads_into_virtuoso_by_sparql_update(tmp_path, capsys, monkeypatch):
    """The record of C-AXSPAND (5,905 triples) in one update, cut into INSERT DATA blocks Virtuoso
    can parse (one block of them all failed: 'SP030 ... memory exhausted')."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    record = str(SHARED / "ctgov" / "NCT02552212.json")
    server = VirtuosoServer(tmp_path / "virtuoso").start()
    try:
        target = ["--endpoint", server.query_url]
        assert main(["build", record, *target, *_doors(server), "--protocol", "update"]) == 0
        assert main(["build", record, "--store", str(tmp_path / "store")]) == 0
        code, remote = _out(capsys, ["export", "--format", "nq", *target])
        _, local = _out(capsys, ["export", "--format", "nq", "--store", str(tmp_path / "store")])
    finally:
        server.kill()
    assert code == 0 and sorted(remote.splitlines()) == sorted(local.splitlines())
    assert len([line for line in local.splitlines() if "graph/ctgov/nct02552212>" in line]) > 5000
