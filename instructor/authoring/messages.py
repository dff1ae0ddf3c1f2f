"""Vietnamese for what the scenario model writes in English: error messages, conditions' variables, crisis types.

`vietnamese(message)` gives the Vietnamese of a message of `scenarios.loader` /
`scenarios.references` / `scenarios.conditions` / Pydantic, or None when it has
no translation (the editor then shows the English alone). Names, ids and
numbers quoted in the message are carried over. `variables()` lists the
variables a condition may use (`scenarios.conditions.VARIABLES`) in both languages;
`crisis_types()` names the model's crisis types in both (`scenarios.labels`).
"""

from __future__ import annotations

import re

from scenarios.labels import CRISIS_TYPES, label
from scenarios.conditions import VARIABLES
from scenarios.model import CrisisType

VARIABLES_VI = {
    "minute": "số phút kịch bản từ lúc bắt đầu",
    "level": "cấp khủng hoảng hiện tại",
    "seen": "số người đã thấy tin đồn",
    "believers": "số người tin tin đồn",
    "belief": "tỷ lệ dân số tin tin đồn (0–1)",
    "seen_share": "tỷ lệ dân số đã thấy tin đồn (0–1)",
    "trust": "niềm tin vào chính quyền (0–1)",
    "media_pressure": "sức ép của báo chí (0–1)",
    "statements": "số lần phát ngôn chính thức đến lúc đó",
    "unanswered_calls": "số cuộc gọi của phóng viên quá hạn chưa được trả lời",
    "critical_articles": "số bài báo phê phán đã đăng",
}

_PATTERNS: list[tuple[str, str]] = [
    (r"required field is missing", "thiếu trường bắt buộc"),
    (r"unknown field '(.+?)' \(did you mean '(.+?)'\?\)", "trường '{0}' không có trong mẫu kịch bản (có phải là '{1}'?)"),
    (r"unknown field '(.+?)'.*", "trường '{0}' không có trong mẫu kịch bản"),
    (r"Input should be greater than or equal to (\S+)", "phải lớn hơn hoặc bằng {0}"),
    (r"Input should be greater than (\S+)", "phải lớn hơn {0}"),
    (r"Input should be less than or equal to (\S+)", "phải nhỏ hơn hoặc bằng {0}"),
    (r"Input should be less than (\S+)", "phải nhỏ hơn {0}"),
    (r"Input should be a finite number", "phải là một số hữu hạn"),
    (r"Input should be a valid number.*", "phải là một số (ví dụ 90 hoặc 7.5)"),
    (r"Input should be a valid integer.*", "phải là một số nguyên"),
    (r"Input should be a valid string", "phải là một đoạn văn bản"),
    (r"Input should be a valid list", "phải là một danh sách"),
    (r"Input should be a valid dictionary.*", "phải là một nhóm trường, ví dụ {{vi: …, en: …}}"),
    (r"Input should be (('[^']*'(, | or )?)+)", "phải là một trong các giá trị: {0}"),
    (r"String should match pattern .*", "mã chỉ gồm chữ thường không dấu, chữ số, '_' và '-', bắt đầu bằng một chữ cái"),
    (r"String should have at least 1 character", "không được để trống"),
    (r"String should have at least (\d+) characters", "cần ít nhất {0} ký tự"),
    (r"String should have at most (\d+) characters", "dài tối đa {0} ký tự"),
    (r"(?:Tuple|List) should have at least (\d+) items? after validation.*", "cần ít nhất {0} mục"),
    (r"(?:Tuple|List|Dictionary) should have at most (\d+) items? after validation.*", "nhiều nhất {0} mục"),
    (r"give either 'at' or 'when', not both", "chỉ chọn một: thời điểm 'at' hoặc điều kiện 'when'"),
    (r"a press_call needs 'question' and 'response_window'",
     "cuộc gọi của phóng viên cần câu hỏi 'question' và thời hạn trả lời 'response_window'"),
    (r"'response_window' belongs to a press_call only", "chỉ cuộc gọi của phóng viên mới có thời hạn trả lời 'response_window'"),
    (r"a (\w+) needs 'reach'", "tin kênh {0} cần số lượt tiếp cận 'reach'"),
    (r"unknown role '(.+)'", "vai '{0}' không có trong kịch bản"),
    (r"unknown false claim '(.+)'", "tin sai '{0}' không có trong kịch bản"),
    (r"unknown fact '(.+)'", "sự thật '{0}' không có trong kịch bản"),
    (r"unknown inject '(.+)'", "tin '{0}' không có trong kịch bản"),
    (r"duplicate .+ id '(.+)'", "mã '{0}' bị trùng"),
    (r"at least one role must be played by trainees", "cần ít nhất một vai do học viên đảm nhận"),
    (r"level (\S+) is defined more than once", "cấp {0} được khai báo hơn một lần"),
    (r"the starting level cannot have an escalation condition", "cấp khởi đầu không có điều kiện leo thang"),
    (r"level (\S+) needs 'escalate_when'", "cấp {0} cần điều kiện leo thang 'escalate_when'"),
    (r"level (\S+) does not exist \(levels: (.*)\)", "cấp {0} không tồn tại (các cấp: {1})"),
    (r"levels must be consecutive numbers, got (.*)", "các cấp phải là những số liên tiếp, hiện có {0}"),
    (r"the drill's level (\S+) must be its highest level \((\S+)\)",
     "cấp của kịch bản ({0}) phải là cấp cao nhất trong danh sách cấp ({1})"),
    (r"minute (\S+) is after the end of the drill \((\S+)\)", "phút {0} nằm sau khi kịch bản kết thúc (phút {1})"),
    (r"an inject needs 'at', 'when', or a level that releases it",
     "tin cần thời điểm 'at', điều kiện 'when', hoặc một cấp phát hành nó"),
    (r"'\{(.+)\}' is not in the cast", "'{{{0}}}' không có trong danh sách nhân vật (cast)"),
    (r"bad placeholder: .*", "dấu ngoặc nhọn không khớp: viết '{{{{' và '}}}}' cho dấu ngoặc thật"),
    (r"the incident occurs after the end of the drill", "sự cố xảy ra sau khi kịch bản kết thúc"),
    (r"unknown variable '(.+?)' \(known: (.*)\)", "biến '{0}' không tồn tại (các biến: {1})"),
    (r"cannot parse condition '(.*)': .*", "không đọc được điều kiện '{0}'"),
    (r"only the comparisons .* are allowed", "chỉ dùng các phép so sánh > >= < <= == !="),
    (r"only numbers may appear as values.*", "chỉ được so sánh với số"),
    (r"'(.*)' is not allowed in a condition", "'{0}' không được dùng trong điều kiện"),
    (r"the condition is nested too deeply", "điều kiện lồng nhau quá sâu"),
    (r"the number (\S+) is out of range: a condition compares with numbers from (\S+) to (\S+)",
     "số {0} nằm ngoài giới hạn: điều kiện chỉ so sánh với các số từ {1} đến {2}"),
    (r"(\S+) minutes sampled every (\S+) minutes make (\d+) opinion samples a run, more than (\d+): .*",
     "{0} phút, lấy mẫu dư luận mỗi {1} phút, là {2} lần lấy mẫu mỗi lượt chạy, quá mức {3}: "
     "hãy lấy mẫu thưa hơn hoặc rút ngắn kịch bản"),
    (r"(\S+) minutes is longer than the drill \((\S+) minutes\)", "{0} phút dài hơn cả kịch bản ({1} phút)"),
    (r"(\S+) is more than the population \((\S+)\)", "{0} người, nhiều hơn dân số mạng của kịch bản ({1})"),
    (r"not valid YAML: (.*)", "không phải YAML hợp lệ: {0}"),
    (r"a scenario file must be a mapping of fields", "tệp kịch bản phải là một nhóm các trường (id, title, …)"),
    (r"key '(.+)' appears twice", "khóa '{0}' xuất hiện hai lần"),
    (r"YAML anchors and aliases \(& and \*\) are not allowed in a drill: write each value out",
     "kịch bản không được dùng neo và bí danh YAML (& và *): hãy viết đầy đủ từng giá trị"),
    (r"nested deeper than (\d+) levels", "các danh sách và nhóm trường lồng nhau sâu quá {0} cấp"),
    (r"the text is larger than (\d+) kB", "văn bản kịch bản dài quá {0} kB"),
]
_COMPILED = [(re.compile(pattern), template) for pattern, template in _PATTERNS]


def vietnamese(message: str) -> str | None:
    """The Vietnamese of a loader message, or None if there is none."""
    for pattern, template in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            return template.format(*match.groups())
    return None


def variables() -> list[dict[str, str]]:
    """The variables a condition may use, with what each means in Vietnamese (when known) and English."""
    return [{"name": name, "vi": VARIABLES_VI.get(name, en), "en": en} for name, en in VARIABLES.items()]


def crisis_types() -> list[dict[str, str]]:
    """The model's crisis types, each with its name in Vietnamese and English (the id itself when unnamed)."""
    return [{"id": kind.value, **label(CRISIS_TYPES, kind.value).as_dict()} for kind in CrisisType]
