"""Security headers and admin login limits: constants that no environment changes.

base.py imports this module and adds what depends on the environment (object storage origins,
the failure limit, the lockout time, two-factor on or off).
"""

from csp.constants import NONE, SELF

# Content-Security-Policy (django-csp). Public pages: no inline script or style, nothing from
# another origin. The admin (ADMIN_PATH_PREFIX) gets its own policy, glokal.security.headers.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Videos load from these hosts only after the visitor presses play (newsroom video.js).
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_PATH_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        # Wagtail's admin writes inline scripts, styles and style attributes.
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        # The live preview shows the page in a frame of the admin.
        "frame-ancestors": [SELF],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

# Admin login: django-axes locks an account and, separately, an address after repeated
# failures; the database keeps the count, so it holds while the cache is down.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "glokal.security.client.client_address"
AXES_LOCKOUT_CALLABLE = "glokal.security.login.lockout_response"
AXES_VERBOSE = False
WAGTAILADMIN_USER_LOGIN_FORM = "glokal.security.login.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "glokal.security.login.LimitedPasswordResetForm"
# Password-reset mails: (mails, seconds) per requesting address and per account.
PASSWORD_RESET_RATE_LIMITS = {"address": (5, 60 * 60), "account": (3, 60 * 60)}
