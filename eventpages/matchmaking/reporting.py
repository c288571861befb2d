"""The Kooperationsbörse's figures for the programme's reporting (glokal.reporting): meetings
requested, accepted and held, their cross-border share, the six-month outcomes, and the
organisations that met a partner from the other country."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from glokal.reporting.registry import KeyFigure
from glokal.reporting.tables import Table
from glokal.vocabularies import PROJECT_COUNTRIES

from .models import (
    ACROSS_THE_BORDER,
    Attendance,
    FollowUpOutcome,
    Meeting,
    MeetingFeedback,
    MeetingStatus,
)

# RCR84: the follow-up answers that mean the organisations still work together.
STILL_COOPERATING = (FollowUpOutcome.NEGOTIATION, FollowUpOutcome.AGREEMENT)


def in_scope(meetings, scope):
    """Meetings where at least one side's organisation lies in the scope's country and region."""
    for field, value in (("country", scope.country), ("region__code", scope.region)):
        if value:
            lookup = f"organisation_page__organisationpage__{field}"
            meetings = meetings.filter(
                Q(**{f"requester__{lookup}": value}) | Q(**{f"recipient__{lookup}": value})
            )
    return meetings


def share(part, whole):
    return round(100 * part / whole, 1) if whole else 0


def meetings_table(scope):
    period = (scope.period.start, scope.period.end)
    meetings = in_scope(Meeting.objects.all(), scope)
    requested = meetings.filter(created_at__date__range=period).count()
    accepted = meetings.filter(status=MeetingStatus.ACCEPTED, answered_at__date__range=period)
    held = meetings.filter(
        status=MeetingStatus.ACCEPTED, attendance=Attendance.HELD, start__date__range=period
    )
    held_count, held_across = held.count(), held.filter(ACROSS_THE_BORDER).count()
    rows = [
        [_("Meetings requested"), requested],
        [_("Requests accepted"), accepted.count()],
        [_("Meetings held"), held_count],
        [_("Meetings held across the border"), held_across],
        [_("Cross-border share of meetings held (%)"), share(held_across, held_count)],
    ]
    return Table("meetings", _("Kooperationsbörse meetings"), [_("Figure"), _("Meetings")], rows)


def outcomes_table(scope):
    answers = MeetingFeedback.objects.filter(
        meeting__in=in_scope(Meeting.objects.all(), scope),
        outcome_at__date__range=(scope.period.start, scope.period.end),
    ).exclude(outcome="")
    counts = dict(answers.order_by().values_list("outcome").annotate(n=Count("pk")))
    rows = [[str(label), counts.get(value, 0)] for value, label in FollowUpOutcome.choices]
    note = _("Answers to the survey sent six months after each held meeting, by when they came.")
    columns = [_("Outcome"), _("Answers")]
    return Table(
        "meeting-outcomes", _("What came of the meetings"), columns, rows, chart=True, note=note
    )


def programme_figures(scope):
    return [meetings_table(scope), outcomes_table(scope), still_cooperating_table(scope)]


def organisations_of(meetings, scope):
    """{translation key: country} of the organisations on either side of `meetings`, in the
    scope's country and region."""
    organisations = {}
    for side in ("requester", "recipient"):
        page = f"{side}__organisation_page"
        rows = meetings.filter(
            **{f"{page}__organisationpage__country__in": PROJECT_COUNTRIES}
        ).values_list(
            f"{page}__translation_key",
            f"{page}__organisationpage__country",
            f"{page}__organisationpage__region__code",
        )
        for key, country, region in rows:
            if scope.country in ("", country) and scope.region in ("", region):
                organisations[key] = country
    return organisations


def held_across_the_border(scope):
    return Meeting.objects.filter(
        ACROSS_THE_BORDER,
        status=MeetingStatus.ACCEPTED,
        attendance=Attendance.HELD,
        start__date__range=(scope.period.start, scope.period.end),
    )


def cooperation_in_meetings(scope):
    """Organisations that held a Kooperationsbörse meeting with the other country's side."""
    organisations = organisations_of(held_across_the_border(scope), scope)
    return _("Held a Kooperationsbörse meeting across the border"), organisations


def still_cooperating_table(scope):
    """RCR84: organisations whose six-month answer about a cross-border meeting says they
    negotiate or have agreed to cooperate, answered within the period."""
    answered = MeetingFeedback.objects.filter(
        meeting__in=Meeting.objects.filter(ACROSS_THE_BORDER),
        outcome__in=STILL_COOPERATING,
        outcome_at__date__range=(scope.period.start, scope.period.end),
    )
    organisations = {}
    for key, country, region in answered.values_list(
        "participant__organisation_page__translation_key",
        "participant__organisation_page__organisationpage__country",
        "participant__organisation_page__organisationpage__region__code",
    ):
        if key and scope.country in ("", country) and scope.region in ("", region):
            organisations[key] = country
    rows = [[_("Organisations still cooperating across the border (RCR84)"), len(organisations)]]
    note = _(
        "Organisations answering the six-month survey of a cross-border meeting with "
        "“negotiation started” or “cooperation agreement reached”."
    )
    columns = [_("Figure"), _("Organisations")]
    return Table("still-cooperating", _("Cooperation after the meetings"), columns, rows, note=note)


def meeting_key_figures():
    def arranged():
        return Meeting.objects.filter(status=MeetingStatus.ACCEPTED, start__isnull=False).count()

    return [KeyFigure("meetings", _("Meetings arranged"), arranged)]
