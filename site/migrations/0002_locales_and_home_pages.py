"""Creates the three content locales and a home page in each, replacing Wagtail's welcome page."""

import uuid

from django.db import migrations

LANGUAGES = ["de", "cs", "en"]
HOME_PAGES = {
    "de": ("Startseite", "Partner finden über die sächsisch-tschechische Grenze"),
    "cs": ("Úvodní stránka", "Najděte partnery přes česko-saskou hranici"),
    "en": ("Home", "Find partners across the Saxon–Czech border"),
}


def create_locales_and_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("glokal.HomePage")

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    if HomePage.objects.exists():
        return

    root = Page.objects.get(depth=1)
    # Wagtail's initial migration leaves a "Welcome" page as the only child of the root.
    Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="glokal")
    translation_key = uuid.uuid4()
    homes = {}
    for position, code in enumerate(LANGUAGES, start=1):
        title, hero_title = HOME_PAGES[code]
        # Slugs are unique among siblings across locales; the home slug never shows in URLs.
        slug = "home" if code == "de" else f"home-{code}"
        homes[code] = HomePage.objects.create(
            title=title,
            draft_title=title,
            hero_title=hero_title,
            slug=slug,
            content_type=content_type,
            path=f"{root.path}{position:04d}",
            depth=2,
            numchild=0,
            url_path=f"/{slug}/",
            locale=locales[code],
            translation_key=translation_key,
            live=True,
        )
    root.numchild = len(LANGUAGES)
    root.save(update_fields=["numchild"])

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Glokal")
    site.root_page_id = homes["de"].pk
    site.site_name = "Glokal"
    site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("glokal", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_locales_and_home_pages, migrations.RunPython.noop)]
