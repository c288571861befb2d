"""The site-wide search: one box in every page's header, results grouped by type.

Apps contribute their page types through the Wagtail hook `register_site_search_provider`
(providers.py), so the foundation imports no app. Built on Wagtail's search (modelsearch):
the database backends by default, Elasticsearch where configured.
"""
