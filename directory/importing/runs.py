"""An uploaded import from the admin: checked when uploaded, carried out by a background task."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from ..models import OrganisationImport
from .apply import Importer
from .reader import read_table
from .report import counts
from .rows import RowOutcome, check_table

logger = logging.getLogger(__name__)
# The progress bar moves every this many rows (one small UPDATE each time).
PROGRESS_STEP = 25


def _outcomes(run, table=None):
    table = table or read_table(bytes(run.data), run.filename)
    return table, check_table(table, run.position_mapping)


def check(run, table=None):
    """The dry run: what each row would do, stored for the report. `table` is the run's file
    when the caller has read it already."""
    table, outcomes = _outcomes(run, table)
    mapped = run.position_mapping
    run.ignored_columns = [
        header for position, header in enumerate(table.headers) if header and position not in mapped
    ]
    run.outcomes = [outcome.as_record() for outcome in outcomes]
    run.counts = counts(outcomes)
    run.total_rows = len(outcomes)
    run.status = OrganisationImport.Status.CHECKED
    run.save()
    return outcomes


def stored_outcomes(run):
    return [RowOutcome.from_record(record) for record in run.outcomes]


def start(run):
    """Queue the real run once; a second click finds it queued already."""
    from .tasks import run_import

    queued = OrganisationImport.objects.filter(
        pk=run.pk, status=OrganisationImport.Status.CHECKED
    ).update(status=OrganisationImport.Status.QUEUED, processed_rows=0)
    if queued:
        transaction.on_commit(lambda: run_import.enqueue(run.pk))
    return bool(queued)


def _admin_language(user):
    if user is None:
        return settings.LANGUAGE_CODE
    return UserProfile.get_for_user(user).get_preferred_language()


def perform(run):
    """Import every row (checked again: the directory may have changed since the dry run)."""
    OrganisationImport.objects.filter(pk=run.pk).update(status=OrganisationImport.Status.RUNNING)

    def progress(done):
        if done % PROGRESS_STEP == 0:
            OrganisationImport.objects.filter(pk=run.pk).update(processed_rows=done)

    try:
        # The report is read by the person who started the import, in their admin language.
        with translation.override(_admin_language(run.created_by)):
            _table, outcomes = _outcomes(run)
            Importer(run.source, publish=run.publish, user=run.created_by).run(outcomes, progress)
    except Exception:
        logger.exception("Import %s failed", run.pk)
        OrganisationImport.objects.filter(pk=run.pk).update(
            status=OrganisationImport.Status.FAILED, finished_at=timezone.now()
        )
        raise
    run.outcomes = [outcome.as_record() for outcome in outcomes]
    run.counts = counts(outcomes)
    run.total_rows = run.processed_rows = len(outcomes)
    run.status = OrganisationImport.Status.DONE
    run.finished_at = timezone.now()
    run.save()
    return outcomes
