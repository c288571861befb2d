"""Browser smoke test: each language's home page renders and the switcher keeps the page."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("de", "Partner finden über die sächsisch-tschechische Grenze"),
        ("cs", "Najděte partnery přes česko-saskou hranici"),
        ("en", "Find partners across the Saxon–Czech border"),
    ],
)
def test_home_page_renders_in_each_language(browser_page, live_site_pages, code, heading):
    browser_page.goto(f"/{code}/")
    assert browser_page.locator("html").get_attribute("lang") == code
    assert browser_page.locator("h1").inner_text() == heading


def test_switcher_moves_between_translations_of_the_same_page(browser_page, live_site_pages):
    browser_page.goto("/de/projekt/")
    browser_page.get_by_role("navigation", name="Sprache").get_by_role("link", name="CS").click()
    browser_page.wait_for_url("**/cs/projekt/")
    assert browser_page.locator("h1").inner_text() == "Projekt"
    browser_page.get_by_role("navigation", name="Jazyk").get_by_role("link", name="EN").click()
    browser_page.wait_for_url("**/en/project/")
    assert browser_page.locator("h1").inner_text() == "The project"


def test_skip_link_is_the_first_thing_a_keyboard_user_reaches(browser_page, live_site_pages):
    browser_page.goto("/en/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
