"""Files suppliers attach to their answers: which are accepted, and how they are handed out.

The type is read from the file's content (the `filetype` library), never from its name or the
browser's word for it; the file is stored privately (glokal.storage) under a random name and
downloaded only through the requester's admin page of the request (views.answer_file).
"""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

# What a supplier may attach: PDF, photos and drawings, office documents (MIME types).
ACCEPTED_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/tiff",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
# filetype reads no more than this of a file's start.
HEAD_BYTES = 8192
NAME_LENGTH = 150


def max_megabytes():
    return round(settings.ANSWER_FILE_MAX_BYTES / (1024 * 1024), 1)


def checked_upload(upload):
    """(MIME type, extension) of an accepted upload; a ValidationError in the visitor's
    language for one too large, empty or of a type not accepted."""
    if upload.size > settings.ANSWER_FILE_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(max)s MB. Please attach a smaller one.")
            % {"max": f"{max_megabytes():g}"},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        raise ValidationError(
            _(
                "This file cannot be attached: only PDF files, images (JPEG, PNG, GIF, WebP, "
                "TIFF) and office documents (Word, Excel, PowerPoint, OpenDocument) are "
                "accepted."
            ),
            code="type",
        )
    return kind.mime, kind.extension


def display_name(filename, extension):
    """The supplier's file name with the extension of what the file really is."""
    stem = filename.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    stem = "".join(c for c in stem if c.isprintable() and c not in '"<>').strip() or "file"
    return f"{stem[: NAME_LENGTH - len(extension) - 1]}.{extension}"


def attach(answer, upload, mime, extension):
    """Store `upload` privately with `answer` (saved by the caller)."""
    answer.attachment_name = display_name(upload.name or "", extension)
    answer.attachment_type = mime
    answer.attachment_size = upload.size
    answer.attachment.save(f"answer.{extension}", upload, save=False)


def download(answer):
    """The attachment as a download that no browser renders in place: its checked type, a
    Content-Disposition "attachment" and no MIME sniffing; no cache keeps a copy. A file gone
    from the disk (a restore without the private files) is a 404, not a server error."""
    try:
        stored = answer.attachment.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=answer.attachment_name,
        content_type=answer.attachment_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
