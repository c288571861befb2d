"""Gives a staff account an authenticator-app (TOTP) device, or removes it."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a new authenticator-app secret for USERNAME and print the otpauth:// link to "
        "scan (replaces an earlier one); with --remove, switch two-factor off for the account. "
        "Codes are asked for at the admin login while ADMIN_TWO_FACTOR is on."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--remove", action="store_true")

    def handle(self, username, remove, **options):
        user_model = get_user_model()
        try:
            user = user_model.objects.get(**{user_model.USERNAME_FIELD: username})
        except user_model.DoesNotExist as exc:
            raise CommandError(f"No account named {username!r}.") from exc
        TOTPDevice.objects.filter(user=user).delete()
        if remove:
            self.stdout.write(f"Two-factor authentication removed for {username}.")
            return
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        self.stdout.write(f"Scan this link with the authenticator app of {username}:")
        self.stdout.write(device.config_url)
