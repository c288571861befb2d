"""Admin viewsets the apps build on."""

from wagtail.snippets.views.snippets import SnippetViewSet


class TaxonomyViewSet(SnippetViewSet):
    """Admin of one taxonomy; glokal's hooks gather every taxonomy into one menu group."""

    # Seeded rows come from data migrations, which fill no search index: search these short
    # lists in the database directly.
    search_backend_name = None
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]
