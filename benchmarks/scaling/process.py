"""Running one step of the scale benchmark as a child process and measuring it: wall time,
CPU time, peak memory of its process tree (sampled from /proc), disk used under a folder
(sampled), with time and CPU limits and core pinning."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Measured:
    seconds: float
    peak_tree_rss_mb: float  # the process and its children together, sampled
    max_process_rss_mb: float  # the largest single process (wait4's ru_maxrss)
    cpu_s: float  # user + system CPU of the process and the children it waited for (wait4)
    returncode: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    peak_disk_mb: float = 0.0  # the most the watched folder held while it ran (sampled)


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
    disk: Path | None = None,
) -> Measured:
    """Run a command, sampling its process tree's memory every 0.1 s (and the size of the
    folder ``disk`` every second); output kept in files so a chatty child never blocks on a
    full pipe.  ``cpu_limit`` stops it once its own process has used that much CPU: a limit the
    machine's other work cannot shorten, as a wall-clock one can. ``cpus`` pins it, with its
    threads and children, to those cores."""
    pin = None if cpus is None else (lambda: os.sched_setaffinity(0, cpus))
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=cwd, preexec_fn=pin)
        peak, peak_disk, done = 0, 0, threading.Event()

        def sample() -> None:
            nonlocal peak, peak_disk
            ticks = 0
            while not done.wait(0.1):
                peak = max(peak, _tree_rss_kb(proc.pid))
                ticks += 1
                if disk is not None and ticks % 10 == 0:
                    peak_disk = max(peak_disk, folder_bytes(disk))

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
            peak_disk_mb=peak_disk / 2**20,
        )


def folder_bytes(folder: Path) -> int:
    """Bytes of the files under a folder (0 if it is gone): a store, its staging copy."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):  # removed while walking: a compaction's old file
                total += os.stat(os.path.join(root, name), follow_symlinks=False).st_size
    return total


def check(m: Measured, what: str) -> Measured:
    if m.returncode != 0:
        tail = "\n".join((m.stderr or m.stdout).splitlines()[-15:])
        raise SystemExit(f"{what} failed (exit {m.returncode}):\n{tail}")
    return m


def python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def ctkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]
