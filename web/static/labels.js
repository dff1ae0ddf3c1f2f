/* Shared by the trainee room and the instructor console: labels (Vietnamese first, English second)
   and small DOM helpers. Every piece of data goes into the page as text (textContent, text nodes,
   setAttribute): never as HTML. */
(function () {
  "use strict";

  function L(vi, en) { return { vi: vi, en: en }; }

  var ACTIONS = {
    flag_issue: L("Đánh dấu vấn đề nóng", "Flag a hot issue"),
    report_up: L("Báo cáo xin ý kiến chỉ đạo", "Report up for direction"),
    convene_meeting: L("Triệu tập họp phối hợp", "Convene a coordination meeting"),
    assign_verification: L("Phân công đầu mối xác minh", "Assign who verifies"),
    verify: L("Đề nghị xác minh", "Ask for verification"),
    choose_form: L("Chọn hình thức phát ngôn", "Choose the form of speaking"),
    assign_spokesperson: L("Phân công người phát ngôn", "Assign the spokesperson"),
    issue_statement: L("Phát ngôn / ra thông cáo", "Issue a statement"),
    hold_press_conference: L("Họp báo", "Hold a press conference"),
    answer_press: L("Trả lời báo chí", "Answer the press"),
    request_correction: L("Đề nghị cải chính", "Request a correction"),
    request_takedown: L("Đề nghị gỡ bỏ bài đăng", "Request a takedown"),
    refer_police: L("Chuyển cơ quan công an", "Refer to the police"),
    direct_press: L("Định hướng báo chí", "Guide the press"),
    report_results: L("Báo cáo kết quả phát ngôn", "Report the results"),
    monitor: L("Theo dõi dư luận", "Monitor opinion"),
    order_followup: L("Đặt hàng tin bài giải thích", "Commission explanatory reports"),
    message: L("Trao đổi nội bộ", "Team chat")
  };

  /* What each act means (PROCEDURE.md §3), shown under the form's title. */
  var ACTION_HINTS = {
    flag_issue: L("Đánh dấu một bài đăng/bài báo có nguy cơ thành khủng hoảng, kèm cấp độ đánh giá.", "Mark an item as a potential crisis, with an assessed level."),
    report_up: L("Bước 1: báo cáo lên Ban Tuyên giáo và Dân vận hoặc Thường trực Tỉnh ủy để xin chỉ đạo.", "Step 1: report to the board or the standing committee for direction."),
    convene_meeting: L("Bước 2: chủ trì họp nhanh với các cơ quan liên quan: phân tích, dự báo, đề xuất phương án.", "Step 2: chair a quick meeting of the agencies involved."),
    assign_verification: L("Giao cơ quan thu thập, xác minh thông tin.", "Name the agency that collects and verifies facts."),
    verify: L("Đề nghị cơ quan chuyên môn cung cấp thông tin; kết quả đến sau một thời gian.", "Ask an agency for facts; they come back after a delay."),
    choose_form: L("Chọn hình thức phát ngôn (Điều 5 Nghị định 244/2026/NĐ-CP).", "Choose the form of speaking (Decree 244/2026 Art. 5)."),
    assign_spokesperson: L("Chỉ định người phát ngôn – một đầu mối (Điều 3 Nghị định 244/2026/NĐ-CP).", "Name who speaks – one focal point (Decree 244/2026 Art. 3)."),
    issue_statement: L("Bước 3: công bố thông tin chính thức trên một kênh, theo một hình thức. Chỉ nói điều đã xác minh.", "Step 3: publish official information. Say only what is verified."),
    hold_press_conference: L("Tổ chức họp báo trực tiếp hoặc trực tuyến.", "A press conference, in person or online."),
    answer_press: L("Trả lời phóng viên trong thời hạn họ chờ, hoặc từ chối có lý do theo Điều 31.2 Luật Báo chí.", "Answer a journalist in time, or refuse with a lawful reason."),
    request_correction: L("Gửi văn bản phản hồi nêu căn cứ, yêu cầu cơ quan báo chí cải chính, xin lỗi (Điều 7.6).", "Written feedback asking the outlet to correct and apologise (Art. 7.6)."),
    request_takedown: L("Đề nghị nền tảng gỡ bài đăng sai sự thật.", "Ask the platform to remove a false post."),
    refer_police: L("Chuyển Công an tỉnh trường hợp tin giả có dấu hiệu vi phạm pháp luật.", "Hand unlawful fake news to the police."),
    direct_press: L("Định hướng các cơ quan báo chí của tỉnh.", "Guidance to the provincial press."),
    report_results: L("Bước 4: báo cáo kết quả phát ngôn với Thường trực Tỉnh ủy.", "Step 4: report the results to the standing committee."),
    monitor: L("Tiếp tục theo dõi, báo cáo diễn biến dư luận.", "Keep watching and report on opinion."),
    order_followup: L("Đặt hàng tin, bài giải thích để ổn định dư luận.", "Commission explanatory reports to calm opinion."),
    message: L("Trao đổi trong đội, không phải hành động chính thức.", "Chat inside the team, not an official act.")
  };

  var INJECT_CHANNELS = {
    social_post: L("Mạng xã hội", "Social media"),
    press_call: L("Phóng viên gọi điện", "Press call"),
    press_article: L("Bài báo", "Press article"),
    dispatch: L("Công văn", "Official dispatch"),
    hotline: L("Đường dây nóng", "Hotline"),
    monitoring_report: L("Báo cáo giám sát", "Monitoring report"),
    tv: L("Truyền hình", "Television")
  };

  var STATEMENT_CHANNELS = {
    portal: L("Cổng thông tin điện tử", "Official portal"),
    press: L("Báo chí", "The press"),
    social_media: L("Trang mạng xã hội chính thức", "Official social-media page"),
    tv: L("Truyền hình", "Television"),
    radio: L("Phát thanh", "Radio")
  };

  var FORMS = {
    press_conference: L("Họp báo", "Press conference"),
    press_release: L("Thông cáo báo chí", "Press release"),
    portal_post: L("Đăng trên Cổng thông tin điện tử", "Portal post"),
    interview: L("Trả lời phỏng vấn", "Interview"),
    written_reply: L("Trả lời bằng văn bản", "Written reply"),
    briefing: L("Cung cấp thông tin tại giao ban báo chí", "Press briefing")
  };

  var REFUSALS = {
    state_secret: L("Bí mật nhà nước", "State secret"),
    personal_secret: L("Bí mật cá nhân, bí mật gia đình", "Personal or family secret"),
    under_investigation: L("Vụ việc đang điều tra hoặc chưa xét xử", "Under investigation or not yet tried"),
    inspection_pending: L("Vụ việc đang thanh tra, chưa có kết luận", "Inspection not yet concluded"),
    complaint_pending: L("Khiếu nại, tố cáo đang giải quyết, chưa có kết luận", "Complaint not yet concluded")
  };

  var MODES = { in_person: L("Trực tiếp", "In person"), online: L("Trực tuyến", "Online") };

  var AGENCIES = {
    water_company: L("Công ty Cấp thoát nước", "Water company"),
    health_department: L("Sở Y tế", "Health department"),
    education_department: L("Sở Giáo dục và Đào tạo", "Education department"),
    district_committee: L("UBND huyện", "District People's Committee"),
    police: L("Công an tỉnh", "Provincial police")
  };

  var ACTORS = {
    standing_committee: L("Thường trực Tỉnh ủy", "Standing committee"),
    police: L("Công an tỉnh", "Provincial police"),
    platform: L("Nền tảng mạng xã hội", "Platform"),
    outlet: L("Cơ quan báo chí", "Press outlet"),
    journalist: L("Phóng viên", "Journalist"),
    monitoring: L("Tổ giám sát thông tin", "Monitoring team")
  };

  var KINDS = {
    inject: L("Tin đến", "Inject"),
    action: L("Hành động", "Action"),
    refused: L("Bị từ chối", "Refused"),
    reply: L("Phản hồi", "Reply"),
    fact: L("Kết quả xác minh", "Verified fact"),
    deadline_missed: L("Quá hạn trả lời", "Deadline missed"),
    opinion: L("Dư luận", "Opinion"),
    escalation: L("Leo thang", "Escalation"),
    end: L("Kết thúc", "End"),
    observation: L("Ghi chú", "Observation")
  };

  var ORIGINS = {
    timed: L("theo lịch", "timed"),
    condition: L("theo điều kiện", "on condition"),
    level: L("do leo thang", "released by a level"),
    world: L("báo tự đăng", "written by the world"),
    instructor: L("giảng viên phát", "fired by the instructor")
  };

  var STATUS = {
    ready: L("Chưa bắt đầu", "Not started"),
    running: L("Đang diễn ra", "Running"),
    paused: L("Tạm dừng", "Paused"),
    ended: L("Đã kết thúc", "Ended")
  };

  var PARAMS = {
    item: L("Tin/bài", "Item"), post: L("Bài đăng", "Post"), article: L("Bài báo", "Article"),
    call: L("Cuộc gọi", "Call"), level: L("Cấp độ", "Level"), note: L("Ghi chú", "Note"),
    to: L("Gửi tới", "To"), summary: L("Nội dung báo cáo", "Summary"), participants: L("Thành phần", "Participants"),
    agenda: L("Nội dung họp", "Agenda"), agency: L("Cơ quan", "Agency"), form: L("Hình thức", "Form"),
    speaker: L("Người phát ngôn", "Speaker"), name: L("Họ tên, chức vụ", "Name, post"), channel: L("Kênh", "Channel"),
    text: L("Nội dung", "Text"), mode: L("Hình thức họp", "Mode"), refusal: L("Lý do từ chối", "Refusal")
  };

  /* ---- helpers ---------------------------------------------------------------------------- */

  /* el("p", {class: "x", title: "..."}, "text", childNode, ...): text only, never HTML. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === null || value === undefined || value === false) return;
        if (key === "class") node.className = value;
        else if (key === "text") node.textContent = value;
        else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
        else if (key.slice(0, 2) === "on" && typeof value === "function") node.addEventListener(key.slice(2), value);
        else if (value === true) node.setAttribute(key, "");
        else node.setAttribute(key, String(value));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* A label in both languages: Vietnamese, then English smaller. */
  function bi(label, fallback) {
    if (!label) return document.createTextNode(fallback || "");
    var frag = document.createDocumentFragment();
    frag.appendChild(document.createTextNode(label.vi || fallback || ""));
    if (label.en) frag.appendChild(el("small", { class: "en", lang: "en" }, " " + label.en));
    return frag;
  }

  function vi(label, fallback) {
    if (label && typeof label === "object") return label.vi || label.en || fallback || "";
    return label || fallback || "";
  }

  function labelOf(map, key) { return map[key] || L(String(key), null); }

  /* Scenario minutes as scenario time: 135 -> "T+02:15", -90 -> "T-01:30". */
  function fmtT(t) {
    if (t === null || t === undefined || isNaN(t)) return "T?";
    var sign = t < 0 ? "-" : "+";
    var minutes = Math.floor(Math.abs(t) + 1e-6);
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return "T" + sign + (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function fmtMinutes(m) {
    m = Math.max(0, Math.ceil(m - 1e-6));
    if (m < 60) return m + " phút";
    var h = Math.floor(m / 60), r = m % 60;
    return h + " giờ" + (r ? " " + r + " phút" : "");
  }

  function pct(x, digits) {
    if (x === null || x === undefined || isNaN(x)) return "–";
    return (x * 100).toFixed(digits === undefined ? 1 : digits).replace(".", ",") + "%";
  }

  function preview(text, n) {
    text = String(text || "").replace(/\s+/g, " ").trim();
    return text.length > n ? text.slice(0, n - 1) + "…" : text;
  }

  /* A level's name without a leading "Cấp 2 – " (the badge already says "Cấp 2"). */
  function levelName(name) {
    return vi(name).replace(/^\s*Cấp\s*\d+\s*[–-]\s*/i, "");
  }

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : {};
  }

  window.Drill = {
    L: L, ACTIONS: ACTIONS, ACTION_HINTS: ACTION_HINTS, INJECT_CHANNELS: INJECT_CHANNELS,
    STATEMENT_CHANNELS: STATEMENT_CHANNELS, FORMS: FORMS, REFUSALS: REFUSALS, MODES: MODES,
    AGENCIES: AGENCIES, ACTORS: ACTORS, KINDS: KINDS, ORIGINS: ORIGINS, STATUS: STATUS, PARAMS: PARAMS,
    el: el, append: append, clear: clear, bi: bi, vi: vi, labelOf: labelOf, fmtT: fmtT,
    fmtMinutes: fmtMinutes, pct: pct, levelName: levelName, preview: preview, readJSON: readJSON
  };
})();
