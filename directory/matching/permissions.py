"""Who may do what with a sourcing request: the fence around organisation editors.

Every organisation group holds `add_page` on the request boards (selfservice.permissions adds
it), so its editors may write requests there and submit them for review; this tester narrows
what that grants: editing only requests of their own organisations (whoever of them wrote it),
deleting only drafts, never unpublishing, moving, copying, locking or restricting. Staff keep
Wagtail's own rules. The admin forms offer editors only their own organisations.
"""

from wagtail.models import PagePermissionTester

from ..models import OrganisationPage
from ..selfservice.permissions import (
    is_directory_staff,
    is_organisation_editor,
    organisation_keys,
)


def requesting_organisations(user, request_page=None):
    """The organisation profiles `user` may publish a request for."""
    if is_directory_staff(user):
        return OrganisationPage.objects.all()
    return OrganisationPage.objects.filter(translation_key__in=organisation_keys(user))


def speaks_for_request(user, request_page):
    """Whether `user` is an editor of the requesting organisation."""
    keys = organisation_keys(user)
    return bool(keys) and (
        OrganisationPage.objects.filter(
            pk=request_page.organisation_id, translation_key__in=keys
        ).exists()
    )


def can_manage_request(user, request_page):
    """Staff, or the requesting organisation's editors: see matches and answers, close it."""
    return user.is_active and (is_directory_staff(user) or speaks_for_request(user, request_page))


class SourcingRequestPermissionTester(PagePermissionTester):
    """Page permissions of a sourcing request (see the module docstring)."""

    def _editor(self):
        return is_organisation_editor(self.user)

    def _own(self):
        if not hasattr(self, "_own_cache"):
            self._own_cache = speaks_for_request(self.user, self.page)
        return self._own_cache

    def can_edit(self):
        if self._editor():
            return (
                self.user.is_active
                and bool({"add", "change"} & self.permissions)
                and self._own()
                and not self.page_locked()
            )
        return super().can_edit()

    def can_delete(self, ignore_bulk=False):
        if self._editor():
            return self.can_edit() and not self.page.live and not self.page.first_published_at
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return False if self._editor() else super().can_unpublish()

    def can_move(self):
        return False if self._editor() else super().can_move()

    def can_copy(self):
        return False if self._editor() else super().can_copy()

    def can_lock(self):
        return False if self._editor() else super().can_lock()

    def can_set_view_restrictions(self):
        return False if self._editor() else super().can_set_view_restrictions()
