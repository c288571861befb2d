"""The platform as a headless CMS for partner websites.

API keys and limits, the staff-only write guard, conditional answers and their invalidation,
CORS for the partner origins, signed draft previews and the embeds partners put in an iframe.
"""
