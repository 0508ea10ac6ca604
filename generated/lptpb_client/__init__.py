"""A client library for accessing LivePerson Third-Party Bots Public API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
