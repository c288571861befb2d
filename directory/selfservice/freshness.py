"""Freshness: the organisation confirms its profile, and a daily schedule reminds it to.

Confirming means the organisation's own editor presses "still current", or a revision an
editor of the organisation wrote or submitted is published; a staff edit, a draft or a data
import confirms nothing. The schedule mails reminders after 12 and 13 months and marks the
profile "not current" after 18. `run()` is idempotent: each step is recorded per organisation
and confirmation date, so a daily cron job sends every mail once, and confirming the profile
starts a new schedule.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import OrganisationPage
from ..models.freshness import STALE_MONTHS, FreshnessReminder, add_months
from . import emails
from .permissions import editor_addresses, speaks_for_organisation

# Months after the last confirmation, latest first: only the latest due step is mailed.
SCHEDULE = (
    (STALE_MONTHS, FreshnessReminder.Step.STALE),
    (13, FreshnessReminder.Step.SECOND),
    (12, FreshnessReminder.Step.FIRST),
)


def confirm(translation_key):
    """Every translation of the organisation's profile is confirmed today, without a revision."""
    today = timezone.localdate()
    # The search's "confirmed within a year" facet counts this column: mark the rows changed.
    OrganisationPage.objects.filter(translation_key=translation_key).update(
        last_confirmed=today, search_updated_at=timezone.now()
    )
    return today


def confirm_current(access):
    """The editor's "still current" button."""
    return confirm(access.translation_key)


def confirm_if_by_organisation(page, user):
    """Confirm `page` if `user`, who wrote or submitted what is published, edits for it."""
    if user is not None and speaks_for_organisation(user, page):
        page.last_confirmed = confirm(page.translation_key)


def keep_later_confirmation(page):
    """Before `page` is saved: never store an older confirmation than the one stored."""
    stored = (
        OrganisationPage.objects.filter(pk=page.pk).values_list("last_confirmed", flat=True).first()
    )
    if stored and (page.last_confirmed is None or page.last_confirmed < stored):
        page.last_confirmed = stored


def due_step(confirmed_on, today):
    for months, step in SCHEDULE:
        if today >= add_months(confirmed_on, months):
            return months, step
    return None, None


def recipients_for(translation_key, page):
    """The organisation's editors; its contact persons if it has no editor yet."""
    addresses = editor_addresses(translation_key)
    if not addresses:
        addresses = [contact.email for contact in page.contacts.all() if contact.email]
    return sorted(set(addresses))


def run(today=None, dry_run=False):
    """Do every due step; returns a list of (organisation title, step, recipients)."""
    today = today or timezone.localdate()
    done = []
    organisations = (
        # No ordering, or the page tree's ordering would group by page instead of organisation.
        OrganisationPage.objects.filter(live=True)
        .order_by()
        .values("translation_key")
        .annotate(confirmed_on=Max("last_confirmed"))
        .filter(confirmed_on__isnull=False, confirmed_on__lte=add_months(today, -12))
    )
    for row in organisations:
        key, confirmed_on = row["translation_key"], row["confirmed_on"]
        months, step = due_step(confirmed_on, today)
        if step is None:
            continue
        recorded = set(
            FreshnessReminder.objects.filter(
                translation_key=key, confirmed_on=confirmed_on
            ).values_list("step", flat=True)
        )
        if step in recorded:
            continue
        page = (
            OrganisationPage.objects.filter(translation_key=key, live=True).order_by("pk").first()
        )
        recipients = recipients_for(key, page)
        done.append((page.title, step, recipients))
        if dry_run:
            continue
        # The step (and the earlier steps it supersedes) is recorded with its mail in one
        # transaction: a crash never mails twice, and a failing mail server delays the mail
        # (the outbox retries it) instead of losing it.
        with transaction.atomic():
            for _months, earlier in SCHEDULE:
                if earlier not in recorded and (earlier == step or _months < months):
                    FreshnessReminder.objects.create(
                        translation_key=key,
                        confirmed_on=confirmed_on,
                        step=earlier,
                        recipients=", ".join(recipients) if earlier == step else "",
                    )
            if recipients:
                context = {
                    "organisation": page.title,
                    "confirmed_on": confirmed_on,
                    "step": step,
                    "admin_url": emails.absolute("/admin/"),
                }
                emails.queue("freshness", context, recipients, page.locale.language_code)
    return done
