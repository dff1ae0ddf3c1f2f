/* An evaluator's live page of one assigned team (web/evaluation): its timeline, status, clock and level as
   they happen, and a form to write observations. Socket /evaluator: `watch` {team_id} answers the team's
   snapshot, then `events` {events, status, minute, level}, `status` {status, minute, level, speed, fault}
   and `observation` {at, text, author}. There are no controls: an evaluator watches and notes only. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el;
  var data = D.readJSON("evaluator-data") || {};
  var TEAM = data.team_id, roles = data.roles || {};
  var team = { status: "ready", minute: 0, minuteAt: 0, speed: 0, level: null, events: [], seen: {}, observations: [] };

  function roleName(id) { return D.vi(roles[id], id); }

  function describe(e) {
    if (e.kind === "observation") return e.text;
    if (e.kind === "inject") {
      return "[" + D.vi(D.labelOf(D.INJECT_CHANNELS, e.channel)) + "] " + (e.title ? D.vi(e.title) : D.preview(D.vi(e.content), 160));
    }
    if (e.kind === "action" || e.kind === "refused") return roleName(e.role) + ": " + D.vi(D.labelOf(D.ACTIONS, e.type));
    if (e.kind === "escalation") return _("Cấp độ %(from)s → %(to)s", { from: e.from, to: e.to });
    return D.vi(D.labelOf(D.KINDS, e.kind));
  }

  function minuteNow() {
    if (team.status !== "running" || !team.minuteAt) return team.minute || 0;
    return team.minute + (Date.now() - team.minuteAt) / 60000 * (team.speed || 0);
  }

  function render() {
    var status = document.getElementById("status");
    D.clear(status);
    status.className = "status-badge status-" + team.status;
    status.appendChild(D.bi(D.labelOf(D.STATUS, team.status)));
    document.getElementById("clock").textContent = D.fmtT(minuteNow());
    document.getElementById("level").textContent = team.level === null ? "–" : String(team.level);
    var list = document.getElementById("timeline");
    D.clear(list);
    var rows = team.events.filter(function (e) { return e.kind !== "opinion"; })
      .concat(team.observations.map(function (o) { return { kind: "observation", t: o.at, seq: Infinity, text: o.text }; }));
    rows.sort(function (a, b) { return b.t - a.t || b.seq - a.seq; });
    if (!rows.length) list.appendChild(el("li", { class: "empty" }, _("Chưa có diễn biến.")));
    rows.slice(0, 400).forEach(function (e) {
      list.appendChild(el("li", { class: "k-" + e.kind, dataset: { kind: e.kind } },
        el("span", { class: "t" }, D.fmtT(e.t)), el("span", { class: "kind" }, D.vi(D.labelOf(D.KINDS, e.kind))),
        el("span", { class: "what" }, describe(e)), el("span")));
    });
  }

  function apply(s) {
    if (s.status) team.status = s.status;
    if (typeof s.minute === "number") { team.minute = s.minute; team.minuteAt = Date.now(); }
    if (typeof s.speed === "number") team.speed = s.speed;
    if (typeof s.level === "number") team.level = s.level;
  }

  function addEvents(events) {
    (events || []).forEach(function (e) {
      if (!e || team.seen[e.seq]) return;
      team.seen[e.seq] = true;
      team.events.push(e);
    });
    team.events.sort(function (a, b) { return a.seq - b.seq; });
  }

  function setConnection(kind, text) {
    var conn = document.getElementById("conn");
    D.clear(conn);
    conn.className = "conn conn-" + kind;
    conn.appendChild(document.createTextNode(text));
  }

  function ack(kind, text) {
    var box = document.getElementById("note-ack");
    D.clear(box);
    box.appendChild(el("div", { class: "ack ack-" + kind, role: kind === "ok" ? "status" : "alert" }, text));
  }

  var socket = window.io("/evaluator");
  var retryRefused = window.DrillSocket.retryRefused(socket, setConnection);
  socket.on("connect", function () {
    setConnection("ok", _("Đã kết nối"));
    socket.emit("watch", { team_id: TEAM }, function (answer) {
      if (!answer || !answer.ok) { ack("error", (answer && answer.error) || "?"); return; }
      team.observations = (answer.team.observations || []).slice();
      apply(answer.team);
      addEvents(answer.team.events);
      render();
    });
  });
  socket.on("events", function (msg) { if (msg && msg.team_id === TEAM) { addEvents(msg.events); apply(msg); render(); } });
  socket.on("status", function (msg) { if (msg && msg.team_id === TEAM) { apply(msg); render(); } });
  socket.on("observation", function (o) {
    if (!o || o.team_id !== TEAM || team.observations.some(function (x) { return x.id === o.id; })) return;
    team.observations.push({ id: o.id, at: o.at, text: o.text });
    render();
  });
  socket.on("disconnect", function (reason) {
    setConnection("lost", _("Mất kết nối — đang kết nối lại…"));
    // The server closed this socket (its login ended: a logout, another login in this browser). Socket.IO does not
    // reconnect by itself after that; connecting again is refused and says why (connect_error below).
    if (reason === "io server disconnect") socket.connect();
  });
  socket.on("connect_error", function (err) {
    if (retryRefused(err)) return;  // too many connections at once: tried again later, said on the line
    setConnection("lost", _("Không kết nối được — đang thử lại…"));
  });

  document.getElementById("note-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var note = document.getElementById("note");
    socket.emit("observe", { team_id: TEAM, text: note.value }, function (answer) {
      if (!answer || !answer.ok) { ack("error", (answer && answer.error) || "?"); return; }
      note.value = "";
      ack("ok", "✓ " + _("Đã lưu nhận xét."));
    });
  });

  window.setInterval(function () { if (team.status === "running") document.getElementById("clock").textContent = D.fmtT(minuteNow()); }, 1000);
  render();
})();
