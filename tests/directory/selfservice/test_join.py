"""Listing a new organisation, claiming an existing one, staff decisions and invitations."""

import datetime
import re
import time

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from directory.models import OrganisationPage
from directory.models.membership import JoinRequest, OrganisationMembership
from directory.selfservice.spam import form_token
from tests.directory.selfservice.support import PASSWORD, make_user, page_edit_data

pytestmark = pytest.mark.django_db

JOIN_URL = {"de": "/de/verzeichnis/join/", "cs": "/cs/adresar/join/", "en": "/en/directory/join/"}


def join_data(**changes):
    data = {
        "organisation_name": "Nová Strojírna s.r.o.",
        "org_type": "company",
        "country": "CZ",
        "city": "Liberec",
        "identifier": "25596641",
        "summary": "Obrábění kovů a montáž strojů v Liberci.",
        "contact_name": "Jana Nováková",
        "email": "jana@nova-strojirna.example",
        "consent": "on",
        "homepage": "",
        # Shown ten seconds ago: a person's pace.
        "started": form_token(time.time() - 10),
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_join_form_in_each_language(client, directory_indexes, language):
    # The directory links the form, which answers in the directory's language.
    assert JOIN_URL[language].encode() in client.get(directory_indexes[language].url).content
    response = client.get(JOIN_URL[language])
    assert response.status_code == 200
    assert response.context["form"].fields["identifier"]
    assert f'lang="{language}"'.encode() in response.content
    assert b'name="homepage"' in response.content


def test_join_creates_draft_profile_and_pending_request(
    client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN_URL["cs"], join_data())
    assert response.status_code == 200
    assert "jana@nova-strojirna.example" in response.content.decode()
    page = OrganisationPage.objects.get(title="Nová Strojírna s.r.o.")
    assert not page.live
    assert page.ico == "25596641"
    assert page.locale.language_code == "cs"
    assert page.get_parent().pk == directory_indexes["cs"].pk
    join_request = JoinRequest.objects.get()
    assert join_request.status == "pending" and join_request.kind == "join"
    assert join_request.page_id == page.pk
    # The moderators hear about it, with a link to decide.
    assert mail.outbox[-1].to == ["staff@glokal.example"]
    assert f"/admin/directory/requests/{join_request.pk}/" in mail.outbox[-1].body
    # A draft is not public.
    assert "Nová Strojírna" not in client.get("/cs/adresar/").content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"identifier": "25596642"}, "identifier", "check digit"),
        ({"identifier": "CZ2559664"}, "identifier", ""),
        ({"country": "DE", "identifier": "HRB 12345"}, "identifier", "court"),
        ({"country": "DE", "identifier": "CZ25596641"}, "identifier", "DE"),
        ({"email": "not-an-address"}, "email", ""),
        ({"consent": ""}, "consent", "privacy"),
    ],
)
def test_join_rejects_bad_input_and_keeps_it(client, directory_indexes, changes, field, message):
    response = client.post(JOIN_URL["en"], join_data(**changes))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert "Liberec" in response.content.decode()  # what was typed comes back
    assert not JoinRequest.objects.exists()
    assert not OrganisationPage.objects.exists()


def test_german_register_entry_is_split_into_court_and_number(client, directory_indexes):
    client.post(
        JOIN_URL["de"],
        join_data(country="DE", identifier="Amtsgericht Dresden, HRB 12345", city="Dresden"),
    )
    page = OrganisationPage.objects.get()
    assert (page.register_court, page.register_number) == ("Amtsgericht Dresden", "HRB 12345")


def test_known_identifier_points_to_claiming(client, make_org):
    make_org(country="CZ", ico="25596641", language="cs")
    response = client.post(JOIN_URL["cs"], join_data())
    assert "identifier" in response.context["form"].errors
    assert JoinRequest.objects.count() == 0


def test_known_register_entry_is_recognised_however_it_is_spelt(client, make_org):
    make_org(country="DE", register_court="Amtsgericht Dresden", register_number="HRB 12345")
    response = client.post(
        JOIN_URL["de"], join_data(country="DE", identifier="Amtsgericht Dresden hrb12345")
    )
    assert "identifier" in response.context["form"].errors
    assert JoinRequest.objects.count() == 0


def test_honeypot_and_speed_refuse_bots(client, directory_indexes):
    response = client.post(JOIN_URL["en"], join_data(homepage="http://spam.example"))
    assert "automatically" in str(response.context["form"].non_field_errors())
    response = client.post(JOIN_URL["en"], join_data(started=form_token()))
    assert "faster" in str(response.context["form"].non_field_errors())
    response = client.post(JOIN_URL["en"], join_data(started="forged"))
    assert response.context["form"].non_field_errors()
    assert not JoinRequest.objects.exists()


def _approve(client, staff_user, join_request):
    client.force_login(staff_user)
    return client.post(
        reverse("directory_request_decide", args=[join_request.pk]), {"decision": "approve"}
    )


def _invitation_link():
    return re.search(r"https?://testserver(/\S+/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_staff_approval_sends_single_use_invitation(
    client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    client.post(JOIN_URL["cs"], join_data())
    join_request = JoinRequest.objects.get()
    client.force_login(staff_user)
    listing = client.get(reverse("directory_requests")).content.decode()
    assert "Nová Strojírna s.r.o." in listing and "jana@nova-strojirna.example" in listing
    decide = client.get(reverse("directory_request_decide", args=[join_request.pk]))
    assert decide.status_code == 200 and "25596641" in decide.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _approve(client, staff_user, join_request)
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "approved"
    user = get_user_model().objects.get(email="jana@nova-strojirna.example")
    assert not user.has_usable_password()
    assert OrganisationMembership.objects.filter(user=user, access__page=join_request.page)
    # The other languages follow when the profile is first published, not before.
    assert (
        OrganisationPage.objects.filter(translation_key=join_request.page.translation_key).count()
        == 1
    )
    assert mail.outbox[-1].to == ["jana@nova-strojirna.example"]
    assert "Nová Strojírna" in mail.outbox[-1].subject

    link = _invitation_link()
    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(
        link, {"new_password1": "Strojirna-heslo-2026", "new_password2": "Strojirna-heslo-2026"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    user.refresh_from_db()
    assert user.check_password("Strojirna-heslo-2026")
    assert client.get("/admin/").status_code == 200

    # Used once: the same link no longer works, the password stays.
    client.logout()
    response = client.post(
        link, {"new_password1": "Jine-heslo-9876", "new_password2": "Jine-heslo-9876"}
    )
    assert response.status_code == 400
    user.refresh_from_db()
    assert user.check_password("Strojirna-heslo-2026")


def test_invitation_expires(
    client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    client.post(JOIN_URL["de"], join_data())
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, staff_user, JoinRequest.objects.get())
    link = _invitation_link()
    client.logout()
    with time_machine.travel(datetime.datetime.now() + datetime.timedelta(days=4)):
        assert client.get(link).status_code == 400


def test_rejection_needs_a_reason_and_tells_the_applicant(
    client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    client.post(JOIN_URL["de"], join_data())
    join_request = JoinRequest.objects.get()
    client.force_login(staff_user)
    url = reverse("directory_request_decide", args=[join_request.pk])
    response = client.post(url, {"decision": "reject", "reason": ""})
    assert response.status_code == 400
    join_request.refresh_from_db()
    assert join_request.status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Kein Sitz im Programmgebiet."})
    join_request.refresh_from_db()
    assert join_request.status == "rejected"
    assert not OrganisationPage.objects.exists()
    assert "Kein Sitz im Programmgebiet." in mail.outbox[-1].body


def test_editors_cannot_decide_requests(client, directory_indexes, editor):
    client.post(JOIN_URL["de"], join_data())
    join_request = JoinRequest.objects.get()
    client.force_login(editor.user)
    response = client.post(
        reverse("directory_request_decide", args=[join_request.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "pending"
    assert client.get(reverse("directory_requests")).status_code == 302


def test_claim_makes_an_existing_user_editor(
    client, organisation, staff_user, django_capture_on_commit_callbacks
):
    user = make_user("claimant", email="chef@muster-fraesen.example")
    response = client.get(organisation.url + "claim/")
    assert response.status_code == 200
    response = client.post(
        organisation.url + "claim/",
        {
            "contact_name": "Max Muster",
            "email": "chef@muster-fraesen.example",
            "message": "Ich bin Geschäftsführer.",
            "consent": "on",
            "started": form_token(time.time() - 30),
        },
    )
    assert response.status_code == 200
    claim = JoinRequest.objects.get(kind="claim")
    assert claim.page_id == organisation.pk
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, staff_user, claim)
    assert organisation.permissions_for_user(user).can_edit()
    # Has a password already: told to sign in, no invitation link.
    assert "/invitation/" not in mail.outbox[-1].body
    client.logout()
    assert client.login(username="claimant", password=PASSWORD)


def test_staff_invite_an_editor_by_email(
    client, organisation, staff_user, editor, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    assert client.get(reverse("directory_invite")).status_code == 200
    response = client.post(
        reverse("directory_invite"),
        {"access": editor.access.pk, "contact_name": "Jan Kollege", "email": "not-an-address"},
    )
    assert response.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("directory_invite"),
            {
                "access": editor.access.pk,
                "contact_name": "Jan Kollege",
                "email": "jan@muster.example",
            },
        )
    assert response.status_code == 302
    colleague = get_user_model().objects.get(email="jan@muster.example")
    assert organisation.permissions_for_user(colleague).can_edit()
    assert "/invitation/" in mail.outbox[-1].body
    # Organisation editors cannot invite anyone.
    client.force_login(editor.user)
    client.post(
        reverse("directory_invite"),
        {"access": editor.access.pk, "contact_name": "Fremd", "email": "fremd@evil.example"},
    )
    assert not get_user_model().objects.filter(email="fremd@evil.example").exists()


def test_a_czech_listing_once_published_is_found_and_read_in_german_and_english(
    client, directory_indexes, staff_user, django_capture_on_commit_callbacks
):
    client.post(JOIN_URL["cs"], join_data())
    join_request = JoinRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client, staff_user, join_request)
        # The moderators publish the approved profile from its editor.
        response = client.post(
            f"/admin/pages/{join_request.page_id}/edit/",
            page_edit_data(join_request.page, **{"action-publish": "publish"}),
        )
    assert response.status_code == 302
    client.logout()
    for language, directory in (("de", "verzeichnis"), ("en", "directory"), ("cs", "adresar")):
        found = client.get(f"/{language}/{directory}/", {"q": "Nová Strojírna"}).content.decode()
        assert "Nová Strojírna s.r.o." in found, language
        version = OrganisationPage.objects.get(
            translation_key=join_request.page.translation_key,
            locale__language_code=language,
        )
        assert client.get(version.url).status_code == 200
