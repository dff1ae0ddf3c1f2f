/* Shared by the live pages (trainee room, instructor console, evaluator page): when the server refuses a socket
   connection because too many came from this address at once (web/floods.py: "too many connections"), Socket.IO
   does not try again by itself. `DrillSocket.retryRefused(socket, show)` returns the page's `connect_error` helper:
   given the error, it says whether it was that refusal and, if so, connects again after a delay that doubles at each
   refusal in a row (2 s, 4 s, … up to a minute, with jitter so that a class does not come back all at once), and
   counts the seconds down through `show(kind, text)`, the page's connection line (in the page's language). */
(function () {
  "use strict";

  var REFUSED = "too many connections";  // web/auth.py TOO_MANY_CONNECTIONS
  var FIRST_DELAY = 2000, LONGEST_DELAY = 60000;

  function retryRefused(socket, show) {
    var refusals = 0, timer = null, ticker = null;

    function stop() {
      window.clearTimeout(timer);
      window.clearInterval(ticker);
      timer = ticker = null;
    }

    socket.on("connect", function () { refusals = 0; stop(); });

    return function (err) {
      if (!err || err.message !== REFUSED) return false;
      stop();
      var delay = Math.min(LONGEST_DELAY, FIRST_DELAY * Math.pow(2, refusals)) * (1 + Math.random() / 2);
      refusals += 1;
      var at = Date.now() + delay;
      function countdown() {
        var seconds = Math.max(1, Math.ceil((at - Date.now()) / 1000));
        show("lost", _("Máy chủ đang nhận quá nhiều kết nối — tự thử lại sau %(seconds)s giây…", { seconds: seconds }));
      }
      countdown();
      ticker = window.setInterval(countdown, 1000);
      timer = window.setTimeout(function () { stop(); socket.connect(); }, delay);
      return true;
    };
  }

  window.DrillSocket = { retryRefused: retryRefused };
})();
