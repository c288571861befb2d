"""The accessibility statement is linked from every footer in every language, and the feedback
form reaches the communications team through the outbox."""

import pytest

from glokal.outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db

FEEDBACK_URLS = {
    "de": "/de/barrierefreiheit-rueckmeldung/",
    "cs": "/cs/pristupnost-zpetna-vazba/",
    "en": "/en/accessibility-feedback/",
}


@pytest.mark.parametrize(
    ("code", "statement", "title"),
    [
        ("de", "/de/barrierefreiheit/", "Erklärung zur Barrierefreiheit"),
        ("cs", "/cs/prohlaseni-o-pristupnosti/", "Prohlášení o přístupnosti"),
        ("en", "/en/accessibility/", "Accessibility statement"),
    ],
)
def test_every_footer_links_the_statement_and_the_feedback_form(
    client, site_pages, code, statement, title
):
    html = client.get(f"/{code}/").content.decode()
    assert f'<a href="{statement}">{title}</a>' in html
    assert f'href="{FEEDBACK_URLS[code]}"' in html

    page = client.get(statement).content.decode()
    # The EU model statement's parts: status, gaps, feedback, enforcement, date of review.
    assert "WCAG 2.1" in page and "EN 301 549" in page
    assert FEEDBACK_URLS[code] in page
    assert "99/2019" in page and "Albertstraße 10" in page
    assert "2026" in page


def test_feedback_reaches_the_team_through_the_outbox(client, settings):
    settings.ACCESSIBILITY_FEEDBACK_TO = ["kommunikation@glokal.example"]
    response = client.post(
        FEEDBACK_URLS["en"],
        {
            "message": "The map cannot be read with my screen magnifier.",
            "page_address": "/en/directory/",
            "email": "reader@example.com",
        },
    )

    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    mail = OutgoingMail.objects.get()
    assert mail.to == ["kommunikation@glokal.example"]
    assert mail.reply_to == ["reader@example.com"]
    assert "screen magnifier" in mail.body and "/en/directory/" in mail.body


def test_feedback_with_a_mistake_comes_back_with_a_summary_and_the_text_kept(client):
    response = client.post(FEEDBACK_URLS["de"], {"message": "Zu kurz", "email": "keine-adresse"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Fehler: Barriere melden · Glokal</title>" in html
    assert 'class="error-summary"' in html and 'href="#id_email"' in html
    assert "Zu kurz" in html
    assert not OutgoingMail.objects.exists()
