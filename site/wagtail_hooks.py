from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.wagtail_hooks import CertificationViewSet, RegionViewSet, SectorViewSet
from newsroom.wagtail_hooks import TopicViewSet

from .models import FooterSettings


class FooterSettingsViewSet(SnippetViewSet):
    model = FooterSettings
    icon = "list-ul"
    menu_label = _("Footer and funding notice")
    add_to_settings_menu = True
    list_display = ["__str__", "funding_notice"]


register_snippet(FooterSettingsViewSet)


class TaxonomyGroup(SnippetViewSetGroup):
    """Every taxonomy of the platform under one admin menu item."""

    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (RegionViewSet, SectorViewSet, CertificationViewSet, TopicViewSet)


register_snippet(TaxonomyGroup)
