// The live preview: poll the preview's state and reload the page when the site was rebuilt or
// the project's errors changed (no websocket needed).
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/_legalgen/state.json", { cache: "no-store" })
      .then(function (answer) { return answer.json(); })
      .then(function (state) {
        if (seen !== null && state.stamp !== seen) location.reload();
        seen = state.stamp;
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 250); });
  }
  poll();
})();
