"""Schemathesis, driven by ``openapi.yaml``, finds no deviation in the simulator (in process).

Every operation gets a bounded number of generated cases, valid and invalid, and each answer
must pass: no server error, a documented status, a documented content type, a body that
matches its schema, invalid data rejected, and valid data accepted. Secured operations carry
the bearer of a dedicated user, logged in through the simulator's own login. Valid cases on
conversation calls are pointed at a fresh conversation (and, for ``getCommand``, at a command
that exists), so the success paths are exercised and not only 404.
"""

from __future__ import annotations

import copy

import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from lptpb_ext import _limits
from lptpb_ext.simulator import DEFAULT_ACCOUNT, Simulator
from lptpb_ext.simulator._schema import spec

MAX_EXAMPLES = 100
USER, SECRET = "schemathesis", "schemathesis-password"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]

SIM = Simulator()
SIM.add_user(USER, password=SECRET)
CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"max-examples": MAX_EXAMPLES, "mode": "all", "deterministic": True},
        # The coverage phase enumerates boundary cases depth-first through every oneOf; on the
        # recursive structured-content union of sendMessages it does not finish. Its examples
        # and fuzzing phases still run, and every other operation keeps all three phases.
        "operations": [
            {"include-operation-id": "sendMessages", "phases": {"coverage": {"enabled": False}}}
        ],
    }
)
schema = schemathesis.openapi.from_dict(copy.deepcopy(spec()), config=CONFIG)
schema.app = SIM.app


@schema.auth(refresh_interval=None)
class SimulatorLogin:
    """Log the dedicated user in through the simulator and send its bearer."""

    def get(self, case, context):
        return SIM.world.login(DEFAULT_ACCOUNT, "USER_PASS", {"username": USER, "password": SECRET})

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def _point_at_live_state(case) -> None:
    """Valid conversation calls go to a new conversation of the account (and a real command)."""
    params = case.path_parameters or {}
    if (
        case.meta is None
        or not case.meta.generation.mode.is_positive
        or "conversationId" not in params
    ):
        return
    conversation_id = SIM.create_conversation()
    params.update(accountId=DEFAULT_ACCOUNT, conversationId=conversation_id)
    if "commandId" in params:
        world = SIM.world
        conversation = world.conversation(DEFAULT_ACCOUNT, conversation_id)
        params["commandId"] = str(world.engine.create(conversation, "close", {}, 30).id)


def _beyond_limits(case) -> bool:
    """Whether a body breaks a limit the contract states in ``x-lptpb-limits``, not as schema."""
    body = case.body if isinstance(case.body, dict) else {}
    messages = body.get("messages") if isinstance(body.get("messages"), list) else []
    for item in messages:
        if not isinstance(item, dict) or "structuredContent" not in item:
            continue
        if (
            _limits.serialized_size(item["structuredContent"])
            > _limits.MAX_STRUCTURED_CONTENT_BYTES
        ):
            return True
        encoded = item.get("encodedMetadata")
        if isinstance(encoded, str) and _limits.encoded_metadata_problem(encoded):
            return True
    return False


@schema.parametrize()
def test_the_simulator_conforms_to_the_contract(case):
    """Generated requests of this operation get answers that the contract allows."""
    _point_at_live_state(case)
    if not _beyond_limits(case):
        case.call_and_validate(checks=CHECKS)
        return
    # Schema-valid yet over a stated limit: refused, and every other check still holds.
    response = case.call_and_validate(
        checks=[c for c in CHECKS if c is not positive_data_acceptance]
    )
    assert response.status_code in (400, 401, 404)
