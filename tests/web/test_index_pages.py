"""The trial index in pages (kg.web.pages.index_html, kg.paging): a page shows at most N
trials, following its next links from the first page shows every trial of the store exactly
once, each page links back to the one before, and ``ctkg publish`` writes the same pages."""

from __future__ import annotations

import html
import re

from kg.namespaces import DEFAULT_BASE
from kg.queries import load_query, run
from kg.web import pages
from tests.web.test_linked_data import fetch

ROW = re.compile(r'<tr data-drugs[^>]*>\s*<td><a href="[^"]*">([^<]*)</a>')


def _link(page: str, rel: str) -> str | None:
    m = re.search(rf'<a rel="{rel}" href="([^"]+)">', page)
    return m.group(1) if m else None


def test_following_next_links_shows_every_trial_once_at_most_n_a_page(web_store):
    site = pages.Site(DEFAULT_BASE)
    trials = [str(t["trial"]) for t in run(web_store, load_query("trial-summary")).rows]
    assert len(trials) == 4  # CONTACT-01 and three trials with a docetaxel arm
    for size in (1, 3, 4):
        shown, path, before = [], "index.html", None
        while path is not None:
            page = pages.index_html(web_store, site, pages.index_number(path), size)
            names = [html.unescape(n) for n in ROW.findall(page)]
            assert 1 <= len(names) <= size
            assert _link(page, "prev") == before
            shown += names
            before, path = path, _link(page, "next")
        assert sorted(shown) == sorted(trials)
        assert (
            pages.index_html(web_store, site, pages.index_number(before) + 1, size) is None
        )  # past the last


def test_published_index_pages_are_the_served_ones(web_store):
    site = pages.Site(DEFAULT_BASE)
    published = list(pages.index_htmls(web_store, site, size=3))
    assert [path for path, _html in published] == ["index.html", "index-2.html"]
    for path, page in published:
        assert page == pages.index_html(web_store, site, pages.index_number(path), 3)


def test_index_paths_are_numbered_from_the_second_page():
    assert [pages.index_path(n) for n in (1, 2, 10)] == ["index.html", "index-2.html", "index-10.html"]
    assert [pages.index_number(p) for p in ("", "index.html", "index-2.html")] == [1, 1, 2]
    assert [
        pages.index_number(p) for p in ("index-1.html", "index-0.html", "index-02.html", "index-x.html")
    ] == [None] * 4


def test_the_server_has_one_index_page_for_a_small_store(web_url):
    status, _headers, body = fetch(f"{web_url}/")
    assert status == 200 and _link(body.decode(), "next") is None
    assert len(ROW.findall(body.decode())) == 4
    assert fetch(f"{web_url}/index-2.html")[0] == 404
