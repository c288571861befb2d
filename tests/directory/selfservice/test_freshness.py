"""Freshness: reminders at 12 and 13 months, "not current" at 18, with a frozen clock."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from directory.models import OrganisationPage
from directory.models.freshness import FreshnessReminder, add_months
from tests.directory.selfservice.support import translate
from tests.outbox_support import send_queued_mail

pytestmark = pytest.mark.django_db

CONFIRMED = datetime.date(2025, 3, 10)


def at(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(6, 0)), tick=False)


def run_on(day):
    with at(day):
        call_command("check_profile_freshness", stdout=StringIO())
        send_queued_mail()
    return list(mail.outbox)


@pytest.fixture
def confirmed_editor(editor):
    OrganisationPage.objects.filter(pk=editor.page.pk).update(last_confirmed=CONFIRMED)
    return editor


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 3, 10), 18) == datetime.date(2026, 9, 10)
    assert add_months(datetime.date(2025, 3, 10), -12) == datetime.date(2024, 3, 10)


def test_reminder_schedule(confirmed_editor):
    assert run_on(datetime.date(2026, 3, 9)) == []  # a day before twelve months
    sent = run_on(datetime.date(2026, 3, 10))
    assert len(sent) == 1
    assert sent[0].to == ["editor@example.org"]
    assert "Muster Fräsen GmbH" in sent[0].subject

    assert len(run_on(datetime.date(2026, 3, 11))) == 1  # idempotent: nothing new
    assert len(run_on(datetime.date(2026, 4, 10))) == 2  # second reminder at 13 months
    assert len(run_on(datetime.date(2026, 8, 1))) == 2
    sent = run_on(datetime.date(2026, 9, 10))  # 18 months: now shown as not current
    assert len(sent) == 3
    assert "not current" in sent[-1].subject or "nicht aktuell" in sent[-1].subject
    assert len(run_on(datetime.date(2026, 12, 24))) == 3
    steps = set(FreshnessReminder.objects.values_list("step", flat=True))
    assert steps == {"first", "second", "stale"}


def test_a_long_forgotten_profile_gets_one_mail_not_three(confirmed_editor):
    sent = run_on(datetime.date(2027, 1, 1))
    assert len(sent) == 1
    assert FreshnessReminder.objects.count() == 3


def test_confirming_restarts_the_schedule(client, confirmed_editor):
    run_on(datetime.date(2026, 3, 10))
    with at(datetime.date(2026, 3, 20)):
        client.force_login(confirmed_editor.user)
        response = client.post(
            f"/admin/directory/organisations/{confirmed_editor.access.pk}/confirm/"
        )
        assert response.status_code == 302
    page = OrganisationPage.objects.get(pk=confirmed_editor.page.pk)
    assert page.last_confirmed == datetime.date(2026, 3, 20)
    assert len(run_on(datetime.date(2026, 4, 10))) == 1  # no second reminder any more
    assert len(run_on(datetime.date(2027, 3, 20))) == 2  # a new first reminder a year later


def test_stale_profiles_are_marked_in_search(client, confirmed_editor, make_org):
    make_org(title="Frische Firma", last_confirmed=datetime.date(2026, 6, 1))
    with at(datetime.date(2026, 9, 10)):
        content = client.get("/de/verzeichnis/").content.decode()
        assert content.count("badge--stale") == 1
        fresh_only = client.get("/de/verzeichnis/?confirmed=1").content.decode()
        assert "Frische Firma" in fresh_only
        assert "Muster Fräsen GmbH" not in fresh_only
        profile = client.get(confirmed_editor.page.url).content.decode()
        assert "badge--stale" in profile


def test_only_other_people_cannot_confirm(client, confirmed_editor, other_editor):
    client.force_login(other_editor.user)
    response = client.post(f"/admin/directory/organisations/{confirmed_editor.access.pk}/confirm/")
    assert response.status_code == 302
    assert OrganisationPage.objects.get(pk=confirmed_editor.page.pk).last_confirmed == CONFIRMED
    assert (
        client.get(
            f"/admin/directory/organisations/{confirmed_editor.access.pk}/confirm/"
        ).status_code
        == 405
    )


def test_freshness_dry_run_lists_each_organisation_once(confirmed_editor, directory_indexes):
    page = confirmed_editor.page
    for language in ("cs", "en"):
        translate(page, directory_indexes[language])
    OrganisationPage.objects.filter(translation_key=page.translation_key).update(
        last_confirmed=CONFIRMED
    )
    out = StringIO()
    with at(datetime.date(2026, 3, 10)):
        call_command("check_profile_freshness", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "first: Muster Fräsen GmbH → editor@example.org"
    assert lines[1:] == ["1 organisation(s) due."]
    assert not FreshnessReminder.objects.exists()  # a dry run records nothing
