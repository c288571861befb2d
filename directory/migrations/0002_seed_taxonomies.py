"""Seeds the taxonomies: NUTS-3 regions (from the project's regions.csv), sectors, certifications.

Every row is created in German, Czech and English with one translation key, so the entries are
translations of each other and their codes and slugs are the same in every language.
"""

import uuid

from django.db import migrations

from directory.reference_data import CERTIFICATIONS, REGIONS, SECTORS

LANGUAGE_CODES = ("de", "cs", "en")


def translation_key(kind, slug):
    # Stable keys: the same rows get the same keys in every database.
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://glokal.example/directory/{kind}/{slug}")


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    Region = apps.get_model("directory", "Region")
    Sector = apps.get_model("directory", "Sector")
    Certification = apps.get_model("directory", "Certification")
    for order, (code, country, in_area, *names) in enumerate(REGIONS):
        for language, name in zip(LANGUAGE_CODES, names, strict=True):
            if language in locales:
                Region.objects.get_or_create(
                    locale=locales[language],
                    translation_key=translation_key("region", code),
                    defaults={
                        "name": name, "slug": code.lower(), "code": code, "country": country,
                        "in_project_area": in_area, "sort_order": order,
                    },
                )
    for order, (slug, nace, *names) in enumerate(SECTORS):
        for language, name in zip(LANGUAGE_CODES, names, strict=True):
            if language in locales:
                Sector.objects.get_or_create(
                    locale=locales[language],
                    translation_key=translation_key("sector", slug),
                    defaults={"name": name, "slug": slug, "nace_codes": nace, "sort_order": order},
                )
    for order, (slug, name) in enumerate(CERTIFICATIONS):
        for language in LANGUAGE_CODES:
            if language in locales:
                Certification.objects.get_or_create(
                    locale=locales[language],
                    translation_key=translation_key("certification", slug),
                    defaults={"name": name, "slug": slug, "sort_order": order},
                )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("glokal", "0002_locales_and_home_pages"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
