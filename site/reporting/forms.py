"""The dashboard's choice of period and area, read from the query string."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from glokal.vocabularies import PROJECT_COUNTRIES

from .periods import (
    PROJECT_END,
    PROJECT_START,
    Period,
    month_period,
    project_period,
    quarter_period,
    quarters,
)
from .registry import Scope

PROJECT_DATES = {"start": f"{PROJECT_START:%d.%m.%Y}", "end": f"{PROJECT_END:%d.%m.%Y}"}
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def region_choices():
    from directory.models import Region

    regions = Region.objects.filter(locale=Locale.get_active(), in_project_area=True)
    return [("", _("All regions"))] + [(region.code, str(region)) for region in regions]


class ReportForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Period"), initial="project", required=False, widget=forms.RadioSelect
    )
    quarter = forms.ChoiceField(label=_("Quarter"), required=False)
    month = forms.CharField(
        label=_("Month"),
        required=False,
        help_text=_("Year and month, for example 2025-03."),
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    start = forms.DateField(
        label=_("First day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Last day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [
            ("project", _("Project period (%(start)s–%(end)s)") % PROJECT_DATES),
            ("quarter", _("Quarter")),
            ("month", _("Month")),
            ("range", _("From … to …")),
        ]
        self.fields["quarter"].choices = quarters()
        self.fields["quarter"].initial = self.fields["quarter"].choices[-1][0]
        self.fields["country"].choices = [("", _("Both countries"))] + list(
            PROJECT_COUNTRIES.items()
        )
        self.fields["region"].choices = region_choices()

    def clean_month(self):
        value = self.cleaned_data["month"]
        match = MONTH.match(value)
        if value and not (match and 1 <= int(match.group(2)) <= 12):
            raise forms.ValidationError(_("Enter a month as year and month, for example 2025-03."))
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("period") or "project"
        if kind == "quarter":
            if not data.get("quarter"):
                self.add_error("quarter", _("Choose a quarter."))
            else:
                year, quarter = data["quarter"].split("-Q")
                data["period_range"] = quarter_period(int(year), int(quarter))
        elif kind == "month":
            if not data.get("month"):
                if "month" not in self.errors:
                    self.add_error("month", _("Choose a month."))
            else:
                year, month = data["month"].split("-")
                data["period_range"] = month_period(int(year), int(month))
        elif kind == "range":
            start, end = data.get("start"), data.get("end")
            if not start:
                self.add_error("start", _("Enter the first day."))
            if not end:
                self.add_error("end", _("Enter the last day."))
            if start and end and end < start:
                self.add_error("end", _("The last day cannot be before the first."))
            elif start and end:
                data["period_range"] = Period(start, end)
        else:
            data["period_range"] = project_period()
        return data

    def scope(self):
        """The Scope chosen; only after is_valid()."""
        data = self.cleaned_data
        return Scope(data["period_range"], data.get("country", ""), data.get("region", ""))
