"""The OpenAPI schema says what the API really answers.

Ninja documents only the success of an operation; clients also meet the problem documents of
glokal.api_errors. Every operation lists them here: 400 for parameters (every operation reads
some, and glokal.api_errors refuses hostile ones anywhere), 404 where a path or a filter names an object,
401 and 403 where a token is required, 422 for bodies Wagtail validates, 503 where a search
backend is asked, 500 always. The find operations answer with a redirect to the object found.

Operations no request can reach are left out: Wagtail lists the snippet operations with a
`type` that must be the empty string while no snippet model is registered with the API.

Operations anyone may call list the empty security requirement `{}` (no authentication needed)
beside the optional bearer token, instead of Wagtail's "AllowAnonymous" pseudo-scheme, which is
not a valid OpenAPI security scheme.
"""

from functools import wraps

from wagtail.api.v3.errors import PROBLEM_JSON

ANONYMOUS_SCHEME = "AllowAnonymous"
PROBLEM_SCHEMA_NAME = "Problem"
PROBLEM_SCHEMA = {
    "type": "object",
    "title": "Problem",
    "description": "An RFC 9457 problem document.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["type", "title", "status"],
}
DESCRIPTIONS = {
    "302": "Redirect to the object found",
    "400": "Invalid parameters; `errors` names them",
    "401": "Authentication required, or the API key is unknown or revoked",
    "403": "Permission denied",
    "404": "Not found",
    "422": "The request body did not validate",
    "410": "The preview link has expired or its draft is gone",
    "429": "Too many requests; `Retry-After` says when to try again",
    "500": "Server error (no details are disclosed)",
    "503": "Search is temporarily unavailable",
}
WRITE_METHODS = ("post", "put", "patch", "delete")
# Filters that name an object (a site, a language, a page); Wagtail answers 404 when there is none.
OBJECT_FILTERS = {"site", "locale", "ancestor_of", "child_of", "descendant_of", "translation_of"}


# Statuses of operations that answer more than their parameters suggest.
OPERATION_STATUSES = {"preview_detail": {"403", "410"}, "footer_detail": {"404"}}


def statuses_answered(method, path, operation):
    # Every operation is rate-limited (429) and refuses an unknown API key (401).
    statuses = {"400", "401", "429", "500"}
    statuses |= OPERATION_STATUSES.get(operation.get("operationId", ""), set())
    security = operation.get("security") or []
    if "{" in path:
        statuses.add("404")
    if security and {} not in security:
        statuses |= {"401", "403"}
    if method in WRITE_METHODS:
        statuses |= {"404", "422"}
    names = {parameter["name"] for parameter in operation.get("parameters", [])}
    if "search" in names:
        statuses.add("503")
    if names & OBJECT_FILTERS:
        statuses.add("404")
    if operation.get("operationId", "").endswith("_find"):
        statuses |= {"302", "404"}
    return statuses


def problem_response(status):
    response = {"description": DESCRIPTIONS[status]}
    if status != "302":
        response["content"] = {
            PROBLEM_JSON: {"schema": {"$ref": f"#/components/schemas/{PROBLEM_SCHEMA_NAME}"}}
        }
    return response


def unreachable(operations):
    return any(
        parameter["in"] == "path" and parameter.get("schema", {}).get("const") == ""
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    )


def document_errors(schema):
    """Add the error answers and the public marks to `schema` (a dict), in place."""
    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})[PROBLEM_SCHEMA_NAME] = PROBLEM_SCHEMA
    components.get("securitySchemes", {}).pop(ANONYMOUS_SCHEME, None)
    paths = schema.get("paths", {})
    for path in [path for path, operations in paths.items() if unreachable(operations)]:
        del paths[path]
    for path, operations in paths.items():
        for method, operation in operations.items():
            security = operation.get("security")
            if security and any(ANONYMOUS_SCHEME in requirement for requirement in security):
                operation["security"] = [{}] + [
                    requirement for requirement in security if ANONYMOUS_SCHEME not in requirement
                ]
            elif security is None:
                operation["security"] = [{}]
            responses = operation.setdefault("responses", {})
            # Ninja keys the statuses it documents by integer, JSON by text: keep its own.
            documented = {str(status) for status in responses}
            answered = statuses_answered(method, path, operation)
            for status in answered - documented:
                responses[status] = problem_response(status)
            # An operation's own JSON error may also come as a problem document from the guard.
            for status, response in responses.items():
                if str(status) in answered and "content" in response:
                    response["content"].setdefault(
                        PROBLEM_JSON, problem_response("400")["content"][PROBLEM_JSON]
                    )
    return schema


def install(api):
    """Make `api` serve the completed schema (before its URLs are built)."""
    build_schema = api.get_openapi_schema

    @wraps(build_schema)
    def get_openapi_schema(*args, **kwargs):
        return document_errors(build_schema(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
