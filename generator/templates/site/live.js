// The live preview: poll the state of this page and reload it as soon as its file was rewritten
// or the project's errors changed (no websocket needed).
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/_legalgen/state.json?page=" + encodeURIComponent(location.pathname), { cache: "no-store" })
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (seen !== null && state.stamp !== seen) location.reload();
        seen = state.stamp;
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 150); });
  }
  poll();
})();
