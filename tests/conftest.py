"""Shared pytest configuration: the Hypothesis profiles.

``ci`` (the default) runs a few hundred examples per property, which is what ``make test``
budgets for; ``thorough`` runs thousands: ``pytest --hypothesis-profile thorough``.
Add ``--hypothesis-show-statistics`` to see how many examples each property ran.
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Schema-driven strategies are large and recursive; their first draws are slow to build and
# some draws are big, which is the point, not a problem to warn about.
_SLOW_SCHEMAS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=_SLOW_SCHEMAS
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=_SLOW_SCHEMAS
)
settings.load_profile("ci")
