"""Loads the demo content of every app; safe to run again (it only adds what is missing).

Every installed app with a `demo` module takes part: its `load()` creates what is missing, and
its `LOAD_AFTER` names the apps whose demo content it links to, so those load first.
"""

import graphlib
import logging
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "glokal-admin"


class Command(BaseCommand):
    help = "Create the demo site content in German, Czech and English (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "apps",
            nargs="*",
            metavar="app",
            help="Only these apps (by label, e.g. glokal or directory); default: every app.",
        )
        parser.add_argument(
            "--with-dev-admin",
            action="store_true",
            help=f"Also create the superuser {DEV_ADMIN_USERNAME!r} (only with DEBUG on).",
        )

    def handle(self, *args, **options):
        if options["with_dev_admin"]:
            self.create_dev_admin()
        # Wagtail logs every page action at INFO; hundreds of demo pages would bury the summary.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        loaders = demo_loaders()
        unknown = set(options["apps"]) - set(loaders)
        if unknown:
            raise CommandError(f"No demo content for: {', '.join(sorted(unknown))}")
        for label, module in loaders.items():
            if options["apps"] and label not in options["apps"]:
                continue
            with transaction.atomic():
                created = module.load()
            self.stdout.write(f"{module.__name__}: {created} object(s) created")

    def create_dev_admin(self):
        if not settings.DEBUG:
            raise CommandError("The development superuser is only created with DEBUG on.")
        user_model = get_user_model()
        if user_model.objects.filter(username=DEV_ADMIN_USERNAME).exists():
            return
        user_model.objects.create_superuser(
            DEV_ADMIN_USERNAME, "admin@glokal.example", DEV_ADMIN_PASSWORD
        )
        self.stdout.write(f"Superuser {DEV_ADMIN_USERNAME!r} created")


def demo_loaders():
    """The `demo` module of every installed app that has one, by app label, in loading order."""
    modules = {
        config.label: import_module(f"{config.name}.demo")
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "demo")
    }
    modules = {label: module for label, module in modules.items() if hasattr(module, "load")}
    dependencies = {
        label: [after for after in getattr(module, "LOAD_AFTER", ()) if after in modules]
        for label, module in modules.items()
    }
    return {
        label: modules[label] for label in graphlib.TopologicalSorter(dependencies).static_order()
    }
