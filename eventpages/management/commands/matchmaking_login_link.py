"""Print a sign-in link for a Kooperationsbörse participant (staff helping by phone, demos)."""

from django.core.management.base import BaseCommand, CommandError

from eventpages.matchmaking import access, emails
from eventpages.matchmaking.models import Participant


class Command(BaseCommand):
    help = "Print a single-use sign-in link (24 hours) for the participant with EMAIL."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--event", help="slug of the event (when the person takes part in several)"
        )

    def handle(self, email, event=None, **options):
        participants = Participant.objects.filter(registration__email__iexact=email)
        if event:
            participants = participants.filter(matchmaking__event__slug=event)
        participant = participants.select_related("matchmaking__event").order_by("-pk").first()
        if participant is None:
            raise CommandError(f"No Kooperationsbörse participant with {email}.")
        page = emails.page_in_language(participant)
        token = access.issue_link(participant)
        self.stdout.write(
            emails.route_url(page, "matchmaking_action", "login", query={"token": token})
        )
