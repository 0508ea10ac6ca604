"""The HTTP control API under ``/_sim``: drive the simulator from any language.

No contract path starts with ``/_sim``, so the two never collide, and faults never apply here.
Bodies are JSON; ``account`` defaults to the seed's first account everywhere.

======  ===================================  ============================================
method  path                                 does
======  ===================================  ============================================
GET     ``/_sim/state``                      accounts, users (no secrets), bots,
                                             conversations, pending faults, clock
POST    ``/_sim/conversations``              ``{channel?, bot?, id?, account?}`` → 201
                                             ``{"id", "channel", ...}``
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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lptpb_ext.simulator._clock import Clock, ManualClock
from lptpb_ext.simulator._faults import Fault
from lptpb_ext.simulator._http import JsonProblem, error_response, parse_json
from lptpb_ext.simulator._model import ApiProblem
from lptpb_ext.simulator._seed import ApiKey

__all__ = ["Controlled", "control_routes"]

PREFIX = "/_sim"


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


def _conversation(sim: Controlled, body: dict[str, Any], _: Request) -> Response:
    cid = sim.create_conversation(
        _text(body, "channel", "messaging"),
        account=_text(body, "account", sim.default_account),
        bot=body.get("bot"),
        conversation_id=body.get("id"),
    )
    return JSONResponse({"id": cid, "channel": body.get("channel", "messaging")}, 201)


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


def _route(sim: Controlled, path: str, method: str, action: Action) -> Route:
    async def endpoint(request: Request) -> Response:
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


def control_routes(sim: Controlled) -> list[Route]:
    """The ``/_sim`` routes of ``sim``."""
    return [
        _route(sim, "/state", "GET", lambda s, b, r: JSONResponse(s.snapshot())),
        _route(sim, "/conversations", "POST", _conversation),
        _route(sim, "/conversations/{cid}/close", "POST", _close),
        _route(sim, "/faults", "POST", _fault),
        _route(sim, "/faults", "DELETE", _done(lambda s: s.clear_faults())),
        _route(sim, "/sessions/steal", "POST", _steal),
        _route(sim, "/bots", "POST", _bot),
        _route(sim, "/users", "POST", _user),
        _route(sim, "/commands/hold", "POST", _done(lambda s: s.hold_commands())),
        _route(sim, "/commands/release", "POST", _done(lambda s: s.release_commands())),
        _route(sim, "/clock/advance", "POST", _advance),
        _route(sim, "/reset", "POST", _done(lambda s: s.reset())),
    ]
