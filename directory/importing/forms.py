"""The admin's forms of an import: the upload, and the columns of another layout."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .layout import COLUMNS
from .reader import MAX_FILE_BYTES


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("The first row names the columns. At most %(size)d MB.")
        % {"size": MAX_FILE_BYTES // 1024 // 1024},
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )
    source = forms.CharField(
        label=_("Where does the list come from?"),
        max_length=120,
        help_text=_("Shown on the imported organisations, e.g. “IHK Dresden, member list 2026”."),
    )
    publish = forms.BooleanField(
        label=_("Publish new organisations at once"),
        required=False,
        help_text=_("Otherwise they are saved as drafts for the communications team to review."),
    )


class MappingForm(forms.Form):
    """One choice per column of the file: which column of the layout it holds, if any."""

    def __init__(self, headers, mapping, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("— not imported —"))] + [(column.key, column.label) for column in COLUMNS]
        for position, header in enumerate(headers):
            self.fields[str(position)] = forms.ChoiceField(
                label=header or _("Column %(number)d") % {"number": position + 1},
                choices=choices,
                required=False,
                initial=mapping.get(position, ""),
            )

    def clean(self):
        cleaned_data = super().clean()
        chosen = [key for key in cleaned_data.values() if key]
        for key in {key for key in chosen if chosen.count(key) > 1}:
            label = next(column.label for column in COLUMNS if column.key == key)
            raise forms.ValidationError(
                _("“%(column)s” is chosen for more than one column.") % {"column": label}
            )
        return cleaned_data

    def mapping(self):
        return {position: key for position, key in self.cleaned_data.items() if key}
