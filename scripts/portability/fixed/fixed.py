"""Fixed query values, python client: call ``login`` and ``getServiceDomain`` without ``v`` or
``version`` and write the URL each call hands to the transport (nothing is sent).

Usage: ``python fixed.py OUT`` with the generated package on ``sys.path``; ``OUT`` gets
``{operationId: {"url": text} or {"error": text}}``.
"""

import json
import sys
from collections.abc import Callable
from pathlib import Path

import lptpb_portable as client  # type: ignore[import-not-found]

LOGIN = {"authType": "USER_PASS", "credentials": {"username": "u", "password": "p"}}


class RecordedError(Exception):
    """Raised in place of sending: the URL is all the check needs."""


def main() -> None:
    api_client = client.ApiClient(client.Configuration(host="http://127.0.0.1:9"))
    urls: list[str] = []

    def record(method: str, url: str, *args: object, **kwargs: object) -> None:
        urls.append(url)
        raise RecordedError(url)

    api_client.call_api = record
    calls: dict[str, Callable[[], object]] = {
        "login": lambda: client.AuthenticationApi(api_client).login(
            account_id="123", login_request=client.LoginRequest.from_dict(LOGIN)
        ),
        "getServiceDomain": lambda: client.DomainApi(api_client).get_service_domain(
            account_id="123", service_name="thirdPartyBots"
        ),
    }
    out: dict[str, dict[str, str]] = {}
    for name, call in calls.items():
        urls.clear()
        try:
            call()
            out[name] = {"error": "no request built"}
        except RecordedError:
            out[name] = {"url": urls[-1]}
        except Exception as exc:
            out[name] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
    Path(sys.argv[1]).write_text(json.dumps(out), encoding="utf-8")


if __name__ == "__main__":
    main()
