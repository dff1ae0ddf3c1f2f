"""The heading lines, title and subject of the printed report, and its closing (recipients and signature), per layout.

    masthead(exercise, layout, say)   # the two heading columns, "BÁO CÁO", the subject line and its rule, the opening
    closing(exercise, layout, say)    # "Nơi nhận:" beside the signature block (`say`: a `wording.Wording`)

The issuing body, its parent and the signer come from the exercise's
`issuance`, each unset field from the layout's default (`layouts`); the place
of the date line is the province the scenario's setting names (or "…" to be
filled in by hand when it names none).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from debrief.exports.blocks import TEXT_WIDTH, Block, Columns, Para, Rule
from debrief.exports.layouts import Layout
from debrief.exports.metrics import text_width
from debrief.exports.wording import Wording

Document = Mapping[str, Any]
HEADING_SHARE = 0.42  # the left heading column's share of the text width
RULE_SHARE = 1 / 3  # a rule under the issuer or the subject: 1/3 to 1/2 of the line (Nghị định 30)


def _short_rule(text: str, style, width: float) -> Rule:
    return Rule(RULE_SHARE * min(text_width(text, style), width))


def _left(issuance: Mapping[str, str], layout: Layout, say: Wording) -> tuple[Para | Rule, ...]:
    styles, width = layout.styles, TEXT_WIDTH * HEADING_SHARE
    parent = (Para(issuance["parent_agency"].upper(), "parent"),) if issuance["parent_agency"] else ()
    issuer = issuance["issuer"].upper()
    under = _short_rule(issuer, styles["issuer"], width) if layout.under_issuer == "rule" else Para("*", "star")
    named = (Para(issuer, "issuer"), under) if issuer else ()
    number = say.pick(layout.number).format(short=issuance["issuer_short"] or "…")
    return (*parent, *named, Para(number, "number"))


def _right(exercise: Document, layout: Layout, say: Wording) -> tuple[Para | Rule, ...]:
    *names, last = (say.pick(line) for line in layout.nation)
    style = "motto" if names else "nation"
    place = f"{exercise.get('place') or '…'}, {say.day_phrase(exercise['date'])}"
    return (
        *(Para(name, "nation") for name in names),
        Para(last, style),
        Rule(text_width(last, layout.styles[style])),
        Para(place, "place_date"),
    )


def masthead(exercise: Document, layout: Layout, say: Wording) -> list[Block]:
    """The heading in two columns, the title, the subject line with the mark under it, and the opening paragraph."""
    title = say.pick(exercise["scenario_title"])
    subject = say(
        f"Kết quả diễn tập xử lý khủng hoảng truyền thông “{title}”",
        f"Results of the media crisis response exercise “{title}”",
    )
    under = (
        _short_rule(subject, layout.styles["subject"], TEXT_WIDTH)
        if layout.under_subject == "rule"
        else Para("-----", "subject")
    )
    teams = len(exercise["teams"])
    return [
        Columns(
            left=_left(layout.issuance(exercise, say.lang), layout, say),
            right=_right(exercise, layout, say),
            share=HEADING_SHARE,
        ),
        Para(say("BÁO CÁO", "REPORT"), "title"),
        Para(subject, "subject"),
        under,
        Para(
            say(
                f"Ngày {say.short_date(exercise['date'])}, {teams} đội đã diễn tập kịch bản “{title}” "
                f"trên nền tảng mô phỏng khủng hoảng truyền thông. Kết quả diễn tập được báo cáo như sau:",
                f"On {say.day_phrase(exercise['date'])}, {teams} team{'' if teams == 1 else 's'} played the scenario "
                f"“{title}” on the media crisis simulation platform. The results of the exercise are reported below:",
            )
        ),
    ]


def closing(exercise: Document, layout: Layout, say: Wording) -> Columns:
    """The recipients (left) beside the signature block (right): TM./T-M line, the signer's post, room to sign, the name."""
    issuance = layout.issuance(exercise, say.lang)
    units = [f"- {say.pick(r['label'])};" for r in exercise["roles"] if r["played_by"] == "trainee"]
    recipients = (
        Para(say("Nơi nhận:", "Recipients:"), "recipients_title"),
        *(Para(u, "recipients") for u in units),
        Para(say("- Các đội tham gia diễn tập;", "- The teams of the exercise;"), "recipients"),
        Para(say("- Lưu: VT.", "- Filed: Records (VT)."), "recipients"),
    )
    prefix = say.pick(layout.on_behalf_prefix)
    on_behalf = (Para(f"{prefix} {issuance['on_behalf'].upper()}", "on_behalf"),) if issuance["on_behalf"] else ()
    post = (Para(issuance["signer_title"].upper(), "signer_title"),) if issuance["signer_title"] else ()
    signature = (*on_behalf, *post, *(Para("", "signer_name"),) * 4, Para(issuance["signer_name"], "signer_name"))
    return Columns(left=recipients, right=signature, share=0.5)
