"""A file with an answer: checked by its content, stored privately, downloaded only by the
requester's editors and staff, never mailed, deleted with its answer."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from directory.models.sourcing import SupplyAnswer
from glokal.outbox.models import OutgoingMail
from tests.directory.matching.conftest import add_request
from tests.directory.matching.test_matching import offer

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
MESSAGE = "Wir liefern Wellen aus 42CrMo4, auch in Serie."


def docx():
    """The start of a Word document as Word writes it: a zip whose first entries are the
    content types and the `word/` part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<document>Angebot</document>")
    return buffer.getvalue()


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    return Path(settings.PRIVATE_MEDIA_ROOT)


def stored_files(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


def test_the_requester_downloads_the_file_nobody_else(
    client, czech_editor, boards, time_machine, private_root, staff_user, other_editor, settings
):
    request = add_request(boards["cs"], czech_editor.page)
    upload = SimpleUploadedFile("Angebot Wellen.pdf", PDF, content_type="application/pdf")
    assert offer(client, request, time_machine, attachment=upload).status_code == 200

    answer = SupplyAnswer.objects.get()
    assert (answer.attachment_name, answer.attachment_size) == ("Angebot Wellen.pdf", len(PDF))
    (stored,) = stored_files(private_root)
    assert stored.read_bytes() == PDF
    assert "Angebot" not in stored.name  # a random name, not the supplier's
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        answer.attachment.url  # noqa: B018 - no public URL exists

    # The requester hears of the file; the mail carries none.
    mail = OutgoingMail.objects.get(kind="sourcing")
    assert "Angebot Wellen.pdf" in mail.body and mail.attachments == []

    detail = reverse("directory_sourcing_request", args=[request.pk])
    download = reverse("directory_sourcing_answer_file", args=[request.pk, answer.pk])
    client.force_login(czech_editor.user)
    html = client.get(detail).content.decode()
    assert download in html and "Angebot Wellen.pdf" in html and f"({len(PDF)}\xa0" in html
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Angebot Wellen.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"

    client.force_login(staff_user)
    assert client.get(download).status_code == 200

    # Another organisation's editor: not through the request, not through their own one.
    own_request = add_request(boards["de"], other_editor.page, slug="eigener-bedarf")
    client.force_login(other_editor.user)
    refused = client.get(download)
    assert refused.status_code == 403 and b"%PDF" not in refused.content
    # The admin's answer list sends them back to the admin home with its notice.
    refused = client.get(detail)
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    through_own = reverse("directory_sourcing_answer_file", args=[own_request.pk, answer.pk])
    # (A 404 of the admin is redirected to the language's address first, then stays 404.)
    assert client.get(through_own, follow=True).status_code == 404
    for public in (request.url, request.url + "offer/", f"/api/v3/pages/{request.pk}/"):
        assert "Angebot Wellen" not in client.get(public).content.decode()

    # Anonymous visitors are sent to the admin login and get no file.
    client.logout()
    refused = client.get(download)
    assert refused.status_code == 302 and refused["Location"].startswith("/admin/login/")
    for public in (request.url, request.url + "offer/", f"/api/v3/pages/{request.pk}/"):
        assert "Angebot Wellen" not in client.get(public).content.decode()

    assert SupplyAnswer.objects.get().attachment_name == "Angebot Wellen.pdf"
    assert stored_files(private_root) == [stored] and stored.read_bytes() == PDF


def test_deleting_the_answer_deletes_its_file(
    client, czech_company, boards, time_machine, private_root, django_capture_on_commit_callbacks
):
    request = add_request(boards["cs"], czech_company)
    upload = SimpleUploadedFile("nabidka.docx", docx(), content_type="application/octet-stream")
    assert offer(client, request, time_machine, attachment=upload).status_code == 200
    answer = SupplyAnswer.objects.get()
    assert answer.attachment_type.endswith("wordprocessingml.document")
    assert len(stored_files(private_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        answer.delete()
    assert stored_files(private_root) == []


@pytest.mark.parametrize(
    "name, content, error",
    [
        # A program renamed to .pdf, and a plain zip renamed to .docx: the content decides.
        ("Angebot.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, "Tento soubor nelze přiložit"),
        ("Angebot.docx", None, "Tento soubor nelze přiložit"),
        ("Zeichnung.pdf", PDF + b"%" * 2000, "Soubor je větší než"),
    ],
)
def test_a_refused_file_keeps_the_message(
    client, czech_company, boards, time_machine, private_root, settings, name, content, error
):
    settings.ANSWER_FILE_MAX_BYTES = 1024
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "nothing of Word")
        content = buffer.getvalue()
    request = add_request(boards["cs"], czech_company)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = offer(client, request, time_machine, attachment=upload)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert MESSAGE in html and 'enctype="multipart/form-data"' in html
    assert not SupplyAnswer.objects.exists() and not OutgoingMail.objects.exists()
    assert stored_files(private_root) == []


def test_the_form_has_no_file_after_a_mistake_elsewhere(
    client, czech_company, boards, time_machine, private_root
):
    request = add_request(boards["cs"], czech_company)
    upload = SimpleUploadedFile("Angebot.pdf", PDF, content_type="application/pdf")
    response = offer(client, request, time_machine, attachment=upload, email="nicht-gültig")
    assert response.status_code == 400
    assert "Vyberte prosím soubor znovu" in response.content.decode()
    assert stored_files(private_root) == []


def test_a_file_gone_from_the_disk_is_not_found_rather_than_an_error(
    client, czech_editor, boards, time_machine, private_root
):
    request = add_request(boards["cs"], czech_editor.page)
    upload = SimpleUploadedFile("Angebot.pdf", PDF, content_type="application/pdf")
    assert offer(client, request, time_machine, attachment=upload).status_code == 200
    answer = SupplyAnswer.objects.get()
    for stored in stored_files(private_root):
        stored.unlink()  # a restore of the database without the private files

    client.force_login(czech_editor.user)
    download = reverse("directory_sourcing_answer_file", args=[request.pk, answer.pk])
    # (A 404 of the admin is redirected to the language's address first, then stays 404.)
    assert client.get(download, follow=True).status_code == 404
    assert SupplyAnswer.objects.get().attachment_name == "Angebot.pdf"
