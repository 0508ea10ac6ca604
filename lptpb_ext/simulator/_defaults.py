"""The default seed's fixed ids and credentials, for documentation and tests.

``tests/test_simulator_seed.py`` checks each against ``default_seed.yaml``. The password and
API-key users are those of LivePerson's own examples, so the documented bodies work as-is.
"""

from __future__ import annotations

__all__ = [
    "AGENT_ID",
    "API_KEY",
    "API_KEY_USER",
    "BOT_AGENT_ID",
    "BOT_USER",
    "BOT_USER_PASSWORD",
    "CHAT_CONVERSATION",
    "DEFAULT_ACCOUNT",
    "EMEA_ACCOUNT",
    "EMEA_CONVERSATION",
    "MESSAGING_CONVERSATION",
    "PASSWORD",
    "PASSWORD_USER",
    "SKILL",
]

DEFAULT_ACCOUNT = "12345678"
"""Zone 1 account holding everything below."""
PASSWORD_USER = "someuser"  # noqa: S105 - a user name (ruff reads PASSWORD in it)
"""A dedicated Public API user with login method Password."""
PASSWORD = "123456"  # noqa: S105 - the simulator's documented example password
"""The password of :data:`PASSWORD_USER`."""
API_KEY_USER = "someusername"
"""A dedicated Public API user with login method API Key; its keys are :data:`API_KEY`."""
API_KEY = {
    "appKey": "1234562ff0464127894f0",
    "secret": "1233f5bf456",
    "accessToken": "1233743ad8726e27456",
    "accessTokenSecret": "76d05123456",
}
"""The four API key values of :data:`API_KEY_USER`, as the login body spells them."""
BOT_USER = "bot_runner"
"""The agent of the running bot ``tpb-bot-1``: logging in with it answers 409."""
BOT_USER_PASSWORD = "bot-runner-password"  # noqa: S105 - the simulator's example password
"""The password of :data:`BOT_USER`."""
BOT_AGENT_ID = "1234567"
"""The agent id of the stopped bot ``tpb-bot-2``, which join/remove can add and remove."""
SKILL = "human_skill"
"""A transferable skill (``bot_skill`` is the other one)."""
AGENT_ID = "4129463410"
"""A human agent a transfer may name."""
MESSAGING_CONVERSATION = "2312ed0e-662e-4c94-9022-f0991058b4a4"
"""An active messaging conversation held by the running bot ``tpb-bot-1`` (the docs' example)."""
CHAT_CONVERSATION = "6b4d8f0a-1c2e-4f3a-9b7d-0c1e2f3a4b5c"
"""An active chat conversation: quick replies, encoded metadata and TTR fail there."""
EMEA_ACCOUNT = "23456789"
"""A zone 2 account (user ``emea_user`` / ``emea-password``)."""
EMEA_CONVERSATION = "9f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"
"""An active messaging conversation of :data:`EMEA_ACCOUNT`."""
