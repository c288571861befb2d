"""Every environment variable the project reads, declared once: typed and with its default.

The settings modules read them from `env` only; dev.py and test.py relax what a developer
machine does not need.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env(
    SECRET_KEY=(str, ""),
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    BASE_URL=(str, "http://127.0.0.1:8000"),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    # PostgreSQL only; seconds, 0 = no limit. A statement running longer is cancelled, a lock
    # waited for longer is given up, so a slow or blocked database ends a request with the
    # error page instead of holding a worker (raise them for long migrations).
    DATABASE_CONNECT_TIMEOUT=(int, 5),
    DATABASE_STATEMENT_TIMEOUT=(float, 30),
    DATABASE_LOCK_TIMEOUT=(float, 10),
    # One of the two selects Redis; neither means a per-process memory cache.
    CACHE_URL=(str, ""),
    REDIS_URL=(str, ""),
    # Seconds to wait for Redis before answering as a cache miss.
    CACHE_SOCKET_TIMEOUT=(float, 0.5),
    # Elasticsearch 9 (the v9 client talks to Elasticsearch 9 only, not to 8.x or OpenSearch).
    # Set the URL and both the directory and the site-wide search use the cluster.
    ELASTICSEARCH_URL=(str, ""),
    ELASTICSEARCH_INDEX_PREFIX=(str, "glokal_"),
    ELASTICSEARCH_USERNAME=(str, ""),
    ELASTICSEARCH_PASSWORD=(str, ""),
    # A file with the CA certificate that signed the cluster's certificate (https URLs).
    ELASTICSEARCH_CA_CERTS=(str, ""),
    # Seconds a visitor's search may wait for the cluster before the database answers it.
    ELASTICSEARCH_TIMEOUT=(float, 1.0),
    # Seconds indexing (tasks, `manage.py search_index`) may wait for one request.
    ELASTICSEARCH_INDEXING_TIMEOUT=(float, 30.0),
    # Seconds the directory stops asking a cluster that failed, answering from the database.
    ELASTICSEARCH_BREAKER_SECONDS=(int, 30),
    ELASTICSEARCH_SHARDS=(int, 1),
    ELASTICSEARCH_REPLICAS=(int, 1),
    # "database" or "elasticsearch"; empty: elasticsearch when ELASTICSEARCH_URL is set.
    DIRECTORY_SEARCH_ENGINE=(str, ""),
    # Machine translation of content: DeepL (a key) or a self-hosted LibreTranslate (a URL);
    # neither means missing translations show the source text with a notice.
    DEEPL_AUTH_KEY=(str, ""),
    # "prefer_more" (Sie / Vy), "prefer_less" or "default".
    DEEPL_FORMALITY=(str, "prefer_more"),
    LIBRETRANSLATE_URL=(str, ""),
    LIBRETRANSLATE_API_KEY=(str, ""),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "Glokal <noreply@glokal.example>"),
    SERVER_EMAIL=(str, "Glokal <server@glokal.example>"),
    # Who receives accessibility feedback (comma-separated); the superusers when empty.
    ACCESSIBILITY_FEEDBACK_TO=(list, []),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    MEDIA_URL=(str, "/media/"),
    STATIC_ROOT=(str, str(BASE_DIR / "static")),
    # Files only the people concerned may download through a permission-checked view (the
    # files suppliers attach to their answers): never below MEDIA_ROOT, never served by URL.
    PRIVATE_MEDIA_ROOT=(str, str(BASE_DIR / "var" / "private")),
    # Largest file a supplier may attach to an answer to a sourcing request, in bytes.
    ANSWER_FILE_MAX_BYTES=(int, 10 * 1024 * 1024),
    # Set a bucket to keep uploads in S3-compatible object storage instead of MEDIA_ROOT.
    AWS_STORAGE_BUCKET_NAME=(str, ""),
    AWS_S3_ENDPOINT_URL=(str, ""),
    AWS_S3_REGION_NAME=(str, ""),
    AWS_ACCESS_KEY_ID=(str, ""),
    AWS_SECRET_ACCESS_KEY=(str, ""),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
    LOG_LEVEL=(str, "INFO"),
    LOG_FORMAT=(str, "json"),
    # Outgoing mail (the outbox, glokal.outbox).
    # Seconds a mail server may take to answer before the attempt counts as failed.
    EMAIL_TIMEOUT=(int, 10),
    # Attempts per mail before it is marked failed, and the first retry's delay in seconds
    # (doubled after each failure: 1, 2, 4 … minutes).
    OUTBOX_MAX_ATTEMPTS=(int, 8),
    OUTBOX_RETRY_DELAY=(int, 60),
    # Proxies in front of the site that append to X-Forwarded-For (0: trust only REMOTE_ADDR).
    TRUSTED_PROXY_COUNT=(int, 0),
    # Admin login: failures per account and per address before a lockout of so many minutes.
    ADMIN_LOGIN_FAILURE_LIMIT=(int, 5),
    ADMIN_LOGIN_LOCKOUT_MINUTES=(int, 15),
    # Staff who have set up an authenticator app enter its code at the admin login.
    ADMIN_TWO_FACTOR=(bool, False),
    # Checking imported IČO and VAT IDs in the public registers (ARES, VIES); off by default.
    REGISTER_CHECKS=(bool, False),
    ARES_URL=(str, "https://ares.gov.cz/ekonomicke-subjekty-v-be/rest"),
    VIES_URL=(str, "https://ec.europa.eu/taxation_customs/vies/rest-api"),
    # Seconds a register may take to answer before the check counts as "did not answer".
    REGISTER_CHECK_TIMEOUT=(float, 10),
    # Headless API and embeds (glokal.headless). Partner websites, one origin a line
    # ("https://www.ihk-dresden.example"): they may read /api/ from the browser (CORS) and
    # frame the embeds (CSP frame-ancestors); nobody else may.
    PARTNER_ORIGINS=(str, ""),
    # Requests a minute to /api/: per client address without a key, per key with one.
    API_ANONYMOUS_RATE_LIMIT=(int, 60),
    API_KEY_RATE_LIMIT=(int, 600),
    # Seconds browsers and CDNs may reuse an API answer before asking again (with its ETag).
    API_CACHE_MAX_AGE=(int, 60),
    # Draft preview for a decoupled front end: the client's preview address (it receives
    # ?token=…) and the seconds a preview link stays valid.
    HEADLESS_PREVIEW_CLIENT_URL=(str, ""),
    HEADLESS_PREVIEW_MAX_AGE=(int, 60 * 60),
)
