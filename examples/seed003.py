"""Seed 003's full send-messages example, written with the builder (the README's block).

``tests/test_builder.py`` checks it equals the seed's JSON; ``scripts/bench_builder.py`` times it.
"""

from __future__ import annotations

from lptpb_ext import Messages, meta, sc
from lptpb_models import SendMessagesRequest


def build_seed() -> SendMessagesRequest:
    """Seed 003's full example payload, as the README writes it."""
    return (
        Messages()
        .context(intent_id="testId", intent_name="test", confidence=1)
        .text("Hi I am a text message")
        .pause(4, typing=True)
        .quick_replies(
            "Do you like bots?",
            sc.chip("yes", tooltip="yes I do", click=sc.publish_text("yep")),
            sc.chip(
                "No!",
                tooltip="No!",
                click=sc.click(sc.publish_text("No!"), metadata=[meta.external_id("No-4321")]),
            ),
            items_per_row=8,
            metadata=[meta.external_id("1234566")],
            encoded_metadata="Hello World!",
        )
        .private("this is a private message")
        .structured(
            sc.vertical(
                sc.button(
                    "Recommend a movie", click=sc.publish_text("Recommend me a movie, please")
                )
            ),
            metadata=[meta.external_id("123-YES")],
            encoded_metadata="Hello World!",
        )
        .build()
    )
