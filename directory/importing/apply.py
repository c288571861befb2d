"""Carrying out checked rows: each organisation created or updated completely, or not at all."""

import logging
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..models import DirectoryIndexPage, OrganisationPage
from .layout import COLUMNS_BY_KEY

logger = logging.getLogger(__name__)

# Row keys → the page field each one fills (the name is the page's title).
FIELDS = {"name": "title"}
LINKED = ("sectors", "certifications")
# Texts written in the row's language: changed only on a profile written in that language.
TEXTS = ("name", "summary")
NOT_FIELDS = ("language",)


def as_text(value):
    """One spelling of a value for comparing what is stored with what was imported."""
    if value is None:
        return ""
    if isinstance(value, float | Decimal):
        return f"{value:.6f}"  # coordinates, as the database stores them
    if isinstance(value, list | tuple) or hasattr(value, "all"):
        items = value if isinstance(value, list | tuple) else value.all()
        return ";".join(sorted(item.slug for item in items))
    if hasattr(value, "code"):
        return value.code
    return str(value)


def current_text(page, key):
    return as_text(getattr(page, FIELDS.get(key, key)))


class Importer:
    """Writes checked rows; `source` names the list, `publish` makes new profiles live."""

    def __init__(self, source, publish=False, user=None):
        self.source, self.publish, self.user = source, publish, user
        self.indexes = {
            index.locale.language_code: index
            for index in DirectoryIndexPage.objects.select_related("locale")
        }
        self.slugs = {}

    def run(self, outcomes, progress=None):
        for done, outcome in enumerate(outcomes, start=1):
            if outcome.action in ("create", "update"):
                self.apply(outcome)
            if progress is not None:
                progress(done)
        return outcomes

    def apply(self, outcome):
        try:
            with transaction.atomic():
                if outcome.action == "create":
                    self.create(outcome)
                else:
                    self.update(outcome)
        except ValidationError as exc:
            outcome.action = "error"
            for field, messages in exc.message_dict.items():
                column = COLUMNS_BY_KEY.get({"title": "name"}.get(field, field))
                outcome.errors.append((str(column.label) if column else field, " ".join(messages)))
        except DatabaseError:
            logger.exception("Import of row %s failed", outcome.number)
            outcome.action = "error"
            outcome.errors.append(("", _("The row could not be stored; nothing of it was kept.")))

    def _slug(self, index, title):
        taken = self.slugs.get(index.pk)
        if taken is None:
            taken = self.slugs[index.pk] = set(index.get_children().values_list("slug", flat=True))
        base = slugify(title)[:60] or "organisation"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    def create(self, outcome):
        values = outcome.values
        index = self.indexes.get(values["language"])
        if index is None:
            raise ValidationError({"language": _("There is no directory in this language.")})
        page = OrganisationPage(
            slug=self._slug(index, values["name"]),
            locale=index.locale,
            live=False,
            import_source=self.source,
            languages=values.get("languages") or values["language"],
        )
        for key, value in values.items():
            if key not in LINKED and key not in NOT_FIELDS:
                setattr(page, FIELDS.get(key, key), value)
        for key in LINKED:
            getattr(page, key).set(values.get(key, []))
        page.imported_values = {
            key: as_text(value) for key, value in values.items() if key not in NOT_FIELDS
        }
        index.add_child(instance=page)  # validates the page as the admin's form would
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user)
        outcome.organisation_id = page.pk
        outcome.notes.append(_("Published.") if self.publish else _("Saved as a draft."))

    def update(self, outcome):
        stored = OrganisationPage.objects.get(pk=outcome.organisation_id)
        # A draft the organisation is still working on is theirs to publish.
        publish = stored.live and not stored.has_unpublished_changes
        page = stored.get_latest_revision_as_object()
        same_language = page.locale.language_code == outcome.values["language"]
        imported = dict(page.imported_values or {})
        changed, kept = [], []
        for key, value in outcome.values.items():
            if key in NOT_FIELDS or (key in TEXTS and not same_language):
                continue
            new, now = as_text(value), current_text(page, key)
            if new == now:
                imported[key] = new
                continue
            if now and imported.get(key) != now:
                kept.append(str(COLUMNS_BY_KEY[key].label))
                continue
            if key in LINKED:
                getattr(page, key).set(value)
            else:
                setattr(page, FIELDS.get(key, key), value)
            imported[key] = new
            changed.append(str(COLUMNS_BY_KEY[key].label))
        if kept:
            outcome.notes.append(
                _("Kept what the organisation wrote itself: %(fields)s.")
                % {"fields": ", ".join(kept)}
            )
        if not changed:
            outcome.action = "skip"
            outcome.notes.append(_("Nothing to change."))
            return
        page.imported_values = imported
        page.import_source = page.import_source or self.source
        revision = page.save_revision(user=self.user, log_action=True)  # validates the page
        if publish:
            revision.publish(user=self.user)
        else:
            outcome.notes.append(
                _("Saved as a draft beside the organisation's unpublished changes.")
            )
        outcome.notes.append(_("Changed: %(fields)s.") % {"fields": ", ".join(changed)})
