"""Signal receivers of the directory: facet counts, and the self-service's own receivers."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, PageViewRestriction

from .matching import receivers as matching_receivers  # noqa: F401 - request boards
from .models import Certification, OrganisationPage, Region, Sector
from .search import facetindex, shared
from .selfservice import receivers  # noqa: F401 - groups, workflow and confirmations

# Changes that reach the facets without saving an organisation: a taxonomy deleted (its links
# go, regions are cleared by cascade) or links set directly.
for model in (Region, Sector, Certification):
    post_delete.connect(facetindex.bump_generation, sender=model, weak=False)
# The accepted values and their names, the locales, the sections behind a view restriction.
for model in (Region, Sector, Certification, Locale, PageViewRestriction):
    post_save.connect(shared.announce_change, sender=model, weak=False)
    post_delete.connect(shared.announce_change, sender=model, weak=False)
for link in (OrganisationPage.sectors.through, OrganisationPage.certifications.through):
    m2m_changed.connect(facetindex.bump_generation, sender=link, weak=False)
# Changes the index follows in place: this process looks at once, the others within a second.
for model in (OrganisationPage, PageViewRestriction):
    post_save.connect(facetindex.note_change, sender=model, weak=False)
    post_delete.connect(facetindex.note_change, sender=model, weak=False)
