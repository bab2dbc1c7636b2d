"""SHACL validation of document graphs with the bundled shapes (pySHACL).

Violations block loading; warnings (plausibility: percent vs count, safety population vs
randomised) are reported and let through, since real reports break them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, Graph, Namespace

from kg.resources import bundled_path

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Finding:
    severity: str
    focus: str
    path: str
    message: str
    value: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" (value: {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{value}"


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    g = Graph()
    for path in sorted(bundled_path("shapes").glob("*.ttl")):
        g.parse(path, format="turtle")
    return g


def validate_graph(data: Graph) -> Report:
    from pyshacl import validate

    _, results, _ = validate(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    report = Report()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        severity = results.value(result, SH.resultSeverity)
        report.findings.append(
            Finding(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=str(results.value(result, SH.focusNode) or ""),
                path=str(results.value(result, SH.resultPath) or ""),
                message=" ".join(str(m) for m in results.objects(result, SH.resultMessage)),
                value=str(results.value(result, SH.value) or ""),
            )
        )
    report.findings.sort(key=lambda f: (f.severity != "Violation", f.focus, f.path, f.message))
    return report
