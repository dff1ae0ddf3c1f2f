/* Forms of the debrief pages that undo something (delete a course, drop an edited plan) ask first:
   a form with data-confirm="question" is sent only if the user agrees. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (form) {
    form.addEventListener("submit", function (ev) {
      if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
    });
  });
})();
