"""Form conventions shared by every app."""

from django.utils.translation import gettext_noop

# Django adds ":" after a form label unless the label ends in one of the characters of
# gettext(":?.!"). Django's Czech catalogue drops the full stop (":?!"), so Czech labels that are
# sentences ended in ".:". The project's catalogues carry the full set in every language; this
# reference keeps `make messages` from dropping the entry as obsolete.
LABEL_ENDINGS_WITHOUT_SUFFIX = gettext_noop(":?.!")
