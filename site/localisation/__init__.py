"""Every object readable in every language: wagtail-localize translation sources for all
content, the source-language fallback while a translation is missing, machine translation in
the background, the visitor notice and the translation status report."""
