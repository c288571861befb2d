"""A request's life: written by an organisation editor, reviewed, published, expiring at its
deadline or closed early; and who may do what with it, by every route."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.models import SourcingRequestPage
from tests.directory.matching.conftest import add_request
from tests.directory.selfservice.support import make_user

pytestmark = pytest.mark.django_db


def request_form(organisation, **changes):
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    data = {
        "title": "Soustružené díly CNC",
        "slug": "soustruzene-dily",
        "organisation": organisation.pk,
        "request_type": "parts",
        "summary": "Hledáme dodavatele soustružených dílů CNC.",
        "description": "Hřídele z oceli.",
        "nace_code": "C25.6",
        "quantity": "8 000 kusů",
        "frequency": "monthly",
        "deadline": deadline.isoformat(),
        "comments": inline_formset([]),
    }
    data.update(changes)
    post = nested_form_data(data)
    post["languages"] = ["cs", "de"]
    return post


def add_url(board):
    return reverse("wagtailadmin_pages:add", args=["directory", "sourcingrequestpage", board.pk])


def board_titles(client, board, query=""):
    html = client.get(board.url + query).content.decode()
    titles = set(SourcingRequestPage.objects.values_list("title", flat=True))
    return sorted(title for title in titles if f">{title}</a>" in html)


def test_editor_writes_a_request_that_moderators_publish(client, czech_editor, boards, staff_user):
    client.force_login(czech_editor.user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert add_url(boards["cs"]) in home  # "Publish a request" on the editor's start page

    response = client.post(
        add_url(boards["cs"]), request_form(czech_editor.page, **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200  # where the editor lands
    page = SourcingRequestPage.objects.get(slug="soustruzene-dily")
    assert not page.live and page.workflow_in_progress
    assert page.expire_at.date() == page.deadline
    assert board_titles(client, boards["cs"]) == []

    client.force_login(staff_user)
    task_state = page.current_workflow_state.current_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert page.live
    assert board_titles(client, boards["cs"]) == ["Soustružené díly CNC"]
    # Staff reach the ranked list of every request from its page in the admin.
    detail = reverse("directory_sourcing_request", args=[page.pk])
    assert detail in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert client.get(detail).status_code == 200


def test_editor_cannot_write_for_another_organisation(
    client, czech_editor, boards, other_organisation
):
    client.force_login(czech_editor.user)
    response = client.post(
        add_url(boards["cs"]), request_form(other_organisation, **{"action-submit": "submit"})
    )
    assert response.status_code == 200  # the form comes back with the error
    assert "organisation" in response.context["form"].errors
    assert not SourcingRequestPage.objects.exists()


def test_expires_at_its_deadline(client, czech_company, boards, time_machine):
    page = add_request(boards["cs"], czech_company, days=3, title="Brzy končí")
    assert board_titles(client, boards["cs"]) == ["Brzy končí"]
    time_machine.move_to(timezone.now() + datetime.timedelta(days=4))
    assert board_titles(client, boards["cs"]) == []
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert client.get(page.url + "offer/").status_code == 404


def test_closing_early_applies_to_every_language(client, czech_editor, boards):
    # Publishing creates its German and English versions (like every profile's).
    page = add_request(boards["cs"], czech_editor.page, title="Uzavřeno")
    client.force_login(czech_editor.user)
    client.post(reverse("directory_sourcing_close", args=[page.pk]), {"outcome": "found_supplier"})
    assert set(SourcingRequestPage.objects.values_list("locale__language_code", "outcome")) == {
        ("cs", "found_supplier"),
        ("de", "found_supplier"),
        ("en", "found_supplier"),
    }
    assert board_titles(client, boards["cs"]) == []
    assert not client.get(page.url).context["page"].is_open
    assert client.get(page.url + "offer/").status_code == 410


def test_other_editors_are_fenced_out_by_every_route(client, czech_company, boards, other_editor):
    page = add_request(boards["cs"], czech_company, title="Cizí poptávka")
    before = SourcingRequestPage.objects.values().get(pk=page.pk)
    client.force_login(other_editor.user)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, request_form(czech_company, title="Přepsáno", slug=page.slug))
    assert client.get(reverse("directory_sourcing_request", args=[page.pk])).status_code in (
        302,
        403,
    )
    client.post(
        reverse("directory_sourcing_close", args=[page.pk]), {"outcome": "no_longer_needed"}
    )
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert SourcingRequestPage.objects.values().get(pk=page.pk) == before
    tester = page.permissions_for_user(other_editor.user)
    assert not any(
        (tester.can_edit(), tester.can_delete(), tester.can_unpublish(), tester.can_move())
    )


def test_own_editor_may_edit_but_not_unpublish(czech_editor, boards):
    page = add_request(boards["cs"], czech_editor.page)
    # Written by someone else of the organisation (no owner): its editors still edit it.
    tester = page.permissions_for_user(czech_editor.user)
    assert tester.can_edit()
    assert not tester.can_unpublish() and not tester.can_delete() and not tester.can_move()
    colleague = make_user("colleague")
    assert not page.permissions_for_user(colleague).can_edit()


def test_confidential_requests_hide_the_requester(client, czech_company, boards):
    public = add_request(boards["cs"], czech_company, title="Veřejná")
    hidden = add_request(boards["cs"], czech_company, title="Důvěrná", confidential=True)
    public_html = client.get(public.url).content.decode()
    hidden_html = client.get(hidden.url).content.decode()
    board_html = client.get(boards["cs"].url).content.decode()
    assert czech_company.title in public_html
    assert '"seeks": {' in public_html and '"@type": "Demand"' in public_html
    assert czech_company.title not in hidden_html
    assert '"@type": "Demand"' in hidden_html
    assert board_html.count(czech_company.title) == 1
    # Its German version (the Czech text until translated) says what language it is in.
    german = public.get_translation(boards["de"].locale)
    response = client.get(german.url)
    assert response.status_code == 200
    assert 'lang="cs"' in response.content.decode()


def test_board_filters_and_full_text(client, czech_company, boards):
    add_request(boards["cs"], czech_company, title="Obrábění", sectors=["metalworking"])
    add_request(
        boards["cs"],
        czech_company,
        title="Doprava",
        summary="Přeshraniční doprava palet.",
        description="",
        request_type="service",
        sectors=["logistics"],
        days=60,
    )
    board = boards["cs"]
    assert board_titles(client, board, "?sector=logistics") == ["Doprava"]
    assert board_titles(client, board, "?type=parts") == ["Obrábění"]
    assert board_titles(client, board, "?country=DE") == []
    deadline = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    assert board_titles(client, board, f"?deadline={deadline}") == ["Obrábění"]
    assert board_titles(client, board, "?q=doprava") == ["Doprava"]
    # A German word finds the Czech request through the analysis' trade terms.
    assert board_titles(client, board, "?q=Drehteile") == ["Obrábění"]
    assert client.get(board.url + "?deadline=not-a-date").status_code == 200
