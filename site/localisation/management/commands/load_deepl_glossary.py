"""Loads the region's glossary (glokal/localisation/glossary.csv) into DeepL, one glossary per
language pair, replacing the glossaries loaded before."""

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...machine import glossary_entries
from ...models import DeepLGlossary

LANGUAGES = ("de", "cs", "en")


def api_url(auth_key, path):
    host = "api-free.deepl.com" if auth_key.endswith(":fx") else "api.deepl.com"
    return f"https://{host}/v2/{path}"


class Command(BaseCommand):
    help = "Load the glossary of the region's terms into DeepL for every language pair."

    def handle(self, *args, **options):
        config = settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {}
        auth_key = config.get("OPTIONS", {}).get("AUTH_KEY")
        if not auth_key:
            raise CommandError("DeepL is not configured: set DEEPL_AUTH_KEY.")
        headers = {"Authorization": f"DeepL-Auth-Key {auth_key}"}
        for source in LANGUAGES:
            for target in LANGUAGES:
                if source == target:
                    continue
                entries = glossary_entries(source, target)
                tsv = "\n".join(f"{term}\t{translation}" for term, translation in entries)
                try:
                    response = requests.post(
                        api_url(auth_key, "glossaries"),
                        data={
                            "name": f"glokal-{source}-{target}",
                            "source_lang": source,
                            "target_lang": target,
                            "entries": tsv,
                            "entries_format": "tsv",
                        },
                        headers=headers,
                        timeout=30,
                    )
                    response.raise_for_status()
                except requests.RequestException as error:
                    message = f"DeepL refused the {source}→{target} glossary: {error}"
                    raise CommandError(message) from error
                glossary_id = response.json()["glossary_id"]
                previous = DeepLGlossary.objects.filter(
                    source_language=source, target_language=target
                ).first()
                if previous is not None and previous.glossary_id != glossary_id:
                    # The old one is replaced; a failure to delete it only leaves it unused.
                    requests.delete(
                        api_url(auth_key, f"glossaries/{previous.glossary_id}"),
                        headers=headers,
                        timeout=30,
                    )
                DeepLGlossary.objects.update_or_create(
                    source_language=source,
                    target_language=target,
                    defaults={"glossary_id": glossary_id, "entry_count": len(entries)},
                )
                self.stdout.write(f"{source}→{target}: {len(entries)} entries ({glossary_id})")
