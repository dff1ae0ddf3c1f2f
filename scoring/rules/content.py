"""What statements say: speak only on verified facts and never repeat the rumour (`verified_facts_only`).

Reads the `analysis` the world attached to each press-facing act
(`sim.statements.analyse_statement`): `unverified_facts` are facts used before
verification returned them, `claims` are false claims the text repeats.
"""

from __future__ import annotations

from scoring.card import Text, Verdict, format_t
from scoring.context import ScoringContext, Statement, evidence_of
from scoring.rules.base import Rule, capped, count_en, join, of_en, share


def _problems(statement: Statement) -> tuple[list[str], list[str]]:
    analysis = statement.analysis
    return list(analysis.get("claims") or []), list(analysis.get("unverified_facts") or [])


class VerifiedFactsOnly(Rule):
    """No statement uses an unverified fact or repeats a false claim; share of clean statements."""

    name = "verified_facts_only"
    title = Text("Chỉ phát ngôn trên thông tin đã xác minh", "Speaking only on verified facts")

    def judge(self, context: ScoringContext) -> Verdict:
        statements = context.statements
        if not statements:
            return Verdict(0.0, Text("Không có phát ngôn nào với báo chí, nên không có thông tin đã xác minh nào được "
                                     "công bố.", "Nobody spoke to the press, so no verified fact was ever given."))
        faults, evidence = {"vi": [], "en": []}, []
        bad = 0
        for statement in statements:
            claims, unverified = _problems(statement)
            if not claims and not unverified:
                continue
            bad += 1
            notes_vi, notes_en = [], []
            if claims:
                notes_vi.append("nhắc lại tin sai " + ", ".join(f"'{c}'" for c in claims))
                notes_en.append("repeated the false claim(s) " + ", ".join(f"'{c}'" for c in claims))
            if unverified:
                notes_vi.append("dùng thông tin chưa xác minh " + ", ".join(f"'{f}'" for f in unverified))
                notes_en.append("used unverified fact(s) " + ", ".join(f"'{f}'" for f in unverified))
            if len(faults["vi"]) < 3:
                faults["vi"].append(f"lúc {format_t(statement.t)} {' và '.join(notes_vi)}")
                faults["en"].append(f"at {format_t(statement.t)} {' and '.join(notes_en)}")
            evidence.append(evidence_of(statement.event, "; ".join(notes_en)))
        total = len(statements)
        if not bad:
            return Verdict(1.0, Text(f"Cả {total} lần phát ngôn chỉ dùng thông tin đã được xác minh và không nhắc lại "
                                     "tin đồn sai.",
                                     f"{count_en(total, 'statement').capitalize()} used only verified facts and repeated no false claim."),
                           capped([evidence_of(s.event) for s in statements]))
        more_vi = f" (và {bad - 3} lần khác)" if bad > 3 else ""
        more_en = f" (and {bad - 3} more)" if bad > 3 else ""
        return Verdict(
            share(total - bad, total),
            Text(f"{bad}/{total} lần phát ngôn có sai sót: {join(faults['vi'], 'vi')}{more_vi}.",
                 f"{of_en(bad, total, 'statement')} faulty: {join(faults['en'], 'en')}{more_en}."),
            capped(evidence),
        )
