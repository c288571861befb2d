"""The Elasticsearch engine offline: the requests it compiles (golden files, each locale),
its reading of recorded answers into the API's results and facets, and the fallback to the
database when the cluster fails."""

import datetime
import json
import logging

import pytest
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch.dsl import connections

from directory.models.freshness import confirmed_since
from directory.search import parse_params
from directory.search.engines import breaker
from directory.search.engines.elastic import query
from directory.search.engines.elastic.connection import ALIAS
from directory.search.params import Vocabulary
from directory.search.query import locale_for_code

from ..search.conftest import organisations_built_once
from .transport import RecordedCluster, assert_golden, recorded

pytestmark = pytest.mark.django_db

URL = "/api/v3/directory/search/"
CONFIRMED_ON = datetime.date.today() - datetime.timedelta(days=30)

organisations = organisations_built_once(
    {
        "waggonbau": dict(
            title="Görlitzer Waggonbau Service",
            city="Görlitz",
            region="DED2D",
            sectors=["rail-vehicles"],
            certifications=["iso-9001"],
            languages="de,pl",
            last_confirmed=CONFIRMED_ON,
        ),
        "elbtal": dict(
            title="Elbtal Präzisionsteile",
            city="Dresden",
            region="DED21",
            sectors=["metalworking"],
            certifications=["iso-9001"],
            languages="de",
        ),
        "decin": dict(
            language="cs", title="Strojírna Děčín", city="Děčín", country="CZ", region="CZ042"
        ),
    }
)

SEARCHES = {
    "plain": {"q": ["Drehteile Dresden"]},
    "filtered": {"region": ["DED21", "DED2D"], "seeking": ["1"], "sort": ["newest"]},
    "faceted": {
        "q": ["Teile"],
        "sector": ["metalworking"],
        "certification": ["iso-9001"],
        "language": ["de", "cs"],
        "confirmed": ["1"],
        "page": ["2"],
        "page_size": ["10"],
    },
}


def compiled(search):
    """The request body with the date of "confirmed within a year" (which moves) named."""
    text = json.dumps(search.to_dict(), sort_keys=True)
    return json.loads(text.replace(confirmed_since().isoformat(), "<confirmed_since>"))


@pytest.mark.usefixtures("organisations", "cluster")
class TestCompiledRequests:
    @pytest.mark.parametrize("language", ["de", "cs", "en"])
    @pytest.mark.parametrize("kind", sorted(SEARCHES))
    def test_search_request_is_the_golden_one(self, kind, language):
        locale = locale_for_code(language)
        vocabulary = Vocabulary.of(locale)
        params = parse_params(SEARCHES[kind], vocabulary=vocabulary)
        assert_golden(
            f"search_{kind}_{language}", compiled(query.request(params, language, vocabulary))
        )

    @pytest.mark.parametrize("language", ["de", "cs", "en"])
    def test_suggestion_request_is_the_golden_one(self, language):
        assert_golden(
            f"suggest_{language}", query.suggestion_request("Elb Prä", language, 50).to_dict()
        )

    def test_every_facet_asks_for_every_value_of_the_vocabulary(self):
        vocabulary = Vocabulary.of(locale_for_code("de"))
        params = parse_params({"region": ["DED21"]}, vocabulary=vocabulary)
        body = query.request(params, "de", vocabulary).to_dict()
        size = body["aggs"]["region"]["aggs"]["values"]["terms"]["size"]
        assert size == len(vocabulary.labels["region"]) > 10
        # The region's own selection is left out of its counts, kept in every other facet's.
        assert body["aggs"]["region"]["filter"] == {"bool": {}} or not any(
            "terms" in clause and "de.region" in clause["terms"]
            for clause in body["aggs"]["region"]["filter"]["bool"].get("filter", [])
        )
        assert {"terms": {"de.region": ["DED21"]}} in body["aggs"]["sector"]["filter"]["bool"][
            "filter"
        ]
        assert body["post_filter"] == {"bool": {"filter": [{"terms": {"de.region": ["DED21"]}}]}}


class TestAnswers:
    def test_api_answers_with_the_clusters_results_and_facets(self, client, organisations, cluster):
        cluster.answers.append(recorded("search_de", organisations))
        response = client.get(URL, {"q": "Service", "locale": "de", "region": "DED2D"})
        assert response.status_code == 200
        body = response.json()
        assert body["count"] == 2
        assert [r["title"] for r in body["results"]] == [
            "Görlitzer Waggonbau Service",
            "Elbtal Präzisionsteile",
        ]
        assert body["results"][0]["region"] == "DED2D"
        assert body["results"][0]["url"].startswith("http://testserver/de/")
        facets = {
            name: {o["value"]: o["count"] for o in opts} for name, opts in body["facets"].items()
        }
        assert facets["region"] == {"CZ042": 1, "DED21": 1, "DED2D": 1}
        assert facets["language"] == {"de": 2, "pl": 1}
        assert facets["seeking"] == {"1": 0} and facets["confirmed"] == {"1": 1}
        labels = {o["value"]: o["label"] for o in body["facets"]["sector"]}
        assert labels["rail-vehicles"] == "Schienenfahrzeugbau"
        # One request, to the alias, and it is the request the engine compiles.
        [sent] = cluster.received
        assert sent["target"].startswith("/glokal_directory/_search")
        assert {"terms": {"de.region": ["DED2D"]}} in sent["body"]["post_filter"]["bool"]["filter"]

    def test_suggestions_name_the_organisations_the_cluster_found(
        self, client, organisations, cluster
    ):
        cluster.answers.append(recorded("suggest_de", organisations))
        response = client.get("/api/v3/directory/suggest/", {"q": "Elb", "locale": "de"})
        assert response.status_code == 200
        found = [s for s in response.json()["suggestions"] if s["type"] == "organisation"]
        assert [s["label"] for s in found] == ["Elbtal Präzisionsteile"]
        assert found[0]["url"].endswith("/")

    def test_a_typo_is_corrected_as_the_database_engine_corrects_it(
        self, client, organisations, cluster, settings
    ):
        query = {"q": "Waggonbua", "locale": "de"}
        settings.DIRECTORY_SEARCH_ENGINE = "database"
        expected = client.get(URL, query).json()["suggestion"]
        settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
        assert expected
        cluster.answers += [recorded("nothing_de"), recorded("search_de", organisations)]
        body = client.get(URL, query).json()
        assert body["suggestion"] == expected
        assert body["count"] == 2
        typed, corrected = (sent["body"]["query"]["bool"]["should"][0] for sent in cluster.received)
        assert typed["multi_match"]["query"] == "Waggonbua"
        assert corrected["multi_match"]["query"].lower() == expected.lower()

    def test_pages_beyond_the_clusters_window_come_from_the_database(
        self, client, organisations, cluster
    ):
        response = client.get(URL, {"locale": "de", "page": "101", "page_size": "100"})
        assert response.status_code == 200
        assert response.json()["count"] == 2 and response.json()["results"] == []
        assert cluster.received == [] and not breaker.is_open()


def database_answer(client, query):
    """What the database engine answers to `query` (the engine of a site without a cluster)."""
    return client.get(URL, query).json()


class TestFallback:
    """A cluster that fails never shows: the database answers, at once and correctly."""

    QUERY = {"q": "Görlitz", "locale": "de"}

    @pytest.mark.parametrize(
        "failure",
        [TransportConnectionError("refused"), ConnectionTimeout("timed out")],
        ids=["down", "slow"],
    )
    def test_database_answers_when_the_cluster_fails(
        self, client, organisations, settings, caplog, failure
    ):
        expected = database_answer(client, self.QUERY)
        assert expected["count"] == 1
        cluster = RecordedCluster(failure)
        settings.DIRECTORY_SEARCH_ENGINE = "elasticsearch"
        settings.ELASTICSEARCH_URL = "http://recorded.invalid:9200"
        breaker.reset()
        connections.add_connection(ALIAS, cluster.client())
        try:
            with caplog.at_level(logging.ERROR, logger="glokal.operations.breaker"):
                first = client.get(URL, self.QUERY)
                page = client.get("/de/verzeichnis/", {"q": "Görlitz"})
                health = client.get("/healthz").json()
            assert first.status_code == 200 and first.json() == expected
            assert page.status_code == 200 and "Görlitzer Waggonbau" in page.content.decode()
            # The breaker kept the second search off the cluster; one log line for both.
            assert len(cluster.received) == 1
            logged = [r for r in caplog.records if r.name == "glokal.operations.breaker"]
            assert len(logged) == 1 and "directory search" in logged[0].getMessage()
            assert health["status"] == "degraded"
            assert health["directory_search"]["status"] == "error"
        finally:
            breaker.reset()
            connections.remove_connection(ALIAS)

    def test_an_error_answer_falls_back_too(self, client, organisations, cluster):
        cluster.answers.append((503, {"error": {"type": "cluster_block_exception"}, "status": 503}))
        response = client.get(URL, self.QUERY)
        assert response.status_code == 200
        assert response.json()["count"] == 1
        assert breaker.is_open()

    def test_after_the_pause_the_cluster_is_asked_again(
        self, client, organisations, cluster, settings
    ):
        settings.ELASTICSEARCH_BREAKER_SECONDS = 0  # the pause is over at once
        cluster.answers += [
            TransportConnectionError("refused"),
            recorded("search_de", organisations),
        ]
        assert client.get(URL, self.QUERY).json()["count"] == 1
        assert client.get(URL, self.QUERY).json()["count"] == 2
        assert len(cluster.received) == 2
        assert client.get("/healthz").json()["directory_search"]["status"] == "ok"
