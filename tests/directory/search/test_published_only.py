"""The search shows what is published: an editor's draft changes nothing until it is approved.

Drafts are saved the way organisation editors save them, through the admin's edit view.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from directory.models import OrganisationPage, Sector
from tests.directory.selfservice.support import page_edit_data

pytestmark = pytest.mark.django_db

API = "/api/v3/directory/search/"
WORD = "Quantenschweißen"
DRAFT_TITLE = "Aachener Zauberwerk GmbH"


def api(**query):
    return Client().get(API, {"locale": "de", **query}).json()


def titles(**query):
    return [result["title"] for result in api(**query)["results"]]


def page_shows(index, query):
    html = Client().get(index.url, {"q": query}).content.decode()
    return DRAFT_TITLE in html or "Muster Fräsen GmbH" in html


def edit(client, page, action=None, **changes):
    """POST the admin edit form of `page` with `changes`: a draft unless `action` says more."""
    sector = Sector.objects.get(slug="glass-ceramics", locale=page.locale)
    data = page_edit_data(
        page,
        title=DRAFT_TITLE,
        summary=f"Neu: {WORD} für Kleinserien.",
        seeks=streamfield(
            [("seek", {"kind": "partners", "title": "Partner für Pulverbeschichtung"})]
        ),
        **changes,
    )
    data["sectors"] = [str(sector.pk)]
    if action:
        data[f"action-{action}"] = action
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_draft_changes_nothing_in_the_search_until_it_is_published(
    editor_client, editor, other_organisation, staff_user, directory_indexes
):
    index = directory_indexes["de"]
    before = api(sort="name")
    assert [r["title"] for r in before["results"]] == ["Fremde Werke AG", "Muster Fräsen GmbH"]

    edit(editor_client, editor.page, size="large", country="CZ")
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    assert page.has_unpublished_changes and page.get_latest_revision_as_object().title == (
        DRAFT_TITLE
    )

    # Neither the made-up word nor the draft's title, sector or request are found, and the
    # order by name and every facet count (size and country included) stay as published.
    assert titles(q=WORD) == []
    assert titles(q="Aachener Zauberwerk") == []
    assert titles(q="Pulverbeschichtung") == []
    assert not page_shows(index, WORD)
    after_draft = api(sort="name")
    assert after_draft["results"] == before["results"]
    assert after_draft["facets"] == before["facets"]
    assert titles(seeking="1") == []
    assert titles(sector="glass-ceramics") == []

    # Submitted and approved: now the search follows.
    edit(editor_client, page, action="submit", size="large")
    staff = Client()
    staff.force_login(staff_user)
    task_state = OrganisationPage.objects.get(pk=page.pk).current_workflow_state
    response = staff.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    assert titles(q=WORD) == [DRAFT_TITLE]
    assert page_shows(index, WORD)
    assert titles(sort="name") == [DRAFT_TITLE, "Fremde Werke AG"]
    assert titles(seeking="1") == [DRAFT_TITLE]
    assert titles(sector="glass-ceramics") == [DRAFT_TITLE]
    assert titles(size="large") == [DRAFT_TITLE]

    # Unpublished: gone again.
    response = staff.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    assert titles(q=WORD) == []
    assert titles(sort="name") == ["Fremde Werke AG"]


def test_a_new_page_saved_as_draft_is_not_found(staff_user, directory_indexes):
    index = directory_indexes["de"]
    staff = Client()
    staff.force_login(staff_user)
    data = page_edit_data(
        OrganisationPage(
            title="Entwurf Neuling AG",
            slug="entwurf-neuling",
            org_type="company",
            summary=f"Noch unveröffentlicht: {WORD}.",
            city="Pirna",
            country="DE",
            size="small",
            languages="de",
        )
    )
    response = staff.post(
        reverse("wagtailadmin_pages:add", args=["directory", "organisationpage", index.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert OrganisationPage.objects.filter(slug="entwurf-neuling").exists()
    assert titles(q=WORD) == []
    assert titles() == []
    assert api()["facets"]["region"] == [] and api()["count"] == 0
