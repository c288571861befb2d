"""The result map in a browser: city labels in the visitor's language that no dot covers, a
full view readable on a phone and reached without JavaScript, and axe finds nothing."""

import pytest

from tests.site.accessibility_audit import run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DRESDEN = ("51.05", "13.74")
LIBEREC = ("50.77", "15.06")
EXPECTED_LABELS = {
    "de": {"Dresden", "Chemnitz", "Reichenberg", "Aussig", "Karlsbad"},
    "cs": {"Drážďany", "Saská Kamenice", "Liberec", "Ústí nad Labem", "Karlovy Vary"},
}
# Each label's box, and whether the topmost element at its centre (scrolled into view, the
# map's frame too) is the label itself.
LABELS_SCRIPT = """() => Array.from(document.querySelectorAll('.directory-map__label')).map(label => {
    label.scrollIntoView({block: "center", inline: "center"});
    const box = label.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {name: label.textContent, height: box.height, onTop: top === label};
})"""
# The numbers no label or other dot covers.
NUMBERS_SCRIPT = """() => Array.from(document.querySelectorAll('.directory-map__point text'))
    .filter(number => {
        number.scrollIntoView({block: "center", inline: "center"});
        const box = number.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === number;
    }).map(number => number.textContent).sort()"""
PIN_NUMBER_HEIGHT = """() => Math.min(...Array.from(
    document.querySelectorAll('.directory-map__point text'),
    number => number.getBoundingClientRect().height))"""


@pytest.fixture
def directory(live_site, make_org, directory_indexes):
    # Organisations on the spots of two labelled cities, several at one address.
    for language in ("de", "cs"):
        for number in range(4):
            latitude, longitude = DRESDEN if number % 2 else LIBEREC
            make_org(
                language=language,
                title=f"Werkstatt {language} {number}",
                region="DED21",
                latitude=latitude,
                longitude=longitude,
            )
    return directory_indexes


def axe_tab(chromium, live_site, width):
    # axe-core is injected, which the site's Content-Security-Policy would refuse.
    context = chromium.new_context(
        base_url=live_site.url, viewport={"width": width, "height": 812}, bypass_csp=True
    )
    return context, context.new_page()


@pytest.mark.parametrize("language", ["de", "cs"])
def test_city_labels_are_in_the_visitors_language_and_no_dot_covers_them(
    chromium, live_site, directory, language
):
    context, page = axe_tab(chromium, live_site, 1280)
    try:
        page.goto(directory[language].url)
        page.locator(".directory-map > summary").click()

        labels = page.evaluate(LABELS_SCRIPT)
        assert EXPECTED_LABELS[language] <= {label["name"] for label in labels}
        assert [label["name"] for label in labels if not label["onTop"]] == []
        assert page.evaluate(NUMBERS_SCRIPT) == ["1", "2", "3", "4"]
        assert run_axe(page) == []
    finally:
        context.close()


def test_an_open_map_stays_open_when_the_results_are_swapped(browser_page, directory):
    page = browser_page
    page.goto(directory["de"].url)
    page.locator(".directory-map > summary").click()
    page.select_option("#directory-sort", "newest")
    page.wait_for_url("**sort=newest")
    page.wait_for_function("() => !document.querySelector('[aria-busy=true]')")
    assert page.locator(".directory-map[open] .directory-map__point").count() == 4


def test_the_full_view_is_reached_without_javascript_and_readable_at_375_px(
    chromium, live_site, directory
):
    url = directory["de"].url
    context = chromium.new_context(
        base_url=live_site.url, viewport={"width": 375, "height": 812}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(url + "?sort=name")
        page.get_by_text("Karte: wo die 4 Organisationen dieser Seite sitzen").click()
        page.get_by_role("link", name="Karte in voller Größe öffnen").click()
        page.wait_for_url(f"**{url}map/?sort=name")
        assert page.locator(".map-legend li").all_inner_texts()[0].startswith("1\nWerkstatt de 0")
    finally:
        context.close()

    context, page = axe_tab(chromium, live_site, 375)
    try:
        page.goto(url + "map/?sort=name")
        labels = page.evaluate(LABELS_SCRIPT)
        # As large as the map's own 14 px labels and 12 px numbers, not shrunk to the screen.
        assert min(label["height"] for label in labels) >= 14
        assert page.evaluate(PIN_NUMBER_HEIGHT) >= 12
        assert [label["name"] for label in labels if not label["onTop"]] == []
        # The map scrolls sideways inside its frame; the page itself does not.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        frame = page.locator(".directory-map__frame")
        assert frame.evaluate("frame => frame.scrollWidth > frame.clientWidth")
        assert run_axe(page) == []
    finally:
        context.close()
