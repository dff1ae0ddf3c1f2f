/* Teams side by side (/review/exercises/<id>): every team's opinion curve on one chart, for the measure chosen. */
(function () {
  "use strict";
  var data = window.Drill.readJSON("overlay-data");
  var canvas = document.getElementById("overlay-chart");
  var metric = document.getElementById("metric");
  if (!canvas) return;
  var overlay = window.ReviewChart.overlayChart(canvas, data, metric.value);
  metric.addEventListener("change", function () { overlay.show(metric.value); });
})();
