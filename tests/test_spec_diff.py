"""`make spec-diff`: the breaking-change gate, on the real contract with deliberate edits."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests import spec as oas

Doc = dict[str, Any]
Proc = subprocess.CompletedProcess[str]
TTR = "/api/v1/account/{accountId}/conversation/{conversationId}/ttr"
MESSAGES = "/api/v1/account/{accountId}/conversation/{conversationId}/messages"
GIT = shutil.which("git")
GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}
# The real contract's version, and the versions the edits below bump it to.
CURRENT = str(oas.spec()["info"]["version"])
_MAJOR, _MINOR = (int(part) for part in CURRENT.split(".")[:2])
NEXT_MAJOR = f"{_MAJOR + 1}.0.0"
NEXT_MINOR = f"{_MAJOR}.{_MINOR + 1}.0"
CHANGELOG_1 = f"# Changelog\n\n## [{CURRENT}] - 2026-11-21\n\n- Initial release.\n"
CHANGELOG_2 = (
    f"# Changelog\n\n## [{NEXT_MAJOR}] - 2026-12-01\n\n- Removed `URGENT`.\n\n"
    f"## [{CURRENT}] - 2026-11-21\n\n- Initial release.\n"
)


@functools.cache
def script() -> ModuleType:
    path = oas.ROOT / "scripts" / "spec_diff.py"
    loaded = importlib.util.spec_from_file_location("lptpb_spec_diff", path)
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[loaded.name] = module  # dataclasses look their module up while being created
    loaded.loader.exec_module(module)
    return module


def contract() -> Doc:
    return copy.deepcopy(oas.spec())


def schemas(doc: Doc) -> dict[str, Doc]:
    return doc["components"]["schemas"]


def edited(edit: Callable[[Doc], object]) -> Doc:
    doc = contract()
    edit(doc)
    return doc


def changes(edit: Callable[[Doc], object]) -> list[Any]:
    return script().compare(contract(), edited(edit))


def remove_urgent(doc: Doc) -> None:
    schemas(doc)["TtrType"]["enum"].remove("URGENT")


def write(folder: Path, doc: Doc, changelog: str = CHANGELOG_1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "openapi.yaml"
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")  # JSON is YAML, and fast
    (folder / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    return path


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> Proc:
    """Run a fixed tool (python, git, make) from the test's own argv."""
    return subprocess.run(argv, cwd=cwd, env=env, check=False, capture_output=True, text=True)  # noqa: S603


def spec_diff(cwd: Path, *args: str) -> Proc:
    return run([sys.executable, str(oas.ROOT / "scripts" / "spec_diff.py"), *args], cwd)


def run_gate(tmp_path: Path, new: Doc, changelog: str = CHANGELOG_1) -> tuple[int, str]:
    base = write(tmp_path / "base", contract())
    spec = write(tmp_path / "new", new, changelog)
    proc = spec_diff(tmp_path, "--spec", str(spec), "--base-file", str(base))
    return proc.returncode, proc.stdout + proc.stderr


def test_the_contract_compared_with_itself_has_no_changes() -> None:
    """An unchanged contract yields no changes at all, breaking or not."""
    assert script().compare(contract(), contract()) == []


def test_removing_an_enum_value_fails_the_gate(tmp_path: Path) -> None:
    """The issue's acceptance check: dropping `URGENT` from TtrType fails the CLI with exit 1."""
    code, out = run_gate(tmp_path, edited(remove_urgent))
    assert code == 1, out
    assert "[request] components.schemas.TtrType: enum value 'URGENT' removed" in out
    assert "1 breaking change(s) not acknowledged" in out


def rename_operation(doc: Doc) -> None:
    doc["paths"][TTR]["post"]["operationId"] = "setTimeToResponse"


def drop_ttl_parameter(doc: Doc) -> None:
    doc["paths"][TTR]["parameters"] = doc["paths"][TTR]["parameters"][:2]


def add_required_request_field(doc: Doc) -> None:
    join = schemas(doc)["JoinConversationRequest"]
    join["properties"]["reason"] = {"type": "string"}
    join["required"].append("reason")


def change_status_code(doc: Doc) -> None:
    responses = doc["paths"][TTR]["post"]["responses"]
    responses["202"] = responses.pop("200")


def reorder_error_media_types(doc: Doc) -> None:
    content = doc["components"]["responses"]["BadRequest"]["content"]
    doc["components"]["responses"]["BadRequest"]["content"] = dict(reversed(content.items()))


def rename_ttr_type(doc: Doc) -> None:
    schemas(doc)["TimeToResponseType"] = schemas(doc).pop("TtrType")
    ttr_type = schemas(doc)["SetTtrRequest"]["properties"]["ttrType"]
    ttr_type["$ref"] = "#/components/schemas/TimeToResponseType"


BREAKING: dict[str, tuple[Callable[[Doc], object], str, str]] = {
    "operation removed": (
        lambda d: d["paths"].pop(TTR),
        "setTtr",
        "operation removed (POST /api/v1/account/{}/conversation/{}/ttr)",
    ),
    "operationId renamed": (
        rename_operation,
        "setTtr",
        "operationId renamed from setTtr to setTimeToResponse",
    ),
    "parameter removed": (
        drop_ttl_parameter,
        "setTtr query parameter ttl",
        "parameter removed or renamed",
    ),
    "request property removed": (
        lambda d: schemas(d)["JoinConversationRequest"]["properties"].pop("agentMessage"),
        "components.schemas.JoinConversationRequest",
        "property agentMessage removed",
    ),
    "response property removed": (
        lambda d: schemas(d)["Command"]["properties"].pop("state"),
        "components.schemas.Command",
        "property state removed",
    ),
    "new required request field": (
        add_required_request_field,
        "components.schemas.JoinConversationRequest",
        "required property reason added",
    ),
    "optional request field made required": (
        lambda d: schemas(d)["JoinConversationRequest"]["required"].append("agentMessage"),
        "components.schemas.JoinConversationRequest",
        "property agentMessage is now required",
    ),
    "maxLength narrowed": (
        lambda d: schemas(d)["EncodedMetadata"].__setitem__("maxLength", 4096),
        "components.schemas.EncodedMetadata",
        "maxLength changed from 5120 to 4096",
    ),
    "maximum narrowed": (
        lambda d: d["components"]["parameters"]["Ttl"]["schema"].__setitem__("maximum", 60),
        "components.parameters.Ttl",
        "maximum changed from 120 to 60",
    ),
    "request type narrowed": (
        lambda d: schemas(d)["MessageContext"]["properties"]["confidenceScore"].__setitem__(
            "type", "integer"
        ),
        "components.schemas.MessageContext.confidenceScore",
        "type changed from number to integer",
    ),
    "status code changed (old one gone)": (
        change_status_code,
        "setTtr response 200",
        "status code removed",
    ),
    "status code changed (new success)": (
        change_status_code,
        "setTtr response 202",
        "success status code added",
    ),
    "response enum widened": (
        lambda d: schemas(d)["CommandState"]["enum"].append("expired"),
        "components.schemas.CommandState",
        "enum value 'expired' added",
    ),
    "response field no longer required": (
        lambda d: schemas(d)["Command"]["required"].remove("state"),
        "components.schemas.Command",
        "property state is no longer required",
    ),
    "discriminator value removed": (
        lambda d: schemas(d)["MessageMetadata"]["discriminator"]["mapping"].pop("ExternalId"),
        "components.schemas.MessageMetadata",
        "discriminator value 'ExternalId' removed",
    ),
    "union variant removed": (
        lambda d: schemas(d)["MessageItem"]["oneOf"].pop(1),
        "components.schemas.MessageItem",
        "oneOf variant components.schemas.PauseMessage removed",
    ),
    "limit extension narrowed": (
        lambda d: schemas(d)["StructuredContentMessage"]["properties"]["structuredContent"][
            "x-lptpb-limits"
        ].__setitem__("maxSerializedBytes", 10000),
        "components.schemas.StructuredContentMessage.structuredContent",
        "x-lptpb-limits.maxSerializedBytes changed from 15000 to 10000",
    ),
    "first error media type changed": (
        reorder_error_media_types,
        "components.responses.BadRequest",
        "first media type changed from text/plain to application/json",
    ),
    "component schema renamed": (
        rename_ttr_type,
        "components.schemas.TtrType",
        "component removed",
    ),
}


@pytest.mark.parametrize("case", BREAKING)
def test_each_kind_of_breaking_edit_is_reported_as_breaking(case: str) -> None:
    """Each deliberate breaking edit to the real contract shows up as a breaking change."""
    edit, where, what = BREAKING[case]
    found = {(c.where, c.what) for c in changes(edit) if c.breaking}
    assert (where, what) in found, sorted(found)


def add_operation(doc: Doc) -> None:
    doc["paths"]["/api/v1/account/{accountId}/health"] = {
        "get": {
            "operationId": "getHealth",
            "summary": "Health",
            "parameters": [{"$ref": "#/components/parameters/AccountId"}],
            "responses": {"200": {"description": "Up."}},
        }
    }


def add_optional_query_parameter(doc: Doc) -> None:
    doc["paths"][MESSAGES]["post"]["parameters"] = [
        {"name": "trace", "in": "query", "required": False, "schema": {"type": "boolean"}}
    ]


ADDITIVE: dict[str, Callable[[Doc], object]] = {
    "operation added": add_operation,
    "optional query parameter added": add_optional_query_parameter,
    "optional request property added": lambda d: schemas(d)["JoinConversationRequest"][
        "properties"
    ].__setitem__("reason", {"type": "string"}),
    "request enum value added": lambda d: schemas(d)["TtrType"]["enum"].append("CUSTOM"),
    "request maximum relaxed": lambda d: d["components"]["parameters"]["Ttl"]["schema"].__setitem__(
        "maximum", 300
    ),
    "request maxLength relaxed": lambda d: schemas(d)["EncodedMetadata"].__setitem__(
        "maxLength", 8192
    ),
    "response property added": lambda d: schemas(d)["Command"]["properties"].__setitem__(
        "createdAt", {"type": "integer"}
    ),
    "error status added": lambda d: d["paths"][TTR]["post"]["responses"].__setitem__(
        "507", {"$ref": "#/components/responses/ServerError"}
    ),
    "operation deprecated": lambda d: d["paths"][TTR]["post"].__setitem__("deprecated", True),
}


@pytest.mark.parametrize("case", ADDITIVE)
def test_additive_edits_are_reported_but_not_breaking(case: str) -> None:
    """Additive edits are listed as changes, and none of them counts as breaking."""
    found = changes(ADDITIVE[case])
    assert found, "the edit must be reported"
    assert [c for c in found if c.breaking] == []


def bump(doc: Doc, version: str) -> Doc:
    doc["info"]["version"] = version
    return doc


def test_a_major_bump_with_a_changelog_entry_acknowledges_a_breaking_change(
    tmp_path: Path,
) -> None:
    """A new major info.version plus its changelog section lets the breaking edit pass."""
    code, out = run_gate(tmp_path, bump(edited(remove_urgent), NEXT_MAJOR), CHANGELOG_2)
    assert code == 0, out
    assert "enum value 'URGENT' removed" in out
    assert "spec-diff: OK (1 breaking, 0 non-breaking)" in out


def test_a_major_bump_without_a_changelog_entry_is_not_enough(tmp_path: Path) -> None:
    """The version bump alone does not acknowledge: the changelog must say what changed."""
    code, out = run_gate(tmp_path, bump(edited(remove_urgent), NEXT_MAJOR), CHANGELOG_1)
    assert code == 1, out
    assert f'CHANGELOG.md has no "## [{NEXT_MAJOR}]" section' in out


def test_a_minor_bump_does_not_acknowledge_a_breaking_change(tmp_path: Path) -> None:
    """A breaking change needs a new major version; a minor one with a changelog still fails."""
    log = CHANGELOG_2.replace(NEXT_MAJOR, NEXT_MINOR)
    code, out = run_gate(tmp_path, bump(edited(remove_urgent), NEXT_MINOR), log)
    assert code == 1, out
    assert f"needs a new major version over {CURRENT}" in out


@pytest.mark.parametrize(
    ("version", "message"),
    [("0.9.0", f"went backwards, from {CURRENT} to 0.9.0"), ("2.0", "is not semantic versioning")],
)
def test_a_version_must_be_semver_and_must_not_go_backwards(
    tmp_path: Path, version: str, message: str
) -> None:
    """A malformed or lower info.version fails the gate even without schema changes."""
    log = CHANGELOG_1 + f"\n## [{version}]\n\n- x\n"
    code, out = run_gate(tmp_path, bump(contract(), version), log)
    assert code == 1, out
    assert message in out


def test_semver_rules_for_acknowledgement() -> None:
    """Major bumps acknowledge; in 0.y.z a minor bump does; pre-releases sort before releases."""
    version = script().Version.parse
    assert version("2.0.0").is_major_bump_from(version("1.4.2"))
    assert version("2.0.0-rc.1").is_major_bump_from(version("1.4.2"))
    assert not version("1.5.0").is_major_bump_from(version("1.4.2"))
    assert version("0.3.0").is_major_bump_from(version("0.2.9"))
    assert not version("0.2.10").is_major_bump_from(version("0.2.9"))
    assert version("2.0.0-rc.1").key() < version("2.0.0").key()
    assert version("2.0.0-rc.2").key() < version("2.0.0-rc.10").key()
    assert version("v1.0.0") is None


def test_an_empty_changelog_section_does_not_count() -> None:
    """A bare `## [2.0.0]` heading with nothing under it is not a changelog entry."""
    has = script().changelog_has
    assert has(CHANGELOG_2, NEXT_MAJOR)
    assert not has("# Changelog\n\n## [2.0.0]\n\n## [1.0.0]\n\n- x\n", "2.0.0")
    assert not has(CHANGELOG_2, "2.0")


# --------------------------------------------------------------------- git entry point
def git(repo: Path, *args: str) -> str:
    assert GIT is not None
    proc = run([GIT, *args], repo, env={**os.environ, **GIT_ENV})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def commit(repo: Path, doc: Doc, message: str, changelog: str = CHANGELOG_1) -> None:
    write(repo, doc, changelog)
    git(repo, "add", "openapi.yaml", "CHANGELOG.md")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if GIT is None:
        pytest.skip("git is not installed")
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    commit(path, contract(), "contract 1.0.0")
    return path


def gate(repo: Path, *extra: str) -> tuple[int, str, str]:
    proc = spec_diff(repo, "--spec", str(repo / "openapi.yaml"), *extra)
    return proc.returncode, proc.stdout, proc.stderr


def test_default_base_is_the_previous_release_tag(repo: Path) -> None:
    """With a contract-v tag, the gate compares with it, so an older breaking commit still fails."""
    git(repo, "tag", "contract-v1.0.0")
    commit(repo, edited(remove_urgent), "drop URGENT")
    (repo / "README").write_text("unrelated\n")
    git(repo, "add", "README")
    git(repo, "commit", "-q", "-m", "unrelated change after the breaking one")
    code, out, err = gate(repo)
    assert code == 1, out + err
    assert "the previous release tag contract-v1.0.0" in out
    assert "enum value 'URGENT' removed" in out


def test_default_base_without_tags_is_the_parent_commit(repo: Path) -> None:
    """Without a release tag the parent commit is the base, and a breaking edit there fails."""
    commit(repo, edited(remove_urgent), "drop URGENT")
    code, out, err = gate(repo)
    assert code == 1, out + err
    assert "HEAD~1, the parent commit" in out


def test_a_tag_on_head_itself_is_not_its_own_base(repo: Path) -> None:
    """A release commit is compared with the release before it, not with itself."""
    git(repo, "tag", "contract-v1.0.0")
    commit(repo, bump(edited(remove_urgent), NEXT_MAJOR), "release", CHANGELOG_2)
    git(repo, "tag", f"contract-v{NEXT_MAJOR}")
    code, out, err = gate(repo)
    assert code == 0, out + err
    assert "the previous release tag contract-v1.0.0" in out
    assert "OK (1 breaking, 0 non-breaking)" in out


def test_a_first_commit_has_nothing_to_compare_and_says_so(repo: Path) -> None:
    """On the very first commit the gate passes and states that there was no base."""
    code, out, _ = gate(repo)
    assert code == 0
    assert "HEAD is the first commit" in out


def test_a_shallow_clone_passes_and_says_why(repo: Path, tmp_path: Path) -> None:
    """A depth-1 clone has no parent to read; the gate says so instead of crashing."""
    commit(repo, edited(remove_urgent), "drop URGENT")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    code, out, _ = gate(shallow)
    assert code == 0
    assert "a shallow clone without HEAD's parent" in out


def test_an_unknown_base_is_an_error(repo: Path) -> None:
    """An explicit BASE that git cannot resolve exits 2 rather than passing silently."""
    code, _, err = gate(repo, "--base", "no-such-ref")
    assert code == 2
    assert "git cannot resolve BASE 'no-such-ref'" in err


def test_make_spec_diff_runs_the_gate_against_base(repo: Path) -> None:
    """`make spec-diff BASE=...` is wired to the script and fails on an unacknowledged break."""
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    write(repo, edited(remove_urgent))  # uncommitted edit in the work tree, as a developer has
    spec, log = repo / "openapi.yaml", repo / "CHANGELOG.md"
    argv = [make, "-s", "--no-print-directory", "spec-diff", "BASE=HEAD"]
    proc = run([*argv, f"SPEC={spec}", f"CHANGELOG={log}"], oas.ROOT)
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "enum value 'URGENT' removed" in proc.stdout
