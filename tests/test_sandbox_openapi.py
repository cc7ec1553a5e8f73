"""The sandbox's OpenAPI document: committed, equal to what the server serves, and true.

schemathesis generates requests from the live document (signed in as a supervisor, who may
make almost every call) and checks that none gets a 5xx.
"""

from __future__ import annotations

import json
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings
from platform_fixtures import SandboxProcess, both_backends
from sandbox_client import sign_in
from schemathesis.checks import not_a_server_error

from platform_sandbox.app import create_app

OPERATIONS = 17
EXAMPLES = 25
DOCUMENT = Path(__file__).resolve().parent.parent / "resources" / "openapi" / "platform-v1.json"


def test_the_committed_document_is_the_servers() -> None:
    committed = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    assert committed == create_app().openapi(), (
        "resources/openapi/platform-v1.json differs from the sandbox's routes: "
        "run `python tools/export_openapi.py` and commit the result"
    )


# Blob bytes travel as application/offset+octet-stream, which schemathesis sends as raw bytes.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")


@both_backends
def test_no_request_gets_a_server_error(sandbox_server: SandboxProcess) -> None:
    schema = schemathesis.openapi.from_url(sandbox_server.url + "/api/v1/openapi.json")
    headers = sign_in(sandbox_server.url, "supervisor").headers
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == OPERATIONS
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(
                base_url=sandbox_server.url, headers=headers, checks=[not_a_server_error]
            )

        check()
