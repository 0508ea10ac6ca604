"""A griffe extension for the API reference (``mkdocs.yml``): our docstrings, read as Markdown.

The docstrings are written for ``help()`` and Sphinx habits: ``:class:`~lptpb_ext.Client```
roles, ``>>>`` examples, ``::`` literal blocks, ``====`` tables and underlined section titles.
mkdocstrings renders docstrings as Markdown, where those show as noise (``>>>`` even becomes a
triple block quote). :func:`to_markdown` rewrites them, once per object, when griffe has loaded
the package:

- a role becomes a cross-reference (``[`Client`][lptpb_ext.Client]``) when its target is a
  documented public name (:data:`PUBLIC`, built from ``__all__``), else inline code, so a
  reference to a private helper never breaks ``mkdocs build --strict``;
- ``>>>`` examples become ``pycon`` code blocks (``# doctest:`` directives dropped);
- a paragraph ending in ``::`` introduces a ``python`` code block (its indented lines);
- a ``====`` table becomes a ``text`` block, kept as it is aligned;
- an underlined title (``Public surface`` over ``-----``) becomes a bold line.

Methods that implement a documented protocol (:data:`PROTOCOLS`: the session stores, the
simulator's clocks) and have no docstring of their own take the protocol's, as
``tests/test_site.py`` counts them.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import griffe

#: Classes whose undocumented methods take the docstring of the same method on a protocol.
PROTOCOLS = {
    "lptpb_ext._stores.MemoryStore": "lptpb_ext._stores.SessionStore",
    "lptpb_ext._file_store.FileSessionStore": "lptpb_ext._stores.SessionStore",
    "lptpb_ext._redis_store.RedisSessionStore": "lptpb_ext._stores.SessionStore",
    "lptpb_ext.simulator._clock.SystemClock": "lptpb_ext.simulator._clock.Clock",
    "lptpb_ext.simulator._clock.ManualClock": "lptpb_ext.simulator._clock.Clock",
}
PUBLIC_MODULES = ("lptpb_ext", "lptpb_ext.simulator")
_REPO = Path(__file__).resolve().parent.parent


def public_names() -> dict[str, str]:
    """Every documented public path, keyed by what may name it: its canonical (private)
    path, its public path, and its own name or ``Class.member`` when that is unambiguous."""
    found: dict[str, str] = {}
    short: dict[str, set[str]] = {}

    def add(public: str, canonical: str | None, *names: str) -> None:
        found[public] = public
        if canonical:
            found.setdefault(canonical, public)
        for name in names:
            short.setdefault(name, set()).add(public)

    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            public = f"{module_name}.{name}"
            canonical = _canonical(obj)
            add(public, canonical, name)
            members: dict[str, Any] = {}
            if inspect.isclass(obj):
                members = {k: v for k, v in vars(obj).items() if not k.startswith("_")}
            elif inspect.ismodule(obj):
                members = {k: getattr(obj, k) for k in getattr(obj, "__all__", ())}
            for member in members:
                where = f"{canonical}.{member}" if canonical else None
                if inspect.ismodule(obj):
                    where = _canonical(members[member])
                add(f"{public}.{member}", where, f"{name}.{member}")
    for name, publics in short.items():
        if len(publics) == 1:
            found.setdefault(name, next(iter(publics)))
    return found


def _canonical(obj: object) -> str | None:
    if inspect.ismodule(obj):
        return obj.__name__
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    return f"{module}.{qualname}" if module and qualname else None


PUBLIC: dict[str, str] = {}

_ROLE = re.compile(r":(?:class|func|meth|mod|data|attr|exc|obj):`(~?)([^`<]+?)`")
_TABLE_RULE = re.compile(r"^\s*=+(\s+=+)+\s*$")
_UNDERLINE = re.compile(r"^\s*([-=~^])\1{2,}\s*$")
_DOCTEST = re.compile(r"\s*#\s*doctest:.*$")


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    target = target.strip().removesuffix("()")
    shown = target.rsplit(".", 1)[-1] if tilde else target
    public = PUBLIC.get(target)
    if public is None:
        return f"`{shown}`"
    return f"[`{shown}`][{public}]"


def to_markdown(text: str) -> str:
    """The docstring ``text`` in Markdown (see the module docstring)."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(_DOCTEST.sub("", lines[i].removeprefix(indent)))
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        if _TABLE_RULE.match(line):
            indent = line[: len(line) - len(line.lstrip())]
            block, rules = [], 0
            while i < len(lines) and rules < 3:
                rules += bool(_TABLE_RULE.match(lines[i]))
                block.append(lines[i].removeprefix(indent))
                i += 1
            out += [f"{indent}```text", *(indent + b for b in block), f"{indent}```"]
            continue
        if (
            stripped
            and i + 1 < len(lines)
            and _UNDERLINE.match(lines[i + 1])
            and len(lines[i + 1].strip()) >= len(stripped)
        ):
            out.append(f"**{_ROLE.sub(_role, stripped)}**")
            i += 2
            continue
        if stripped.endswith("::"):
            head = line.rstrip()[:-2].rstrip()
            if head.strip():
                out.append(_ROLE.sub(_role, head) + ":")
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            base = len(line) - len(line.lstrip())
            block = []
            while i < len(lines) and (
                not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > base
            ):
                block.append(lines[i])
                i += 1
            while block and not block[-1].strip():
                block.pop()
            depth = min(len(b) - len(b.lstrip()) for b in block if b.strip()) if block else 0
            pad = " " * base
            out += ["", f"{pad}```python", *(pad + b[depth:] for b in block), f"{pad}```", ""]
            continue
        out.append(_ROLE.sub(_role, line))
        i += 1
    return "\n".join(out)


class LptpbDocstrings(griffe.Extension):
    """Rewrite every docstring of the loaded package as Markdown; fill protocol methods."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: object) -> None:
        if pkg.name != "lptpb_ext":
            return
        if not PUBLIC:
            PUBLIC.update(public_names())
        for implementation, protocol in PROTOCOLS.items():
            cls, proto = pkg.modules_collection[implementation], pkg.modules_collection[protocol]
            for name, member in cls.members.items():
                source = proto.members.get(name)
                if member.is_alias or source is None or source.docstring is None:
                    continue
                if member.docstring is None:
                    member.docstring = griffe.Docstring(source.docstring.value, parent=member)
        self._convert(pkg, set())

    def _convert(self, obj: griffe.Object, seen: set[str]) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
        for member in obj.members.values():
            if not member.is_alias:
                self._convert(member, seen)  # type: ignore[arg-type]


def load() -> griffe.Module:
    """``lptpb_ext`` as the API reference sees it: loaded by griffe with this extension."""
    loaded = griffe.load(
        "lptpb_ext",
        search_paths=[str(_REPO), str(_REPO / "generated")],
        extensions=griffe.load_extensions(LptpbDocstrings),
        resolve_aliases=True,
        resolve_external=False,
    )
    assert isinstance(loaded, griffe.Module)  # noqa: S101 - a package loads as a module
    return loaded


def _final(obj: griffe.Object | griffe.Alias) -> griffe.Object | griffe.Alias:
    return obj.final_target if isinstance(obj, griffe.Alias) else obj


def public_api(
    package: griffe.Module | None = None, modules: tuple[str, ...] = PUBLIC_MODULES
) -> dict[str, bool]:
    """Every public name of the API reference and whether it has a docstring.

    The names are those of ``lptpb_ext.__all__`` and ``lptpb_ext.simulator.__all__``, the
    public methods and properties (no leading underscore, not inherited) of each exported
    class, and what each exported module (``sc``, ``meta``, ``sde``) exports: whatever a reader
    calls. Data attributes and dataclass fields are described in their class's docstring.
    """
    package = package if package is not None else load()
    found: dict[str, bool] = {}
    for module_name in modules:
        module = package if module_name == package.path else package.modules_collection[module_name]
        for name in module.exports or ():
            obj = module.members[str(name)]
            target = _final(obj)
            found[f"{module_name}.{name}"] = _documented(target)
            if target.is_class or target.is_module:
                exported = set(target.exports or ()) if target.is_module else None
                for member_name, member in target.members.items():
                    if member_name.startswith("_"):
                        continue
                    if exported is not None and member_name not in exported:
                        continue
                    if target.is_class and member.is_alias:
                        continue
                    resolved = _final(member)
                    if target.is_class and not _callable(resolved):
                        continue
                    found[f"{module_name}.{name}.{member_name}"] = _documented(resolved)
    return found


def _callable(obj: griffe.Object | griffe.Alias) -> bool:
    return bool(obj.is_function or "property" in obj.labels)


def _documented(obj: griffe.Object | griffe.Alias) -> bool:
    return obj.docstring is not None and bool(obj.docstring.value.strip())
