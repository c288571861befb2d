"""Helpers for content that exists once per language (pages and translatable snippets)."""


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
    if queryset is None:
        queryset = type(foreign[0]).objects.all()
    local = {
        obj.translation_key: obj
        for obj in queryset.filter(
            locale_id=locale_id, translation_key__in=[obj.translation_key for obj in foreign]
        )
    }
    return [local.get(obj.translation_key, obj) for obj in objects]
