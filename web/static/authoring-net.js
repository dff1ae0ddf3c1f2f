/* The drill editor's requests: JSON to the authoring endpoints, with the page's CSRF token in X-CSRFToken.

   AuthoringNet.post(url, body, csrf, asBlob) -> Promise of {ok, status, body}: `body` is the endpoint's JSON
   (or the file and its name, with asBlob), or {error: a text in the page's language} when the answer is not what
   the editor expects (the session ended and the login page came back, the request was too large, the server failed). */
(function () {
  "use strict";

  function failure(response) {
    if (response.redirected && /\/login/.test(response.url)) {
      return _("Phiên đăng nhập đã hết: hãy đăng nhập lại ở thẻ khác rồi thử lại; bản đang soạn vẫn còn trên trang này.");
    }
    if (response.status === 413) return _("Dữ liệu gửi lên quá lớn.");
    if (response.status === 404) return _("Không tìm thấy kịch bản này.");
    if (response.status === 400) return _("Yêu cầu không hợp lệ (có thể phiên đã hết hạn).");
    return _("Lỗi máy chủ (%(status)s); dữ liệu đã lưu không bị mất.", { status: response.status });
  }

  function post(url, body, csrf, asBlob) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") >= 0;
      if (asBlob && response.ok && !json) {
        var name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
        return response.blob().then(function (blob) { return { ok: true, status: response.status, body: blob, name: name && name[1] }; });
      }
      if (!json) return { ok: false, status: response.status, body: { error: failure(response) } };
      return response.json().then(function (data) { return { ok: response.ok, status: response.status, body: data }; });
    }, function () {
      return { ok: false, status: 0, body: { error: _("Mất kết nối tới máy chủ; hãy thử lại.") } };
    });
  }

  window.AuthoringNet = { post: post };
})();
