"""`load_demo` finds every app's demo content itself and loads it after what it links to."""

from django.apps import apps

from glokal.management.commands.load_demo import demo_loaders


def test_every_app_with_demo_content_takes_part_in_menu_order():
    # The sections appear in the main menu in the order their demo pages are created.
    assert list(demo_loaders()) == ["glokal", "directory", "newsroom", "eventpages"]


def test_the_loading_order_does_not_depend_on_the_order_of_installed_apps(monkeypatch):
    configs = list(apps.get_app_configs())
    monkeypatch.setattr(apps, "get_app_configs", lambda: reversed(configs))
    loaders = demo_loaders()
    assert list(loaders) == ["glokal", "directory", "newsroom", "eventpages"]
    for position, (_label, module) in enumerate(loaders.items()):
        assert set(module.LOAD_AFTER) <= set(list(loaders)[:position])
