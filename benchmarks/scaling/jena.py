"""Apache Jena's SHACL on the same graph and shapes as ctkg's whole-store validation: a small
Java harness (benchmarks/jena/ShaclBench.java) compiled at run time against Debian's Jena jars,
timed warm (inside one JVM) and cold (a fresh JVM); the findings of both compared."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from scaling.process import check, measure

BENCHMARKS = Path(__file__).resolve().parents[1]
HARNESS = BENCHMARKS / "jena" / "ShaclBench.java"
SHAPES = BENCHMARKS.parent / "shapes" / "ctkg-shapes.ttl"
JAVA_DIR = Path("/usr/share/java")
# Debian's Jena jars and what they need; the rest of /usr/share/java is left off: with every
# jar on the class path Jena meets two SLF4J bindings (slf4j-log4j12 next to log4j-over-slf4j)
JENA_JARS = (
    "jena-arq", "jena-base", "jena-core", "jena-iri", "jena-shacl", "commons-cli", "commons-codec",
    "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
    "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
    "protobuf", "thrift", "slf4j-api", "slf4j-nop", "titanium-json-ld", "jakarta.json-api",
)  # fmt: skip


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
