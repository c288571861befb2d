"""Embeds for partner websites: news, events and directory entries as small HTML for an iframe.

`/<lang>/embed/news/`, `/<lang>/embed/events/`, `/<lang>/embed/directory/` take their filters as
query parameters, contain no script, may be framed by the partner origins only (CSP
`frame-ancestors`) and take a partner's accent colour (`accent=1f6feb`).
"""
