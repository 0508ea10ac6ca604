"""A stateful local simulator of the Third-Party Bots Public API, for tests and offline work.

Needs the ``sim`` extra (starlette, uvicorn, jsonschema, pyyaml); ``import lptpb_ext`` never
imports it. One ASGI app implements all thirteen operations of ``openapi.yaml``, the Domain
API included, on one origin, and validates every request against that same contract::

    from lptpb_ext.simulator import Simulator, ManualClock, Fault, serve

    sim = Simulator(clock=ManualClock())           # the shipped default seed
    client = httpx.Client(transport=sim.transport(), base_url="https://sim")
    async_client = httpx.AsyncClient(transport=sim.async_transport(), base_url="https://sim")
    with serve(sim) as url:                         # real HTTP on 127.0.0.1, port picked
        ...

Public surface
--------------
- :class:`Simulator` ``(seed=None, clock=None, *, control_token=None)``: state, ``app``
  (ASGI), ``transport()``, ``async_transport()``, and the control methods
  (``create_conversation``, ``close_conversation``, ``add_fault``, ``clear_faults``,
  ``steal_session``, ``set_bot_running``, ``add_user``, ``hold_commands``,
  ``release_commands``, ``commands``, ``conversation_state``, ``snapshot``, ``reset``).
- :func:`serve` ``(sim, host="127.0.0.1", port=0)``: uvicorn in a thread; yields the base URL.
- :class:`Fault`: ``latency``, ``server_error``, ``drop_before``, ``drop_after``, ``waf``,
  ``steal_session``, ``fail_command``.
- :class:`ManualClock` / :class:`SystemClock`; :func:`load_seed`, :class:`Seed`,
  :class:`SeedError`, :data:`DEFAULT_SEED_PATH`; the default seed's ids as constants.
- The HTTP control API under ``/_sim`` (see ``_control.py``) mirrors the control methods.

Rules it enforces (``../shared/domain-facts.md`` §9)
---------------------------------------------------
- Login: ``v=1.3``; ``authType`` must match the user's login method; bad credentials 401; a
  user that is the agent of a running bot 409. One session per user: a new login (or
  :meth:`Simulator.steal_session`) makes the previous bearer answer 401. A bearer is valid for
  its own account only.
- Requests are validated against ``openapi.yaml`` (discriminator-aware): 400 with
  ``{"code", "message", "errors": ["<where>: <rule>", …]}`` that never echoes a value. Also
  400: ``ttl`` outside 10 to 120, structured content over 15000 bytes of compact UTF-8 JSON,
  ``encodedMetadata`` that is not base64 or over 5120 bytes.
- Conversations must be active and held by a bot: unknown, closed, or left by its last bot
  answers 404, for commands too.
- Commands start ``waiting``, run ``processingDelay`` (0.5 s) after creation and take
  ``executionTime`` (0.2 s); one not started before ``timeoutTime`` (creation + ttl) fails with
  ``…public-api.execution-failed``. :meth:`Simulator.hold_commands` keeps them waiting. Each bot
  keeps its last 200, newest first. State is settled lazily from the clock, so a
  :class:`ManualClock` makes it deterministic.
- Memory is bounded for long runs: each conversation keeps its newest ``transcriptLimit``
  (10000) delivered messages and as many SDEs; ``conversation_state`` counts those let go
  (``messagesDropped``, ``sdesDropped``). With the 200 commands per bot and the pending ones,
  what a simulator holds grows with its conversations and bots, not with the requests served.
- Choices where the documentation is silent (messaging-only rules fail the command rather than
  answer 400, because the documentation names the error of quick replies on chat):
  quick replies on chat → ``…pipes.verify-ai-response.quick-replies-not-supported``;
  ``encodedMetadata`` on chat → ``…connector.chat.send-message``; TTR on chat →
  ``…connector.messaging.change-ttr``; unknown skill →
  ``…pipes.messaging-handle-bot-action.transfer-skill-not-existing``; a transfer ``agentId``
  that is no agent of the account → ``…connector.messaging.transfer-to-skill``; join/remove
  of an ``agentId`` that is no bot (or not in the conversation) →
  ``…connector.messaging.agent-not-authorized``. A completed close ends the conversation;
  a transfer records the skill and keeps the conversation with the bot.
- Zones and the Domain API: a request to one of the three LivePerson zone hosts for an
  account of another zone answers 401; any other host serves every account. ``thirdPartyBots``
  answers the account's zone host when asked on a LivePerson host, else the host the request
  came to (so ``http://127.0.0.1:PORT`` leads back to the simulator); ``botConnectorsDomain``
  answers ``z<zone>.bot-connectors.liveperson.net``; an unknown service ``{"baseURIs": []}``.
- Not modelled: account features (private messages and encoded metadata are always on),
  the 999-conversations-per-bot limit, the image-domain allowlist.

Limits that keep it standing (its own, not the service's)
---------------------------------------------------------
- A request body over 1 MiB answers 413 ``{"code", "message"}`` with ``Connection: close``:
  at once when ``Content-Length`` declares it, else as soon as the count passes 1 MiB; the
  rest is never read. (The API's own limit is 15000 bytes of structured content per message.)
- Bodies, of the contract and of the control API alike, are refused with a 400 when they nest
  more than 64 arrays and objects inside one another (about 30 layouts; deeper content would
  recurse past Python's limit while being validated) or hold ``NaN``, ``Infinity`` or a number
  too large for a float (``1e400``).
- A :class:`ManualClock` refuses (``ValueError``; 400 over ``/_sim/clock/advance``) ``NaN``,
  infinities, negative steps and any time past the year 9999, so nothing can wedge its time.
- A :class:`Fault` checks its numbers when made (``ValueError``; 400 over ``/_sim/faults``):
  ``times`` 1 to 1000000, latency ``seconds`` finite and at most 3600, ``retry_after`` 0 to
  86400, names of 1 to 256 characters.
- The control API under ``/_sim`` answers 403 to a ``Host`` that is not loopback
  (``localhost``, ``127.x.x.x``, ``[::1]``, or the IP address the server took the connection
  on; the in-process transports skip this check), to an ``Origin`` other than its own and to
  a cross-site ``Sec-Fetch-Site``, so a web page cannot drive it, by DNS rebinding either.
  With ``control_token`` each control request must also send it as ``X-Lptpb-Sim-Token``, else
  401. The contract's routes are not guarded: a real client sends neither header.
"""

from lptpb_ext.simulator._clock import Clock, ManualClock, SystemClock
from lptpb_ext.simulator._defaults import (
    AGENT_ID,
    API_KEY,
    API_KEY_USER,
    BOT_AGENT_ID,
    BOT_USER,
    BOT_USER_PASSWORD,
    CHAT_CONVERSATION,
    DEFAULT_ACCOUNT,
    EMEA_ACCOUNT,
    EMEA_CONVERSATION,
    MESSAGING_CONVERSATION,
    PASSWORD,
    PASSWORD_USER,
    SKILL,
)
from lptpb_ext.simulator._faults import Fault
from lptpb_ext.simulator._seed import DEFAULT_SEED_PATH, ApiKey, Seed, SeedError, load_seed
from lptpb_ext.simulator._serve import serve
from lptpb_ext.simulator._simulator import Simulator

__all__ = [
    "AGENT_ID",
    "API_KEY",
    "API_KEY_USER",
    "BOT_AGENT_ID",
    "BOT_USER",
    "BOT_USER_PASSWORD",
    "CHAT_CONVERSATION",
    "DEFAULT_ACCOUNT",
    "DEFAULT_SEED_PATH",
    "EMEA_ACCOUNT",
    "EMEA_CONVERSATION",
    "MESSAGING_CONVERSATION",
    "PASSWORD",
    "PASSWORD_USER",
    "SKILL",
    "ApiKey",
    "Clock",
    "Fault",
    "ManualClock",
    "Seed",
    "SeedError",
    "Simulator",
    "SystemClock",
    "load_seed",
    "serve",
]
