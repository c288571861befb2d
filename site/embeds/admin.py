"""The admin's "Embed this" page: choose a list and its filters, copy the iframe snippet."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .forms import DEFAULT_ITEMS, MAX_ITEMS, EmbedForm

KINDS = [("news", _("News")), ("events", _("Events")), ("directory", _("Directory"))]
FRAME_HEIGHT = 480


class EmbedBuilderForm(EmbedForm):
    kind = forms.ChoiceField(label=_("What to show"), choices=KINDS)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    topic = forms.SlugField(label=_("Topic (slug)"), required=False)
    region = forms.CharField(label=_("Region (NUTS-3 code)"), required=False, max_length=10)
    sector = forms.SlugField(label=_("Sector (slug)"), required=False)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", "—"), ("DE", "DE"), ("CZ", "CZ")]
    )
    field_order = ["kind", "language", "topic", "region", "sector", "country", "limit", "accent"]

    # Which filters each embed understands; the others are left out of its address.
    FILTERS = {
        "news": ("topic",),
        "events": ("country",),
        "directory": ("region", "sector", "country"),
    }

    def embed_url(self):
        data = self.cleaned_data
        query = {name: data[name] for name in self.FILTERS[data["kind"]] if data.get(name)}
        if data["limit"] != DEFAULT_ITEMS:
            query["limit"] = data["limit"]
        if data["accent"]:
            query["accent"] = data["accent"]
        url = f"{settings.BASE_URL}/{data['language']}/embed/{data['kind']}/"
        return url + ("?" + urlencode(query) if query else "")


def embed_builder(request):
    form = EmbedBuilderForm(request.GET or None)
    context = {"form": form, "max_items": MAX_ITEMS, "header_title": _("Embed this")}
    if form.is_valid():
        url = form.embed_url()
        title = dict(KINDS)[form.cleaned_data["kind"]]
        context.update(
            embed_url=url,
            snippet=(
                f'<iframe src="{url}" title="{title} · Glokal" width="100%" '
                f'height="{FRAME_HEIGHT}" loading="lazy" style="border:0"></iframe>'
            ),
        )
    return TemplateResponse(request, "embeds/admin/builder.html", context)
