"""Accessibility figures of a running site with the demo content: axe-core violations at 1280 and
320 px, the Nu HTML checker's errors, the width overflow at 320 px per page, the directory page's
weight and request count, and (with --shots FOLDER) screenshots of home, directory and a
profile at 375 and 1280 px in German and Czech.

Run: make setup; .venv/bin/python manage.py runserver 127.0.0.1:8013 &
     .venv/bin/python bench/accessibility.py http://127.0.0.1:8013 [--shots /tmp/a11y-shots]
(paths are read from the development database the server uses)
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "glokal.settings.dev")

import django  # noqa: E402

django.setup()

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.site.accessibility_audit import audit_paths, full_audit, missing_tools  # noqa: E402


def directory_weight(browser, base_url, path):
    """Bytes transferred and requests made to show the directory page (cold cache)."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    sizes = []
    tab.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
    tab.goto(path, wait_until="networkidle")
    context.close()
    return sum(sizes), len(sizes)


def reveal_lazy_images(tab):
    """Scroll down the page a screen at a time, so images that load lazily are in the picture
    (a full-page screenshot does not scroll), then back to the top."""
    height = tab.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 600):
        tab.evaluate(f"window.scrollTo(0, {top})")
        tab.wait_for_timeout(50)
    tab.evaluate("window.scrollTo(0, 0)")
    tab.wait_for_load_state("networkidle")


def screenshots(browser, base_url, folder, paths_by_language):
    Path(folder).mkdir(parents=True, exist_ok=True)
    for code in ("de", "cs"):
        paths = paths_by_language[code]
        for name in ("home", "directory", "profile"):
            for width in (375, 1280):
                context = browser.new_context(
                    base_url=base_url, viewport={"width": width, "height": 900}
                )
                tab = context.new_page()
                tab.goto(paths[name].split("?")[0], wait_until="networkidle")
                reveal_lazy_images(tab)
                tab.screenshot(path=f"{folder}/{name}-{code}-{width}.png", full_page=True)
                context.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--shots")
    arguments = parser.parse_args()
    if problem := missing_tools():
        sys.exit(problem)
    paths_by_language = {code: audit_paths(code) for code in ("de", "cs", "en")}
    paths = [path for found in paths_by_language.values() for path in found.values()]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        report = full_audit(browser, arguments.base_url, paths)
        print(f"page loads: {report.pages}")
        print(f"axe violations: {len(report.axe)}")
        for line in report.axe:
            print("  ", line)
        print(f"Nu errors: {len(report.nu)}")
        for line in report.nu:
            print("  ", line)
        print("overflow at 320 px:")
        for path, found in report.overflow.items():
            print(f"   {found['overflow']:>4} px  {path}  {' '.join(found['culprits'])}")
        weight, requests = directory_weight(
            browser, arguments.base_url, paths_by_language["de"]["directory"]
        )
        print(f"directory page: {weight / 1024:.1f} KiB in {requests} requests")
        if arguments.shots:
            screenshots(browser, arguments.base_url, arguments.shots, paths_by_language)
        browser.close()


if __name__ == "__main__":
    main()
