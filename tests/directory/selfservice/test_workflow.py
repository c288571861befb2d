"""The "Directory review" workflow: editors submit, moderators approve or request changes."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Workflow, WorkflowPage

from directory.models import OrganisationPage
from directory.selfservice.workflow import MODERATORS_GROUP, WORKFLOW_NAME
from tests.directory.selfservice.support import page_edit_data

pytestmark = pytest.mark.django_db


def submit(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, page_edit_data(page, **changes, **{"action-submit": "submit"}))


def test_workflow_covers_every_directory(directory_indexes, organisation):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert workflow.active
    task = workflow.tasks.get().specific
    assert task.groups.filter(name=MODERATORS_GROUP).exists()
    assert WorkflowPage.objects.filter(workflow=workflow).count() == 3
    assert organisation.get_workflow() == workflow


def test_approval_publishes_and_mails_the_editor(client, editor, staff_user):
    submit(client_for(client, editor.user), editor.page, summary="Jetzt auch Laserschneiden.")
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    assert page.workflow_in_progress
    assert page.summary != "Jetzt auch Laserschneiden."
    # The editor's start page says the profile is in review.
    assert 'data-status="review"' in client.get(reverse("wagtailadmin_home")).content.decode()
    mail.outbox.clear()

    client.force_login(staff_user)
    state = page.current_workflow_state
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": "Danke!"},
    )
    assert response.status_code == 302
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    assert page.summary == "Jetzt auch Laserschneiden."
    assert not page.workflow_in_progress
    to_editor = [m for m in mail.outbox if m.to == ["editor@example.org"]]
    assert len(to_editor) == 1
    assert "Muster Fräsen GmbH" in to_editor[0].subject


def test_request_changes_keeps_live_page_and_mails_the_comment(client, editor, staff_user):
    submit(client_for(client, editor.user), editor.page, summary="Ungeprüfte Behauptung.")
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    task_state = page.current_workflow_state.current_task_state
    mail.outbox.clear()
    client.force_login(staff_user)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
        {"comment": "Bitte belegen Sie die Zertifizierung."},
    )
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    assert page.summary != "Ungeprüfte Behauptung."
    to_editor = [m for m in mail.outbox if m.to == ["editor@example.org"]]
    assert to_editor
    assert "Bitte belegen Sie die Zertifizierung." in to_editor[0].body


def test_editor_cannot_approve_own_submission(client, editor):
    client = client_for(client, editor.user)
    submit(client, editor.page, summary="Selbst freigegeben?")
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code == 302
    page = OrganisationPage.objects.get(pk=editor.page.pk)
    assert page.summary != "Selbst freigegeben?"
    assert page.workflow_in_progress


def client_for(client, user):
    client.force_login(user)
    return client
