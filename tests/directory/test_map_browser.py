"""The result map in a browser: city labels in the visitor's language that no dot covers,
every number readable, and axe finds nothing."""

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
