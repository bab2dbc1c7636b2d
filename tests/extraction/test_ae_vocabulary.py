from kg.extraction.ae_vocabulary import ae_category, cues, event_phrases, grade_category, names_event, related


def phrases(text: str) -> list[str]:
    return [text[a:b] for a, b in event_phrases(text)]


def test_event_names_by_word_formation_and_common_terms():
    # PMID23154554, PMID1310160, PMID19027483, PMID20573926, PMID27745820
    assert phrases("Cumulative incidence of osteonecrosis of the jaw was similar between groups") == [
        "osteonecrosis of the jaw"
    ]
    assert phrases("Hypocalcemia rates were") == ["Hypocalcemia"]
    assert phrases("Cisplatin induced nausea and vomiting in") == ["nausea and vomiting"]
    assert phrases("the most common adverse events were rash or acne") == ["rash or acne"]
    assert phrases("elevated aminotransferase levels") == ["elevated aminotransferase levels"]
    assert phrases("decreased neutrophil count, pancytopenia, and thrombocytopenia") == [
        "decreased neutrophil count",
        "pancytopenia",
        "thrombocytopenia",
    ]
    assert phrases("1 patient receiving gefitinib died from interstitial lung disease.") == [
        "interstitial lung disease"
    ]
    # PMID15364136, PMID17602060, PMID15117980: a slash, 'with' and 'without' join two events
    assert phrases("and nausea/vomiting (39% versus 15%") == ["nausea/vomiting"]
    assert phrases("thrombosis/embolism (5% versus 3%)") == ["thrombosis/embolism"]
    assert phrases("infection without neutropenia (7% versus 3%)") == ["infection without neutropenia"]
    assert phrases("neutropenia with infections (3.3% v 0.0%; P =.004)") == ["neutropenia with infections"]
    assert phrases("patients with neutropenia") == ["neutropenia"]
    assert phrases("infection with grade 3 or 4 neutropenia (5% versus 2%)") == [
        "infection with grade 3 or 4 neutropenia"
    ]
    # PMID26708155: 'most commonly' is no part of the name
    assert phrases("predominantly grade 1 or 2, most commonly constipation (31 [36%])") == ["constipation"]
    # PMID11870177: a verb ends the name
    assert phrases("The rate of grade 2 to 4 neuropathy increased from 19.9%") == ["neuropathy"]


def test_outcomes_are_no_events():
    assert not names_event("deaths from lung cancer")
    assert not names_event("pain relief")  # PMID23165743
    assert not names_event("local recurrence")
    assert names_event("febrile neutropenia")


def test_categories_and_grades():
    assert ae_category("Grade 3/4 treatment-related AEs") == "grade 3-4"
    assert ae_category("Adverse events of grade 3 or higher") == "grade >=3"
    assert ae_category("Serious adverse events") == "serious"
    assert ae_category("Grade 5 AEs") == "grade 5"
    assert ae_category("Treatment discontinuations due to adverse events") == "leading to discontinuation"
    assert ae_category("Adverse events") == "any"
    assert ae_category("Severe oesophagitis") == "severe"  # PMID25601342
    assert grade_category("grade 3-5") == "grade >=3"  # PMID22341744 'non-laboratory grade 3-5'
    assert grade_category("grade >2") == "grade >=3"  # PMID24462383
    assert grade_category("G3/4") == "grade 3-4"  # PMID23161898
    # grades the common categories do not cover are named as printed: PMID15226327 'Grade 2/3
    # anemia', PMID23165743 'acute grade 2 through 4 toxicity', PMID18990507 'Grade 2 or higher
    # radiation pneumonitis', PMID19738122 'grade > or = 2 CNS hemorrhage', PMID19633473 'grade 2 pneumonitis'
    assert grade_category("Grade 2/3") == "grade 2-3"
    assert grade_category("grade 2 through 4") == "grade 2-4"
    assert grade_category("Grade 2 or higher") == "grade >=2"
    assert grade_category("grade > or = 2") == "grade >=2"
    assert grade_category("grade 2") == "grade 2"
    # PMID23617949 'Grade 2 and 3 pulmonary toxicity was observed in 18% and 5% of patients,
    # respectively': a list of grades, each its own figure, is no one category
    assert grade_category("Grade 2 and 3") is None


def test_cues_skip_bounds_and_qualifiers():
    # PMID17603311 'above grade 2' bounds the figures; PMID22452896 'all being grade 1 or 2' qualifies them
    assert [c for _p, c in cues("pulmonary complications of above grade 2 arose in")] == [None]
    assert cues("had rash or acne), all being grade 1 or 2") == []
    # PMID21264827: the grade in parentheses wins over 'severe'
    assert [c for _p, c in cues("Rates of severe (grade ≥ 3) pneumonitis")] == ["grade >=3"]


def test_treatment_related():
    assert related("Possibly treatment-related laboratory grade 3-4 adverse events")
    assert related("The main cetuximab-related adverse event")
    assert not related("Serious immune-related adverse events")
    assert related("Cisplatin induced nausea and vomiting", frozenset({"cisplatin"}))
    assert related("died of surgical complications")  # PMID25981812
