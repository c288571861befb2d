"""The programme's figures: one source for the staff's reporting dashboard and the public pages.

periods    the reporting periods (month, quarter, project period, free range)
figures    the counts, each a Table that traces back to its records (README: "Reporting")
charts     accessible bar charts drawn on the server as SVG
views, wagtail_hooks  the dashboard in the admin, its CSV/XLSX exports and printable view
blocks     live key figures for content pages
"""
