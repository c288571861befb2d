"""One search interface, two engines: the database (the embedded default) and Elasticsearch.

`search` runs a directory search on the engine the settings choose (DIRECTORY_SEARCH_ENGINE).
The page, the API and their tests call only this. When Elasticsearch is down, slow (over
ELASTICSEARCH_TIMEOUT) or answers with an error, the database answers instead: the failure is
logged at most once a minute, /healthz says "degraded", and a circuit breaker (breaker.py)
keeps searches off the cluster for ELASTICSEARCH_BREAKER_SECONDS.
"""

from django.conf import settings

from . import breaker, database

DATABASE = "database"
ELASTICSEARCH = "elasticsearch"
ENGINES = (DATABASE, ELASTICSEARCH)


def configured():
    """The name of the engine the settings choose."""
    name = getattr(settings, "DIRECTORY_SEARCH_ENGINE", DATABASE) or DATABASE
    if name not in ENGINES:
        raise ValueError(f"DIRECTORY_SEARCH_ENGINE must be one of {ENGINES}, not {name!r}")
    return name


def uses_cluster():
    # Without a URL there is no cluster to ask, whatever the engine setting says.
    return configured() == ELASTICSEARCH and bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def health():
    """The engine's state for /healthz."""
    if not uses_cluster():
        return {"status": "ok", "engine": DATABASE}
    state = breaker.status()
    found = {"status": state["status"], "engine": ELASTICSEARCH}
    if state["status"] != "ok":
        found["error"] = state["last_error"]
    return found


def search(params, locale=None, vocabulary=None):
    """One page of results for `params` (see query.SearchResult), from the configured engine."""
    if uses_cluster():
        from . import elastic

        answer = breaker.attempt(elastic.search, params, locale=locale, vocabulary=vocabulary)
        if answer is not breaker.UNAVAILABLE:
            return answer
    return database.search(params, locale=locale, vocabulary=vocabulary)


def organisation_names(typed, locale, limit):
    """Organisations whose name has the words typed so far, for autocomplete: (title, page id)
    pairs, at most `limit`, from the configured engine."""
    if uses_cluster():
        from . import elastic

        answer = breaker.attempt(elastic.organisation_names, typed, locale, limit)
        if answer is not breaker.UNAVAILABLE:
            return answer
    return database.organisation_names(typed, locale, limit)
