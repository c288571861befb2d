"""Loads the demo content of every app; safe to run again (it only adds what is missing)."""

import logging
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Order matters: later apps link to pages and snippets of earlier ones.
DEMO_MODULES = ["glokal.demo", "directory.demo", "newsroom.demo", "eventpages.demo"]

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "glokal-admin"


class Command(BaseCommand):
    help = "Create the demo site content in German, Czech and English (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "apps",
            nargs="*",
            metavar="app",
            help="Only these apps (glokal, directory, newsroom, eventpages); default: all.",
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
        unknown = set(options["apps"]) - {name.split(".")[0] for name in DEMO_MODULES}
        if unknown:
            raise CommandError(f"No demo content for: {', '.join(sorted(unknown))}")
        for module_name in DEMO_MODULES:
            if options["apps"] and module_name.split(".")[0] not in options["apps"]:
                continue
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            with transaction.atomic():
                created = module.load()
            self.stdout.write(f"{module_name}: {created} object(s) created")

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
