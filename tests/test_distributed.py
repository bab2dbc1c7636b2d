"""A build on a real Dask cluster (a LocalCluster of two worker processes over TCP on the
loopback) gives the graph and the findings of a local build: the same quads, the same
per-document and cross-document findings, the same files refused."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import distributed
import pyoxigraph
import pytest
from servers import OxigraphServer

import kg.build
from kg.build import BuildResult, build_store
from kg.cli import main
from kg.distributed import Cluster
from tests.test_inputs import FIXTURES, dump, findings, quiet, records_in


@pytest.fixture(scope="module")
def scheduler():
    """Two worker processes, one thread each, TCP on 127.0.0.1; closed at the end."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"  # the workers inherit it: same time stamps
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    )
    try:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        yield cluster.scheduler_address
    finally:
        cluster.close()
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Plain files of every kind, an archive, two versions of one record, one broken file."""
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "pubmed_xml", folder / "pubmed")
    shutil.copytree(FIXTURES / "abstracts", folder / "abstracts", ignore=shutil.ignore_patterns("gold"))
    with zipfile.ZipFile(folder / "ctgov.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for path in records_in(FIXTURES / "ctgov"):
            z.write(path, path.name)
    more = folder / "more"
    more.mkdir()
    for name in ("NCT00513591.xml", "NCT00513591_redownloaded.xml", "NCT02389088.xml"):
        shutil.copy(FIXTURES / "ctgov-more" / name, more)
    (more / "NCT00000001.json").write_text('{"protocolSection": ')
    return folder


def same(a: BuildResult, b: BuildResult, stores: tuple[Path, Path], roots: tuple[Path, ...]) -> None:
    assert dump(stores[0]) == dump(stores[1])
    assert findings(a, *roots) == findings(b, *roots)
    assert sorted(map(str, a.cross_document)) == sorted(map(str, b.cross_document))
    assert a.failures == b.failures
    assert [d.path for d in a.documents] == [d.path for d in b.documents]


def test_the_cluster_build_is_the_local_build(tmp_path, corpus, scheduler, monkeypatch):
    monkeypatch.setattr(kg.build, "CHUNK", 4)  # many partitions, a record's versions in different ones
    local = build_store([corpus], tmp_path / "local", keep_going=True, progress=quiet, jobs=1)
    dask = build_store(
        [corpus], tmp_path / "dask", keep_going=True, progress=quiet, cluster=Cluster(scheduler)
    )
    same(dask, local, (tmp_path / "dask", tmp_path / "local"), (tmp_path,))
    assert len(dask.documents) > 50 and len(dask.failures) == 1
    assert any("two versions of one record" in str(f) for d in dask.documents for f in d.report.findings)
    assert not list(tmp_path.glob(".*partitions*"))  # the partitions go with the build


def test_ctkg_build_with_a_scheduler(tmp_path, scheduler, capsys):
    """The command line: one chunk holding two versions of a record (the later one loads),
    partitions in a folder of the user's choosing, left empty."""
    inputs = [str(FIXTURES / "ctgov-more" / n) for n in ("NCT00513591.xml", "NCT00513591_redownloaded.xml")]
    inputs.append(str(FIXTURES / "ctgov" / "NCT01642004.xml"))
    parts = tmp_path / "shared-folder"
    parts.mkdir()
    store = tmp_path / "dask"
    assert (
        main(["build", *inputs, "--store", str(store), "--scheduler", scheduler, "--partitions", str(parts)])
        == 0
    )
    assert main(["build", *inputs, "--store", str(tmp_path / "local"), "--jobs", "1"]) == 0
    assert dump(store) == dump(tmp_path / "local")
    assert "loaded 2 document(s)" in capsys.readouterr().err
    assert list(parts.iterdir()) == []


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("kg.distributed.CONNECT_SECONDS", 2)
    inputs = [str(FIXTURES / "ctgov" / "NCT01642004.xml")]
    code = main(["build", *inputs, "--store", str(tmp_path / "s"), "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err


def test_the_cluster_build_to_a_server_is_the_local_build(tmp_path, corpus, scheduler, capsys):
    """``--scheduler`` with ``--endpoint``: the workers' partitions are read back and sent as a
    build to a server sends (here as N-Quads to an Oxigraph server's /store, its default graph
    the union ctkg keeps): the embedded build's quads and findings, the partitions gone."""
    assert (
        main(["build", str(corpus), "--store", str(tmp_path / "local"), "--keep-going", "--jobs", "1"]) == 1
    )
    local = capsys.readouterr().err
    server = OxigraphServer(tmp_path / "ox", union_default_graph=False).start()
    parts = tmp_path / "shared-folder"
    parts.mkdir()
    remote = ["--endpoint", server.query_url, "--union", "kept", "--protocol", "bulk"]
    try:
        dask = ["--scheduler", scheduler, "--partitions", str(parts), "--keep-going"]
        assert main(["build", str(corpus), *remote, *dask]) == 1
        served = server.quads()
    finally:
        server.kill()
    err = capsys.readouterr().err
    assert served == set(pyoxigraph.Store.read_only(str(tmp_path / "local")))
    assert _tally(err) == _tally(local) and int(_tally(err)[0].replace(",", "")) > 50
    assert sorted(_not_loaded(err)) == sorted(_not_loaded(local)) and len(_not_loaded(err)) == 1
    assert list(parts.iterdir()) == []


def _tally(err: str) -> tuple[str, ...]:
    """The build's last line, but where it loaded into: documents, triples, findings."""
    return re.search(r"loaded ([\d,]+) document\(s\), ([\d,]+) triples, into .* \((.*)\)", err).groups()


def _not_loaded(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("not loaded:")]
