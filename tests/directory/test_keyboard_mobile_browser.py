"""The directory for keyboard, screen-reader and phone users: a filter ticked with the keyboard
keeps focus, the title and a live region say the new count, paging moves focus to the results,
and on a phone the first result comes before the filters."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def directory(live_site, make_org, directory_indexes):
    for number in range(22):
        region = "DED2D" if number % 2 else "DED21"
        make_org(title=f"Lausitzer Werkstatt {number:02d}", region=region, sectors=["metalworking"])
    return directory_indexes["de"]


def test_ticking_a_filter_with_the_keyboard_keeps_focus_and_announces_the_count(
    browser_page, directory
):
    page = browser_page
    page.goto(directory.url)
    page.locator('input[name="region"][value="DED2D"]').focus()
    page.keyboard.press("Space")
    page.wait_for_function("() => document.title.startsWith('11 Organisationen')")

    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["region", "DED2D"]
    assert page.locator("#directory-announcer").inner_text() == "11 Organisationen"
    assert page.title() == "11 Organisationen · 1 Filter · Verzeichnis · Glokal"
    # The chip of the new filter removes it again with one click.
    page.get_by_role("link", name=re.compile("Region: ")).click()
    page.wait_for_function("() => document.title.startsWith('22 Organisationen')")
    assert not page.locator('input[name="region"][value="DED2D"]').is_checked()


def test_paging_moves_focus_to_the_results_heading(browser_page, directory):
    page = browser_page
    page.goto(directory.url)
    page.get_by_role("navigation", name="Ergebnisseiten").get_by_role("link", name="2").click()
    page.wait_for_url(re.compile(r"page=2"))
    page.wait_for_function("() => document.title.includes('Seite 2 von 2')")
    assert page.evaluate("document.activeElement.id") == "directory-count"


def test_on_a_phone_the_first_result_is_on_the_first_screen_and_filters_open_on_demand(
    chromium, live_site, directory
):
    context = chromium.new_context(
        base_url=live_site.url, viewport={"width": 375, "height": 812}, locale="de-DE"
    )
    page = context.new_page()
    try:
        page.goto(directory.url + "?sector=metalworking")
        first_result = page.locator(".result").first.bounding_box()
        assert first_result["y"] < 812
        toggle = page.get_by_text("Filter (1 aktiv)")
        region = page.locator('input[name="region"][value="DED2D"]')
        assert not region.is_visible()
        toggle.click()
        assert region.is_visible()
    finally:
        context.close()
