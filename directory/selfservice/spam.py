"""Spam protection of the public forms: a honeypot, a signed single-use form token and rate
limits counted per client address in the shared cache.

When the cache cannot count (Redis down), each form follows its FAIL_OPEN choice: an enquiry
goes through (a visitor's message is worth more, and the honeypot, the form timing and the
single-use token still hold), while listing and claiming refuse politely for the moment
(each creates work for every moderator, and the person can simply send again later).
"""

import contextlib
import hashlib
import ipaddress
import logging
import secrets
import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glokal.forms import VisitorFormMixin
from glokal.security.client import client_address as trusted_client_address

from ..models.submissions import FormSubmission

logger = logging.getLogger(__name__)

FORM_SALT = "directory.form-started"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 60 * 60 * 24
# (number of submissions, seconds) per form: per client address, and for enquiries per
# organisation written to. Tests and deployments may override them with DIRECTORY_RATE_LIMITS.
DEFAULT_RATE_LIMITS = {
    "enquiry": {"ip": (5, 60 * 60), "organisation": (20, 60 * 60 * 24)},
    "join": {"ip": (3, 60 * 60)},
    "claim": {"ip": (5, 60 * 60)},
    "answer": {"ip": (5, 60 * 60), "organisation": (20, 60 * 60 * 24)},
    "report": {"ip": (5, 60 * 60)},
    "subscribe": {"ip": (5, 60 * 60)},
}
# What a form does when the cache is down: True lets it through, False refuses (see above).
FAIL_OPEN = {
    "enquiry": True,
    "join": False,
    "claim": False,
    "answer": True,
    "report": True,
    "subscribe": False,
}


def form_token(now=None):
    """A signed, unique token of when the form was shown, checked when it comes back."""
    started = int(now if now is not None else time.time())
    return signing.dumps({"t": started, "n": secrets.token_urlsafe(12)}, salt=FORM_SALT)


class SpamProtectedForm(VisitorFormMixin, forms.Form):
    """A honeypot field bots fill in, a minimum time a person needs, and a token used once."""

    # Hidden from people by CSS and aria-hidden; any value means a bot filled it in.
    homepage = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.token_nonce = None
        if not self.is_bound:
            self.initial["started"] = form_token()

    def renew_token(self):
        # A bound form shows what was sent; a fresh token lets the person simply send again.
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = form_token()

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("homepage"):
            raise ValidationError(
                _("This form looks as if it was filled in automatically, so it was not sent."),
                code="honeypot",
            )
        try:
            token = signing.loads(self.data.get(self.add_prefix("started"), ""), salt=FORM_SALT)
            started, self.token_nonce = int(token["t"]), str(token["n"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            self.renew_token()
            raise ValidationError(
                _("The form could not be checked. Please send it again."), code="token"
            ) from None
        age = time.time() - started
        if age > MAX_FORM_AGE:
            self.renew_token()
            raise ValidationError(
                _("The form was open for more than a day. Please check it and send it again."),
                code="expired",
            )
        if age < MIN_FILL_SECONDS:
            raise ValidationError(
                _(
                    "The form was sent faster than a person can fill it in. Please check your "
                    "entries and send it again."
                ),
                code="too_fast",
            )
        return cleaned_data


# Single-use tokens ---------------------------------------------------------------------------


class AlreadySubmitted(Exception):
    """This form token was used before; `outcome` is what its first submission created."""

    def __init__(self, outcome):
        super().__init__(outcome)
        self.outcome = outcome


def _digest(name, nonce):
    return hashlib.sha256(f"{name}:{nonce}".encode()).hexdigest()


def earlier_submission(form, name):
    """The stored first submission of the bound `form`'s token, if it was sent before.

    Checked before the form is validated: a repeat must show what the first submission
    created, not complain that the organisation it just listed already exists.
    """
    try:
        token = signing.loads(form.data.get(form.add_prefix("started"), ""), salt=FORM_SALT)
        nonce = str(token["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return FormSubmission.objects.filter(token_digest=_digest(name, nonce)).first()


def use_token(form, name):
    """Mark the valid `form`'s token used, in the caller's transaction, or AlreadySubmitted.

    Concurrent submissions of one token wait on the unique index: the first creates, the
    others find its row once it commits.
    """
    digest = _digest(name, form.token_nonce)
    # Tokens expire after MAX_FORM_AGE, so older records protect nothing.
    FormSubmission.objects.filter(
        created_at__lt=timezone.now() - timedelta(seconds=2 * MAX_FORM_AGE)
    ).delete()
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(token_digest=digest, form=name)
    except IntegrityError:
        previous = FormSubmission.objects.filter(token_digest=digest).first()
        raise AlreadySubmitted(previous.outcome if previous else "") from None


def record_outcome(submission, outcome):
    submission.outcome = str(outcome)
    submission.save(update_fields=["outcome"])


# Rate limits ---------------------------------------------------------------------------------


class RateLimited(Exception):
    """The submission is refused for now; `message` tells the visitor, `status` the client."""

    def __init__(self, message, status=429):
        super().__init__(message)
        self.message = message
        self.status = status


def client_address(request):
    """The visitor's address as the rate limits count it: the address behind the trusted
    proxies (glokal.security.client), with IPv6 clients counted per /64 network."""
    address = trusted_client_address(request)
    if address is None:
        return "unknown"
    parsed = ipaddress.ip_address(address)
    if parsed.version == 6:
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


def _limits(name):
    configured = getattr(settings, "DIRECTORY_RATE_LIMITS", {})
    return configured.get(name, DEFAULT_RATE_LIMITS[name])


def _counters(request, name, pages):
    limits = _limits(name)
    counters = [(f"selfservice:{name}:ip:{client_address(request)}", *limits["ip"], None)]
    counters += [
        (f"selfservice:{name}:org:{page.translation_key}", *limits["organisation"], page)
        for page in pages
    ]
    return counters


def _increment(key, seconds):
    # add() creates the counter with its expiry only if missing; incr() is atomic in Redis
    # (INCRBY) and in the local memory cache, so parallel requests each get their own number.
    for _attempt in range(2):
        cache.add(key, 0, seconds)
        try:
            return cache.incr(key)
        except ValueError:
            # The counter expired between add() and incr(): start a new window.
            continue
    return cache.incr(key)


def _uncount(keys):
    for key in keys:
        # A counter that expired meanwhile has nothing to take back.
        with contextlib.suppress(ValueError):
            cache.decr(key)


def _refusal(name, page):
    if page is not None:
        return _(
            "%(organisation)s has received many enquiries today. Please try again tomorrow "
            "or remove it from your selection."
        ) % {"organisation": page.title}
    if name == "enquiry":
        return _(
            "You have sent several enquiries in a short time. To protect the organisations "
            "from spam, please wait an hour and send it again."
        )
    return _(
        "You have sent this form several times in a short time. Please wait an hour and "
        "send it again."
    )


def check_rate_limits(request, name, pages=()):
    """Count this submission of form `name` (to `pages`); RateLimited if over a limit.

    A refused submission is not counted, so the limit is the number that get through.
    """
    taken, counters = [], _counters(request, name, pages)
    try:
        for key, limit, seconds, page in counters:
            count = _increment(key, seconds)
            taken.append(key)
            if count > limit:
                _uncount(taken)
                raise RateLimited(_refusal(name, page))
    except RateLimited:
        raise
    except Exception as exc:  # noqa: BLE001 - any cache failure: the form's documented choice
        logger.warning("Rate limits of the %s form could not be counted: %s", name, exc)
        if FAIL_OPEN[name]:
            return
        raise RateLimited(
            _(
                "We cannot accept this form just now because of a technical problem. Your "
                "entries are kept below; please send it again in a few minutes."
            ),
            status=503,
        ) from exc
