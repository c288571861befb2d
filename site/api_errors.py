"""How the API answers what goes wrong: always an RFC 9457 problem document, never HTML.

- Parameters a database cannot take (NUL characters, whole numbers beyond 64 bits, a quotation
  mark the full-text syntax cannot close) are refused with 400 and the parameter's name before
  any query runs (`refuse_hostile_parameters`, applied to every operation).
- Values that still overflow a database column answer 400; a search cluster that does not
  answer, 503 with `Retry-After`; anything else, 500 with no detail (the traceback goes to the
  log, never to the client).
- A missing API object answers a 404 problem document where it is asked for: the locale
  middleware must not redirect `/api/…` to a page under `/de/` (`ApiAwareLocaleMiddleware`).
"""

import json
import logging
import re
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, problem_response

logger = logging.getLogger(__name__)

API_PATH_PREFIX = "/api/"
JSON = "application/json"
# The largest whole number PostgreSQL (bigint) and SQLite (INTEGER) store.
LARGEST_DATABASE_INTEGER = 2**63 - 1
WHOLE_NUMBER = re.compile(r"\s*[+-]?\d+\s*")
# Query parameters Wagtail passes to its full-text search backend as they are.
FULL_TEXT_PARAMETERS = ("search",)
# Parameters compared with an integer primary key although the schema admits any text.
ID_PARAMETERS = ("user_id",)
SEARCH_UNAVAILABLE_RETRY_AFTER_SECONDS = 30
API_ERROR_DETAILS = {
    404: "There is nothing at this address of the API.",
    405: "This address does not answer this method; the Allow header lists those it does.",
    500: "The server could not answer this request.",
}


class SearchUnavailable(Exception):
    """The search cluster did not answer; raised by glokal.searchbackend."""


def parameter_problems(params, location="query"):
    """What is wrong with `params` (name → list of raw values), as problem `errors` entries."""
    problems = []
    for name, values in params:
        for value in values:
            reason = value_problem(name, value, location)
            if reason:
                problems.append({"loc": [location, name], "msg": reason})
                break
    return problems


def value_problem(name, value, location):
    if "\x00" in value or "\x00" in name:
        return "must not contain NUL characters"
    if location == "query" and name in ID_PARAMETERS and not WHOLE_NUMBER.fullmatch(value):
        return "must be a whole number"
    if WHOLE_NUMBER.fullmatch(value) and abs(int(value)) > LARGEST_DATABASE_INTEGER:
        return f"must be between {-LARGEST_DATABASE_INTEGER} and {LARGEST_DATABASE_INTEGER}"
    if location == "query" and name in FULL_TEXT_PARAMETERS and value.count('"') % 2:
        return "has a quotation mark that is not closed"
    return None


def refuse_hostile_parameters(run):
    """An operation decorator (mode "view": before Ninja parses anything) answering 400 for
    parameters no database or search backend can take."""

    @wraps(run)
    def guarded(request: HttpRequest, *args, **path_params):
        problems = parameter_problems(request.GET.lists()) + parameter_problems(
            ((name, [str(value)]) for name, value in path_params.items()), location="path"
        )
        if problems:
            return problem_response(
                status=400, detail="Invalid request parameters", errors=problems
            )
        return run(request, *args, **path_params)

    return guarded


def value_out_of_range(request, exc):
    # What refuse_hostile_parameters cannot see: a value that fits 64 bits but not its column,
    # or a date beyond the calendar.
    logger.info("API value out of range: %s", exc)
    return problem_response(
        status=400, detail="A value in the request is out of the range this API accepts."
    )


def search_unavailable(request, exc):
    logger.error("Search backend unavailable for %s: %s", request.path, exc)
    response = problem_response(
        status=503,
        detail="Search is temporarily unavailable; try again later or leave out `search`.",
    )
    response["Retry-After"] = str(SEARCH_UNAVAILABLE_RETRY_AFTER_SECONDS)
    return response


def server_error(request, exc):
    if settings.DEBUG:
        raise exc
    logger.exception("API request failed: %s %s", request.method, request.path)
    return problem_response(status=500, detail=API_ERROR_DETAILS[500])


def parameters_refused_with_400(validation_handler):
    """Wagtail's handler of validation errors, except that a refused parameter of a reading
    operation answers 400 like every other bad parameter (422 stays for request bodies)."""

    @wraps(validation_handler)
    def handler(request, exc):
        response = validation_handler(request, exc)
        if request.method not in ("GET", "HEAD"):
            return response
        problem = json.loads(response.content)
        return problem_response(
            status=400, detail="Invalid request parameters", errors=problem.get("errors")
        )

    return handler


def install(api):
    """Register the handlers and the parameter guard on `api` (before its URLs are built)."""
    for error_class in (PydanticValidationError, DjangoValidationError):
        api.add_exception_handler(
            error_class, parameters_refused_with_400(api._exception_handlers[error_class])
        )
    api.add_decorator(refuse_hostile_parameters, mode="view")
    api.add_exception_handler(DataError, value_out_of_range)
    api.add_exception_handler(OverflowError, value_out_of_range)
    api.add_exception_handler(SearchUnavailable, search_unavailable)
    api.add_exception_handler(Exception, server_error)


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's locale middleware, except that it never redirects an API answer, and an API
    error Ninja did not shape (an unknown path, a method not allowed, Django's own 500) becomes
    a problem document.

    Its process_response turns a 404 into a redirect to the same path under the default
    language whenever that path resolves, and Wagtail's page catch-all resolves every path.
    """

    def process_response(self, request, response):
        if not request.path_info.startswith(API_PATH_PREFIX):
            return super().process_response(request, response)
        content_type = response.get("Content-Type", "")
        # JSON answers were shaped by the API itself (problem documents, the search endpoints'
        # own 400s); only Django's HTML and empty answers are replaced.
        if response.status_code < 400 or content_type.startswith((PROBLEM_JSON, JSON)):
            return response
        problem = problem_response(
            status=response.status_code,
            detail=API_ERROR_DETAILS.get(response.status_code, ""),
        )
        if response.has_header("Allow"):
            problem["Allow"] = response["Allow"]
        return problem
