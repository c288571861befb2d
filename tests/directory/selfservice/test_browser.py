"""Browser test: an organisation editor changes the description, submits it, staff approve."""

import pytest
from django.contrib.auth.models import Group

from directory.selfservice.permissions import add_editor
from directory.selfservice.workflow import MODERATORS_GROUP
from glokal.demo_tools import point_default_site_at
from tests.directory.selfservice.support import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


@pytest.fixture
def live_directory(live_site, organisation, other_organisation):
    """The live server with a directory of two organisations, each with a contact (not the
    whole demo: transactional tests share nothing, so each would load all of it again)."""
    point_default_site_at(live_site.url)
    return live_site


def test_editor_change_goes_live_after_approval(chromium, live_directory, organisation):
    editor = make_user("browser-editor", first_name="Erika")
    add_editor(organisation, editor)
    # A moderator of the communications team: no page permissions of their own, the review
    # task lets them in.
    moderator = make_user("browser-moderator")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    # Playwright's wait_for_function evaluates its predicate with eval(), which the admin's
    # Content-Security-Policy refuses; the page's own scripts run under the policy as usual.
    context = chromium.new_context(base_url=live_directory.url, locale="de-DE", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "browser-editor")
    # The start page names the organisation and leads to its editor; the admin speaks the
    # site's default language, German, to a user who has chosen none.
    page.get_by_role("link", name="Profil bearbeiten").first.click()
    page.wait_for_url(f"**/admin/pages/{organisation.pk}/edit/")
    description = page.locator('[data-contentpath="description"] [contenteditable="true"]')
    description.scroll_into_view_if_needed()
    description.locator("[data-block] >> nth=-1").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Neu: Laserschneiden bis 25 mm Blechstärke.")
    # Draftail writes its content to the hidden form field once typing pauses.
    page.keyboard.press("Tab")
    page.wait_for_function(
        "document.getElementById('id_description').value.includes('Laserschneiden bis 25')"
    )
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    organisation.refresh_from_db()
    assert organisation.workflow_in_progress
    assert "Laserschneiden bis 25 mm" in organisation.get_latest_revision_as_object().description
    page.goto(organisation.url)
    assert "Laserschneiden bis 25 mm" not in page.content()
    context.close()

    context = chromium.new_context(base_url=live_directory.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "browser-moderator")
    page.goto(f"/admin/pages/{organisation.pk}/edit/")
    approve = page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    )
    if not approve.is_visible():
        page.locator(
            "footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']"
        ).first.click()
    with page.expect_navigation():
        approve.click()
    page.wait_for_load_state()

    organisation.refresh_from_db()
    assert not organisation.workflow_in_progress
    page.goto(organisation.url)
    assert "Neu: Laserschneiden bis 25 mm Blechstärke." in page.locator("main").inner_text()
    context.close()


def test_contact_selected_from_results(browser_page, live_directory):
    """Ticking organisations keeps the results in place; "Contact selected" opens the form."""
    browser_page.goto("/de/verzeichnis/")
    boxes = browser_page.locator("input[name='org']")
    names = [browser_page.locator(".result__title a").nth(i).inner_text() for i in range(2)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    # The live search must not reload the results and lose the ticks.
    browser_page.wait_for_timeout(500)
    assert boxes.nth(0).is_checked() and boxes.nth(1).is_checked()
    with browser_page.expect_navigation():
        browser_page.locator("button[data-contact-selected]").click()
    assert "/de/verzeichnis/contact/" in browser_page.url
    recipients = browser_page.locator(".selfservice-recipients").inner_text()
    assert names[0] in recipients and names[1] in recipients
    assert browser_page.locator("#id_sender_name").is_visible()
