"""Shared fixtures: the CONTACT-01 example parsed, mapped and loaded into an in-memory store; quoted
abstract sections read by the extractor (``read``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from servers import OxigraphServer, VirtuosoServer

from kg.build import build
from kg.extraction import extract_trial
from kg.model import (
    AbstractSection,
    Arm,
    Drug,
    Evidence,
    Intervention,
    ParticipantCount,
    SourceDocument,
    Trial,
)
from kg.namespaces import DEFAULT_BASE
from kg.resources import bundled_path
from kg.sources import read_document

FIXTURES = Path(__file__).parent / "fixtures"
SEED = bundled_path("examples", "contact-01.pubmed.txt")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def no_ids_text(seed_text: str) -> str:
    """The seed without its PMID, PMCID and DOI lines: not a PubMed page."""
    return seed_text.replace("- PMID: 38552197\n- PMCID: PMC11227305\n- DOI: 10.1200/JCO.23.02166\n", "")


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


@pytest.fixture(scope="session")
def background_store():
    """PMID16820547 (varenicline, bupropion or placebo, 'plus weekly brief smoking cessation
    counseling') built as ``ctkg build`` would: a trial with care every arm received."""
    store = pyoxigraph.Store()
    build([FIXTURES / "pool" / "PMID16820547.txt"], store, progress=lambda _m: None)
    return store


@pytest.fixture()
def phase_2_only(monkeypatch):
    """The shapes with one more structural rule, which CONTACT-01 ('Phase III') breaks: a
    real page breaks no Violation rule (what extraction misses is a Warning), so a test of
    what a Violation does needs a rule of its own."""
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import SH

    import kg.validate

    shapes = Graph()
    shapes += kg.validate.shapes_graph()
    shapes.add((Namespace("https://w3id.org/ctkg/shapes#")["Trial-phase"], SH.pattern, Literal("^2$")))
    monkeypatch.setattr(kg.validate, "shapes_graph", lambda: shapes)


FLAURA = FIXTURES / "abstracts" / "PMID29151359.txt"  # FLAURA: osimertinib vs gefitinib or erlotinib


@pytest.fixture(scope="session")
def two_trials_store():
    """CONTACT-01 and FLAURA: a combination arm, a chemotherapy arm and an either-or arm."""
    store = pyoxigraph.Store()
    build([SEED, FLAURA], store, progress=lambda _m: None)
    return store


def quoted(section: str, sentence: str, quote: str) -> Evidence:
    """Evidence for ``quote`` where it stands in ``sentence`` (a sentence of a shared document)."""
    start = sentence.index(quote)
    return Evidence(section=section, sentence=sentence, start=start, end=start + len(quote))


def _arms(*labels: str, kind: str = "drug") -> list[Arm]:
    return [
        Arm(label=label, interventions=[Intervention(drug=Drug(name=label), kind=kind)]) for label in labels
    ]


def _flow_trials() -> dict[str, Trial]:
    """The participant flow four real abstracts print, as ``ParticipantCount`` records: the
    counts a reader of these sentences gives, arm by arm or for the whole trial."""
    lux = "A total of 1,269 patients were screened, and 345 were randomly assigned to treatment."
    z0030 = (
        "Of 1111 patients randomized, 1023 (mediastinal lymph node sampling in 498, mediastinal lymph"
        " node dissection in 525) were eligible and evaluable."
    )
    keynote = (
        "Three hundred five patients were randomly assigned (pembrolizumab, n = 154; chemotherapy, n = 151)."
    )
    crossed = "Eighty-two patients assigned to chemotherapy crossed over on study to receive pembrolizumab."
    ascend = (
        "Between Jan 24, 2011, and July 31, 2013, 255 patients were enrolled and received at least one"
        " dose of ceritinib 750 mg/day, of whom 246 had ALK-rearranged NSCLC."
    )
    stopped = (
        "At data cutoff (April 14, 2014), median follow-up was 11·1 months (IQR 6·7-15·2) and 147 (60%)"
        " patients had discontinued treatment, 98 (40%) as a result of disease progression."
    )
    sampling, dissection = "mediastinal lymph node sampling", "mediastinal lymph node dissection"
    z_all = "1023 (mediastinal lymph node sampling in 498, mediastinal lymph node dissection in 525) were eligible"
    c = ParticipantCount
    return {
        "PMID23816960": Trial(
            acronym="LUX-Lung 3",
            randomized=True,
            arms=_arms("afatinib", "cisplatin plus pemetrexed"),
            participant_flow=[
                c(
                    stage="screened",
                    count=1269,
                    evidence=quoted("RESULTS", lux, "1,269 patients were screened"),
                ),
                c(
                    stage="randomized",
                    count=345,
                    evidence=quoted("RESULTS", lux, "345 were randomly assigned"),
                ),
            ],
        ),
        "PMID21335122": Trial(
            acronym="Z0030",
            randomized=True,
            arms=_arms(sampling, dissection, kind="procedure"),
            participant_flow=[
                c(
                    stage="randomized",
                    count=1111,
                    evidence=quoted("RESULTS", z0030, "1111 patients randomized"),
                ),
                c(stage="eligible", count=1023, evidence=quoted("RESULTS", z0030, z_all)),
                c(stage="evaluable", count=1023, evidence=quoted("RESULTS", z0030, z_all + " and evaluable")),
                *(
                    c(stage=stage, count=n, arm=arm, evidence=quoted("RESULTS", z0030, f"{arm} in {n}"))
                    for stage in ("eligible", "evaluable")
                    for arm, n in ((sampling, 498), (dissection, 525))
                ),
            ],
        ),
        "PMID30620668": Trial(
            acronym="KEYNOTE-024",
            randomized=True,
            arms=_arms("pembrolizumab", "chemotherapy"),
            participant_flow=[
                c(
                    stage="randomized",
                    count=305,
                    evidence=quoted("RESULTS", keynote, "Three hundred five patients were randomly assigned"),
                ),
                c(
                    stage="randomized",
                    count=154,
                    arm="pembrolizumab",
                    evidence=quoted("RESULTS", keynote, "pembrolizumab, n = 154"),
                ),
                c(
                    stage="randomized",
                    count=151,
                    arm="chemotherapy",
                    evidence=quoted("RESULTS", keynote, "chemotherapy, n = 151"),
                ),
                c(
                    stage="crossed over",
                    count=82,
                    arm="chemotherapy",
                    evidence=quoted(
                        "RESULTS", crossed, "Eighty-two patients assigned to chemotherapy crossed over"
                    ),
                ),
            ],
        ),
        "PMID26973324": Trial(
            acronym="ASCEND-1",
            registry_ids=["NCT01283516"],
            randomized=False,
            arms=_arms("ceritinib"),
            participant_flow=[
                c(
                    stage="enrolled",
                    count=255,
                    evidence=quoted("FINDINGS", ascend, "255 patients were enrolled"),
                ),
                c(
                    stage="treated",
                    count=255,
                    evidence=quoted("FINDINGS", ascend, "received at least one dose of ceritinib 750 mg/day"),
                ),
                c(
                    stage="discontinued",
                    count=147,
                    percent=Decimal(60),
                    evidence=quoted("FINDINGS", stopped, "147 (60%) patients had discontinued treatment"),
                ),
            ],
        ),
    }


def flow_documents() -> list[SourceDocument]:
    """The four pages as the page parser reads them (publication, abstract sections), each
    with the trial ``_flow_trials`` gives it in place of the one extraction reads, so these
    fixtures do not move when extraction does."""
    trials = _flow_trials()
    docs = []
    for name, trial in trials.items():
        page = FIXTURES / "flow" / f"{name}.txt"
        doc = read_document(page if page.is_file() else FIXTURES / "abstracts" / f"{name}.txt")
        sections = {s.label: s.text for s in doc.abstract}
        assert all(c.evidence.sentence in sections[c.evidence.section] for c in trial.participant_flow)
        doc.trial = trial
        docs.append(doc)
    return docs


@pytest.fixture(scope="session")
def flow_store():
    """The four pages with their participant flow, mapped and loaded as ``ctkg build`` would."""
    from kg.mapping import document_graph
    from kg.stores.embedded import replace_graphs

    store = pyoxigraph.Store()
    replace_graphs(store, [document_graph(doc, DEFAULT_BASE) for doc in flow_documents()])
    return store


_DL_CHECK = """
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.*;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
public class DLCheck {
  public static void main(String[] a) throws Exception {
    OWLOntologyManager m = OWLManager.createOWLOntologyManager();
    for (int i = 1; i + 1 < a.length; i += 2)  // IRI, local file: imports resolve offline
      m.addIRIMapper(new SimpleIRIMapper(IRI.create(a[i]), IRI.create(new java.io.File(a[i + 1]))));
    OWLOntology o = m.loadOntologyFromOntologyDocument(new java.io.File(a[0]));
    OWLProfileReport r = new OWL2DLProfile().checkOntology(o);
    int n = 0;
    for (OWLOntology x : o.getImportsClosure()) n += x.getAxiomCount();
    System.out.println("axioms=" + n);
    for (OWLProfileViolation v : r.getViolations()) System.out.println("VIOLATION " + v);
    System.out.println("in-profile=" + r.isInProfile());
  }
}
"""


def dl_check(path: Path, work: Path, mappings: dict[str, Path] | None = None) -> tuple[int, list[str]]:
    """(axioms in the imports closure, OWL 2 DL profile violations) as the OWL API inside
    owlready2's HermiT.jar reports them; ``mappings`` resolve imported IRIs to local files."""
    import subprocess

    import owlready2

    jar = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
    source = work / "DLCheck.java"
    source.write_text(_DL_CHECK)
    pairs = [str(x) for iri, file in (mappings or {}).items() for x in (iri, file)]
    run = subprocess.run(
        ["java", "-cp", str(jar), str(source), str(path), *pairs], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    axioms = int(run.stdout.split("axioms=")[1].split()[0])
    violations = [line for line in run.stdout.splitlines() if line.startswith("VIOLATION")]
    assert ("in-profile=true" in run.stdout) == (not violations), run.stdout[-2000:]
    return axioms, violations


@pytest.fixture
def oxigraph(tmp_path):
    server = OxigraphServer(tmp_path / "oxigraph").start()
    yield server
    server.kill()


@dataclass
class Reading:
    """A trial read from quoted sections; arms are named in assertions by what they give (as the
    shared gold does), never by their generated labels."""

    trial: Trial

    def arm(self, label: str) -> Arm:
        return next(a for a in [*self.trial.arms, *self.trial.groups] if a.label == label)

    def drugs(self, label: str | None) -> frozenset[str]:
        """What the arm a result names gives (empty for no arm)."""
        return frozenset(self.arm(label).drug_names) if label else frozenset()

    def members(self, label: str) -> list[Arm]:
        """The arms a label covers: the arm itself, or each arm of a pooled factorial group."""
        arm = self.arm(label)
        return [self.arm(m) for m in arm.pooled_from] if arm.pooled_from else [arm]


@pytest.fixture(scope="session")
def read():
    """read(title, (label, text), ...) -> Reading of the trial those sections of a real abstract
    report, through ``kg.extraction.extract_trial`` (the pipeline's arms, roles, pooled groups
    and abbreviations)."""

    def _read(title: str, *sections: tuple[str, str]) -> Reading:
        trial = extract_trial(title, [AbstractSection(label=label, text=text) for label, text in sections])
        assert trial is not None, "the sections report a trial"
        return Reading(trial)

    return _read


@pytest.fixture
def virtuoso(tmp_path):
    server = VirtuosoServer(tmp_path / "virtuoso").start()
    yield server
    server.kill()
