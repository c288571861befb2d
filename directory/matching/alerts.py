"""Alerts to organisations about requests they could meet, through the outbox.

When a request is published, and when an organisation's profile changes, a background task
matches again and stores a RequestAlert for every new pair. Each organisation chose how often
it hears of them (SupplierAlertSetting): at once, in a daily or weekly digest, or never; a
mail never goes out more often than that. Every mail carries a one-click unsubscribe link.
"""

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_tasks import task

from ..models import OrganisationPage, RequestBoardPage, SourcingRequestPage
from ..models.alerts import RequestAlert, SupplierAlertSetting
from ..selfservice.emails import absolute
from ..selfservice.permissions import editor_addresses
from . import lifecycle
from .matching import matches_for_request, open_requests, requests_for_organisation

PERIODS = {
    SupplierAlertSetting.Frequency.DAILY: datetime.timedelta(days=1),
    SupplierAlertSetting.Frequency.WEEKLY: datetime.timedelta(days=7),
}
# How many organisations hear of one request: the best matches only.
ALERTED_MATCHES = 20
UNSUBSCRIBE_SALT = "directory.sourcing-unsubscribe"


def setting_for(organisation_key):
    setting, _created = SupplierAlertSetting.objects.get_or_create(
        organisation_key=organisation_key
    )
    return setting


def stop_alerts(organisation_key):
    """The organisation hears of no more requests (until an editor chooses otherwise)."""
    setting = setting_for(organisation_key)
    setting.frequency = SupplierAlertSetting.Frequency.NEVER
    setting.save(update_fields=["frequency"])


def _signature(key_hex):
    return salted_hmac(UNSUBSCRIBE_SALT, key_hex, algorithm="sha256").hexdigest()[:32]


def unsubscribe_token(organisation_key):
    """The organisation's key and its signature as letters and digits only: the page routing
    answers no path segment holding ":" or "." (Django's signing uses them)."""
    key_hex = uuid.UUID(str(organisation_key)).hex
    return key_hex + _signature(key_hex)


def unsubscribe_url(organisation_key, language):
    board = RequestBoardPage.objects.filter(locale__language_code=language).first()
    board = board or RequestBoardPage.objects.first()
    route = board.reverse_subpage("unsubscribe", args=[unsubscribe_token(organisation_key)])
    return absolute(board.url + route)


def organisation_for_token(token):
    """The organisation key of an unsubscribe token, or None when it is not one of ours."""
    key_hex, signature = token[:32], token[32:]
    if len(token) != 64 or not constant_time_compare(signature, _signature(key_hex)):
        return None
    return uuid.UUID(key_hex)


def _store(request_page, organisation, match):
    if organisation.translation_key == request_page.organisation.translation_key:
        return None
    try:
        with transaction.atomic():
            return RequestAlert.objects.create(
                request_key=request_page.translation_key,
                organisation_key=organisation.translation_key,
                explanation=match.explanation[:500],
            )
    except IntegrityError:
        return None  # told before


@task()
def alert_matches_of_request(request_id):
    """After a request is published: its best matches hear of it."""
    page = SourcingRequestPage.objects.filter(pk=request_id).select_related("organisation").first()
    if page is None or not page.live or not page.is_open or page.organisation is None:
        return 0
    stored = [
        alert
        for match in matches_for_request(page, ALERTED_MATCHES)
        if (alert := _store(page, match.organisation, match))
    ]
    send_due(immediate_only=True)
    return len(stored)


@task()
def alert_requests_for_organisation(organisation_id):
    """After a profile changed: the open requests it now could meet."""
    organisation = OrganisationPage.objects.filter(pk=organisation_id).first()
    if organisation is None or not organisation.live:
        return 0
    stored = [
        alert
        for page, match in requests_for_organisation(organisation, ALERTED_MATCHES)
        if (alert := _store(page, organisation, match))
    ]
    send_due(immediate_only=True)
    return len(stored)


def _is_due(setting, now):
    if setting.frequency == SupplierAlertSetting.Frequency.NEVER:
        return False
    if setting.frequency == SupplierAlertSetting.Frequency.IMMEDIATE:
        return True
    return setting.last_sent_at is None or now - setting.last_sent_at >= PERIODS[setting.frequency]


def _source_page(model, key):
    return model.objects.filter(translation_key=key).order_by("pk").first()


def send_due(immediate_only=False, now=None):
    """Send every organisation whose frequency allows it one mail with its waiting alerts.

    Returns the organisations' keys mailed. Run daily (`send_request_alerts`); publishing
    sends the "at once" ones itself.
    """
    now = now or timezone.now()
    waiting = RequestAlert.objects.filter(sent_at__isnull=True)
    keys = set(waiting.values_list("organisation_key", flat=True))
    mailed = []
    for key in keys:
        setting = setting_for(key)
        if immediate_only and setting.frequency != SupplierAlertSetting.Frequency.IMMEDIATE:
            continue
        if not _is_due(setting, now):
            continue
        with transaction.atomic():
            alerts = list(waiting.filter(organisation_key=key).select_for_update())
            organisation = _source_page(OrganisationPage, key)
            language = organisation.locale.language_code if organisation else "de"
            items = []
            for alert in alerts:
                versions = SourcingRequestPage.objects.filter(translation_key=alert.request_key)
                page = versions.filter(locale__language_code=language).first() or versions.first()
                if page and page.live and page.is_open:
                    items.append(
                        {"page": page, "url": absolute(page.url), "why": alert.explanation}
                    )
            to = editor_addresses(key)
            if items and to:
                lifecycle.queue_mail(
                    "request_alert",
                    {
                        "organisation": organisation,
                        "items": items,
                        "unsubscribe_url": unsubscribe_url(key, language),
                    },
                    to,
                    language,
                    stop=("requests", unsubscribe_token(key)),
                )
                mailed.append(key)
            RequestAlert.objects.filter(pk__in=[a.pk for a in alerts]).update(sent_at=now)
            setting.last_sent_at = now
            setting.save(update_fields=["last_sent_at"])
    return mailed


def requests_published(page):
    transaction.on_commit(lambda: alert_matches_of_request.enqueue(page.pk))


def profile_published(page):
    # Only when there is something to match against.
    if open_requests(page.locale).exists():
        transaction.on_commit(lambda: alert_requests_for_organisation.enqueue(page.pk))
