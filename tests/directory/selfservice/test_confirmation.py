"""Only the organisation confirms that its profile is current; other saves leave the date alone."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from directory.models import OrganisationPage
from tests.directory.selfservice.support import page_edit_data, translate

pytestmark = pytest.mark.django_db

CONFIRMED = datetime.date(2025, 1, 15)
TODAY = datetime.date(2026, 5, 4)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 5, 4, 9, 0), tick=False):
        yield


@pytest.fixture
def confirmed_editor(editor):
    """An organisation editor whose profile was last confirmed on CONFIRMED."""
    OrganisationPage.objects.filter(pk=editor.page.pk).update(last_confirmed=CONFIRMED)
    return editor


def last_confirmed(page):
    return OrganisationPage.objects.get(pk=page.pk).last_confirmed


def edit(client, page, action=None, **changes):
    data = page_edit_data(page, **changes)
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def approve(client, staff_user, page):
    page = OrganisationPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(staff_user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_staff_edit_and_publish_do_not_confirm(client, staff_user, confirmed_editor):
    client.force_login(staff_user)
    response = edit(client, confirmed_editor.page, "publish", summary="Tippfehler korrigiert.")
    assert response.status_code == 302
    assert OrganisationPage.objects.get(pk=confirmed_editor.page.pk).summary == (
        "Tippfehler korrigiert."
    )
    assert last_confirmed(confirmed_editor.page) == CONFIRMED


def test_saving_and_publishing_in_code_do_not_confirm(confirmed_editor):
    page = OrganisationPage.objects.get(pk=confirmed_editor.page.pk)
    page.summary = "Vom Import geändert."
    page.save()
    page.save_revision().publish()
    assert last_confirmed(page) == CONFIRMED


def test_editors_draft_does_not_confirm(editor_client, confirmed_editor):
    response = edit(editor_client, confirmed_editor.page, summary="Ein Entwurf.")
    assert response.status_code == 302
    assert last_confirmed(confirmed_editor.page) == CONFIRMED


def test_editors_submission_confirms_once_a_moderator_approves_it(
    client, staff_user, confirmed_editor
):
    client.force_login(confirmed_editor.user)
    edit(client, confirmed_editor.page, "submit", summary="Jetzt auch Laserschneiden.")
    assert last_confirmed(confirmed_editor.page) == CONFIRMED  # submitted, not yet published
    approve(client, staff_user, confirmed_editor.page)
    page = OrganisationPage.objects.get(pk=confirmed_editor.page.pk)
    assert page.summary == "Jetzt auch Laserschneiden."
    assert page.last_confirmed == TODAY


def test_submission_edited_by_the_moderator_still_confirms(client, staff_user, confirmed_editor):
    client.force_login(confirmed_editor.user)
    edit(client, confirmed_editor.page, "submit", summary="Laserschneiden bis 20 mm.")
    client.force_login(staff_user)
    # The moderator corrects the submission (a revision of their own) before approving it.
    edit(client, confirmed_editor.page, summary="Laserschneiden bis 20 mm Blechstärke.")
    approve(client, staff_user, confirmed_editor.page)
    page = OrganisationPage.objects.get(pk=confirmed_editor.page.pk)
    assert page.summary == "Laserschneiden bis 20 mm Blechstärke."
    assert page.last_confirmed == TODAY


def test_trusted_editor_publishing_confirms(editor_client, confirmed_editor):
    confirmed_editor.access.trusted = True
    confirmed_editor.access.save()
    edit(editor_client, confirmed_editor.page, "publish", summary="Direkt veröffentlicht.")
    assert last_confirmed(confirmed_editor.page) == TODAY


def test_still_current_confirms_every_translation(
    editor_client, confirmed_editor, directory_indexes
):
    translation = translate(confirmed_editor.page, directory_indexes["en"])
    response = editor_client.post(
        reverse("directory_confirm_current", args=[confirmed_editor.access.pk])
    )
    assert response.status_code == 302
    assert last_confirmed(confirmed_editor.page) == TODAY
    assert last_confirmed(translation) == TODAY


def test_publishing_an_older_draft_keeps_a_later_confirmation(
    client, editor_client, staff_user, confirmed_editor
):
    edit(editor_client, confirmed_editor.page, summary="Entwurf vor der Bestätigung.")
    editor_client.post(reverse("directory_confirm_current", args=[confirmed_editor.access.pk]))
    client.force_login(staff_user)
    # Staff publish the draft, which was saved while the profile was confirmed on CONFIRMED.
    edit(client, confirmed_editor.page, "publish", summary="Entwurf vor der Bestätigung.")
    assert last_confirmed(confirmed_editor.page) == TODAY
