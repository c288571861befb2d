"""Settings shared by every environment; secure by default.

Every environment variable the project reads is declared once, typed and with its default, in
environment.py. dev.py and test.py relax what a developer machine does not need.
"""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from glokal.operations.cache import resilient_cache_config
from glokal.operations.database import postgres_options

from .environment import BASE_DIR, PROJECT_DIR, env
from .search import wagtail_search_backends

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")
BASE_URL = env("BASE_URL").rstrip("/")

INSTALLED_APPS = [
    "glokal",
    "glokal.localisation",
    "glokal.outbox",
    "glokal.reporting",
    "glokal.headless",
    "directory",
    "eventpages",
    "newsroom",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v3",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "corsheaders",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "glokal.security.headers.AreaCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "glokal.request_memo.RequestMemoMiddleware",
    # Before anything that may answer: a preflight is answered here, CORS headers added to all.
    "glokal.headless.cors.ReadOnlyCorsMiddleware",
    # Limits, the staff-only write guard and conditional answers of /api/ (glokal.headless).
    "glokal.headless.middleware.ApiGatewayMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "glokal.routing.PageRoutingMiddleware",
    # Last, as django-axes asks: it turns a locked-out login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "glokal.urls"
WSGI_APPLICATION = "glokal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": env.db_url_config(env("DATABASE_URL"))}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"]["CONN_MAX_AGE"] = 60
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        postgres_options(
            connect_timeout=env("DATABASE_CONNECT_TIMEOUT"),
            statement_timeout_ms=env("DATABASE_STATEMENT_TIMEOUT") * 1000,
            lock_timeout_ms=env("DATABASE_LOCK_TIMEOUT") * 1000,
        )
    )
else:
    # SQLite: take the write lock when a transaction starts, so select_for_update() sections
    # (the last place of an event) cannot interleave with another writer.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    # The directory's covering index serves PostgreSQL; SQLite builds it without the extra
    # columns, which is all the warning says.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_cache_url = env("CACHE_URL") or env("REDIS_URL")
CACHES = {
    "default": env.cache_url_config(_cache_url)
    if _cache_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "glokal"}
}
# Pages keep working while Redis is down: a failed call is a miss and a logged warning.
CACHES["default"] = resilient_cache_config(CACHES["default"], env("CACHE_SOCKET_TIMEOUT"))
# Sessions live in the database (Django's default), never in the cache alone: a Redis restart
# must not log every editor out, and a Redis outage must not break the admin.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses an account or address that is locked out (glokal.security).
    "glokal.security.login.RequestLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default and the fallback for visitors whose browser asks for none
# of the three.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("cs", "Čeština"),
    ("en", "English"),
]
# locale/ holds the project's own strings; locale_upstream/ fills gaps in the Czech catalogues
# of Wagtail, wagtail-localize and Django for strings the admin shows. They live apart because
# `make messages` (makemessages --no-obsolete) would delete every msgid not found in this
# project's code from locale/, and makemessages never writes to a folder it extracted nothing
# for. The JavaScript catalogue of Wagtail's admin reads only LOCALE_PATHS besides Wagtail.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# English dates and times as a European audience writes them (24-hour clock, day first).
FORMAT_MODULE_PATH = ["glokal.formats"]
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
# The admin names content languages in the editor's language ("němčina" for a Czech editor);
# LANGUAGES keeps the endonyms that choosing an admin or visitor language needs.
WAGTAIL_CONTENT_LANGUAGES = [("de", _("German")), ("cs", _("Czech")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = env("MEDIA_ROOT")
MEDIA_URL = env("MEDIA_URL")
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT")
ANSWER_FILE_MAX_BYTES = env("ANSWER_FILE_MAX_BYTES")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # On the server's disk below PRIVATE_MEDIA_ROOT whatever "default" is (see glokal.storage).
    "private": {"BACKEND": "glokal.storage.PrivateStorage"},
}
if env("AWS_STORAGE_BUCKET_NAME"):
    # Requires the optional `django-storages[s3]` package on the production image.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "default_acl": None,
            "querystring_auth": False,
        },
    }

# Sets EMAIL_BACKEND, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
vars().update(env.email_url_config(env("EMAIL_URL")))
# Every mail, Wagtail's and Django's included, is stored in the outbox and sent from there.
OUTBOX_DELIVERY_BACKEND = EMAIL_BACKEND  # noqa: F821 - set by the line above
EMAIL_BACKEND = "glokal.outbox.backends.OutboxEmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL")
ACCESSIBILITY_FEEDBACK_TO = env("ACCESSIBILITY_FEEDBACK_TO")

# Background work (search index updates, translation syncs, outgoing mail). Tasks run inline
# unless an environment configures a queue with a worker (production.py: the database queue).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Outgoing mail ------------------------------------------------------------
# Every mail is stored in the outbox first and sent by a task (glokal.outbox).
EMAIL_TIMEOUT = env("EMAIL_TIMEOUT")
OUTBOX_MAX_ATTEMPTS = env("OUTBOX_MAX_ATTEMPTS")
OUTBOX_RETRY_DELAY = env("OUTBOX_RETRY_DELAY")
# --------------------------------------------------------------------------------------------

# Search: the database backend (SQLite FTS5 or PostgreSQL full text) unless a cluster is set;
# the directory's engine (directory.search.engines) uses the same cluster connection.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX")
ELASTICSEARCH_USERNAME = env("ELASTICSEARCH_USERNAME")
ELASTICSEARCH_PASSWORD = env("ELASTICSEARCH_PASSWORD")
ELASTICSEARCH_CA_CERTS = env("ELASTICSEARCH_CA_CERTS")
ELASTICSEARCH_TIMEOUT = env("ELASTICSEARCH_TIMEOUT")
ELASTICSEARCH_INDEXING_TIMEOUT = env("ELASTICSEARCH_INDEXING_TIMEOUT")
ELASTICSEARCH_BREAKER_SECONDS = env("ELASTICSEARCH_BREAKER_SECONDS")
ELASTICSEARCH_SHARDS = env("ELASTICSEARCH_SHARDS")
ELASTICSEARCH_REPLICAS = env("ELASTICSEARCH_REPLICAS")
WAGTAILSEARCH_BACKENDS = wagtail_search_backends(
    ELASTICSEARCH_URL,
    prefix=ELASTICSEARCH_INDEX_PREFIX,
    timeout=ELASTICSEARCH_TIMEOUT,
    username=ELASTICSEARCH_USERNAME,
    password=ELASTICSEARCH_PASSWORD,
    ca_certs=ELASTICSEARCH_CA_CERTS,
    shards=ELASTICSEARCH_SHARDS,
    replicas=ELASTICSEARCH_REPLICAS,
)
DIRECTORY_SEARCH_ENGINE = env("DIRECTORY_SEARCH_ENGINE") or (
    "elasticsearch" if ELASTICSEARCH_URL else "database"
)

# The language analysis of the site-wide search: the directory's (German compounds, Czech
# inflection, folding), so both searches understand the same words.
GLOKAL_TEXT_ANALYSIS = "directory.search.analysis"
# Seconds a process answers directory searches from its in-memory facet index and taxonomy
# names before it looks whether other processes announced a change through the cache (its own
# changes count at once), as a search engine refreshes its index about once a second.
DIRECTORY_REFRESH_SECONDS = 1.0
# Seconds after which a process reads them again even when no change was announced through the
# cache: for writes that send no signal (bulk updates) and announcements lost while the cache
# was down.
DIRECTORY_RECHECK_SECONDS = 30.0

# Wagtail
WAGTAIL_SITE_NAME = "Glokal"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILAPI_BASE_URL = BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
# Rich text in the API as display HTML, internal links resolved (absolute: glokal.headless.content).
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Avatars are uploaded or the built-in default; Gravatar would be a third-party request (and a
# hash of each editor's address) on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

if env("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "glokal.localisation.machine.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_AUTH_KEY"), "FORMALITY": env("DEEPL_FORMALITY")},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY"),
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

# Security: on unless an environment turns it off (dev.py and test.py do).
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail marks its own preview views SAMEORIGIN; everything else must never be framed.
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Load balancers and orchestrators probe over plain HTTP inside the platform's network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")

# Content-Security-Policy, Permissions-Policy, admin login limits: see security.py.
from .security import *  # noqa: E402, F403
from .security import ADMIN_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY  # noqa: E402

if env("AWS_S3_ENDPOINT_URL"):
    # Uploads served from object storage are the one other origin pages load from.
    for _directives in (
        CONTENT_SECURITY_POLICY["DIRECTIVES"],
        ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
    ):
        for _name in ("img-src", "media-src"):
            _directives[_name] = [*_directives[_name], env("AWS_S3_ENDPOINT_URL")]

# Headless API and embeds (glokal.headless); the CORS constants are in headless.py.
from glokal.headless.origins import parse_origins  # noqa: E402

from .headless import *  # noqa: E402, F403

PARTNER_ORIGINS = CORS_ALLOWED_ORIGINS = parse_origins(env("PARTNER_ORIGINS"))
API_ANONYMOUS_RATE_LIMIT = env("API_ANONYMOUS_RATE_LIMIT")
API_KEY_RATE_LIMIT = env("API_KEY_RATE_LIMIT")
API_CACHE_MAX_AGE = env("API_CACHE_MAX_AGE")
HEADLESS_PREVIEW_CLIENT_URL = env("HEADLESS_PREVIEW_CLIENT_URL")
HEADLESS_PREVIEW_MAX_AGE = env("HEADLESS_PREVIEW_MAX_AGE")

AXES_FAILURE_LIMIT = env("ADMIN_LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=env("ADMIN_LOGIN_LOCKOUT_MINUTES"))
ADMIN_TWO_FACTOR = env("ADMIN_TWO_FACTOR")

REGISTER_CHECKS = env("REGISTER_CHECKS")
ARES_URL = env("ARES_URL")
VIES_URL = env("VIES_URL")
REGISTER_CHECK_TIMEOUT = env("REGISTER_CHECK_TIMEOUT")

# Structured logs on stdout, one JSON object a line (logs.py).
from .logs import logging_config  # noqa: E402

LOGGING = logging_config(env("LOG_LEVEL"), env("LOG_FORMAT"))

# API errors (glokal.api_errors): API paths are never redirected into a language and answer
# problem documents; "ninja" is installed so the interactive docs load Swagger UI from the
# project's static files instead of a CDN.
INSTALLED_APPS += ["ninja"]
MIDDLEWARE = [
    "glokal.api_errors.ApiAwareLocaleMiddleware"
    if name == "django.middleware.locale.LocaleMiddleware"
    else name
    for name in MIDDLEWARE
]
