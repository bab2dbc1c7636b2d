from decimal import Decimal

from kg.extraction.ae_figures import figures
from kg.extraction.text import normalise


def read(text: str) -> list[tuple]:
    norm = normalise(text)
    return [(f.count, f.percent, f.n, norm[f.start : f.end]) for f in figures(norm)]


def test_counts_percents_and_denominators():
    # PMID24331154, PMID22341744, PMID22277837
    assert read("dyspnoea (49 [5%] of 1024 patients in the tecemotide group vs 21 [4%] of 477 patients") == [
        (49, Decimal(5), 1024, "49 [5%] of 1024 patients"),
        (21, Decimal(4), 477, "21 [4%] of 477 patients"),
    ]
    assert read("than in the placebo group (one [<1%] of 180 patients; p<0·0001)") == [
        (1, None, 180, "1 [<1%] of 180 patients")
    ]
    assert read("Rash (98/196 [50%] in the erlotinib group") == [(98, Decimal(50), 196, "98/196 [50%]")]
    # PMID20493771, PMID14736927
    assert read("Serious adverse events were reported in 47 patients (11%) on erlotinib") == [
        (47, Decimal(11), None, "47 patients (11%)")
    ]
    assert read("Seven patients (0.8 percent) died") == [
        (7, Decimal("0.8"), None, "7 patients (0.8 percent)")
    ]


def test_counts_without_percents():
    # PMID25517706: the participants are what is counted
    assert read("(288 events among 204 participants)") == [
        (204, None, None, "288 events among 204 participants")
    ]
    # PMID25601342
    assert [f[0] for f in read("(radiotherapy comparison: eight vs three patients")] == [8, 3]
    # PMID15226327: a count after a count
    assert [
        f[0] for f in read("There were five treatment-related deaths in the DC group and one in the D")
    ] == [5, 1]
    # PMID9250182: one percent sign for both
    assert [f[1] for f in read("(19 vs 3%)")] == [Decimal(19), Decimal(3)]


def test_zeros():
    # PMID20493771, PMID22341744
    assert read("vs none of 445 in the placebo group") == [(0, None, 445, "0 of 445")]
    assert read("neutropenia (none)") == [(0, None, None, "(0)")]


def test_statistics_and_thresholds_are_no_figures():
    # PMID11870177, PMID20556756, PMID26482542
    assert [f[1] for f in read("increased from 19.9% (95% confidence interval [CI], 13.6% to 26.2%)")] == [
        Decimal("19.9")
    ]
    assert read("(RR 4.96, 95%CI 2.17 to 11.37; I(2) 66%; 947 participants)") == []
    assert read("anemia: RR 1.10, 95% 0.53 to 2.31") == []
    # PMID24331154: 'greater than 2%' is a threshold; PMID25981812 'more than one patient'
    assert read("seen with a greater than 2% frequency") == []
    assert read("Grade 3 events occurring in more than one patient") == []
    # a count of who was studied
    assert read("58 patients were enrolled") == []


def test_one_percent_sign_after_a_pair_read_respectively_serves_both():
    # PMC3781502: 'Incidence of adverse events (AEs) was similar for lixisenatide and exenatide, as was
    # incidence of serious AEs (2.8 and 2.2%, respectively).' (before: 2.8 was no figure)
    assert [f[1] for f in read("as was incidence of serious AEs (2.8 and 2.2%, respectively).")] == [
        Decimal("2.8"),
        Decimal("2.2"),
    ]
