"""The build-side steps of the scale benchmark: the corpus, ``ctkg build`` (with the disk its
store and staging copy take), pyoxigraph's bulk load of the same quads (the ceiling, fed by a
pipe from a dump of the built store: its N-Quads are never written whole), whole-store
validation and the ``--jobs`` comparison."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from scaling.process import Measured, check, ctkg, folder_bytes, measure, python

HERE = Path(__file__).resolve().parents[1]
GENERATOR = HERE / "generate_corpus.py"


def corpus(work: Path, n_docs: int, seed: int) -> tuple[Path, Path]:
    """The corpus of N documents (N/2 registry records, N/2 abstracts), generated once per seed."""
    folder, manifest = work / f"corpus-{n_docs}-s{seed}", work / f"corpus-{n_docs}-s{seed}.jsonl"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        gen = [sys.executable, str(GENERATOR), "--n", str(max(1, n_docs // 2)), "--seed", str(seed)]
        m = check(measure([*gen, "--out", str(folder), "--manifest", str(manifest)]), "corpus generation")
        print(f"  corpus: {n_docs:,} documents generated in {m.seconds:.1f} s")
        (folder / ".complete").touch()
    return folder, manifest


def build_supports_jobs() -> bool:
    return "--jobs" in subprocess.run(ctkg("build", "--help"), capture_output=True, text=True).stdout


def build(folder: Path, store: Path, jobs: int | None, cpus: set[int] | None = None) -> Measured:
    """``ctkg build`` into a fresh store; the store's folder is watched for disk use (the store
    should sit alone in it: its staging copy and lock are made beside it)."""
    shutil.rmtree(store, ignore_errors=True)
    cmd = ctkg("build", str(folder), "--store", str(store))
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    return check(measure(cmd, cpus=cpus, disk=store.parent), f"ctkg build ({cmd[-1]})")


_DUMP = """
import sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
store.dump(sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS)
print(len(store))
"""

_PIPE_DUMP = """
import sys, pyoxigraph
class Counted:  # the bytes the loader is fed: the N-Quads file the ceiling would need
    def __init__(self, out):
        self.out, self.n = out, 0
    def write(self, data):
        self.n += len(data)
        return self.out.write(data)
    def flush(self):
        self.out.flush()
out = Counted(sys.stdout.buffer)
pyoxigraph.Store.read_only(sys.argv[1]).dump(out, format=pyoxigraph.RdfFormat.N_QUADS)
out.flush()
print(out.n, file=sys.stderr)
"""

_PIPE_BULK = """
import json, subprocess, sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
dump = subprocess.Popen([sys.executable, "-c", sys.argv[3], sys.argv[2]], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
start = time.perf_counter()
store.bulk_load(dump.stdout, format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
seconds = time.perf_counter() - start
assert dump.wait() == 0, dump.stderr.read()
print(json.dumps({"seconds": seconds, "quads": len(store), "nquads_bytes": int(dump.stderr.read())}))
"""


def dump(store: Path, nq: Path) -> int:
    """The built store as an N-Quads file (Jena's input); returns the quad count."""
    return int(check(measure(python(_DUMP, str(store), str(nq))), "N-Quads dump").stdout.split()[-1])


def ceiling(store: Path, work: Path) -> tuple[dict[str, Any], Measured]:
    """pyoxigraph's bulk load of the built store's quads into a fresh store, read from a pipe
    as another process dumps them (the dump is several times faster than the load, so the
    loader sets the pace): seconds inside the loader, quads, and the N-Quads bytes it read."""
    fresh = work / "ceiling-store"
    shutil.rmtree(fresh, ignore_errors=True)
    m = check(measure(python(_PIPE_BULK, str(fresh), str(store), _PIPE_DUMP)), "bulk load")
    figures = json.loads(m.stdout.strip().splitlines()[-1])
    figures["store_bytes"] = folder_bytes(fresh)
    shutil.rmtree(fresh, ignore_errors=True)
    return figures, m


_VALIDATE_STORE = """
import json, sys, time
from kg.stores.embedded import open_oxigraph
from kg.validate import validate_store
with open_oxigraph(sys.argv[1], read_only=True) as store:
    start = time.perf_counter()
    report = validate_store(store)
    seconds = time.perf_counter() - start
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for f in report.findings:
        out.write(f"{f.severity}\\t{f.focus}\\t{f.path}\\n")
print(json.dumps({"seconds": seconds}))
"""


def has_validate_store() -> bool:
    code = "import kg.validate as v; print(hasattr(v, 'validate_store'))"
    return subprocess.run(python(code), capture_output=True, text=True).stdout.strip() == "True"


def ctkg_validate(store: Path, findings: Path) -> tuple[float, str, Measured]:
    """Whole-store validation as ctkg does it: the library function, else the command."""
    if has_validate_store():
        m = measure(python(_VALIDATE_STORE, str(store), str(findings)))
        check(m, "validate_store")
        return json.loads(m.stdout.splitlines()[-1])["seconds"], "kg.validate.validate_store", m
    m = measure(ctkg("validate", "--store", str(store)))
    if m.returncode not in (0, 1):  # 1: violations found, still a finished run
        check(m, "ctkg validate")
    rows = []
    for line in m.stdout.splitlines():  # '  Violation: <focus> <path>: message'
        head = line.strip().split(": ", 1)[0].split(" ")
        if line.startswith("  ") and head[0] in ("Violation", "Warning", "Info") and len(head) >= 2:
            rows.append(f"{head[0].rstrip(':')}\t{head[1]}\t{head[2] if len(head) > 2 else ''}\n")
    findings.write_text("".join(rows), encoding="utf-8")
    return m.seconds, "ctkg validate (per named graph; no validate_store yet)", m


def jobs_step(res: dict[str, Any], folder: Path, work: Path, jobs: int) -> None:
    """``--jobs 1`` as it runs (its loader thread may take a second core), and once more pinned
    to one core: how much a build gains from the cores ``--jobs`` adds, and from all of them."""
    store = work / "jobs1" / "store"
    one = build(folder, store, 1)
    pinned = build(folder, store, 1, cpus={min(os.sched_getaffinity(0))})
    shutil.rmtree(store.parent, ignore_errors=True)
    res.update(
        jobs1_build_s=one.seconds,
        jobs1_build_cpu_s=one.cpu_s,
        speedup_jobs=one.seconds / res["build_s"],
        one_core_build_s=pinned.seconds,
        speedup_vs_one_core=pinned.seconds / res["build_s"],
    )
    print(f"  --jobs 1: {one.seconds:.1f} s ({one.cpu_s / one.seconds:.2f} cores busy on average); --jobs {jobs}: "
          f"{res['build_s']:.1f} s -> speed-up {res['speedup_jobs']:.2f}x", flush=True)  # fmt: skip
    print(f"  --jobs 1 pinned to one core: {pinned.seconds:.1f} s -> --jobs {jobs} is "
          f"{res['speedup_vs_one_core']:.2f}x one core", flush=True)  # fmt: skip
