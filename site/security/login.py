"""The admin's login and password-reset forms: two-factor codes and a limit on reset mails."""

import logging

import django_otp
from axes.backends import AxesStandaloneBackend
from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from .client import client_address

logger = logging.getLogger(__name__)


def has_two_factor(user):
    return any(devices_for_user(user, confirmed=True))


class AdminLoginForm(LoginForm):
    """Wagtail's login form; with ADMIN_TWO_FACTOR on, a code for staff who set up an app.

    Staff without an authenticator app log in with their password alone, so two-factor stays
    optional per person. A wrong code counts as a failed login for the lockout.
    """

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Only if you have set up two-factor authentication."),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        if not settings.ADMIN_TWO_FACTOR:
            del self.fields["otp_token"]

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if not settings.ADMIN_TWO_FACTOR or user is None or not has_two_factor(user):
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").replace(" ", "")
        device = match_token(user, token) if token else None
        if device is None:
            user_login_failed.send(
                sender=__name__,
                credentials={"username": cleaned_data.get("username")},
                request=self.request,
            )
            raise forms.ValidationError(
                _("Enter the current code from your authenticator app."), code="otp_invalid"
            )
        self.request._verified_otp_device = device
        return cleaned_data


@receiver(user_logged_in)
def _mark_session_verified(sender, request, user, **kwargs):
    # After Django's login (which renews the session) so the verification is kept in it.
    device = getattr(request, "_verified_otp_device", None) if request is not None else None
    if device is not None:
        django_otp.login(request, device)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out account or address, in the visitor's language."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "security/admin_lockout.html", {"minutes": minutes}, status=429)


def _within_limit(key, limit, seconds):
    """Count one more use of `key`; False once `limit` uses fall within `seconds`.

    Counted atomically in the shared cache. If the cache cannot count (it is down) the mail is
    sent: a reset mail only ever goes to the account's own address, and staff must be able to
    get back into the admin while Redis is being repaired.
    """
    cache.add(key, 0, seconds)
    try:
        return cache.incr(key) <= limit
    except ValueError:
        logger.warning("password reset: limit not counted, cache unavailable")
        return True


class LimitedPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form that sends a limited number of mails per address and per account.

    Over a limit, the form answers as usual ("if the address belongs to an account, a mail is
    on its way") and sends nothing, so the answer tells nobody whether an account exists.
    """

    def save(self, *args, request=None, **kwargs):
        limits = settings.PASSWORD_RESET_RATE_LIMITS
        email = self.cleaned_data["email"].strip().lower()
        address = client_address(request) if request is not None else None
        within_address = _within_limit(f"password-reset:address:{address}", *limits["address"])
        within_account = _within_limit(f"password-reset:account:{email}", *limits["account"])
        if not (within_address and within_account):
            logger.warning(
                "password reset mail not sent: limit reached",
                extra={"limit": "address" if not within_address else "account"},
            )
            return
        super().save(*args, request=request, **kwargs)


class RequestLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check for logins that come with a request.

    Every login over HTTP (the admin's form, the password reset) passes its request; code that
    authenticates without one (Django's test client, management commands) has no client address
    to lock, and django-axes would refuse it outright.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
