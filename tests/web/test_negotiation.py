from kg.web.negotiation import negotiate

OFFERS = ["text/turtle", "application/n-triples", "application/ld+json"]


def test_no_accept_header_takes_our_first_offer():
    assert negotiate(None, OFFERS) == "text/turtle"
    assert negotiate("", OFFERS) == "text/turtle"


def test_quality_values_decide():
    assert negotiate("text/turtle;q=0.5, application/ld+json", OFFERS) == "application/ld+json"
    assert negotiate("application/n-triples;q=0.9, */*;q=0.1", OFFERS) == "application/n-triples"


def test_the_most_specific_range_sets_an_offers_quality():
    assert negotiate("text/*;q=0.2, text/turtle;q=0, application/*;q=0.5", OFFERS) == "application/n-triples"


def test_wildcards_and_refusals():
    assert negotiate("*/*", OFFERS) == "text/turtle"
    assert negotiate("image/png", OFFERS) is None
    assert negotiate("text/turtle;q=0", OFFERS) is None
