"""Writing through the API is for staff tokens: an organisation editor's token, which may
read its own drafts, is refused on every write operation the schema lists, and nothing
in the database changes."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import APIToken, Page, Revision

from directory.selfservice.permissions import add_editor
from tests.directory.conftest import add_directory_indexes, add_organisation
from tests.directory.selfservice.support import make_user

pytestmark = pytest.mark.django_db

WRITE_METHODS = ("post", "put", "patch", "delete")


def write_operations(client):
    schema = client.get("/api/v3/openapi.json").json()
    return [
        (method, path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in WRITE_METHODS
    ]


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "path", "live", "title", "slug", "locked")
        ),
        "revisions": Revision.objects.count(),
    }


@pytest.fixture
def organisation_page(home_pages):
    indexes = add_directory_indexes(home_pages)
    return add_organisation(indexes, title="Muster Fräsen GmbH", city="Görlitz")


def bearer(user):
    _token, secret = APIToken.create_token(user=user, name="Website")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_an_organisation_editor_token_writes_nothing(client, organisation_page):
    editor = make_user("editor")
    add_editor(organisation_page, editor)
    token = bearer(editor)
    operations = write_operations(client)
    assert len(operations) >= 10
    before = snapshot()
    for method, path in operations:
        url = path.replace("{page_id}", str(organisation_page.pk)).replace("{revision_id}", "1")
        body = json.dumps({"title": "Übernommen", "meta": {"type": "directory.OrganisationPage"}})
        response = getattr(client, method)(url, body, content_type="application/json", **token)
        assert response.status_code == 403, (method, path, response.content)
    assert snapshot() == before
    # The same token still reads the editor's own page, as the admin lets them.
    assert client.get(f"/api/v3/pages/{organisation_page.pk}/", **token).status_code == 200


def test_a_staff_token_writes(client, organisation_page):
    staff = make_user("redaktion", is_staff=True)
    team = Group.objects.create(name="Kommunikation")
    team.permissions.add(Permission.objects.get(codename="write_through_api"))
    staff.groups.add(team)
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(
        group=team, page=Page.get_first_root_node(), permission_type="change"
    )
    GroupPagePermission.objects.create(
        group=team, page=Page.get_first_root_node(), permission_type="publish"
    )
    response = client.post(
        f"/api/v3/pages/{organisation_page.pk}/actions/unpublish/",
        "{}",
        content_type="application/json",
        **bearer(staff),
    )
    assert response.status_code == 200, response.content
    organisation_page.refresh_from_db()
    assert not organisation_page.live
