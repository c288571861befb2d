from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from glokal.search.providers import SearchProvider
from glokal.viewsets import TaxonomyViewSet

from .models import ContactPerson, NewsArticlePage, StoryPage, Topic
from .search import texts_about

hooks.register("directory_organisation_search_texts", texts_about)


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 40  # after the directory's regions, sectors and certifications
    list_display = ["name", "slug", "sort_order", "locale"]


register_snippet(TopicViewSet)


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = _("Contact persons")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["name", "role", "organisation", "email"]
    ordering = ["name"]


register_snippet(ContactPersonViewSet)


@hooks.register("register_site_search_provider")
def news_in_site_search():
    return SearchProvider("news", _("News"), (NewsArticlePage,), order=20)


@hooks.register("register_site_search_provider")
def stories_in_site_search():
    return SearchProvider("stories", _("Success stories"), (StoryPage,), order=30)
