"""openapi-generator matrix for ``make portability``: four clients, compiled and round-tripped.

A receiving team takes ``openapi.yaml`` to its own stack with a generator nobody here wrote. This
module runs openapi-generator (the PyPI package ``openapi-generator-cli``, pinned in
``scripts/portability/requirements.txt``; it carries the generator's jar, run with Debian's Java)
for four languages:

==================  =====================================================================
python              pydantic client; imported and run with the portability tool venv
typescript-fetch    compiled with ``tsc --strict`` (scripts/node), run with node
go                  built with Debian's Go (``golang-go``); the client needs no module
java                ``library=native`` (Jackson), compiled with Debian's javac and Debian's
                    Jackson jars (core, databind, annotations); the client's ``JSON`` class
                    also registers ``jackson-datatype-jsr310``, which Debian does not
                    package, so its classes are taken from the generator's own jar (Jackson
                    2.22, which ships it)
==================  =====================================================================

Each generation must print no warning but the ones explained in ``EXPLAINED`` (each with its
reason); each client must compile; then a small program per language decodes every example of
the contract and every JSON example of the seed documents into the generated model of its
schema, encodes it again, and the result must equal the input as JSON. Then a second small
program per language (``fixed/``) calls ``login`` and ``getServiceDomain`` without ``v`` and
``version``, the required query parameters that allow one value only (``const``), and records
the URL the client hands to its transport (a recording transport: nothing is sent): a client
must put ``v=1.3`` / ``version=1.0`` in it unaided. python does with ``autosetConstants``; the
stock templates of typescript-fetch, go and java (native) refuse to build the request, so those
three are generated with the template overrides in ``contrib/openapi-generator/templates/``
(``-t``, as a receiving team would), which send them; go's also has its models refuse a
property's value other than its only one (``const``), which decoding the untagged
``MessageContent`` needs. ``NOT_USED`` says why an option is left off. A language whose
toolchain is missing is skipped, and says why (``.ci/run`` installs them).

Generator options, the same a receiving team would pick, each explained in ``languages()``:
``useOneOfDiscriminatorLookup`` (decode a tagged union by its ``discriminator``, as the contract
asks), ``hideGenerationTimestamp`` (reproducible output), and per language what its toolchain
needs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeAlias

import yaml

#: A decoded JSON value.
Json: TypeAlias = Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
ROUNDTRIP = HERE / "roundtrip"
FIXED = HERE / "fixed"
#: The operations whose fixed query values (``v``, ``version``) each client is asked to send.
FIXED_CALLS = ("login", "getServiceDomain")
#: openapi-generator template overrides (``-t``), by language: they send the fixed query values,
#: and go's models refuse a property's value other than its only one (``const``).
TEMPLATES = REPO / "contrib" / "openapi-generator" / "templates"
TOOLS_VENV = REPO / ".tools" / "portability"
NODE_BIN = REPO / "scripts" / "node" / "node_modules" / ".bin"
SEEDS = REPO.parent / "shared" / "seeds"
DEBIAN_JARS = ("jackson-annotations", "jackson-core", "jackson-databind")
JSR310 = "com/fasterxml/jackson/datatype/jsr310/"
GO_MODULE = "github.com/lptpb/portable"

#: Warnings openapi-generator prints for this contract, each with why it is harmless. Any other
#: warning fails the check.
EXPLAINED: dict[str, str] = {
    r"OpenAPI 3\.1 support is still in beta": (
        "the generator's notice for every OpenAPI 3.1 document, not a finding about this one"
    ),
    r"Failed to get the schema name: null": (
        "Command.result is `oneOf: [CommandResult, {type: 'null'}]`, OpenAPI 3.1's way to say "
        "nullable; the generator looks for a model name for the inline null branch and, finding "
        "none, makes the property optional and nullable, which is what it is"
    ),
    r"Codegen property is null \(e\.g\. map/dict of undefined type\)\. Default to typing\.Any": (
        "values that are any JSON on purpose (CommandData.payload, the items of "
        "CommandError.trace and ConnectorAuthenticationResponseMetadata.errors) become Any"
    ),
    r"string \(reserved word\) cannot be used as model name\. Renamed to model_string": (
        "ErrorBody.code is `type: [string, integer]`; Go models the type list as a union and "
        "renames its string branch, which Go reserves, to model_string"
    ),
    r"Ignoring complex example on request body": (
        "Java's generated documentation shows no object examples for request bodies; the "
        "examples stay in the contract and are round-tripped here"
    ),
}


#: Failures that are the generator's, not the contract's: (language, case id or "tsc: <error>")
#: -> why. Each must still fail (a fixed one fails the check until it is taken off this list),
#: and any other failure fails the check.
KNOWN: dict[tuple[str, str], str] = {}

#: Options tried for the fixed query values and left off, each with why (see ``fixed_values``).
NOT_USED: dict[str, str] = {
    "typescript-fetch autosetConstants": (
        "no effect: the generated client is the same byte for byte (the generator never calls "
        "handleConstantParams); the template override tests for a one-value parameter itself"
    ),
    "go autosetConstants": (
        "no effect: the generated client is the same byte for byte (the generator never calls "
        "handleConstantParams); the template override tests for a one-value parameter itself"
    ),
}


@dataclass
class Language:
    generator: str
    options: dict[str, str]
    why: dict[str, str]
    #: ``-t``: a directory of template overrides (``TEMPLATES``), or None for the stock ones.
    templates: Path | None = None
    result: dict[str, Any] = field(default_factory=dict)


def languages() -> dict[str, Language]:
    shared = {"useOneOfDiscriminatorLookup": "true", "hideGenerationTimestamp": "true"}
    shared_why = {
        "useOneOfDiscriminatorLookup": "decode a tagged union by its discriminator",
        "hideGenerationTimestamp": "reproducible output",
    }
    return {
        "python": Language(
            "python",
            {**shared, "packageName": "lptpb_portable", "autosetConstants": "true"},
            {
                **shared_why,
                "autosetConstants": (
                    "send the fixed query values (v=1.3, version=1.0) without the caller"
                ),
            },
        ),
        "typescript-fetch": Language(
            "typescript-fetch",
            dict(shared),
            {
                **shared_why,
                "-t": (
                    "contrib/openapi-generator/templates/typescript-fetch: the stock "
                    "apis.mustache never sends a required query parameter's only value unaided "
                    "(v=1.3, version=1.0)"
                ),
            },
            TEMPLATES / "typescript-fetch",
        ),
        "go": Language(
            "go",
            {**shared, "packageName": "lptpb", "enumClassPrefix": "true"},
            {
                **shared_why,
                "enumClassPrefix": (
                    "Go constants share one namespace: without the prefix `single` "
                    "(SelectionMode, DatePickerClass) and `large` (TextSize, DisplaySize) clash"
                ),
                "-t": (
                    "contrib/openapi-generator/templates/go: the stock api.mustache never sends a "
                    "required query parameter's only value unaided (v=1.3, version=1.0), and the "
                    "stock model_simple.mustache checks no property's only value (`const`), so "
                    "MessageContent, untagged and decoded by trying every variant, matched a "
                    "vertical layout as a horizontal one too and refused every structured message"
                ),
            },
            TEMPLATES / "go",
        ),
        "java": Language(
            "java",
            {
                **shared,
                "library": "native",
                "openApiNullable": "false",
                "useJakartaEe": "true",
                "dateLibrary": "legacy",
                "containerDefaultToNull": "true",
                "failOnUnknownProperties": "true",
                "autosetConstants": "true",
            },
            {
                **shared_why,
                "library=native": "Java 11 HttpClient and Jackson: no jar Debian lacks but jsr310",
                "openApiNullable=false": "no jackson-databind-nullable, which Debian lacks",
                "useJakartaEe": "jakarta.annotation, which Debian packages",
                "containerDefaultToNull": "an absent list stays absent instead of becoming []",
                "failOnUnknownProperties": (
                    "Jackson refuses a field a closed object does not have, so the untagged "
                    "unions' closed variants keep apart"
                ),
                "autosetConstants": (
                    "the generator takes v and version out of the methods' parameters into "
                    "constantParams, which the -t template sends"
                ),
                "-t": (
                    "contrib/openapi-generator/templates/java: the stock native api.mustache "
                    "never renders constantParams, so without it autosetConstants would leave "
                    "v and version out of the request"
                ),
            },
            TEMPLATES / "java",
        ),
    }


# ----------------------------------------------------------------------------- tools


def generator_jar() -> Path | None:
    found = sorted(TOOLS_VENV.glob("lib/python*/site-packages/openapi_generator_cli/*.jar"))
    return found[0] if found else None


def tools_python() -> Path:
    return TOOLS_VENV / "bin" / "python"


def missing_tool(language: str) -> str | None:
    """Why ``language`` cannot be compiled and run here, or None."""
    needs: dict[str, list[str]] = {
        "python": [],
        "typescript-fetch": ["node"],
        "go": ["go"],
        "java": ["java", "javac"],
    }
    absent = [tool for tool in needs[language] if shutil.which(tool) is None]
    if absent:
        return f"{', '.join(absent)} not installed (Debian: see .ci/run)"
    if language == "java":
        jars = [name for name in DEBIAN_JARS if not Path(f"/usr/share/java/{name}.jar").exists()]
        if jars:
            return f"Debian's {', '.join(jars)} jars missing (libjackson2-*-java, see .ci/run)"
    if language == "typescript-fetch" and not (NODE_BIN / "tsc").exists():
        return "tsc missing - run `make node`"
    return None


def run(argv: list[str], cwd: Path, env: Mapping[str, str] | None = None) -> tuple[int, str]:
    proc = subprocess.run(
        argv,
        cwd=cwd,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return proc.returncode, proc.stdout + proc.stderr


# ----------------------------------------------------------------------------- cases


def _resolve(spec: dict[str, Any], node: Json) -> Json:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def spec_cases(spec: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    """(id, schema name, value) for every example of every JSON body of the contract."""
    for item in spec["paths"].values():
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            bodies = [("request", op["requestBody"])] if "requestBody" in op else []
            bodies += list(op["responses"].items())
            for label, body in bodies:
                media = _resolve(spec, body).get("content", {}).get("application/json")
                if not media or "examples" not in media:
                    continue
                schema = media["schema"]["$ref"].rsplit("/", 1)[-1]
                for name, example in media["examples"].items():
                    value = _resolve(spec, example)["value"]
                    yield f"spec:{op['operationId']}:{label}:{name}", schema, value


SEED_SHAPES = [
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
#: Seed examples the newest seed retired (the contract refuses them): not round-tripped.
RETIRED = [{"ttrType": "CUSTOM", "value": "10"}]


def seed_cases() -> Iterator[tuple[str, str, Any]]:
    """(id, schema name, value) for each JSON example of the seeds, routed by shape."""
    for path in sorted(SEEDS.glob("0*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks = re.findall(r"```(?:json|javascript)\n(.*?)```", text, re.DOTALL)
        if not blocks:  # plain-text rendering: a block starts with "{" or "[" alone on a line
            blocks = re.findall(r"^([{\[]\n.*?^[}\]])$", text, re.DOTALL | re.MULTILINE)
        for index, block in enumerate(blocks):
            value = json.loads(block)
            if value in RETIRED:
                continue
            if isinstance(value, list):
                schema = "CommandList"
            else:
                schema = next(name for key, name in SEED_SHAPES if key in value)
            yield f"seed:{path.stem}:{index}", schema, value


def cases(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every case; a top-level array (CommandList) is round-tripped item by item."""
    found = []
    for case_id, schema, value in [*spec_cases(spec), *seed_cases()]:
        node = spec["components"]["schemas"][schema]
        if node.get("type") == "array":
            item = node["items"]["$ref"].rsplit("/", 1)[-1]
            found += [
                {"id": f"{case_id}[{i}]", "schema": item, "value": v} for i, v in enumerate(value)
            ]
        else:
            found.append({"id": case_id, "schema": schema, "value": value})
    return found


def free_form(spec: dict[str, Any]) -> set[str]:
    """Object schemas without properties: openapi-generator makes no model of them."""
    return {
        name
        for name, node in spec["components"]["schemas"].items()
        if node.get("type") == "object" and not node.get("properties")
    }


# ----------------------------------------------------------------------------- steps


def generate(language: Language, spec: Path, out: Path, jar: Path) -> tuple[bool, list[str], str]:
    """Generate ``out``; (ok, unexplained warnings, explained warnings as text)."""
    options = ",".join(f"{k}={v}" for k, v in language.options.items())
    argv = ["java", "-jar", str(jar), "generate", "-i", str(spec), "-g", language.generator,
            "-o", str(out), f"--additional-properties={options}"]  # fmt: skip
    if language.templates is not None:
        argv += ["-t", str(language.templates)]
    if language.generator == "go":
        argv += ["--git-host", "github.com", "--git-user-id", "lptpb", "--git-repo-id", "portable"]
    code, output = run(argv, out.parent)
    warnings = sorted({line.split(" - ", 1)[-1].strip() for line in output.splitlines()
                       if "WARN" in line or "ERROR" in line})  # fmt: skip
    unexplained = [w for w in warnings if not any(re.search(p, w) for p in EXPLAINED)]
    explained = [w for w in warnings if w not in unexplained]
    if code != 0:
        return False, [f"openapi-generator exit {code}:\n{output[-3000:]}"], ""
    return True, unexplained, "; ".join(explained)


def compile_and_run(  # noqa: PLR0911, PLR0912, PLR0915 - one straight recipe per language
    name: str, gen: Path, cases_file: Path, out_file: Path, missing: set[str]
) -> str:
    """Compile the client with the round-trip program and run it; problems as text, or ''."""
    if name == "python":
        code, output = run([str(tools_python()), "-m", "compileall", "-q", "lptpb_portable"], gen)
        if code:
            return f"compileall failed:\n{output}"
        shutil.copyfile(ROUNDTRIP / "roundtrip.py", gen / "roundtrip.py")
        code, output = run([str(tools_python()), "roundtrip.py", str(cases_file), str(out_file)],
                           gen, {"PYTHONPATH": str(gen)})  # fmt: skip
        return f"round trip failed:\n{output}" if code else ""
    if name == "typescript-fetch":
        shutil.copyfile(ROUNDTRIP / "roundtrip.ts", gen / "roundtrip.ts")
        shutil.copyfile(FIXED / "fixed.ts", gen / "fixed.ts")
        tsconfig: dict[str, Any] = {
            "compilerOptions": {
                "strict": True, "target": "es2020", "module": "commonjs", "lib": ["es2020", "dom"],
                "types": [], "outDir": "dist", "skipLibCheck": False, "noEmitOnError": False,
            },
            "files": ["index.ts", "roundtrip.ts", "fixed.ts"],
        }  # fmt: skip
        (gen / "tsconfig.json").write_text(json.dumps(tsconfig), encoding="utf-8")
        node_types = NODE_BIN.parent / "@types" / "node"
        if node_types.exists():
            tsconfig["compilerOptions"]["types"] = ["node"]
            tsconfig["compilerOptions"]["typeRoots"] = [str(node_types.parent)]
            (gen / "tsconfig.json").write_text(json.dumps(tsconfig), encoding="utf-8")
        code, output = run([str(NODE_BIN / "tsc"), "--project", "tsconfig.json"], gen)
        errors = [f"tsc: {line.strip()}" for line in output.splitlines() if "error TS" in line]
        (gen / "tsc-errors.json").write_text(json.dumps(errors), encoding="utf-8")
        if code and not errors:
            return f"tsc --strict failed:\n{output[-4000:]}"
        code, output = run(["node", "dist/roundtrip.js", str(cases_file), str(out_file)], gen)
        return f"round trip failed:\n{output}" if code else ""
    if name == "go":
        mod = gen / "go.mod"
        # Debian bookworm's Go is 1.19; the generated go.mod asks for a newer language version
        # without using any of its features.
        mod.write_text(re.sub(r"(?m)^go \d+\.\d+(\.\d+)?$", "go 1.19", mod.read_text()), "utf-8")
        env = go_env(gen)
        schemas = sorted({c["schema"] for c in json.loads(cases_file.read_text())} - missing)
        registry = "\n".join(
            f'\t"{s}": func() interface{{}} {{ return new(lptpb.{s}) }},' for s in schemas
        )
        registry += "".join(
            f'\n\t"{s}": func() interface{{}} {{ return new(map[string]interface{{}}) }},'
            for s in sorted(missing)
        )
        program = (ROUNDTRIP / "roundtrip.go.tmpl").read_text().replace("@@REGISTRY@@", registry)
        (gen / "roundtrip").mkdir(exist_ok=True)
        (gen / "roundtrip" / "main.go").write_text(program, encoding="utf-8")
        code, output = run(["go", "vet", "."], gen, env)
        if code:
            return f"go vet failed:\n{output[-4000:]}"
        code, output = run(["go", "build", "-o", "rt", "./roundtrip"], gen, env)
        if code:
            return f"go build failed:\n{output[-4000:]}"
        code, output = run(["./rt", str(cases_file), str(out_file)], gen)
        return f"round trip failed:\n{output}" if code else ""
    if name == "java":
        jsr = gen.parent / "jsr310"
        if not jsr.exists():
            jar = generator_jar()
            if jar is None:
                return "openapi-generator-cli missing"
            code, output = run(["unzip", "-q", "-o", str(jar), f"{JSR310}*", "-d", str(jsr)], gen)
            if code:
                return f"could not take jsr310 from the generator jar:\n{output}"
        classpath = java_classpath(gen)
        sources = sorted(str(p.relative_to(gen)) for p in (gen / "src" / "main").rglob("*.java"))
        shutil.copyfile(ROUNDTRIP / "RoundTrip.java", gen / "RoundTrip.java")
        shutil.copyfile(FIXED / "FixedValues.java", gen / "FixedValues.java")
        code, output = run(["javac", "-nowarn", "-encoding", "UTF-8", "-d", "classes", "-cp",
                            classpath, *sources, "RoundTrip.java", "FixedValues.java"],
                           gen)  # fmt: skip
        if code:
            return f"javac failed:\n{output[-4000:]}"
        code, output = run(["java", "-cp", classpath, "RoundTrip", str(cases_file), str(out_file)],
                           gen)  # fmt: skip
        return f"round trip failed:\n{output}" if code else ""
    raise ValueError(name)


def go_env(gen: Path) -> dict[str, str]:
    return {
        "GOFLAGS": "-mod=mod",
        "GOTOOLCHAIN": "local",
        "GOCACHE": str(gen.parent / ".gocache"),
        "GOPATH": str(gen.parent / ".gopath"),
        "CGO_ENABLED": "0",
    }


def java_classpath(gen: Path) -> str:
    jars = [f"/usr/share/java/{name}.jar" for name in DEBIAN_JARS]
    jars += ["/usr/share/java/jakarta-annotation-api.jar", str(gen.parent / "jsr310")]
    return ":".join([*jars, "classes"])


# ----------------------------------------------------------------------------- fixed values


def fixed_params(spec: dict[str, Any]) -> dict[str, dict[str, str]]:
    """operationId -> {name: value} of its required query parameters that allow one value only.

    The contract writes such a value as ``const`` (``v=1.3`` on login, ``version=1.0`` on the
    Domain API); a single-value ``enum`` counts the same.
    """
    found: dict[str, dict[str, str]] = {}
    for item in spec["paths"].values():
        shared = item.get("parameters", [])
        for op in item.values():
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            for param in (_resolve(spec, p) for p in [*shared, *op.get("parameters", [])]):
                schema = _resolve(spec, param.get("schema", {}))
                values = [schema["const"]] if "const" in schema else schema.get("enum", [])
                if param["in"] == "query" and param.get("required") and len(values) == 1:
                    found.setdefault(op["operationId"], {})[param["name"]] = str(values[0])
    return found


def run_fixed(name: str, gen: Path, out_file: Path) -> str:
    """Run the language's fixed-values program (built with the client); problems, or ''."""
    if name == "python":
        shutil.copyfile(FIXED / "fixed.py", gen / "fixed.py")
        argv, env = [str(tools_python()), "fixed.py", str(out_file)], {"PYTHONPATH": str(gen)}
    elif name == "typescript-fetch":
        argv, env = ["node", "dist/fixed.js", str(out_file)], {}
    elif name == "go":
        (gen / "fixed").mkdir(exist_ok=True)
        shutil.copyfile(FIXED / "fixed.go", gen / "fixed" / "main.go")
        code, output = run(["go", "build", "-o", "fx", "./fixed"], gen, go_env(gen))
        if code:
            return f"go build ./fixed failed:\n{output[-4000:]}"
        argv, env = ["./fx", str(out_file)], {}
    elif name == "java":
        argv, env = ["java", "-cp", java_classpath(gen), "FixedValues", str(out_file)], {}
    else:
        raise ValueError(name)
    code, output = run(argv, gen, env)
    return f"fixed values program failed:\n{output[-4000:]}" if code else ""


def fixed_outcomes(
    expected: dict[str, dict[str, str]], out_file: Path
) -> dict[str, tuple[bool, str]]:
    """``fixed:<operationId>`` -> (sent unaided, what the client did) for each of FIXED_CALLS."""
    got = json.loads(out_file.read_text(encoding="utf-8"))
    outcomes = {}
    for operation in FIXED_CALLS:
        want = expected.get(operation, {})
        answer = got.get(operation, {"error": "no answer"})
        if "url" in answer:
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(answer["url"]).query)
            sent = all(query.get(key) == [value] for key, value in want.items())
            shown = "&".join(f"{k}={v}" for k, v in want.items())
            text = (f"sends {shown} unaided" if sent
                    else f"leaves {shown} out: {answer['url']}")  # fmt: skip
        else:
            sent, text = False, f"refuses to build the request: {answer.get('error')}"
        outcomes[f"fixed:{operation}"] = (sent, text)
    return outcomes


def same_json(a: Json, b: Json) -> bool:
    """JSON equality: numbers compare by value (1 == 1.0), but a bool is never a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_json(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_json(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


def defaults(spec: dict[str, Any]) -> dict[str, list[Any]]:
    """Property name -> the ``default`` values declared for a property of that name."""
    found: dict[str, list[Any]] = {}

    def walk(node: Json) -> None:
        if isinstance(node, dict):
            for name, prop in (node.get("properties") or {}).items():
                if isinstance(prop, dict) and "default" in prop:
                    found.setdefault(name, []).append(prop["default"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec["components"]["schemas"])
    return found


def without_filled_defaults(back: Json, given: Json, known: dict[str, list[Any]]) -> Json:
    """``back`` less the members that ``given`` lacks and that hold their declared default.

    A generated model may write out a property's default that the input left out (the
    python client does for boolean defaults): the same message, as the contract says.
    """
    if isinstance(back, dict) and isinstance(given, dict):
        return {
            key: without_filled_defaults(value, given.get(key), known)
            for key, value in back.items()
            if key in given or not any(same_json(value, d) for d in known.get(key, []))
        }
    if isinstance(back, list) and isinstance(given, list) and len(back) == len(given):
        return [without_filled_defaults(b, g, known) for b, g in zip(back, given, strict=True)]
    return back


def compare(
    all_cases: list[dict[str, Any]], out_file: Path, known: dict[str, list[Any]]
) -> list[str]:
    """Cases whose round trip is not the input, with what came back."""
    got = json.loads(out_file.read_text(encoding="utf-8"))
    bad = []
    for case in all_cases:
        back = without_filled_defaults(
            got.get(case["id"], {"error": "no answer"}), case["value"], known
        )
        if not same_json(back, case["value"]):
            shown = json.dumps(back)[:300]
            bad.append(f"{case['id']} ({case['schema']}): {shown}")
    return bad


def check(  # noqa: PLR0912, PLR0915 - one pass per language, reported as it goes
    spec: Path, out: Path, only: list[str] | None = None
) -> tuple[list[str], dict[str, Any]]:
    """Run the matrix into ``out``; (problems, per-language report)."""
    jar = generator_jar()
    if jar is None or shutil.which("java") is None:
        why = "openapi-generator-cli missing" if jar is None else "java missing"
        return [f"openapi-generator: {why} - run `make portability-tools` / .ci/run"], {}
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    all_cases = cases(document)
    cases_file = out / "cases.json"
    cases_file.write_text(json.dumps(all_cases), encoding="utf-8")
    missing = free_form(document)
    problems: list[str] = []
    report: dict[str, Any] = {}
    for name, language in languages().items():
        if only and name not in only:
            continue
        started = time.monotonic()
        gen = out / name
        shutil.rmtree(gen, ignore_errors=True)
        entry: dict[str, Any] = {"options": language.options, "why": language.why}
        if language.templates is not None:
            entry["templates"] = str(language.templates.relative_to(REPO))
        entry["not_used"] = {k: v for k, v in NOT_USED.items() if k.startswith(f"{name} ")}
        ok, unexplained, explained = generate(language, spec.resolve(), gen, jar)
        entry["warnings_unexplained"] = unexplained
        entry["warnings_explained"] = explained
        problems += [f"{name}: generator: {w}" for w in unexplained]
        skipped = missing_tool(name)
        if not ok:
            entry["compile"] = "not generated"
        elif skipped:
            entry["compile"] = f"SKIPPED: {skipped}"
            entry["skipped"] = skipped
        else:
            failure = compile_and_run(name, gen, cases_file, out / f"{name}.out.json", missing)
            entry["compile"] = "FAILED" if failure else "OK"
            if failure:
                problems.append(f"{name}: {failure}")
            else:
                bad = compare(all_cases, out / f"{name}.out.json", defaults(document))
                errors_file = gen / "tsc-errors.json"
                compile_errors = json.loads(errors_file.read_text()) if errors_file.exists() else []
                if compile_errors:
                    entry["compile"] = f"FAILED ({len(compile_errors)} error(s), JavaScript run)"
                entry["roundtrip"] = f"{len(all_cases) - len(bad)}/{len(all_cases)}"
                failed = {b.split(" ", 1)[0]: b for b in bad}
                failed.update({e: e for e in compile_errors})
                entry["known_failures"] = {
                    key: why for (lang, key), why in KNOWN.items() if lang == name and key in failed
                }
                for key, text in failed.items():
                    if (name, key) not in KNOWN:
                        problems.append(f"{name}: {text}")
                failure = run_fixed(name, gen, out / f"{name}.fixed.json")
                if failure:
                    problems.append(f"{name}: {failure}")
                    failed.update({f"fixed:{op}": failure for op in FIXED_CALLS})
                else:
                    outcomes = fixed_outcomes(fixed_params(document), out / f"{name}.fixed.json")
                    entry["fixed_values"] = {key: text for key, (_, text) in outcomes.items()}
                    entry["fixed_values_unaided"] = sum(sent for sent, _ in outcomes.values())
                    for key, (sent, text) in outcomes.items():
                        if not sent:
                            failed[key] = text
                            if (name, key) in KNOWN:
                                entry["known_failures"][key] = KNOWN[(name, key)]
                            else:
                                problems.append(f"{name}: {key}: {text}")
                for lang, key in KNOWN:
                    if lang == name and key not in failed:
                        problems.append(
                            f"{name}: known failure passes now, drop it from KNOWN: {key}"
                        )
        entry["seconds"] = round(time.monotonic() - started, 1)
        report[name] = entry
    (out / "matrix.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return problems, report
