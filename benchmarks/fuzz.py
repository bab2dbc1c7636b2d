"""Fuzz every input format's parser: seeded, deterministic mutations of real documents.

Each case takes one seed document of a format (PubMed page text, PubMed XML, ClinicalTrials.gov
API v2 JSON, legacy ClinicalTrials.gov XML), applies one to three mutations chosen by
``random.Random(f"{seed}:{format}:{case}")`` (so a case is the same bytes on every run and
machine), writes it to a file and reads it the way ``ctkg build`` does: ``read_documents`` and
the mapping to triples.  Every case ends one of four ways:

- ``ok``: the document(s) loaded;
- ``error``: a ``SourceError`` whose message names the file (what a user must get);
- ``crash``: any other exception, or an error that does not name the file (a bug);
- ``hang``: the case took longer than the limit (10 s), or the worker died (the watchdog kills
  a worker stuck for ``--watchdog`` seconds, its traceback kept for the report).

The mutations aim at what broke parsers before: deep JSON/XML nesting, long digit and blank
runs, huge and non-finite numbers, duplicate keys, bogus XML encodings, long prologs, repeated
phrases, lone surrogates, cuts anywhere (mid-number, mid-sentence), random byte damage.

Usage: python benchmarks/fuzz.py [--cases N] [--seed S] [--jobs J] [--format F ...] [--json OUT]
Prints the figures per format; exits 1 if any case crashed or hung.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

SHARED = (Path(__file__).parents[1] / ".." / "shared" / "data").resolve()
LIMIT_S = 10.0
MAX_SEED_BYTES = 400_000  # the two 2 MB search pages would make every case slow; they add nothing
FORMATS = {  # name: (suffix, folders below the data folder, what a seed must contain)
    "pubmed-page": (".txt", ("pool", "abstracts"), b"- PMID:"),
    "pubmed-xml": (".xml", ("pubmed_xml",), b"<PubmedArticleSet"),
    "ctgov-json": (".json", ("ctgov", "ctgov-more"), b"protocolSection"),
    "ctgov-xml": (".xml", ("ctgov", "ctgov-more"), b"<clinical_study"),
}


def seeds(data: Path, fmt: str) -> list[Path]:
    """The seed documents of a format under ``data``, in name order."""
    suffix, folders, marker = FORMATS[fmt]
    found = []
    for folder in folders:
        for p in sorted((data / folder).glob(f"*{suffix}")):
            if p.stat().st_size <= MAX_SEED_BYTES and marker in p.read_bytes()[:200_000]:
                found.append(p)
    return found


# --- mutations ----------------------------------------------------------------------------------

_TOKENS = [
    b"9" * 16_000,
    b"0." + b"7" * 9_000,
    b" " * 20_000,
    b"\t \t" * 3_000,
    b"\n" * 5_000,
    b"grade 3 or 4 " * 10_000,
    b"1e309",
    b"-1e309",
    b"NaN",
    b"Infinity",
    b"12,345.6",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\xed\xa0\x80",  # a UTF-8-encoded lone surrogate
    b"\xff\xfe",
    b"(" * 3_000,
    b"95% CI, " * 2_000,
    b"P < 0.0" + b"0" * 5_000 + b"1",
    "\u202e\u200b\ufeffé中".encode(),
]


def _span(rng: random.Random, data: bytes) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.choice((1, 4, 16, 200, 3_000)))


def _insert(rng: random.Random, data: bytes, chunk: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + chunk + data[at:]


def _flip(rng, data, fmt):
    out = bytearray(data)
    for _ in range(rng.choice((1, 3, 20))):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _token(rng, data, fmt):
    return _insert(rng, data, rng.choice(_TOKENS))


def _delete(rng, data, fmt):
    start, end = _span(rng, data)
    return data[:start] + data[end:]


def _repeat(rng, data, fmt):
    start, end = _span(rng, data)
    times = rng.choice((2, 10, 100, 1_000))
    return data[:start] + data[start:end] * min(times, 300_000 // max(1, end - start)) + data[end:]


def _cut(rng, data, fmt):
    return data[: rng.randrange(len(data) + 1)]


def _cut_in_number(rng, data, fmt):
    """Cut just after a digit that another digit follows: the page ends mid-number."""
    places = [i for i in range(1, len(data) - 1) if data[i - 1 : i + 1].isdigit()]
    return data[: rng.choice(places)] if places else data


def _digits(rng, data, fmt):
    """Replace a number with a very long, huge, non-finite or odd one."""
    places = [i for i in range(len(data)) if data[i : i + 1].isdigit()]
    if not places:
        return data
    at = rng.choice(places)
    end = at
    while end < len(data) and data[end : end + 1].isdigit():
        end += 1
    new = rng.choice(
        (b"9" * rng.choice((20, 400, 4_400, 16_000)), b"1e309", b"-0", b"NaN", b"Infinity", b"12,345.6")
    )
    return data[:at] + new + data[end:]


def _nest(rng, data, fmt):
    depth = rng.choice((50, 999, 1_001, 5_000, 100_000))
    if fmt == "ctgov-json":
        chunk = b"[" * depth + b"1" + b"]" * depth
        at = data.find(b":", rng.randrange(len(data) + 1))
        return data if at < 0 else data[: at + 1] + chunk + b"," + data[at + 1 :]
    if fmt.endswith("xml"):
        chunk = b"<a>" * depth + b"x" + b"</a>" * depth
        at = data.find(b"<", rng.randrange(len(data) + 1))
        return data if at < 0 else data[:at] + chunk + data[at:]
    return _insert(rng, data, b"(" * depth + b"1" + b")" * depth)


def _duplicate_key(rng, data, fmt):
    if fmt != "ctgov-json":
        return _token(rng, data, fmt)
    at = data.find(b'"nctId"') if rng.random() < 0.5 else data.find(b'"', rng.randrange(len(data) + 1))
    end = data.find(b",", at)
    if at < 0 or end < 0:
        return data
    return data[:end] + b"," + data[at:end] + data[end:]


def _json_string(rng, data, fmt):
    if fmt != "ctgov-json":
        return _token(rng, data, fmt)
    chunk = rng.choice((b'"\\ud800"', b'"\\udc00x"', b'"\\u0000"', b'"' + b"\\n" * 5_000 + b'"'))
    at = data.find(b'": "', rng.randrange(len(data) + 1))
    return data if at < 0 else data[: at + 3] + chunk + b", " + data[at + 3 :]


def _xml_head(rng, data, fmt):
    """A bogus or real encoding name, or a long prolog before the root element."""
    if not fmt.endswith("xml"):
        return _token(rng, data, fmt)
    body = data.partition(b"?>")[2] if data.startswith(b"<?xml") else data
    encoding = rng.choice((b"bogus-enc", b"utf-32", b"latin-1", b"UTF-8", b"x" * 300, b"utf_8_sig", b"cp037"))
    prolog = b'<?xml version="1.0" encoding="' + encoding + b'"?>'
    if rng.random() < 0.5:
        prolog += b"\n<!-- " + b"p" * rng.choice((5_000, 70_000)) + b" -->\n"
    return prolog + body


def _entities(rng, data, fmt):
    if not fmt.endswith("xml"):
        return _token(rng, data, fmt)
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(8)
    )
    bomb += b'<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    body = data.partition(b"?>")[2] if data.startswith(b"<?xml") else data
    at = body.find(b">", body.find(b"<") + 1) + 1
    return bomb + body[:at] + rng.choice((b"&i;", b"&e;")) + body[at:]


MUTATIONS = [
    _flip,
    _token,
    _delete,
    _repeat,
    _cut,
    _cut_in_number,
    _digits,
    _digits,
    _nest,
    _duplicate_key,
    _json_string,
    _xml_head,
    _entities,
]


def mutate(seed: int, fmt: str, case: int, documents: list[Path]) -> tuple[str, bytes]:
    """(seed document's name, mutated bytes) of one case: the same on every run."""
    rng = random.Random(f"{seed}:{fmt}:{case}")
    source = rng.choice(documents)
    data = source.read_bytes()
    for _ in range(rng.choice((1, 1, 2, 3))):
        data = rng.choice(MUTATIONS)(rng, data, fmt)
    return source.name, data


# --- running ------------------------------------------------------------------------------------


@dataclass
class Case:
    fmt: str
    case: int
    source: str = ""
    outcome: str = ""
    seconds: float = 0.0
    message: str = ""


def read_case(path: Path) -> tuple[str, str]:
    """(outcome, message) of reading one file as ``ctkg build`` does (parse, then map)."""
    from kg.mapping import document_triples
    from kg.namespaces import base_iri
    from kg.sources import SourceError, read_documents

    try:
        for doc in read_documents(path):
            document_triples(doc, str(base_iri(None)))
    except SourceError as err:
        return ("error" if str(err).startswith(str(path)) else "crash"), str(err)[:300]
    except Exception as err:  # what the harness is here to find
        return "crash", f"{type(err).__name__}: {str(err)[:300]}"
    return "ok", ""


def _worker(tasks, results, seed: int, data: str, watchdog: float, folder: str, log: str) -> None:
    """Take cases until the queue says stop; a case stuck past the watchdog kills this process."""
    documents = {fmt: seeds(Path(data), fmt) for fmt in FORMATS}
    with open(log, "a") as trace:
        while (task := tasks.get()) is not None:
            fmt, case = task
            try:
                name, raw = mutate(seed, fmt, case, documents[fmt])
            except Exception as err:  # a harness bug must not stall the run: it is reported
                results.put(("start", os.getpid(), fmt, case, "?"))
                results.put(("done", os.getpid(), fmt, case, ("crash", 0.0, f"harness: {err!r}")))
                continue
            path = Path(folder) / f"{os.getpid()}-{fmt}-{case}{FORMATS[fmt][0]}"
            path.write_bytes(raw)
            results.put(("start", os.getpid(), fmt, case, name))
            faulthandler.dump_traceback_later(watchdog, exit=True, file=trace)
            start = time.monotonic()
            outcome, message = read_case(path)
            seconds = time.monotonic() - start
            faulthandler.cancel_dump_traceback_later()
            path.unlink()
            results.put(("done", os.getpid(), fmt, case, (outcome, seconds, message)))


@dataclass
class Summary:
    cases: int = 0
    outcomes: Counter = field(default_factory=Counter)
    over_limit: int = 0
    netted: int = 0  # errors named only by read_documents' safety net: no parser check caught them
    slowest: list[tuple[float, int, str]] = field(default_factory=list)
    problems: list[Case] = field(default_factory=list)


def run(
    cases: int,
    seed: int = 0,
    jobs: int = 2,
    formats: list[str] | None = None,
    data: Path = SHARED,
    watchdog: float = 60.0,
) -> dict[str, Summary]:
    """Run ``cases`` cases per format on ``jobs`` worker processes; a summary per format."""
    import kg.mapping  # noqa: F401  (imported before the workers fork: they start warm)
    import kg.sources.ctgov  # noqa: F401
    import kg.sources.pubmed_page  # noqa: F401
    import kg.sources.pubmed_xml  # noqa: F401

    formats = formats or list(FORMATS)
    ctx = multiprocessing.get_context("fork")
    tasks, results = ctx.Queue(), ctx.Queue()
    for fmt in formats:
        for n in range(cases):
            tasks.put((fmt, n))
    summaries = {fmt: Summary() for fmt in formats}
    with tempfile.TemporaryDirectory(prefix="ctkg-fuzz-") as folder:
        log = str(Path(folder) / "watchdog.log")
        args = (tasks, results, seed, str(data), watchdog, folder, log)
        workers = {}
        for _ in range(jobs):
            p = ctx.Process(target=_worker, args=args, daemon=True)
            p.start()
            workers[p.pid] = p
        running: dict[int, Case] = {}
        left = cases * len(formats)
        while left:
            try:
                kind, pid, fmt, case, info = results.get(timeout=1.0)
            except Exception:  # queue.Empty: look for a dead worker
                for pid, p in list(workers.items()):
                    if not p.is_alive():
                        del workers[pid]
                        if pid in running:
                            dead = running.pop(pid)
                            dead.outcome, dead.seconds = "hang", watchdog
                            dead.message = f"worker died (exit {p.exitcode}); see the watchdog traceback"
                            _record(summaries[dead.fmt], dead)
                            left -= 1
                        fresh = ctx.Process(target=_worker, args=args, daemon=True)
                        fresh.start()
                        workers[fresh.pid] = fresh
                continue
            if kind == "start":
                running[pid] = Case(fmt, case, info)
                continue
            done = running.pop(pid)
            done.outcome, done.seconds, done.message = info
            if (
                done.outcome == "ok"
                and done.seconds > LIMIT_S
                or done.outcome == "error"
                and done.seconds > LIMIT_S
            ):
                done.message = f"took {done.seconds:.1f} s. {done.message}"
            _record(summaries[fmt], done)
            left -= 1
        for _ in workers:
            tasks.put(None)
        for p in workers.values():
            p.join(timeout=5)
        if Path(log).exists() and Path(log).stat().st_size:
            print(Path(log).read_text()[:4000], file=sys.stderr)
    return summaries


def _record(summary: Summary, case: Case) -> None:
    summary.cases += 1
    summary.outcomes[case.outcome] += 1
    summary.netted += case.outcome == "error" and "a value cannot be read:" in case.message
    if case.seconds > LIMIT_S:
        summary.over_limit += 1
    summary.slowest = sorted([*summary.slowest, (round(case.seconds, 3), case.case, case.source)])[-3:]
    if (
        case.outcome in ("crash", "hang")
        or case.seconds > LIMIT_S
        or "a value cannot be read:" in case.message
    ):
        summary.problems.append(case)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=1_000, help="cases per format (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--format", action="append", choices=list(FORMATS))
    ap.add_argument("--data", type=Path, default=SHARED, help="folder with pool/, pubmed_xml/, ctgov/...")
    ap.add_argument("--watchdog", type=float, default=60.0, help="seconds before a stuck case is killed")
    ap.add_argument("--json", type=Path, help="write every figure and problem here")
    args = ap.parse_args(argv)
    start = time.monotonic()
    summaries = run(args.cases, args.seed, args.jobs, args.format, args.data, args.watchdog)
    bad = 0
    for fmt, s in summaries.items():
        o = s.outcomes
        print(
            f"{fmt:12} {s.cases:>6} cases: ok {o['ok']}, errors naming the file {o['error']},"
            f" crashes {o['crash']}, hangs {o['hang']}, over {LIMIT_S:g} s {s.over_limit},"
            f" caught only by the safety net {s.netted};"
            f" slowest {s.slowest[-1][0] if s.slowest else 0:.2f} s"
        )
        for p in s.problems[:20]:
            print(f"   {p.outcome} case {p.case} ({p.source}, {p.seconds:.1f} s): {p.message}")
        bad += o["crash"] + o["hang"] + s.over_limit
    print(f"{time.monotonic() - start:.0f} s in all, seed {args.seed}")
    if args.json:
        figures = {
            f: {**vars(s), "outcomes": dict(s.outcomes), "problems": [asdict(p) for p in s.problems]}
            for f, s in summaries.items()
        }
        args.json.write_text(json.dumps(figures, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
