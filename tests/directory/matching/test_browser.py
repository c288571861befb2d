"""Browser test: a Czech company publishes a request in Czech, a German supplier gets the
alert, answers in German, and the Czech company reads the answer."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from directory.models import Sector, SourcingRequestPage
from directory.models.alerts import SupplierAlertSetting
from glokal.demo_tools import point_default_site_at
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import path_of
from tests.directory.selfservice.support import PASSWORD

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


def test_czech_request_german_answer(
    chromium, live_site, czech_editor, supplier_editor, staff_user, boards
):
    point_default_site_at(live_site.url)
    profile = UserProfile.get_for_user(czech_editor.user)
    profile.preferred_language = "cs"
    profile.save()
    SupplierAlertSetting.objects.create(
        organisation_key=supplier_editor.page.translation_key, frequency="immediate"
    )

    # The Czech company writes its request in Czech and submits it for review.
    context = chromium.new_context(base_url=live_site.url, locale="cs-CZ", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "czech-editor")
    with page.expect_navigation():
        page.get_by_role("link", name="Zveřejnit poptávku").click()
    page.fill("#id_title", "Soustružené díly CNC z oceli")
    page.select_option("#id_organisation", str(czech_editor.page.pk))
    page.fill("#id_summary", "Hledáme dodavatele soustružených dílů CNC s certifikací IATF 16949.")
    page.fill("#id_description", "Hřídele z oceli 42CrMo4, 8 000 kusů měsíčně.")
    metalworking = Sector.objects.get(slug="metalworking", locale__language_code="cs")
    page.check(f"input[name='sectors'][value='{metalworking.pk}']")
    page.check("input[name='languages'][value='cs']")
    page.check("input[name='languages'][value='de']")
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    page.fill("#id_deadline", deadline.isoformat())
    # The date picker opens (after a short delay) over the footer's buttons and stays open:
    # a click elsewhere in the form closes it, as a person would do.
    open_picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(open_picker).to_have_count(1)
    page.locator("#id_title").click()
    expect(open_picker).to_have_count(0)
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    with page.expect_navigation():
        page.locator("button[name='action-submit']").click()
    request = SourcingRequestPage.objects.get(locale__language_code="cs")
    assert request.workflow_in_progress and not request.live
    context.close()

    # A moderator approves it (the review itself is the self-service's browser test).
    task_state = request.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, staff_user, "approve")
    request.refresh_from_db()
    assert request.live

    # The German supplier hears of it at once, in German, and answers in German.
    (alert,) = OutgoingMail.objects.filter(kind="sourcing", to=["vertrieb@drehteile.example"])
    assert alert.language == "de"
    link = next(word for word in alert.body.split() if "/de/bedarf/" in word)
    context = chromium.new_context(base_url=live_site.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(path_of(link))
    with page.expect_navigation():
        page.get_by_role("link", name="Angebot abgeben").click()
    page.fill("#id_supplier_name", "Erzgebirgische Drehteile GmbH")
    page.fill("#id_contact_name", "Jana Lehmann")
    page.fill("#id_email", "vertrieb@drehteile.example")
    page.select_option("#id_country", "DE")
    page.fill("#id_message", "Wir fertigen Wellen aus 42CrMo4 in Serie und liefern nach Chomutov.")
    page.wait_for_timeout(3_100)  # a person takes a few seconds (the form's spam check)
    with page.expect_navigation():
        page.get_by_role("button", name="Angebot senden").click()
    assert "Ihr Angebot ist eingegangen" in page.content()
    context.close()

    # The Czech company reads the answer in its admin; the address stays hidden.
    context = chromium.new_context(base_url=live_site.url, locale="cs-CZ")
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, "czech-editor")
    with page.expect_navigation():
        page.get_by_role("link", name="Shody a 1 nabídka").click()
    main = page.locator("main").inner_text()
    assert "Wir fertigen Wellen aus 42CrMo4" in main
    assert "Erzgebirgische Drehteile GmbH" in main
    assert "vertrieb@drehteile.example" not in main
    context.close()
