/* The drill editor: the drill as one JSON object, a form and a YAML view kept in step, every change checked.

   Editing the form changes the object; 300 ms after the last change the object goes to the server, which
   writes its YAML and checks it with the scenario loader (`parse_scenario`, as `run.py validate` does); the
   answer's YAML fills the YAML view and each error is put next to the control its field path names
   (`injects[3].response_window`), errors without a field in the summary. Editing the YAML sends the text:
   if it reads as a drill, the form is rebuilt from it; its errors are marked on their lines. The text being
   edited is kept as the drill's draft (so nothing typed is lost); "Lưu phiên bản" makes a version of a valid
   text. Dry run and MSEL live in authoring-dryrun.js and authoring-msel.js.
   Page data: the JSON block #authoring-data (see instructor/authoring/pages.py). */
(function () {
  "use strict";
  var D = window.Drill, M = window.AuthoringModel, Net = window.AuthoringNet, el = D.el;
  var ENGLISH = document.documentElement.lang === "en";  // an error's English is its `message`, its Vietnamese `vi`
  var config = D.readJSON("authoring-data");
  var readonly = config.readonly;
  var $ = function (id) { return document.getElementById(id); };
  var dom = {
    form: $("au-form"), nav: $("au-nav"), timeline: $("au-timeline"), yaml: $("au-yaml"), gutter: $("au-gutter"),
    yamlErrors: $("au-yaml-errors"), summary: $("au-summary"), status: $("au-status"), save: $("au-save"),
    note: $("au-note"), saveResult: $("au-save-result"), draftState: $("au-draft-state"), dryrun: $("au-dryrun"),
    dryPanel: $("au-dryrun-panel"), mselPanel: $("au-msel-panel"), mselFile: $("au-msel-file"), title: $("au-title"),
    latest: $("au-latest"), formNotice: $("au-form-notice"), tabForm: $("tab-form"), tabYaml: $("tab-yaml"),
    panelForm: $("panel-form"), panelYaml: $("panel-yaml")
  };
  var SECTION_OF = { roles: "roles", levels: "levels", injects: "injects", facts: "facts", false_claims: "false_claims",
                     key_messages: "key_messages", opinion: "opinion", actors: "opinion", cast: "cast" };

  var state = {
    data: config.checked.data || {}, yaml: config.checked.yaml, errors: config.checked.errors, ok: config.checked.ok,
    conditions: config.checked.conditions || {},
    formUsable: config.checked.data !== null, latestText: config.latest_text, latest: config.drill && config.drill.latest,
    savedDraft: config.checked.yaml, edits: 0, seq: 0, source: null, timer: null, draftTimer: null,
    inflight: Promise.resolve(), checking: false, gutterKey: null
  };
  var form = null;
  var ctx = { data: function () { return state.data; }, edit: edit, readonly: readonly, config: config };

  /* ---- editing and checking -------------------------------------------------------------------- */

  function edit(mutate, how) {
    if (readonly || !state.formUsable) return;
    mutate(state.data);
    state.edits++;
    if (how === "form") renderForm(); else if (how === "deps") form.refresh();
    form.summaries();
    renderTimeline();
    updateTitle();
    schedule("form");
  }

  function schedule(source) {
    dom.dryPanel.classList.add("stale");
    state.source = source;
    state.checking = true;
    setStatus();
    clearTimeout(state.timer);
    state.timer = setTimeout(check, 300);
  }

  function check() {
    state.timer = null;
    var seq = ++state.seq, edits = state.edits, source = state.source;
    var body = source === "yaml" ? { yaml: state.yaml } : { data: state.data };
    var request = Net.post(config.urls.validate, body, config.csrf).then(function (res) {
      if (seq !== state.seq || edits !== state.edits) return;  // a newer change follows; its own check answers
      state.checking = false;
      if (!res.ok) { setStatus(res.body.error); return; }
      apply(res.body, source);
    });
    state.inflight = request;
    return request;
  }

  /* Resolves once the text on screen has been checked (what save, dry run and MSEL send). */
  function settle() {
    if (state.timer) { clearTimeout(state.timer); check(); }
    var request = state.inflight;
    return request.then(function () { return state.timer || state.inflight !== request ? settle() : null; });
  }

  function apply(result, source) {
    state.errors = result.errors;
    state.ok = result.ok;
    state.conditions = result.conditions || {};
    if (source === "yaml") {
      state.formUsable = result.data !== null;
      if (result.data !== null) { state.data = result.data; renderForm(); } else setFormUsable();
    } else {
      state.yaml = result.yaml;
      dom.yaml.value = result.yaml;
    }
    showErrors();
    renderTimeline();
    updateTitle();
    setStatus();
    updateButtons();
    scheduleDraft();
  }

  /* Text from elsewhere (an MSEL import, an undo) replaces what is edited. */
  function load(result) {
    dom.dryPanel.classList.add("stale");
    state.edits++;
    state.yaml = result.yaml;
    dom.yaml.value = result.yaml;
    apply(result, "yaml");
  }

  /* ---- rendering ---------------------------------------------------------------------------------- */

  function renderForm() {
    form = window.AuthoringForm.render(dom.form, ctx, dom.nav);
    setFormUsable();
    showErrors();
  }

  function setFormUsable() {
    dom.form.disabled = readonly || !state.formUsable;
    dom.formNotice.hidden = state.formUsable;
  }

  function renderTimeline() {
    window.AuthoringTimeline.render(dom.timeline, state.formUsable ? state.data : {}, pick, state.conditions || {});
  }

  function updateTitle() {
    var title = state.data && state.data.title;
    if (state.formUsable && title && title.vi) dom.title.textContent = title.vi;
  }

  function pick(index) {
    showTab("form");
    var card = $("inject-" + index);
    if (!card) return;
    card.open = true;
    card.scrollIntoView({ block: "start", behavior: "smooth" });
    var first = card.querySelector("input, select, textarea");
    if (first) first.focus({ preventScroll: true });
  }

  /* ---- errors ---------------------------------------------------------------------------------------- */

  function message(error) {
    return el("span", null, ENGLISH ? error.message : error.vi || error.message);
  }

  function field(path) {
    return dom.form.querySelector('[data-field="' + CSS.escape(path) + '"]');
  }

  /* The control an error's path names, or the nearest part of the form that holds it; a check on a
     whole item that names one of its fields ('response_window') goes to that field. */
  function targetFor(error) {
    if (!state.formUsable || error.path === "(file)") return null;
    var parts = M.parsePath(error.path);
    for (var n = parts.length; n > 0; n--) {
      var path = M.pathOf(parts.slice(0, n)), node = field(path);
      if (!node) continue;
      if (n === parts.length) {
        var names = (error.message.match(/'([a-z_]+)'/g) || []).map(function (s) { return s.slice(1, -1); });
        for (var i = 0; i < names.length; i++) {
          var child = field(path + "." + names[i]);
          if (child) return child;
        }
      }
      return node;
    }
    return null;
  }

  function goTo(target, error) {
    if (!target) { showTab("yaml"); selectLine(error.line); return; }
    showTab("form");
    for (var p = target; p && p !== dom.form; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    target.scrollIntoView({ block: "center", behavior: "smooth" });
    var control = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
    if (control) control.focus({ preventScroll: true });
  }

  function showErrors() {
    Array.prototype.forEach.call(dom.form.querySelectorAll(".af-errors"), D.clear);
    Array.prototype.forEach.call(dom.form.querySelectorAll(".invalid"), function (n) { n.classList.remove("invalid"); });
    Array.prototype.forEach.call(dom.form.querySelectorAll("[aria-invalid]"), function (n) { n.removeAttribute("aria-invalid"); });
    var placed = [], unplaced = [], counts = {};
    state.errors.forEach(function (error) {
      var target = targetFor(error);
      var top = M.parsePath(error.path)[0];
      counts[SECTION_OF[top] || "general"] = (counts[SECTION_OF[top] || "general"] || 0) + 1;
      var inject = /^injects\[(\d+)\]/.exec(error.path);
      if (inject) counts["inject-" + inject[1]] = (counts["inject-" + inject[1]] || 0) + 1;
      if (!target) { unplaced.push(error); return; }
      placed.push({ error: error, target: target });
      var list = target.querySelector(":scope > .af-errors");
      if (list) list.appendChild(el("li", { "data-error": error.path }, message(error)));
      target.classList.add("invalid");
      var control = target.querySelector(":scope > input, :scope > select, :scope > textarea");
      if (control) control.setAttribute("aria-invalid", "true");
      for (var p = target.parentElement; p && p !== dom.form; p = p.parentElement) if (p.tagName === "DETAILS") p.open = true;
    });
    Array.prototype.forEach.call(dom.nav.querySelectorAll("a[data-section]"), function (a) {
      var n = counts[a.getAttribute("data-section")] || 0;
      a.querySelector(".err-count").textContent = n ? " " + n : "";
    });
    Array.prototype.forEach.call(dom.form.querySelectorAll(".inject-card"), function (card) {
      var n = counts[card.id] || 0, badge = card.querySelector(":scope > summary .err-count");
      if (badge) badge.textContent = n ? _("%(count)s lỗi", { count: n }) : "";
    });
    summary(placed, unplaced);
    yamlErrors();
  }

  function summary(placed, unplaced) {
    D.clear(dom.summary);
    dom.summary.className = "card au-summary " + (state.ok ? "ok" : "bad");
    if (state.ok) {
      dom.summary.appendChild(readonly
        ? el("p", null, "✓ " + _("Kịch bản hợp lệ."))
        : el("p", null, "✓ " + _("Kịch bản hợp lệ: có thể lưu phiên bản, chạy thử, tải bảng sự kiện.")));
      return;
    }
    dom.summary.appendChild(el("h2", null, "✗ " + _("%(count)s lỗi", { count: state.errors.length })));
    if (unplaced.length) {
      dom.summary.appendChild(el("p", { class: "hint" }, _("Lỗi chung (không gắn với một ô nào):")));
      dom.summary.appendChild(el("ul", { class: "au-general-errors" }, unplaced.map(function (error) {
        return el("li", null, el("button", { type: "button", class: "linkish", onclick: function () { goTo(null, error); } },
          _("Dòng %(line)s", { line: error.line }) + " · " + error.path), " ", message(error));
      })));
    }
    if (placed.length) {
      dom.summary.appendChild(el("details", { class: "au-field-errors" },
        el("summary", null, _("%(count)s lỗi hiện bên cạnh ô của nó", { count: placed.length })),
        el("ul", null, placed.map(function (p) {
          return el("li", null, el("button", { type: "button", class: "linkish", onclick: function () { goTo(p.target, p.error); } },
            el("code", null, p.error.path)), " ", message(p.error));
        }))));
    }
  }

  /* ---- the YAML view ---------------------------------------------------------------------------------- */

  function gutter() {
    var count = state.yaml.split("\n").length;
    var key = count + "|" + state.errors.map(function (e) { return e.line; }).join(",");
    if (key === state.gutterKey) return;
    state.gutterKey = key;
    var bad = {};
    state.errors.forEach(function (e) { (bad[e.line] = bad[e.line] || []).push(e.path + ": " + (ENGLISH ? e.message : e.vi || e.message)); });
    D.clear(dom.gutter);
    for (var i = 1; i <= count; i++) {
      dom.gutter.appendChild(el("span", { class: bad[i] ? "err" : null, title: bad[i] ? bad[i].join("\n") : null }, String(i)));
    }
    dom.gutter.scrollTop = dom.yaml.scrollTop;
  }

  function yamlErrors() {
    gutter();
    D.clear(dom.yamlErrors);
    state.errors.forEach(function (error) {
      dom.yamlErrors.appendChild(el("li", null, el("button", { type: "button", class: "linkish", onclick: function () { selectLine(error.line); } },
        _("Dòng %(line)s", { line: error.line })), " ", el("code", null, error.path), " ", message(error)));
    });
  }

  function selectLine(line) {
    showTab("yaml");
    var lines = dom.yaml.value.split("\n");
    var start = lines.slice(0, Math.max(0, line - 1)).reduce(function (n, s) { return n + s.length + 1; }, 0);
    dom.yaml.focus();
    dom.yaml.setSelectionRange(start, start + (lines[line - 1] || "").length);
    var height = parseFloat(getComputedStyle(dom.yaml).lineHeight) || 20;
    dom.yaml.scrollTop = Math.max(0, (line - 6) * height);
  }

  function showTab(name) {
    var yaml = name === "yaml";
    dom.panelYaml.hidden = !yaml;
    dom.panelForm.hidden = yaml;
    dom.tabYaml.setAttribute("aria-selected", String(yaml));
    dom.tabForm.setAttribute("aria-selected", String(!yaml));
    if (yaml) gutter();
  }

  /* ---- status, saving, the draft ---------------------------------------------------------------------- */

  function setStatus(error) {
    D.clear(dom.status);
    dom.status.className = "au-status " + (error ? "bad" : state.checking ? "checking" : state.ok ? "ok" : "bad");
    if (error) dom.status.appendChild(el("span", null, D.vi(error)));
    else if (state.checking) dom.status.appendChild(el("span", null, _("Đang kiểm tra…")));
    else if (state.ok) dom.status.appendChild(el("span", null, "✓ " + _("Hợp lệ")));
    else dom.status.appendChild(el("span", null, "✗ " + _("%(count)s lỗi", { count: state.errors.length })));
  }

  function updateButtons() {
    var why = _("Sửa hết lỗi trước");
    [dom.dryrun].concat(Array.prototype.slice.call(document.querySelectorAll("[data-msel]"))).forEach(function (b) {
      b.disabled = !state.ok;
      b.title = state.ok ? "" : why;
    });
    if (!dom.save) return;
    dom.save.disabled = !state.ok;
    dom.save.classList.toggle("invalid", !state.ok);
    dom.save.title = state.ok ? "" : _("Chỉ kịch bản hợp lệ mới lưu thành phiên bản; bản nháp vẫn được giữ tự động.");
  }

  function result(node, kind, text) {
    D.clear(node);
    node.className = "ack ack-" + kind;
    node.setAttribute("role", kind === "error" ? "alert" : "status");
    node.appendChild(el("span", null, text));
  }

  /* Every time on these pages is Vietnam time (the server's pages too, web/local_time.py), whatever the browser's zone. */
  function vietnamTime(moment, withDate) {
    var parts = { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false };
    if (withDate) { parts.day = "2-digit"; parts.month = "2-digit"; parts.year = "numeric"; }
    return moment.toLocaleString("vi-VN", parts);
  }

  function showLatest() {
    if (!dom.latest || !state.latest) return;
    dom.latest.textContent = _("phiên bản mới nhất: %(number)s (%(time)s)", { number: state.latest.number, time: vietnamTime(new Date(state.latest.created_at), true) });
  }

  function save() {
    dom.save.disabled = true;
    result(dom.saveResult, "pending", _("Đang lưu…"));
    settle().then(function () {
      if (!state.ok) {
        result(dom.saveResult, "error", _("Chưa lưu phiên bản: còn %(count)s lỗi; bản nháp vẫn được giữ.", { count: state.errors.length }));
        return null;
      }
      var text = state.yaml;
      return Net.post(config.urls.save, { yaml: text, note: dom.note.value }, config.csrf).then(function (res) {
        var b = res.body;
        if (!res.ok) { result(dom.saveResult, "error", D.vi(b.error)); return; }
        if (b.status === "version") {
          state.latestText = text;
          state.savedDraft = text;
          state.latest = b.version;
          dom.note.value = "";
          showLatest();
          result(dom.saveResult, "ok", "✓ " + _("Đã lưu phiên bản %(number)s.", { number: b.version.number }));
        } else if (b.status === "unchanged") {
          result(dom.saveResult, "ok", _("Không có thay đổi so với phiên bản %(number)s.", { number: b.version.number }));
        } else {
          result(dom.saveResult, "error", _("Chưa lưu phiên bản: còn %(count)s lỗi; đã giữ làm bản nháp.", { count: b.errors.length }));
        }
        draftState();
      });
    }).then(updateButtons, updateButtons);
  }

  function scheduleDraft() {
    if (!config.urls.draft) return;
    clearTimeout(state.draftTimer);
    if (state.yaml === state.savedDraft) { draftState(); return; }
    draftState("pending");
    state.draftTimer = setTimeout(saveDraft, 1200);
  }

  function saveDraft() {
    var text = state.yaml;
    Net.post(config.urls.draft, { yaml: text }, config.csrf).then(function (res) {
      if (res.ok) { state.savedDraft = text; state.draftAt = new Date(); }
      draftState(res.ok ? null : "failed", res.body.error);
    });
  }

  function draftState(mode, error) {
    if (!dom.draftState) return;
    var time = state.draftAt ? vietnamTime(state.draftAt, false) : "";
    var text = state.yaml === state.latestText ? _("Trùng với phiên bản mới nhất.")
      : mode === "pending" ? _("Đang giữ bản nháp…")
      : mode === "failed" ? _("Chưa giữ được bản nháp:") + " " + D.vi(error)
      : time ? _("Bản nháp đã được giữ lúc %(time)s — chưa phải phiên bản.", { time: time })
      : _("Bản nháp đã được giữ — chưa phải phiên bản.");
    D.clear(dom.draftState);
    dom.draftState.className = "au-draft " + (mode === "failed" ? "bad" : "");
    dom.draftState.appendChild(document.createTextNode(text));
  }

  /* ---- dry run and MSEL ----------------------------------------------------------------------------- */

  function failure(panel, error) {
    D.clear(panel);
    panel.hidden = false;
    panel.appendChild(el("p", { class: "ack ack-error", role: "alert" }, D.vi(error)));
    panel.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  function dryRun() {
    window.AuthoringDryRun.pending(dom.dryPanel);
    settle().then(function () {
      if (!state.ok) { failure(dom.dryPanel, _("Kịch bản còn lỗi: hãy sửa trước khi chạy thử.")); return null; }
      return Net.post(config.urls.dry_run, { yaml: state.yaml }, config.csrf).then(function (res) {
        if (!res.ok) { failure(dom.dryPanel, res.body.error); return; }
        window.AuthoringDryRun.render(dom.dryPanel, res.body, config.rules);
        dom.dryPanel.scrollIntoView({ block: "start", behavior: "smooth" });
      });
    });
  }

  function exportMsel(format) {
    settle().then(function () {
      if (!state.ok) return;
      window.AuthoringMsel.download(config.urls.msel_export, state.yaml, format, config.csrf).then(function (error) {
        if (error) failure(dom.mselPanel, error);
      });
    });
  }

  function importMsel() {
    var file = dom.mselFile.files[0];
    dom.mselFile.value = "";
    if (!file) return;
    var before = null;
    window.AuthoringMsel.read(file).then(function (content) {
      /* Read the sheet onto the text as it was before the import, with the user's column mapping if any. */
      function send(mapping) {
        var body = { yaml: before, file: content };
        if (mapping) body.mapping = mapping;
        return Net.post(config.urls.msel_import, body, config.csrf).then(function (res) {
          if (!res.ok) { failure(dom.mselPanel, res.body.error); return; }
          load(res.body);
          dom.mselPanel.scrollIntoView({ block: "start", behavior: "smooth" });
          window.AuthoringMsel.report(dom.mselPanel, res.body, function () {
            state.edits++;
            state.yaml = before;
            dom.yaml.value = before;
            schedule("yaml");
          }, send);
        });
      }
      return settle().then(function () {
        before = state.yaml;
        return send(null);
      });
    }, function (error) { failure(dom.mselPanel, error); });
  }

  /* ---- start ---------------------------------------------------------------------------------------- */

  function start() {
    dom.yaml.value = state.yaml;
    dom.yaml.readOnly = readonly;
    renderForm();
    renderTimeline();
    setStatus();
    updateButtons();
    showLatest();
    draftState();
    dom.tabForm.addEventListener("click", function () { showTab("form"); });
    dom.tabYaml.addEventListener("click", function () { showTab("yaml"); });
    dom.yaml.addEventListener("input", function () {
      if (readonly) return;
      state.yaml = dom.yaml.value;
      state.edits++;
      gutter();
      schedule("yaml");
    });
    dom.yaml.addEventListener("scroll", function () { dom.gutter.scrollTop = dom.yaml.scrollTop; });
    dom.dryrun.addEventListener("click", dryRun);
    Array.prototype.forEach.call(document.querySelectorAll("[data-msel]"), function (b) {
      b.addEventListener("click", function () { exportMsel(b.getAttribute("data-msel")); });
    });
    if (dom.save) {
      dom.save.addEventListener("click", save);
      dom.mselFile.addEventListener("change", importMsel);
      document.addEventListener("keydown", function (ev) {
        if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") { ev.preventDefault(); if (!dom.save.disabled) save(); }
      });
      window.addEventListener("beforeunload", function (ev) {
        if (state.timer || state.yaml !== state.savedDraft) { ev.preventDefault(); ev.returnValue = ""; }
      });
    }
    var resize = null;
    window.addEventListener("resize", function () { clearTimeout(resize); resize = setTimeout(renderTimeline, 150); });
  }

  start();
})();
