"""One shape several procedure-part rules share: every target item got the action meant for it.

`targets_handled` counts, for each target delivery, whether an accepted action of a type naming
it (in `param`) came after it, and words the verdict in both languages with the evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from scenarios.texts import Text
from scoring.card import Verdict
from scoring.context import Event, ScoringContext, evidence_of
from scoring.rules.base import capped, items_at, share


def handled_by(context: ScoringContext, delivery: Event, action_type: str, param: str) -> Event | None:
    """The first accepted `action_type` naming the delivered item in `param`, after its delivery."""
    item = delivery.get("inject")
    return next(
        (
            a
            for a in context.actions.get(action_type, [])
            if a["seq"] > delivery["seq"] and (a.get("params") or {}).get(param) == item
        ),
        None,
    )


def targets_handled(
    context: ScoringContext, targets: Sequence[Event], action_type: str, param: str, what: Text, done: Text, none: Text
) -> Verdict:
    """The share of `targets` handled by `action_type`; `what` names a target, `done` the act, `none` an empty list."""
    if not targets:
        return Verdict(1.0, none)
    evidence, missing = [], []
    for delivery in targets:
        evidence.append(evidence_of(delivery))
        act = handled_by(context, delivery, action_type, param)
        if act is None:
            missing.append(delivery)
        else:
            evidence.append(evidence_of(act))
    names = {lang: items_at(context, missing[:4], lang) for lang in ("vi", "en")}
    if not missing:
        return Verdict(
            1.0,
            Text(f"Cả {len(targets)} {what.vi} đều đã được {done.vi}.", f"All {len(targets)} {what.en} were {done.en}."),
            capped(evidence),
        )
    return Verdict(
        share(len(targets) - len(missing), len(targets)),
        Text(
            f"{len(missing)}/{len(targets)} {what.vi} chưa được {done.vi}: {names['vi']}.",
            f"{len(missing)} of {len(targets)} {what.en} not {done.en}: {names['en']}.",
        ),
        capped(evidence),
    )
