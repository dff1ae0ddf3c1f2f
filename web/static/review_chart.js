/* The debrief's charts, drawn with the vendored Chart.js 4 (window.Chart): one team's opinion curve with the
   crisis level as a step line on a second axis and each escalation marked, or every team's curves overlaid.
   x is the scenario minute on a linear axis, labelled T+HH:MM; shares (0–1) are shown as percentages.
   Labels go to the canvas as text: Chart.js draws them, nothing is parsed as HTML. */
(function () {
  "use strict";
  var D = window.Drill;

  var METRICS = {
    belief: { label: _("Tỷ lệ tin tin đồn"), color: "#c62828" },
    trust: { label: _("Niềm tin vào chính quyền"), color: "#2b6cb0" },
    seen_share: { label: _("Đã thấy tin đồn"), color: "#6b46c1" }
  };
  var LEVEL_COLOR = "#b7791f";
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
  var STEPS = [15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880];

  function timeAxis(end) {
    var step = STEPS.filter(function (s) { return end / s <= 12; })[0] || STEPS[STEPS.length - 1];
    return {
      type: "linear", min: 0, max: end,
      ticks: { stepSize: step, callback: function (value) { return D.fmtT(value); } },
      title: { display: true, text: _("Thời gian kịch bản") }
    };
  }

  function shareAxis(fixed) {
    var axis = { type: "linear", position: "left", min: 0,
                 ticks: { callback: function (value) { return D.pct(value, 0); } },
                 title: { display: true, text: _("Tỷ lệ dân số") } };
    if (fixed) axis.max = 1;
    return axis;
  }

  /* The crisis level, 0 to the drill's top, a little above the x axis so that level 0 stays visible. */
  function levelAxis(top) {
    return {
      type: "linear", position: "right", min: -0.15, max: top + 0.15,
      afterBuildTicks: function (axis) {
        axis.ticks = [];
        for (var level = 0; level <= top; level++) axis.ticks.push({ value: level });
      },
      ticks: { callback: function (value) { return _("Cấp %(level)s", { level: value }); } },
      grid: { drawOnChartArea: false },
      title: { display: true, text: _("Cấp độ") }
    };
  }

  function curve(points, key) {
    return points.map(function (p) { return { x: p.t, y: p[key] }; });
  }

  /* Dashed vertical lines at the escalations, each with the level reached. */
  var escalationLines = {
    id: "escalationLines",
    afterDatasetsDraw: function (chart, args, options) {
      var marks = (options && options.marks) || [];
      if (!marks.length) return;
      var ctx = chart.ctx, area = chart.chartArea, x = chart.scales.x;
      ctx.save();
      ctx.strokeStyle = LEVEL_COLOR;
      ctx.fillStyle = LEVEL_COLOR;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 3]);
      ctx.font = "600 12px 'Segoe UI', 'Noto Sans', Arial, 'DejaVu Sans', sans-serif";
      marks.forEach(function (mark) {
        var px = x.getPixelForValue(mark.t);
        if (px < area.left || px > area.right) return;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.fillText(mark.label, Math.min(px + 4, area.right - 70), area.top + 14);
      });
      ctx.restore();
    }
  };

  function tooltip(format) {
    return {
      mode: "nearest", axis: "x", intersect: false,
      callbacks: {
        title: function (items) { return items.length ? D.fmtT(items[0].parsed.x) : ""; },
        label: function (item) { return item.dataset.label + ": " + format(item); }
      }
    };
  }

  /* One team: belief, trust and seen share (left axis) and the crisis level as steps (right axis). */
  function teamChart(canvas, data) {
    var opinion = data.opinion || [], levels = data.levels || [];
    var last = Math.max(opinion.length ? opinion[opinion.length - 1].t : 0, levels.length ? levels[levels.length - 1].t : 0);
    var end = Math.max(last, 60);
    var steps = levels.map(function (s) { return { x: s.t, y: s.level }; });
    if (steps.length && steps[steps.length - 1].x < last) steps.push({ x: last, y: steps[steps.length - 1].y });
    var escalations = levels.filter(function (s) { return s.cause === "escalation"; });
    var datasets = Object.keys(METRICS).map(function (key) {
      return { label: METRICS[key].label, data: curve(opinion, key), borderColor: METRICS[key].color,
               backgroundColor: METRICS[key].color, borderWidth: 2, pointRadius: 0, yAxisID: "y", tension: 0.15 };
    });
    datasets.push({
      label: _("Cấp độ khủng hoảng"), data: steps, stepped: true, yAxisID: "level",
      borderColor: LEVEL_COLOR, backgroundColor: LEVEL_COLOR, borderWidth: 2.5, borderDash: [6, 3],
      pointStyle: "triangle",
      pointRadius: function (ctx) { var s = levels[ctx.dataIndex]; return s && s.cause === "escalation" ? 6 : 0; }
    });
    return new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      plugins: [escalationLines],
      options: {
        animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: {
          x: timeAxis(end),
          y: shareAxis(true),
          level: levelAxis(Math.max(1, data.top_level || 1)),
        },
        plugins: {
          legend: { position: "bottom" },
          tooltip: tooltip(function (item) {
            return item.dataset.yAxisID === "level" ? _("cấp %(level)s", { level: item.parsed.y }) : D.pct(item.parsed.y, 1);
          }),
          escalationLines: { marks: escalations.map(function (s) { return { t: s.t, label: "↑ " + _("Cấp %(level)s", { level: s.level }) + " " + D.fmtT(s.t) }; }) }
        }
      }
    });
  }

  /* Every team of an exercise: one curve per team for one metric; `show(metric)` switches the metric. */
  function overlayChart(canvas, data, metric) {
    var teams = data.teams || [];
    var end = Math.max(60, teams.reduce(function (m, team) {
      var op = team.opinion;
      return op.length ? Math.max(m, op[op.length - 1].t) : m;
    }, 0));
    function datasets(key) {
      return teams.map(function (team, i) {
        var color = PALETTE[i % PALETTE.length];
        return { label: team.team, data: curve(team.opinion, key), borderColor: color, backgroundColor: color,
                 borderWidth: 2, pointRadius: 0, tension: 0.15 };
      });
    }
    var chart = new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets(metric) },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: { x: timeAxis(end), y: shareAxis(metric !== "belief") },
        plugins: {
          legend: { position: "bottom" },
          tooltip: tooltip(function (item) { return D.pct(item.parsed.y, 1); })
        }
      }
    });
    return {
      chart: chart,
      show: function (key) {
        chart.data.datasets = datasets(key);
        chart.options.scales.y = shareAxis(key !== "belief");
        chart.update();
      }
    };
  }

  window.ReviewChart = { METRICS: METRICS, teamChart: teamChart, overlayChart: overlayChart };
})();
