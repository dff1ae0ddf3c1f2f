"""What statements say: speak only on verified facts and never repeat the rumour (`verified_facts_only`).

Reads the `analysis` the world attached to each press-facing act
(`sim.statements.analyse_statement`): `claims` are false claims the text repeats,
`unverified_facts` the facts it used, or leaned on, before they were known
(`unverified_claims` says which denial or safety assurance leaned on them).

The score is not a share of clean statements, so faults are not diluted by the
clean ones that follow: an official repetition of the rumour fails the rule
outright (0 points), and each statement said before its facts were known keeps
only `unverified_keeps` of the points (one: half, two: a quarter). Verdicts name
facts and claims by their human labels, never by their ids.
"""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.texts import Text
from scoring.card import Verdict
from scenarios.figures import format_t
from scoring.context import ScoringContext, Statement, evidence_of
from scoring.rules.base import Rule, RuleParamError, capped, count_en, join, of_en
from scenarios.item_names import claim_label, fact_label

SHOWN_FAULTS = 3


def _quoted(label: Mapping[str, str | None], lang: str) -> str:
    return f"“{label[lang]}”"


def _notes(context: ScoringContext, statement: Statement) -> tuple[list[str], list[str], bool]:
    """What is wrong with one statement, in Vietnamese and English, and whether it repeats the rumour."""
    analysis, scenario = statement.analysis, context.scenario
    claims = [claim_label(scenario, c) for c in analysis.get("claims") or []]
    leaned = {f for c in analysis.get("unverified_claims") or [] for f in c.get("facts") or []}
    used = [
        fact_label(scenario, f)
        for f in analysis.get("unverified_facts") or []
        if f in (analysis.get("facts") or []) or f not in leaned
    ]
    vi, en = [], []
    if claims:
        vi.append("nhắc lại tin sai " + join([_quoted(c, "vi") for c in claims], "vi"))
        en.append("repeated the false claim " + join([_quoted(c, "en") for c in claims], "en"))
    if used:
        vi.append("dùng thông tin chưa xác minh " + join([_quoted(f, "vi") for f in used], "vi"))
        en.append("used the unverified fact " + join([_quoted(f, "en") for f in used], "en"))
    for claim in analysis.get("unverified_claims") or []:
        grounds = [fact_label(scenario, f) for f in claim.get("facts") or []]
        before_vi = " hoặc ".join(_quoted(f, "vi") for f in grounds)
        before_en = " or ".join(_quoted(f, "en") for f in grounds)
        if claim.get("kind") == "denial":
            label = claim_label(scenario, claim.get("claim", ""))
            vi.append(f"bác bỏ tin {_quoted(label, 'vi')} khi chưa xác minh {before_vi}")
            en.append(f"denied {_quoted(label, 'en')} before {before_en} was verified")
        else:
            vi.append(f"khẳng định an toàn (“{claim.get('quote', '')}”) khi chưa xác minh {before_vi}")
            en.append(f"gave a safety assurance (“{claim.get('quote', '')}”) before {before_en} was verified")
    return vi, en, bool(claims)


class VerifiedFactsOnly(Rule):
    """No statement repeats a false claim (else 0) or says what is not yet known (each such statement costs)."""

    name = "verified_facts_only"
    title = Text("Chỉ phát ngôn trên thông tin đã xác minh", "Speaking only on verified facts")
    defaults = {"unverified_keeps": 0.5}

    def check(self) -> None:
        if not 0 <= self.params["unverified_keeps"] < 1:
            raise RuleParamError(
                f"parameter 'unverified_keeps' must be at least 0 and below 1, got {self.params['unverified_keeps']!r}"
            )

    def judge(self, context: ScoringContext) -> Verdict:
        statements = context.statements
        if not statements:
            return Verdict(
                0.0,
                Text(
                    "Không có phát ngôn nào với báo chí, nên không có thông tin đã xác minh nào được công bố.",
                    "Nobody spoke to the press, so no verified fact was ever given.",
                ),
            )
        faults: dict[str, list[str]] = {"vi": [], "en": []}
        evidence = []
        bad = repeats = 0
        for statement in statements:
            notes_vi, notes_en, repeated = _notes(context, statement)
            if not notes_vi:
                continue
            bad, repeats = bad + 1, repeats + repeated
            if len(faults["vi"]) < SHOWN_FAULTS:
                faults["vi"].append(f"lúc {format_t(statement.t)} {' và '.join(notes_vi)}")
                faults["en"].append(f"at {format_t(statement.t)} {' and '.join(notes_en)}")
            evidence.append(evidence_of(statement.event, "; ".join(notes_en)))
        total = len(statements)
        if not bad:
            return Verdict(
                1.0,
                Text(
                    f"Cả {total} lần phát ngôn chỉ dùng thông tin đã được xác minh và không nhắc lại tin đồn sai.",
                    f"{count_en(total, 'statement').capitalize()} used only verified facts and repeated no false claim.",
                ),
                capped([evidence_of(s.event) for s in statements]),
            )
        more_vi = f" (và {bad - SHOWN_FAULTS} lần khác)" if bad > SHOWN_FAULTS else ""
        more_en = f" (and {bad - SHOWN_FAULTS} more)" if bad > SHOWN_FAULTS else ""
        found_vi = f"{bad}/{total} lần phát ngôn có sai sót: {join(faults['vi'], 'vi')}{more_vi}."
        found_en = f"{of_en(bad, total, 'statement')} faulty: {join(faults['en'], 'en')}{more_en}."
        if repeats:
            return Verdict(
                0.0,
                Text(
                    f"{found_vi} Phát ngôn chính thức nhắc lại tin đồn là không đạt, dù các lần khác đúng.",
                    f"{found_en} An official statement that repeats the rumour fails the rule, whatever the others said.",
                ),
                capped(evidence),
            )
        keeps = self.params["unverified_keeps"]
        return Verdict(
            keeps**bad,
            Text(
                f"{found_vi} Mỗi lần phát ngôn khi chưa xác minh chỉ giữ {keeps:.0%} số điểm; "
                "các lần phát ngôn đúng sau đó không bù lại.",
                f"{found_en} Each statement made before verification keeps only "
                f"{keeps:.0%} of the points; clean statements after it do not make up "
                "for it.",
            ),
            capped(evidence),
        )
