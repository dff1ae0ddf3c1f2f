"""Actions written briefly, for the tests of the world and of what it makes of statements."""

from __future__ import annotations

from scenarios.actions import Action


def act(at, who, kind, **params):
    """The action of role `who` of type `kind` at scenario minute `at`, with `params`."""
    return Action(at=at, role=who, type=kind, params=params)
