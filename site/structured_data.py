"""schema.org structured data embedded in pages as JSON-LD.

A page type that describes itself has one method, `structured_data(request)`, returning the
dict; base.html prints it through `{% structured_data page %}` with `json_ld_script`.
"""

import json

from django.utils.safestring import mark_safe

# Characters that would let the JSON end the surrounding <script> element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A <script type="application/ld+json"> element holding `data`, safe to print as is."""
    payload = json.dumps(data, ensure_ascii=False, default=str).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
