"""Drug names in sentences of the shared documents: the maintained dictionary, its filter to
agents given to patients, the INN stems and the document's own abbreviations."""

from __future__ import annotations

import pytest

from kg.extraction.drug_dictionary import index
from kg.extraction.lexicon import drug_abbreviations, find_drugs, is_drug_name
from kg.model import Drug
from kg.normalize import normalize_drug


def names(text: str, abbreviations: dict[str, str] | None = None) -> list[str]:
    return [name for name, _start, _end in find_drugs(text, abbreviations)]


def printed(text: str) -> list[str]:
    return [text[start:end] for _name, start, end in find_drugs(text)]


# agents the hand list never knew, read from the dictionary
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # PMID18263663
            "Varenicline, a new treatment for smoking cessation, has demonstrated significantly "
            "greater efficacy over placebo and sustained release bupropion (bupropion SR).",
            ["varenicline", "placebo", "bupropion", "bupropion"],
        ),
        (  # PMID10561343
            "Phase III study of concurrent versus sequential thoracic radiotherapy in combination "
            "with mitomycin, vindesine, and cisplatin in unresectable stage III non-small-cell lung "
            "cancer.",
            ["mitomycin", "vindesine", "cisplatin"],
        ),
        (  # PMID8127329
            "METHODS: We performed a randomized, double-blind, placebo-controlled primary-prevention "
            "trial to determine whether daily supplementation with alpha-tocopherol, beta carotene, or "
            "both would reduce the incidence of lung cancer and other cancers.",
            ["placebo", "alpha-tocopherol", "beta carotene"],
        ),
        (  # PMID22341744: generic agents stay found
            "Of these, 539 patients were randomly assigned to receive continuation maintenance with "
            "pemetrexed plus best supportive care (n=359) or with placebo plus best supportive care "
            "(n=180).",
            ["pemetrexed", "best supportive care", "placebo", "best supportive care"],
        ),
    ],
)
def test_agents_of_any_field_are_found(sentence, expected):
    assert names(sentence) == expected


def test_multi_word_names_and_spellings_are_one_mention_of_the_generic_name():
    # PMID16603599
    sentence = (
        "A phase III trial of docetaxel/carboplatin versus mitomycin C/ifosfamide/cisplatin (MIC) "
        "or mitomycin C/vinblastine/cisplatin (MVP) in patients with advanced non-small-cell lung cancer"
    )
    assert printed(sentence) == ["docetaxel", "carboplatin", "mitomycin C", "ifosfamide", "cisplatin",
                                 "mitomycin C", "vinblastine", "cisplatin"]  # fmt: skip
    assert names(sentence)[2] == "mitomycin"
    # PMID18263663: a product names its agent
    sentence = (
        "A study was undertaken to compare a 12-week standard regimen of varenicline with a "
        "10-week standard regimen of transdermal nicotine replacement therapy (NRT) for smoking cessation."
    )
    assert names(sentence) == ["varenicline", "nicotine"]
    assert printed(sentence)[1] == "nicotine replacement therapy"


def test_brand_names_and_codes_give_the_generic_name():
    # PMID15329413
    sentence = (
        "Five of seven tumors sensitive to erlotinib (Tarceva), a related kinase inhibitor for which "
        "the clinically relevant target is undocumented, had analogous somatic mutations"
    )
    assert names(sentence) == ["erlotinib", "erlotinib"]
    # PMID1646292: a short code printed in capitals, and MGBG
    sentence = (
        "Six hundred eighty assessable patients with measureable stage III M1, non-small-cell lung "
        "cancer (NSCLC) were randomized to one of five treatment arms including cisplatin, etoposide "
        "(VP-16) +/- methylglyoxal bisguanylhydrazone (MGBG; PVp, PVpM)"
    )
    assert names(sentence) == ["cisplatin", "etoposide", "etoposide", "mitoguazone"]
    assert normalize_drug(Drug(name="Chantix")).name == "varenicline"
    assert normalize_drug(Drug(name="Zyban")).name == "bupropion"


def test_the_curated_lexicon_wins_over_the_dictionary():
    """The dictionary reads Abraxane as 'paclitaxel (with albumin)'; the curated lexicon keeps
    nab-paclitaxel a drug of its own, with its mechanism class."""
    assert names("Abraxane") == ["nab-paclitaxel"]
    assert normalize_drug(Drug(name="CBDCA")).drug_class == "PlatinumCompound"


@pytest.mark.parametrize(
    "sentence",
    [
        # PMID20573926 (gefitinib is the agent; receptor and enzyme names are not)
        "BACKGROUND: Non-small-cell lung cancer with sensitive mutations of the epidermal growth factor "
        "receptor (EGFR) is highly responsive to EGFR tyrosine kinase inhibitors such as gefitinib",
        # PMID23724913
        "BACKGROUND: In single-group studies, chromosomal rearrangements of the anaplastic lymphoma "
        "kinase gene (ALK) have been associated with marked clinical responses to crizotinib, an oral "
        "tyrosine kinase inhibitor targeting ALK.",
        # PMID27718847
        "with increased activity in tumors that express programmed death ligand 1 (PD-L1).",
    ],
)
def test_receptors_enzymes_and_classes_are_not_agents(sentence):
    assert set(names(sentence)) <= {"gefitinib", "crizotinib"}
    for name in ("epidermal growth factor receptor", "tyrosine kinase", "anaplastic lymphoma kinase",
                 "programmed death ligand 1", "tyrosine kinase inhibitors", "monoclonal antibodies"):  # fmt: skip
        assert index().agent(name) is None, name


@pytest.mark.parametrize(
    "sentence",
    [
        # PMID20881644: gene symbols
        "METHODS: Mutations of EGFR, ERBB2, ERBB3, ERBB4, KRAS, NRAS, BRAF, PTEN, PIK3CA, LKB1, and "
        "AKT1 genes were determined by direct sequencing in 173 surgically resected NSCLCs",
        # PMID27413075: laboratory values
        "The most common laboratory abnormalities were anemia (56%), increased aspartate "
        "aminotransferase (51%), increased alkaline phosphatase (47%)",
        # PMID20065181: a lung-function measure
        "Mean forced expiratory volume in 1 second and diffusing capacity of lung for carbon monoxide "
        "were 1.39 L and 12.0 mL/min/mmHg for wedge versus",
        # PMID10551237: a tracer's systematic name
        "To meta-analytically compare 2-[fluorine 18]fluoro-2-deoxy-D-glucose positron emission "
        "tomography (PET) and computed tomography",
        # PMID11509268, PMID24116349: numbers that look like codes (AT-10, CT-1)
        "development of a metachronous lesion was 51% at 5 years and 20% at 10 years.",
        "One hundred patients receiving surveillance PET/CT 1-year after lobectomy",
        # PMID10655437: English words on the -cept stem
        "This new concept has been largely validated by the Response Evaluation Criteria in Solid Tumors",
        # more patients: 'more' is a brand of pancreatic enzymes in the dictionary
        "more patients",
    ],
)
def test_genes_measures_and_common_words_are_not_agents(sentence):
    assert names(sentence) == []


def test_a_new_agent_is_found_by_its_inn_stem():
    for name in ("olomorasib", "firmonertinib", "iparomlimab"):
        assert index().agent(name) is None, name  # not in the dictionary
        assert is_drug_name(name)
    assert not is_drug_name("intercept")
    assert names("a nonpemetrexed doublet") == []  # PMID26811519: what is not given


def test_a_document_abbreviation_names_its_drug():
    # PMID23154554
    text = (
        "We present survival data for the subset of patients with lung cancer, participating in the "
        "phase 3 trial of denosumab versus zoledronic acid (ZA) in the treatment of bone metastases. "
        "Patients were randomized 1:1 to receive monthly subcutaneous denosumab 120 mg or "
        "intravenous ZA 4 mg."
    )
    abbreviations = drug_abbreviations(text)
    assert abbreviations == {"ZA": "zoledronic acid"}
    assert names(text.split(". ")[1], abbreviations) == ["denosumab", "zoledronic acid"]
    # PMID10561343: a regimen's acronym is not its last drug
    assert drug_abbreviations("A pilot study of mitomycin, vindesine, and cisplatin (MVP) induction") == {}


def test_letters_after_the_word_vitamin_each_name_a_vitamin():
    # PMC3616124: 'a randomized controlled trial in which 10,154 low-risk women received daily vitamin C and
    # E, or placebo' (before: 'E' was no drug, and the arm gave 'e supplementation')
    text = "10,154 low-risk women received daily vitamin C and E, or placebo, from 9-16 weeks gestation"
    assert names(text) == ["ascorbic acid", "vitamin e", "placebo"]
    assert printed(text) == ["vitamin C", "E", "placebo"]


def test_an_organisms_product_is_not_the_organism():
    # PMC1065070: 'sheep received Escherichia coli lipopolysaccharide 15 ng/kg per min intravenously for 6
    # hours (n = 7) or oleic acid 0.06 ml/kg intravenously over 30 min (n = 7)'
    assert names("sheep received Escherichia coli lipopolysaccharide 15 ng/kg per min") == []
