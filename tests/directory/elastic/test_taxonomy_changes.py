"""A renamed, recoded or deleted taxonomy re-sends the documents that name it (offline, on a
recorded cluster): each document holds its taxonomies' names in every language and their codes
as facet values, so without this the cluster would search on stale names."""

import datetime

import pytest
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elasticsearch.dsl import connections

from directory.models import Certification, Region, Sector
from directory.search.engines.elastic import indexing
from directory.search.engines.elastic.connection import ALIAS, forget

from ..conftest import taxonomy
from ..search.conftest import TAXONOMY_NAMERS, organisations_built_once
from .transport import RecordedCluster

pytestmark = pytest.mark.django_db

organisations = organisations_built_once(TAXONOMY_NAMERS)


def bulk_answer(count):
    return {"took": 1, "errors": False, "items": [{"index": {"status": 200}}] * count}


def sent_documents_of(request):
    """{document id: source} of one bulk request."""
    assert request["target"].startswith("/_bulk"), request["target"]
    lines = request["body"] if isinstance(request["body"], list) else [request["body"]]
    return {
        action["index"]["_id"]: source
        for action, source in zip(lines[::2], lines[1::2], strict=True)
    }


def sent_documents(cluster):
    """{document id: source} of every bulk request the cluster received."""
    found = {}
    for request in cluster.received:
        found.update(sent_documents_of(request))
    return found


def queued_batches(backend):
    return [r.args for r in backend.results if r.task.name == indexing.sync_organisations.name]


def key(page):
    return str(page.translation_key)


@pytest.mark.usefixtures("organisations")
class TestTaxonomyChanges:
    def test_a_renamed_sector_re_sends_exactly_the_organisations_that_carry_it(
        self, organisations, cluster, django_capture_on_commit_callbacks
    ):
        cluster.answers.append(bulk_answer(2))
        sector = taxonomy(Sector, "mechanical-engineering", "de")
        sector.name = "Sondermaschinenbau"
        with django_capture_on_commit_callbacks(execute=True):
            sector.save()
        [request] = cluster.received
        # Only through the alias, and visible to searches once the task is done.
        assert "require_alias=true" in request["target"]
        assert "refresh=wait_for" in request["target"]
        sent = sent_documents(cluster)
        assert set(sent) == {key(organisations["elbtal"]), key(organisations["decin"])}
        for source in sent.values():
            assert "Sondermaschinenbau C28" in source["names"]["de"]
            assert "Maschinenbau C28" not in source["names"]["de"].split("\n")
        assert sent[key(organisations["decin"])]["cs"]["title"] == "Strojírna Děčín"

    def test_a_renamed_translation_reaches_the_other_languages_documents(
        self, organisations, cluster, django_capture_on_commit_callbacks
    ):
        cluster.answers.append(bulk_answer(1))
        region = taxonomy(Region, "DED21", "cs")
        region.name = "Drážďany (město)"
        with django_capture_on_commit_callbacks(execute=True):
            region.save()
        sent = sent_documents(cluster)
        assert set(sent) == {key(organisations["elbtal"])}
        assert "Drážďany (město) DED21" in sent[key(organisations["elbtal"])]["names"]["cs"]

    def test_a_changed_slug_is_the_new_facet_value(
        self, organisations, cluster, django_capture_on_commit_callbacks
    ):
        cluster.answers.append(bulk_answer(1))
        certification = taxonomy(Certification, "iso-9001", "de")
        certification.slug = "iso-9001-2015"
        with django_capture_on_commit_callbacks(execute=True):
            certification.save()
        sent = sent_documents(cluster)
        assert set(sent) == {key(organisations["elbtal"])}
        assert sent[key(organisations["elbtal"])]["de"]["certification"] == ["iso-9001-2015"]

    def test_a_deleted_certification_is_gone_from_the_documents_that_carried_it(
        self, organisations, cluster, django_capture_on_commit_callbacks
    ):
        cluster.answers.append(bulk_answer(1))
        with django_capture_on_commit_callbacks(execute=True):
            taxonomy(Certification, "iso-9001", "de").delete()
        sent = sent_documents(cluster)
        assert set(sent) == {key(organisations["elbtal"])}
        document = sent[key(organisations["elbtal"])]
        assert document["de"]["certification"] == []
        assert not any("ISO 9001" in names for names in document["names"].values())
        # What it still carries is sent along.
        assert document["de"]["sector"] == ["mechanical-engineering"]

    def test_a_deleted_region_leaves_its_organisations_without_one(
        self, organisations, cluster, django_capture_on_commit_callbacks
    ):
        cluster.answers.append(bulk_answer(1))
        with django_capture_on_commit_callbacks(execute=True):
            taxonomy(Region, "DED2D", "de").delete()
        sent = sent_documents(cluster)
        assert set(sent) == {key(organisations["plast"])}
        assert sent[key(organisations["plast"])]["de"]["region"] == []

    def test_organisations_are_sent_in_batches(
        self,
        organisations,
        cluster,
        deferring_tasks,
        monkeypatch,
        django_capture_on_commit_callbacks,
    ):
        monkeypatch.setattr(indexing, "TAXONOMY_BATCH", 1)
        sector = taxonomy(Sector, "mechanical-engineering", "en")
        sector.name = "Special machinery"
        with django_capture_on_commit_callbacks(execute=True):
            sector.save()
        expected = sorted([[[key(organisations["elbtal"])], 1], [[key(organisations["decin"])], 1]])
        assert sorted(queued_batches(deferring_tasks)) == expected
        assert cluster.received == []  # queued, not sent inside the editor's request

    def test_a_batch_the_cluster_fails_is_sent_again_later(
        self, organisations, cluster, deferring_tasks
    ):
        keys = [key(organisations["elbtal"]), key(organisations["plast"])]
        cluster.answers += [TransportConnectionError("refused"), bulk_answer(2)]
        before = timezone.now()
        assert indexing.sync_organisations.call(keys, 1) == "retrying"
        [retry] = deferring_tasks.results
        assert retry.args == [keys, 2]
        assert retry.task.run_after >= before + datetime.timedelta(seconds=30)
        assert indexing.sync_organisations.call(*retry.args) == 2
        assert set(sent_documents_of(cluster.received[-1])) == set(keys)

    def test_a_batch_refused_before_the_first_rebuild_is_sent_again_later(
        self, organisations, cluster, deferring_tasks
    ):
        # No alias yet: the cluster refuses each document (require_alias).
        missing = {"status": 404, "error": {"type": "index_not_found_exception"}}
        cluster.answers.append({"took": 1, "errors": True, "items": [{"index": missing}]})
        keys = [key(organisations["elbtal"])]
        assert indexing.sync_organisations.call(keys, 1) == "retrying"
        [retry] = deferring_tasks.results
        assert retry.args == [keys, 2]

    def test_a_rename_while_the_cluster_is_down_does_not_fail_the_save(
        self, organisations, cluster, django_capture_on_commit_callbacks, caplog
    ):
        # The immediate backend of development runs the task at once; it cannot wait, so the
        # failure is logged with the command that mends it and the save goes through.
        cluster.answers.append(TransportConnectionError("refused"))
        sector = taxonomy(Sector, "plastics", "de")
        sector.name = "Kunststofftechnik"
        with django_capture_on_commit_callbacks(execute=True):
            sector.save()
        sector.refresh_from_db()
        assert sector.name == "Kunststofftechnik"
        assert len(cluster.received) == 1
        assert "1 organisation(s) not indexed" in caplog.text
        assert "search_index rebuild" in caplog.text

    def test_the_task_sends_the_names_as_committed_not_as_this_process_read_them(
        self, organisations, cluster
    ):
        # A worker read the names before another process renamed the sector (no signal here).
        cluster.answers.append(bulk_answer(1))
        indexing.send_many([key(organisations["plast"])])
        Sector.objects.filter(slug="plastics", locale__language_code="de").update(
            name="Kunststofftechnik"
        )
        indexing.send_many([key(organisations["plast"])])
        names = sent_documents_of(cluster.received[-1])[key(organisations["plast"])]["names"]
        assert "Kunststofftechnik C22" in names["de"]


@pytest.mark.usefixtures("organisations")
def test_the_database_engine_sends_nothing(
    organisations, settings, deferring_tasks, django_capture_on_commit_callbacks
):
    # A cluster is configured and reachable, but the directory searches the database.
    settings.DIRECTORY_SEARCH_ENGINE = "database"
    settings.ELASTICSEARCH_URL = "http://recorded.invalid:9200"
    recorded = RecordedCluster()
    connections.add_connection(ALIAS, recorded.client())
    try:
        sector = taxonomy(Sector, "mechanical-engineering", "de")
        sector.name = "Sondermaschinenbau"
        with django_capture_on_commit_callbacks(execute=True):
            sector.save()
            taxonomy(Certification, "iso-9001", "de").delete()
    finally:
        forget()
    assert recorded.received == []
    assert queued_batches(deferring_tasks) == []
