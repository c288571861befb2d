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
