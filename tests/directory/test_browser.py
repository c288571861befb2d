"""Browser tests of the directory: facets update results in place, and work without JavaScript."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def directory(live_site, make_org, directory_indexes):
    make_org(
        title="Elbtal Präzisionsteile",
        region="DED21",
        sectors=["metalworking"],
        latitude="51.07",
        longitude="13.70",
    )
    make_org(title="Dresdner Softwarehaus", region="DED21", sectors=["it"])
    make_org(title="Freitaler Edelstahl", region="DED2F", sectors=["metalworking"])
    make_org(title="Görlitzer Waggonbau", region="DED2D", sectors=["rail-vehicles", "metalworking"])
    make_org(title="Zittauer Textil", region="DED2D", sectors=["textiles"])
    return directory_indexes["de"]


def count_text(page):
    return page.locator("#directory-count").inner_text()


def facet_option(page, facet, value):
    return page.locator(f'input[name="{facet}"][value="{value}"]')


def facet_count(page, facet, value):
    label = page.locator("label.facet__option", has=facet_option(page, facet, value))
    return int(re.search(r"\((\d+)\)", label.inner_text()).group(1))


def test_choosing_two_facets_updates_counts_and_results_then_a_profile_opens(
    browser_page, directory
):
    page = browser_page
    page.goto(directory.url)
    assert count_text(page).startswith("5")
    assert facet_count(page, "sector", "metalworking") == 3

    facet_option(page, "region", "DED21").check()
    page.wait_for_url(re.compile(r"region=DED21"))
    page.wait_for_function("document.querySelector('#directory-count').innerText.startsWith('2')")
    # Disjunctive: the other regions keep their counts, the sectors follow the region.
    assert facet_count(page, "region", "DED2D") == 2
    assert facet_count(page, "sector", "metalworking") == 1
    assert facet_option(page, "region", "DED21").is_checked()

    facet_option(page, "sector", "metalworking").check()
    page.wait_for_url(re.compile(r"sector=metalworking"))
    page.wait_for_function("document.querySelector('#directory-count').innerText.startsWith('1')")
    results = page.locator(".result__title a")
    assert results.all_inner_texts() == ["Elbtal Präzisionsteile"]
    assert page.locator(".directory-map__point").count() == 1

    # The state is a shareable URL: loading it afresh shows the same selection.
    page.reload()
    assert count_text(page).startswith("1")
    assert facet_option(page, "sector", "metalworking").is_checked()

    results.first.click()
    page.wait_for_url(re.compile(r"/de/verzeichnis/organisation-\d+/$"))
    assert page.locator("h1").inner_text() == "Elbtal Präzisionsteile"


def test_filters_work_without_javascript(chromium, live_site, directory):
    context = chromium.new_context(
        base_url=live_site.url, java_script_enabled=False, locale="de-DE"
    )
    page = context.new_page()
    try:
        page.goto(directory.url)
        facet_option(page, "region", "DED2D").check()
        page.locator(".directory-facets__apply").click()
        page.wait_for_url(re.compile(r"region=DED2D"))
        assert count_text(page).startswith("2")
        assert sorted(page.locator(".result__title a").all_inner_texts()) == [
            "Görlitzer Waggonbau",
            "Zittauer Textil",
        ]
    finally:
        context.close()
