"""The HTTP control API under ``/_sim``: drive the simulator from any language.

No contract path starts with ``/_sim``, so the two never collide, and faults never apply here.
Bodies are JSON; ``account`` defaults to the seed's first account everywhere.

======  ===================================  ============================================
method  path                                 does
======  ===================================  ============================================
GET     ``/_sim/state``                      accounts, users (no secrets), bots,
                                             conversations, pending faults, clock
POST    ``/_sim/conversations``              ``{channel?, source?, bot?, id?, account?}``
                                             → 201 ``{"id", "channel", "source"}``
POST    ``/_sim/conversations/{id}/close``   close now (``{account?}``) → 204
POST    ``/_sim/faults``                     a fault (see :class:`Fault`) → 201
DELETE  ``/_sim/faults``                     drop pending faults → 204
POST    ``/_sim/sessions/steal``             ``{username, account?}``: log the user in
                                             elsewhere → 204
POST    ``/_sim/bots``                       ``{username, running?, account?}``: make the
                                             user a bot's agent → 200 ``{"botId"}``
POST    ``/_sim/users``                      ``{username, password | apiKey, account?}``
                                             → 201 ``{"id"}``
POST    ``/_sim/commands/hold``              commands wait until released → 204
POST    ``/_sim/commands/release``           held commands run → 204
POST    ``/_sim/clock/advance``              ``{seconds}`` (manual clock only) → 204
POST    ``/_sim/reset``                      back to the seed, no faults → 204
======  ===================================  ============================================

Who may call it: a page in a browser on the same machine can send requests to 127.0.0.1, so
every control request is checked before its body is read.

- ``Host`` must name a loopback host (``localhost``, ``127.x.x.x``, ``[::1]``) or be the IP
  address the server took the connection on; else 403. That defeats DNS rebinding, where a
  page of the attacker's own name comes to resolve to 127.0.0.1. Requests from the in-process
  transports, which no network carried, skip this one check.
- ``Origin``, when sent, must be the simulator's own origin (``http://`` plus that ``Host``),
  and ``Sec-Fetch-Site``, when sent, ``same-origin`` or ``none``; else 403. A browser sends
  ``Origin`` with every cross-origin POST, the ``text/plain`` ones without a preflight too.
- With a control token (``Simulator(control_token=...)``, ``lptpb sim`` reads
  ``LPTPB_SIM_CONTROL_TOKEN`` or ``--control-token-stdin``), the request must carry it in the
  ``X-Lptpb-Sim-Token`` header; else 401. The contract's own routes never need it.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lptpb_ext._channel_rules import resolve_channel
from lptpb_ext.simulator._clock import Clock, ManualClock
from lptpb_ext.simulator._faults import Fault
from lptpb_ext.simulator._http import IN_PROCESS, JsonProblem, error_response, parse_json
from lptpb_ext.simulator._model import ApiProblem
from lptpb_ext.simulator._seed import ApiKey

__all__ = ["TOKEN_HEADER", "Controlled", "check_token", "control_routes"]

PREFIX = "/_sim"
TOKEN_HEADER = "X-Lptpb-Sim-Token"  # noqa: S105 - a header name, not a secret


class Controlled(Protocol):
    """What the control API drives: the control methods of :class:`Simulator`.

    A protocol, so this module does not import the simulator that imports it.
    """

    @property
    def clock(self) -> Clock: ...

    @property
    def default_account(self) -> str: ...

    def reset(self) -> None: ...

    def add_fault(self, fault: Fault) -> None: ...

    def clear_faults(self) -> None: ...

    def create_conversation(
        self,
        channel: str = ...,
        *,
        account: str | None = ...,
        bot: str | None = ...,
        conversation_id: str | None = ...,
        source: str | None = ...,
    ) -> str: ...

    def close_conversation(self, conversation_id: str, *, account: str | None = ...) -> None: ...

    def steal_session(self, username: str, *, account: str | None = ...) -> None: ...

    def set_bot_running(
        self, username: str, running: bool = ..., *, account: str | None = ...
    ) -> str: ...

    def add_user(
        self,
        username: str,
        password: str | None = ...,
        api_key: ApiKey | None = ...,
        *,
        account: str | None = ...,
    ) -> str: ...

    def hold_commands(self) -> None: ...

    def release_commands(self) -> None: ...

    def snapshot(self) -> dict[str, Any]: ...


Action = Callable[[Controlled, dict[str, Any], Request], Response]


def _text(body: dict[str, Any], key: str, default: str | None = None) -> str:
    value = body.get(key, default)
    if not isinstance(value, str) or not value:
        raise ApiProblem(400, f"{key!r} must be a non-empty string")
    return value


def _optional_text(body: dict[str, Any], key: str) -> str | None:
    return _text(body, key) if body.get(key) is not None else None


def _conversation(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    source = _optional_text(body, "source")
    cid = sim.create_conversation(
        _text(body, "channel", "messaging"),
        account=_text(body, "account", sim.default_account),
        bot=_optional_text(body, "bot"),
        conversation_id=_optional_text(body, "id"),
        source=source,
    )
    named = resolve_channel(source) if source is not None else None  # valid: it was accepted
    return JSONResponse(
        {"id": cid, "channel": body.get("channel", "messaging"), "source": named}, 201
    )


def _close(sim: Controlled, body: dict[str, Any], request: Request) -> Response:
    account = _text(body, "account", sim.default_account)
    sim.close_conversation(request.path_params["cid"], account=account)
    return Response(status_code=204)


def _fault(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    try:
        fault = Fault.from_json(body)
    except (TypeError, ValueError) as exc:
        raise ApiProblem(400, str(exc)) from None
    sim.add_fault(fault)
    return JSONResponse(fault.to_json(), 201)


def _steal(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    sim.steal_session(_text(body, "username"), account=_text(body, "account", sim.default_account))
    return Response(status_code=204)


def _bot(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    running = body.get("running", True)
    if not isinstance(running, bool):
        raise ApiProblem(400, "'running' must be a boolean")
    account = _text(body, "account", sim.default_account)
    bot_id = sim.set_bot_running(_text(body, "username"), running, account=account)
    return JSONResponse({"botId": bot_id})


def _user(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    key = body.get("apiKey")
    api_key = None
    if key is not None:
        names = ("appKey", "secret", "accessToken", "accessTokenSecret")
        if not isinstance(key, dict):
            raise ApiProblem(400, "'apiKey' must be an object")
        api_key = ApiKey(*(_text(key, n) for n in names))
    password = _text(body, "password") if "password" in body else None
    account = _text(body, "account", sim.default_account)
    user_id = sim.add_user(_text(body, "username"), password, api_key, account=account)
    return JSONResponse({"id": user_id}, 201)


def _advance(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    seconds = body.get("seconds")
    if not isinstance(sim.clock, ManualClock):
        raise ApiProblem(409, "the simulator runs on the wall clock; start it with a manual clock")
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
        raise ApiProblem(400, "'seconds' must be a number, 0 or more")
    try:
        sim.clock.advance(seconds)
    except ValueError as exc:  # the clock's own bounds: finite, and before the year 10000
        raise ApiProblem(400, f"'seconds': {exc}") from None
    return Response(status_code=204)


def _done(action: Callable[[Controlled], None]) -> Action:
    def run(sim: Controlled, body: dict[str, Any], request: Request) -> Response:
        action(sim)
        return Response(status_code=204)

    return run


def check_token(token: object) -> str | None:
    """``token`` if it can be a control token (printable ASCII, no space), or ``None``."""
    if token is None:
        return None
    if not isinstance(token, str):
        raise TypeError("control_token must be a string")
    if not token or not all("!" <= char <= "~" for char in token):
        raise ValueError("control_token must be printable ASCII without spaces, and not empty")
    return token


def _host_name(host: str) -> str | None:
    try:
        return urlsplit(f"//{host}").hostname
    except ValueError:  # a port that is not a number
        return None


def _loopback(request: Request) -> bool:
    """Whether the ``Host`` names this machine's loopback, or the address the server took."""
    name = _host_name(request.headers.get("host", ""))
    if name is None:
        return False
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    server = request.scope.get("server")
    return address.is_loopback or (server is not None and name == str(server[0]).lower())


def _refusal(request: Request, token: str | None) -> Response | None:
    """The 403 or 401 a control request gets before anything else, or ``None``."""
    in_process = bool((request.scope.get("extensions") or {}).get(IN_PROCESS))
    if not in_process and not _loopback(request):
        return error_response(403, "the control API answers only a loopback Host")
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    if origin is not None and origin.lower() != own:
        return error_response(403, "the control API refuses requests from other origins")
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return error_response(403, "the control API refuses requests from other sites")
    if token is not None:
        given = request.headers.get(TOKEN_HEADER, "").encode("latin-1")
        if not hmac.compare_digest(given, token.encode("ascii")):
            return error_response(401, f"the control API needs this simulator's {TOKEN_HEADER}")
    return None


def _route(sim: Controlled, path: str, method: str, action: Action, token: str | None) -> Route:
    async def endpoint(request: Request) -> Response:
        refused = _refusal(request, token)
        if refused is not None:
            return refused
        raw = await request.body()
        try:
            body = parse_json(raw) if raw.strip() else {}
        except JsonProblem as problem:
            return error_response(400, f"the body {problem}")
        if not isinstance(body, dict):
            return error_response(400, "the body must be a JSON object")
        try:
            return action(sim, body, request)
        except ApiProblem as problem:
            return error_response(problem.status, problem.message)

    return Route(PREFIX + path, endpoint, methods=[method])


def control_routes(sim: Controlled, token: str | None = None) -> list[Route]:
    """The ``/_sim`` routes of ``sim``; with ``token``, each needs it (see the module)."""
    routes: list[tuple[str, str, Action]] = [
        ("/state", "GET", lambda s, b, r: JSONResponse(s.snapshot())),
        ("/conversations", "POST", _conversation),
        ("/conversations/{cid}/close", "POST", _close),
        ("/faults", "POST", _fault),
        ("/faults", "DELETE", _done(lambda s: s.clear_faults())),
        ("/sessions/steal", "POST", _steal),
        ("/bots", "POST", _bot),
        ("/users", "POST", _user),
        ("/commands/hold", "POST", _done(lambda s: s.hold_commands())),
        ("/commands/release", "POST", _done(lambda s: s.release_commands())),
        ("/clock/advance", "POST", _advance),
        ("/reset", "POST", _done(lambda s: s.reset())),
    ]
    return [_route(sim, path, method, action, token) for path, method, action in routes]
