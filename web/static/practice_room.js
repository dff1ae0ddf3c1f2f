/* The room in self-practice: the trainee's own clock (start, pause, resume, speed, end now), hints that
   cost points, and the score card at the end. Loaded after room.js, only in practice mode.

   Server (web/practice_room.py): POST control {command, args} -> {ok, state | error}; POST hint ->
   {ok, hints, used, cost, penalty}; GET card -> {ok, card, links} once the drill is over. JSON posts
   carry the CSRF token in X-CSRFToken. The room (room.js) runs the scenario clock on between messages;
   the state a control answers with sets it (`DrillRoom.anchor`), as a `status` message does.
   All data goes into the page as text (textContent): never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el, fmtT = D.fmtT, room = window.DrillRoom;
  var P = D.readJSON("practice-data");
  var CONFIRM_MS = 4000;  // "end now" asks for a second click within this time

  var cardShown = false;

  function $(id) { return document.getElementById(id); }

  function post(url, body) {
    return window.fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": P.csrf },
      body: JSON.stringify(body || {})
    }).then(answer);
  }

  function answer(response) {
    return response.json().catch(function () {
      return { ok: false, error: _("Máy chủ trả lời không hợp lệ (%(status)s).", { status: response.status }) };
    });
  }

  function say(kind, text) {
    var box = $("pc-result");
    D.clear(box);
    if (!text) return;
    box.appendChild(el("div", { class: "ack ack-" + kind, role: kind === "ok" ? "status" : "alert" }, text));
  }

  /* ---- the clock --------------------------------------------------------------------------- */

  function anchor(news) {
    room.anchor(news);
    room.refresh();
    showControls(room.state.status);
  }

  function showControls(status) {
    $("pc-start").hidden = status !== "ready";
    $("pc-pause").hidden = status !== "running";
    $("pc-resume").hidden = status !== "paused";
    $("pc-end").hidden = status === "ready" || status === "ended";
    $("pc-speed").disabled = status === "ended";
    var hint = $("pc-hint");
    if (hint) hint.disabled = status !== "running" && status !== "paused";
    if (status === "ended") {  // the bar's work is done: the score card takes its place
      $("practice-bar").hidden = true;
      showCard();
    }
  }

  function control(command, args, button) {
    if (button) button.disabled = true;
    post(P.urls.control, { command: command, args: args || {} }).then(function (ack) {
      if (button) button.disabled = false;
      if (!ack.ok) { say("error", ack.error || "?"); return; }
      say(null);
      $("pc-speed").value = String(ack.state.speed);
      anchor(ack.state);
    }, function () {
      if (button) button.disabled = false;
      say("error", _("Không gửi được lệnh (mất kết nối?)."));
    });
  }

  ["pc-start", "pc-pause", "pc-resume"].forEach(function (id) {
    var button = $(id);
    button.addEventListener("click", function () { control(button.dataset.command, null, button); });
  });
  $("pc-speed").addEventListener("change", function (ev) {
    control("speed", { speed: parseInt(ev.target.value, 10) }, null);
  });

  var endButton = $("pc-end"), endArmed = null;
  var endLabel = Array.prototype.slice.call(endButton.childNodes);
  endButton.addEventListener("click", function () {
    if (endArmed === null) {  // first click: ask to confirm, without a dialog
      endButton.classList.add("armed");
      D.clear(endButton);
      endButton.appendChild(el("span", null, _("Bấm lần nữa để kết thúc")));
      endArmed = window.setTimeout(disarm, CONFIRM_MS);
      return;
    }
    disarm();
    control("end", null, endButton);
  });
  function disarm() {
    window.clearTimeout(endArmed);
    endArmed = null;
    endButton.classList.remove("armed");
    D.clear(endButton);
    endLabel.forEach(function (node) { endButton.appendChild(node); });
  }

  /* ---- hints ----------------------------------------------------------------------------- */

  function itemLabel(id) {
    var item = room.state.items[id];
    if (!item) return id;
    var what = item.title || item.question || item.content;
    return fmtT(item.t) + " · " + D.preview(what ? D.vi(what) : id, 80);
  }

  function hintCard(h) {
    var label = D.labelOf(D.ACTIONS, h.type);
    var params = h.params || {};
    var target = ["call", "post", "article", "item"].filter(function (p) { return typeof params[p] === "string"; })[0];
    var when = h.at > room.state.minute ? _("Nên làm từ %(time)s", { time: fmtT(h.at) }) : _("Nên làm ngay");
    return el("li", { class: "hint-item" },
      el("strong", null, D.vi(label)),
      el("p", null, D.vi(h.reason)),
      target ? el("p", { class: "hint-target" }, D.vi(D.PARAMS[target], target) + ": " + itemLabel(params[target])) : null,
      el("p", { class: "hint-when" }, when + (typeof h.deadline === "number" ? " · " + _("hạn %(time)s", { time: fmtT(h.deadline) }) : "")),
      document.getElementById("action-" + h.type)
        ? el("button", { type: "button", class: "small secondary", onclick: function () { room.openForm(h.type, target, params[target]); } },
             _("Mở biểu mẫu"))
        : null);
  }

  function showUsed(used, penalty) {
    $("pc-hint-used").textContent = used ? _("Đã dùng %(used)s gợi ý (−%(penalty)s điểm)", { used: used, penalty: penalty }) : "";
  }

  function askHint(button) {
    button.disabled = true;
    post(P.urls.hint, {}).then(function (ack) {
      button.disabled = false;
      if (!ack.ok) { say("error", ack.error || "?"); return; }
      say(null);
      showUsed(ack.used, ack.penalty);
      var box = $("pc-hints");
      D.clear(box);
      box.appendChild(el("h3", null, _("Quy trình chờ vai của bạn")));
      box.appendChild(ack.hints.length
        ? el("ol", { class: "hint-list" }, ack.hints.slice(0, 3).map(hintCard))
        : el("p", { class: "empty" }, _("Lúc này quy trình chưa chờ vai của bạn làm gì.")));
      box.hidden = false;
    }, function () {
      button.disabled = false;
      say("error", _("Không gửi được yêu cầu gợi ý."));
    });
  }

  if ($("pc-hint")) {
    showUsed(P.hints_used, P.hints_used * P.hint_cost);
    $("pc-hint").addEventListener("click", function (ev) { askHint(ev.currentTarget); });
  }

  /* ---- the end: the score card ------------------------------------------------------------- */

  function num(x) { return (Math.round(x * 10) / 10).toLocaleString("vi-VN"); }

  function figure(cls, caption, value) {
    return el("div", { class: "figure " + cls }, el("span", { class: "cap" }, caption),
      el("span", { class: "val" }, value));
  }

  function failedRule(rule) {
    return el("li", null,
      el("div", { class: "rule-head" }, el("strong", null, D.vi(rule.title)), " ",
        el("span", { class: "pts" }, num(rule.points) + "/" + num(rule.max_points))),
      el("p", { class: "why" }, D.vi(rule.explanation)),
      el("p", { class: "source" }, _("Căn cứ:") + " " + D.vi(rule.source)));
  }

  function renderCard(card, links) {
    var box = $("score-card");
    D.clear(box);
    box.appendChild(el("h2", null, _("Kết quả tự luyện")));
    box.appendChild(el("div", { class: "figures" },
      figure("main", _("Điểm tự luyện"), num(card.score)),
      figure("", _("Điểm theo quy tắc"), num(card.total) + "/100"),
      figure("", _("Điểm cộng (thực hành tốt)"), "+" + num(card.bonus)),
      figure("", _("Trừ do gợi ý"),
             card.hints ? "−" + num(card.penalty) + " (" + card.hints + " × " + num(card.hint_cost) + ")" : "0")));
    if (card.complete === false) {
      box.appendChild(el("p", { class: "ack ack-error incomplete", id: "card-incomplete" },
        _("Chưa hoàn thành: bạn kết thúc trước khi hết thời lượng buổi diễn tập, điểm này không tính vào lịch sử.")));
    }
    if (card.failed.length) {
      box.appendChild(el("h3", null, _("Quy tắc chưa đạt")));
      box.appendChild(el("ul", { class: "failed-rules" }, card.failed.map(failedRule)));
    } else {
      box.appendChild(el("p", { class: "all-passed" }, _("Đạt mọi quy tắc pháp lý.")));
    }
    if (card.not_due && card.not_due.length) {
      box.appendChild(el("h3", null, _("Chưa đến hạn (chưa tính đạt hay không đạt)")));
      box.appendChild(el("ul", { class: "failed-rules not-due-rules" }, card.not_due.map(failedRule)));
    }
    box.appendChild(el("p", { class: "card-links" },
      el("a", { class: "button", href: links.review, id: "review-link" }, _("Xem lại buổi luyện tập")),
      links.history
        ? el("a", { class: "button secondary", href: links.history }, _("Lịch sử luyện tập"))
        : el("a", { class: "button secondary", href: P.urls.signup }, _("Đăng ký để lưu lịch sử")),
      el("a", { class: "button secondary", href: links.index }, _("Luyện tập tiếp"))));
    box.hidden = false;
    box.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  function cardError(text) {
    cardShown = false;
    var box = $("score-card");
    D.clear(box);
    box.appendChild(el("div", { class: "ack ack-error", role: "alert" }, text));
    box.hidden = false;
  }

  function showCard() {
    if (cardShown) return;
    cardShown = true;
    window.fetch(P.urls.card, { credentials: "same-origin" }).then(answer).then(function (ack) {
      if (ack.ok) renderCard(ack.card, ack.links);
      else cardError(ack.error || "?");
    }, function () { cardError(_("Không tải được bảng điểm; hãy tải lại trang.")); });
  }

  /* ---- start ---------------------------------------------------------------------------- */

  document.addEventListener("drill:status", function () { showControls(room.state.status); });
  showControls(room.state.status);
})();
