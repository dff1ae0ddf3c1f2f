"""Hypothesis profiles of the fuzzing suite: `ci` (the default: fixed seed, a few thousand cases) and `deep`.

Choose with HYPOTHESIS_PROFILE=deep. Neither writes an example database, so
nothing lands in the checkout; `ci` skips shrinking so that a failure costs
one case, `deep` shrinks it to a small input.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

BUDGET_SECONDS = 2.0  # what one case may take (Hypothesis' deadline)
HANG_FACTOR = 3  # past BUDGET_SECONDS * HANG_FACTOR the case is cut off, so a hang fails it instead of CI
CASE_SCALE = {"ci": 1, "deep": 10}  # how many times a target's CI number of cases each profile runs

_QUIET_HEALTH_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=_QUIET_HEALTH_CHECKS,
    print_blob=False,
)
settings.register_profile(
    "deep", derandomize=False, database=None, suppress_health_check=_QUIET_HEALTH_CHECKS, print_blob=True
)


def active_profile() -> str:
    """The profile named by HYPOTHESIS_PROFILE, `ci` if none (or an unknown one) is named."""
    name = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    return name if name in CASE_SCALE else "ci"


def load_profile() -> None:
    settings.load_profile(active_profile())


def case_count(ci_examples: int) -> int:
    """How many cases a target with `ci_examples` in CI runs under the active profile."""
    return ci_examples * CASE_SCALE[active_profile()]
