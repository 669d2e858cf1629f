"""Problem Details (RFC 9457) for every error the API gives: 400, 401, 403, 404, 405, 429, 500."""

import json
from http import HTTPStatus

from django.http import HttpResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://kennisstad.nl/api/v1/problemen/"


def problem(
    status: int,
    detail: str = "",
    *,
    title: str = "",
    instance: str = "",
    invalid_params: list[dict] | None = None,
) -> HttpResponse:
    """An error response in Problem Details form, in the content type of RFC 9457."""
    body: dict = {
        "type": PROBLEM_TYPE_BASE + str(status),
        "title": title or HTTPStatus(status).phrase,
        "status": status,
    }
    body["detail"] = detail or body["title"]
    if instance:
        body["instance"] = instance
    if invalid_params:
        body["invalid_params"] = invalid_params
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def as_problem(response: HttpResponse, instance: str) -> HttpResponse:
    """An error response that is not yet a problem (Django's 405, a bare 404) made into one."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        PROBLEM_CONTENT_TYPE
    ):
        return response
    converted = problem(response.status_code, instance=instance)
    for header in ("Allow", "Retry-After", "WWW-Authenticate"):
        if response.has_header(header):
            converted[header] = response[header]
    return converted
