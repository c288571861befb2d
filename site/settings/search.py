"""Wagtail's search backends for the settings: the database backend, or Elasticsearch 9 with the
database answering while the cluster is down (glokal.searchbackend). Plain values in, a
WAGTAILSEARCH_BACKENDS dict out: no Django import, so base.py can call it."""

DATABASE_BACKEND = {"BACKEND": "wagtail.search.backends.database"}


def wagtail_search_backends(
    url, *, prefix, timeout, username, password, ca_certs, shards, replicas
):
    if not url:
        return {"default": DATABASE_BACKEND}
    options = {"max_retries": 0}
    if username:
        options["basic_auth"] = (username, password)
    if ca_certs:
        options["ca_certs"] = ca_certs
    return {
        "default": {
            "BACKEND": "glokal.searchbackend",
            "URLS": [url],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            "OPTIONS": options,
            "INDEX_SETTINGS": {
                "settings": {"index": {"number_of_shards": shards, "number_of_replicas": replicas}}
            },
        },
        "fallback": DATABASE_BACKEND,
    }
