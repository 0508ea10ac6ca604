"""Hand-written extensions for the LivePerson Third-Party Bots Public API SDK.

The raw HTTP client lives in :mod:`lptpb_client` and the pydantic models in
:mod:`lptpb_models`; both are generated from ``openapi.yaml`` (see
``generated/README.md``). This package holds the hand-written layer on top.
"""

from lptpb_ext._version import __version__

__all__ = ["__version__"]
