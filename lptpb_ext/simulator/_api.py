"""The contract's thirteen operations as Starlette routes over a :class:`World`.

Each request is checked in the order a gateway would: the bearer (401) for secured
operations, the zone the host serves (401), the parameters and body against ``openapi.yaml``
plus the limits JSON Schema cannot state (400), then the conversation (404). Errors answer
``application/json`` ``{"code", "message"}`` (the contract's ``ErrorBody``), with ``errors``
listing each problem as ``<where>: <rule>`` on a 400.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from lptpb_ext import _limits
from lptpb_ext.simulator._commands import normalise_messages
from lptpb_ext.simulator._faults import FAIL_COMMAND_KEY
from lptpb_ext.simulator._http import MAX_JSON_DEPTH, JsonProblem, error_response, parse_json
from lptpb_ext.simulator._model import ApiProblem
from lptpb_ext.simulator._schema import Operation, operations, problems, validator_for
from lptpb_ext.simulator._state import World

__all__ = ["contract_routes"]

Params = dict[str, Any]
Body = dict[str, Any] | None
Handler = Callable[[World, Request, Params, Body], Awaitable[Response]]


class BadRequest(ApiProblem):
    def __init__(self, errors: list[str]) -> None:
        super().__init__(400, "the request does not match the contract: " + "; ".join(errors))
        self.errors = errors


async def _body(request: Request, op: Operation, pointer: str) -> Body:
    raw = await request.body()
    if not raw.strip():
        if op.body_required:
            raise BadRequest(["body: a JSON request body is required"])
        return None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise BadRequest(["header 'Content-Type': must be application/json"])
    try:
        body = parse_json(raw)
    except JsonProblem as problem:
        raise BadRequest([f"body: {problem}"]) from None
    try:
        found = problems(validator_for(pointer), body, prefix="body $")
    except RecursionError:  # parse_json's depth limit keeps well clear of this; a safety net
        raise BadRequest(
            [f"body: nests too deeply to validate (at most {MAX_JSON_DEPTH})"]
        ) from None
    if found:
        raise BadRequest(found)
    return cast("dict[str, Any]", body)


def _parameters(request: Request, op: Operation) -> dict[str, Any]:
    values: dict[str, Any] = {}
    found: list[str] = []
    for parameter in op.parameters:
        if parameter.location == "path":
            raw = [request.path_params[parameter.name]]
        else:
            raw = request.query_params.getlist(parameter.name)
        value, wrong = parameter.problems(raw)
        found += wrong
        values[parameter.name] = value if value is not None else parameter.schema.get("default")
    if found:
        raise BadRequest(found)
    return values


def _message_limits(body: dict[str, Any]) -> None:
    """Structured content ≤ 15000 bytes and valid encoded metadata, per message."""
    found = []
    for index, item in enumerate(body["messages"]):
        if not isinstance(item, dict) or "structuredContent" not in item:
            continue
        size = _limits.serialized_size(item["structuredContent"])
        if size > _limits.MAX_STRUCTURED_CONTENT_BYTES:
            found.append(
                f"body $.messages[{index}].structuredContent: is {size} bytes as compact UTF-8 "
                f"JSON; at most {_limits.MAX_STRUCTURED_CONTENT_BYTES} are allowed"
            )
        if "encodedMetadata" in item:
            wrong = _limits.encoded_metadata_problem(item["encodedMetadata"])
            if wrong:
                found.append(f"body $.messages[{index}].encodedMetadata: {wrong}")
    if found:
        raise BadRequest(found)


def _host(request: Request) -> str:
    return request.headers.get("host", "").strip().lower()


async def _login(world: World, request: Request, params: Params, body: Body) -> Response:
    if body is None:
        raise BadRequest(["body: a JSON request body is required"])
    account = world.account(params["accountId"])
    world.check_zone(account, _host(request).split(":")[0])
    auth_type = body.get("authType", "USER_PASS")
    credentials = body.get("credentials", body)
    bearer = world.login(account.id, auth_type, credentials)
    return JSONResponse({"bearer": bearer})


_KINDS = {
    "sendMessages": "messages",
    "transferConversation": "transfer",
    "closeConversation": "close",
    "setSdes": "sdes",
    "setTtr": "ttr",
    "joinConversation": "joinConversation",
    "removeAgent": "removeAgent",
}


async def _command(world: World, request: Request, params: Params, body: Body) -> Response:
    kind = _KINDS[request.scope["lptpb.operation"]]
    if kind == "messages" and body is not None:
        _message_limits(body)
    conversation = world.conversation(params["accountId"], params["conversationId"])
    body = body or {}
    payload = normalise_messages(body) if kind == "messages" else body
    ttl = params.get("ttl") or _limits.TTL_DEFAULT
    forced = request.scope.get(FAIL_COMMAND_KEY)
    command = world.engine.create(conversation, kind, payload, ttl, forced)
    return JSONResponse({"commandId": str(command.id)})


async def _commands(world: World, request: Request, params: Params, _: Body) -> Response:
    conversation = world.conversation(params["accountId"], params["conversationId"])
    found = world.engine.visible(conversation)
    if "commandId" not in params:
        return JSONResponse([x.to_json() for x in found])
    match = next((x for x in found if str(x.id) == params["commandId"]), None)
    if match is None:
        raise ApiProblem(404, f"command {params['commandId']!r} is not in the bot's history")
    return JSONResponse(match.to_json())


async def _domains(world: World, request: Request, params: Params, _: Body) -> Response:
    entries = world.service_domains(params["accountId"], _host(request))
    if "serviceName" not in params:
        return JSONResponse({"baseURIs": entries})
    match = next((e for e in entries if e["service"] == params["serviceName"]), None)
    return JSONResponse(match if match is not None else {"baseURIs": []})


_HANDLERS: dict[str, Handler] = {
    "login": _login,
    "legacyLogin": _login,
    "listCommands": _commands,
    "getCommand": _commands,
    "getServiceDomain": _domains,
    "listServiceDomains": _domains,
    **dict.fromkeys(_KINDS, _command),
}


def _endpoint(
    current: Callable[[], World], op: Operation
) -> Callable[[Request], Awaitable[Response]]:
    handler = _HANDLERS[op.operation_id]

    async def endpoint(request: Request) -> Response:
        request.scope["lptpb.operation"] = op.operation_id
        world = current()
        try:
            if op.secured:
                account_id = request.path_params["accountId"]
                world.authenticate(account_id, request.headers.get("authorization"))
                world.check_zone(world.account(account_id), _host(request).split(":")[0])
            params = _parameters(request, op)
            body = await _body(request, op, op.body_pointer) if op.body_pointer else None
            return await handler(world, request, params, body)
        except BadRequest as problem:
            return error_response(400, "the request does not match the contract", problem.errors)
        except ApiProblem as problem:
            return error_response(problem.status, problem.message)

    return endpoint


def contract_routes(world: Callable[[], World]) -> list[Route]:
    """One route per contract operation, each acting on the world ``world()`` answers then.

    A getter, not the world itself: :meth:`Simulator.reset` replaces the world.
    """
    return [Route(op.path, _endpoint(world, op), methods=[op.method]) for op in operations()]
