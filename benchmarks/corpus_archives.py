"""The generated corpus in the forms the sources publish it whole, written one member at a time:

- ``studies.zip``: ClinicalTrials.gov API v2 bulk download, one ``NCTxxxxxxxx.json`` per study
  (the generator's records as they are);
- ``AllPublicXML.zip``: the retired legacy download, folders ``NCTxxxx0000/`` of
  ``clinical_study`` XML, and its ``Contents.txt``; the same studies' protocols (the legacy
  results layout is not generated: a record there reads as one without posted results);
- ``pubmed26n0001.xml.gz``: a PubMed baseline file, one gzip'd ``PubmedArticleSet`` of the
  generated abstracts (title, ids, journal, year, labelled abstract sections).
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import generate_corpus as gc

FORMS = ("studies.zip", "AllPublicXML.zip", "pubmed26n0001.xml.gz")


def write_archives(n: int, seed: int, out: Path, forms: tuple[str, ...] = FORMS) -> list[Path]:
    """Write the chosen forms of an ``n``-document corpus into ``out``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    writers = {
        "studies.zip": _studies_zip,
        "AllPublicXML.zip": _all_public_xml,
        "pubmed26n0001.xml.gz": _pubmed_gz,
    }
    for form in forms:
        writers[form](n, seed, out / form)
    return [out / form for form in forms]


def _studies_zip(n: int, seed: int, path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(n):
            record = json.dumps(gc.registry_record(seed, i, n), ensure_ascii=False, indent=2)
            z.writestr(_member(f"{gc.nct_id(i)}.json"), record)


def _all_public_xml(n: int, seed: int, path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(_member("Contents.txt"), f"{n} studies\n")
        for i in range(n):
            nct = gc.nct_id(i)
            z.writestr(_member(f"{nct[:7]}xxxx/{nct}.xml"), legacy_xml(gc.registry_record(seed, i, n)))


def _member(name: str) -> zipfile.ZipInfo:
    """A member stamped with a fixed date: the same seed gives the same archive bytes."""
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _pubmed_gz(n: int, seed: int, path: Path) -> None:
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed:
        f = io.TextIOWrapper(packed, encoding="utf-8")
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>\n')
        for i in range(n):
            f.write(pubmed_article(seed, i, n))
        f.write("</PubmedArticleSet>\n")
        f.flush()
        f.detach()


def _el(tag: str, text: object, **attrs: str) -> str:
    attributes = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{tag}{attributes}>{escape(str(text))}</{tag}>"


LEGACY_WORDS = {  # API v2 enumerations as the legacy XML printed them
    "INTERVENTIONAL": "Interventional", "RANDOMIZED": "Randomized", "PARALLEL": "Parallel Assignment",
    "TREATMENT": "Treatment", "DOUBLE": "Double", "NONE": "None (Open Label)", "DRUG": "Drug",
    "EXPERIMENTAL": "Experimental", "PLACEBO_COMPARATOR": "Placebo Comparator",
    "ACTIVE_COMPARATOR": "Active Comparator", "COMPLETED": "Completed", "RECRUITING": "Recruiting",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting", "TERMINATED": "Terminated",
    "ACTUAL": "Actual", "ESTIMATED": "Anticipated",
}  # fmt: skip


def legacy_xml(study: dict) -> str:
    """The protocol of an API v2 study as a legacy ``clinical_study`` record."""
    p = study["protocolSection"]
    ident, status, design = p["identificationModule"], p["statusModule"], p["designModule"]
    info, arms = design["designInfo"], p["armsInterventionsModule"]
    word = LEGACY_WORDS.get
    enrollment = design["enrollmentInfo"]
    parts = [
        "<id_info>",
        _el("org_study_id", ident["orgStudyIdInfo"]["id"]),
        *(_el("secondary_id", s["id"]) for s in ident["secondaryIdInfos"]),
        _el("nct_id", ident["nctId"]),
        "</id_info>",
        _el("brief_title", ident["briefTitle"]),
        _el("acronym", ident["acronym"]),
        _el("official_title", ident["officialTitle"]),
        f"<sponsors><lead_sponsor>{_el('agency', p['sponsorCollaboratorsModule']['leadSponsor']['name'])}"
        "<agency_class>Industry</agency_class></lead_sponsor></sponsors>",
        _el("overall_status", word(status["overallStatus"])),
        _el("start_date", status["startDateStruct"]["date"]),
        _el("completion_date", status["completionDateStruct"]["date"]),
        _el("phase", "/".join(f"Phase {ph.removeprefix('PHASE')}" for ph in design["phases"])),
        _el("study_type", word(design["studyType"])),
        "<study_design_info>",
        _el("allocation", word(info["allocation"])),
        _el("intervention_model", word(info["interventionModel"])),
        _el("primary_purpose", word(info["primaryPurpose"])),
        _el("masking", word(info["maskingInfo"]["masking"])),
        "</study_design_info>",
        *(
            f"<{tag}>{_el('measure', o['measure'])}{_el('time_frame', o['timeFrame'])}</{tag}>"
            for key, tag in (
                ("primaryOutcomes", "primary_outcome"),
                ("secondaryOutcomes", "secondary_outcome"),
            )
            for o in p["outcomesModule"][key]
        ),
        _el("enrollment", enrollment["count"], type=word(enrollment["type"])),
        *(_el("condition", c) for c in p["conditionsModule"]["conditions"]),
        *(
            f"<arm_group>{_el('arm_group_label', g['label'])}{_el('arm_group_type', word(g['type']))}</arm_group>"
            for g in arms["armGroups"]
        ),
        *(
            f"<intervention>{_el('intervention_type', word(iv['type']))}{_el('intervention_name', iv['name'])}"
            + "".join(_el("arm_group_label", a) for a in iv["armGroupLabels"])
            + "</intervention>"
            for iv in arms["interventions"]
        ),
        "<eligibility><criteria>"
        + _el("textblock", p["eligibilityModule"]["eligibilityCriteria"])
        + "</criteria><gender>All</gender><minimum_age>18 Years</minimum_age></eligibility>",
        *(
            f"<results_reference>{_el('citation', r['citation'])}{_el('PMID', r['pmid'])}</results_reference>"
            for r in p.get("referencesModule", {}).get("references", [])
        ),
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<clinical_study>\n  '
        + "\n  ".join(parts)
        + "\n</clinical_study>\n"
    )


def pubmed_article(seed: int, i: int, n: int) -> str:
    """Generated abstract ``i`` as a ``PubmedArticle``: the page's title, ids and labelled
    sections (read back from the page, so both forms print the same abstract)."""
    text, _facts = gc.abstract_page(seed, i, n)
    page = gc._Page(seed, i, n)
    lines = text.splitlines()
    ids = dict(line[2:].split(": ", 1) for line in lines[1:4] if line.startswith("- ") and ": " in line)
    start = lines.index("Abstract") + 1
    end = lines.index("Conflict of interest statement")
    sections = [line.split(": ", 1) for line in lines[start:end]]
    abstract = "".join(_el("AbstractText", body, Label=label.upper()) for label, body in sections)
    article_ids = _el("ArticleId", ids["DOI"], IdType="doi") + (
        _el("ArticleId", ids["PMCID"], IdType="pmc") if "PMCID" in ids else ""
    )
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">{_el("PMID", ids["PMID"], Version="1")}'
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate>'
        f"{_el('Year', page.trial.year)}</PubDate></JournalIssue>{_el('ISOAbbreviation', page.journal)}</Journal>"
        f"{_el('ArticleTitle', lines[0])}<Abstract>{abstract}</Abstract>"
        f"<PublicationTypeList>{_el('PublicationType', 'Randomized Controlled Trial', UI='D016449')}"
        f"</PublicationTypeList></Article></MedlineCitation>"
        f"<PubmedData><ArticleIdList>{_el('ArticleId', ids['PMID'], IdType='pubmed')}{article_ids}"
        f"</ArticleIdList></PubmedData></PubmedArticle>\n"
    )
