/* The improvement plan's table on the report page (/review/exercises/<id>/report): add and remove rows
   before saving. A new row is a copy of the page's empty row template; rows are numbered as the server
   will number them in its error messages ("Dòng 2 / Row 2"). */
(function () {
  "use strict";
  var rows = document.getElementById("plan-rows");
  var template = document.getElementById("plan-row-template");
  if (!rows || !template) return;

  function renumber() {
    Array.prototype.forEach.call(rows.querySelectorAll("tr.plan-row"), function (row, i) {
      row.querySelector(".row-number").textContent = String(i + 1);
    });
  }

  document.getElementById("add-row").addEventListener("click", function () {
    var row = template.content.firstElementChild.cloneNode(true);
    rows.appendChild(row);
    renumber();
    row.querySelector("textarea").focus();
  });

  rows.addEventListener("click", function (ev) {
    var button = ev.target.closest("button.remove-row");
    if (!button) return;
    button.closest("tr").remove();
    renumber();
  });
})();
