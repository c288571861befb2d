"""Helpers for content that exists once per language (pages and translatable snippets)."""

from .request_memo import active_locale, all_rows, in_request


def in_locale(objects, locale_id, queryset=None):
    """`objects` with each one swapped for its translation into `locale_id`, where one exists.

    Links may point at another language's page or snippet (a translated page keeps its source's
    links), so translations are looked up by translation key in one query; objects without a
    translation in `queryset` stay as they are. No query when all are in the right language.
    """
    objects = list(objects)
    foreign = [obj for obj in objects if obj.locale_id != locale_id]
    if not foreign:
        return objects
    model = type(foreign[0])
    keys = {obj.translation_key for obj in foreign}
    if queryset is None and getattr(model, "memoise_rows_per_request", False) and in_request():
        # A small table whose rows the request has read (or reads now, once).
        candidates = [row for row in all_rows(model) if row.locale_id == locale_id]
    else:
        queryset = model.objects.all() if queryset is None else queryset
        candidates = queryset.filter(locale_id=locale_id, translation_key__in=keys)
    local = {obj.translation_key: obj for obj in candidates if obj.translation_key in keys}
    return [local.get(obj.translation_key, obj) for obj in objects]


def in_active_locale(objects, queryset=None):
    """`objects` in the visitor's language, where translated (see `in_locale`)."""
    return in_locale(objects, active_locale().pk, queryset=queryset)


def localise_relations(obj):
    """Point `obj`'s many-to-many links to translatable snippets (sectors, topics) at their
    versions in `obj`'s language, where they exist.

    wagtail-localize copies a source's many-to-many links as they are, so a profile written in
    Czech would list Czech sectors in German, and the German directory's sector filter would
    miss it.
    """
    from modelcluster.fields import ParentalManyToManyField
    from wagtail.models import TranslatableMixin

    for field in obj._meta.get_fields():
        if not isinstance(field, ParentalManyToManyField) or not issubclass(
            field.related_model, TranslatableMixin
        ):
            continue
        values = list(getattr(obj, field.name).all())
        if any(value.locale_id != obj.locale_id for value in values):
            setattr(obj, field.name, in_locale(values, obj.locale_id))
