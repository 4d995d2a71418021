// The site's few behaviours, none needed to read a text: the language switch keeps the unit
// in view, and the search page looks up the words in the index script it loads.
(function () {
  "use strict";

  // The unit in view: the one the address names if it is on screen, else the first unit whose
  // top is on screen below the site bar.
  function unitInView() {
    var bar = document.querySelector(".site-bar");
    var top = bar ? bar.getBoundingClientRect().bottom : 0;
    var named = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (named) {
      var box = named.getBoundingClientRect();
      if (box.bottom > top && box.top < window.innerHeight) return named.id;
    }
    var units = document.querySelectorAll("main [id]");
    for (var i = 0; i < units.length; i++) {
      if (units[i].getBoundingClientRect().top >= top - 2) return units[i].id;
    }
    return "";
  }

  function keepUnitOnSwitch() {
    document.querySelectorAll("a.lang-switch").forEach(function (link) {
      link.addEventListener("click", function () {
        var unit = unitInView();
        link.href = link.getAttribute("data-base") + (unit ? "#" + encodeURIComponent(unit) : "");
      });
    });
  }

  function normalise(text) {
    return text.toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function search() {
    var results = document.getElementById("search-results");
    var index = window.LEGALGEN_SEARCH;
    if (!results || !index) return;
    var query = new URLSearchParams(location.search).get("q") || "";
    var input = document.getElementById("site-q");
    if (input) input.value = query;
    var words = normalise(query).split(" ").filter(Boolean);
    if (!words.length) return;
    var found = index.units.filter(function (unit) {
      var text = normalise(unit[2]);
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    });
    var status = document.getElementById("search-status");
    status.textContent = found.length ? String(found.length) : status.getAttribute("data-none");
    found.slice(0, 200).forEach(function (unit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = index.page + "#" + encodeURIComponent(unit[0]);
      link.textContent = unit[1] || unit[0];
      item.appendChild(link);
      item.appendChild(document.createElement("br"));
      item.appendChild(excerpt(unit[2], words[0]));
      results.appendChild(item);
    });
  }

  // A few words around the first match, the match marked.
  function excerpt(text, word) {
    var span = document.createElement("span");
    var at = normalise(text).indexOf(word);
    var flat = text.replace(/\s+/g, " ").trim();
    var start = Math.max(0, at - 80);
    var before = (start ? "… " : "") + flat.slice(start, at);
    var mark = document.createElement("mark");
    mark.textContent = flat.slice(at, at + word.length);
    span.appendChild(document.createTextNode(before));
    span.appendChild(mark);
    span.appendChild(document.createTextNode(flat.slice(at + word.length, at + word.length + 120) + " …"));
    return span;
  }

  document.addEventListener("DOMContentLoaded", function () {
    keepUnitOnSwitch();
    search();
  });
})();
