"""Scale benchmark: ctkg's own pipeline against the store's bulk-load ceiling, a naive rdflib +
pySHACL baseline and Apache Jena's SHACL, at N documents per size, in one run.

For each size N (half ClinicalTrials.gov v2 records, half PubMed pages, from
``generate_corpus.py``) it measures, each heavy step in its own process so memory figures
are its own:

- end to end: ``ctkg build CORPUS --store S --jobs J`` (parse -> extract -> map -> validate ->
  load), documents/s, triples/s, peak RSS (sum over the process tree, sampled from /proc, and
  the largest single process from wait4);
- the ceiling: the built store dumped to N-Quads and bulk-loaded into a fresh pyoxigraph store;
- the baseline: the same documents through ctkg's parsers and mapping into one rdflib graph, one
  pySHACL run over it and rdflib SPARQL for every bundled query, within a time limit (null if
  it does not finish or is skipped);
- whole-store validation: ``kg.validate.validate_store`` (or ``ctkg validate`` where the library
  function does not exist yet), and the same graph and shapes through Apache Jena's SHACL,
  warm (median of runs inside one JVM, start-up and parsing excluded) and cold (a fresh JVM:
  start-up, parsing and one validation); the findings of both are counted and compared;
- every bundled query on the built store: median and p95 over several runs, each consuming
  every row (``queries``: the listings), beside the floor of delivering that many rows at all
  (a one-pattern scan through ``kg.queries.run``); every query that can be restricted to a trial,
  once per trial of a fixed sample (``queries_per_trial``: how the web's trial page and
  ``ctkg query NAME --trial X`` run them); and a sample of the generated hazard ratios looked
  up in efficacy-results.

Ratios against the ceiling and the baseline are printed beside the absolute figures.  The
machine may be shared: record what else ran (``--note``), figures are noisy.

Usage: python benchmarks/scale.py --sizes 1000,10000,100000 --json OUT.json [--work DIR]
       [--jobs J] [--speedup-size N] [--baseline-max N] [--baseline-limit S|Kx] [--jena-max N] [--query-runs R]
       python benchmarks/scale.py --queries-only STORE --json OUT.json [--query-runs R]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = HERE / "generate_corpus.py"
HARNESS = HERE / "jena" / "ShaclBench.java"
SHAPES = ROOT / "shapes" / "ctkg-shapes.ttl"
JAVA_DIR = Path("/usr/share/java")
# Debian's Jena jars and what they need; the rest of /usr/share/java is left off: with every
# jar on the class path Jena meets two SLF4J bindings (slf4j-log4j12 next to log4j-over-slf4j)
JENA_JARS = (
    "jena-arq", "jena-base", "jena-core", "jena-iri", "jena-shacl", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
    "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "protobuf", "thrift", "slf4j-api", "slf4j-nop", "titanium-json-ld", "jakarta.json-api",
)  # fmt: skip
QUERY_PARAMS = {"trials-by-drug": {"drug": "docetaxel"}, "trials-by-drug-class": {"class": "taxane"}}
PER_TRIAL_SAMPLE = 20  # trials each restrictable query is timed on, one run per trial
FLOOR_QUERY = "SELECT ?g ?f WHERE { ?g <https://w3id.org/ctkg/ontology#sourceFile> ?f }"
SAMPLE = 200  # generated abstracts whose hazard ratios are looked up in efficacy-results


# --- running and measuring a process -----------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_tree_rss_mb: float  # the process and its children together, sampled
    max_process_rss_mb: float  # the largest single process (wait4's ru_maxrss)
    cpu_s: float  # user + system CPU of the process and the children it waited for (wait4)
    returncode: int | None  # None: killed at the time limit
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids += [int(k) for k in (task / "children").read_text().split()]
    except OSError:
        pass
    return kids


def _tree_rss_kb(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
        todo += _children(p)
    return total


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one live process so far (/proc/PID/stat fields 14 and 15)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    cmd: list[str],
    timeout: float | None = None,
    cwd: Path | None = None,
    cpu_limit: float | None = None,
    cpus: set[int] | None = None,
) -> Measured:
    """Run a command, sampling its process tree's memory every 0.1 s; output kept in files so a
    chatty child never blocks on a full pipe.  ``cpu_limit`` stops it once its own process has
    used that much CPU: a limit the machine's other work cannot shorten, as a wall-clock one can.
    ``cpus`` pins it, with its threads and children, to those cores."""
    pin = None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, preexec_fn=pin)
        peak, done = 0, threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.1):
                peak = max(peak, _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = None if timeout is None else start + timeout
        status, usage = None, None
        while status is None:
            pid, code, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, usage = code, ru
            elif (deadline is not None and time.perf_counter() > deadline) or (
                cpu_limit is not None and _cpu_s(proc.pid) > cpu_limit
            ):
                os.kill(proc.pid, 9)
                _pid, code, ru = os.wait4(proc.pid, 0)
                status, usage = None, ru
                break
            else:
                time.sleep(0.05)
        seconds = time.perf_counter() - start
        proc.returncode = -9 if status is None else os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
        out.seek(0)
        err.seek(0)
        return Measured(
            seconds=seconds,
            peak_tree_rss_mb=peak / 1024,
            max_process_rss_mb=(usage.ru_maxrss / 1024) if usage else 0.0,
            cpu_s=(usage.ru_utime + usage.ru_stime) if usage else 0.0,
            returncode=None if status is None else proc.returncode,
            stdout=out.read(),
            stderr=err.read(),
        )


def check(m: Measured, what: str) -> Measured:
    if m.returncode != 0:
        tail = "\n".join((m.stderr or m.stdout).splitlines()[-15:])
        raise SystemExit(f"{what} failed (exit {m.returncode}):\n{tail}")
    return m


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def ctkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


# --- the steps ----------------------------------------------------------------------------------


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
    shutil.rmtree(store, ignore_errors=True)
    cmd = ctkg("build", str(folder), "--store", str(store))
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    return check(measure(cmd, cpus=cpus), f"ctkg build ({cmd[-1]})")


_DUMP = """
import sys, pyoxigraph
store = pyoxigraph.Store.read_only(sys.argv[1])
store.dump(sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS)
print(len(store))
"""

_BULK = """
import sys, time, pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
start = time.perf_counter()
store.bulk_load(path=sys.argv[2], format=pyoxigraph.RdfFormat.N_QUADS)
store.flush()
print(time.perf_counter() - start, len(store))
"""


def dump(store: Path, nq: Path) -> int:
    """The built store as N-Quads (the ceiling's input and Jena's); returns the quad count."""
    return int(check(measure(python(_DUMP, str(store), str(nq))), "N-Quads dump").stdout.split()[-1])


def ceiling(nq: Path, work: Path) -> tuple[float, int, Measured]:
    """pyoxigraph's bulk load of the same N-Quads into a fresh store: seconds inside the loader."""
    fresh = work / "ceiling-store"
    shutil.rmtree(fresh, ignore_errors=True)
    m = check(measure(python(_BULK, str(fresh), str(nq))), "bulk load")
    seconds, quads = m.stdout.split()
    shutil.rmtree(fresh, ignore_errors=True)
    return float(seconds), int(quads), m


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


def jena_classpath(work: Path) -> str:
    """Harness classes, Jena's xerces messages where its classes look for them, curated jars.

    Debian relocates Jena's shaded xerces to the package ``xerces`` but leaves its message
    files under org/apache/jena/ext/xerces/, so the first datatype check fails to load its
    messages (ExceptionInInitializerError): copy them to xerces/ on the class path."""
    messages = work / "jena" / "messages"
    if not (messages / "xerces").exists():
        with zipfile.ZipFile(_jar("jena-core")) as jar:
            for name in jar.namelist():
                if name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                    target = messages / name.removeprefix("org/apache/jena/ext/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(name))
    classes = work / "jena" / "classes"
    jars = [str(_jar(name)) for name in JENA_JARS]
    if not (classes / "ShaclBench.class").exists():
        classes.mkdir(parents=True, exist_ok=True)
        cmd = ["javac", "-d", str(classes), "-cp", ":".join(jars), str(HARNESS)]
        subprocess.run(cmd, check=True, capture_output=True)
    return ":".join([str(classes), str(messages), *jars])


def _jar(name: str) -> Path:
    """The versioned jar of a Debian library (jena-core-4.5.0.jar, not the jena-core.jar link)."""
    found = sorted(p for p in JAVA_DIR.glob(f"{name}-[0-9]*.jar"))
    if not found:
        raise SystemExit(f"{JAVA_DIR}/{name}-*.jar missing: apt-get install libapache-jena-java")
    return found[-1]


def jena(nq: Path, work: Path, findings: Path, runs: int) -> dict[str, Any]:
    """Warm: median of timed runs after one warm-up, inside one JVM.  Cold: a fresh JVM that
    starts, parses and validates once, timed from outside."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return {"error": "java/javac not found"}
    cp = jena_classpath(work)
    base = ["java", "-Xmx3g", "-cp", cp, "ShaclBench", str(SHAPES), str(nq)]
    warm = check(measure([*base, str(runs), str(findings)]), "Jena SHACL (warm)")
    result = json.loads(warm.stdout.strip().splitlines()[-1])
    cold = check(measure([*base, "0", os.devnull]), "Jena SHACL (cold)")
    result.update(
        warm_s=statistics.median(result["runs_s"]),
        cold_s=cold.seconds,
        peak_rss_mb=warm.peak_tree_rss_mb,
    )
    return result


def compare_findings(ours: Path, theirs: Path) -> dict[str, Any]:
    """Findings as (severity, focus, path) multisets: counts per severity and whether they agree."""

    def load(path: Path) -> list[tuple[str, ...]]:
        if not path.exists():
            return []
        return sorted(
            tuple(line.split("\t")) for line in path.read_text(encoding="utf-8").splitlines() if line
        )

    a, b = load(ours), load(theirs)
    count = lambda rows: {s: sum(1 for r in rows if r[0] == s) for s in sorted({r[0] for r in rows})}  # noqa: E731
    only_ours = [r for r in a if r not in set(b)][:5]
    only_jena = [r for r in b if r not in set(a)][:5]
    return {
        "ctkg": count(a),
        "jena": count(b),
        "agree": a == b,
        "agree_as_sets": set(a) == set(b),  # the same findings, ignoring repeats of one
        "only_ctkg_sample": only_ours,
        "only_jena_sample": only_jena,
    }


def query_worker(store: Path, name: str, runs: int, budget_s: float, table_out: Path | None) -> None:
    """Time one bundled query (child process, so a pathological one can be stopped)."""
    from kg.queries import list_queries, run
    from kg.stores.embedded import open_oxigraph

    query = next(q for q in list_queries() if q.name == name)
    times, rows = [], 0
    with open_oxigraph(store, read_only=True) as st:
        for _ in range(runs):
            start = time.perf_counter()
            table = run(st, query, QUERY_PARAMS.get(name, {}))
            times.append(time.perf_counter() - start)
            rows = len(table.rows)
            if sum(times) > budget_s:
                break
    if table_out is not None:  # hazard ratios only: what the extraction check needs
        keep = [{k: str(v) for k, v in r.items()} for r in table.rows if r["statistic"] == "hazard_ratio"]
        table_out.write_text(json.dumps(keep), encoding="utf-8")
    print(
        json.dumps(
            {"median_s": statistics.median(times), "p95_s": _p95(times), "runs": len(times), "rows": rows}
        )
    )


def query_latencies(store: Path, work: Path, runs: int, timeout: float) -> tuple[dict[str, Any], list[dict]]:
    """Median and p95 of every bundled query (all rows consumed), each in its own process with a
    time limit; efficacy-results's hazard-ratio rows kept for the extraction check."""
    from kg.queries import list_queries

    out: dict[str, Any] = {}
    ratios = work / "efficacy-hazard-ratios.json"
    ratios.unlink(missing_ok=True)
    for q in list_queries():
        cmd = [sys.executable, __file__, "--query-worker", str(store), q.name, str(runs), str(timeout / 2)]
        cmd += [str(ratios)] if q.name == "efficacy-results" else []
        m = measure(cmd, timeout=timeout)
        if m.returncode == 0:
            out[q.name] = json.loads(m.stdout.strip().splitlines()[-1])
        else:
            out[q.name] = {"median_s": None, "p95_s": None, "timed_out": m.returncode is None,
                           "error": None if m.returncode is None else m.stderr.splitlines()[-1:]}  # fmt: skip
    return out, json.loads(ratios.read_text()) if ratios.exists() else []


def trial_sample(store: Path, size: int = PER_TRIAL_SAMPLE) -> list[str]:
    """A fixed sample of the store's trials: evenly spaced in IRI order, the same on every run."""
    from kg.stores.embedded import open_oxigraph

    with open_oxigraph(store, read_only=True) as st:
        query = "SELECT ?t WHERE { ?t a <https://w3id.org/ctkg/ontology#Trial> } ORDER BY ?t"
        trials = [s["t"].value for s in st.query(query)]
    return trials[:: max(1, len(trials) // size)][:size]


def per_trial_worker(store: Path, sample: Path, runs: int, budget_s: float) -> None:
    """Time every query that can be restricted to a trial once per sampled trial, as the web's
    trial page and ``ctkg query NAME --trial X`` run it (child process); one JSON line per query."""
    from kg.queries import list_queries, restrict, run
    from kg.stores.embedded import open_oxigraph

    trials = json.loads(sample.read_text(encoding="utf-8"))
    with open_oxigraph(store, read_only=True) as st:
        for query in (q for q in list_queries() if "trial_iri" in q.restrict):
            params = QUERY_PARAMS.get(query.name, {})
            run(st, restrict(query, "trial_iri", trials[:1]), params)  # warm-up, not counted
            times, rows = [], 0
            for trial in (t for _ in range(runs) for t in trials):
                start = time.perf_counter()
                rows += len(run(st, restrict(query, "trial_iri", [trial]), params).rows)
                times.append(time.perf_counter() - start)
                if sum(times) > budget_s:
                    break
            figures = {"median_s": statistics.median(times), "p95_s": _p95(times), "runs": len(times),
                       "rows": rows, "trials": len(trials)}  # fmt: skip
            print(json.dumps({query.name: figures}), flush=True)


def floor_worker(store: Path, runs: int) -> None:
    """The cost of delivering rows at all: a one-pattern scan, one row per source, through
    kg.queries.run like every bundled query (child process)."""
    from kg.queries import QueryInfo, run
    from kg.stores.embedded import open_oxigraph

    query = QueryInfo("floor", Path("floor.rq"), "floor", "", [], FLOOR_QUERY)
    times, rows = [], 0
    with open_oxigraph(store, read_only=True) as st:
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(run(st, query).rows)
            times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        json.dumps(
            {"query": FLOOR_QUERY, "median_s": median, "rows": rows, "us_per_row": median / rows * 1e6}
        )
    )


def query_step(res: dict[str, Any], store: Path, work: Path, args: argparse.Namespace) -> list[dict]:
    """Every bundled query as a listing (``queries``), every restrictable one per trial on a fixed
    sample (``queries_per_trial``), and the row-delivery floor the listings are compared with."""
    floor = measure(
        [sys.executable, __file__, "--floor-worker", str(store), str(args.query_runs)], timeout=600
    )
    res["query_floor"] = json.loads(floor.stdout.strip().splitlines()[-1]) if floor.returncode == 0 else None
    res["queries"], ratios = query_latencies(store, work, args.query_runs, args.query_timeout)
    per_row = res["query_floor"]["us_per_row"] / 1e6 if res["query_floor"] else None
    if per_row:
        print(f"  floor: {FLOOR_QUERY!r}: {res['query_floor']['rows']:,} rows in "
              f"{res['query_floor']['median_s'] * 1000:.1f} ms = {per_row * 1e6:.1f} us/row")  # fmt: skip
    print("  listings (every row of the store; 'x floor' = time / (rows x floor per row)):")
    for name, q in res["queries"].items():
        if q["median_s"] is None:
            why = f"TIMED OUT after {args.query_timeout:.0f} s" if q["timed_out"] else q["error"]
            print(f"    {name:28} {why}")
            continue
        q["floor_s"] = per_row * q["rows"] if per_row else None
        versus = (
            f"  {q['median_s'] / q['floor_s']:7.1f}x floor ({q['floor_s'] * 1000:.1f} ms)"
            if q["floor_s"]
            else ""
        )
        print(f"    {_timing(name, q)}  ({q['rows']:,} rows){versus}")
    sample = work / "trial-sample.json"
    res["per_trial_sample"] = trial_sample(store)
    sample.write_text(json.dumps(res["per_trial_sample"]), encoding="utf-8")
    cmd = [
        sys.executable,
        __file__,
        "--per-trial-worker",
        str(store),
        str(sample),
        "1",
        str(args.query_timeout / 2),
    ]
    m = measure(cmd, timeout=args.query_timeout * 4)
    res["queries_per_trial"] = {k: v for line in m.stdout.splitlines() if line.startswith("{")
                                for k, v in json.loads(line).items()}  # fmt: skip
    if m.returncode != 0:
        res["queries_per_trial_error"] = "timed out" if m.returncode is None else m.stderr.splitlines()[-1:]
    print(f"  per trial ({len(res['per_trial_sample'])} sampled trials, one run each):")
    for name, q in res["queries_per_trial"].items():
        print(f"    {_timing(name, q)}  ({q['rows']:,} rows in all)")
    return ratios


def _timing(name: str, q: dict[str, Any]) -> str:
    return f"{name:28} median {q['median_s'] * 1000:9.1f} ms  p95 {q['p95_s'] * 1000:9.1f} ms"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def extraction_check(manifest: Path, ratios: list[dict], sample: int = SAMPLE) -> dict[str, Any]:
    """Each sampled generated hazard ratio must come back as an efficacy-results row."""
    rows: dict[tuple, list[dict]] = {}
    for r in ratios:
        rows.setdefault((r["endpoint"], r["arm_label"], r["comparator_label"]), []).append(r)
    lines = manifest.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // sample)
    checked, missing = 0, []
    for line in lines[::step][:sample]:
        page = json.loads(line)
        for hr in page["hazard_ratios"]:
            checked += 1
            key = (hr["endpoint"], hr["arm"], hr["comparator"])
            want = tuple(Decimal(hr[k]) for k in ("estimate", "ci_lower", "ci_upper", "p_value"))
            names = {page["trial"], page["title"]}  # a trial is labelled by acronym, or title without one
            got = [
                tuple(
                    Decimal(r[k]) if r[k] not in ("", "None") else None
                    for k in ("estimate", "ci_lower", "ci_upper", "p_value")
                )
                for r in rows.get(key, [])
                if r["trial"] in names
            ]
            if want not in got:
                missing.append({"pmid": page["pmid"], **hr})
    return {"checked": checked, "found": checked - len(missing), "missing_sample": missing[:5]}


# --- the naive baseline (run as a child process: python scale.py --baseline-worker ...) ----------


def baseline_worker(folder: Path, progress: Path) -> None:
    """ctkg's parsers and mapping into an rdflib dataset (one named graph per document, queried
    as their union), one pySHACL run over the union of all of it, then rdflib SPARQL for every
    bundled query; each stage's time is written as soon as it ends, so a run stopped at the
    time limit still tells how far it got."""
    from rdflib import Dataset, Graph

    from kg.inputs import expand
    from kg.mapping import document_graph
    from kg.namespaces import base_iri
    from kg.queries import bind, list_queries
    from kg.sources import read_documents
    from kg.validate import validate_graph

    state: dict[str, Any] = {}

    def save(**kw: Any) -> None:
        state.update(kw)
        progress.write_text(json.dumps(state), encoding="utf-8")

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    for path in expand([folder]):
        for doc in read_documents(path):
            graph_iri, graph = document_graph(doc, base_iri())
            dataset.graph(graph_iri).__iadd__(graph)
    save(load_s=time.perf_counter() - start, quads=len(dataset))
    start = time.perf_counter()
    union = Graph()  # pySHACL validates a dataset graph by graph: give it the one whole graph
    for s, p, o, _g in dataset.quads():
        union.add((s, p, o))
    report = validate_graph(union)
    save(validate_s=time.perf_counter() - start, triples=len(union), findings=len(report.findings))
    del union
    queries = {}
    for q in list_queries():
        start = time.perf_counter()
        try:
            rows = len(list(dataset.query(bind(q, QUERY_PARAMS.get(q.name, {})))))
            queries[q.name] = {"seconds": time.perf_counter() - start, "rows": rows}
        except Exception as err:  # rdflib cannot run every bundled query: say which, go on
            queries[q.name] = {"seconds": None, "error": f"{type(err).__name__}: {err}"}
        save(queries=queries)


def baseline(folder: Path, work: Path, cpu_limit: float) -> dict[str, Any]:
    """The baseline (one process, one thread) stopped after ``cpu_limit`` CPU seconds: had it
    the machine to itself it would run at least that long."""
    progress = work / "baseline-progress.json"
    progress.unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--baseline-worker", str(folder), str(progress)]
    m = measure(cmd, timeout=10 * cpu_limit + 60, cpu_limit=cpu_limit)  # wall: a safety net on a busy machine
    state = json.loads(progress.read_text()) if progress.exists() else {}
    finished = m.returncode == 0 and "validate_s" in state
    state.update(finished=finished, wall_s=m.seconds, cpu_s=m.cpu_s, peak_rss_mb=m.peak_tree_rss_mb)
    if m.returncode not in (0, None):
        state["error"] = "\n".join(m.stderr.splitlines()[-5:])
    if finished:
        state["seconds"] = state["load_s"] + state["validate_s"]
    return state


# --- one size ----------------------------------------------------------------------------------


def run_size(n: int, args: argparse.Namespace, jobs_ok: bool) -> dict[str, Any]:
    print(f"\n=== N = {n:,} documents ===", flush=True)
    work = args.work / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    folder, manifest = corpus(args.work, n, args.seed)
    store, nq = work / "store", work / "store.nq"
    jobs = args.jobs if jobs_ok else None
    e2e = build(folder, store, jobs)
    quads = dump(store, nq)
    res: dict[str, Any] = {
        "n": n,
        "jobs": jobs,
        "quads": quads,
        "build_s": e2e.seconds,
        "docs_per_s": n / e2e.seconds,
        "triples_per_s": quads / e2e.seconds,
        "peak_rss_mb": e2e.peak_tree_rss_mb,
        "max_process_rss_mb": e2e.max_process_rss_mb,
        "build_cpu_s": e2e.cpu_s,
    }
    print(f"  build: {e2e.seconds:.1f} s, {res['docs_per_s']:,.0f} docs/s, {res['triples_per_s']:,.0f} triples/s, "
          f"peak RSS {res['peak_rss_mb']:,.0f} MB (largest process {res['max_process_rss_mb']:,.0f} MB)", flush=True)  # fmt: skip
    load_s, _, bulk = ceiling(nq, work)
    res.update(
        ceiling_s=load_s, ceiling_triples_per_s=quads / load_s, ceiling_peak_rss_mb=bulk.peak_tree_rss_mb
    )
    res["ratio_to_ceiling"] = res["triples_per_s"] / res["ceiling_triples_per_s"]
    print(f"  ceiling (bulk load of the same {quads:,} quads): {load_s:.1f} s, "
          f"{res['ceiling_triples_per_s']:,.0f} triples/s; end to end = {res['ratio_to_ceiling']:.2f}x ceiling", flush=True)  # fmt: skip
    ours, theirs = work / "findings-ctkg.tsv", work / "findings-jena.tsv"
    res["validate_s"], res["validate_method"], val = ctkg_validate(store, ours)
    res["validate_peak_rss_mb"] = val.peak_tree_rss_mb
    print(f"  validate ({res['validate_method']}): {res['validate_s']:.2f} s", flush=True)
    if n > args.jena_max:  # Jena holds the graph in its heap: ~2.6 GB at 10,000 documents
        jn = {"skipped": f"N > --jena-max {args.jena_max} (Jena's in-memory graph would not fit)"}
        print(f"  Jena SHACL: skipped (N > {args.jena_max:,})", flush=True)
    else:
        jn = jena(nq, work, theirs, args.jena_runs)
    res["jena"] = jn
    res["jena_validate_s"] = jn.get("warm_s")
    res["jena_cold_s"] = jn.get("cold_s")
    if res["jena_validate_s"]:
        res["validate_ratio_to_jena"] = res["validate_s"] / res["jena_validate_s"]
        print(f"  Jena SHACL: warm {jn['warm_s']:.2f} s (median of {len(jn['runs_s'])}), cold {jn['cold_s']:.1f} s "
              f"(JVM start + parse + one run); ctkg = {res['validate_ratio_to_jena']:.1f}x Jena warm", flush=True)  # fmt: skip
    if "skipped" not in jn:
        res["findings"] = compare_findings(ours, theirs)
        f = res["findings"]
        verdict = "AGREE" if f["agree"] else "same set, different repeats" if f["agree_as_sets"] else "DIFFER"
        print(f"  findings: ctkg {f['ctkg']}, Jena {f['jena']} -> {verdict}", flush=True)
    if "queries" not in args.skip:
        ratios = query_step(res, store, work, args)
        if res["queries"]["efficacy-results"]["median_s"] is None:  # no table to look the ratios up in
            res["extraction_check"] = {"skipped": "efficacy-results did not finish within --query-timeout"}
            print("  extraction check: skipped (efficacy-results did not finish within --query-timeout)")
        else:
            res["extraction_check"] = x = extraction_check(manifest, ratios)
            print(
                f"  extraction check: {x['found']}/{x['checked']} generated hazard ratios found in efficacy-results"
            )
    _baseline_step(res, folder, work, args)
    if n == args.speedup_size and jobs_ok and args.jobs != 1 and "jobs" not in args.skip:
        _jobs_step(res, folder, work, args.jobs)
    if not args.keep:
        shutil.rmtree(store, ignore_errors=True)
        nq.unlink(missing_ok=True)
    return res


def _jobs_step(res: dict[str, Any], folder: Path, work: Path, jobs: int) -> None:
    """``--jobs 1`` as it runs (its loader thread may take a second core), and once more pinned
    to one core: how much a build gains from the cores ``--jobs`` adds, and from all of them."""
    one = build(folder, work / "store-jobs1", 1)
    pinned = build(folder, work / "store-jobs1", 1, cpus={min(os.sched_getaffinity(0))})
    shutil.rmtree(work / "store-jobs1", ignore_errors=True)
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


def _limit_s(limit: str, build_s: float) -> float:
    """``600`` (CPU seconds) or ``25x`` (25 times this size's end-to-end build)."""
    return float(limit[:-1]) * build_s if limit.endswith("x") else float(limit)


def _baseline_step(res: dict[str, Any], folder: Path, work: Path, args: argparse.Namespace) -> None:
    res["baseline_triples_per_s"] = None
    if res["n"] > args.baseline_max:
        res["baseline"] = {"skipped": f"N > --baseline-max {args.baseline_max}"}
        print(f"  baseline: skipped (N > {args.baseline_max:,})")
        return
    limit = _limit_s(args.baseline_limit, res["build_s"])
    b = baseline(folder, work, limit)
    res["baseline"] = b
    if not b["finished"]:  # it needs more than the CPU it used, so ctkg is at least this many times faster
        res["speedup_vs_baseline_at_least"] = b["cpu_s"] / res["build_s"]
        print(f"  baseline: stopped unfinished after {b['cpu_s']:.0f} CPU s ({b['wall_s']:.0f} s wall; got to: "
              f"{sorted(b)}) -> ctkg end to end >= {res['speedup_vs_baseline_at_least']:.1f}x baseline", flush=True)  # fmt: skip
        return
    b["triples_per_s"] = res["quads"] / b["seconds"]  # the same quads as ctkg's, for a like ratio
    res["baseline_triples_per_s"] = b["triples_per_s"]
    res["speedup_vs_baseline"] = res["triples_per_s"] / b["triples_per_s"]
    slowest = max(
        (q for q in b.get("queries", {}).values() if q["seconds"] is not None),
        key=lambda q: q["seconds"],
        default=None,
    )
    print(f"  baseline (rdflib + one pySHACL run): load {b['load_s']:.1f} s + SHACL {b['validate_s']:.1f} s = "
          f"{b['triples_per_s']:,.0f} triples/s, peak RSS {b['peak_rss_mb']:,.0f} MB; ctkg end to end = "
          f"{res['speedup_vs_baseline']:.1f}x baseline; slowest rdflib query "
          f"{slowest['seconds'] if slowest else float('nan'):.2f} s", flush=True)  # fmt: skip


def queries_only(args: argparse.Namespace) -> int:
    """The query step alone on an existing store: a 100,000-document store is not rebuilt for it."""
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"=== queries on {args.queries_only} ===", flush=True)
    res: dict[str, Any] = {"store": str(args.queries_only), "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                           "load_avg_at_start": os.getloadavg(), "note": args.note}  # fmt: skip
    query_step(res, args.queries_only, args.work, args)
    res["load_avg_now"] = os.getloadavg()
    args.json.write_text(json.dumps({"queries_only": res}, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--baseline-worker"]:
        baseline_worker(Path(argv[1]), Path(argv[2]))
        return 0
    if argv[:1] == ["--per-trial-worker"]:
        per_trial_worker(Path(argv[1]), Path(argv[2]), int(argv[3]), float(argv[4]))
        return 0
    if argv[:1] == ["--floor-worker"]:
        floor_worker(Path(argv[1]), int(argv[2]))
        return 0
    if argv[:1] == ["--query-worker"]:
        query_worker(
            Path(argv[1]), argv[2], int(argv[3]), float(argv[4]), Path(argv[5]) if argv[5:] else None
        )
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="documents per size, comma-separated")
    parser.add_argument("--json", type=Path, required=True, help="write the figures here")
    parser.add_argument(
        "--queries-only",
        type=Path,
        metavar="STORE",
        help="only time the bundled queries on this existing store (opened read-only), no build",
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ctkg-scale")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="ctkg build --jobs (default: all cores)"
    )
    parser.add_argument(
        "--speedup-size", type=int, help="also build with --jobs 1 at this size (default: first)"
    )
    parser.add_argument(
        "--baseline-max", type=int, default=10_000, help="skip the naive baseline above this N"
    )
    parser.add_argument(
        "--baseline-limit",
        default="600",
        help="stop the baseline after this many CPU seconds, or e.g. 25x: 25 times ctkg's build time",
    )
    parser.add_argument("--query-runs", type=int, default=7)
    parser.add_argument("--query-timeout", type=float, default=300.0, help="stop one query's runs after this")
    parser.add_argument("--jena-runs", type=int, default=5)
    parser.add_argument("--jena-max", type=int, default=10_000, help="skip Jena's SHACL above this N")
    parser.add_argument(
        "--skip",
        type=lambda text: set(text.split(",")),
        default=set(),
        help="leave out steps: queries, jobs (the --jobs 1 build); e.g. to time a store kept with --keep later",
    )
    parser.add_argument("--keep", action="store_true", help="keep stores and N-Quads dumps under --work")
    parser.add_argument("--note", default="", help="what else ran on the machine (stored with the figures)")
    args = parser.parse_args(argv)
    if args.queries_only:
        return queries_only(args)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.speedup_size = args.speedup_size or sizes[0]
    args.work.mkdir(parents=True, exist_ok=True)
    jobs_ok = build_supports_jobs()
    if not jobs_ok:
        print("note: this ctkg build has no --jobs option; building with its defaults", file=sys.stderr)
    figures: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_avg_at_start": os.getloadavg()},
        "note": args.note,
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "sizes": [],
    }  # fmt: skip
    for n in sizes:
        figures["sizes"].append(run_size(n, args, jobs_ok))
        figures["machine"]["load_avg_now"] = os.getloadavg()
        args.json.write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
