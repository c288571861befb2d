"""The programme's figures: the staff's dashboard per period and area, its exports, and the
live key figures on public pages, all checked against the records they count."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from directory.models import Enquiry, JoinRequest, OrganisationPage
from eventpages.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from eventpages.matchmaking.models import (
    Attendance,
    FollowUpOutcome,
    Meeting,
    MeetingFeedback,
    MeetingStatus,
    Participant,
)
from eventpages.models import EventFormat, EventPage, Registration
from glokal.models import HomePage, StandardPage
from tests.conftest import built_once
from tests.directory.conftest import add_organisation
from tests.directory.search.conftest import directory_site
from tests.eventpages.matchmaking.conftest import make_matchmaking, make_participant

pytestmark = pytest.mark.django_db

URL = "/admin/reports/programme/"
Q1 = {"period": "quarter", "quarter": "2025-Q1"}
Q2 = {"period": "quarter", "quarter": "2025-Q2"}


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def first_published(page, day):
    OrganisationPage.objects.filter(translation_key=page.translation_key).update(
        first_published_at=moment(day)
    )


def enquiry(organisation, sender_country, day, status=Enquiry.Delivery.SENT):
    record = Enquiry.objects.create(
        organisation=organisation,
        translation_key=organisation.translation_key,
        sender_name="Petr Svoboda",
        sender_email="petr@example.org",
        sender_country=sender_country,
        subject="Anfrage",
        message="Wir suchen einen Partner für Fräsarbeiten.",
        delivery_status=status,
    )
    Enquiry.objects.filter(pk=record.pk).update(created_at=moment(day))


def build_two_quarters():
    """Q1 and Q2 2025 on both sides of the border, and records outside the area of each."""
    indexes = directory_site()
    organisations = SimpleNamespace(
        saxon=add_organisation(
            indexes,
            "de",
            ["metalworking"],
            region="DED2D",
            title="Sachsen Metall",
            country="DE",
            last_confirmed=datetime.date(2025, 3, 1),
        ),
        dresden=add_organisation(
            indexes,
            "de",
            ["plastics"],
            region="DED21",
            title="Dresden Plast",
            country="DE",
            org_type="research",
        ),
        liberec=add_organisation(
            indexes,
            "cs",
            ["metalworking"],
            region="CZ051",
            title="Liberec Kov",
            country="CZ",
            last_confirmed=datetime.date(2024, 1, 10),
        ),
        usti=add_organisation(
            indexes, "cs", ["electronics"], region="CZ042", title="Ústí Elektro", country="CZ"
        ),
    )
    for page, day in (
        (organisations.saxon, datetime.date(2025, 2, 10)),
        (organisations.dresden, datetime.date(2025, 5, 5)),
        (organisations.liberec, datetime.date(2025, 1, 20)),
        (organisations.usti, datetime.date(2025, 4, 15)),
    ):
        first_published(page, day)
    # Never published: counted nowhere.
    draft = add_organisation(indexes, "cs", title="Koncept s.r.o.", country="CZ")
    draft.unpublish()

    JoinRequest.objects.create(
        kind=JoinRequest.Kind.CLAIM,
        status=JoinRequest.Status.APPROVED,
        page=organisations.dresden,
        organisation_name="Dresden Plast",
        contact_name="Erika Muster",
        email="erika@example.org",
        consent_at=moment(datetime.date(2025, 5, 1)),
        decided_at=moment(datetime.date(2025, 5, 6)),
    )

    enquiry(organisations.saxon, "CZ", datetime.date(2025, 2, 20))
    enquiry(organisations.saxon, "DE", datetime.date(2025, 3, 3))
    enquiry(organisations.liberec, "DE", datetime.date(2025, 5, 2))
    enquiry(organisations.usti, "DE", datetime.date(2025, 6, 2), status=Enquiry.Delivery.FAILED)

    home = HomePage.objects.get(locale__language_code="de")
    events = EventIndexPageFactory(parent=home, title="Veranstaltungen", slug="veranstaltungen")
    exchange = EventPageFactory(
        parent=events,
        title="Kooperationsbörse Fahrzeugbau",
        start=moment(datetime.date(2025, 3, 12)),
        end=moment(datetime.date(2025, 3, 12)) + datetime.timedelta(hours=6),
        event_format="cooperation-exchange",
        venue_country="DE",
    )
    workshop = EventPageFactory(
        parent=events,
        title="Workshop Zoll",
        start=moment(datetime.date(2025, 5, 20)),
        end=moment(datetime.date(2025, 5, 20)) + datetime.timedelta(hours=4),
        venue_country="CZ",
    )
    for event, country, organisation, checked_in, day in (
        (exchange, "CZ", organisations.liberec, True, datetime.date(2025, 2, 1)),
        (exchange, "DE", organisations.saxon, True, datetime.date(2025, 2, 2)),
        (exchange, "DE", organisations.dresden, False, datetime.date(2025, 2, 3)),
        (workshop, "CZ", organisations.usti, True, datetime.date(2025, 4, 30)),
        (workshop, "other", None, False, datetime.date(2025, 5, 1)),
    ):
        registration = RegistrationFactory(
            event=event, country=country, organisation_page=organisation, checked_in=checked_in
        )
        Registration.objects.filter(pk=registration.pk).update(created_at=moment(day))
    add_kooperationsboerse(exchange, organisations)
    return organisations


def add_kooperationsboerse(event, organisations):
    """At the exchange: Liberec Kov met Sachsen Metall (held, an agreement six months on);
    Sachsen Metall's request to Dresden Plast was never answered."""
    matchmaking = make_matchmaking(event)
    liberec, saxon, dresden = (
        make_participant(matchmaking, f"{name}@example.org", name, country, language, name)
        for name, country, language in (
            ("Liberec Kov", "CZ", "cs"),
            ("Sachsen Metall", "DE", "de"),
            ("Dresden Plast", "DE", "de"),
        )
    )
    for participant, page in (
        (liberec, organisations.liberec),
        (saxon, organisations.saxon),
        (dresden, organisations.dresden),
    ):
        Participant.objects.filter(pk=participant.pk).update(organisation_page=page)
    held = Meeting.objects.create(
        matchmaking=matchmaking,
        requester=liberec,
        recipient=saxon,
        status=MeetingStatus.ACCEPTED,
        expires_at=event.start,
        answered_at=moment(datetime.date(2025, 2, 22)),
        start=event.start,
        attendance=Attendance.HELD,
    )
    unanswered = Meeting.objects.create(
        matchmaking=matchmaking, requester=saxon, recipient=dresden, expires_at=event.start
    )
    Meeting.objects.filter(pk__in=[held.pk, unanswered.pk]).update(
        created_at=moment(datetime.date(2025, 2, 20))
    )
    MeetingFeedback.objects.create(
        meeting=held,
        participant=liberec,
        rating=5,
        outcome=FollowUpOutcome.AGREEMENT,
        outcome_at=moment(datetime.date(2025, 9, 15)),
    )


records = built_once(build_two_quarters)


def make_user(username, **fields):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **fields)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def reporter(records, client):
    """A member of the communications team's group allowed to read the figures."""
    user = make_user("reporter")
    team = Group.objects.create(name="Communications team")
    team.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_programme_report"),
    )
    user.groups.add(team)
    client.force_login(user)
    return client


def tables_of(response):
    return {table.key: table for table in response.context["tables"]}


def figure(table, label_start):
    return next(row[1] for row in table.rows if str(row[0]).startswith(label_start))


def expected_listed(end, country=""):
    """Organisations counted straight from the pages, one per translation key."""
    return {
        page.translation_key
        for page in OrganisationPage.objects.all()
        if page.live
        and page.first_published_at.date() <= end
        and (not country or page.country == country)
    }


@pytest.mark.parametrize(
    ("query", "end", "country"),
    [
        (Q1, datetime.date(2025, 3, 31), ""),
        (Q2, datetime.date(2025, 6, 30), ""),
        ({**Q1, "country": "CZ"}, datetime.date(2025, 3, 31), "CZ"),
    ],
)
def test_organisations_listed_and_new_match_the_pages(reporter, query, end, country):
    response = reporter.get(URL, query)
    assert response.status_code == 200
    summary = tables_of(response)["organisations"]
    listed = expected_listed(end, country)
    start = end.replace(day=1, month=end.month - 2)
    new = {
        key
        for key in listed
        if OrganisationPage.objects.filter(translation_key=key).first().first_published_at.date()
        >= start
    }
    assert figure(summary, "Listed") == len(listed)
    assert figure(summary, "Newly listed") == len(new)


def test_each_quarter_counts_its_own_claims_enquiries_and_events(reporter):
    first, second = tables_of(reporter.get(URL, Q1)), tables_of(reporter.get(URL, Q2))

    assert figure(first["organisations"], "Claimed") == 0
    assert figure(second["organisations"], "Claimed") == 1
    # Sachsen Metall confirmed on 1 March 2025; Liberec Kov more than a year before March 2025.
    assert figure(first["organisations"], "Current") == 1

    assert figure(first["enquiries"], "Enquiries sent") == 2
    assert figure(first["enquiries"], "Across the border, Czechia to Germany") == 1
    assert figure(first["enquiries"], "Across the border, Germany to Czechia") == 0
    assert figure(second["enquiries"], "Across the border, Germany to Czechia") == 2

    with translation.override("en"):  # the reporter's admin language
        assert first["events-format"].rows == [[EventFormat.COOPERATION_EXCHANGE.label, 1]]
        assert second["events-format"].rows == [[EventFormat.WORKSHOP.label, 1]]
    by_country = {row[0]: row[1:] for row in first["registrations-country"].rows}
    assert by_country == {"Germany": [2, 1], "Czechia": [1, 1]}


def test_cross_border_cooperation_counts_each_organisation_once(reporter, records):
    first = tables_of(reporter.get(URL, Q1))["cooperation"]
    # Sachsen Metall: an enquiry from Czechia and the exchange; Liberec Kov: the exchange.
    assert figure(first, "Organisations cooperating") == 2
    assert figure(first, "Received an enquiry") == 1
    assert figure(first, "Met partners") == 2

    second = tables_of(reporter.get(URL, Q2))["cooperation"]
    # Liberec Kov received an enquiry from Germany; the one to Ústí Elektro was never
    # delivered, and the workshop had no German participant.
    assert figure(second, "Organisations cooperating") == 1

    only_czech = tables_of(reporter.get(URL, {**Q1, "country": "CZ"}))["cooperation"]
    assert figure(only_czech, "Organisations cooperating") == 1


def test_kooperationsboerse_meetings_and_what_came_of_them(reporter):
    first = tables_of(reporter.get(URL, Q1))
    assert figure(first["meetings"], "Meetings requested") == 2
    assert figure(first["meetings"], "Requests accepted") == 1
    assert figure(first["meetings"], "Meetings held across the border") == 1
    assert figure(first["meetings"], "Cross-border share") == 100
    assert figure(first["cooperation"], "Held a Kooperationsbörse meeting") == 2
    assert figure(first["still-cooperating"], "Organisations still cooperating") == 0

    # The six-month answer came in the third quarter.
    third = tables_of(reporter.get(URL, {"period": "quarter", "quarter": "2025-Q3"}))
    assert figure(third["still-cooperating"], "Organisations still cooperating") == 1
    with translation.override("en"):
        agreement = str(FollowUpOutcome.AGREEMENT.label)
    assert figure(third["meeting-outcomes"], agreement) == 1
    assert figure(third["meetings"], "Meetings held") == 0


def test_a_region_narrows_every_organisation_figure(reporter):
    tables = tables_of(reporter.get(URL, {**Q2, "region": "DED21"}))
    assert figure(tables["organisations"], "Listed") == 1
    assert tables["organisations-region"].rows[0][1:] == [1, 1]


def test_tables_download_as_csv_and_xlsx_with_the_same_numbers(reporter):
    csv_response = reporter.get(URL, {**Q1, "export": "csv", "table": "enquiries"})
    assert csv_response["Content-Disposition"].endswith('.csv"')
    lines = csv_response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Figure;Enquiries"
    assert "Across the border, Czechia to Germany;1" in lines

    xlsx_response = reporter.get(URL, {**Q1, "export": "xlsx", "table": "organisations-country"})
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Country", "Listed", "New in the period"]
    assert sorted(rows[1:]) == [["Czechia", 1, 1], ["Germany", 1, 1]]

    assert reporter.get(URL, {**Q1, "export": "csv", "table": "nothing"}).status_code == 400


def test_charts_and_printable_view(reporter):
    response = reporter.get(URL, Q1)
    html = response.content.decode()
    assert '<svg role="img" aria-labelledby="chart-organisations-country-title' in html
    printable = reporter.get(URL, {**Q1, "print": "1"}).content.decode()
    assert "<h1>Programme figures</h1>" in printable
    assert "Figures from 01.01.2025 to 31.03.2025" in printable
    assert 'class="sidebar' not in printable
    assert URL in reporter.get("/admin/").content.decode()  # in the Reports menu


@pytest.mark.parametrize(
    ("language", "heading"),
    [("de", "Programmkennzahlen"), ("cs", "Ukazatele programu"), ("en", "Programme figures")],
)
def test_the_dashboard_speaks_the_readers_language(reporter, language, heading):
    user = get_user_model().objects.get(username="reporter")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    html = reporter.get(URL, Q2).content.decode()
    assert heading in html


@pytest.mark.parametrize(
    "query",
    [
        {"period": "month", "month": "2025-13"},
        {"period": "range", "start": "2025-05-01", "end": "2025-04-01"},
        {"period": "range", "start": "gestern"},
        {"period": "quarter", "quarter": "1999-Q9"},
        {"country": "XX"},
    ],
)
def test_a_wrong_period_or_area_is_explained_not_an_error(reporter, query):
    response = reporter.get(URL, query)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert b"Please correct the marked fields." in response.content


def test_a_month_and_a_free_range(reporter):
    march = tables_of(reporter.get(URL, {"period": "month", "month": "2025-03"}))
    assert figure(march["enquiries"], "Enquiries sent") == 1
    spring = {"period": "range", "start": "2025-02-15", "end": "2025-05-10"}
    assert figure(tables_of(reporter.get(URL, spring))["enquiries"], "Enquiries sent") == 3


def test_nobody_else_reads_the_figures(records, client):
    editor = make_user("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # The admin answers a refusal by sending the person back to its dashboard.
    assert client.get(URL, Q1).status_code in (302, 403)
    export = client.get(URL, {**Q1, "export": "csv", "table": "enquiries"})
    assert export.status_code in (302, 403)
    assert not export.get("Content-Disposition")
    assert URL not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get(URL, Q1).status_code == 302


def test_the_project_page_shows_live_figures_from_published_content(records, client):
    home = HomePage.objects.get(locale__language_code="de")
    about = home.add_child(
        instance=StandardPage(
            title="Über das Projekt",
            slug="projekt",
            body=[
                (
                    "live_figures",
                    {"title": "Glokal heute", "figures": ["organisations", "countries", "events"]},
                )
            ],
        )
    )
    about.save_revision().publish()
    html = client.get(about.url).content.decode()
    organisations = OrganisationPage.objects.live().values("translation_key").distinct().count()
    held = {
        event.translation_key for event in EventPage.objects.live() if event.start <= timezone.now()
    }
    assert organisations == 4  # the draft is not counted
    assert (
        f'<dt>Organisationen im Verzeichnis</dt><dd class="key-figures__value">{organisations}</dd>'
        in html
    )
    assert '<dt>Länder</dt><dd class="key-figures__value">2</dd>' in html
    assert (
        f'<dt>Durchgeführte Veranstaltungen</dt><dd class="key-figures__value">{len(held)}</dd>'
        in html
    )
