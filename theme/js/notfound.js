/* The 404 page of the site's own language, which hosts such as GitHub Pages serve for every
   missing address, in every language: under another language's folder (/es/...), it shows
   that language's notice (written by the build, hidden), which links to that language's own
   404 page and home page. Nothing else changes; without JavaScript the notice stays hidden. */
(function () {
  "use strict";
  var path = location.pathname;
  var notices = document.querySelectorAll("[data-language-folder]");
  for (var i = 0; i < notices.length; i++) {
    var folder = notices[i].getAttribute("data-language-folder");
    if (folder && folder !== "/" && path.indexOf(folder) === 0) { notices[i].hidden = false; }
  }
})();
