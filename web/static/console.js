/* The instructor's live console: control every team (or one), see every team at a glance (status, clock,
   level, score as last computed, counts of events), and open one team to watch its timeline, opinion curve
   and live score; attach observations to moments.

   Protocol (docs/LIVE.md, namespace /instructor): `watch` {exercise_id} -> {ok, teams: [card]}, then
   `summary` {team_id, status, minute, level, max_level, speed, fault, counts, total} when a team's log moves
   and `status` {team_id, status, minute, level, speed, fault} after each change of status (a fault: the
   error that stopped the team); `open` {team_id} -> {ok, team: snapshot with events, observations, score},
   then, for that team only, `events` {team_id, events, status, minute, level, score?} and `observation`
   {team_id, at, text}; one team is open at a time (the first, until another is opened);
   `score` {team_id | exercise_id} -> {ok, teams: [{team_id, ok, total | error}]}, asked on demand;
   `control` {team_id | exercise_id, command, args} -> {ok, teams: [{team_id, ok, state | error}]};
   `jump_preview` {team_id | exercise_id} -> {ok, teams: [{team_id, ok, preview | error}]}, asked before a jump;
   `observe` {team_id, text, at?} -> {ok, observation}.
   All data goes into the page as text (textContent): never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el, bi = D.bi, fmtT = D.fmtT;
  var data = D.readJSON("console-data");
  var scenario = data.scenario || {};
  var EXERCISE = data.exercise_id;
  var DURATION = scenario.duration || 720;
  var SVG = "http://www.w3.org/2000/svg";

  var roleLabels = {};
  (scenario.roles || []).forEach(function (r) { roleLabels[r.id] = r.label; });
  var traineeRoles = (scenario.roles || []).filter(function (r) { return (r.played_by || "trainee") === "trainee"; });
  var levelNames = {};
  (scenario.levels || []).forEach(function (lv) { levelNames[lv.level] = lv.name; });
  var ruleTitles = data.rule_titles || {};
  var texts = data.texts || {};  // words for the drill's ids (web/console_texts.py)

  var teams = {};
  var order = [];
  var opened = null;  // the id of the team whose whole stream this console receives

  function roleName(id) { return D.vi(roleLabels[id], id); }
  function textOf(table, id) { return D.preview(D.vi((texts[table] || {})[id], id), 80); }
  function conditionText(source) { return D.vi((texts.conditions || {})[source], source); }
  function agencyName(id) { return D.vi(D.AGENCIES[id] || roleLabels[id], id); }
  function num(x, digits) { return (Math.round(x * Math.pow(10, digits)) / Math.pow(10, digits)).toString().replace(".", ","); }

  /* ---- the static controls ------------------------------------------------------------- */

  function buildControls() {
    var fire = document.getElementById("fire-inject");
    (scenario.injects || []).forEach(function (i) {
      var when = i.at !== null && i.at !== undefined ? fmtT(i.at) : (i.when ? _("khi %(condition)s", { condition: conditionText(i.when) }) : _("theo cấp độ"));
      fire.appendChild(el("option", { value: i.id },
        when + " · " + D.vi(D.labelOf(D.INJECT_CHANNELS, i.channel)) + " — " + injectTitle(i.id, null)));
    });
    var channel = document.getElementById("custom-channel");
    Object.keys(D.INJECT_CHANNELS).forEach(function (c) {
      var l = D.INJECT_CHANNELS[c];
      channel.appendChild(el("option", { value: c }, D.vi(l)));
    });
    var roles = document.getElementById("custom-roles");
    traineeRoles.forEach(function (r) {
      roles.appendChild(el("label", { class: "check" },
        el("input", { type: "checkbox", name: "to", value: r.id }), " " + D.vi(r.label)));
    });

    Array.prototype.forEach.call(document.querySelectorAll("#controls button[data-command]"), function (button) {
      button.addEventListener("click", function () {
        var command = button.dataset.command;
        var scope = document.getElementById("scope").value;
        var args = {};
        if (command === "speed") {
          var speed = parseFloat(document.getElementById("speed").value);
          if (!(speed > 0)) { report(null, { ok: false, error: _("Tốc độ phải là số dương.") }); return; }
          args.speed = speed;
        }
        if (command === "fire") args.inject = document.getElementById("fire-inject").value;
        if (command === "end" && !window.confirm(scope === "all" ? _("Kết thúc buổi diễn tập cho tất cả các đội?") : _("Kết thúc buổi diễn tập cho đội này?"))) return;
        if (command === "jump") { confirmJump(scope, null); return; }
        control(scope, command, args, null);
      });
    });

    document.getElementById("custom-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var form = ev.target;
      var to = Array.prototype.map.call(form.querySelectorAll("input[name=to]:checked"), function (c) { return c.value; });
      if (!to.length) { report(null, { ok: false, error: _("Chọn ít nhất một vai nhận.") }); return; }
      control(document.getElementById("scope").value, "custom", {
        channel: form.elements.channel.value, sender: form.elements.sender.value.trim(),
        content: form.elements.content.value.trim(), to: to
      }, null, function (ack) { if (ack && ack.ok) form.elements.content.value = ""; });
    });
  }

  var COMMANDS = {
    start: _("Bắt đầu"), pause: _("Tạm dừng"), resume: _("Tiếp tục"), speed: _("Đổi tốc độ"), jump: _("Tới tin kế tiếp"),
    fire: _("Phát tin"), custom: _("Gửi tin tự soạn"), end: _("Kết thúc")
  };

  function control(scope, command, args, slot, done) {
    var payload = scope === "all" ? { exercise_id: EXERCISE, command: command, args: args }
                                  : { team_id: parseInt(scope, 10), command: command, args: args };
    socket.emit("control", payload, function (ack) {
      ack = ack || { ok: false, error: "?" };
      (ack.teams || []).forEach(function (r) { if (r.ok && r.state) applyState(r.team_id, r.state); });
      report(command, ack, slot);
      if (done) done(ack);
    });
  }

  /* A jump plays at once everything up to the next timed inject: first ask the server what that skips
     (deadlines that pass, escalations, injects delivered on the way), say it, and jump only if confirmed. */
  function confirmJump(scope, slot) {
    var payload = scope === "all" ? { exercise_id: EXERCISE } : { team_id: parseInt(scope, 10) };
    socket.emit("jump_preview", payload, function (ack) {
      ack = ack || { ok: false, error: "?" };
      var ready = (ack.teams || []).filter(function (r) { return r.ok; });
      if (!ready.length) { report("jump", ack.teams ? ack : { ok: false, error: ack.error }, slot); return; }
      var text = ready.map(function (r) { return jumpText(r.team_id, r.preview); }).join("\n\n");
      if (window.confirm(text + "\n\n" + _("Vẫn nhảy?"))) control(scope, "jump", {}, slot);
    });
  }

  function jumpText(teamId, p) {
    var name = teams[teamId] ? teams[teamId].name : "#" + teamId;
    if (p.to === null) return name + ": " + _("không còn tin theo lịch để nhảy tới.");
    var lines = [name + ": " + _("nhảy từ %(from)s tới %(to)s", { from: fmtT(p.from), to: fmtT(p.to) }) +
                 (p.target.length ? " (" + p.target.map(function (i) { return D.vi(i.title); }).join("; ") + ")" : "")];
    if (!p.deadlines.length && !p.escalations.length && !p.injects.length) {
      lines.push(_("Không bỏ qua gì."));
      return lines.join("\n");
    }
    lines.push(_("Sẽ bỏ qua:"));
    var skipped = p.deadlines.map(function (d) { return { t: d.t, text: _("quá hạn trả lời:") + " " + D.vi(d.title) }; })
      .concat(p.escalations.map(function (e) {
        return { t: e.t, text: _("leo thang: Cấp %(from)s → Cấp %(to)s", { from: e.from, to: e.to }) + (e.name ? " — " + D.levelName(e.name) : "") };
      }))
      .concat(p.injects.map(function (i) { return { t: i.t, text: _("tin đến:") + " " + D.vi(i.title) }; }));
    skipped.sort(function (a, b) { return a.t - b.t; });  // stable: at one minute, a deadline before what follows it
    skipped.forEach(function (x) { lines.push("• " + fmtT(x.t) + " " + x.text); });
    return lines.join("\n");
  }

  /* Control errors come back in the ack: each team's result is shown. */
  function report(command, ack, slot) {
    var box = slot || document.getElementById("control-results");
    D.clear(box);
    var what = command ? COMMANDS[command] || command : "";
    if (!ack.teams) {
      box.appendChild(el("div", { class: "ack ack-error", role: "alert" }, "✗ " + (what ? what + ": " : "") + (ack.error || "")));
      return;
    }
    ack.teams.forEach(function (r) {
      var name = teams[r.team_id] ? teams[r.team_id].name : "#" + r.team_id;
      box.appendChild(r.ok
        ? el("div", { class: "ack ack-ok", role: "status" }, "✓ " + name + ": " + what + " — " + _("đã thực hiện"))
        : el("div", { class: "ack ack-error", role: "alert" }, "✗ " + name + ": " + what + " — " + (r.error || "")));
    });
  }

  /* ---- team state ------------------------------------------------------------------------ */

  function setTeam(card) {
    var team = teams[card.team_id];
    if (!team) {
      team = teams[card.team_id] = { id: card.team_id, pinAt: null, events: [], seen: {}, observations: [], counts: {} };
      order.push(team.id);
    }
    team.name = card.name;
    team.join_code = card.join_code;
    team.members = card.members || [];
    applyState(team.id, card);
    return team;
  }

  /* Open a team: its whole log (rescored) now, its every event from now on; the team open before is closed. */
  function openTeam(id) {
    socket.emit("open", { team_id: id }, function (ack) {
      if (!ack || !ack.ok) { report(null, ack || { ok: false, error: "?" }); return; }
      var before = teams[opened];
      opened = id;
      if (before && before.id !== id) { before.events = []; before.seen = {}; before.observations = []; schedule(before); }
      var team = teams[id], snapshot = ack.team;
      team.events = [];
      team.seen = {};
      team.observations = (snapshot.observations || []).slice();
      team.opinion = snapshot.opinion || null;
      applyState(id, snapshot);
      addEvents(team, snapshot.events || []);
    });
  }

  function scoreAll() {
    socket.emit("score", { exercise_id: EXERCISE }, function (ack) {
      ack = ack || { ok: false, error: "?" };
      (ack.teams || []).forEach(function (r) { if (r.ok) applyState(r.team_id, { total: r.total }); });
      if (!ack.ok) report(null, ack);
    });
  }

  function applyState(teamId, s) {
    var team = teams[teamId];
    if (!team) return;
    if (s.status) team.status = s.status;
    if ("fault" in s) team.fault = s.fault;
    if (typeof s.minute === "number") { team.minute = s.minute; team.minuteAt = Date.now(); }
    if (typeof s.speed === "number") team.speed = s.speed;
    if (typeof s.level === "number") team.level = s.level;
    if (typeof s.max_level === "number") team.max_level = s.max_level;
    if (s.opinion) team.opinion = s.opinion;
    if (s.counts) team.counts = s.counts;
    if (s.score) { team.score = s.score; team.total = s.score.total; }
    else if (typeof s.total === "number") team.total = s.total;
    schedule(team);
  }

  function addEvents(team, events) {
    events.forEach(function (e) {
      if (!e || team.seen[e.seq]) return;
      team.seen[e.seq] = true;
      team.events.push(e);
      if (e.kind === "opinion") team.opinion = e;
      if (e.kind === "escalation") team.max_level = Math.max(team.max_level || 0, e.to);
    });
    team.events.sort(function (a, b) { return a.seq - b.seq; });
    schedule(team);
  }

  var pending = {};
  function schedule(team) {
    pending[team.id] = true;
    window.requestAnimationFrame(function () {
      Object.keys(pending).forEach(function (id) { delete pending[id]; render(teams[id]); });
    });
  }

  /* ---- rendering a team ------------------------------------------------------------------- */

  function card(team) {
    if (team.dom) return team.dom;
    var dom = team.dom = {};
    var holder = document.getElementById("teams");
    var empty = holder.querySelector(".empty");
    if (empty) empty.remove();
    var joinUrl = (data.join_base || window.location.origin) + "/join?code=" + encodeURIComponent(team.join_code);
    dom.status = el("span", { class: "status-badge" });
    dom.clock = el("span", { class: "val clock" });
    dom.speed = el("span", { class: "val" });
    dom.level = el("span", { class: "level-badge" });
    dom.score = el("span", { class: "val score-val" });
    dom.counts = el("div", { class: "counts" });
    dom.open = el("button", { type: "button", class: "small secondary open-team", onclick: function () { openTeam(team.id); } });
    dom.members = el("ul", { class: "members" });
    dom.rules = el("ul", { class: "failed" });
    dom.rulesHead = el("h3");
    dom.chart = document.createElementNS(SVG, "svg");
    dom.chart.setAttribute("class", "chart");
    dom.chart.setAttribute("viewBox", "0 0 640 236");
    dom.chart.setAttribute("role", "img");
    dom.chart.setAttribute("aria-label", _("Đường dư luận"));
    dom.legend = el("div", { class: "legend" });
    dom.timeline = el("ol", { class: "timeline" });
    dom.result = el("div", { class: "control-results" });
    dom.fault = el("div", { class: "ack ack-error fault", role: "alert", hidden: true });
    dom.note = el("textarea", { rows: 2, maxlength: 2000, placeholder: _("Nhận xét của giảng viên tại thời điểm này…") });
    dom.at = el("span", { class: "at" });
    dom.noteResult = el("span", { class: "result" });
    dom.buttons = {};
    var controls = el("div", { class: "team-controls" }, ["start", "pause", "resume", "jump", "end"].map(function (command) {
      var button = el("button", { type: "button", class: "small " + (command === "start" ? "" : command === "end" ? "danger" : "secondary"),
        dataset: { command: command },
        onclick: function () {
          if (command === "end" && !window.confirm(_("Kết thúc buổi diễn tập của %(team)s?", { team: team.name }))) return;
          if (command === "jump") { confirmJump(String(team.id), dom.result); return; }
          control(String(team.id), command, {}, dom.result);
        } }, COMMANDS[command]);
      dom.buttons[command] = button;
      return button;
    }));
    var observe = el("form", { class: "observe", autocomplete: "off" },
      dom.note,
      el("div", { class: "row" }, el("button", { type: "submit", class: "small" }, _("Ghi nhận")), dom.at, dom.noteResult));
    observe.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = dom.note.value.trim();
      if (!text) return;
      var payload = { team_id: team.id, text: text };
      if (team.pinAt !== null) payload.at = team.pinAt;
      socket.emit("observe", payload, function (ack) {
        dom.noteResult.className = "result " + (ack && ack.ok ? "ok" : "err");
        dom.noteResult.textContent = ack && ack.ok ? "✓ " + _("Đã ghi nhận lúc %(time)s", { time: fmtT(ack.observation.at) }) : "✗ " + ((ack && ack.error) || "?");
        if (ack && ack.ok) { dom.note.value = ""; team.pinAt = null; renderPin(team); }
      });
    });

    dom.root = el("section", { class: "team-card", id: "team-" + team.id, dataset: { team: String(team.id) } },
      el("header", null,
        el("div", null,
          el("h2", null, team.name),
          el("div", { class: "joininfo" }, _("Mã đội") + " ", el("span", { class: "code" }, team.join_code), " · ",
            el("a", { href: joinUrl, class: "join-link", target: "_blank", rel: "noopener",
                      title: _("Thử liên kết trong cửa sổ ẩn danh, kẻo đăng xuất phiên giảng viên") }, joinUrl),
            el("small", { class: "join-tip" }, " · " + _("thử trong cửa sổ ẩn danh (Ctrl+Shift+N)")))),
        el("div", { class: "stats" },
          el("div", { class: "stat" }, el("span", { class: "cap" }, _("Trạng thái")), dom.status),
          el("div", { class: "stat" }, el("span", { class: "cap" }, _("Thời gian")), dom.clock),
          el("div", { class: "stat" }, el("span", { class: "cap" }, _("Tốc độ")), dom.speed),
          el("div", { class: "stat" }, el("span", { class: "cap" }, _("Cấp độ")), dom.level),
          el("div", { class: "stat" }, el("span", { class: "cap" }, _("Điểm")), dom.score),
          dom.open),
        dom.counts),
      dom.body = el("div", { class: "team-body" },
        el("div", null, el("h3", null, _("Học viên")), dom.members),
        el("div", null, el("h3", null, _("Điều khiển đội này")), dom.fault, controls, dom.result),
        el("div", { class: "full" }, el("h3", null, _("Dư luận")), dom.chart, dom.legend),
        el("div", { class: "full" }, dom.rulesHead, dom.rules),
        el("div", { class: "full" }, el("h3", null, _("Diễn biến, mới nhất trước")), dom.timeline),
        el("div", { class: "full" }, el("h3", null, _("Ghi chú quan sát")), observe)));
    holder.appendChild(dom.root);
    return dom;
  }

  function render(team) {
    if (!team) return;
    var dom = card(team);
    D.clear(dom.status);
    dom.status.className = "status-badge status-" + team.status;
    dom.status.appendChild(bi(D.labelOf(D.STATUS, team.status)));
    dom.speed.textContent = "×" + num(team.speed || 0, 2);
    D.clear(dom.level);
    dom.level.className = "level-badge level-" + team.level;
    dom.level.appendChild(el("span", { class: "num" }, _("Cấp %(level)s", { level: team.level })));
    if (levelNames[team.level]) dom.level.appendChild(el("span", { class: "lname" }, D.levelName(levelNames[team.level])));
    renderClock(team);
    renderCounts(team);
    var open = team.id === opened;
    dom.root.classList.toggle("open", open);
    dom.body.hidden = !open;
    dom.open.disabled = open;
    D.clear(dom.open);
    dom.open.appendChild(document.createTextNode(open ? _("Đang mở") : _("Mở đội")));
    if (!open) { renderTotal(team); return; }  // a closed team: its summary only
    renderButtons(team);
    renderMembers(team);
    renderScore(team);
    renderChart(team);
    renderTimeline(team);
    renderPin(team);
  }

  var COUNTS = [["inject", _("tin đến")], ["action", _("hành động")], ["refused", _("bị từ chối")],
                ["deadline_missed", _("quá hạn")], ["escalation", _("leo thang")]];

  function renderCounts(team) {
    var c = team.counts || {};
    team.dom.counts.textContent = COUNTS.map(function (k) { return (c[k[0]] || 0) + " " + k[1]; }).join(" · ");
  }

  /* A closed team's score: the total as last computed (when it was open, at its end, or asked for). */
  function renderTotal(team) {
    D.clear(team.dom.score);
    if (typeof team.total !== "number") { team.dom.score.textContent = "–"; return; }
    team.dom.score.appendChild(document.createTextNode(num(team.total, 1)));
    team.dom.score.appendChild(el("small", { class: "en" }, " /100"));
  }

  function currentMinute(team) {
    if (team.status !== "running" || !team.minuteAt) return team.minute || 0;
    return Math.min(DURATION, team.minute + (Date.now() - team.minuteAt) / 60000 * (team.speed || 0));
  }

  function renderClock(team) { team.dom.clock.textContent = fmtT(currentMinute(team)); }

  function renderButtons(team) {
    var b = team.dom.buttons, s = team.status, stopped = !!team.fault;
    b.start.disabled = stopped || s !== "ready";
    b.pause.disabled = stopped || s !== "running";
    b.resume.disabled = stopped || s !== "paused";
    b.jump.disabled = stopped || s !== "running";
    b.end.disabled = s === "ended";
    team.dom.fault.hidden = !stopped || s === "ended";
    team.dom.fault.textContent = stopped ? _("Đội dừng vì lỗi hệ thống (chỉ còn Kết thúc):") + " " + team.fault : "";
  }

  function renderMembers(team) {
    var list = team.dom.members;
    D.clear(list);
    team.members.forEach(function (m) {
      list.appendChild(el("li", null, el("strong", null, m.name), " — ", el("span", { class: "role" }, roleName(m.role))));
    });
  }

  function renderScore(team) {
    var score = team.score;
    var dom = team.dom;
    D.clear(dom.score); D.clear(dom.rules); D.clear(dom.rulesHead);
    if (!score) { dom.score.textContent = "–"; return; }
    dom.score.appendChild(document.createTextNode(num(score.total, 1)));
    dom.score.appendChild(el("small", { class: "en" }, " /100"));
    if (score.bonus) dom.score.appendChild(el("small", { class: "bonus" }, " (+" + _("%(points)s thưởng", { points: num(score.bonus, 1) }) + ")"));
    /* A rule not yet due (its deadline after the minute reached) is neither met nor failed: listed apart. */
    var rules = (score.rules || []).filter(function (r) { return !r.bonus; });
    var notDue = rules.filter(function (r) { return r.status === "not_due"; });
    var due = rules.filter(function (r) { return r.status !== "not_due"; });
    var failed = due.filter(function (r) { return !r.passed; });
    dom.rulesHead.appendChild(document.createTextNode(_("Điểm theo quy tắc: %(met)s/%(due)s đạt", { met: due.length - failed.length, due: due.length }) +
      (notDue.length ? ", " + _("%(count)s chưa đến hạn", { count: notDue.length }) : "")));
    if (!failed.length) dom.rules.appendChild(el("li", { class: "passed" },
      (notDue.length ? _("Mọi quy tắc đã đến hạn đều đạt.") : _("Mọi quy tắc đều đạt."))));
    failed.forEach(function (r) { dom.rules.appendChild(ruleItem(r, null)); });
    notDue.forEach(function (r) { dom.rules.appendChild(ruleItem(r, "not-due")); });
  }

  function ruleItem(r, cls) {
    var title = ruleTitles[r.id];
    return el("li", { class: cls, dataset: { rule: r.id } },
      el("strong", null, title ? D.vi(title) : r.id), " ",
      cls === "not-due"
        ? el("span", { class: "due-mark" }, _("Chưa đến hạn"))
        : el("span", { class: "pts" }, num(r.points, 1) + "/" + num(r.max_points, 1)),
      el("span", { class: "why" }, D.vi(r.explanation)));
  }

  /* ---- the opinion curve: inline SVG, belief (auto-scaled) above, trust (0–100%) below ---- */

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function niceMax(x) {
    var steps = [0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1];
    for (var i = 0; i < steps.length; i++) if (x <= steps[i]) return steps[i];
    return 1;
  }

  function renderChart(team) {
    var chart = team.dom.chart;
    while (chart.firstChild) chart.removeChild(chart.firstChild);
    var left = 46, right = 628, width = right - left;
    var panels = [
      { key: "belief", top: 22, height: 78, title: _("Tỷ lệ tin tin đồn"), cls: "belief" },
      { key: "trust", top: 130, height: 78, title: _("Niềm tin vào chính quyền"), cls: "trust" }
    ];
    var samples = team.events.filter(function (e) { return e.kind === "opinion"; });
    var maxBelief = niceMax(Math.max.apply(null, [0.02].concat(samples.map(function (s) { return (s.belief || 0) * 1.1; }))));
    panels[0].max = maxBelief;
    panels[1].max = 1;
    /* The x axis follows the drill: two hours at first, then the time played so far (+20%), up to its end. */
    var now = currentMinute(team);
    var span = Math.min(DURATION, Math.max(120, Math.ceil(now * 1.2 / 60) * 60));
    function x(t) { return left + width * Math.max(0, Math.min(1, t / span)); }

    var stepChoices = [15, 30, 60, 120, 180, 240, 360, 720, 1440];
    var step = stepChoices.filter(function (s) { return span / s <= 8; })[0] || 1440;
    panels.forEach(function (p) {
      function y(v) { return p.top + p.height * (1 - Math.max(0, Math.min(1, v / p.max))); }
      chart.appendChild(svg("text", { x: left, y: p.top - 7, class: "panel-title" }, p.title));
      [0, 0.5, 1].forEach(function (f) {
        var v = p.max * f;
        chart.appendChild(svg("line", { x1: left, x2: right, y1: y(v), y2: y(v), class: f === 0 ? "axis" : "grid" }));
        chart.appendChild(svg("text", { x: left - 5, y: y(v) + 4, "text-anchor": "end" }, D.pct(v, p.max < 0.1 ? 1 : 0)));
      });
      for (var t = 0; t <= span + 0.1; t += step) {
        chart.appendChild(svg("line", { x1: x(t), x2: x(t), y1: p.top, y2: p.top + p.height, class: "grid" }));
      }
      if (samples.length) {
        var points = samples.map(function (s) { return x(s.t).toFixed(1) + "," + y(s[p.key] || 0).toFixed(1); });
        if (samples.length === 1) points.unshift(x(0).toFixed(1) + "," + y(samples[0][p.key] || 0).toFixed(1));
        chart.appendChild(svg("polyline", { points: points.join(" "), class: p.cls }));
      }
    });
    for (var t = 0; t <= span + 0.1; t += step) {
      chart.appendChild(svg("text", { x: x(t), y: 226, "text-anchor": t === 0 ? "start" : t + step > span + 0.1 ? "end" : "middle" }, fmtT(t)));
    }
    team.events.filter(function (e) { return e.kind === "escalation"; }).forEach(function (e) {
      chart.appendChild(svg("line", { x1: x(e.t), x2: x(e.t), y1: 16, y2: 208, class: "esc" }));
      chart.appendChild(svg("text", { x: x(e.t) + 3, y: 33, fill: "#b7791f" }, _("Cấp %(level)s", { level: e.to })));
    });
    if (now > 0) chart.appendChild(svg("line", { x1: x(now), x2: x(now), y1: 16, y2: 208, class: "now" }));

    var o = samples.length ? samples[samples.length - 1] : team.opinion || {};
    var legend = team.dom.legend;
    D.clear(legend);
    legend.appendChild(el("span", null, el("span", { class: "sw sw-belief" }), _("Tin tin đồn:") + " ", el("strong", null, D.pct(o.belief, 1))));
    legend.appendChild(el("span", null, el("span", { class: "sw sw-trust" }), _("Niềm tin:") + " ", el("strong", null, D.pct(o.trust, 1))));
    legend.appendChild(el("span", null, _("Đã thấy tin:") + " ", el("strong", null, D.pct(o.seen_share, 1))));
    if (typeof o.media_pressure === "number") legend.appendChild(el("span", null, _("Áp lực báo chí:") + " ", el("strong", null, num(o.media_pressure, 2))));
    if (!samples.length) legend.appendChild(el("span", { class: "empty" }, _("Chưa có mẫu dư luận.")));
  }

  /* ---- the timeline --------------------------------------------------------------------- */

  /* What an inject is called: its title, else the start of its question or content (as delivered). */
  function injectTitle(id, team) {
    var delivered = team ? team.events.filter(function (e) { return e.kind === "inject" && e.inject === id; })[0] : null;
    if (!delivered) return D.preview(D.vi((texts.titles || {})[id], id), 70);  // filled with the cast's names
    return D.preview(D.vi(delivered.title || delivered.question || delivered.content), 70);
  }

  /* Facts, false claims and key messages by their human names (web/console_texts.py: labels, a message's text). */
  function factName(id) { return textOf("facts", id); }
  function claimName(id) { return textOf("claims", id); }
  function messageName(id) { return D.preview(textOf("messages", id), 60); }
  function quoted(ids, name) { return ids.map(function (id) { return "“" + name(id) + "”"; }).join(", "); }

  function paramsText(params, team) {
    var parts = [];
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (["item", "post", "article", "call"].indexOf(k) >= 0) v = injectTitle(v, team);
      else if (k === "to" || k === "speaker") v = roleName(v);
      else if (k === "participants" && Array.isArray(v)) v = v.map(roleName).join(", ");
      else if (k === "agency") v = agencyName(v);
      else if (k === "form") v = D.vi(D.labelOf(D.FORMS, v));
      else if (k === "channel") v = D.vi(D.labelOf(D.STATEMENT_CHANNELS, v));
      else if (k === "refusal" || k === "withheld") v = D.vi(D.labelOf(D.REFUSALS, v));
      else if (k === "mode") v = D.vi(D.labelOf(D.MODES, v));
      else if (k === "route") v = D.vi(D.labelOf(D.ROUTES, v));
      else if (typeof v !== "string") v = JSON.stringify(v);
      parts.push(D.vi(D.PARAMS[k], k) + ": " + D.preview(v, 220));
    });
    return parts.join("\n");
  }

  function describe(e, team) {
    var what, sub = null;
    switch (e.kind) {
      case "inject":
        what = "[" + D.vi(D.labelOf(D.INJECT_CHANNELS, e.channel)) + "] " +
               (e.title ? D.vi(e.title) : D.preview(D.vi(e.content), 140));
        sub = D.vi(e.sender) + " → " + (e.audience || []).map(roleName).join(", ") +
              " · " + D.vi(D.labelOf(D.ORIGINS, e.origin)) +
              (typeof e.deadline === "number" ? " · " + _("hạn trả lời %(time)s", { time: fmtT(e.deadline) }) : "") +
              (e.title && e.content ? "\n" + D.preview(D.vi(e.content), 220) : "");
        break;
      case "action":
        what = roleName(e.role) + ": " + D.vi(D.labelOf(D.ACTIONS, e.type));
        sub = paramsText(e.params, team);
        if (e.analysis) {
          var a = e.analysis;
          sub += "\n" + _("Chất lượng %(quality)s%%", { quality: Math.round((a.quality || 0) * 100) }) +
                 (a.claims && a.claims.length ? " · " + _("nhắc lại tin đồn:") + " " + quoted(a.claims, claimName) : "") +
                 (a.refuted && a.refuted.length ? " · " + _("bác bỏ tin đồn:") + " " + quoted(a.refuted, claimName) : "") +
                 (a.unverified_facts && a.unverified_facts.length ? " · " + _("chưa xác minh:") + " " + quoted(a.unverified_facts, factName) : "") +
                 (a.messages && a.messages.length ? " · " + _("thông điệp:") + " " + quoted(a.messages, messageName) : "");
        }
        break;
      case "refused":
        what = roleName(e.role) + ": " + D.vi(D.labelOf(D.ACTIONS, e.type));
        sub = _("Lý do:") + " " + D.vi(e.reason);
        break;
      case "reply":
        var to = team.events.filter(function (x) { return x.seq === e.in_reply_to; })[0];
        what = D.vi(D.ACTORS[e.actor], agencyName(e.actor)) + " " + _("phản hồi") + (to ? " — " + D.vi(D.labelOf(D.ACTIONS, to.type)) + " (" + roleName(to.role) + ")" : "");
        sub = D.preview(D.vi(e.content), 260);
        break;
      case "fact":
        what = _("Xác minh:") + " " + agencyName(e.source) + " — " + factName(e.fact);
        sub = D.preview(D.vi(e.statement), 260);
        break;
      case "deadline_missed":
        what = _("Không trả lời kịp:") + " " + injectTitle(e.inject, team);
        break;
      case "escalation":
        what = _("Cấp %(from)s → Cấp %(to)s", { from: e.from, to: e.to }) + ": " + D.levelName(e.name);
        sub = e.condition ? _("khi %(condition)s", { condition: conditionText(e.condition) }) : null;
        break;
      case "end":
        what = _("Kết thúc: cấp cuối %(final)s, cao nhất %(max)s", { final: e.final_level, max: e.max_level });
        sub = _("Tin đồn %(belief)s · niềm tin %(trust)s", { belief: D.pct(e.belief, 1), trust: D.pct(e.trust, 1) });
        break;
      case "observation":
        what = e.text;
        break;
      default:
        what = e.kind;
    }
    return { what: what, sub: sub };
  }

  function renderTimeline(team) {
    var list = team.dom.timeline;
    var rows = team.events.filter(function (e) { return e.kind !== "opinion"; })
      .concat(team.observations.map(function (o, n) { return { kind: "observation", t: o.at, seq: Infinity, n: n, text: o.text }; }));
    rows.sort(function (a, b) { return b.t - a.t || (b.seq === a.seq ? b.n - a.n : b.seq - a.seq); });
    D.clear(list);
    if (!rows.length) {
      list.appendChild(el("li", { class: "empty" }, _("Chưa có diễn biến.")));
      return;
    }
    rows.slice(0, 400).forEach(function (e) {
      var d = describe(e, team);
      list.appendChild(el("li", { class: "k-" + e.kind, dataset: { seq: String(e.seq), kind: e.kind } },
        el("span", { class: "t" }, fmtT(e.t)),
        el("span", { class: "kind" }, D.vi(D.labelOf(D.KINDS, e.kind))),
        el("span", { class: "what" }, d.what, d.sub ? el("span", { class: "sub" }, d.sub) : null),
        e.kind === "observation" ? el("span") : el("button", {
          type: "button", class: "small secondary pin", title: _("Gắn ghi chú vào thời điểm này"),
          onclick: function () { team.pinAt = e.t; renderPin(team); team.dom.note.focus(); } }, "＋ " + _("Ghi chú"))));
    });
  }

  function renderPin(team) {
    var at = team.dom.at;
    D.clear(at);
    if (team.pinAt === null) {
      at.appendChild(document.createTextNode(_("Gắn vào thời điểm hiện tại của đội")));
      return;
    }
    at.appendChild(document.createTextNode(_("Gắn vào %(time)s", { time: fmtT(team.pinAt) }) + " "));
    at.appendChild(el("button", { type: "button", class: "small secondary", onclick: function () { team.pinAt = null; renderPin(team); } }, _("bỏ chọn")));
  }

  /* ---- socket ----------------------------------------------------------------------------- */

  function setConnection(kind, text) {
    var conn = document.getElementById("conn");
    D.clear(conn);
    conn.className = "conn conn-" + kind;
    conn.appendChild(document.createTextNode(text));
  }

  buildControls();
  document.getElementById("score-all").addEventListener("click", function () { scoreAll(); });
  var socket = window.io("/instructor");
  var retryRefused = window.DrillSocket.retryRefused(socket, setConnection);
  socket.on("connect", function () {
    setConnection("ok", _("Đã kết nối"));
    socket.emit("watch", { exercise_id: EXERCISE }, function (ack) {
      if (!ack || !ack.ok) { report(null, ack || { ok: false, error: "?" }); return; }
      ack.teams.forEach(setTeam);
      if (order.length) openTeam(opened !== null ? opened : order[0]);  // after a reconnection, the same team again
    });
  });
  socket.on("summary", function (s) { if (s && teams[s.team_id]) applyState(s.team_id, s); });
  socket.on("events", function (msg) {
    var team = msg && teams[msg.team_id];
    if (!team || team.id !== opened) return;
    addEvents(team, msg.events || []);
    applyState(team.id, msg);
  });
  socket.on("status", function (s) { if (s && teams[s.team_id]) applyState(s.team_id, s); });
  socket.on("observation", function (o) {
    var team = o && teams[o.team_id];
    if (!team || team.id !== opened) return;
    team.observations.push({ at: o.at, text: o.text });
    schedule(team);
  });
  socket.on("disconnect", function (reason) {
    setConnection("lost", _("Mất kết nối — đang kết nối lại…"));
    // The server closed this socket (its login ended: a logout, another login in this browser). Socket.IO does not
    // reconnect by itself after that; connecting again is refused and says why (connect_error below).
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", function (err) {
    if (err && err.message === "not an instructor") {  // this browser's instructor login is gone (a join link tried here?)
      setConnection("lost", _("Phiên giảng viên đã kết thúc (có thể do thử liên kết vào đội trên trình duyệt này). Hãy tải lại trang để đăng nhập lại."));
      return;
    }
    if (retryRefused(err)) return;  // too many connections at once: tried again later, said on the line
    setConnection("lost", _("Không kết nối được — đang thử lại…"));
  });

  window.setInterval(function () {
    order.forEach(function (id) {
      var team = teams[id];
      if (team && team.dom && team.status === "running") renderClock(team);
    });
  }, 1000);

  window.DrillConsole = { teams: teams };
})();
