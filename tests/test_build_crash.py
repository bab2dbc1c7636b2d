"""``ctkg build`` killed (kill -9, through ``CTKG_FAILPOINT``) at every stage loses nothing: the
store then holds exactly its old contents (killed before the swap) or its new ones (killed
during it), the next command finishes or clears what the killed run left, and the next build
works.  Two builds racing for one store: both documents end up in it, or the loser says why."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

from kg.stores.embedded import open_oxigraph

ABSTRACTS = Path(__file__).parent / "fixtures" / "abstracts"
OLD, NEW, NEXT = (ABSTRACTS / n for n in ("PMID15741225.txt", "PMID16014882.txt", "PMID18506025.txt"))
BEFORE_SWAP = ("parsing", "staged", "loading", "loaded")
DURING_SWAP = ("swap-journalled", "swap-between-renames", "swap-renamed")


def ctkg(*args: str, failpoint: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "CTKG_FAILPOINT": failpoint or ""}
    cmd = [sys.executable, "-m", "kg.cli", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)


def build(location: Path, *inputs: Path, failpoint: str | None = None) -> subprocess.CompletedProcess:
    return ctkg("build", *map(str, inputs), "--store", str(location), failpoint=failpoint)


def dump(location: Path) -> list[str]:
    """The store's quads, build times blanked (the one thing two builds of one input differ in)."""
    with open_oxigraph(location, read_only=True) as store:
        text = store.dump(format=pyoxigraph.RdfFormat.N_QUADS).decode()
    stamp = r'"[0-9T:+.Z-]+"\^\^<http://www.w3.org/2001/XMLSchema#dateTime>'
    return sorted(re.sub(stamp, '"T"', line) for line in text.splitlines())


def leftovers(location: Path) -> list[str]:
    return sorted(p.name for p in location.parent.glob(f".{location.name}.*") if not p.name.endswith(".lock"))


@pytest.fixture(scope="module")
def contents(tmp_path_factory) -> dict[str, list[str]]:
    """The store after the first build (old), after the second (new), after a third (next)."""
    location = tmp_path_factory.mktemp("reference") / "store"
    out = {}
    for name, path in (("old", OLD), ("new", NEW), ("next", NEXT)):
        assert build(location, path).returncode == 0
        out[name] = dump(location)
    return out


@pytest.mark.parametrize("point", BEFORE_SWAP + DURING_SWAP)
def test_a_build_killed_at_any_point_leaves_the_old_or_the_new_store(tmp_path, contents, point):
    location = tmp_path / "store"
    assert build(location, OLD).returncode == 0
    killed = build(location, NEW, failpoint=point)
    assert killed.returncode == -9, killed.stderr
    assert dump(location) == (contents["old"] if point in BEFORE_SWAP else contents["new"])
    assert leftovers(location) == []  # the read above finished or cleared what the kill left
    assert build(location, NEXT).returncode == 0
    if point in DURING_SWAP:
        assert dump(location) == contents["next"]
    else:  # the killed build's document never went in: the third build adds to the first
        assert set(contents["old"]) < set(dump(location)) and not set(dump(location)) >= set(contents["new"])


def test_a_kill_between_the_renames_leaves_no_store_folder_until_the_next_command(tmp_path, contents):
    location = tmp_path / "store"
    assert build(location, OLD).returncode == 0
    assert build(location, NEW, failpoint="swap-between-renames").returncode == -9
    assert not location.exists()  # what the issue saw: the next build used to start a new store
    assert {n.split("-")[0] for n in leftovers(location)} == {".store.old", ".store.staging", ".store.swap"}
    assert build(location, NEXT).returncode == 0
    assert dump(location) == contents["next"]  # old, the killed build's new document, and the next
    assert leftovers(location) == []


def test_a_second_build_while_the_first_waits_to_swap_is_refused(tmp_path):
    location = tmp_path / "store"
    assert build(location, OLD).returncode == 0
    go = tmp_path / "go"
    env = {**os.environ, "CTKG_FAILPOINT": f"loaded:wait={go}"}
    first = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(NEW), "--store", str(location)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while not Path(f"{go}.reached").exists():
            assert first.poll() is None, first.stderr.read()
            os.sched_yield()
        second = build(location, NEXT)
        assert second.returncode == 2
        assert "another ctkg process (a build, or serve --writable) is writing it" in second.stderr
    finally:
        go.touch()
        first.wait(timeout=600)
    assert first.returncode == 0
    text = "\n".join(dump(location))
    assert "pubmed.ncbi.nlm.nih.gov/16014882/" in text and "pubmed.ncbi.nlm.nih.gov/18506025/" not in text


def test_two_builds_started_together_keep_both_documents_or_say_why(tmp_path):
    location = tmp_path / "store"
    assert build(location, OLD).returncode == 0
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "build", str(p), "--store", str(location)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (NEW, NEXT)
    ]
    outcomes = [(p.wait(timeout=600), p.stderr.read()) for p in procs]
    for code, err in outcomes:
        assert code == 0 or (code == 2 and "is writing it" in err), err
    text = "\n".join(dump(location))
    for (code, _), pmid in zip(outcomes, ("16014882", "18506025"), strict=True):
        assert (f"pubmed.ncbi.nlm.nih.gov/{pmid}/" in text) == (code == 0)
