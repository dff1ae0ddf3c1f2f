/* The drill editor's dry-run panel: the report of `sim.dryrun.dry_run` on the current text.

   The warnings come first; then each bot's score range over the seeds, its
   final and highest crisis levels, the rules it failed; then the three bots' opinion curves (share who
   believe the rumour, trust in the authorities) drawn with the vendored Chart.js.
   AuthoringDryRun.render(panel, report, ruleTitles); the editor adds the class "stale" to the panel when the
   drill changes afterwards. Text goes in as text, never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, el = D.el;
  var BOTS = {
    exemplary: { label: _("Đội làm đúng quy trình"), color: "#2e7d32", what: _("Làm đủ 4 bước, đúng hạn, một đầu mối.") },
    silent: { label: _("Đội im lặng"), color: "#c62828", what: _("Không làm gì cả.") },
    off_focal_point: { label: _("Đội có hai đầu mối"), color: "#d08a0b", what: _("Như đội làm đúng, thêm một vai khác trả lời báo chí.") }
  };
  var chart = null;

  function range(values) {
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    return lo === hi ? String(lo) : lo + "–" + hi;
  }

  function warnings(report) {
    if (!report.warnings.length) {
      return el("div", { class: "dr-ok", role: "status" }, "✓ " + _("Không có cảnh báo: kịch bản phân biệt rõ đội làm đúng với đội im lặng."));
    }
    return el("div", { class: "dr-warnings", role: "alert" },
      el("h3", null, "⚠ " + _("%(count)s cảnh báo", { count: report.warnings.length })),
      el("ul", null, report.warnings.map(function (w) {
        return el("li", { "data-code": w.code }, D.vi(w));
      })));
  }

  function botCard(bot, rules) {
    var info = BOTS[bot.bot] || { label: bot.bot, color: "#5b6877", what: null };
    var finals = bot.runs.map(function (r) { return r.final_level; }), highs = bot.runs.map(function (r) { return r.max_level; });
    var card = el("article", { class: "dr-bot", "data-bot": bot.bot },
      el("h3", null, info.label),
      info.what ? el("p", { class: "hint" }, info.what) : null,
      el("p", { class: "dr-score" }, el("span", { class: "val" }, range([bot.min_total, bot.max_total])), el("span", { class: "of" }, " " + _("/ 100 điểm"))),
      el("dl", { class: "params" },
        el("dt", null, _("Cấp cuối")), el("dd", null, range(finals)),
        el("dt", null, _("Cấp cao nhất")), el("dd", null, range(highs)),
        el("dt", null, _("Điểm cộng CERC")), el("dd", null, range(bot.runs.map(function (r) { return r.bonus; })))),
      bot.failed_rules.length
        ? el("ul", { class: "failed" }, bot.failed_rules.map(function (rule) {
            return el("li", null, D.vi(rules[rule], rule), el("span", { class: "why" }, rule));
          }))
        : el("p", { class: "dr-none" }, _("Không trượt quy tắc nào")));
    card.style.borderTopColor = info.color;  // through the CSSOM: the Content-Security-Policy refuses style attributes
    return card;
  }

  function curves(canvas, report) {
    if (chart) { chart.destroy(); chart = null; }
    if (typeof window.Chart !== "function") return;
    var datasets = [];
    report.bots.forEach(function (bot) {
      var info = BOTS[bot.bot] || { label: bot.bot, color: "#5b6877" };
      var points = function (key) { return bot.curve.map(function (p) { return { x: p.t / 60, y: p[key] * 100 }; }); };
      datasets.push({ label: info.label + " — " + _("tin tin đồn"), data: points("belief"), borderColor: info.color,
                      backgroundColor: info.color, borderWidth: 2, pointRadius: 0, tension: 0.15 });
      datasets.push({ label: info.label + " — " + _("niềm tin"), data: points("trust"), borderColor: info.color,
                      backgroundColor: info.color, borderWidth: 1.5, borderDash: [6, 4], pointRadius: 0, tension: 0.15 });
    });
    chart = new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
        interaction: { mode: "nearest", intersect: false },
        scales: {
          x: { type: "linear", title: { display: true, text: _("Giờ kịch bản (seed %(seed)s)", { seed: report.seeds[0] }) } },
          y: { min: 0, max: 100, title: { display: true, text: _("Tỷ lệ dân số") + " (%)" } }
        },
        plugins: { legend: { position: "bottom", labels: { boxWidth: 18, font: { size: 11 } } } }
      }
    });
  }

  function render(panel, report, rules) {
    D.clear(panel);
    panel.hidden = false;
    panel.classList.remove("stale");
    panel.appendChild(el("h2", null, _("Kết quả chạy thử"), " ",
      el("small", null, _("3 đội ảo × seed %(seeds)s", { seeds: report.seeds.join(", ") }))));
    panel.appendChild(el("p", { class: "dr-stale ack ack-pending" }, _("Kịch bản đã thay đổi sau lần chạy thử này: hãy chạy lại.")));
    panel.appendChild(warnings(report));
    panel.appendChild(el("div", { class: "dr-bots" }, report.bots.map(function (bot) { return botCard(bot, rules); })));
    var canvas = el("canvas", { "aria-label": _("Đường dư luận của ba đội ảo"), role: "img" });
    panel.appendChild(el("div", { class: "dr-chart" }, el("h3", null, _("Dư luận theo thời gian: tin tin đồn (nét liền), niềm tin (nét đứt)")),
      el("div", { class: "dr-canvas" }, canvas)));
    curves(canvas, report);
  }

  function pending(panel) {
    D.clear(panel);
    panel.hidden = false;
    panel.appendChild(el("p", { class: "hint", role: "status" }, _("Đang chạy thử với ba đội ảo…")));
  }

  window.AuthoringDryRun = { render: render, pending: pending };
})();
