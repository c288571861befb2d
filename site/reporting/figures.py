"""The dashboard's tables: what the apps contribute, and the cross-border cooperation indicator."""

from django.utils.translation import gettext as _

from glokal.vocabularies import COUNTRY_NAMES

from .registry import cooperation_records, programme_tables
from .tables import Table


def cooperation_table(scope):
    """RCO87: organisations with at least one cross-border record of any kind in the period."""
    records = cooperation_records(scope)
    everyone = {}
    for _label, organisations in records:
        everyone.update(organisations)
    rows = [[_("Organisations cooperating across the border (RCO87)"), len(everyone)]]
    rows += [[label, len(organisations)] for label, organisations in records]
    for country in sorted(set(everyone.values())):
        count = sum(1 for value in everyone.values() if value == country)
        rows.append(
            [_("of them in %(country)s") % {"country": COUNTRY_NAMES.get(country, country)}, count]
        )
    note = _(
        "Each organisation counts once, however often and in whichever ways it cooperated; "
        "the README lists the records behind each line."
    )
    return Table(
        "cooperation",
        _("Cooperation across the border"),
        [_("Figure"), _("Organisations")],
        rows,
        note=note,
    )


def dashboard_tables(scope):
    return [*programme_tables(scope), cooperation_table(scope)]
