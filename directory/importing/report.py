"""The report of an import, row by row: what was (or would be) created, updated or skipped."""

from collections import Counter

from django.utils.translation import gettext as _

ACTIONS = ("create", "update", "skip", "error")


def action_label(action, dry_run):
    if dry_run:
        labels = {
            "create": _("would be created"),
            "update": _("would be updated"),
            "skip": _("would be skipped"),
            "error": _("has errors"),
        }
    else:
        labels = {
            "create": _("created"),
            "update": _("updated"),
            "skip": _("skipped"),
            "error": _("not imported"),
        }
    return labels[action]


def counts(outcomes):
    found = Counter(outcome.action for outcome in outcomes)
    return {action: found.get(action, 0) for action in ACTIONS}


def report_lines(outcomes, dry_run):
    """One line per problem or note: (row, name, what happens, column, message)."""
    for outcome in outcomes:
        label = action_label(outcome.action, dry_run)
        details = [(column, message) for column, message in outcome.errors]
        details += [("", note) for note in outcome.notes]
        for column, message in details or [("", "")]:
            yield outcome.number, outcome.name, label, column, message
