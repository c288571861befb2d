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


class ExportForm(forms.Form):
    FORMATS = [("xlsx", "XLSX (Excel)"), ("csv", "CSV")]

    search_url = forms.CharField(
        label=_("Directory search to export"),
        required=False,
        max_length=2000,
        help_text=_(
            "Paste the address of a directory search, e.g. …/cs/adresar/?q=CNC&region=CZ051. "
            "Empty: every organisation in the language below."
        ),
    )
    language = forms.ChoiceField(label=_("Language"), choices=[])
    include_drafts = forms.BooleanField(
        label=_("Include unpublished organisations"), required=False
    )
    personal_data = forms.BooleanField(
        label=_("Include contact persons (personal data)"), required=False
    )
    file_format = forms.ChoiceField(label=_("Format"), choices=FORMATS, initial="xlsx")

    def __init__(self, *args, languages, may_export_personal_data, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages
        if not may_export_personal_data:
            del self.fields["personal_data"]
