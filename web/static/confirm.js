/* Forms that undo something (delete a course or a drill, drop an edited plan or a draft) ask first:
   a form with data-confirm="question" is sent only if the user agrees. Loaded by every page (base.html):
   the Content-Security-Policy runs no inline onsubmit handler. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (form) {
    form.addEventListener("submit", function (ev) {
      if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
    });
  });
})();
