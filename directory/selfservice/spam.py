"""Spam protection of the public forms: a honeypot, a signed start time and rate limits."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FORM_SALT = "directory.form-started"
MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 60 * 60 * 24
# (number of enquiries, seconds): per client address, and per organisation written to.
DEFAULT_RATE_LIMITS = {"ip": (5, 60 * 60), "organisation": (20, 60 * 60 * 24)}


def form_token(now=None):
    """A signed timestamp of when the form was shown, checked when it comes back."""
    return signing.dumps(int(now if now is not None else time.time()), salt=FORM_SALT)


class SpamProtectedForm(forms.Form):
    """A honeypot field bots fill in and a minimum time a person needs to fill the form."""

    # Hidden from people by CSS and aria-hidden; any value means a bot filled it in.
    homepage = forms.CharField(label=gettext_lazy("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
            started = signing.loads(self.data.get(self.add_prefix("started"), ""), salt=FORM_SALT)
        except signing.BadSignature:
            self.renew_token()
            raise ValidationError(
                _("The form could not be checked. Please send it again."), code="token"
            ) from None
        age = time.time() - int(started)
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


# Rate limits of enquiries, counted in the cache.


def _client_address(request):
    # Behind the platform's proxy REMOTE_ADDR is what the proxy reports; a forwarded header
    # could be set by anyone, so it is not trusted here.
    return request.META.get("REMOTE_ADDR", "unknown")


def _rate_limit_keys(request, pages):
    limits = getattr(settings, "DIRECTORY_ENQUIRY_RATE_LIMITS", DEFAULT_RATE_LIMITS)
    keys = [(f"directory:enquiry:ip:{_client_address(request)}", *limits["ip"], "ip", None)]
    keys += [
        (f"directory:enquiry:org:{page.translation_key}", *limits["organisation"], "org", page)
        for page in pages
    ]
    return keys


def rate_limit_refusal(request, pages):
    """Why an enquiry from this client to `pages` is refused now, or None if it may go."""
    for key, limit, _seconds, kind, page in _rate_limit_keys(request, pages):
        if cache.get(key, 0) >= limit:
            if kind == "ip":
                return _(
                    "You have sent several enquiries in a short time. To protect the "
                    "organisations from spam, please wait an hour and send it again."
                )
            return _(
                "%(organisation)s has received many enquiries today. Please try again tomorrow "
                "or remove it from your selection."
            ) % {"organisation": page.title}
    return None


def count_sent(request, pages):
    """Count an enquiry sent by this client to `pages` against the limits."""
    for key, _limit, seconds, _kind, _page in _rate_limit_keys(request, pages):
        cache.add(key, 0, seconds)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, seconds)
