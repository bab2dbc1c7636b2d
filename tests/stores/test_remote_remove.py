"""`ctkg remove --endpoint`: one source's graph taken out of a real Oxigraph server, by its
file name, as from the embedded store; the server's other graphs stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED

from kg.cli import main
from kg.stores import open_store
from kg.stores.endpoint import resolve_endpoint

RECORD = Path(__file__).parents[1] / "fixtures" / "ctgov" / "NCT00023673.xml"


@pytest.fixture()
def server(tmp_path):
    from servers import OxigraphServer

    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.kill()


def _sources(query_url: str) -> set[str]:
    with open_store(resolve_endpoint(query_url)) as store:
        return set(store.source_graphs())


def test_remove_one_source_from_a_server(server, capsys):
    assert main(["build", str(SEED), str(RECORD), "--endpoint", server.query_url]) == 0
    before = _sources(server.query_url)
    assert len(before) == 2
    assert main(["remove", RECORD.name, "--endpoint", server.query_url]) == 0
    [removed] = [line for line in capsys.readouterr().err.splitlines() if line.startswith("removed <")]
    after = _sources(server.query_url)
    assert len(after) == 1 and after < before
    assert removed == f"removed <{(before - after).pop()}>"


def test_an_unknown_source_is_an_error_and_removes_nothing(server, capsys):
    assert main(["build", str(SEED), "--endpoint", server.query_url]) == 0
    before = _sources(server.query_url)
    assert main(["remove", "no-such-file.txt", "--endpoint", server.query_url]) == 2
    assert "no source 'no-such-file.txt'" in capsys.readouterr().err
    assert _sources(server.query_url) == before
