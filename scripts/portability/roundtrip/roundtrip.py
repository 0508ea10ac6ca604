"""Round trip for openapi-generator's python client: decode every case, encode it again.

Reads ``cases.json`` (a list of ``{"id", "schema", "value"}``) and writes ``out.json``
(``{id: re-encoded value}`` or ``{id: {"error": text}}``). Run with the generated package on
``sys.path``: ``python roundtrip.py CASES OUT``.
"""

import json
import sys
from pathlib import Path

from lptpb_portable import models  # type: ignore[import-not-found]


def main() -> None:
    out: dict[str, object] = {}
    cases = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    for case in cases:
        try:
            model = getattr(models, case["schema"], None)
            if model is None:  # a free-form object: the client takes and gives a dict
                out[case["id"]] = json.loads(json.dumps(dict(case["value"])))
                continue
            decoded = model.from_json(json.dumps(case["value"]))
            out[case["id"]] = json.loads(decoded.to_json())
        except Exception as exc:
            out[case["id"]] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
    Path(sys.argv[2]).write_text(json.dumps(out), encoding="utf-8")


main()
