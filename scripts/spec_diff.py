#!/usr/bin/env python3
"""Breaking-change gate for ``openapi.yaml``: ``make spec-diff [BASE=<git ref>]``.

Compares the contract in the working tree with the same file at a git ref (or, with
``--base-file``, with another file), lists what changed for the teams that consume it, and
exits non-zero if a breaking change is not acknowledged.

Which ref (``make spec-diff`` without BASE): the newest ``contract-v*`` tag reachable from
HEAD that does not point at HEAD itself (the previous release of the contract), else HEAD's
parent. A first commit, or a shallow clone without the parent, has nothing to compare with:
that is said, and the gate passes. An explicit BASE that git cannot resolve is an error.

Rules. Both documents are walked structurally, every local ``$ref`` resolved. Operations are
matched by method and path (path parameter names ignored), parameters by ``in`` and ``name``,
responses by status code. A schema is judged by the way its data flows: a request (parameters,
request bodies) is written by the consumer and must still be accepted, so *narrowing* it is
breaking; a response is read by the consumer and must stay within what it was promised, so
*widening* it is breaking. A schema used by both is judged both ways.

Breaking whatever the direction:
- an operation removed or moved to another method or path, or its ``operationId`` renamed
  (generated code is named after it); a parameter removed or renamed, or its style changed;
- a request or response media type removed, a response status code removed, a success (1xx,
  2xx, 3xx) status added, or the first-listed media type of a response changed (some generators
  parse with the first one);
- a property, enum or ``const`` value, union variant or discriminator value removed (generated
  types lose the member); a component schema, parameter, response, request body or header
  removed; a server URL removed; a type changed to an unrelated one;
- a JSON Schema keyword this script does not analyse (``not``, ``if``, ``dependentSchemas``...)
  changed: it cannot be proven compatible.

Breaking in requests (narrowing): a new required parameter, request body or property; an
optional parameter or body made required; a type narrowed (``number`` to ``integer``, a type
list shortened); ``maxLength``, ``maximum``, ``maxItems``... lowered or added, ``minLength``,
``minimum``, ``minItems``... raised or added (``x-lptpb-limits`` maxima too); a ``pattern``,
``format``, ``multipleOf`` or ``uniqueItems`` added or changed; ``additionalProperties`` closed;
a default changed or removed (clients that omit the field get other behaviour); security
tightened; an operation moved under ``x-lptpb-limits.messagingOnly`` or a new account feature.

Breaking in responses (widening): a new enum value, ``const`` value, union variant or
discriminator value (consumers switch over them); a property no longer required; a type widened;
a bound relaxed or dropped; a ``pattern`` or ``format`` dropped or changed; a property added
where ``additionalProperties`` was false, or ``additionalProperties`` opened.

Everything else that changes the contract (added operations, optional parameters and
properties, relaxed request bounds, new error statuses...) is listed as non-breaking.
Descriptions, examples and other annotations are not compared.

Acknowledged: a breaking change passes only if ``info.version`` (semantic versioning,
``MAJOR.MINOR.PATCH[-pre][+build]``) got a new major version (for ``0.y.z``, a new minor
version is enough, as semver allows) AND ``CHANGELOG.md`` has a non-empty ``## [X.Y.Z]`` section
for the new version. Whatever the changes, a changed ``info.version`` must be valid semver, must
not go backwards, and needs its changelog section. Non-breaking changes without a version bump
are allowed, with a note.

Usage: ``python scripts/spec_diff.py [--spec openapi.yaml] [--base REF | --base-file PATH]
[--changelog CHANGELOG.md]``. Exit status: 0 pass, 1 gate failed, 2 usage or git error.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

REPO = Path(__file__).resolve().parent.parent
TAG_GLOB = "contract-v*"
# libyaml's loader when pyyaml has it: five times faster on the contract.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
COMPONENT_KINDS = ("schemas", "parameters", "responses", "requestBodies", "headers")

Direction = Literal["request", "response"]
Doc = dict[str, Any]
Params = dict[tuple[str, str], tuple[Doc, object]]

# Bounds: the keyword, and whether a larger value narrows (lower bounds) or widens (upper).
UPPER_BOUNDS = ("maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties")
# Restrictions whose addition or change narrows and whose removal widens.
RESTRICTIONS = ("pattern", "format", "contentEncoding", "contentMediaType")
# Annotations and keywords handled elsewhere; any other keyword that changes is "not analysed".
NOT_COMPARED = frozenset(
    {
        "$ref", "$comment", "$schema", "$id", "$anchor", "$defs", "title", "description",
        "summary", "example", "examples", "externalDocs", "deprecated", "xml", "readOnly",
        "writeOnly", "default", "discriminator", "type", "enum", "const", "nullable",
        "properties", "required", "additionalProperties", "items", "prefixItems", "contains",
        "minContains", "maxContains", "oneOf", "anyOf", "allOf", "multipleOf", "uniqueItems",
        *UPPER_BOUNDS, *LOWER_BOUNDS, *RESTRICTIONS,
    }
)  # fmt: skip


@dataclass(frozen=True, order=True)
class Change:
    """One difference between the documents, as a consumer of the contract sees it."""

    breaking: bool
    where: str
    what: str
    direction: str = ""

    def __str__(self) -> str:
        tag = f"[{self.direction}] " if self.direction else ""
        return f"{tag}{self.where}: {self.what}"


@dataclass
class Differ:
    """Walks an old and a new OpenAPI document side by side and collects their changes."""

    old: Doc
    new: Doc
    changes: set[Change] = field(default_factory=set)
    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    # ----------------------------------------------------------------- reporting
    def report(self, breaking: bool, where: str, what: str, direction: str = "") -> None:
        self.changes.add(Change(breaking, where, what, direction))

    def directed(self, narrows: bool, widens: bool, where: str, what: str, d: Direction) -> None:
        """A change that narrows and/or widens what the schema allows, judged by direction."""
        breaking = (narrows and d == "request") or (widens and d == "response")
        self.report(breaking, where, what, d)

    # ----------------------------------------------------------------- documents
    def run(self) -> list[Change]:
        self.compare_servers(self.old.get("servers"), self.new.get("servers"), "servers")
        self.compare_components()
        old_ops, new_ops = operations(self.old), operations(self.new)
        new_ids = {op.get("operationId"): key for key, (op, _) in new_ops.items()}
        for key, (old_op, old_item) in old_ops.items():
            name = op_name(old_op, key)
            if key in new_ops:
                new_op, new_item = new_ops[key]
                self.compare_operation(name, (old_op, old_item), (new_op, new_item))
            elif old_op.get("operationId") in new_ids:
                moved = new_ids[old_op["operationId"]]
                self.report(True, name, f"operation moved from {key} to {moved}")
            else:
                self.report(True, name, f"operation removed ({key})")
        old_ids = {op.get("operationId") for op, _ in old_ops.values()}
        for key, (new_op, _) in new_ops.items():
            if key not in old_ops and new_op.get("operationId") not in old_ids:
                self.report(False, op_name(new_op, key), f"operation added ({key})")
        return sorted(self.changes, key=lambda c: (not c.breaking, c.where, c.what))

    def compare_components(self) -> None:
        old_c, new_c = self.old.get("components", {}), self.new.get("components", {})
        for kind in COMPONENT_KINDS:
            old_names, new_names = set(old_c.get(kind, {})), set(new_c.get(kind, {}))
            for name in sorted(old_names - new_names):
                self.report(True, f"components.{kind}.{name}", "component removed")
            for name in sorted(new_names - old_names):
                self.report(False, f"components.{kind}.{name}", "component added")

    def compare_servers(self, old: object, new: object, where: str) -> None:
        if not isinstance(old, list) or not isinstance(new, list):
            return
        old_urls = {s.get("url") for s in old}
        new_urls = {s.get("url") for s in new}
        for url in sorted(old_urls - new_urls):
            self.report(True, where, f"server {url} removed")
        for url in sorted(new_urls - old_urls):
            self.report(False, where, f"server {url} added")

    # ----------------------------------------------------------------- operations
    def compare_operation(self, where: str, old: tuple[Doc, Doc], new: tuple[Doc, Doc]) -> None:
        (old_op, old_item), (new_op, new_item) = old, new
        if old_op.get("operationId") != new_op.get("operationId"):
            was, now = old_op.get("operationId"), new_op.get("operationId")
            self.report(True, where, f"operationId renamed from {was} to {now}")
        if new_op.get("deprecated") and not old_op.get("deprecated"):
            self.report(False, where, "operation deprecated")
        self.compare_servers(
            old_op.get("servers", old_item.get("servers")),
            new_op.get("servers", new_item.get("servers")),
            f"{where} servers",
        )
        self.compare_security(where, old_op, new_op)
        self.compare_limits(old_op, new_op, where, "request")
        self.compare_parameters(
            where, params(self.old, old_op, old_item), params(self.new, new_op, new_item)
        )
        self.compare_request_body(where, old_op.get("requestBody"), new_op.get("requestBody"))
        self.compare_responses(where, old_op.get("responses", {}), new_op.get("responses", {}))

    def compare_security(self, where: str, old_op: Doc, new_op: Doc) -> None:
        old = security(old_op.get("security", self.old.get("security")))
        new = security(new_op.get("security", self.new.get("security")))
        if old == new:
            return
        # A client that met one of the old alternatives must still meet one of the new ones.
        tightened = any(not any(n <= o for n in new) for o in old)
        self.report(tightened, where, "security requirements changed", "request")

    def compare_parameters(self, where: str, old: Params, new: Params) -> None:
        for (loc, name), (param, old_raw) in old.items():
            if (loc, name) not in new:
                what = "parameter removed or renamed"
                self.report(True, f"{where} {loc} parameter {name}", what, "request")
                continue
            now, new_raw = new[(loc, name)]
            at = same_ref(f"{where} {loc} parameter {name}", old_raw, new_raw)
            if now.get("required") and not param.get("required"):
                self.report(True, at, "parameter is now required", "request")
            elif param.get("required") and not now.get("required"):
                self.report(False, at, "parameter is now optional", "request")
            for key in ("style", "explode", "allowReserved"):
                if param.get(key) != now.get(key):
                    self.report(True, at, f"{key} changed from {param.get(key)} to {now.get(key)}")
            self.compare_schema(param.get("schema", {}), now.get("schema", {}), at, "request")
        for (loc, name), (param, _) in new.items():
            if (loc, name) not in old:
                required = bool(param.get("required"))
                what = "required parameter added" if required else "optional parameter added"
                self.report(required, f"{where} {loc} parameter {name}", what, "request")

    def compare_request_body(self, where: str, old_raw: object, new_raw: object) -> None:
        at = f"{where} request body"
        if old_raw is None and new_raw is None:
            return
        if old_raw is None:
            required = bool(resolve(self.new, new_raw).get("required"))
            what = "required request body added" if required else "optional request body added"
            self.report(required, at, what, "request")
            return
        if new_raw is None:
            self.report(True, at, "request body removed", "request")
            return
        old, new = resolve(self.old, old_raw), resolve(self.new, new_raw)
        if new.get("required") and not old.get("required"):
            self.report(True, at, "request body is now required", "request")
        self.compare_content(at, old.get("content", {}), new.get("content", {}), "request")

    def compare_responses(self, where: str, old: Mapping[Any, Any], new: Mapping[Any, Any]) -> None:
        old_s = {str(code): raw for code, raw in old.items()}
        new_s = {str(code): raw for code, raw in new.items()}
        for code, raw in old_s.items():
            at = f"{where} response {code}"
            if code not in new_s:
                self.report(True, at, "status code removed", "response")
                continue
            was, now = resolve(self.old, raw), resolve(self.new, new_s[code])
            at = same_ref(at, raw, new_s[code])
            self.compare_content(at, was.get("content", {}), now.get("content", {}), "response")
            for name, header in was.get("headers", {}).items():
                if name not in now.get("headers", {}):
                    self.report(True, at, f"header {name} removed", "response")
                    continue
                new_header = resolve(self.new, now["headers"][name])
                self.compare_schema(
                    resolve(self.old, header).get("schema", {}),
                    new_header.get("schema", {}),
                    f"{at} header {name}",
                    "response",
                )
        for code in new_s:
            if code not in old_s:
                success = code[0] in "123"
                what = "success status code added" if success else "error status code added"
                self.report(success, f"{where} response {code}", what, "response")

    def compare_content(self, where: str, old: Doc, new: Doc, d: Direction) -> None:
        for media in old:
            if media not in new:
                self.report(True, where, f"media type {media} removed", d)
        for media in new:
            if media not in old:
                self.report(False, where, f"media type {media} added", d)
        if d == "response" and old and new and next(iter(old)) != next(iter(new)):
            what = f"first media type changed from {next(iter(old))} to {next(iter(new))}"
            self.report(True, where, what, d)
        for media, body in old.items():
            if media in new:
                old_schema = body.get("schema", {})
                self.compare_schema(old_schema, new[media].get("schema", {}), f"{where} {media}", d)

    # ----------------------------------------------------------------- schemas
    def compare_schema(self, old_raw: object, new_raw: object, where: str, d: Direction) -> None:
        """Compare two schemas reached the same way, following ``$ref`` on either side."""
        old_ref = old_raw.get("$ref") if isinstance(old_raw, dict) else None
        new_ref = new_raw.get("$ref") if isinstance(new_raw, dict) else None
        if old_ref or new_ref:
            # Each pair of components is compared once per direction (structured content nests).
            # Keywords beside a $ref belong to the place that refers, not to the component.
            beside = any(
                isinstance(raw, dict) and set(raw) - {"$ref"} for raw in (old_raw, new_raw)
            )
            pair = (str(old_ref or id(old_raw)), str(new_ref or id(new_raw)), d)
            if beside:
                pair = (*pair[:2], f"{d} {where}")  # type: ignore[assignment]
            if pair in self._seen:
                return
            self._seen.add(pair)
            if old_ref and old_ref == new_ref and not beside:
                where = pointer_name(old_ref)
        elif old_raw == new_raw and not has_ref(old_raw):
            return
        old, new = resolve(self.old, old_raw), resolve(self.new, new_raw)
        self.compare_types(old, new, where, d)
        self.compare_values(old, new, where, d)
        self.compare_bounds(old, new, where, d)
        self.compare_limits(old, new, where, d)
        self.compare_objects(old, new, where, d)
        self.compare_arrays(old, new, where, d)
        self.compare_unions(old, new, where, d)
        self.compare_default(old, new, where, d)
        for key in sorted((set(old) | set(new)) - NOT_COMPARED):
            if key.startswith("x-") or old.get(key) == new.get(key):
                continue
            what = f"{key} changed (not analysed by spec-diff, so treated as breaking)"
            self.report(True, where, what, d)

    def compare_types(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        was, now = types_of(old), types_of(new)
        if was == now:
            return
        narrows = not covers(now, was)
        widens = not covers(was, now)
        shown = f"type changed from {fmt_types(was)} to {fmt_types(now)}"
        if narrows and widens:
            self.report(True, where, shown, d)
        else:
            self.directed(narrows, widens, where, shown, d)

    def compare_values(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        was, now = values_of(old), values_of(new)
        if was is None and now is None:
            return
        if was is None or now is None:
            what = "enum/const added" if was is None else "enum/const removed"
            self.directed(was is None, now is None, where, what, d)
            return
        for value in sorted(set(was) - set(now)):
            self.report(True, where, f"enum value {was[value]} removed", d)
        for value in sorted(set(now) - set(was)):
            self.directed(False, True, where, f"enum value {now[value]} added", d)

    def compare_bounds(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        for key in (*UPPER_BOUNDS, "maxContains"):
            self.bound(old.get(key), new.get(key), key, upper=True, where=where, d=d)
        for key in (*LOWER_BOUNDS, "minContains"):
            self.bound(old.get(key), new.get(key), key, upper=False, where=where, d=d)
        for key in RESTRICTIONS:
            was, now = old.get(key), new.get(key)
            if was != now:
                what = f"{key} changed from {was!r} to {now!r}"
                self.directed(now is not None, was is not None, where, what, d)
        was, now = old.get("multipleOf"), new.get("multipleOf")
        if was != now:
            # Multiples of `now` include all multiples of `was` iff `was` is a multiple of `now`.
            narrows = now is not None and (was is None or was % now != 0)
            widens = was is not None and (now is None or now % was != 0)
            self.directed(narrows, widens, where, f"multipleOf changed from {was} to {now}", d)
        if bool(old.get("uniqueItems")) != bool(new.get("uniqueItems")):
            now_unique = bool(new.get("uniqueItems"))
            what = f"uniqueItems changed to {now_unique}"
            self.directed(now_unique, not now_unique, where, what, d)

    def bound(
        self,
        was: float | None,
        now: float | None,
        key: str,
        *,
        upper: bool,
        where: str,
        d: Direction,
    ) -> None:
        if was == now:
            return
        # A bound added narrows and a bound dropped widens.
        narrows = was is None if was is None or now is None else (now < was if upper else now > was)
        self.directed(narrows, not narrows, where, f"{key} changed from {was} to {now}", d)

    def compare_limits(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        """The ``x-lptpb-limits`` extension: its maxima are bounds, its flags restrictions."""
        was, now = old.get("x-lptpb-limits", {}), new.get("x-lptpb-limits", {})
        for key in sorted(set(was) | set(now)):
            a, b = was.get(key), now.get(key)
            if a == b:
                continue
            at = f"x-lptpb-limits.{key}"
            if key.startswith("max"):
                self.bound(a, b, at, upper=True, where=where, d=d)
            else:
                self.directed(bool(b), bool(a), where, f"{at} changed from {a!r} to {b!r}", d)

    def compare_objects(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        was, now = visible_properties(old, d), visible_properties(new, d)
        old_req, new_req = set(old.get("required", [])), set(new.get("required", []))
        for name in was:
            if name not in now:
                self.report(True, where, f"property {name} removed", d)
        closed = old.get("additionalProperties") is False
        for name in now:
            if name not in was:
                required = name in new_req
                what = f"{'required' if required else 'optional'} property {name} added"
                self.directed(required, closed, where, what, d)
        for name in sorted(new_req - old_req):
            if name in was:
                self.directed(True, False, where, f"property {name} is now required", d)
        for name in sorted(old_req - new_req):
            if name in now:
                self.directed(False, True, where, f"property {name} is no longer required", d)
        for name, schema in was.items():
            if name in now:
                self.compare_schema(schema, now[name], f"{where}.{name}", d)
        extra_was, extra_now = old.get("additionalProperties"), new.get("additionalProperties")
        self.compare_additional(extra_was, extra_now, where, d)

    def compare_additional(self, was: object, now: object, where: str, d: Direction) -> None:
        if isinstance(was, dict) and isinstance(now, dict):
            self.compare_schema(was, now, f"{where}.additionalProperties", d)
            return
        # How open the object is to unlisted properties: any (absent/true), a schema, none.
        a, b = openness(was), openness(now)
        if a != b:
            what = f"additionalProperties changed from {was} to {now}"
            self.directed(b < a, b > a, where, what, d)

    def compare_arrays(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        for key in ("items", "contains"):
            if key in old or key in new:
                self.compare_schema(old.get(key, {}), new.get(key, {}), f"{where}[{key}]", d)
        was, now = old.get("prefixItems", []), new.get("prefixItems", [])
        if len(was) != len(now):
            self.report(True, where, f"prefixItems changed from {len(was)} to {len(now)} items", d)
        for i, (a, b) in enumerate(zip(was, now, strict=False)):
            self.compare_schema(a, b, f"{where}[{i}]", d)

    def compare_unions(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        old_map, new_map = mapping(old), mapping(new)
        if old_map is not None and new_map is not None:
            # Tagged unions: the tag values are what consumers switch over, like enum values.
            for tag in old_map:
                if tag not in new_map:
                    self.report(True, where, f"discriminator value {tag!r} removed", d)
                else:
                    self.compare_schema(
                        {"$ref": old_map[tag]}, {"$ref": new_map[tag]}, f"{where}<{tag}>", d
                    )
            for tag in new_map:
                if tag not in old_map:
                    self.directed(False, True, where, f"discriminator value {tag!r} added", d)
        else:
            self.compare_variants(old, new, where, d)

    def compare_variants(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        for kind in ("oneOf", "anyOf", "allOf"):
            was, now = variants(old.get(kind)), variants(new.get(kind))
            if was is None and now is None:
                continue
            if was is None or now is None:
                self.report(True, where, f"{kind} {'added' if was is None else 'removed'}", d)
                continue
            for key, schema in was.items():
                if key not in now:
                    # A removed allOf part widens; a removed union variant is a lost member.
                    if kind == "allOf":
                        self.directed(False, True, where, f"allOf part {key} removed", d)
                    else:
                        self.report(True, where, f"{kind} variant {key} removed", d)
                else:
                    self.compare_schema(schema, now[key], f"{where}<{key}>", d)
            for key in now:
                if key not in was:
                    narrows = kind == "allOf"
                    self.directed(narrows, not narrows, where, f"{kind} variant {key} added", d)

    def compare_default(self, old: Doc, new: Doc, where: str, d: Direction) -> None:
        if "default" in old and old.get("default") != new.get("default"):
            what = f"default changed from {old['default']!r} to {new.get('default')!r}"
            self.directed(True, False, where, what, d)
        elif "default" in new and "default" not in old:
            self.report(False, where, f"default {new['default']!r} added", d)


# --------------------------------------------------------------------- helpers
def operations(doc: Doc) -> dict[str, tuple[Doc, Doc]]:
    """``METHOD /path`` (path parameter names blanked) to (operation, path item)."""
    found: dict[str, tuple[Doc, Doc]] = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in METHODS:
            if method in item:
                found[f"{method.upper()} {re.sub(r'{[^}]*}', '{}', path)}"] = (item[method], item)
    return found


def params(doc: Doc, op: Doc, item: Doc) -> Params:
    """An operation's parameters by (in, name): the path item's, overridden by its own.

    Each is kept resolved and as written, so a shared component is reported once, by name.
    """
    merged: Params = {}
    for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
        param = resolve(doc, raw)
        merged[(param["in"], param["name"])] = (param, raw)
    return merged


def same_ref(where: str, old_raw: object, new_raw: object) -> str:
    """The component's name if both sides refer to the same one, else ``where``."""
    old_ref = old_raw.get("$ref") if isinstance(old_raw, dict) else None
    new_ref = new_raw.get("$ref") if isinstance(new_raw, dict) else None
    return pointer_name(old_ref) if isinstance(old_ref, str) and old_ref == new_ref else where


def openness(extra: object) -> int:
    """``additionalProperties`` as a rank: 2 any property, 1 those matching a schema, 0 none."""
    if extra is None or extra is True:
        return 2
    return 0 if extra is False else 1


def op_name(op: Doc, key: str) -> str:
    return str(op.get("operationId") or key)


def resolve(doc: Doc, node: object) -> Doc:
    """Follow local ``$ref``s (``#/a/b``) to an object; boolean schemas become objects.

    Keywords beside a ``$ref`` (OpenAPI 3.1 allows them in a schema) apply too: they are kept
    over the target's, the outermost winning.
    """
    hops = 0
    siblings: dict[str, Any] = {}
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        siblings = {**{k: v for k, v in node.items() if k != "$ref"}, **siblings}
        ref: str = node["$ref"]
        if not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported, not {ref}")
        target: Any = doc
        try:
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
        except (KeyError, IndexError, TypeError):
            raise ValueError(f"$ref {ref} does not resolve") from None
        node = target
        hops += 1
        if hops > 50:
            raise ValueError(f"$ref cycle at {ref}")
    if node is False:
        return {"not": {}, **siblings}
    return {**(dict(node) if isinstance(node, dict) else {}), **siblings}


def pointer_name(ref: str) -> str:
    return ref.removeprefix("#/").replace("/", ".")


def has_ref(schema: object) -> bool:
    return "$ref" in json.dumps(schema)


def security(raw: object) -> set[frozenset[str]]:
    """Alternatives of required scheme names; no requirement at all is one empty alternative."""
    if not isinstance(raw, list) or not raw:
        return {frozenset()}
    return {frozenset(alt) for alt in raw}


JSON_TYPES = frozenset({"null", "boolean", "object", "array", "number", "string", "integer"})


def types_of(schema: Doc) -> frozenset[str]:
    """The JSON types a schema allows, as far as ``type``/``const``/``enum`` tell."""
    raw = schema.get("type")
    if raw is None:
        values = values_of(schema)
        if values is None:
            return JSON_TYPES
        found = {json_type(json.loads(v)) for v in values}
    else:
        found = {raw} if isinstance(raw, str) else set(raw)
    if schema.get("nullable"):
        found.add("null")
    return frozenset(found)


def json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    names = {float: "number", list: "array", dict: "object"}
    return names.get(type(value), "string")


def covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Whether every type in ``narrow`` is allowed by ``wide`` (``number`` allows ``integer``)."""
    return all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def fmt_types(types: frozenset[str]) -> str:
    return "any" if types == JSON_TYPES else "/".join(sorted(types))


def values_of(schema: Doc) -> dict[str, str] | None:
    """``enum``/``const`` values keyed by canonical JSON, shown as repr; None if unrestricted."""
    if "const" in schema:
        raw: Iterable[Any] = [schema["const"]]
    elif "enum" in schema:
        raw = schema["enum"]
    else:
        return None
    return {json.dumps(v, sort_keys=True): repr(v) for v in raw}


def visible_properties(schema: Doc, d: Direction) -> dict[str, Any]:
    """Properties that travel in direction ``d`` (``readOnly`` ones are never sent, etc.)."""
    hidden = "writeOnly" if d == "response" else "readOnly"
    props = schema.get("properties") or {}
    return {k: v for k, v in props.items() if not (isinstance(v, dict) and v.get(hidden))}


def mapping(schema: Doc) -> dict[str, str] | None:
    disc = schema.get("discriminator")
    if isinstance(disc, dict) and isinstance(disc.get("mapping"), dict):
        return {str(k): str(v) for k, v in disc["mapping"].items()}
    return None


def variants(raw: object) -> dict[str, object] | None:
    """Union members keyed by the component they refer to, else by position."""
    if not isinstance(raw, list):
        return None
    return {
        pointer_name(v["$ref"]) if isinstance(v, dict) and "$ref" in v else f"#{i}": v
        for i, v in enumerate(raw)
    }


def compare(old: Doc, new: Doc) -> list[Change]:
    """Every change from ``old`` to ``new``, breaking ones first."""
    return Differ(old, new).run()


# --------------------------------------------------------------------- versions
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$"
)


@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    pre: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: object) -> Version | None:
        match = SEMVER.match(str(text))
        if not match:
            return None
        pre = tuple(match.group(4).split(".")) if match.group(4) else ()
        return cls(int(match.group(1)), int(match.group(2)), int(match.group(3)), pre)

    def key(self) -> tuple[int, int, int, int, tuple[tuple[int, int, str], ...]]:
        """Semver precedence: a pre-release sorts before its release; numbers before words."""
        ids = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.pre)
        return (self.major, self.minor, self.patch, 0 if self.pre else 1, ids)

    def is_major_bump_from(self, old: Version) -> bool:
        if old.major == 0:
            return (self.major, self.minor) > (old.major, old.minor)
        return self.major > old.major

    def __str__(self) -> str:
        core = f"{self.major}.{self.minor}.{self.patch}"
        return f"{core}-{'.'.join(self.pre)}" if self.pre else core


def changelog_has(text: str, version: str) -> bool:
    """Whether a Keep a Changelog file has a non-empty ``## [version]`` section."""
    heading = re.compile(rf"^##\s+\[?v?{re.escape(version)}\]?(\s|$)")
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if heading.match(line):
            body = []
            for following in lines[i + 1 :]:
                if following.startswith("## "):
                    break
                body.append(following.strip())
            return any(body)
    return False


def verdict(old_doc: Doc, new_doc: Doc, changes: Sequence[Change], changelog: str) -> list[str]:
    """Why the gate fails (empty if it passes)."""
    problems: list[str] = []
    old_text = str(old_doc.get("info", {}).get("version"))
    new_text = str(new_doc.get("info", {}).get("version"))
    old_v, new_v = Version.parse(old_text), Version.parse(new_text)
    if new_v is None:
        return [f"info.version {new_text!r} is not semantic versioning (MAJOR.MINOR.PATCH)"]
    changed = new_text != old_text
    if old_v is not None and new_v.key() < old_v.key():
        problems.append(f"info.version went backwards, from {old_text} to {new_text}")
    if changed and not changelog_has(changelog, str(new_v)):
        problems.append(f'CHANGELOG.md has no "## [{new_v}]" section for the new info.version')
    breaking = sum(c.breaking for c in changes)
    if breaking and (old_v is None or not new_v.is_major_bump_from(old_v)):
        need = "a new minor version (0.x)" if old_v and old_v.major == 0 else "a new major version"
        problems.append(
            f"{breaking} breaking change(s) not acknowledged: info.version {new_text} needs "
            f"{need} over {old_text}, and CHANGELOG.md a section for it"
        )
    return problems


# --------------------------------------------------------------------- git
def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("git")
    if exe is None:
        raise LookupError("git is not installed")
    return subprocess.run([exe, *args], cwd=cwd, check=False, capture_output=True, text=True)


def default_base(cwd: Path) -> tuple[str | None, str]:
    """The ref to compare with when none is given, and how it was chosen."""
    head = git(cwd, "rev-parse", "--verify", "--quiet", "HEAD").stdout.strip()
    tags = git(cwd, "tag", "--list", TAG_GLOB, "--merged", "HEAD", "--sort=-v:refname").stdout
    for tag in tags.split():
        if git(cwd, "rev-parse", f"{tag}^{{commit}}").stdout.strip() != head:
            return tag, f"the previous release tag {tag}"
    if git(cwd, "rev-parse", "--verify", "--quiet", "HEAD~1^{commit}").returncode == 0:
        return "HEAD~1", f"HEAD~1, the parent commit (no earlier {TAG_GLOB} tag)"
    shallow = git(cwd, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"
    why = "a shallow clone without HEAD's parent" if shallow else "HEAD is the first commit"
    return None, f"no {TAG_GLOB} tag and {why}"


def load_at(cwd: Path, ref: str, spec: Path) -> tuple[Doc | None, str]:
    """The spec as it is at ``ref`` (None if it did not exist there) and the commit's id."""
    commit = git(cwd, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if commit.returncode != 0:
        raise LookupError(f"git cannot resolve BASE {ref!r}")
    top = Path(git(cwd, "rev-parse", "--show-toplevel").stdout.strip())
    rel = spec.resolve().relative_to(top.resolve()).as_posix()
    shown = git(cwd, "show", f"{commit.stdout.strip()}:{rel}")
    short = commit.stdout.strip()[:12]
    if shown.returncode != 0:
        return None, short
    loaded: Doc = yaml.load(shown.stdout, Loader=LOADER)  # noqa: S506 (a safe loader)
    return loaded, short


# --------------------------------------------------------------------- command line
def load_base(args: argparse.Namespace, spec: Path) -> tuple[Doc | None, str]:
    """The base document (None: nothing to compare, the reason given) and what it is."""
    if args.base_file is not None:
        loaded: Doc = yaml.load(args.base_file.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506
        return loaded, str(args.base_file)
    cwd = spec.resolve().parent
    ref, how = (args.base, f"BASE={args.base}") if args.base else default_base(cwd)
    if ref is None:
        return None, f"nothing to compare {spec.name} with ({how})"
    old, commit = load_at(cwd, ref, spec)
    if old is None:
        return None, f"{spec.name} does not exist at {ref} ({commit})"
    return old, f"{spec.name} at {ref} ({commit}), {how}"


def print_changes(changes: Sequence[Change]) -> None:
    breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking]
    for title, group in (("Breaking changes", breaking), ("Non-breaking changes", other)):
        if group:
            print(f"{title} ({len(group)}):")
            for change in group:
                print(f"  - {change}")
    if not changes:
        print("No changes to the contract's operations, parameters, bodies or schemas.")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--spec", type=Path, default=REPO / "openapi.yaml")
    parser.add_argument("--changelog", type=Path, help="default: CHANGELOG.md beside --spec")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--base", help="git ref to compare with (default: see the docstring)")
    group.add_argument("--base-file", type=Path, help="compare with this file instead of git")
    args = parser.parse_args(argv)
    spec: Path = args.spec
    changelog_path: Path = args.changelog or spec.parent / "CHANGELOG.md"
    try:
        old, against = load_base(args, spec)
    except LookupError as err:
        print(f"spec-diff: {err}", file=sys.stderr)
        return 2
    if old is None:
        print(f"spec-diff: {against}; the gate passes")
        return 0
    new: Doc = yaml.load(spec.read_text(encoding="utf-8"), Loader=LOADER)  # noqa: S506
    old_version, new_version = old["info"]["version"], new["info"]["version"]
    print(f"spec-diff: {spec} {new_version} against {old_version}: {against}")
    try:
        changes = compare(old, new)
    except ValueError as err:
        print(f"spec-diff: cannot compare the documents: {err}", file=sys.stderr)
        return 2
    print_changes(changes)
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else ""
    problems = verdict(old, new, changes, changelog)
    for problem in problems:
        print(f"spec-diff: FAILED: {problem}", file=sys.stderr)
    if problems:
        return 1
    breaking = sum(c.breaking for c in changes)
    if changes and not breaking and new_version == old_version:
        print("spec-diff: note: additive changes; consider a minor version and a changelog entry")
    print(f"spec-diff: OK ({breaking} breaking, {len(changes) - breaking} non-breaking)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
