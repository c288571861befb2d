import pytest
from django.utils import translation
from wagtail.admin.menu import admin_menu

pytestmark = pytest.mark.django_db


def _menu(rf, user):
    request = rf.get("/admin/")
    request.user = user
    with translation.override("en"):
        return {str(item.label): item for item in admin_menu.menu_items_for_request(request)}


def test_all_taxonomies_share_one_admin_menu_group(rf, admin_user):
    menu = _menu(rf, admin_user)
    group = menu["Taxonomies"]
    with translation.override("en"):
        labels = [str(item.label) for item in group.menu.registered_menu_items]
    assert labels == ["Regions", "Sectors", "Certifications", "Topics"]
    # Nowhere else: neither as items of their own nor inside another group.
    with translation.override("en"):
        elsewhere = set(menu) | {
            str(child.label)
            for item in menu.values()
            if item is not group and hasattr(item, "menu")
            for child in item.menu.registered_menu_items
        }
    assert not elsewhere & set(labels)


def test_admin_menu_is_translated(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    with translation.override("cs"):
        labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]
    assert "Číselníky" in labels
