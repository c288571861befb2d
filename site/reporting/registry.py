"""How the apps contribute their figures: three Wagtail hooks, read here and nowhere else.

`register_programme_figures`: a function (scope) -> Tables for the dashboard, in app order.
`register_cross_border_cooperation`: a function (scope) -> (label, {organisation translation
    key: country}) of organisations with a cross-border record of that kind in the period; their
    union is the RCO87 figure, so each organisation counts once however it cooperated.
`register_key_figures`: a KeyFigure with a live count for the public pages.
"""

from dataclasses import dataclass

from wagtail import hooks

from .periods import Period, project_period


@dataclass(frozen=True)
class Scope:
    """What the dashboard counts: a period, optionally one country and one NUTS-3 region."""

    period: Period
    country: str = ""
    region: str = ""


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    count: callable


def programme_tables(scope):
    return [
        table
        for contribute in hooks.get_hooks("register_programme_figures")
        for table in contribute(scope)
    ]


def cooperation_records(scope):
    """[(label, {translation key: country})] of every kind of cross-border record."""
    return [
        contribute(scope) for contribute in hooks.get_hooks("register_cross_border_cooperation")
    ]


def key_figures():
    """{key: KeyFigure} of every figure the apps offer for public pages."""
    figures = {}
    for register in hooks.get_hooks("register_key_figures"):
        for figure in register():
            figures[figure.key] = figure
    return figures


def whole_project():
    return Scope(project_period())
