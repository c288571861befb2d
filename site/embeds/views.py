"""The embed views: one list each, in the language of the URL, for a partner's iframe."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from directory.models import OrganisationPage, Region, Sector
from eventpages.models import EventPage
from eventpages.models.choices import EventFormat
from newsroom.models import NewsArticlePage, Topic

from .forms import DirectoryEmbedForm, EventsEmbedForm, NewsEmbedForm

# Partners' sites may ask often; the list changes only when content is published.
EMBED_MAX_AGE = 300


def framed_by_partners(view):
    """Allow `view`'s answers in frames of the partner origins (and the admin's own preview)
    only: CSP frame-ancestors instead of the site-wide "never framed"."""

    @xframe_options_exempt
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_replace = {"frame-ancestors": ["'self'", *settings.PARTNER_ORIGINS]}
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return require_safe(wrapped)


def active_locale():
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    if locale is None:
        raise Http404
    return locale


def render_embed(request, template, form, title, items):
    status = 200 if form.is_valid() else 400
    accent = form.cleaned_data.get("accent", "") if status == 200 else ""
    response = TemplateResponse(
        request,
        template,
        {
            "form": form,
            "title": title,
            "items": items if status == 200 else [],
            "accent": accent,
            "source_url": f"{settings.BASE_URL}/{translation.get_language()}/",
        },
        status=status,
    )
    if status == 200:
        response["Cache-Control"] = f"public, max-age={EMBED_MAX_AGE}"
    return response


@framed_by_partners
def news_embed(request) -> HttpResponse:
    """The newest articles, optionally of some topics."""
    locale = active_locale()
    topics = Topic.objects.filter(locale=locale).order_by("sort_order", "name")
    form = NewsEmbedForm(request.GET, topics=topics)
    articles = []
    if form.is_valid():
        articles = NewsArticlePage.objects.live().public().filter(locale=locale)
        if form.cleaned_data["topic"]:
            tagged = NewsArticlePage.topics.through.objects.filter(
                topic__slug__in=form.cleaned_data["topic"]
            )
            articles = articles.filter(pk__in=tagged.values("newsarticlepage_id"))
        articles = articles.order_by("-publication_date", "-pk")[: form.cleaned_data["limit"]]
    return render_embed(request, "embeds/news.html", form, _("News"), articles)


@framed_by_partners
def events_embed(request) -> HttpResponse:
    """The next events, optionally of some formats or countries."""
    locale = active_locale()
    form = EventsEmbedForm(request.GET, formats=EventFormat.choices)
    events = []
    if form.is_valid():
        events = EventPage.objects.live().public().filter(locale=locale)
        if form.cleaned_data["event_format"]:
            events = events.filter(event_format__in=form.cleaned_data["event_format"])
        if form.cleaned_data["country"]:
            events = events.filter(venue_country__in=form.cleaned_data["country"])
        events = events.upcoming(timezone.now())[: form.cleaned_data["limit"]]
    return render_embed(request, "embeds/events.html", form, _("Events"), events)


@framed_by_partners
def directory_embed(request) -> HttpResponse:
    """Organisations of the directory, optionally of some regions, sectors or countries."""
    locale = active_locale()
    form = DirectoryEmbedForm(
        request.GET,
        regions=Region.objects.filter(locale=locale).order_by("code"),
        sectors=Sector.objects.filter(locale=locale).order_by("sort_order", "name"),
    )
    organisations = []
    if form.is_valid():
        data = form.cleaned_data
        organisations = OrganisationPage.objects.live().public().filter(locale=locale)
        if data["region"]:
            organisations = organisations.filter(region__code__in=data["region"])
        if data["sector"]:
            chosen = Sector.objects.filter(slug__in=data["sector"]).values("pk")
            organisations = organisations.filter(
                pk__in=OrganisationPage.sectors.through.objects.filter(sector__in=chosen).values(
                    "organisationpage_id"
                )
            )
        if data["country"]:
            organisations = organisations.filter(country__in=data["country"])
        organisations = organisations.order_by("sort_title", "title", "pk")[: data["limit"]]
    return render_embed(request, "embeds/directory.html", form, _("Directory"), organisations)


def accent_stylesheet(request, colour):
    """The partner's accent colour as a stylesheet: the embeds' CSP allows no inline style."""
    response = HttpResponse(
        f":root {{ --embed-accent: #{colour}; }}\n", content_type="text/css; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
