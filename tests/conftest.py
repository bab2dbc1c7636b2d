"""Shared fixtures: the CONTACT-01 example parsed, mapped and loaded into an in-memory store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest

from kg.build import build
from kg.resources import bundled_path

FIXTURES = Path(__file__).parent / "fixtures"
SEED = bundled_path("examples", "contact-01.pubmed.txt")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    return json.loads((FIXTURES / "contact-01.gold.json").read_text())


@pytest.fixture(scope="session")
def contact_build():
    store = pyoxigraph.Store()
    result = build([SEED], store, progress=lambda _m: None)
    return store, result.documents[0]


@pytest.fixture(scope="session")
def contact_store(contact_build):
    return contact_build[0]


@pytest.fixture(scope="session")
def contact_doc(contact_build):
    return contact_build[1]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc, seconds: float = 20) -> None:
    import socket
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


class OxigraphServer:
    """A real `oxigraph serve` process on a free loopback port, querying the union graph."""

    def __init__(self, location: Path):
        self.location = location
        self.port = free_port()
        self.proc = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> OxigraphServer:
        import shutil
        import subprocess
        import sys

        exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
        self.proc = subprocess.Popen(
            [
                exe,
                "serve",
                "--location",
                str(self.location),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--union-default-graph",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.proc)
        return self

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def oxigraph(tmp_path):
    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.kill()
