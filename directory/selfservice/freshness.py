"""The freshness schedule: reminders after 12 and 13 months, "not current" after 18.

`run()` is idempotent: each step is recorded per organisation and confirmation date, so a
daily cron job sends every mail once, and confirming the profile starts a new schedule.
"""

import datetime
import logging

from django.db.models import Max
from django.utils import timezone

from . import emails
from .models import OrganisationPage
from .models.freshness import FreshnessReminder
from .models.membership import OrganisationAccess

logger = logging.getLogger(__name__)

# Months after the last confirmation, latest first: only the latest due step is mailed.
SCHEDULE = (
    (18, FreshnessReminder.Step.STALE),
    (13, FreshnessReminder.Step.SECOND),
    (12, FreshnessReminder.Step.FIRST),
)
STALE_MONTHS = 18


def add_months(date, months):
    """`date` plus whole months, clamped to the end of shorter months (31 Jan + 1 = 28 Feb)."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(date.day, last_day))


def stale_before(today=None):
    """Profiles last confirmed before this date are shown as not current."""
    return add_months(today or timezone.localdate(), -STALE_MONTHS)


def is_stale(last_confirmed, today=None):
    return bool(last_confirmed) and last_confirmed <= stale_before(today)


def due_step(confirmed_on, today):
    for months, step in SCHEDULE:
        if today >= add_months(confirmed_on, months):
            return months, step
    return None, None


def recipients_for(translation_key, page):
    access = OrganisationAccess.objects.filter(translation_key=translation_key).first()
    addresses = []
    if access:
        addresses = list(
            access.members.filter(is_active=True).exclude(email="").values_list("email", flat=True)
        )
    if not addresses:
        addresses = [contact.email for contact in page.contacts.all() if contact.email]
    return sorted(set(addresses))


def run(today=None, dry_run=False):
    """Do every due step; returns a list of (organisation title, step, recipients)."""
    today = today or timezone.localdate()
    done = []
    organisations = (
        OrganisationPage.objects.filter(live=True)
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
        # Record first (and the earlier steps it supersedes), so a crash never mails twice.
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
            try:
                emails.send("freshness", context, recipients, page.locale.language_code)
            except Exception as exc:  # noqa: BLE001 - one failing mail must not stop the run
                logger.warning("Freshness mail for %s failed: %s", page.title, exc)
    return done
