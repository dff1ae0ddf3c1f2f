/* The drill editor's timeline: the injects by scenario minute, one lane per channel, coloured by channel.

   Timed injects (`at`) are marks on the axis (a press call also shows its response window); injects that
   wait for a condition (`when`) or for a level are listed apart, under the axis, since they have no minute
   of their own. Drawn as SVG from the drill's data on every change; clicking an inject opens its card.
   AuthoringTimeline.render(container, data, onPick(index), conditions): `conditions` maps each condition to its words
   ({vi, en}, from the server's check), shown instead of the expression. Text goes in as text nodes, never as HTML. */
(function () {
  "use strict";
  var D = window.Drill, M = window.AuthoringModel, el = D.el;
  var SVG = "http://www.w3.org/2000/svg";
  var CHANNELS = Object.keys(D.INJECT_CHANNELS);
  var LANE = 26, LEFT = 168, RIGHT = 24, TOP = 10, AXIS = 26;
  var STEPS = [30, 60, 120, 180, 360, 720, 1440, 2880];

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hhmm(minutes) {
    var h = Math.floor(minutes / 60), m = Math.round(minutes % 60);
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function describe(inject) {
    return D.vi(D.labelOf(D.INJECT_CHANNELS, inject.channel)) + " · " + (inject.id || "?") + " — " +
      D.preview(D.vi(inject.title) || D.vi(inject.content), 80);
  }

  function chip(inject, index, onPick, extra) {
    return el("button", { type: "button", class: "tl-chip", title: describe(inject), onclick: function () { onPick(index); } },
      el("span", { class: "dot ch-" + inject.channel }), el("code", null, inject.id || "?"), extra ? " " + extra : "");
  }

  function axis(g, duration, x, height) {
    var step = STEPS.filter(function (s) { return duration / s <= 14; })[0] || 2880;
    for (var t = 0; t <= duration + 1e-6; t += step) {
      g.appendChild(svg("line", { x1: x(t), x2: x(t), y1: TOP, y2: height - AXIS + 4, class: "tl-grid" }));
      g.appendChild(svg("text", { x: x(t), y: height - 8, "text-anchor": "middle", class: "tl-tick" }, "T+" + hhmm(t)));
    }
  }

  function render(container, data, onPick, conditions) {
    D.clear(container);
    var injects = M.list(data, "injects").map(function (inject, index) { return { inject: inject, index: index }; })
      .filter(function (e) { return e.inject && typeof e.inject === "object"; });
    var timed = injects.filter(function (e) { return typeof e.inject.at === "number" && isFinite(e.inject.at); });
    var duration = typeof data.duration === "number" && data.duration > 0 ? data.duration
      : Math.max.apply(null, [60].concat(timed.map(function (e) { return e.inject.at; })));
    var lanes = CHANNELS.filter(function (c) { return timed.some(function (e) { return e.inject.channel === c; }); });
    var width = Math.max(640, container.clientWidth || 960);
    var height = TOP + Math.max(1, lanes.length) * LANE + AXIS;
    var x = function (t) { return LEFT + Math.max(0, Math.min(t, duration)) / duration * (width - LEFT - RIGHT); };
    var chart = svg("svg", { class: "tl", viewBox: "0 0 " + width + " " + height, width: "100%", role: "img",
                             "aria-label": _("Dòng thời gian các tin theo phút kịch bản") });
    axis(chart, duration, x, height);
    lanes.forEach(function (c, lane) {
      var y = TOP + lane * LANE + LANE / 2;
      chart.appendChild(svg("text", { x: LEFT - 10, y: y + 4, "text-anchor": "end", class: "tl-lane" }, D.vi(D.INJECT_CHANNELS[c])));
      chart.appendChild(svg("line", { x1: LEFT, x2: width - RIGHT, y1: y, y2: y, class: "tl-lane-line" }));
    });
    var incident = data.incident && data.incident.occurred_at;
    if (typeof incident === "number" && incident >= 0 && incident <= duration) {
      chart.appendChild(svg("line", { x1: x(incident), x2: x(incident), y1: TOP, y2: height - AXIS, class: "tl-incident" }));
    }
    timed.forEach(function (e) {
      var inject = e.inject, y = TOP + lanes.indexOf(inject.channel) * LANE + LANE / 2;
      var late = inject.at > duration;
      var g = svg("g", { class: "tl-mark ch-" + inject.channel + (late ? " late" : ""), tabindex: 0, role: "button",
                         "data-index": e.index });
      if (inject.channel === "press_call" && typeof inject.response_window === "number" && inject.response_window > 0) {
        g.appendChild(svg("line", { x1: x(inject.at), x2: x(inject.at + inject.response_window), y1: y, y2: y, class: "tl-window" }));
      }
      g.appendChild(svg("circle", { cx: x(inject.at), cy: y, r: 6.5 }));
      g.appendChild(svg("title", null, D.fmtT(inject.at) + (late ? " " + _("(sau khi kết thúc)") : "") + " · " + describe(inject)));
      g.addEventListener("click", function () { onPick(e.index); });
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onPick(e.index); } });
      chart.appendChild(g);
    });
    container.appendChild(chart);

    var conditional = injects.filter(function (e) { return typeof e.inject.at !== "number" && e.inject.when !== undefined && e.inject.when !== null; });
    var levelled = M.list(data, "levels").filter(function (lv) { return lv && Array.isArray(lv.releases) && lv.releases.length; });
    var apart = el("div", { class: "tl-apart" });
    apart.appendChild(el("div", { class: "tl-group" }, el("span", { class: "tl-label" }, _("Theo điều kiện")),
      conditional.length ? conditional.map(function (e) {
        return chip(e.inject, e.index, onPick, _("khi %(condition)s", { condition: D.vi((conditions || {})[e.inject.when], e.inject.when) }) + (e.inject.delay ? " +" + e.inject.delay + "′" : ""));
      }) : el("span", { class: "hint" }, "—")));
    apart.appendChild(el("div", { class: "tl-group" }, el("span", { class: "tl-label" }, _("Khi lên cấp")),
      levelled.length ? levelled.map(function (lv) {
        return el("span", { class: "tl-level" }, el("span", { class: "level-badge level-" + lv.level }, _("Cấp %(level)s", { level: lv.level })),
          lv.releases.map(function (id) {
            var e = injects.filter(function (x) { return x.inject.id === id; })[0];
            return e ? chip(e.inject, e.index, onPick, e.inject.delay ? "+" + e.inject.delay + "′" : "") : el("code", { class: "tl-missing" }, String(id));
          }));
      }) : el("span", { class: "hint" }, "—")));
    container.appendChild(apart);
    container.appendChild(el("div", { class: "legend" }, CHANNELS.map(function (c) {
      return el("span", null, el("span", { class: "dot ch-" + c }), D.vi(D.INJECT_CHANNELS[c]));
    })));
  }

  window.AuthoringTimeline = { render: render };
})();
