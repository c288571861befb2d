"""Fixtures of the self-service tests: organisations, their editors and a staff member."""

from tests.directory.selfservice.support import (  # noqa: F401
    editor,
    editor_client,
    organisation,
    other_editor,
    other_organisation,
    staff_user,
)
