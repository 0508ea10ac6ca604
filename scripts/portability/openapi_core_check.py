"""Validate recorded request/response pairs against the contract with openapi-core.

Runs in the portability tool venv (``.tools/portability``, openapi-core 0.23.1, which needs an
older openapi-spec-validator than the project pins), not the project's: ``python
openapi_core_check.py --spec openapi.yaml PAIRS.jsonl...``. The pairs are what the simulator's
recorder (``lptpb_ext/simulator/_record.py``, ``LPTPB_SIM_RECORD``) wrote: one JSON object per
exchange.

What is checked, for each exchange on a path and method of the contract:

- the **response**, always: its status must be one the operation documents, its media type
  one listed for that status, its headers and body valid against the schema;
- the **request**, when the answer was 200: parameters, security (a bearer where the operation
  asks for one) and body. An exchange the simulator refused (4xx) or failed on purpose (an
  injected fault) was sent to be refused, so only its answer is held to the contract.

Exchanges on paths the contract does not have (the simulator's control API under ``/_sim``, a
test's deliberately unknown route) are counted and skipped. The contract's ``servers`` name
LivePerson's hosts; every recorded request went to the simulator, so the check matches paths
against a single server, ``http://simulator``, in place of all of them.

Prints one line per finding and a summary; exits 1 on any finding, 2 on unusable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import yaml

# openapi-core lives in the tool venv, not the project's (where mypy runs): untyped here.
from openapi_core import OpenAPI  # type: ignore[import-not-found]
from openapi_core.templating.paths.exceptions import (  # type: ignore[import-not-found]
    OperationNotFound,
    PathNotFound,
)
from openapi_core.testing import MockRequest, MockResponse  # type: ignore[import-not-found]

HOST = "http://simulator"


def load(spec_path: Path) -> OpenAPI:
    """The contract with every ``servers`` replaced by :data:`HOST`."""
    document: dict[str, Any] = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    document["servers"] = [{"url": HOST}]
    for item in document["paths"].values():
        item.pop("servers", None)
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("servers", None)
    return OpenAPI.from_dict(document)


def request_of(pair: dict[str, Any]) -> MockRequest:
    query = {k: v[-1] for k, v in parse_qs(pair["query"], keep_blank_values=True).items()}
    headers = pair.get("request_headers", {})
    content_type = headers.get("content-type", "").split(";")[0].strip()
    body = pair["body"].encode("utf-8") if pair["body"] else None
    return MockRequest(HOST, pair["method"].lower(), pair["path"], args=query,
                       headers=headers, data=body, content_type=content_type)  # fmt: skip


def response_of(pair: dict[str, Any]) -> MockResponse:
    headers = pair["headers"]
    content_type = headers.get("content-type", "").split(";")[0].strip()
    return MockResponse(pair["response_body"].encode("utf-8"), status_code=pair["status"],
                        headers=headers, content_type=content_type)  # fmt: skip


def _why(error: Exception) -> str:
    parts = [f"{type(error).__name__}: {error}"]
    for inner in getattr(error, "schema_errors", None) or []:
        where = "/".join(str(p) for p in getattr(inner, "absolute_path", []))
        parts.append(f"{where or '<body>'}: {getattr(inner, 'message', inner)}"[:300])
    cause = error.__cause__
    if cause is not None and cause is not error:
        parts.append(_why(cause) if isinstance(cause, Exception) else str(cause))
    return "; ".join(parts)[:1200]


def check(openapi: OpenAPI, pairs: list[dict[str, Any]]) -> tuple[list[str], Counter[str]]:
    """Findings (one line each) and counts of what was validated and skipped."""
    findings: list[str] = []
    counts: Counter[str] = Counter()
    for pair in pairs:
        where = f"{pair['method']} {pair['path']} -> {pair['status']}"
        request = request_of(pair)
        try:
            openapi.validate_response(request, response_of(pair))
            response_problem = None
        except (PathNotFound, OperationNotFound):
            counts["skipped (not a contract path)"] += 1
            continue
        except Exception as exc:  # every kind of finding is reported
            response_problem = exc
        counts["pairs"] += 1
        counts["responses validated"] += 1
        if response_problem is not None:
            findings.append(f"response of {where}: {_why(response_problem)}")
        if pair["status"] == 200:
            counts["requests validated"] += 1
            try:
                openapi.validate_request(request)
            except Exception as exc:  # every kind of finding is reported
                findings.append(f"request of {where}: {_why(exc)}")
    return findings, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--spec", type=Path, required=True)
    parser.add_argument("pairs", type=Path, nargs="+")
    args = parser.parse_args(argv)
    openapi = load(args.spec)
    total: Counter[str] = Counter()
    failed = False
    for path in args.pairs:
        if not path.exists():
            print(f"openapi-core: {path} missing (nothing was recorded)", file=sys.stderr)
            return 2
        pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        findings, counts = check(openapi, pairs)
        total.update(counts)
        for finding in findings:
            print(f"openapi-core: {path.name}: {finding}", file=sys.stderr)
        failed = failed or bool(findings)
        shown = ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))
        print(f"openapi-core: {path.name}: {len(findings)} finding(s); {shown}")
    if not total["pairs"]:
        print("openapi-core: no exchange on a contract path was recorded", file=sys.stderr)
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
