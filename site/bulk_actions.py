"""Page bulk actions of the project share one confirmation page; each action says its words."""

from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction


class ConfirmedPageBulkAction(PageBulkAction):
    """A page bulk action whose confirmation shows `confirmation` (title, icon, description,
    the yes and no buttons, and the heading of the pages it may not act on)."""

    template_name = "components/admin/bulk_confirmation.html"
    confirmation = {}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "confirmation": self.confirmation}
