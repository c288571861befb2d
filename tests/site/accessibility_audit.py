"""The accessibility audit shared by the browser test and `bench/accessibility.py`: the pages
the audit covers in each language, axe-core and the width overflow in Chromium at each width,
and the Nu HTML checker over the HTML the server sent, in one Java run for every page.

axe-core and vnu-jar come from the npm registry (`package.json`, installed with `npm ci`).
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java") or "/usr/bin/java"

WIDE, NARROW = 1280, 320
TWO_FACETS = "?country=DE&sector=metalworking"

# How far the page is wider than the window, and which elements stick out (for the message).
OVERFLOW_SCRIPT = """() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const culprits = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width && box.right > limit + 1 && culprits.length < 5) {
            const name = element.tagName.toLowerCase()
                + (element.id ? "#" + element.id : "")
                + (typeof element.className === "string" && element.className
                    ? "." + element.className.trim().split(/\\s+/).join(".") : "");
            culprits.push(name + " +" + Math.round(box.right - limit) + "px");
        }
    }
    return {overflow: root.scrollWidth - limit, culprits};
}"""


DESCRIPTION_SCRIPT = """() => {
    const meta = document.querySelector('meta[name="description"]');
    return meta ? meta.content.trim() : "";
}"""


def missing_tools():
    """What the audit cannot run without, as a sentence, or an empty string."""
    missing = [str(path) for path in (AXE_SCRIPT, VNU_JAR) if not path.exists()]
    if missing:
        return f"{', '.join(missing)} missing: run `npm ci` in the project folder"
    if not Path(JAVA).exists():
        return "Java is missing (the Nu HTML checker needs it)"
    return ""


def audit_paths(code):
    """The pages the issue names, in the language `code`: name -> path on the site."""
    from directory.models import DirectoryIndexPage, OrganisationPage, SourcingRequestPage
    from eventpages.models import EventIndexPage, EventPage
    from glokal.models import HomePage
    from newsroom.models import NewsArticlePage, NewsIndexPage, StoryIndexPage, StoryPage

    def first(model):
        return model.objects.live().filter(locale__language_code=code).order_by("path").first()

    directory = first(DirectoryIndexPage)
    profile = first(OrganisationPage)
    sourcing_request = (
        SourcingRequestPage.objects.live()
        .filter(locale__language_code=code, outcome="")
        .order_by("path")
        .first()
    )
    event = next(
        event
        for event in EventPage.objects.live().filter(locale__language_code=code).order_by("path")
        if event.registration_open
    )
    return {
        "home": first(HomePage).url,
        "directory": directory.url + TWO_FACETS,
        "profile": profile.url,
        "join": directory.url + "join/",
        "enquiry": f"{directory.url}contact/?org={profile.pk}",
        "request board": sourcing_request.get_parent().url + "?type=parts",
        "request": sourcing_request.url,
        "offer to supply": sourcing_request.url + "offer/",
        "news": first(NewsIndexPage).url,
        "article": first(NewsArticlePage).url,
        "stories": first(StoryIndexPage).url,
        "story": first(StoryPage).url,
        "events": first(EventIndexPage).url,
        "event": event.url,
        "not-found": f"/{code}/this-page-does-not-exist/",
    }


@dataclass
class AuditReport:
    """What the audit found: axe violations, overflow at the narrow width, Nu errors."""

    axe: list = field(default_factory=list)
    overflow: dict = field(default_factory=dict)
    nu: list = field(default_factory=list)
    pages: int = 0

    def problems(self):
        lines = list(self.axe) + list(self.nu)
        lines += [f"{path}: {found}" for path, found in self.overflow.items() if found["overflow"]]
        return lines


def run_axe(tab):
    """axe-core's violations on the page shown in `tab`, one line each."""
    if not tab.evaluate("() => typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE_SCRIPT))
    # Only violations are reported: axe skips collecting the details of every passing check.
    violations = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{violation['id']} ({len(violation['nodes'])}x): {violation['nodes'][0]['target']}"
        for violation in violations
    ]


def audit_in_browser(browser, base_url, paths, widths=(WIDE, NARROW), html_folder=None):
    """Load each page once and audit it at every width (the window is resized, so the page's
    media queries apply as on a phone): axe at each, the overflow at the narrowest. Each
    page's HTML as the server sent it is saved into `html_folder` for the Nu checker."""
    report = AuditReport()
    narrowest = min(widths)
    # The site's Content-Security-Policy refuses injected scripts, axe-core's too.
    context = browser.new_context(
        base_url=base_url, viewport={"width": widths[0], "height": 900}, bypass_csp=True
    )
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    try:
        for index, path in enumerate(paths):
            tab.set_viewport_size({"width": widths[0], "height": 900})
            response = tab.goto(path)
            if html_folder is not None:
                (Path(html_folder) / f"page-{index:03d}.html").write_bytes(response.body())
            for width in widths:
                tab.set_viewport_size({"width": width, "height": 900})
                report.pages += 1
                report.axe += [f"{path} @{width}px {line}" for line in run_axe(tab)]
                if width == narrowest:
                    report.overflow[path] = tab.evaluate(OVERFLOW_SCRIPT)
                    if not tab.evaluate(DESCRIPTION_SCRIPT):
                        report.axe.append(f"{path}: no meta description")
    finally:
        context.close()
    return report


def nu_errors(html_folder, names):
    """The Nu HTML checker's errors over every saved page in one run: `names` maps the saved
    file name to the page's path for the message."""
    files = sorted(str(path) for path in Path(html_folder).glob("*.html"))
    completed = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
        + files,
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(completed.stderr or '{"messages": []}')["messages"]
    return [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))} "
        f"line {message.get('lastLine')}: {message['message']}"
        for message in messages
    ]


def full_audit(browser, base_url, paths, widths=(WIDE, NARROW)):
    """axe at every width, overflow at the narrowest and the Nu checker over all `paths`."""
    with tempfile.TemporaryDirectory() as folder:
        report = audit_in_browser(browser, base_url, paths, widths, html_folder=folder)
        names = {f"page-{index:03d}.html": path for index, path in enumerate(paths)}
        report.nu = nu_errors(folder, names)
    return report
