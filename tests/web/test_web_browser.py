"""The pages as a reader sees them, in headless Debian Chromium against a real `ctkg serve`:
the CONTACT-01 page with its efficacy table and forest plot, cross-trial plots, the index
filters, and the SPARQL page running a bundled query.  Screenshots go to test-artifacts/."""

from __future__ import annotations

import math

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

from kg.queries import load_query, run

# From the seed page's abstract: "stratified hazard ratio [HR], 0.88 [95% CI, 0.68 to 1.16]"
# (overall survival) and "stratified HR, 0.74 [95% CI, 0.59 to 0.92]" (progression-free survival).
SEED_HRS = {
    "overall survival": ("0.88", "0.68", "1.16"),
    "progression-free survival": ("0.74", "0.59", "0.92"),
}

_RESOURCES = """
const origin = window.location.origin;
const urls = performance.getEntriesByType("resource").map((e) => e.name);
urls.push(...performance.getEntriesByType("navigation").map((e) => e.name));
const attrs = [];
for (const el of document.querySelectorAll("[href], [src]")) {
  for (const name of ["href", "src"]) {
    const value = el.getAttribute(name);
    if (value !== null) attrs.push(new URL(value, document.baseURI).href);
  }
}
return {origin, urls, attrs};
"""


def assert_only_local(browser, web_url: str) -> None:
    """Everything the page loaded, and everything it links to, is on the loopback origin."""
    seen = browser.execute_script(_RESOURCES)
    assert seen["origin"] == web_url
    assert seen["urls"], "the browser recorded no requests"
    for url in seen["urls"] + seen["attrs"]:
        assert url.startswith(web_url + "/"), f"request or link off this server: {url}"


def test_seed_figures_are_the_seed_texts(seed_text):
    for estimate, lower, upper in SEED_HRS.values():
        assert f"{estimate} [95% CI, {lower} to {upper}]" in seed_text


@pytest.fixture(scope="module")
def contact_page(browser, web_url):
    browser.get(f"{web_url}/trial/nct04471428")  # the IRI's path: 303 to the HTML document
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.ID, "efficacy")))
    return browser


def test_the_contact_01_page_shows_the_seed_hazard_ratios(contact_page, web_url, artifacts):
    assert contact_page.current_url == f"{web_url}/trial/nct04471428.html"
    assert contact_page.find_element(By.TAG_NAME, "h1").text.startswith("CONTACT-01")
    table = {}
    for row in contact_page.find_elements(By.CSS_SELECTOR, "table.efficacy tbody tr"):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        if cells[1].startswith("hazard ratio"):
            table[cells[0]] = (cells[2], cells[3], cells[4])
    plot = [t.text for t in contact_page.find_elements(By.CSS_SELECTOR, "#efficacy svg.forest text.ratio")]
    for endpoint, (estimate, lower, upper) in SEED_HRS.items():
        shown = f"{estimate} ({lower}\u2013{upper})"
        assert table[endpoint] == ("atezolizumab + cabozantinib", "docetaxel", shown)
        assert shown in plot
    assert len(plot) == 2
    contact_page.set_window_size(1300, contact_page.execute_script("return document.body.scrollHeight") + 120)
    assert contact_page.save_screenshot(str(artifacts / "contact-01.png"))
    assert_only_local(contact_page, web_url)


def test_the_forest_plot_puts_each_square_at_its_ratio_on_a_log_axis(contact_page):
    svg = contact_page.find_element(By.CSS_SELECTOR, "#efficacy svg.forest")
    ticks = {
        t.text: float(t.get_attribute("x"))
        for t in svg.find_elements(By.CSS_SELECTOR, "text[text-anchor='middle'][font-size='11']")
    }
    squares = [
        float(r.get_attribute("x")) + 5 for r in svg.find_elements(By.CSS_SELECTOR, "rect[width='10']")
    ]
    assert {"0.5", "1"} <= set(ticks)
    per_log = (ticks["1"] - ticks["0.5"]) / math.log(2)
    for centre, estimate in zip(squares, ("0.88", "0.74"), strict=True):
        assert centre == pytest.approx(ticks["1"] + math.log(float(estimate)) * per_log, abs=0.2)


def test_the_docetaxel_plot_gathers_every_trial_with_a_docetaxel_comparator(browser, web_url, artifacts):
    browser.get(f"{web_url}/forest.html")
    figure = browser.find_element(By.ID, "comparator-docetaxel-overall survival-hazard_ratio")
    lines = [t.text for t in figure.find_elements(By.CSS_SELECTOR, "svg text > tspan[font-weight='600']")]
    ratios = [t.text for t in figure.find_elements(By.CSS_SELECTOR, "svg text.ratio")]
    assert lines == ["CONTACT-01", "CheckMate 017", "CheckMate 057", "NCT00890825"]
    assert ratios[0] == "0.88 (0.68\u20131.16)"
    assert "96%" in ratios[2] and "80%" in ratios[3]  # intervals that are not 95% say so
    browser.set_window_size(1300, browser.execute_script("return document.body.scrollHeight") + 120)
    assert browser.save_screenshot(str(artifacts / "forest.png"))
    assert_only_local(browser, web_url)


def test_the_index_lists_and_filters_trials(browser, web_url, web_store):
    browser.get(f"{web_url}/")
    rows = browser.find_elements(By.CSS_SELECTOR, "#trials tbody tr")
    trials = run(web_store, load_query("trial-summary")).rows
    assert sorted(r.find_element(By.TAG_NAME, "a").text for r in rows) == sorted(t["trial"] for t in trials)
    Select(browser.find_element(By.ID, "f-drug")).select_by_visible_text("nivolumab")
    shown = [r.find_element(By.TAG_NAME, "a").text for r in rows if r.is_displayed()]
    assert sorted(shown) == ["CheckMate 017", "CheckMate 057"]
    assert browser.find_element(By.ID, "f-count").text == f"2 of {len(trials)} trials"
    Select(browser.find_element(By.ID, "f-drug")).select_by_index(0)
    browser.find_element(By.ID, "f-text").send_keys("cabozantinib")
    assert [r.find_element(By.TAG_NAME, "a").text for r in rows if r.is_displayed()] == ["CONTACT-01"]
    assert_only_local(browser, web_url)


def _result_rows(browser, expected: int) -> list[dict[str, str]]:
    """The result table as the page shows it, a dict per row keyed by column header."""

    def ready(driver):
        rows = driver.find_elements(By.CSS_SELECTOR, ".yasr table.dataTable tbody tr")
        return rows if len(rows) == expected else False

    rows = WebDriverWait(browser, 30).until(ready)
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, ".yasr table.dataTable thead th")]
    return [
        dict(zip(headers, (c.text for c in r.find_elements(By.TAG_NAME, "td")), strict=True)) for r in rows
    ]


def test_the_sparql_page_runs_a_bundled_query_on_the_server(browser, web_url, web_store, artifacts):
    browser.get(f"{web_url}/editor")
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".yasqe .CodeMirror")))
    browser.find_element(By.CSS_SELECTOR, "button[data-query='efficacy-results']").click()
    expected = run(web_store, load_query("efficacy-results")).rows
    rows = _result_rows(browser, len(expected))
    contact_hr = [r for r in rows if r["trial"] == "CONTACT-01" and r["statistic"] == "hazard_ratio"]
    assert len(contact_hr) == 2
    assert {(r["estimate"], r["ci_lower"], r["ci_upper"]) for r in contact_hr} == set(SEED_HRS.values())
    # the graph's IRIs in the results open their pages here, not at w3id.org
    links = browser.find_elements(By.CSS_SELECTOR, ".yasr table a.iri")
    assert links and all(a.get_attribute("href").startswith(web_url + "/") for a in links)
    browser.set_window_size(1300, 1400)
    assert browser.save_screenshot(str(artifacts / "sparql.png"))
    assert_only_local(browser, web_url)


def test_a_parameterised_bundled_query_takes_its_value_from_the_page(browser, web_url, web_store):
    browser.get(f"{web_url}/editor")
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".yasqe .CodeMirror")))
    field = browser.find_element(By.CSS_SELECTOR, "input[data-query='trials-by-drug'][data-param='drug']")
    assert field.get_attribute("value") == "docetaxel"  # the example in the query's header
    field.clear()
    field.send_keys("Nivolumab")
    browser.find_element(By.CSS_SELECTOR, "button[data-query='trials-by-drug']").click()
    expected = run(web_store, load_query("trials-by-drug"), {"drug": "Nivolumab"}).rows
    rows = _result_rows(browser, len(expected))
    assert sorted(r["trial"] for r in rows) == sorted(str(e["trial"]) for e in expected)
    assert {r["drug"] for r in rows} == {"nivolumab"}
    assert_only_local(browser, web_url)
