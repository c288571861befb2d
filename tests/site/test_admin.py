import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.admin.menu import admin_menu

pytestmark = pytest.mark.django_db

TAXONOMY_URLS = {
    "Regions": "/admin/snippets/directory/region/",
    "Sectors": "/admin/snippets/directory/sector/",
    "Certifications": "/admin/snippets/directory/certification/",
    "Topics": "/admin/snippets/newsroom/topic/",
}


def _menu(rf, user):
    request = rf.get("/admin/")
    request.user = user
    with translation.override("en"):
        return request, {
            str(item.label): item for item in admin_menu.menu_items_for_request(request)
        }


def _taxonomy_links(rf, user):
    """(label, URL) of the "Taxonomies" submenu in the order the sidebar shows them."""
    request, menu = _menu(rf, user)
    if "Taxonomies" not in menu:
        return []
    items = menu["Taxonomies"].menu.menu_items_for_request(request)
    with translation.override("en"):
        return [(str(item.label), item.url) for item in sorted(items, key=lambda i: i.order)]


@pytest.fixture
def taxonomy_staff(django_user_model):
    """A communications team member allowed to edit every taxonomy, but no superuser."""
    user = django_user_model.objects.create_user("taxonomist", password="x")
    group = Group.objects.create(name="Taxonomy staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            codename__in=["change_region", "change_sector", "change_certification", "change_topic"]
        ),
    )
    user.groups.add(group)
    return user


def test_all_taxonomies_share_one_admin_menu_group(rf, admin_user):
    assert _taxonomy_links(rf, admin_user) == list(TAXONOMY_URLS.items())
    _request, menu = _menu(rf, admin_user)
    # Each app registers its own taxonomies, but none of them gets a top-level menu item.
    assert not set(TAXONOMY_URLS) & set(menu)


def test_staff_see_every_taxonomy_in_the_group(rf, taxonomy_staff):
    assert _taxonomy_links(rf, taxonomy_staff) == list(TAXONOMY_URLS.items())


def test_the_group_lists_only_the_taxonomies_a_user_may_edit(rf, taxonomy_staff):
    group = taxonomy_staff.groups.get()
    group.permissions.remove(
        *Permission.objects.exclude(codename__in=["access_admin", "change_topic"])
    )
    taxonomy_staff = type(taxonomy_staff).objects.get(pk=taxonomy_staff.pk)

    assert _taxonomy_links(rf, taxonomy_staff) == [("Topics", TAXONOMY_URLS["Topics"])]

    group.permissions.remove(Permission.objects.get(codename="change_topic"))
    taxonomy_staff = type(taxonomy_staff).objects.get(pk=taxonomy_staff.pk)
    assert _taxonomy_links(rf, taxonomy_staff) == []


def test_the_admin_sidebar_links_every_taxonomy(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Taxonomies" in html
    for url in TAXONOMY_URLS.values():
        assert url in html


def test_admin_menu_is_translated(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override("cs"):
        labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
    assert "Číselníky" in labels
