/* Home page: a button that opens the site's search box (search needs JavaScript anyway). */
(function () {
  "use strict";

  function enhance() {
    document.querySelectorAll("[data-open-search]").forEach(function (button) {
      var toggle = document.getElementById("__search");
      if (!toggle || button.dataset.ready) return;
      button.dataset.ready = "1";
      button.closest("[hidden]").hidden = false;
      button.addEventListener("click", function () {
        if (!toggle.checked) toggle.click();
        var input = document.querySelector(".md-search__input");
        if (input) input.focus();
      });
    });
  }

  if (window.document$) {
    window.document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
