from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "glokal.reporting"
    label = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .blocks import forget_counts

        # Published means counted: the live figures follow every publication at once.
        page_published.connect(forget_counts, dispatch_uid="reporting-forget-counts-published")
        page_unpublished.connect(forget_counts, dispatch_uid="reporting-forget-counts-unpublished")
