/* The trainee's room: what the role sees (feeds, calls, dispatches, team activity, chat), the forms
   for the actions the role may take, and each action's acknowledgement.

   Protocol (docs/LIVE.md, namespace /trainee): `hello` on connect, `event` for each new event of the
   role's audience, `act` {type, params} -> {ok, event | error}, `sync` {after} -> {ok, events}.
   The scenario clock runs on here between messages (the last minute heard + real minutes × speed, while
   running), as on the console; `hello` and each `status` set it, a live event later than it moves it on.
   Events are kept, deduplicated by `seq`, in sessionStorage with the highest seq seen, so a reload
   redraws the room and a (re)connect asks only for what was missed.
   In self-practice (data.practice), practice_room.js adds the trainee's own clock controls, hints and the
   end card: it hears `drill:status` (each hello/status), may move `DrillRoom.state` and call `refresh` or `openForm`.
   All data goes into the page as text (textContent): never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el, bi = D.bi, fmtT = D.fmtT;
  var data = D.readJSON("room-data");
  var ROLE = data.role;
  var ANY = null;

  var roleLabels = {};
  (data.roles || []).forEach(function (r) { roleLabels[r.id] = r.label; });
  var levelNames = {};
  (data.levels || []).forEach(function (lv) { levelNames[lv.level] = lv.name; });
  var allowed = {};
  (data.actions || []).forEach(function (a) { allowed[a] = true; });

  var FEEDS = {
    press_call: "feed-phone", hotline: "feed-phone", social_post: "feed-social",
    press_article: "feed-press", tv: "feed-press", dispatch: "feed-dispatch", monitoring_report: "feed-dispatch"
  };
  var ITEM_PARAMS = ["item", "post", "article", "call"];

  var state = {
    seen: {}, maxSeq: 0, minute: 0, level: data.start_level, status: data.status,
    items: {}, itemOrder: [], itemNodes: {}, marks: {}, calls: {}, actions: {}
  };
  var clock = { minute: 0, at: Date.now(), speed: data.speed || 0 };  // the minute last heard, when, and the speed
  var cache = [];
  var STORE = "drill:room:" + data.join_code + ":" + data.member_id;

  var BODY_NAMES = { propaganda_board: D.BODIES.board, info_department: D.BODIES.department, standing_committee: D.BODIES.standing };
  function roleName(id) { return roleLabels[id] || BODY_NAMES[id] || D.L(id, null); }  // a role the drill lacks: its body

  /* ---- storage ---------------------------------------------------------------------------- */

  function loadCache() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORE) || "null");
      return saved && Array.isArray(saved.events) ? saved.events : [];
    } catch (err) { return []; }
  }

  function saveCache() {
    try {
      window.sessionStorage.setItem(STORE, JSON.stringify({ maxSeq: state.maxSeq, events: cache }));
    } catch (err) { /* storage full or disabled: the room still works, a reload syncs from 0 */ }
  }

  /* ---- receiving events ------------------------------------------------------------------- */

  function receive(events, fromCache) {
    var changed = false;
    (events || []).slice().sort(function (a, b) { return a.seq - b.seq; }).forEach(function (e) {
      var shown = runningMinute();  // before `accept`, which may start a ready room's clock
      if (accept(e)) changed = true;
      if (!fromCache && typeof e.t === "number" && e.t > shown) setClock(e.t);
    });
    if (changed) {
      refresh();
      if (!fromCache) saveCache();
    }
  }

  function accept(e) {
    if (!e || typeof e.seq !== "number" || state.seen[e.seq]) return false;
    if (Array.isArray(e.audience) && e.audience.indexOf(ROLE) < 0) return false;
    state.seen[e.seq] = true;
    cache.push(e);
    if (e.seq > state.maxSeq) state.maxSeq = e.seq;
    if (typeof e.t === "number" && e.t > state.minute) state.minute = e.t;
    if (state.status === "ready" && e.kind !== "end") state.status = "running";
    switch (e.kind) {
      case "inject": onInject(e); break;
      case "action": onAction(e); break;
      case "refused": logEntry(e, "refused"); break;
      case "reply": logEntry(e, "reply"); break;
      case "fact": logEntry(e, "fact"); break;
      case "deadline_missed":
        if (state.calls[e.inject]) state.calls[e.inject].missed = e.t;
        logEntry(e, "missed");
        break;
      case "escalation":
        state.level = e.to;
        showBanner("escalation", _("Khủng hoảng leo thang lên Cấp %(level)s: %(name)s", { level: e.to, name: D.levelName(e.name) }));
        logEntry(e, "escalation");
        break;
      case "end":
        state.status = "ended";
        logEntry(e, "end");
        break;
      default: break;
    }
    return true;
  }

  /* ---- injects: feeds, calls ---------------------------------------------------------------- */

  function onInject(e) {
    state.items[e.inject] = e;
    state.itemOrder.push(e.inject);
    if (e.channel === "press_call") state.calls[e.inject] = { event: e, answered: null, missed: null };
    var feed = document.getElementById(FEEDS[e.channel] || "feed-dispatch");
    var empty = feed.querySelector(".empty");
    if (empty) empty.remove();
    var card = itemCard(e);
    state.itemNodes[e.inject] = card;
    feed.insertBefore(card, feed.firstChild);
  }

  function itemCard(e) {
    var channel = D.labelOf(D.INJECT_CHANNELS, e.channel);
    var card = el("article", { class: "item ch-" + e.channel, id: "item-" + e.inject, dataset: { inject: e.inject } },
      el("header", null,
        el("span", { class: "t" }, fmtT(e.t)),
        el("span", { class: "tag tag-" + e.channel }, D.vi(channel)),
        el("span", { class: "sender" }, D.vi(e.sender))));
    if (e.title) {
      card.appendChild(el("h3", null, D.vi(e.title)));
    }
    if (e.content && !(e.question && e.question.vi === e.content.vi)) {
      card.appendChild(el("p", { class: "content" }, D.vi(e.content)));
    }
    if (e.question) {
      card.appendChild(el("div", { class: "question" },
        el("strong", null, _("Câu hỏi:") + " "), D.vi(e.question)));
    }
    if (typeof e.reach === "number" && e.reach > 0) {
      card.appendChild(el("p", { class: "reach" }, _("Tiếp cận khoảng %(count)s người", { count: e.reach.toLocaleString("vi-VN") })));
    }
    if (e.channel === "press_call") card.appendChild(el("div", { class: "countdown" }));
    card.appendChild(el("div", { class: "marks" }));
    var quick = quickButtons(e);
    if (quick.length) card.appendChild(el("div", { class: "quick" }, quick));
    return card;
  }

  function quickButtons(e) {
    var buttons = [];
    function add(type, param) {
      if (!allowed[type] || !accepts(type, param, e.channel)) return;
      buttons.push(el("button", { type: "button", class: "small secondary", dataset: { action: type }, onclick: function () { openForm(type, param, e.inject); } },
        D.ACTIONS[type].vi));
    }
    add("answer_press", "call");
    add("request_takedown", "post");
    add("request_correction", "article");
    add("flag_issue", "item");
    add("refer_police", "item");
    return buttons;
  }

  function accepts(type, param, channel) {
    var spec = (SPECS[type] || []).filter(function (f) { return f.name === param && f.kind === "item"; })[0];
    return !!spec && (spec.channels === ANY || spec.channels.indexOf(channel) >= 0);
  }

  function itemLabel(id) {
    var e = state.items[id];
    if (!e) return id;
    var what = e.title ? e.title.vi : (e.question ? e.question.vi : (e.content ? e.content.vi : id));
    return fmtT(e.t) + " · " + D.preview(D.vi(e.sender), 40) + " — " + D.preview(what, 70);
  }

  /* ---- actions, replies, facts: the team log and the chat ----------------------------------- */

  function onAction(e) {
    state.actions[e.seq] = e;
    if (e.type === "message") { chatEntry(e); return; }
    var params = e.params || {};
    ITEM_PARAMS.forEach(function (p) {
      if (typeof params[p] === "string") {
        (state.marks[params[p]] = state.marks[params[p]] || []).push(e);
        if (p === "call" && state.calls[params[p]] && state.calls[params[p]].answered === null) {
          state.calls[params[p]].answered = e.t;
          state.calls[params[p]].refused = typeof params.refusal === "string";
        }
      }
    });
    logEntry(e, "action");
  }

  function describeParams(type, params) {
    var parts = [];
    params = params || {};
    Object.keys(params).forEach(function (key) {
      var value = params[key], text;
      if (ITEM_PARAMS.indexOf(key) >= 0) text = itemLabel(value);
      else if (key === "to" || key === "speaker") text = D.vi(roleName(value));
      else if (key === "participants" && Array.isArray(value)) text = value.map(function (r) { return D.vi(roleName(r)); }).join(", ");
      else if (key === "agency") text = D.vi(agencyLabel(value));
      else if (key === "form") text = D.vi(D.labelOf(D.FORMS, value));
      else if (key === "channel") text = D.vi(D.labelOf(D.STATEMENT_CHANNELS, value));
      else if (key === "mode") text = D.vi(D.labelOf(D.MODES, value));
      else if (key === "route") text = D.vi(D.labelOf(D.ROUTES, value));
      else if (key === "refusal" || key === "withheld") text = D.vi(D.labelOf(D.REFUSALS, value));
      else if (key === "level") text = _("Cấp %(level)s", { level: value });
      else if (typeof value === "string") text = value;
      else text = JSON.stringify(value);
      parts.push({ key: key, label: D.vi(D.PARAMS[key], key), text: text });
    });
    return parts;
  }

  function agencyLabel(id) { return D.AGENCIES[id] || roleLabels[id] || D.L(id, null); }

  function paramList(type, params) {
    var parts = describeParams(type, params);
    if (!parts.length) return null;
    return el("dl", { class: "params" }, parts.map(function (p) {
      var long = p.text.length > 90;
      return [el("dt", null, p.label), el("dd", { class: long ? "long" : null }, D.preview(p.text, 900))];
    }));
  }

  function actor(role) {
    return role === ROLE ? _("Bạn") : D.vi(roleName(role));
  }

  function logEntry(e, style) {
    var list = document.getElementById("team-log");
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    var head, body = [];
    if (style === "action") {
      head = [el("strong", null, actor(e.role)), " — ", bi(D.labelOf(D.ACTIONS, e.type))];
      body.push(paramList(e.type, e.params));
    } else if (style === "refused") {
      head = [el("strong", null, D.vi(D.KINDS.refused)), " — ", bi(D.labelOf(D.ACTIONS, e.type))];
      body.push(el("p", { class: "reason" }, D.vi(e.reason)));
    } else if (style === "reply") {
      var to = state.actions[e.in_reply_to];
      head = [el("strong", null, D.vi(D.ACTORS[e.actor] || agencyLabel(e.actor))), " " + _("phản hồi"),
              to ? " — " + D.vi(D.labelOf(D.ACTIONS, to.type)) + (to.role !== ROLE ? " (" + D.vi(roleName(to.role)) + ")" : "") : ""];
      body.push(el("p", null, D.vi(e.content)));
    } else if (style === "fact") {
      head = [el("strong", null, D.vi(D.KINDS.fact)), " — ", D.vi(agencyLabel(e.source))];
      body.push(el("p", null, D.vi(e.statement)));
    } else if (style === "missed") {
      head = [el("strong", null, D.vi(D.KINDS.deadline_missed)), " — ", itemLabel(e.inject)];
      body.push(el("p", { class: "reason" }, _("Phóng viên không nhận được trả lời trong thời hạn và có thể tự đăng bài.")));
    } else if (style === "escalation") {
      head = [el("strong", null, _("Leo thang: Cấp %(from)s → Cấp %(to)s", { from: e.from, to: e.to })), " — ", D.levelName(e.name)];
    } else if (style === "end") {
      head = [el("strong", null, _("Buổi diễn tập kết thúc"))];
      body.push(el("p", null, _("Cấp độ cao nhất: %(max)s · cấp cuối: %(final)s", { max: e.max_level, final: e.final_level })));
    }
    var item = el("li", { class: "log log-" + style + (e.role === ROLE ? " mine" : "") },
      el("div", { class: "log-head" }, el("span", { class: "t" }, fmtT(e.t)), el("span", null, head)), body);
    list.insertBefore(item, list.firstChild);
  }

  function chatEntry(e) {
    var log = document.getElementById("chat-log");
    var empty = log.querySelector(".empty");
    if (empty) empty.remove();
    var text = e.params && typeof e.params.text === "string" ? e.params.text : "";
    var msg = el("div", { class: "chat-msg" + (e.role === ROLE ? " mine" : "") },
      el("div", { class: "chat-meta" }, el("span", { class: "who" }, actor(e.role)), " ", el("span", { class: "t" }, fmtT(e.t))),
      el("div", { class: "chat-text" }, text));
    log.appendChild(msg);
    log.scrollTop = log.scrollHeight;
  }

  /* ---- forms ---------------------------------------------------------------------------- */

  function F(name, kind, opts) {
    var f = { name: name, kind: kind, required: true, rows: 3, channels: ANY };
    Object.keys(opts || {}).forEach(function (k) { f[k] = opts[k]; });
    return f;
  }
  var OPTIONAL = { required: false, rows: 2 };

  var SPECS = {
    flag_issue: [F("item", "item", { required: false }), F("level", "level"), F("note", "textarea", OPTIONAL)],
    report_up: [F("to", "report_to"), F("summary", "textarea", { rows: 4 })],
    convene_meeting: [F("participants", "roles", { required: false }), F("agenda", "textarea", { rows: 3 })],
    assign_verification: [F("agency", "agency"), F("note", "textarea", OPTIONAL)],
    verify: [F("agency", "agency", { required: false }), F("note", "textarea", OPTIONAL)],
    choose_form: [F("form", "form"), F("note", "textarea", OPTIONAL)],
    propose_spokesperson: [F("speaker", "role"), F("name", "input", { required: false }), F("note", "textarea", OPTIONAL)],
    assign_spokesperson: [F("speaker", "role"), F("name", "input", { required: false })],
    situation_report: [F("channel", "channel"), F("text", "textarea", { rows: 5 })],
    issue_statement: [F("channel", "channel"), F("form", "form"), F("text", "textarea", { rows: 7 })],
    hold_press_conference: [F("mode", "mode"), F("text", "textarea", { rows: 7 })],
    answer_press: [F("call", "item", { channels: ["press_call"] }), F("text", "answer")],
    request_correction: [F("article", "item", { channels: ["press_article", "tv"] }), F("text", "textarea", { rows: 4 })],
    request_takedown: [F("post", "item", { channels: ["social_post"] }), F("note", "textarea", OPTIONAL)],
    refer_police: [F("item", "item"), F("note", "textarea", OPTIONAL)],
    direct_press: [F("text", "textarea", { rows: 4 })],
    report_results: [F("summary", "textarea", { rows: 4 })],
    monitor: [F("note", "textarea", OPTIONAL)],
    order_followup: [F("text", "textarea", { rows: 3 })],
    resolve_cause: [F("route", "route"), F("text", "textarea", { rows: 4 })],
    contact_admin: [F("post", "item", { channels: ["social_post"] }), F("note", "textarea", OPTIONAL)],
    request_site_removal: [F("article", "item", { channels: ["press_article"] }), F("note", "textarea", OPTIONAL)],
    daily_report: [F("text", "textarea", { rows: 4 })],
    notify_press_conference: [F("in_hours", "hours"), F("text", "textarea", { rows: 4 })]
  };

  function options(select, entries, placeholder) {
    if (placeholder) select.appendChild(el("option", { value: "" }, placeholder));
    entries.forEach(function (entry) { select.appendChild(el("option", { value: entry[0] }, entry[1])); });
    return select;
  }

  function mapEntries(keys, map) {
    return keys.map(function (k) { var l = D.labelOf(map, k); return [k, D.vi(l)]; });
  }

  function control(type, f) {
    var id = "f-" + type + "-" + f.name;
    var req = f.required ? true : null;
    switch (f.kind) {
      case "textarea":
        return el("textarea", { id: id, name: f.name, rows: f.rows, maxlength: 5000, required: req });
      case "input":
        return el("input", { id: id, name: f.name, maxlength: 200, required: req });
      case "item":
        return el("select", { id: id, name: f.name, class: "item-select", required: req,
                              dataset: { channels: f.channels === ANY ? "*" : f.channels.join(","), optional: f.required ? "" : "1" } });
      case "level":
        return options(el("select", { id: id, name: f.name, required: req, dataset: { int: "1" } }),
          (data.levels || []).filter(function (lv) { return lv.level > 0; }).map(function (lv) {
            return [String(lv.level), _("Cấp %(level)s", { level: lv.level }) + " — " + D.vi(lv.name)];
          }));
      case "report_to":
        return options(el("select", { id: id, name: f.name, required: req }),
          ["propaganda_board", "standing_committee"].filter(function (r) { return r !== ROLE; }).map(function (r) {
            return [r, D.vi(roleName(r))];
          }));
      case "role":
        var roleSelect = options(el("select", { id: id, name: f.name, required: req }),
          (data.roles || []).map(function (r) { return [r.id, D.vi(r.label) + (r.trainee ? "" : " " + _("(mô phỏng)"))]; }));
        roleSelect.value = "spokesperson";
        return roleSelect;
      case "roles":
        return el("div", { class: "checks", id: id, dataset: { name: f.name } },
          (data.roles || []).filter(function (r) { return r.id !== ROLE; }).map(function (r) {
            return el("label", { class: "check" },
              el("input", { type: "checkbox", name: f.name, value: r.id, checked: r.trainee ? true : null }), " ", D.vi(r.label));
          }));
      case "agency":
        return options(el("select", { id: id, name: f.name, required: req }),
          (data.agencies || []).map(function (a) { return [a, D.vi(agencyLabel(a))]; }),
          f.required ? null : _("Tất cả cơ quan liên quan"));
      case "form":
        return options(el("select", { id: id, name: f.name, required: req }), mapEntries(data.forms || [], D.FORMS));
      case "channel":
        return options(el("select", { id: id, name: f.name, required: req }), mapEntries(data.channels || [], D.STATEMENT_CHANNELS));
      case "mode":
        return options(el("select", { id: id, name: f.name, required: req }), mapEntries(Object.keys(D.MODES), D.MODES));
      case "route":
        return options(el("select", { id: id, name: f.name, required: req }), mapEntries(Object.keys(D.ROUTES), D.ROUTES));
      case "hours":
        return el("input", { id: id, name: f.name, type: "number", min: 0, max: 336, step: 1, value: 24, required: req });
      case "answer":
        return answerControl(type);
      default:
        return el("input", { id: id, name: f.name });
    }
  }

  /* answer_press: answer with a text, answer in part (the text, and the lawful ground for the part held
     back: Press Law Art. 31.2, Decree 244/2026), or refuse with a reason. */
  function answerControl(type) {
    var refusalSelect = options(el("select", { name: "refusal_reason", class: "refusal-select" }),
      mapEntries(data.refusals || [], D.REFUSALS).concat([["__other", _("Lý do khác (ghi rõ)")]]));
    var other = el("input", { name: "refusal_other", maxlength: 200, placeholder: _("Lý do khác"), hidden: true });
    var text = el("textarea", { id: "f-" + type + "-text", name: "text", rows: 6, maxlength: 5000, required: true });
    var withheldSelect = options(el("select", { id: "f-" + type + "-withheld", name: "withheld", class: "withheld-select" }),
      mapEntries(data.refusals || [], D.REFUSALS));
    var withheldLabel = D.labelOf(D.PARAMS, "withheld");
    var withheldBox = el("div", { class: "withheld-box", hidden: true },
      el("label", { class: "flabel", for: withheldSelect.id }, D.vi(withheldLabel) + " " + _("(Luật Báo chí, khoản 2 Điều 31)")),
      withheldSelect);
    var refusalBox = el("div", { class: "refusal-box", hidden: true },
      el("span", { class: "flabel" }, _("Lý do từ chối (Luật Báo chí, khoản 2 Điều 31)")),
      refusalSelect, other);
    var textBox = el("div", { class: "text-box" },
      el("label", { class: "flabel", for: "f-" + type + "-text" }, _("Nội dung trả lời")), text);
    function sync() {
      var mode = box.querySelector("input[name=answer_mode]:checked").value;
      var refusing = mode === "refuse";
      refusalBox.hidden = !refusing;
      withheldBox.hidden = mode !== "partial";
      withheldSelect.required = mode === "partial";
      textBox.hidden = refusing;
      text.required = !refusing;
      other.hidden = !(refusing && refusalSelect.value === "__other");
      other.required = !other.hidden;
    }
    function mode(value, label, checked) {
      return el("label", { class: "check" },
        el("input", { type: "radio", name: "answer_mode", value: value, checked: checked || null, onchange: sync }), " " + label);
    }
    var box = el("div", { class: "answer-box" },
      el("div", { class: "radios" },
        mode("answer", _("Trả lời"), true), mode("partial", _("Trả lời một phần")), mode("refuse", _("Từ chối có lý do"))),
      textBox, withheldBox, refusalBox);
    refusalSelect.addEventListener("change", sync);
    return box;
  }

  function buildForms() {
    var holder = document.getElementById("action-forms");
    (data.actions || []).forEach(function (type) {
      if (type === "message" || !SPECS[type]) return;
      var form = el("form", { class: "action-form", dataset: { type: type }, autocomplete: "off" });
      var hint = D.ACTION_HINTS[type];
      if (hint) form.appendChild(el("p", { class: "hint" }, D.vi(hint)));
      SPECS[type].forEach(function (f) {
        var ctl = control(type, f);
        if (f.kind === "answer") { form.appendChild(ctl); return; }
        var label = D.labelOf(D.PARAMS, f.name);
        var wrap = el(f.kind === "roles" ? "fieldset" : "div", { class: "field" },
          el(f.kind === "roles" ? "legend" : "label", { class: "flabel", for: f.kind === "roles" ? null : ctl.id },
            D.vi(label), f.required ? null : el("span", { class: "opt" }, " " + _("(không bắt buộc)"))),
          ctl);
        form.appendChild(wrap);
      });
      form.appendChild(el("div", { class: "form-foot" },
        el("button", { type: "submit" }, _("Thực hiện")), el("span", { class: "form-ack", "aria-live": "polite" })));
      form.addEventListener("submit", function (ev) { ev.preventDefault(); submit(type, form); });
      holder.appendChild(el("details", { class: "action", id: "action-" + type, dataset: { type: type } },
        el("summary", null, bi(D.labelOf(D.ACTIONS, type))), form));
    });
  }

  function collect(type, form) {
    var params = {};
    SPECS[type].forEach(function (f) {
      if (f.kind === "roles") {
        var checked = Array.prototype.map.call(form.querySelectorAll("input[name=" + f.name + "]:checked"), function (c) { return c.value; });
        if (checked.length) params[f.name] = checked;
        return;
      }
      if (f.kind === "answer") {
        var mode = form.querySelector("input[name=answer_mode]:checked").value;
        if (mode === "refuse") {
          var reason = form.querySelector("select[name=refusal_reason]").value;
          params.refusal = reason === "__other" ? form.querySelector("input[name=refusal_other]").value.trim() : reason;
        } else {
          params.text = form.querySelector("textarea[name=text]").value.trim();
          if (mode === "partial") params.withheld = form.querySelector("select[name=withheld]").value;
        }
        return;
      }
      var node = form.elements[f.name];
      if (!node) return;
      var value = typeof node.value === "string" ? node.value.trim() : "";
      if (value === "") return;  // an optional parameter left empty is left out
      params[f.name] = f.kind === "level" || f.kind === "hours" ? parseInt(value, 10) : value;
    });
    return params;
  }

  function submit(type, form) {
    var params = collect(type, form);
    var button = form.querySelector("button[type=submit]");
    var slot = form.querySelector(".form-ack");
    send(type, params, button, slot, function (ok) {
      if (!ok) return;
      Array.prototype.forEach.call(form.querySelectorAll("textarea, input:not([type=checkbox]):not([type=radio])"),
        function (n) { n.value = ""; });
      collapse(form);
    });
  }

  /* A form done with folds away (the board's page grew to 3,700 px with every form left open); its
     summary keeps the acknowledgement, so the trainee still sees what was recorded. */
  function collapse(form) {
    var details = form.parentNode;
    var done = details.querySelector("summary .done");
    if (!done) details.querySelector("summary").appendChild(done = el("span", { class: "done" }));
    done.textContent = " ✓ " + fmtT(state.minute);
    details.open = false;
  }

  /* Each submission has its own key; one whose ack was lost (the connection dropped) is sent again with the
     same key on every reconnect, and the server answers it with the first answer without acting twice. */
  var unacknowledged = {};  // key -> sends that submission again

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);  // unlike crypto.randomUUID, also on plain http (a room on the LAN)
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function send(type, params, button, slot, done) {
    if (button) button.disabled = true;
    if (slot) { D.clear(slot); slot.className = "form-ack pending"; slot.textContent = _("Đang gửi…"); }
    var key = newKey(), acked = false;
    var timer = window.setTimeout(function () {
      if (acked) return;
      if (button) button.disabled = false;
      acknowledge(type, { ok: false, error: _("Chưa nhận được xác nhận (mất kết nối?); sẽ tự gửi lại khi kết nối lại.") }, slot);
    }, 15000);
    function answered(ack) {
      if (acked) return;  // a resend's answer after the first one came
      acked = true;
      delete unacknowledged[key];
      window.clearTimeout(timer);
      if (button) button.disabled = false;
      if (ack && ack.event) receive([ack.event]);
      acknowledge(type, ack || { ok: false, error: "?" }, slot);
      if (done) done(!!(ack && ack.ok));
    }
    unacknowledged[key] = function () { socket.emit("act", { type: type, params: params, key: key }, answered); };
    unacknowledged[key]();
  }

  /* Each action is acknowledged: accepted, or refused with the reason. */
  function acknowledge(type, ack, slot) {
    var label = D.labelOf(D.ACTIONS, type);
    var node;
    if (ack.ok && ack.event) {
      node = el("div", { class: "ack ack-ok", role: "status" },
        el("strong", null, "✓ " + _("Đã ghi nhận")), " — " + _("%(action)s lúc %(time)s", { action: D.vi(label), time: fmtT(ack.event.t) }));
    } else if (ack.event && ack.event.kind === "refused") {
      var reason = ack.event.reason || {};
      node = el("div", { class: "ack ack-refused", role: "alert" },
        el("strong", null, "✗ " + _("Bị từ chối")), " — " + D.vi(label) + ": " + D.vi(reason));
    } else {
      node = el("div", { class: "ack ack-error", role: "alert" },
        el("strong", null, "✗ " + _("Không thực hiện được")), " — " + D.vi(label) + ": " + (ack.error || ""));
    }
    var acks = document.getElementById("acks");
    acks.insertBefore(node, acks.firstChild);
    while (acks.children.length > 4) acks.removeChild(acks.lastChild);
    if (slot) { D.clear(slot); slot.className = "form-ack"; slot.appendChild(node.cloneNode(true)); }
  }

  function openForm(type, param, value) {
    var details = document.getElementById("action-" + type);
    if (!details) return;
    details.open = true;
    refreshSelects();
    var select = details.querySelector("select[name=" + param + "]");
    if (select) select.value = value;
    details.scrollIntoView({ behavior: "smooth", block: "start" });
    var text = details.querySelector("textarea:not([hidden])");
    if (text) text.focus({ preventScroll: true });
  }

  /* ---- refreshing what depends on time and on delivered items ------------------------------ */

  function refreshSelects() {
    Array.prototype.forEach.call(document.querySelectorAll("select.item-select"), function (select) {
      var channels = select.dataset.channels === "*" ? null : select.dataset.channels.split(",");
      var ids = state.itemOrder.filter(function (id) { return !channels || channels.indexOf(state.items[id].channel) >= 0; }).reverse();
      var key = ids.map(function (id) {
        var call = state.calls[id];
        return call ? id + ":" + (call.answered !== null) + (call.missed !== null) : id;
      }).join("|");
      if (select.dataset.key === key) return;
      select.dataset.key = key;
      var current = select.value;
      D.clear(select);
      if (select.dataset.optional) select.appendChild(el("option", { value: "" }, _("(không chọn)")));
      else if (!ids.length) select.appendChild(el("option", { value: "" }, "— " + _("chưa nhận được tin phù hợp") + " —"));
      else select.appendChild(el("option", { value: "" }, "— " + _("chọn") + " —"));
      ids.forEach(function (id) {
        var label = itemLabel(id);
        var call = state.calls[id];
        if (call) label = "[" + (call.answered !== null ? _("đã trả lời") : call.missed !== null ? _("quá hạn") : _("chờ trả lời")) + "] " + label;
        select.appendChild(el("option", { value: id }, label));
      });
      if (current && ids.indexOf(current) >= 0) select.value = current;
      else if (!select.dataset.optional && ids.length === 1) select.value = ids[0];
    });
  }

  function refreshItems() {
    Object.keys(state.itemNodes).forEach(function (id) {
      var card = state.itemNodes[id];
      var marks = card.querySelector(".marks");
      var list = state.marks[id] || [];
      if (marks.childElementCount !== list.length) {
        D.clear(marks);
        list.forEach(function (a) {
          marks.appendChild(el("span", { class: "mark" }, "✓ " + D.vi(D.labelOf(D.ACTIONS, a.type)) + " (" + actor(a.role) + ", " + fmtT(a.t) + ")"));
        });
      }
      var call = state.calls[id];
      if (call) {
        var box = card.querySelector(".countdown");
        var e = call.event;
        D.clear(box);
        if (call.answered !== null) {
          box.className = "countdown done";
          box.appendChild(call.refused
            ? el("span", null, _("Đã từ chối trả lời lúc %(time)s", { time: fmtT(call.answered) }))
            : el("span", null, _("Đã trả lời lúc %(time)s", { time: fmtT(call.answered) })));
        } else if (call.missed !== null) {
          box.className = "countdown missed";
          box.appendChild(el("span", null, _("Quá hạn từ %(time)s", { time: fmtT(call.missed) })));
        } else if (typeof e.deadline === "number") {
          var left = e.deadline - state.minute;
          box.className = "countdown " + (left <= 15 ? "urgent" : "pending");
          box.appendChild(el("span", { class: "left" }, left > 0 ? _("Còn %(left)s", { left: D.fmtMinutes(left) }) : _("Đến hạn")));
          box.appendChild(el("span", { class: "due" }, " · " + _("hạn %(time)s", { time: fmtT(e.deadline) })));
        }
        card.classList.toggle("pending-call", call.answered === null && call.missed === null);
        var answer = card.querySelector("button[data-action=answer_press]");
        if (answer) answer.hidden = call.answered !== null;
      }
    });
  }

  /* ---- the scenario clock ------------------------------------------------------------------ */

  function runningMinute() {
    if (state.status !== "running") return clock.minute;
    return Math.min(data.duration || Infinity, clock.minute + (Date.now() - clock.at) / 60000 * clock.speed);
  }

  function setClock(minute) {
    clock.minute = minute;
    clock.at = Date.now();
    state.minute = minute;
  }

  /* The server's word on the clock ({minute, speed, status}, from `hello`, `status` or a practice control). */
  function anchor(news) {
    if (typeof news.status === "string") state.status = news.status;
    if (typeof news.speed === "number") clock.speed = news.speed;
    if (typeof news.minute === "number") setClock(news.minute);
  }

  function tickClock() {
    if (state.status !== "running") return;
    var minute = runningMinute();
    if (minute <= state.minute) return;
    state.minute = minute;
    refreshHead();
    refreshItems();
  }

  /* ---- the room's head: clock, level, status, banner; the forms closed once the drill is over ---- */

  function refreshHead() {
    document.getElementById("clock").textContent = fmtT(state.minute);
    var level = document.getElementById("level");
    D.clear(level);
    level.className = "level-badge level-" + state.level;
    level.appendChild(el("span", { class: "num" }, _("Cấp %(level)s", { level: state.level })));
    if (levelNames[state.level]) level.appendChild(el("span", { class: "lname" }, D.levelName(levelNames[state.level])));
    var status = document.getElementById("status");
    D.clear(status);
    status.className = "status-badge status-" + state.status;
    status.appendChild(bi(D.labelOf(D.STATUS, state.status)));
    if (state.status !== "ready" && !briefFolded) {
      briefFolded = true;
      document.querySelector("details.brief").open = false;
    }
    if (state.status === "ready" && data.practice) {
      showBanner("info", _("Hãy đọc kỹ nhiệm vụ của vai và tình huống, rồi bấm “Bắt đầu” khi sẵn sàng."));
    } else if (state.status === "ready") {
      showBanner("info", _("Buổi diễn tập chưa bắt đầu. Hãy đọc kỹ nhiệm vụ của vai và tình huống."));
    } else if (state.status === "ended" && data.practice) {
      showBanner("end", _("Buổi tự luyện đã kết thúc. Bảng điểm ở ngay bên dưới."));
    } else if (state.status === "ended") {
      showBanner("end", _("Buổi diễn tập đã kết thúc. Giảng viên sẽ tổng kết và chấm điểm."));
    } else if (state.status === "paused") {
      showBanner("pause", _("Tạm dừng — thời gian kịch bản đang đứng. Bạn vẫn có thể đọc tin và trao đổi trong đội."));
    } else if (bannerKind === "info" || bannerKind === "pause") {
      hideBanner();
    }
    closeFormsIfEnded();
  }

  var formsClosed = false;
  function closeFormsIfEnded() {
    if (state.status !== "ended" || formsClosed) return;
    formsClosed = true;
    Array.prototype.forEach.call(document.querySelectorAll("#action-forms form, #chat-form, .item .quick"), function (node) {
      Array.prototype.forEach.call(node.querySelectorAll("input, textarea, select, button"), function (c) { c.disabled = true; });
    });
    Array.prototype.forEach.call(document.querySelectorAll("#action-forms details"), function (d) { d.open = false; });
    var holder = document.getElementById("action-forms");
    holder.classList.add("closed");
    holder.parentNode.insertBefore(el("p", { class: "forms-closed", role: "status" },
      _("Buổi diễn tập đã kết thúc: không thể thực hiện thêm hành động.")), holder);
  }

  var bannerKind = null;
  var briefFolded = false;  // the brief folds away once, when the drill is under way; the trainee may open it again
  function showBanner(kind, text) {
    var banner = document.getElementById("banner");
    bannerKind = kind;
    D.clear(banner);
    banner.className = "banner banner-" + kind;
    banner.appendChild(el("span", null, text));
    banner.hidden = false;
  }
  function hideBanner() {
    var banner = document.getElementById("banner");
    banner.hidden = true;
    bannerKind = null;
  }

  function refresh() {
    refreshHead();
    refreshItems();
    refreshSelects();
  }

  function setConnection(kind, text) {
    var conn = document.getElementById("conn");
    D.clear(conn);
    conn.className = "conn conn-" + kind;
    conn.appendChild(el("span", null, text));
  }

  /* ---- start ---------------------------------------------------------------------------- */

  buildForms();
  receive(loadCache(), true);
  refresh();

  document.getElementById("chat-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var input = document.getElementById("chat-text");
    var text = input.value.trim();
    if (!text) return;
    var button = ev.target.querySelector("button");
    send("message", { text: text }, button, null, function (ok) { if (ok) input.value = ""; });
  });

  var socket = window.io("/trainee");
  var retryRefused = window.DrillSocket.retryRefused(socket, setConnection);
  socket.on("connect", function () {
    setConnection("ok", _("Đã kết nối"));
    socket.emit("sync", { after: state.maxSeq }, function (ack) {
      if (ack && ack.ok) receive(ack.events);
    });
    Object.keys(unacknowledged).forEach(function (key) { unacknowledged[key](); });
  });
  // `hello` on connect and `status` after each instructor control carry {status, minute, level, speed, fault}.
  function applyTeamState(news) {
    if (!news) return;
    anchor(news);
    if (typeof news.level === "number") state.level = news.level;
    if (news.fault) setConnection("lost", _("Đội tạm dừng do lỗi hệ thống — chờ giảng viên."));
    refresh();
    document.dispatchEvent(new CustomEvent("drill:status", { detail: news }));
  }
  socket.on("hello", applyTeamState);
  socket.on("status", applyTeamState);
  socket.on("event", function (e) { receive([e]); });
  socket.on("disconnect", function (reason) {
    setConnection("lost", _("Mất kết nối — đang kết nối lại…"));
    // The server closed this socket (its login ended: a logout, another login in this browser). Socket.IO does not
    // reconnect by itself after that; connecting again is refused and says why (connect_error below).
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", function (err) {
    if (err && err.message === "not a trainee") {  // the login is gone (expired, logged out, replaced): join again
      setConnection("lost", _("Phiên đã hết hạn — đang chuyển tới trang vào đội…"));
      window.location.assign(data.rejoin);
      return;
    }
    if (retryRefused(err)) return;  // too many connections at once: tried again later, said on the line
    setConnection("lost", _("Không kết nối được — đang thử lại…"));
  });

  window.setInterval(tickClock, 1000);

  window.DrillRoom = { state: state, refresh: refresh, openForm: openForm, anchor: anchor };
})();
