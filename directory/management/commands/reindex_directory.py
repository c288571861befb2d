"""`manage.py reindex_directory`: derive every organisation's search data again.

Run it after a change to the language analysis (directory/search/analysis.py) or to the
place names (directory/data/places.csv); publishing does it for one organisation.
"""

from django.core.management.base import BaseCommand

from directory.models import OrganisationPage
from directory.search import indexing


class Command(BaseCommand):
    help = "Derive the search data of every organisation again (after the analysis changed)."

    def handle(self, *args, **options):
        count = indexing.reindex(OrganisationPage.objects.all())
        self.stdout.write(f"{count} organisation page(s) indexed")
