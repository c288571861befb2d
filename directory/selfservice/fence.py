"""The fence around organisation editors, drawn where Wagtail asks before any route acts.

Every admin view, bulk action, admin API action and API v3 endpoint that deletes, unpublishes,
moves, copies, locks or restricts a page asks the page's permission tester first. For an
organisation page that tester counts only what groups other than the organisation's own grant
for those actions: an organisation's group lets its editors edit (and, when trusted, publish)
their profile, never remove it from the directory. Site-wide reports, which list every page's
history and every user's name, refuse organisation editors as a whole. An expiry date, which
would unpublish the profile later, does not survive the publishing of an editor's revision.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.models import PagePermissionTester

from ..models import OrganisationPage
from ..models.membership import OrganisationAccess
from .permissions import is_organisation_editor, speaks_for_organisation


def organisation_group_ids(user):
    """Ids of the organisations' own groups `user` belongs to (cached on the user object)."""
    if not hasattr(user, "_organisation_group_ids"):
        user._organisation_group_ids = set(
            OrganisationAccess.objects.filter(group__user=user).values_list("group_id", flat=True)
        )
    return user._organisation_group_ids


class OrganisationPagePermissionTester(PagePermissionTester):
    """Page permissions of an organisation page (see the module docstring)."""

    def _beyond_organisation(self):
        """The same tester, counting only permissions granted by other groups."""
        tester = PagePermissionTester(self.user, self.page)
        if self.user.is_active and not self.user.is_superuser:
            own_groups = organisation_group_ids(self.user)
            tester.permissions = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in self.permission_policy.get_cached_permissions_for_user(self.user)
                if self.page.path.startswith(perm.page.path) and perm.group_id not in own_groups
            }
        return tester

    def can_delete(self, ignore_bulk=False):
        return self._beyond_organisation().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._beyond_organisation().can_unpublish()

    def can_move(self):
        return self._beyond_organisation().can_move()

    def can_copy(self):
        return self._beyond_organisation().can_copy()

    def can_set_view_restrictions(self):
        return self._beyond_organisation().can_set_view_restrictions()

    def can_lock(self):
        return self._beyond_organisation().can_lock()

    def can_reorder_children(self):
        return self._beyond_organisation().can_reorder_children()


def refuse_organisation_editors(view):
    """Decorate an admin view so that organisation editors are refused it."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if is_organisation_editor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def drop_expiry_set_by_organisation(page, author):
    """After `page` is published: its own editor's expiry date would unpublish it, so it goes."""
    if page.expire_at and author is not None and speaks_for_organisation(author, page):
        OrganisationPage.objects.filter(pk=page.pk).update(expire_at=None)
        page.expire_at = None
