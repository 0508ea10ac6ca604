"""Every JSON example of the three seed documents, read in place, against the contract.

The seeds are LivePerson's documentation (oldest 000, newest 003). Each example is routed to
its schema by shape; all must validate and survive both model families unchanged, except the
ones the newest seed retired, which must be refused.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

import pytest

from tests import spec as oas
from tests.test_roundtrip import attrs_roundtrip, pydantic_roundtrip

SEEDS = oas.SHARED / "seeds"
RETIRED = {"SetTtrRequest": [{"ttrType": "CUSTOM", "value": "10"}]}  # in 000 and 001, gone in 003


def seed_examples() -> list[tuple[str, Any]]:
    """(seed file, value) for each JSON example: fenced blocks (000, 001) or bare ones (003)."""
    found = []
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = re.findall(r"```(?:json|javascript)\n(.*?)```", text, re.DOTALL)
        if not blocks:  # plain-text rendering: a block starts with "{" or "[" alone on a line
            blocks = re.findall(r"^([{\[]\n.*?^[}\]])$", text, re.DOTALL | re.MULTILINE)
        found += [(path.name, json.loads(block)) for block in blocks]
    return found


def component_for(value: Any) -> str:
    if isinstance(value, list):
        return "CommandList"
    shapes = [
        ("authType", "LoginRequest"),
        ("username", "LegacyLoginRequest"),
        ("bearer", "LoginResponse"),
        ("messages", "SendMessagesRequest"),
        ("skill", "TransferRequest"),
        ("sdes", "SetSdesRequest"),
        ("ttrType", "SetTtrRequest"),
        ("agentId", "JoinConversationRequest"),
        ("state", "Command"),
    ]
    for key, component in shapes:
        if key in value:
            return component
    raise AssertionError(f"no schema for seed example {value!r}")


EXAMPLES = seed_examples()


def test_the_seeds_were_read() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not at {SEEDS} (CI has them beside the clone)")
    assert Counter(name for name, _ in EXAMPLES) == {
        "000_44061e5741f37365.txt": 9,
        "001_abeb6990c4a27bec.txt": 11,
        "003_3cd25fd9e4556268.txt": 13,
    }


@pytest.mark.parametrize(
    ("seed", "value"), EXAMPLES, ids=[f"{n}:{component_for(v)}" for n, v in EXAMPLES]
)
def test_seed_example_matches_the_contract(seed: str, value: Any) -> None:
    component = component_for(value)
    if value in RETIRED.get(component, []):
        assert oas.errors(component, value), f"{seed}: a retired payload must be refused"
        return
    assert not oas.errors(component, value), seed
    assert oas.same_json(pydantic_roundtrip(component, value), value), seed
    assert oas.same_json(attrs_roundtrip(component, value), value), seed
