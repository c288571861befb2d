"""Live key figures for content pages, counted from published content like the dashboard."""

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .registry import key_figures

# Seconds a count is kept; publishing or unpublishing a page forgets every count at once.
CACHE_SECONDS = 600


def figure_choices():
    return [(figure.key, figure.label) for figure in key_figures().values()]


def cache_key(figure_key):
    return f"reporting:key-figure:{figure_key}"


def current_count(figure):
    count = cache.get(cache_key(figure.key))
    if count is None:
        count = figure.count()
        cache.set(cache_key(figure.key), count, CACHE_SECONDS)
    return count


def forget_counts(**kwargs):
    cache.delete_many([cache_key(key) for key in key_figures()])


class LiveFiguresStructValue(blocks.StructValue):
    def counts(self):
        """(label, count) of each chosen figure the apps still offer, in the chosen order."""
        offered = key_figures()
        chosen = [offered[key] for key in self.get("figures") or [] if key in offered]
        return [(figure.label, current_count(figure)) for figure in chosen]


class LiveFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False)
    figures = blocks.MultipleChoiceBlock(
        label=_("Figures"),
        choices=figure_choices,
        help_text=_("Counted from what is published on the platform."),
    )

    class Meta:
        icon = "table"
        template = "components/blocks/live_figures_block.html"
        label = _("Live key figures")
        value_class = LiveFiguresStructValue
        preview_value = {"title": "Glokal in Zahlen", "figures": ["organisations", "countries"]}
