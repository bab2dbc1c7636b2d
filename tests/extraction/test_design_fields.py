"""How a trial was run (kg.extraction.design.blinding, multicenter), from the shared pages: the
masking of the randomised comparison, not of a later phase; the design words of a title."""

from __future__ import annotations

from pool_pages import trial_of

from kg.extraction.design import allocation_ratio, blinding, randomized, registry_ids


def test_an_open_label_drug_after_progression_is_not_the_trials_blinding():
    # PMID27987585 (IUNO): the randomised maintenance phase was blinded
    text = (
        "Patients were randomized to receive blinded maintenance erlotinib 150mg/day ('early erlotinib') or"
        " placebo. Those who progressed on placebo received open-label erlotinib ('late erlotinib'); patients"
        " who progressed on erlotinib received approved second-line chemotherapy or best supportive care."
    )
    assert blinding(text) is None
    assert trial_of("27987585").blinding is None


def test_an_open_label_trial_is_open_label():
    # PMID28602779
    assert (
        blinding(
            "Ceritinib versus chemotherapy in patients with ALK-rearranged non-small-cell lung cancer previously"
            " given chemotherapy and crizotinib (ASCEND-5): a randomised, controlled, open-label, phase 3 trial."
        )
        == "open-label"
    )


def test_multicentre_in_the_title_only_is_read():
    # PMID15226327: '...: a randomized, multicenter phase III trial.' (the abstract does not repeat it)
    assert trial_of("15226327").multicenter is True


def test_assigned_randomly_or_at_random_is_randomised():
    # PMC1190216 (jayded/evidence-inference, annotations/abstracts, MIT)
    assert randomized("Female alpacas were assigned randomly to 6 groups (n = 15 to 17 per group).") is True
    # PMID8814371 (pool): 'They were allocated at random to receive thoracic RT with either 17 Gy in two
    # fractions (F2) 1 week apart (255 patients) or 39 Gy in 13 fractions (F13) 5 days per week (254 patients).'
    assert (
        randomized("They were allocated at random to receive thoracic RT with either 17 Gy in two fractions")
        is True
    )
    # a pool page: 'PATIENTS AND METHODS: Patients were assigned to the two treatment arms.' (no word of chance)
    assert randomized("Patients were assigned to the two treatment arms.") is None


def test_a_non_randomised_study_is_not_randomised():
    # PMID27080216 (pool): before, 'randomised' inside 'non-randomised' made it randomised
    assert (
        randomized(
            "In this phase 2, multicentre, non-randomised, open-label study, we enrolled previously treated and "
            "untreated patients with stage IV metastatic BRAF(V600E)-positive NSCLC."
        )
        is False
    )


def test_randomised_trials_a_report_calls_for_are_not_its_design():
    # PMID24982447 (pool), a propensity-matched comparison: 'These results will need further validation by
    # prospective, randomized trials (eg, Cancer and Leukemia Group B 140503 trial).'
    assert randomized("These results will need further validation by prospective, randomized trials.") is None
    assert trial_of("24982447").randomized is None
    # PMID27269741 (pool), CheckMate 032: '... support the evaluation of nivolumab and nivolumab plus ipilimumab
    # in phase 3 randomised controlled trials in SCLC'
    assert trial_of("27269741").randomized is None
    # a randomised trial that calls for a further one still is one: PMID15701857 (pool), '...: a
    # multicenter, randomized, phase II trial.' and 'Comparing either of these two regimens to
    # platinum-based therapies in a large randomized trial is warranted.'
    assert trial_of("15701857").randomized is True


def test_a_registry_number_printed_with_a_space_after_its_prefix_is_read():
    # PMID18583190: 'This trial is registered on the ClinicalTrials.gov website, number NCT 00176137.'
    # PMC3143315: 'Trial registration ... ISRCTN 80978588'
    assert trial_of("18583190").registry_ids == ["NCT00176137"]
    assert trial_of("PMC3143315").registry_ids == ["ISRCTN80978588"]
    assert registry_ids("registered as NCT\u201000552175 and NCT01234567") == ["NCT00552175", "NCT01234567"]


def test_an_allocation_ratio_is_read_where_it_names_itself_or_follows_the_allocating_verb():
    # PMC115849 (jayded/evidence-inference, annotations/abstracts, MIT): no 'random' in its sentence
    assert (
        allocation_ratio(
            "Patients received either placebo, etoricoxib 90 mg once daily, or naproxen 500 mg twice daily"
            " (2:2:1 allocation ratio)."
        )
        == "2:2:1"
    )
    # PMID25170012 (PROFILE 1007, ../shared/data/pool): assigned, not randomised, in its sentence
    assert (
        allocation_ratio("Patients were assigned (1:1) to receive crizotinib 250 mg orally twice daily")
        == "1:1"
    )
    # PMC3504074 (jayded/evidence-inference): printed with spaces
    assert (
        allocation_ratio("were randomized 1 : 1 to receive methotrexate (7\u00b75\u201315 mg weekly)")
        == "1:1"
    )


def test_a_ratio_of_other_things_is_no_allocation_ratio():
    # PMID7815787 (../shared/data/pool): a sex ratio with a decimal, after 'underwent resection'
    assert (
        allocation_ratio(
            "From 1973 to 1985, 598 patients underwent resection for stage I non-small-cell lung cancer. There were 291 T1 lesions and 307 T2 lesions. The male/female ratio was 1.9:1."
        )
        is None
    )


def test_a_page_printing_typographic_hyphens_is_read_as_with_plain_ones():
    # PMC5008205 (tests/fixtures/pool): 'This AWARD\u20105 study was a multicentre, double\u2010blind trial ...'
    # with U+2010 hyphens (before: no blinding and no acronym)
    trial = trial_of("PMC5008205")
    assert (trial.blinding, trial.acronym) == ("double-blind", "AWARD-5")
