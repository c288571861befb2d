"""Sending organisations to the cluster: tasks retried with back-off, the atomic rebuild and
the check of the cluster against the database (offline, on a recorded cluster)."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError

from directory.search.engines.elastic import document, indexing

from ..search.conftest import organisations_built_once
from .transport import assert_golden

pytestmark = pytest.mark.django_db

organisations = organisations_built_once(
    {
        "elbtal": dict(title="Elbtal Präzisionsteile", city="Dresden", region="DED21"),
        "decin": dict(language="cs", title="Strojírna Děčín", city="Děčín", country="CZ"),
    }
)

ACKNOWLEDGED = {"acknowledged": True}
SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}


@pytest.mark.usefixtures("organisations")
class TestTasks:
    def test_a_change_the_cluster_fails_is_sent_again_later(
        self, organisations, cluster, deferring_tasks
    ):
        key = str(organisations["elbtal"].translation_key)
        cluster.answers += [TransportConnectionError("refused"), {"result": "updated"}]
        before = timezone.now()
        assert indexing.sync_organisation.call(key, 1) == "retrying"
        [retry] = deferring_tasks.results
        assert retry.args == [key, 2]
        assert retry.task.run_after >= before + datetime.timedelta(seconds=30)
        # The cluster is back: the retry sends the document.
        assert indexing.sync_organisation.call(*retry.args) == "indexed"
        sent = cluster.received[-1]
        assert sent["method"] == "PUT" and sent["target"].startswith(
            f"/glokal_directory/_doc/{key}"
        )
        assert sent["body"]["de"]["title"] == "Elbtal Präzisionsteile"
        # Into the alias only, never into an index the cluster would create with guessed types.
        assert "require_alias=true" in sent["target"]

    def test_back_off_doubles_up_to_an_hour(self):
        delays = [indexing.retry_delay(n).total_seconds() for n in (1, 2, 3, 10, 30)]
        assert delays == [30, 60, 120, 3600, 3600]

    def test_publishing_queues_the_organisation(
        self, organisations, cluster, deferring_tasks, django_capture_on_commit_callbacks
    ):
        page = organisations["elbtal"]
        page.summary = "Neu"
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        queued = {
            tuple(r.args)
            for r in deferring_tasks.results
            if r.task.name == indexing.sync_organisation.name
        }
        assert queued == {(str(page.translation_key), 1)}
        assert cluster.received == []  # queued, not sent inside the request

    def test_an_unpublished_organisation_is_removed(self, organisations, cluster):
        page = organisations["decin"]
        page.unpublish()
        cluster.answers.append({"result": "deleted"})
        assert indexing.send(page.translation_key) == "deleted"
        assert cluster.received[-1]["method"] == "DELETE"


@pytest.mark.usefixtures("organisations")
class TestCommands:
    def test_rebuild_fills_a_new_index_and_swaps_the_alias_atomically(self, cluster, capsys):
        cluster.answers += [
            ACKNOWLEDGED,
            {
                "took": 3,
                "errors": False,
                "items": [{"index": {"status": 201}}, {"index": {"status": 201}}],
            },
            {"_shards": {"total": 1, "successful": 1, "failed": 0}},
            {"glokal_directory_20260101000000": {"aliases": {"glokal_directory": {}}}},
            ACKNOWLEDGED,
            ACKNOWLEDGED,
        ]
        call_command("search_index", "rebuild")
        create, bulk, refresh, aliases, swap, delete = cluster.received
        new = create["target"].split("?")[0].strip("/")
        assert create["method"] == "PUT" and new.startswith("glokal_directory_2")
        assert create["body"] == document.index_definition(new).to_dict()
        assert_golden("index", create["body"])
        assert bulk["target"].startswith("/_bulk")
        titles = {line["de"]["title"] for line in bulk["body"] if "de" in line}
        titles |= {line["cs"]["title"] for line in bulk["body"] if "cs" in line}
        assert titles >= {"Elbtal Präzisionsteile", "Strojírna Děčín"}
        assert refresh["target"].startswith(f"/{new}/_refresh")
        # One request moves the alias: no moment without an index behind it.
        assert swap["body"] == {
            "actions": [
                {
                    "remove": {
                        "index": "glokal_directory_20260101000000",
                        "alias": "glokal_directory",
                    }
                },
                {"add": {"index": new, "alias": "glokal_directory"}},
            ]
        }
        assert (
            delete["method"] == "DELETE" and "glokal_directory_20260101000000" in delete["target"]
        )
        assert "glokal_directory points at it" in capsys.readouterr().out

    def test_the_first_rebuild_creates_the_alias(self, cluster):
        missing = (404, {"error": "alias [glokal_directory] missing", "status": 404})
        cluster.answers += [
            ACKNOWLEDGED,
            {"took": 3, "errors": False, "items": [{"index": {"status": 201}}] * 2},
            {"_shards": SHARDS},
            missing,
            (404, {}),
            ACKNOWLEDGED,
        ]
        call_command("search_index", "rebuild", verbosity=0)
        new = cluster.received[0]["target"].split("?")[0].strip("/")
        assert cluster.received[-1]["body"] == {
            "actions": [{"add": {"index": new, "alias": "glokal_directory"}}]
        }

    def test_check_reports_what_differs(self, organisations, cluster):
        elbtal = organisations["elbtal"]
        cluster.answers += [
            {
                "_scroll_id": "s1",
                "_shards": SHARDS,
                "hits": {
                    "total": {"value": 2, "relation": "eq"},
                    "hits": [
                        {
                            "_id": str(elbtal.translation_key),
                            "_source": {"updated_at": "2001-01-01T00:00:00+00:00"},
                        },
                        {"_id": "gone", "_source": {"updated_at": "2001-01-01T00:00:00+00:00"}},
                    ],
                },
            },
            {"_scroll_id": "s1", "_shards": SHARDS, "hits": {"hits": []}},
            {"succeeded": True, "num_freed": 1},
        ]
        with pytest.raises(CommandError, match="differs"):
            call_command("search_index", "check")
        assert cluster.received[0]["target"].startswith("/glokal_directory/_search")

    def test_check_of_a_matching_index(self, organisations, cluster, capsys):
        expected = indexing.expected_versions()
        hits = [
            {"_id": key, "_source": {"updated_at": updated.isoformat()}}
            for key, updated in expected.items()
        ]
        cluster.answers += [
            {
                "_scroll_id": "s1",
                "_shards": SHARDS,
                "hits": {"total": {"value": len(hits)}, "hits": hits},
            },
            {"_scroll_id": "s1", "_shards": SHARDS, "hits": {"hits": []}},
            {"succeeded": True, "num_freed": 1},
        ]
        call_command("search_index", "check")
        assert "matches the database" in capsys.readouterr().out


def test_commands_say_that_the_cluster_failed(cluster):
    cluster.answers.append(TransportConnectionError("refused"))
    with pytest.raises(CommandError, match="The search cluster failed: ConnectionError"):
        call_command("search_index", "check")
