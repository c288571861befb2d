"""What holds for one request, read once: locales, view restrictions and taxonomy rows.

Wagtail looks the active locale up and reads every view restriction again each time a page asks
(`Locale.get_active()`, `.public()`), which is a query per call. Inside a request the answers
cannot change, so `RequestMemoMiddleware` opens a memo for the request and closes it when the
response is done; outside a request (shell, tasks, tests that call code directly) every call
reads the database as before, so nothing is ever served from an earlier request.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageManager, PageQuerySet, PageViewRestriction

_memo = ContextVar("glokal_request_memo", default=None)


class RequestMemoMiddleware:
    """Opens the memo of one request; it lives until the response is rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def memoised(key, compute):
    """`compute()`, called once per request for `key` (every time outside a request)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(*keys):
    """Drop memoised values after the data behind them changed within the request."""
    memo = _memo.get()
    if memo is None:
        return
    for key in keys:
        memo.pop(key, None)


# Locales ------------------------------------------------------------------------------------


def content_language(language_code):
    """The content language a language code stands for ("de-at" -> "de"), or None."""
    try:
        return get_supported_content_language_variant(language_code)
    except (LookupError, TypeError):
        return None


def _locales_by_code():
    return memoised("locales", lambda: {loc.language_code: loc for loc in Locale.objects.all()})


def remember_locale(locale):
    """Keep a locale that a query read anyway (routing joins it), saving the locale query."""
    memo = _memo.get()
    if memo is not None and locale is not None:
        memo.setdefault("known_locales", {})[locale.language_code] = locale


def locale_for(language_code):
    """The locale of a language code, or None when there is none."""
    code = content_language(language_code)
    memo = _memo.get() or {}
    known = memo.get("known_locales", {})
    return known[code] if code in known else _locales_by_code().get(code)


def default_locale():
    """Locale.get_default(), read once per request."""
    return locale_for(settings.LANGUAGE_CODE) or Locale.get_default()


def active_locale():
    """Locale.get_active(): the locale of the active language, else the default one."""
    return locale_for(translation.get_language()) or default_locale()


def locale_by_id(locale_id):
    """The locale with this id, from the locales the request has read."""
    memo = _memo.get() or {}
    for locale in memo.get("known_locales", {}).values():
        if locale.pk == locale_id:
            return locale
    return next((loc for loc in _locales_by_code().values() if loc.pk == locale_id), None)


# Small tables --------------------------------------------------------------------------------


def all_rows(model):
    """Every row of a small table (a taxonomy, in every language), read once per request."""
    return memoised(("rows", model._meta.label), lambda: list(model._default_manager.all()))


def in_request():
    return _memo.get() is not None


# View restrictions --------------------------------------------------------------------------


def view_restrictions():
    """Every page view restriction with its page, read once per request."""
    return memoised(
        "view_restrictions", lambda: list(PageViewRestriction.objects.select_related("page"))
    )


def restricted_q(queryset):
    """Matches pages in a restricted section (Wagtail's `private_q`, from the memo)."""
    q = Q()
    for restriction in view_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def public(queryset):
    """`queryset` without pages a visitor needs a login or password for."""
    return queryset.exclude(restricted_q(queryset))


def is_public(page):
    """Whether a visitor sees `page` without a login or password."""
    return not any(page.path.startswith(r.page.path) for r in view_restrictions())


class MemoisedPageQuerySet(PageQuerySet):
    """Page queries whose `.public()` and `.private()` read the restrictions once per request."""

    def private_q(self):
        return restricted_q(self)


MemoisedPageManager = PageManager.from_queryset(MemoisedPageQuerySet)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _forget_locales(**kwargs):
    forget("locales", "known_locales")


@receiver(post_save)
@receiver(post_delete)
def _forget_rows(sender, **kwargs):
    forget(("rows", sender._meta.label))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _forget_view_restrictions(**kwargs):
    forget("view_restrictions")
