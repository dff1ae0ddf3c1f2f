"""The editor's JSON endpoints: check, save, keep the draft, dry run, and MSEL export and import.

Each takes a JSON body (the page sends its CSRF token in the X-CSRFToken
header) and answers JSON, except the MSEL export, which answers the file. A
body that is not what an endpoint expects is answered 400 with what is wrong,
in Vietnamese and English, and refused once in the log (`web.auth.refuse`);
nothing stored is changed then.

    POST /api/validate         {yaml} or {data}        -> {ok, yaml, data, errors: [{path, line, message}]}
    POST /<id>/save            {yaml, note}            -> the check and {status: version|unchanged|draft, version}
    POST /<id>/draft           {yaml}                  -> {ok, saved_at}
    POST /api/dry-run          {yaml}                  -> DryRunReport.as_dict() (on /<id>/dry-run also stored)
    POST /api/msel             {yaml, format}          -> the MSEL as XLSX or CSV
    POST /<id>/msel            {yaml, file (base64),   -> the check of the imported drill, {problems, notes, warnings,
                                mapping?}                  columns (how the header was read), keys (what it may be)}
"""

from __future__ import annotations

import base64
import binascii
import io
from typing import Any

from flask import jsonify, request, send_file
from flask_login import current_user

from instructor.authoring import bp
from instructor.authoring.access import owned_drill
from instructor.authoring.editing import MAX_TEXT, check_data, check_text, is_finite_json
from instructor.authoring.store import keep_draft, record_dry_run, save_text
from scenarios.messages import N_, Message
from msel import MselError, MselProblem, export_msel, header_comment, import_msel
from msel.columns import BY_KEY, COLUMNS
from sim.dryrun import dry_run as run_dry
from web.auth import refuse, who_is
from web.i18n import in_english, translated
from web.models import utcnow
from web.validation import json_object

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv; charset=utf-8"}


class BadRequest(Exception):
    """A body an endpoint cannot use; answered 400 with the message (`error`) in both languages and in the
    user's own."""

    def __init__(self, error: Message, **extra: Any):
        super().__init__(in_english(error))
        self.body = {"ok": False, "error": _in_each_language(error), **extra}


def _in_each_language(message: Message) -> dict[str, Any]:
    """A message as the editor's script reads it: its Vietnamese, its English and the user's language's text."""
    return {"vi": message.text(), "en": in_english(message), "message": translated(message)}


@bp.errorhandler(BadRequest)
def _bad_request(error: BadRequest):
    refuse(who_is(current_user), f"{request.method} {request.path}"[:120], str(error))
    return jsonify(error.body), 400


def _payload() -> dict[str, Any]:
    payload = json_object()
    try:
        plain = payload is not None and is_finite_json(payload)
    except RecursionError:
        plain = False
    if payload is None or not plain:
        raise BadRequest(Message(N_("Nội dung gửi lên phải là một đối tượng JSON.")))
    return payload


def _text(payload: dict[str, Any], key: str = "yaml") -> str:
    text = payload.get(key)
    if not isinstance(text, str):
        raise BadRequest(Message(N_("Thiếu trường '%(key)s' (văn bản YAML của kịch bản)."), {"key": key}))
    if len(text) > MAX_TEXT:
        raise BadRequest(Message(N_("Kịch bản dài quá %(kib)d KiB."), {"kib": MAX_TEXT // 1024}))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, which no database can store
        raise BadRequest(
            Message(N_("Kịch bản có ký tự không hợp lệ ở vị trí %(position)d."), {"position": exc.start})
        ) from None
    return text


def _valid(text: str):
    checked = check_text(text)
    if not checked.ok:
        raise BadRequest(
            Message(N_("Kịch bản còn %(count)d lỗi: hãy sửa trước."), {"count": len(checked.errors)}),
            errors=list(checked.errors),
        )
    return checked.scenario


@bp.post("/api/validate")
def validate():
    payload = _payload()
    if "yaml" in payload:
        return jsonify(check_text(_text(payload)).as_dict())
    if not isinstance(payload.get("data"), dict):
        raise BadRequest(Message(N_("Cần 'yaml' hoặc 'data'.")))
    try:
        return jsonify(check_data(payload["data"]).as_dict())
    except RecursionError:
        raise BadRequest(Message(N_("Dữ liệu lồng nhau quá sâu."))) from None


@bp.post("/<int:drill_id>/save")
def save(drill_id: int):
    drill = owned_drill(drill_id)
    payload = _payload()
    note = payload.get("note") or ""
    if not isinstance(note, str):
        raise BadRequest(Message(N_("'note' phải là văn bản.")))
    return jsonify(save_text(drill, _text(payload), note).as_dict())


@bp.post("/<int:drill_id>/draft")
def draft(drill_id: int):
    drill = owned_drill(drill_id)
    keep_draft(drill, _text(_payload()))
    return jsonify({"ok": True, "saved_at": utcnow().isoformat(), "has_draft": drill.draft is not None})


@bp.post("/api/dry-run", defaults={"drill_id": None})
@bp.post("/<int:drill_id>/dry-run")
def dry_run(drill_id: int | None):
    drill = owned_drill(drill_id) if drill_id is not None else None
    text = _text(_payload())
    report = run_dry(_valid(text)).as_dict()
    if drill is not None:
        record_dry_run(drill, text, report)
    return jsonify(report)


@bp.post("/api/msel")
def msel_export():
    payload = _payload()
    kind = payload.get("format")
    if not isinstance(kind, str) or kind not in MIME:
        raise BadRequest(Message(N_("Định dạng phải là 'xlsx' hoặc 'csv'.")))
    scenario = _valid(_text(payload))
    buffer = io.BytesIO()
    export_msel(scenario, buffer, format=kind, comment=header_comment(_text(payload)))
    buffer.seek(0)
    return send_file(buffer, mimetype=MIME[kind], as_attachment=True, download_name=f"{scenario.id}-msel.{kind}")


def _problem(problem: MselProblem) -> dict[str, Any]:
    """A row's problem with where it is, in both languages and in the user's own."""
    return {"row": problem.row, "column": problem.column, **_in_each_language(problem.located())}


@bp.post("/<int:drill_id>/msel")
def msel_import(drill_id: int):
    owned_drill(drill_id)
    payload = _payload()
    base = _text(payload)
    try:
        content = base64.b64decode(payload.get("file") or "", validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise BadRequest(Message(N_("Tệp gửi lên không đọc được (cần base64)."))) from None
    if not content:
        raise BadRequest(Message(N_("Tệp MSEL trống.")))
    try:
        result = import_msel(io.BytesIO(content), base=base, mapping=_mapping(payload.get("mapping")))
    except MselError as exc:
        raise BadRequest(exc.message) from None
    return jsonify(
        {
            **check_text(result.yaml_text).as_dict(),
            "imported": result.ok,
            "problems": [_problem(p) for p in result.problems],
            "notes": [_problem(n) for n in result.notes],
            "warnings": [_problem(w) for w in result.warnings],
            "columns": [{"header": header, "key": key} for header, key in result.columns],
            "keys": [{"key": c.key, **c.title.as_dict(), "derived": c.derived} for c in COLUMNS],
        }
    )


def _mapping(value: Any) -> dict[str, str | None] | None:
    """The user's correction of how the header was read: {header as written: column key, or null to ignore}."""
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or len(value) > len(COLUMNS) * 4
        or not all(
            isinstance(h, str) and (k is None or (isinstance(k, str) and (k == "" or k in BY_KEY))) for h, k in value.items()
        )
    ):
        raise BadRequest(Message(N_("Ánh xạ cột không hợp lệ.")))
    return {header: key or None for header, key in value.items()}
