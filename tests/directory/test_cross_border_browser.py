"""Browser test: a German profile reaches Czech readers at once; a person translates it in
wagtail-localize's editor and Czech visitors read the translation."""

import re

import pytest
from wagtail.users.models import UserProfile

from directory.models import OrganisationPage
from glokal.demo_tools import point_default_site_at
from tests.directory.selfservice.support import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_translating_a_profile_in_the_admin_and_reading_it_in_czech(chromium, live_site, make_org):
    point_default_site_at(live_site.url)
    german = make_org(
        title="Muster Fräsen GmbH", summary="Fräsen und Drehen in Görlitz.", in_every_language=True
    )
    czech = OrganisationPage.objects.get(
        translation_key=german.translation_key, locale__language_code="cs"
    )
    translator = make_user("translator", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "en"
    profile.save()

    context = chromium.new_context(base_url=live_site.url, locale="cs-CZ")
    page = context.new_page()
    page.set_default_timeout(20_000)

    # A Czech visitor finds the German profile at once, told it is written in German.
    page.goto(czech.url)
    notice = page.locator(".translation-notice")
    assert notice.inner_text().strip() == "Tento profil je napsán německy."
    assert page.locator("main").get_attribute("lang") == "de"

    page.goto("/admin/login/")
    page.fill("#id_username", "translator")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")

    page.goto(f"/admin/pages/{czech.pk}/edit/")
    summary = page.locator("li", has_text="Fräsen und Drehen in Görlitz.").last
    summary.get_by_role("button", name="Translate").click()
    page.locator("textarea").fill("Frézování a soustružení v Görlitzu.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_selector("text=Frézování a soustružení v Görlitzu.")
    page.get_by_role("button", name=re.compile(r"^Publish in ")).click()
    page.wait_for_load_state("networkidle")

    page.goto(czech.url)
    assert page.locator(".lead").inner_text().strip() == "Frézování a soustružení v Görlitzu."
    # Partly translated (the title and the rest still in German): the notice says so.
    assert "Části této stránky ještě nejsou přeloženy z němčiny." in page.content()
    context.close()
