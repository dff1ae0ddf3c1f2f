/* Shared by the trainee room and the instructor console: labels (in the page's language)
   and small DOM helpers. Every piece of data goes into the page as text (textContent, text nodes,
   setAttribute): never as HTML. */
(function () {
  "use strict";

  function L(vi, en) { return { vi: vi, en: en }; }

  /* The tables Python keeps (scenarios/labels.py), served as /label-tables.js before this file. */
  var T = window.DrillTables;
  var ACTIONS = T.ACTIONS, INJECT_CHANNELS = T.INJECT_CHANNELS, STATEMENT_CHANNELS = T.STATEMENT_CHANNELS,
    FORMS = T.FORMS, REFUSALS = T.REFUSALS, MODES = T.MODES, ROUTES = T.ROUTES, AGENCIES = T.AGENCIES, ACTORS = T.ACTORS,
    STATUS = T.STATUS, KINDS = T.KINDS;
  /* The bodies and decree of the page's drill (scenarios/bodies.py), by the rule set _labels.html names. */
  var RULE_SET = (document.currentScript && document.currentScript.dataset.ruleSet) || "vn-2026";
  var B = T.BODIES[RULE_SET] || T.BODIES["vn-2026"];
  function law(article) { return RULE_SET === "vn-2026" ? "Điều " + article + " " + B.decree.vi : B.decree.vi; }
  function lawEn(article) { return RULE_SET === "vn-2026" ? B.decree.en + " Art. " + article : B.decree.en; }

  /* What each act means (PROCEDURE.md §3), shown under the form's title. */
  var ACTION_HINTS = {
    flag_issue: L("Đánh dấu một bài đăng/bài báo có nguy cơ thành khủng hoảng, kèm cấp độ đánh giá.", "Mark an item as a potential crisis, with an assessed level."),
    report_up: L("Bước 1: báo cáo " + B.standing.vi + " qua " + B.board.vi + " để xin chỉ đạo.", "Step 1: report to " + B.standing.en + " through " + B.board.en + " for direction."),
    convene_meeting: L("Bước 2: chủ trì họp nhanh với các cơ quan liên quan: phân tích, dự báo, đề xuất phương án.", "Step 2: chair a quick meeting of the agencies involved."),
    assign_verification: L("Giao cơ quan thu thập, xác minh thông tin.", "Name the agency that collects and verifies facts."),
    verify: L("Đề nghị cơ quan chuyên môn cung cấp thông tin; kết quả đến sau một thời gian.", "Ask an agency for facts; they come back after a delay."),
    choose_form: L("Chọn hình thức phát ngôn (" + law(5) + ").", "Choose the form of speaking (" + lawEn(5) + ")."),
    propose_spokesperson: L(B.board.vi + " đề xuất người phát ngôn của vụ việc; người đứng đầu cơ quan hành chính quyết định (" + law("3.5, 4.1") + ").", "The board proposes the case's spokesperson; the head of the agency decides (" + lawEn("3.5, 4.1") + ")."),
    assign_spokesperson: L("Người đứng đầu cơ quan hành chính phân công người phát ngôn bằng văn bản – một đầu mối là một người phát ngôn (" + law("3.5, 4.1") + ").", "The head of the agency assigns who speaks, in writing – one focal point is one speaker (" + lawEn("3.5, 4.1") + ")."),
    situation_report: L("Ban chỉ huy báo cáo tình hình ứng phó (mực nước, sơ tán, cứu nạn): không phải phát ngôn thứ hai.", "The command reports on the operation (water levels, evacuation, rescue): not a second voice."),
    issue_statement: L("Bước 3: công bố thông tin chính thức trên một kênh, theo một hình thức. Chỉ nói điều đã xác minh.", "Step 3: publish official information. Say only what is verified."),
    hold_press_conference: L("Tổ chức họp báo trực tiếp hoặc trực tuyến.", "A press conference, in person or online."),
    answer_press: L("Trả lời yêu cầu của báo chí trong thời hạn phóng viên đề nghị, hoặc từ chối có nêu lý do theo Luật Báo chí.", "Answer the press within the time the reporter asked for, or refuse with a lawful reason."),
    request_correction: L("Gửi văn bản phản hồi nêu căn cứ, yêu cầu cơ quan báo chí cải chính, xin lỗi (" + law("7.6") + ").", "Written feedback asking the outlet to correct and apologise (" + lawEn("7.6") + ")."),
    request_takedown: L("Đề nghị nền tảng gỡ bài đăng sai sự thật.", "Ask the platform to remove a false post."),
    refer_police: L("Chuyển Công an tỉnh trường hợp tin giả có dấu hiệu vi phạm pháp luật.", "Hand unlawful fake news to the police."),
    direct_press: L("Định hướng các cơ quan báo chí của tỉnh.", "Guidance to the provincial press."),
    report_results: L("Bước 4: báo cáo kết quả phát ngôn với " + B.standing.vi + ".", "Step 4: report the results to " + B.standing.en + "."),
    monitor: L("Tiếp tục theo dõi, báo cáo diễn biến dư luận.", "Keep watching and report on opinion."),
    order_followup: L("Đặt hàng tin, bài giải thích để ổn định dư luận.", "Commission explanatory reports to calm opinion."),
    message: L("Trao đổi trong đội, không phải hành động chính thức.", "Chat inside the team, not an official act."),
    resolve_cause: L("Tham mưu biện pháp xử lý dứt điểm nguyên nhân: trong thẩm quyền, hoặc đề xuất cấp trên.", "Advise on fixing the cause: within your authority, or proposed upward."),
    contact_admin: L("Làm việc với quản trị viên nhóm, trang lớn đã đăng tin sai (Kế hoạch 139-KH/TU).", "Work with the admin of a large group or page that posted a falsehood."),
    request_site_removal: L("Yêu cầu trang thông tin điện tử tổng hợp gỡ tin sai trong 24 giờ (Nghị định 147/2024/NĐ-CP); trang này không phải báo chí.", "Ask a general information site to remove a false item within 24 h; it is not press."),
    daily_report: L("Báo cáo tình hình thông tin hằng ngày cho thủ trưởng các cơ quan liên quan.", "The daily information report to the heads of the agencies concerned."),
    notify_press_conference: L("Thông báo họp báo bằng văn bản chậm nhất 24 giờ trước (Điều 22 Nghị định 237/2026/NĐ-CP), nếu cơ quan không có trách nhiệm họp báo đột xuất.", "A written press-conference notice at least 24 h ahead, for a body without a duty to hold ad hoc conferences.")
  };

  var ORIGINS = {
    timed: L("theo lịch", "timed"),
    condition: L("theo điều kiện", "on condition"),
    level: L("do leo thang", "released by a level"),
    world: L("báo tự đăng", "written by the world"),
    instructor: L("giảng viên phát", "fired by the instructor")
  };

  var PARAMS = {
    item: L("Tin/bài", "Item"), post: L("Bài đăng", "Post"), article: L("Bài báo", "Article"),
    call: L("Cuộc gọi", "Call"), level: L("Cấp độ", "Level"), note: L("Ghi chú", "Note"),
    to: L("Gửi tới", "To"), summary: L("Nội dung báo cáo", "Summary"), participants: L("Thành phần", "Participants"),
    agenda: L("Nội dung họp", "Agenda"), agency: L("Cơ quan", "Agency"), form: L("Hình thức", "Form"),
    speaker: L("Người phát ngôn", "Speaker"), name: L("Họ tên, chức vụ", "Name, post"), channel: L("Kênh", "Channel"),
    text: L("Nội dung", "Text"), mode: L("Hình thức họp", "Mode"), refusal: L("Lý do từ chối", "Refusal"),
    withheld: L("Lý do không cung cấp một phần", "Ground for the part held back"),
    route: L("Hướng xử lý", "Route"), in_hours: L("Họp báo sau (giờ)", "Conference in (hours)")
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

  /* A label ({vi, en}, or a plain string) in the page's language (<html lang>, web/i18n.py): its English on an
     English page when it has one, else its Vietnamese. `text` gives the string, `textNode` a text node of it. */
  var ENGLISH = document.documentElement.lang === "en";

  function text(label, fallback) {
    if (label && typeof label === "object") {
      return (ENGLISH ? label.en || label.vi : label.vi || label.en) || fallback || "";
    }
    return label || fallback || "";
  }

  function textNode(label, fallback) { return document.createTextNode(text(label, fallback)); }

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
    return text(name).replace(/^\s*Cấp\s*\d+\s*[–-]\s*/i, "");
  }

  function readJSON(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : {};
  }

  window.Drill = {
    L: L, BODIES: B, ACTIONS: ACTIONS, ACTION_HINTS: ACTION_HINTS, INJECT_CHANNELS: INJECT_CHANNELS,
    STATEMENT_CHANNELS: STATEMENT_CHANNELS, FORMS: FORMS, REFUSALS: REFUSALS, MODES: MODES, ROUTES: ROUTES,
    AGENCIES: AGENCIES, ACTORS: ACTORS, KINDS: KINDS, ORIGINS: ORIGINS, STATUS: STATUS, PARAMS: PARAMS,
    el: el, append: append, clear: clear, textNode: textNode, text: text, labelOf: labelOf, fmtT: fmtT,
    fmtMinutes: fmtMinutes, pct: pct, levelName: levelName, preview: preview, readJSON: readJSON
  };
})();
