"""`/api/v3/contacts/`: the contact persons visitors see in the newsroom's contact boxes.

Read-only, and only the persons a live, public article or story names (in any language): the
others are in the admin for the editors, not on the site. Each comes in the requested language
where translated, otherwise in the language it was written in. Email addresses and phone
numbers are left out: a page shows them beside one article, the API would hand them out as a
list; a partner site that shows a contact box reads it from the page (`contact_persons`).
"""

from typing import Annotated

from django.http import HttpRequest
from django.utils import translation
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from wagtail.models import Locale

from glokal.headless.listing import MAX_LIMIT, page_window, parse_fields, parse_ordering, select
from newsroom import api_examples as examples
from newsroom.models import ContactPerson, NewsArticlePage, StoryPage

router = Router(tags=["newsroom"])

ORDERINGS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "organisation": ("organisation", "name", "pk"),
}


class ContactOut(Schema):
    id: int
    locale: str | None = None
    name: str | None = None
    role: str | None = None
    organisation: str | None = None


CONTACT_FIELDS = list(ContactOut.model_fields)


class ContactList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ContactOut]

    model_config = {"json_schema_extra": {"examples": [examples.CONTACT_LIST]}}


def public_translation_keys():
    """The translation keys of the persons some live, public article or story names."""
    keys = set()
    for model in (NewsArticlePage, StoryPage):
        pages = model.objects.live().public()
        keys.update(
            model.contact_persons.through.objects.filter(
                **{f"{model._meta.model_name}__in": pages}
            ).values_list("contactperson__translation_key", flat=True)
        )
    return keys


def in_language(keys, locale):
    """One person per translation key: its translation into `locale`, or else its first."""
    chosen = {}
    rows = ContactPerson.objects.filter(translation_key__in=keys).order_by("pk")
    for pk, key, locale_id in rows.values_list("pk", "translation_key", "locale_id"):
        if key not in chosen or locale_id == locale.pk:
            chosen[key] = pk
    return ContactPerson.objects.filter(pk__in=chosen.values())


@router.get(
    "/",
    response=ContactList,
    summary="List contact persons",
    operation_id="contacts_list",
    exclude_unset=True,
)
def list_contacts(
    request: HttpRequest,
    locale: Annotated[str | None, Query(example="de", description="de, cs or en")] = None,
    ordering: Annotated[str | None, Query(example="name")] = None,
    fields: Annotated[str | None, Query(example="name,organisation")] = None,
    limit: Annotated[str | None, Query(example="20", description=f"1 to {MAX_LIMIT}")] = None,
    offset: Annotated[str | None, Query(example="0")] = None,
):
    """The persons named in live articles' and stories' contact boxes, with name, role and
    organisation (never email or phone). `ordering` is name, -name or organisation; `fields`
    a comma-separated selection (`id` always comes)."""
    limit, offset = page_window(limit, offset)
    if offset < 0:
        raise HttpError(400, "offset cannot be negative.")
    chosen_fields = parse_fields(fields, CONTACT_FIELDS)
    order = parse_ordering(ordering, ORDERINGS, "name")
    # Without `?locale=`, the language the request negotiated (Accept-Language), else German.
    code = locale or translation.get_language() or "de"
    active = Locale.objects.filter(language_code=code).first()
    if active is None and locale:
        raise HttpError(400, f"Unknown locale {locale[:10]!r}; use de, cs or en.")
    active = active or Locale.objects.get(language_code="de")
    persons = in_language(public_translation_keys(), active).order_by(*order)
    persons = persons.select_related("locale")
    items = [
        select(
            {
                "id": person.pk,
                "locale": person.locale.language_code,
                "name": person.name,
                "role": person.role,
                "organisation": person.organisation,
            },
            chosen_fields,
        )
        for person in persons[offset : offset + limit]
    ]
    return {"count": persons.count(), "limit": limit, "offset": offset, "items": items}
