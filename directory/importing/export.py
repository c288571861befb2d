"""Export of the directory for staff, in the import's column layout (export, edit, import back).

The selection is a directory search (the same parameters as the public page, or its URL
pasted); contact persons, the only personal data of a profile, are added only for staff
allowed to export personal data.
"""

from urllib.parse import parse_qs, urlsplit

from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import DirectoryIndexPage, OrganisationPage
from ..search import analysis, fulltext
from ..search.params import Vocabulary, parse_params
from ..search.query import apply_filters, ordered
from .apply import as_text
from .layout import COLUMNS

EXPORT_PERMISSION = "directory.export_organisations"
PERSONAL_DATA_PERMISSION = "directory.export_personal_data"
MAX_CONTACTS = 3


def selection_from_url(url):
    """(language code, query parameters) of a pasted directory URL such as
    https://…/cs/adresar/?q=CNC&region=CZ051."""
    parts = urlsplit(url.strip())
    query = {key: values for key, values in parse_qs(parts.query).items()}
    language = None
    for index in DirectoryIndexPage.objects.select_related("locale"):
        if parts.path.startswith(index.url or "\0"):
            language = index.locale.language_code
    return language, query


def organisations(language, query, include_drafts=False):
    """The organisations of a directory search in `language`, in the search's order."""
    locale = Locale.objects.get(language_code=language)
    params = parse_params(query, vocabulary=Vocabulary(locale), strict=True)
    listed = OrganisationPage.objects.filter(locale=locale)
    if not include_drafts:
        listed = listed.filter(live=True)
    tokens = analysis.query_tokens(params.q, language)
    matched = fulltext.match(listed, analysis.query_terms(params.q, language))
    return (
        ordered(apply_filters(matched, params), params, tokens)
        .select_related("region", "locale")
        .prefetch_related("sectors", "certifications", "contacts")
    )


def header(personal_data):
    labels = [str(column.label) for column in COLUMNS]
    labels += [_("Status"), _("Imported from"), _("Link")]
    if personal_data:
        for number in range(1, MAX_CONTACTS + 1):
            labels += [
                _("Contact %(number)d: name") % {"number": number},
                _("Contact %(number)d: e-mail") % {"number": number},
                _("Contact %(number)d: phone") % {"number": number},
            ]
    return labels


def rows(pages, personal_data):
    for page in pages:
        values = {column.key: as_text(getattr(page, column.key, "")) for column in COLUMNS}
        values["name"] = page.title
        values["language"] = page.locale.language_code
        for key in ("languages", "export_countries"):  # lists in a cell: as the import reads them
            values[key] = values[key].replace(",", ";")
        row = [values[column.key] for column in COLUMNS]
        row += [_("published") if page.live else _("draft"), page.import_source, page.full_url]
        if personal_data:
            contacts = list(page.contacts.all())[:MAX_CONTACTS]
            for contact in contacts + [None] * (MAX_CONTACTS - len(contacts)):
                row += [contact.name, contact.email, contact.phone] if contact else ["", "", ""]
        yield row
