"""Files and folders written whole: atomic writes honour the umask, folder swaps recover."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED

from kg import files

CTKG = str(Path(sys.executable).with_name("ctkg"))


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.nq"
    target.write_bytes(b"old")

    files.write_atomically(b"new", target)
    assert target.read_bytes() == b"new"
    with pytest.raises(TypeError):
        files.write_atomically(None, target)  # type: ignore[arg-type]
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nq"]


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_file_gets_the_mode_the_umask_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        files.write_atomically(b"x", tmp_path / "new.ttl")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.ttl").stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "kept.ttl"
    target.write_bytes(b"old")
    target.chmod(0o640)
    files.write_atomically(b"new", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() == b"new"


def test_ctkg_export_honours_the_umask(tmp_path):
    store, out = tmp_path / "store", tmp_path / "kg.jsonld"
    subprocess.run([CTKG, "build", str(SEED), "--store", str(store)], check=True, capture_output=True)
    done = subprocess.run(
        [CTKG, "export", "--format", "jsonld", "--out", str(out), "--store", str(store)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0o022),
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o644  # was 0o600 (mkstemp) whatever the umask


def test_a_swap_killed_between_its_renames_is_finished_by_recover(tmp_path):
    target, staging = tmp_path / "site", files.staging_path(tmp_path / "site")
    target.mkdir()
    (target / "a").write_text("old")
    staging.mkdir()
    (staging / "a").write_text("new")
    script = f"from pathlib import Path; from kg import files; files.swap(Path({str(staging)!r}), Path({str(target)!r}))"
    done = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, "CTKG_FAILPOINT": "swap-between-renames"}
    )
    assert done.returncode == -9 and not target.exists()
    assert files.recover(target) == [
        f"finished the swap of a writer that was stopped: {target} holds its new contents"
    ]
    assert (target / "a").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
