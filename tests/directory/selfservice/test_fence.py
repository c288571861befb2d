"""The fence: an organisation editor cannot delete, unpublish, move or restrict their profile.

Each route is tried as a trusted organisation editor (the most powerful kind), and the
database is compared before and after: the page still exists, is live and unrestricted, and
its revisions, enquiries, access record and memberships are intact.
"""

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    APIToken,
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
)

from directory.models import OrganisationPage
from directory.models.enquiries import Enquiry
from directory.models.membership import OrganisationAccess, OrganisationMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def trusted(editor):
    """A trusted organisation editor: may publish without moderation, with an enquiry."""
    editor.access.trusted = True
    editor.access.save()
    Enquiry.objects.create(
        organisation=editor.page,
        translation_key=editor.page.translation_key,
        sender_name="Petr Svoboda",
        sender_email="petr@svoboda.example",
        subject="Anfrage",
        message="Guten Tag, wir suchen einen Partner für CNC-Fräsarbeiten.",
    )
    return editor


def snapshot():
    """What the fence protects, in a form two calls can compare."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "path", "live", "title", "slug", "locked", "expire_at", "alias_of"
            )
        ),
        "restrictions": list(PageViewRestriction.objects.values_list("page", "restriction_type")),
        "revisions": Revision.objects.count(),
        "enquiries": list(Enquiry.objects.values_list("pk", "organisation")),
        "access": list(OrganisationAccess.objects.values_list("pk", "page", "group", "trusted")),
        "memberships": list(OrganisationMembership.objects.values_list("access", "user")),
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name")),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "collections": list(Collection.objects.values_list("pk", "path")),
        "users": list(
            get_user_model().objects.values_list("pk", "is_superuser", "is_active", "email")
        ),
    }


def refused(response):
    """Refused with 403, 404 or 405, or sent back to the dashboard with a message."""
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"] in ("/admin/", "/admin")


def test_tester_refuses_every_removing_action_to_a_trusted_editor(trusted):
    permissions = trusted.page.permissions_for_user(trusted.user)
    assert permissions.can_edit() and permissions.can_publish()
    assert not permissions.can_delete()
    assert not permissions.can_unpublish()
    assert not permissions.can_move()
    assert not permissions.can_copy()
    assert not permissions.can_set_view_restrictions()
    assert not permissions.can_lock()
    # The base Page object asks the same tester (bulk actions and APIs start from it).
    base = Page.objects.get(pk=trusted.page.pk)
    assert not base.permissions_for_user(trusted.user).can_delete()


def test_staff_keep_every_action(trusted, staff_user):
    permissions = trusted.page.permissions_for_user(staff_user)
    assert permissions.can_delete() and permissions.can_unpublish()
    assert permissions.can_set_view_restrictions() and permissions.can_move()


@pytest.mark.parametrize("action", ["delete", "unpublish"])
def test_bulk_actions(editor_client, trusted, action):
    before = snapshot()
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
        + f"?id={trusted.page.pk}&next=/admin/"
    )
    response = editor_client.get(url)
    assert response.status_code == 200
    assert trusted.page.title in response.content.decode()  # listed as "cannot be done"
    response = editor_client.post(url, {"include_descendants": "on"})
    assert response.status_code == 302
    assert snapshot() == before


@pytest.fixture
def elsewhere(directory_indexes):
    """Another directory, as a destination for moving or copying a profile."""
    return directory_indexes["cs"].pk


@pytest.mark.parametrize(
    ("action", "data", "status"),
    [
        ("delete", {}, 403),
        ("unpublish", {"recursive": True}, 403),
        ("move", {"destination_page_id": "elsewhere"}, 403),
        ("copy", {"destination_page_id": "elsewhere", "recursive": False}, 403),
        ("create_alias", {"destination_page_id": "elsewhere"}, 403),
        # A profile is no alias; converting one would only be an edit.
        ("convert_alias", {}, 400),
    ],
)
def test_admin_api_actions(editor_client, trusted, elsewhere, action, data, status):
    data = {key: elsewhere if value == "elsewhere" else value for key, value in data.items()}
    before = snapshot()
    response = editor_client.post(
        f"/admin/api/main/pages/{trusted.page.pk}/action/{action}/",
        json.dumps(data),
        content_type="application/json",
    )
    assert response.status_code == status, response.content
    assert snapshot() == before


@pytest.fixture
def api(client, trusted):
    """A client sending the trusted editor's API token."""
    _token, plaintext = APIToken.create_token(user=trusted.user, name="Firmenwebsite")
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {plaintext}"
    return client


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("delete", "/api/v3/pages/{pk}/", None),
        ("delete", "/api/v3/pages/{pk}/actions/delete/", None),
        ("post", "/api/v3/pages/{pk}/actions/unpublish/", {"recursive": True}),
        ("post", "/api/v3/pages/{pk}/actions/move/", {"destination_id": "elsewhere"}),
        ("post", "/api/v3/pages/{pk}/actions/copy/", {"destination_id": "elsewhere"}),
        ("post", "/api/v3/pages/{pk}/actions/create_alias/", {"destination_id": "elsewhere"}),
        ("post", "/api/v3/pages/{pk}/actions/convert_alias/", None),
    ],
)
def test_api_v3_write_endpoints_with_a_token(api, trusted, elsewhere, method, path, data):
    if data:
        data = {key: elsewhere if value == "elsewhere" else value for key, value in data.items()}
    before = snapshot()
    send = getattr(api, method)
    url = path.format(pk=trusted.page.pk)
    response = send(url, json.dumps(data), content_type="application/json") if data else send(url)
    # Writing through the API is for staff tokens only (glokal.headless): every write is 403.
    assert response.status_code == 403, response.content
    assert snapshot() == before
    # The token itself works: the editor reads their own draft through it.
    assert api.get(f"/api/v3/pages/{trusted.page.pk}/?version=draft").status_code == 200


def test_privacy_dialog(editor_client, trusted):
    url = reverse("wagtailadmin_pages:set_privacy", args=[trusted.page.pk])
    before = snapshot()
    assert refused(editor_client.get(url))
    assert refused(editor_client.post(url, {"restriction_type": "login"}))
    assert snapshot() == before
    assert editor_client.get(trusted.page.url).status_code == 200


@pytest.mark.parametrize(
    "name", ["delete", "unpublish", "move", "copy", "lock", "set_privacy", "add_subpage"]
)
def test_page_views(editor_client, trusted, name):
    url = reverse(f"wagtailadmin_pages:{name}", args=[trusted.page.pk])
    before = snapshot()
    assert refused(editor_client.get(url)), url
    assert refused(editor_client.post(url, {"new_title": "Kopie", "new_slug": "kopie"})), url
    assert snapshot() == before


def test_publishing_an_expiry_date_does_not_unpublish_later(editor_client, trusted):
    from tests.directory.selfservice.support import page_edit_data

    data = page_edit_data(trusted.page, **{"action-publish": "publish"})
    data["expire_at"] = "2031-01-01 00:00"
    editor_client.post(reverse("wagtailadmin_pages:edit", args=[trusted.page.pk]), data)
    page = OrganisationPage.objects.get(pk=trusted.page.pk)
    assert page.live and page.expire_at is None


@pytest.mark.parametrize(
    "name",
    [
        "site_history",
        "site_history_results",
        "workflow",
        "workflow_results",
        "workflow_tasks",
        "workflow_tasks_results",
        "aging_pages",
        "aging_pages_results",
        "locked_pages",
        "page_types_usage",
    ],
)
def test_site_wide_reports_are_refused(editor_client, trusted, name):
    assert refused(editor_client.get(reverse(f"wagtailadmin_reports:{name}")))


def test_staff_still_see_the_reports(client, staff_user):
    client.force_login(staff_user)
    for name in ("site_history", "workflow", "aging_pages"):
        assert client.get(reverse(f"wagtailadmin_reports:{name}")).status_code == 200


def test_staff_deleting_an_organisation_removes_its_group_and_collection(
    client, staff_user, trusted
):
    logo = get_image_model().objects.create(
        title="Logo", file=get_test_image_file(), collection=trusted.access.collection
    )
    group_id, collection_id = trusted.access.group_id, trusted.access.collection_id
    client.force_login(staff_user)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[trusted.page.pk]))
    assert response.status_code == 302
    assert not OrganisationPage.objects.filter(pk=trusted.page.pk).exists()
    assert not OrganisationAccess.objects.exists()
    assert not Group.objects.filter(pk=group_id).exists()
    assert not Collection.objects.filter(pk=collection_id).exists()
    assert not trusted.user.groups.exists()
    # The logo stays in the media library: other pages may show it.
    logo.refresh_from_db()
    assert logo.collection_id == Collection.get_first_root_node().pk


# Every route of the admin, enumerated from the URL resolver.

# Values of string arguments; every other argument gets the id being tried.
STRING_ARGUMENTS = {
    "app_label": "directory",
    "app_name": "directory",
    "content_type_app_name": "directory",
    "model_name": "organisationpage",
    "content_type_model_name": "organisationpage",
    "action": "delete",
    "action_name": "delete",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "set-password",
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
}
# Bulk actions are registered for the page model itself.
BULK_ARGUMENTS = {"app_label": "wagtailcore", "model_name": "page"}


def named_routes():
    """(name, argument names) of every named route of the site."""

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                yield from walk(pattern.url_patterns, inner)
            elif pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                arguments = getattr(pattern.pattern, "converters", None) or (
                    pattern.pattern.regex.groupindex
                )
                yield name, tuple(arguments)

    return sorted(set(walk(get_resolver().url_patterns, "")))


def admin_urls(ids):
    """A URL for every admin route, once per id for routes that take arguments."""
    urls = []
    for name, arguments in named_routes():
        for id_ in ids if arguments else ids[:1]:
            values = {argument: STRING_ARGUMENTS.get(argument, id_) for argument in arguments}
            if name == "wagtail_bulk_action":
                values.update(BULK_ARGUMENTS)
            try:
                url = reverse(name, kwargs=values)
            except NoReverseMatch:
                continue
            if url.startswith("/admin/"):
                # Bulk actions and choosers read the ids they act on from the query.
                urls.append((name, f"{url}?id={id_}&next=/admin/"))
    return urls


# Wagtail names a page given by id in these lists (its title, never its content).
SHOWS_TITLES_BY_ID = {"wagtail_bulk_action", "wagtailadmin_choose_page_child"}


def test_no_admin_route_lets_an_editor_change_or_read_what_is_not_theirs(client, trusted, make_org):
    secret = make_org(title="Geheimer Entwurf AG", summary="Geheime Pläne für 2027.")
    secret.unpublish()
    client.raise_request_exception = False
    urls = admin_urls([trusted.page.pk, secret.pk])
    assert len(urls) > 300
    before = snapshot()
    problems, answered = [], 0
    for name, url in urls:
        for method in ("get", "post"):
            # Some routes end the session (logout): sign in again before each request.
            client.force_login(trusted.user)
            response = getattr(client, method)(url)
            # Empty forms make a few Wagtail views fail; they change nothing either.
            answered += response.status_code == 200
            if name.startswith("wagtailadmin_reports:") and not refused(response):
                problems.append(f"{method.upper()} {url}: report reached")
            content = getattr(response, "content", b"").decode(errors="replace")
            if "Geheime Pläne" in content or (
                "Geheimer Entwurf" in content and name not in SHOWS_TITLES_BY_ID
            ):
                problems.append(f"{method.upper()} {url}: shows another organisation's draft")
    assert problems == [], "\n".join(problems)
    assert snapshot() == before
    assert answered > 100  # the editor was signed in and reached their own part of the admin
