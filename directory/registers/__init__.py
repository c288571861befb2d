"""Optional checks of organisations' identifiers in public registers (off unless REGISTER_CHECKS).

lookups   one question to ARES (Czech IČO) or VIES (EU VAT ID), answered as an Answer
checks    which identifiers an organisation has, and recording each register's answer
hooks     the admin's list of checks and the bulk action on selected organisation pages
"""
