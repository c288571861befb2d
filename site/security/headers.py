"""Content-Security-Policy per area: a strict one for the public site, the admin's own."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class AreaCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY under the admin's path.

    Wagtail's admin relies on inline scripts and styles that the public pages do without, so
    the public policy stays strict instead of allowing them everywhere.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and _is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def _is_admin(request):
    return request.path_info.startswith(settings.ADMIN_PATH_PREFIX)
