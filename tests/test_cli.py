"""The ctkg command as a user runs it: a real process, data on stdout, errors with exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

CTKG = [sys.executable, "-m", "kg.cli"]
COMMANDS = [
    "example",
    "build",
    "validate",
    "queries",
    "query",
    "export",
    "summary",
    "explain",
    "remove",
    "fetch",
    "publish",
    "meta",
]


def ctkg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CTKG, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory, seed_path) -> str:
    location = str(tmp_path_factory.mktemp("cli") / "store")
    done = ctkg("build", str(seed_path), "--store", location)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # progress and reports go to stderr
    assert "loaded" in done.stderr
    return location


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    done = ctkg(command, "--help")
    assert done.returncode == 0 and done.stdout.startswith(f"usage: ctkg {command}")
    if command != "queries":
        assert "--store DIR" in done.stdout


def test_example_builds_validates_and_summarises(tmp_path):
    done = ctkg("example", "--store", str(tmp_path / "s"))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Validation: conforms" in out
    assert "Trial CONTACT-01 (NCT04471428), PMID 38552197" in out
    assert (
        "overall survival hazard_ratio stratified, atezolizumab + cabozantinib vs docetaxel: 0.88 (95% CI 0.68-1.16), p=0.3668"
        in out
    )
    assert "AEs serious, atezolizumab + cabozantinib: 71/185 (38.4%)" in out
    assert "Citations: cited_by 5, cites 3, similar 5, updated_in 1" in out


def test_query_csv_and_json(store):
    done = ctkg("query", "efficacy-results", "--format", "csv", "--store", store)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert {(r["endpoint"], r["statistic"], r["estimate"]) for r in rows} >= {
        ("overall survival", "hazard_ratio", "0.88"),
        ("progression-free survival", "median", "4.6"),
    }
    data = json.loads(
        ctkg(
            "query", "trials-by-drug", "--param", "drug=cabozantinib", "--format", "json", "--store", store
        ).stdout
    )
    assert [r["dose"] for r in data["rows"]] == [40]


def test_query_from_a_file(store, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/ctkg/ontology#Arm> }")
    done = ctkg("query", str(rq), "--format", "csv", "--store", store)
    assert done.stdout.splitlines() == ["n", "2"]


def test_queries_lists_names_and_descriptions():
    out = ctkg("queries").stdout
    assert "trials-by-drug [--param drug=...]" in out and "efficacy-results\n    Efficacy results:" in out


def test_validate_passes_on_the_contact_graph(store):
    done = ctkg("validate", "--store", store)
    assert done.returncode == 0 and "conforms, 0 warning(s)" in done.stdout


def test_export_to_file(store, tmp_path):
    out = tmp_path / "kg.ttl"
    done = ctkg("export", "--format", "ttl", "--out", str(out), "--store", store)
    assert done.returncode == 0 and done.stdout == ""
    assert "CONTACT-01" in out.read_text()


def test_bad_input_names_the_file_and_line_and_writes_nothing(tmp_path, no_ids_text):
    page = tmp_path / "no-ids.txt"
    page.write_text(no_ids_text)
    location = tmp_path / "s"
    done = ctkg("build", str(page), "--store", str(location))
    assert done.returncode == 2
    assert (
        f"{page}:2: no '- PMID:', '- PMCID:' or '- DOI:' line after the title: not a PubMed page"
        in done.stderr
    )
    export = ctkg("export", "--format", "nq", "--store", str(location))
    assert export.returncode == 0 and export.stdout == ""  # the store holds nothing


def test_a_page_cut_short_loads_and_says_what_it_left_out(tmp_path, seed_text):
    page = tmp_path / "cut.txt"
    page.write_text(seed_text[: seed_text.index("PMID: 40801020")])
    done = ctkg("build", str(page), "--store", str(tmp_path / "s"))
    assert done.returncode == 0
    assert "line 40: Cited by entry left out, unreadable: no PMID in entry" in done.stderr
    assert "loaded 1 document(s)" in done.stderr and "(0 violations, 1 warnings;" in done.stderr


def test_unknown_query_and_missing_store_are_errors(tmp_path):
    assert ctkg("query", "nope", "--store", str(tmp_path)).returncode == 2
    done = ctkg("summary", "--store", str(tmp_path / "absent"))
    assert done.returncode == 2 and "no store here" in done.stderr


def test_explain_marks_each_fact_in_its_sentence(store):
    out = ctkg("explain", "--store", store).stdout
    assert "CONTACT-01 | result | hazard ratio of overall survival" in out
    assert "(»stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]; P = .3668«)" in out
    assert "Sentences with numbers that gave no fact: 0" in out


def test_query_restricted_to_a_trial_by_nct_number_or_iri(store):
    every = ctkg("query", "arms", "--format", "csv", "--store", store).stdout
    by_nct = ctkg("query", "arms", "--trial", "nct04471428", "--format", "csv", "--store", store)
    iri = "https://w3id.org/ctkg/id/trial/nct04471428"
    by_iri = ctkg("query", "arms", "--trial", iri, "--format", "csv", "--store", store)
    assert by_nct.returncode == by_iri.returncode == 0
    assert by_nct.stdout == by_iri.stdout and len(every.splitlines()) == 4  # header + 3 drugs
    assert sorted(by_nct.stdout.splitlines()) == sorted(every.splitlines())  # the engine's order
    other = ctkg("query", "arms", "--trial", "https://w3id.org/ctkg/id/trial/other", "--store", store)
    assert other.returncode == 0 and other.stdout.count("\n") == 2  # header and rule, no rows


@pytest.mark.parametrize(
    ("query", "trial", "message"),
    [
        ("sources", "NCT04471428", "--trial: query 'sources' cannot be restricted to a trial"),
        ("arms", "NCT99999999", "no trial with NCT number NCT99999999 in the store"),
        ("arms", "CONTACT-01", "--trial 'CONTACT-01': expected a trial IRI or an NCT number"),
    ],
)
def test_query_trial_errors_are_clear(store, query, trial, message):
    done = ctkg("query", query, "--trial", trial, "--store", store)
    assert done.returncode == 2 and message in done.stderr and done.stdout == ""


def test_query_pages_with_limit_and_offset(store):
    every = ctkg("query", "efficacy-results", "--format", "csv", "--store", store).stdout.splitlines()
    assert len(every) > 4  # header and the CONTACT-01 results, streamed in the engine's order
    pages, offset = [], 0
    while offset < len(every):
        one = ctkg(
            "query",
            "efficacy-results",
            "--limit",
            "2",
            "--offset",
            str(offset),
            "--format",
            "csv",
            "--store",
            store,
        ).stdout.splitlines()
        assert one[0] == every[0] and len(one) <= 3
        pages += one[1:]
        offset += 2
    assert sorted(pages) == sorted(every[1:])
    alone = ctkg("query", "efficacy-results", "--offset", "2", "--store", store)
    assert alone.returncode == 2 and "--limit" in alone.stderr
