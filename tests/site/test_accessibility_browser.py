"""The audit the accessibility statement relies on: the pages visitors meet most, in every
language, pass axe-core at 1280 and 320 px and the Nu HTML checker, and none scrolls sideways at
320 px (WCAG 1.4.10). Needs `npm ci` (axe-core, vnu-jar) and Java; skipped with the reason
otherwise."""

import pytest

from tests.conftest import load_demo
from tests.site.accessibility_audit import audit_paths, full_audit, missing_tools

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(live_site):
    if problem := missing_tools():
        pytest.skip(problem)
    load_demo("glokal", "directory", "newsroom", "eventpages")
    from glokal.demo_tools import point_default_site_at

    point_default_site_at(live_site.url)
    return live_site


def test_every_audited_page_passes_axe_and_the_nu_checker_and_fits_320_px(chromium, demo_site):
    paths = [path for code in ("de", "cs", "en") for path in audit_paths(code).values()]

    report = full_audit(chromium, demo_site.url, paths)

    assert report.pages == 2 * len(paths) == 90
    assert report.problems() == []
