"""Keeping the cluster's index in step with the database.

Every saved or deleted organisation sends its document through a django-tasks task after the
transaction commits. A saved or deleted taxonomy (region, sector, certification) re-sends the
documents that name it, in bulk batches through the same kind of task: each document holds its
taxonomies' names in every language and their codes as facet values. A task the cluster fails
schedules itself again with a doubling delay (RETRY_DELAY … MAX_RETRY_DELAY) and keeps trying
until the cluster is back: no change is lost. Where the task backend cannot wait (the immediate
backend of development), and for anything that happened while the queue itself was down,
`manage.py search_index sync` sends whatever `check` finds different; `check` compares dates of
organisations, so a lost taxonomy batch needs `search_index rebuild`. `rebuild` fills a new
index and swaps the alias in one atomic step, so searches never see a half-built index.
"""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import task
from elasticsearch import NotFoundError, helpers

from directory.models import OrganisationPage

from ...indexing import forget_taxonomies, naming_organisations, translation_keys
from ..breaker import CLUSTER_ERRORS
from .connection import indexing_client
from .document import alias_name, document_for, documents, index_definition, listed_pages

logger = logging.getLogger(__name__)

RETRY_DELAY = timedelta(seconds=30)
MAX_RETRY_DELAY = timedelta(hours=1)
BULK_CHUNK = 500
# Organisations per task when a taxonomy changes: one bulk request each.
TAXONOMY_BATCH = 200
# A bulk request the cluster refuses item by item (no alias before the first rebuild) raises
# BulkIndexError: worth another attempt like a failed connection.
BULK_ERRORS = (*CLUSTER_ERRORS, helpers.BulkIndexError)


def retry_delay(attempt):
    """The wait after the `attempt`-th failure: 30 s, 1 min, 2 min … at most an hour."""
    return min(RETRY_DELAY * 2 ** max(0, attempt - 1), MAX_RETRY_DELAY)


def send(translation_key):
    """Index the organisation's document, or remove it when no version of it is listed."""
    client = indexing_client()
    # A worker keeps taxonomy names for a minute; a rename in another process must not be
    # sent back to the cluster under the old name.
    forget_taxonomies()
    found = document_for(translation_key)
    if found is None:
        try:
            client.delete(index=alias_name(), id=str(translation_key), refresh="wait_for")
        except NotFoundError:
            pass
        return "deleted"
    # Waits for the next refresh (a second at most): once the task is done, searches see it.
    # Only into the alias: before the first rebuild the cluster would otherwise create an
    # index of that name with guessed mappings. Until then the task keeps retrying.
    found.save(using=client, index=alias_name(), refresh="wait_for", require_alias=True)
    return "indexed"


def _queue(queued, args, described, remedy, run_after=None):
    """Enqueue `queued` with `args`; returns the task result or None (logged with `remedy`,
    the command that sends the organisations instead)."""
    if run_after is not None:
        if not queued.get_backend().supports_defer:
            logger.warning("%s not indexed; %s sends it", described, remedy)
            return None
        queued = queued.using(run_after=run_after)
    try:
        return queued.enqueue(*args)
    except Exception:  # a queue that cannot take it must not fail the editor's request
        logger.exception("%s could not be queued; %s sends it", described, remedy)
        return None


def schedule(translation_key, attempt=1, run_after=None):
    """Queue the task that sends one organisation; returns the task result or None."""
    described = f"Organisation {translation_key}"
    remedy = "`manage.py search_index sync`"
    return _queue(sync_organisation, (str(translation_key), attempt), described, remedy, run_after)


def schedule_batch(translation_keys, attempt=1, run_after=None):
    """Queue the task that sends these organisations in one bulk request."""
    keys = [str(key) for key in translation_keys]
    described = f"A taxonomy change to {len(keys)} organisation(s)"
    # Their dates did not change, so `check` and `sync` would not see them.
    remedy = "`manage.py search_index rebuild`"
    return _queue(sync_organisations, (keys, attempt), described, remedy, run_after)


def schedule_batches(translation_keys):
    """Queue the organisations TAXONOMY_BATCH at a time."""
    keys = list(translation_keys)
    for start in range(0, len(keys), TAXONOMY_BATCH):
        schedule_batch(keys[start : start + TAXONOMY_BATCH])


@task()
def sync_organisation(translation_key, attempt=1):
    """Send one organisation's document; on a cluster failure, try again later."""
    try:
        return send(translation_key)
    except CLUSTER_ERRORS as exc:
        return _later(
            exc, attempt, f"organisation {translation_key}", partial(schedule, translation_key)
        )


def send_many(translation_keys):
    """Index the documents of these organisations in one bulk request; returns how many were
    sent. One no longer listed is left out: its own unpublishing queued its removal."""
    forget_taxonomies()  # the names as committed, not as this worker read them earlier
    alias = alias_name()
    listed = listed_pages().filter(translation_key__in=list(translation_keys))
    actions = (
        {"_index": alias, "_id": doc.meta.id, "_source": doc.to_dict(skip_empty=False)}
        for doc in documents(listed)
    )
    # As `send`: searches see the batch once the task is done, and only through the alias.
    sent, _errors = helpers.bulk(
        indexing_client(), actions, chunk_size=BULK_CHUNK, refresh="wait_for", require_alias=True
    )
    return sent


@task()
def sync_organisations(translation_keys, attempt=1):
    """Send a batch of organisations' documents; on a cluster failure, the batch again later."""
    try:
        return send_many(translation_keys)
    except BULK_ERRORS as exc:
        described = f"{len(translation_keys)} organisation(s)"
        return _later(exc, attempt, described, partial(schedule_batch, translation_keys))


def _later(exc, attempt, described, reschedule):
    """Log the failed attempt and queue the next one after the doubled delay."""
    delay = retry_delay(attempt)
    logger.warning(
        "Indexing %s failed (%s); attempt %s in %ss",
        described,
        type(exc).__name__,
        attempt + 1,
        int(delay.total_seconds()),
    )
    reschedule(attempt + 1, run_after=timezone.now() + delay)
    return "retrying"


def linked_organisations(taxonomy):
    """Translation keys of the listed organisations whose documents name `taxonomy`."""
    return translation_keys(naming_organisations(taxonomy, listed_pages()))


def taxonomy_changed(sender, instance, **kwargs):
    """Signal receiver (saved, or about to be deleted while its links still exist): re-send
    the organisations that name the taxonomy once its transaction commits. A new row counts
    too: a new translation adds its name to the documents of the other languages."""
    from .. import uses_cluster

    if not uses_cluster():
        return
    keys = linked_organisations(instance)
    if keys:
        transaction.on_commit(lambda: schedule_batches(keys))


def organisation_changed(sender, instance, **kwargs):
    """Signal receiver: send the organisation once its transaction commits."""
    from .. import uses_cluster

    if uses_cluster() and instance.translation_key:
        key = instance.translation_key
        transaction.on_commit(lambda: schedule(key))


def rebuild(progress=None):
    """Fill a new index with every organisation and point the alias at it atomically; the
    old index is deleted afterwards. Returns (new index name, documents sent). `progress`
    wraps the stream of documents (a tqdm bar), given the number expected."""
    client = indexing_client()
    alias = alias_name()
    name = f"{alias}_{timezone.now():%Y%m%d%H%M%S%f}"
    index_definition(name).create(using=client)
    total = listed_pages().values("translation_key").distinct().count()
    stream = documents()
    if progress is not None:
        stream = progress(stream, total)
    actions = (
        {"_index": name, "_id": doc.meta.id, "_source": doc.to_dict(skip_empty=False)}
        for doc in stream
    )
    sent, _errors = helpers.bulk(client, actions, chunk_size=BULK_CHUNK)
    client.indices.refresh(index=name)
    try:
        previous = list(client.indices.get_alias(name=alias))
    except NotFoundError:
        previous = []
    if not previous and client.indices.exists(index=alias):
        # An index (not an alias) of that name, from a write before the first rebuild.
        client.indices.delete(index=alias)
    swap = [{"remove": {"index": old, "alias": alias}} for old in previous]
    client.indices.update_aliases(actions=[*swap, {"add": {"index": name, "alias": alias}}])
    for old in previous:
        client.indices.delete(index=old)
    return name, sent


def expected_versions():
    """{translation key: newest change} of every organisation the index should hold."""
    found = {}
    rows = listed_pages().order_by().values_list("translation_key", "search_updated_at")
    for key, updated in rows:
        key = str(key)
        if updated and (key not in found or found[key] is None or updated > found[key]):
            found[key] = updated
        else:
            found.setdefault(key, updated)
    return found


def check():
    """What differs between the cluster and the database: {"missing": keys the cluster lacks,
    "extra": keys it should not hold, "stale": keys whose document is older}."""
    client = indexing_client()
    expected = expected_versions()
    held = {}
    for hit in helpers.scan(client, index=alias_name(), _source=["updated_at"]):
        updated = hit.get("_source", {}).get("updated_at")
        held[hit["_id"]] = parse_datetime(updated) if updated else None
    stale = [
        key
        for key, updated in held.items()
        if key in expected and expected[key] and (held[key] is None or held[key] < expected[key])
    ]
    return {
        "missing": sorted(set(expected) - set(held)),
        "extra": sorted(set(held) - set(expected)),
        "stale": sorted(stale),
    }


def sync():
    """Send every organisation `check` finds different; returns the differences sent."""
    differences = check()
    for key in (*differences["missing"], *differences["extra"], *differences["stale"]):
        send(key)
    return differences


def connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_delete

    from directory.models import Certification, Region, Sector

    for signal in (post_save, post_delete):
        signal.connect(
            organisation_changed,
            sender=OrganisationPage,
            dispatch_uid=f"directory-elastic-{signal is post_save}",
        )
    # Before a deletion: afterwards the links it takes with it no longer say who named it.
    for model in (Region, Sector, Certification):
        for signal in (post_save, pre_delete):
            signal.connect(
                taxonomy_changed,
                sender=model,
                dispatch_uid=f"directory-elastic-{model.__name__}-{signal is post_save}",
            )
