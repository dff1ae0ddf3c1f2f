/* One team's after-action review (/review/teams/<id>): the opinion chart, the timeline's filters, and links
   to timeline entries (evidence, answers, acts) that scroll the timeline to the entry and highlight it.
   The page itself is rendered by the server; this only shows, hides and scrolls. */
(function () {
  "use strict";
  var D = window.Drill;

  var data = D.readJSON("chart-data");
  var canvas = document.getElementById("opinion-chart");
  if (canvas) window.ReviewChart.teamChart(canvas, data);

  var timeline = document.getElementById("timeline");
  var category = document.getElementById("filter-category");
  var role = document.getElementById("filter-role");
  var count = document.getElementById("filter-count");
  var items = Array.prototype.slice.call(timeline.querySelectorAll("li[data-category]"));

  function applyFilters() {
    var c = category.value, r = role.value, shown = 0;
    items.forEach(function (li) {
      var keep = (!c || li.dataset.category === c) && (!r || li.dataset.roles.split(" ").indexOf(r) >= 0);
      li.hidden = !keep;
      if (keep) shown += 1;
    });
    count.textContent = c || r ? _("Đang hiện %(shown)s/%(count)s dòng", { shown: shown, count: items.length }) : "";
  }
  category.addEventListener("change", applyFilters);
  role.addEventListener("change", applyFilters);

  var highlighted = null;
  function focusEntry(entry) {
    if (entry.hidden) { category.value = ""; role.value = ""; applyFilters(); }
    if (highlighted) highlighted.classList.remove("highlight");
    highlighted = entry;
    entry.classList.add("highlight");
    timeline.scrollTop = entry.offsetTop - timeline.clientHeight / 2 + entry.offsetHeight / 2;
    timeline.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a.jump");
    if (!link) return;
    var entry = document.getElementById(link.getAttribute("href").slice(1));
    if (!entry || !timeline.contains(entry)) return;
    ev.preventDefault();
    focusEntry(entry);
    window.history.replaceState(null, "", "#" + entry.id);
  });

  if (window.location.hash) {
    var target = document.getElementById(window.location.hash.slice(1));
    if (target && timeline.contains(target)) focusEntry(target);
  }
})();
