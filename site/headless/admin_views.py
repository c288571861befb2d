"""Admin of API keys (Settings → API keys): issue, revoke, see each key's use."""

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ApiKey


class ApiKeyForm(WagtailAdminModelForm):
    revoked = forms.BooleanField(
        label=_("Revoked"),
        required=False,
        help_text=_("A revoked key is refused at once; it cannot be used again."),
    )

    class Meta:
        model = ApiKey
        fields = ["name", "rate_limit", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["revoked"]
        else:
            self.fields["revoked"].initial = self.instance.is_revoked

    def save(self, commit=True):
        if self.cleaned_data.get("revoked") and not self.instance.is_revoked:
            self.instance.revoked_at = timezone.now()
        return super().save(commit)


class ApiKeyCreateView(generic.CreateView):
    def form_valid(self, form):
        # The key is shown on this one answer and never again: only its digest is stored.
        key = form.instance.issue()
        form.instance.created_by = self.request.user
        self.object = form.save()
        return TemplateResponse(
            self.request,
            "headless/api_key_issued.html",
            {
                "api_key": self.object,
                "secret": key,
                "index_url": self.get_success_url(),
                "header_title": _("API key issued"),
            },
        )


class ApiKeyViewSet(ModelViewSet):
    model = ApiKey
    add_view_class = ApiKeyCreateView
    icon = "key"
    menu_label = _("API keys")
    add_to_settings_menu = True
    list_display = ["name", "visible_part", "request_count", "last_used_at", "revoked_at"]
    list_filter = []
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ApiKeyForm


api_key_viewset = ApiKeyViewSet("api_keys")
