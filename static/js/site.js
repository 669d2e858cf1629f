// Small behaviours of the site, as a file of our own: the Content-Security-Policy allows no
// inline script, and htmx's hx-on attributes are inline script (they need eval).
(function () {
  "use strict";

  function clearSuggestions() {
    var box = document.getElementById("site-suggestions");
    if (box) box.replaceChildren();
  }

  // The header search's suggestions close with Escape and when the focus leaves the search.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && event.target.closest && event.target.closest(".site-search")) {
      clearSuggestions();
    }
  });
  document.addEventListener("focusout", function (event) {
    var form = event.target.closest && event.target.closest(".site-search");
    if (form && !form.contains(event.relatedTarget)) clearSuggestions();
  });

  // After htmx replaces the project results it gives the focus back to the element with the
  // same id; a link without one (a chip, the next page) is gone, so the focus goes to the
  // results heading instead of falling back to the top of the page.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.target || event.target.id !== "project-search") return;
    if (document.activeElement === document.body || document.activeElement === null) {
      var heading = document.getElementById("results-heading");
      if (heading) heading.focus();
    }
  });
})();
