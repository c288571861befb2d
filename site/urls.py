from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from directory.matching.views import one_click_stop

from .api import api
from .embeds.views import accent_stylesheet, directory_embed, events_embed, news_embed
from .feedback import accessibility_feedback
from .search.views import search_page
from .sitemaps import MultilingualSitemap
from .views import healthz, readyz, robots_txt

handler500 = "glokal.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The "unsubscribe" button of mail programs on alert mails (no language prefix).
    re_path(
        r"^mail/stop/(?P<kind>requests|search)/(?P<token>[0-9a-f]{32,64})/$",
        one_click_stop,
        name="mail_one_click_stop",
    ),
    re_path(r"^embed/accent/(?P<colour>[0-9a-f]{6})\.css$", accent_stylesheet, name="embed_accent"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # "/de/suche/", "/cs/hledat/", "/en/search/": the path is translated like the interface.
    path(pgettext_lazy("URL path", "search/"), search_page, name="site_search"),
    # Embeds for partner websites (glokal.embeds): the same address in every language.
    path("embed/news/", news_embed, name="embed_news"),
    path("embed/events/", events_embed, name="embed_events"),
    path("embed/directory/", directory_embed, name="embed_directory"),
    path(
        pgettext_lazy("URL path", "accessibility-feedback/"),
        accessibility_feedback,
        name="accessibility_feedback",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
