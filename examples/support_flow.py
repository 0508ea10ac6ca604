"""A small support flow over the Public API, written the way an app would use the SDK.

It greets the consumer, pauses with the typing indicator, asks a quick-reply question, records
who the consumer is as SDEs, hands the conversation to a human skill, shows the commands the
flow created and closes the conversation. ``scripts/demo.py`` runs it against the simulator
(``make demo``); pointed at LivePerson it would do the same to a real conversation.
"""

from __future__ import annotations

from collections.abc import Callable

from lptpb_ext import Client, CommandOutcome, Messages, NotFoundError, sc, sde
from lptpb_models import CommandAccepted

Say = Callable[[str], None]


def _outcome(
    client: Client, conversation: str, accepted: CommandAccepted, say: Say
) -> CommandOutcome:
    outcome = client.wait_for_command(conversation, accepted.commandId)
    detail = (
        f" ({outcome.error_name or outcome.reason})" if outcome.error_name or outcome.reason else ""
    )
    say(f"   command {accepted.commandId} -> {outcome.status}{detail}")
    return outcome


def run(client: Client, conversation: str, say: Say = print) -> bool:
    """Run the flow on ``conversation``, narrating through ``say``; True when all went as meant."""
    outcomes = []

    say("1. log in (the bearer stays in memory and is never printed)")
    client.login()
    say(f"   logged in to {client.base_url}")

    say('2. send a greeting, a 2 s pause with typing, and quick replies "Did that help?"')
    greeting = (
        Messages()
        .context(intent_id="order-status", intent_name="Order status", confidence=0.92)
        .text("Hi! Your order #1042 left our warehouse this morning.")
        .pause(2, typing=True)
        .quick_replies(
            "Did that help?",
            sc.chip("Yes, thanks", tooltip="Yes"),
            sc.chip("Talk to a person", tooltip="Agent"),
            items_per_row=2,
        )
        .build()
    )
    outcomes.append(
        _outcome(client, conversation, client.send_messages(conversation, greeting), say)
    )

    say("3. set SDEs: customer info and personal info")
    sdes = [
        sde.customer_info(ctype="gold", customer_id="C-1042", balance=120.5, currency="USD"),
        sde.personal_info(firstname="Dana", lastname="Levi", language="en-US"),
    ]
    accepted = client.set_sdes(
        conversation, sdes, shark_visitor_id="visitor-1", shark_session_id="session-1"
    )
    outcomes.append(_outcome(client, conversation, accepted, say))

    say("4. transfer to the skill human_skill")
    outcomes.append(
        _outcome(client, conversation, client.transfer(conversation, "human_skill"), say)
    )

    say("5. the conversation's commands, newest first")
    for command in client.list_commands(conversation):
        say(f"   {command.id:>4}  {command.data.type:<10} {command.state.root}")

    say("6. close the conversation")
    closing = _outcome(client, conversation, client.close_conversation(conversation), say)
    # Once closed, the API shows none of the conversation's commands, so a close that ran is
    # usually seen as "not visible (conversation closed)": that is success for a close.
    closed = closing.ok or closing.conversation_closed

    say("7. one more message after closing")
    try:
        client.send_messages(conversation, Messages().text("Still there?").build())
    except NotFoundError as exc:
        say(f"   refused as documented: HTTP {exc.status} ({type(exc).__name__})")
    else:
        closed = False
        say("   accepted: the conversation is still open")
    return all(outcome.ok for outcome in outcomes) and closed
