"""Pydantic's errors as `Message`s: the common ones by their type, in Vietnamese with Pydantic's English as the English.

    pydantic_message(error)   # one entry of ValidationError.errors()

An error our own validators raise (`MessageError`, wrapped by Pydantic as `value_error`)
gives its own message. A type not listed here keeps Pydantic's English text as it is
(no id in the catalogue, so both languages show it).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scenarios.messages import N_, Message, MessageError

# error type -> (message id, the names of its context that it shows)
BY_TYPE: dict[str, tuple[str, tuple[str, ...]]] = {
    "missing": (N_("thiếu trường bắt buộc"), ()),
    "greater_than_equal": (N_("phải lớn hơn hoặc bằng %(ge)s"), ("ge",)),
    "greater_than": (N_("phải lớn hơn %(gt)s"), ("gt",)),
    "less_than_equal": (N_("phải nhỏ hơn hoặc bằng %(le)s"), ("le",)),
    "less_than": (N_("phải nhỏ hơn %(lt)s"), ("lt",)),
    "finite_number": (N_("phải là một số hữu hạn"), ()),
    "float_type": (N_("phải là một số (ví dụ 90 hoặc 7.5)"), ()),
    "float_parsing": (N_("phải là một số (ví dụ 90 hoặc 7.5)"), ()),
    "int_type": (N_("phải là một số nguyên"), ()),
    "int_parsing": (N_("phải là một số nguyên"), ()),
    "int_from_float": (N_("phải là một số nguyên"), ()),
    "bool_type": (N_("phải là true hoặc false"), ()),
    "bool_parsing": (N_("phải là true hoặc false"), ()),
    "string_type": (N_("phải là một đoạn văn bản"), ()),
    "list_type": (N_("phải là một danh sách"), ()),
    "tuple_type": (N_("phải là một danh sách"), ()),  # YAML has lists
    "dict_type": (N_("phải là một nhóm trường (tên: giá trị)"), ()),
    "model_type": (N_("phải là một nhóm trường (tên: giá trị)"), ()),
    "dataclass_type": (N_("phải là một nhóm trường (tên: giá trị)"), ()),  # a `Text` given as a plain string
    "literal_error": (N_("phải là một trong các giá trị: %(expected)s"), ("expected",)),
    "enum": (N_("phải là một trong các giá trị: %(expected)s"), ("expected",)),
    "string_pattern_mismatch": (N_("mã chỉ gồm chữ thường không dấu, chữ số, '_' và '-', bắt đầu bằng một chữ cái"), ()),
    "string_too_short": (N_("cần ít nhất %(min_length)s ký tự"), ("min_length",)),
    "string_too_long": (N_("dài tối đa %(max_length)s ký tự"), ("max_length",)),
    "too_short": (N_("cần ít nhất %(min_length)s mục"), ("min_length",)),
    "too_long": (N_("nhiều nhất %(max_length)s mục, không phải %(actual_length)s"), ("max_length", "actual_length")),
}


def pydantic_message(error: Mapping[str, Any]) -> Message:
    """The message of one Pydantic error (an `ErrorDetails`, or a dict of its keys)."""
    context = error.get("ctx") or {}
    if error["type"] == "value_error" and isinstance(context.get("error"), MessageError):
        return context["error"].message
    if error["type"] == "string_too_short" and context.get("min_length") == 1:
        return Message(N_("không được để trống"))
    known = BY_TYPE.get(error["type"])
    if known is None or any(name not in context for name in known[1]):
        return Message(error["msg"].removeprefix("Value error, "))
    msgid, shown = known
    return Message(msgid, {name: _as_pydantic_writes(context[name]) for name in shown})


def _as_pydantic_writes(value: Any) -> Any:
    """A bound as Pydantic's own message writes it: 0, not 0.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
