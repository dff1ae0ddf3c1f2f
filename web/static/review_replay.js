/* The replay of one team's run (/review/teams/<id>/replay): step or scrub through the event log and see, from
   one seat, what that role had seen at that moment; the instructor's seat sees everything, opinion included.

   Data (web/review_replay.py): events [{seq, t, time, kind, level, score, summary, role, who, audience, inject
   fields, call}], visible {role: [seq]} (from debrief.seen_by). The position is an event seq (0: before the
   first). Every piece of data goes into the page as text (labels.js `el`): never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el;
  var data = D.readJSON("replay-data");
  var events = data.events || [];
  var INSTRUCTOR = "instructor";
  var INBOX = { press_call: 1, hotline: 1, dispatch: 1, monitoring_report: 1 };
  var MEDIA = { social_post: 1, press_article: 1, tv: 1 };
  var CALL_STATES = {
    answered: _("Đã trả lời"), late: _("Trả lời quá hạn"), missed: _("Quá hạn, chưa trả lời"), pending: _("Đang chờ trả lời")
  };

  var bySeq = {};
  events.forEach(function (e) { bySeq[e.seq] = e; });
  var roleLabels = {};
  (data.roles || []).forEach(function (r) { roleLabels[r.id] = r.label; });
  var seen = {};
  Object.keys(data.visible || {}).forEach(function (role) {
    seen[role] = {};
    data.visible[role].forEach(function (seq) { seen[role][seq] = true; });
  });

  var dom = {
    scrub: document.getElementById("scrub"), clock: document.getElementById("clock"), pos: document.getElementById("pos"),
    level: document.getElementById("level"), score: document.getElementById("score"), current: document.getElementById("current"),
    inbox: document.getElementById("feed-inbox"), media: document.getElementById("feed-media"), team: document.getElementById("feed-team"),
    opinionPanel: document.getElementById("panel-opinion"), opinion: document.getElementById("opinion")
  };
  var state = { pos: 0, seat: INSTRUCTOR };

  function sees(seat, e) {
    return seat === INSTRUCTOR ? true : !!(seen[seat] && seen[seat][e.seq]);
  }

  /* The events a seat steps through: what it saw, opinion samples aside. */
  function stops(seat) {
    return events.filter(function (e) { return e.kind !== "opinion" && sees(seat, e); });
  }

  /* The last event at or before the position (its time, level and score are the state then). */
  function at(pos) {
    var found = null;
    for (var i = 0; i < events.length && events[i].seq <= pos; i++) found = events[i];
    return found;
  }

  function roleName(id) { return D.vi(roleLabels[id], id); }

  function callState(e, now, pos) {
    var call = e.call;
    if (!call) return null;
    var answer = call.answer_seq !== null && call.answer_seq <= pos ? bySeq[call.answer_seq] : null;
    if (answer) return call.deadline !== null && answer.t > call.deadline ? "late" : "answered";
    return call.deadline !== null && now >= call.deadline ? "missed" : "pending";
  }

  function injectItem(e, now, pos) {
    var fate = callState(e, now, pos);
    var classes = "item ch-" + e.channel + (fate === "pending" ? " pending-call" : "");
    return el("article", { class: classes, id: "r-" + e.seq, dataset: { seq: String(e.seq), kind: e.kind } },
      el("header", null, el("span", { class: "t" }, e.time), " ",
        el("span", { class: "tag" }, D.vi(D.labelOf(D.INJECT_CHANNELS, e.channel))), " ",
        el("span", { class: "sender" }, D.vi(e.sender))),
      e.title ? el("h3", null, D.vi(e.title)) : null,
      el("p", { class: "content" }, D.vi(e.content)),
      e.question ? el("div", { class: "question" }, el("p", null, D.vi(e.question))) : null,
      fate ? el("div", { class: "countdown " + (fate === "answered" ? "done" : fate === "pending" ? "pending" : "missed"),
                         dataset: { call: fate } },
        el("span", null, CALL_STATES[fate]),
        el("span", { class: "due" }, " · " + _("hạn %(time)s", { time: e.call.deadline_time }) +
          (fate === "pending" ? " · " + _("còn %(left)s", { left: D.fmtMinutes(e.call.deadline - now) }) : ""))) : null);
  }

  function logItem(e) {
    var who = e.role ? roleName(e.role) + (e.who ? " — " + e.who : "") : null;
    return el("article", { class: "item k-" + e.kind, id: "r-" + e.seq, dataset: { seq: String(e.seq), kind: e.kind } },
      el("header", null, el("span", { class: "t" }, e.time), " ", el("span", { class: "tag" }, D.vi(D.labelOf(D.KINDS, e.kind)))),
      el("p", null, D.vi(e.summary)),
      who ? el("p", { class: "by" }, who) : null);
  }

  function fill(box, items) {
    D.clear(box);
    if (!items.length) box.appendChild(el("p", { class: "empty" }, _("Chưa có gì.")));
    items.forEach(function (item) { box.appendChild(item); });
  }

  function audienceText(e) {
    if (!e.audience || !e.audience.length) return _("chỉ giảng viên");
    return e.audience.map(roleName).join(", ");
  }

  function renderCurrent(e) {
    var box = dom.current;
    D.clear(box);
    box.className = "card current";
    if (!e) {
      box.appendChild(el("p", null, _("Trước sự kiện đầu tiên.")));
      return;
    }
    var visible = sees(state.seat, e);
    if (!visible) box.classList.add("unseen");
    box.appendChild(el("p", null, el("span", { class: "t" }, e.time + " · #" + e.seq), " ",
      el("span", { class: "tag" }, D.vi(D.labelOf(D.KINDS, e.kind)))));
    box.appendChild(el("p", null, e.kind === "opinion"
      ? _("Mẫu dư luận: tin tin đồn %(belief)s, niềm tin %(trust)s", { belief: D.pct(e.belief, 1), trust: D.pct(e.trust, 1) })
      : D.vi(e.summary)));
    box.appendChild(el("p", { class: "hint" }, _("Ai thấy:") + " " + audienceText(e)));
    if (!visible) box.appendChild(el("p", { class: "hint unseen-note" }, _("Vai này không thấy sự kiện này.")));
  }

  /* The instructor's seat also shows the last opinion sample: what no trainee saw. */
  function renderOpinion(pos) {
    dom.opinionPanel.hidden = state.seat !== INSTRUCTOR;
    var sample = null;
    for (var i = 0; i < events.length && events[i].seq <= pos; i++) if (events[i].kind === "opinion") sample = events[i];
    dom.opinion.textContent = sample
      ? sample.time + ": " + _("tin tin đồn %(belief)s · niềm tin %(trust)s · đã thấy tin %(seen)s · áp lực báo chí %(pressure)s", {
        belief: D.pct(sample.belief, 1), trust: D.pct(sample.trust, 1), seen: D.pct(sample.seen_share, 1),
        pressure: D.pct(sample.media_pressure, 0) })
      : _("chưa có mẫu");
  }

  function render() {
    var pos = state.pos, now = at(pos);
    var t = now ? now.t : 0, level = now ? now.level : data.start_level;
    dom.scrub.value = String(pos);
    dom.clock.textContent = now ? now.time : "T+00:00";
    dom.pos.textContent = _("Sự kiện %(pos)s/%(count)s", { pos: pos, count: dom.scrub.max });
    D.clear(dom.level);
    dom.level.className = "level-badge level-" + level;
    dom.level.appendChild(el("span", { class: "num" }, _("Cấp %(level)s", { level: level })));
    var name = data.levels && data.levels[String(level)];
    if (name) dom.level.appendChild(el("span", { class: "lname" }, D.levelName(name)));
    dom.score.textContent = now && typeof now.score === "number" ? now.score.toFixed(1).replace(".", ",") + "/100" : "–";

    var shown = events.filter(function (e) { return e.seq <= pos && e.kind !== "opinion" && sees(state.seat, e); }).reverse();
    fill(dom.inbox, shown.filter(function (e) { return e.kind === "inject" && !MEDIA[e.channel]; })
                         .map(function (e) { return injectItem(e, t, pos); }));
    fill(dom.media, shown.filter(function (e) { return e.kind === "inject" && MEDIA[e.channel]; })
                         .map(function (e) { return injectItem(e, t, pos); }));
    fill(dom.team, shown.filter(function (e) { return e.kind !== "inject"; }).map(logItem));
    var mark = document.getElementById("r-" + pos);
    if (mark) mark.classList.add("now");
    renderCurrent(bySeq[pos] || null);
    renderOpinion(pos);
  }

  function go(pos) {
    state.pos = Math.max(0, Math.min(parseInt(dom.scrub.max, 10), pos));
    render();
  }

  function step(direction) {
    var list = stops(state.seat), target = null;
    if (direction > 0) target = list.filter(function (e) { return e.seq > state.pos; })[0];
    else target = list.filter(function (e) { return e.seq < state.pos; }).pop();
    if (target) go(target.seq);
    else if (direction < 0) go(0);
  }

  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  dom.scrub.addEventListener("input", function () { go(parseInt(dom.scrub.value, 10) || 0); });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=seat]"), function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) { state.seat = radio.value; render(); } });
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowLeft" && ev.key !== "ArrowRight") return;
    var target = ev.target;
    var control = target.closest && target.closest("input, select, textarea");
    if (control && control !== dom.scrub) return;  /* a seat's radio, a field: the arrows are theirs */
    ev.preventDefault();
    step(ev.key === "ArrowRight" ? 1 : -1);
  });
  if (!events.length) {
    document.getElementById("prev").disabled = true;
    document.getElementById("next").disabled = true;
  }
  render();
})();
