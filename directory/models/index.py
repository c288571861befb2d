"""The directory of one language: the page visitors search organisations on."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from glokal.models import SectionIndexPage


class SavedSearchRoutesMixin(RoutablePageMixin):
    """The routes of a page whose search visitors save for a daily mail (the directory, a
    request board): the form, and the confirm and stop links of the mails."""

    @path("alerts/", name="save_search")
    def save_search_route(self, request):
        from ..matching.views import save_search

        return save_search(request, self)

    @path("alerts/<str:action>/<str:token>/", name="saved_search")
    def saved_search_route(self, request, action, token):
        from ..matching.views import saved_search

        return saved_search(request, self, action, token)


class DirectoryIndexPage(SavedSearchRoutesMixin, SectionIndexPage):
    """The directory of one language: full-text and faceted search over its organisations.

    Its routes hold the full view of the result map, the saved searches mailed daily and the
    public self-service: listing an organisation, writing to several organisations and
    accepting an invitation.
    """

    subpage_types = ["directory.OrganisationPage"]

    class Meta:
        verbose_name = _("Directory index page")
        verbose_name_plural = _("Directory index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The search (directory.search.context) answers through a hook, so the models, the
        # floor of the app, do not depend on the search built on them.
        for search_context in hooks.get_hooks("directory_index_context"):
            context.update(search_context(request, self))
        return context

    @path("map/", name="map")
    def map_route(self, request):
        # The same search as the list (its query string), shown as a large map with a legend.
        return self.render(request, template="directory/directory_index_map.html")

    @path("join/", name="join")
    def join_route(self, request):
        from ..selfservice.views import join

        return join(request, self)

    @path("contact/", name="contact")
    def contact_route(self, request):
        from ..selfservice.views import contact

        return contact(request, self)

    @path("invitation/<str:uidb64>/<str:token>/", name="invitation")
    def invitation_route(self, request, uidb64, token):
        from ..selfservice.views import invitation

        return invitation(request, self, uidb64, token)

    def get_template(self, request, *args, **kwargs):
        # The page's script asks for the results fragment only, to swap it in place.
        if request.GET.get("fragment") == "results":
            return "directory/includes/search_results.html"
        return super().get_template(request, *args, **kwargs)
