"""Sourcing requests, matching and the request board (the models live in models/sourcing.py).

permissions      who may write, edit, close and read the matches of a request (the fence)
lifecycle        closing a request early with its outcome
matching         ranking organisations for a request, and open requests for an organisation
board            the public board's filters and full-text search
structured_data  schema.org Demand of a request page
files            files attached to answers: checked by content, stored privately, handed out
saved_searches   visitors' saved searches of a board or the directory, mailed daily
views, hooks, forms, receivers: the HTTP and admin side
"""
