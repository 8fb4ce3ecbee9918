/* Printing an event or a document page: each link within the record prints its address
   after it, as the print style sheet does for links to the archive (a.external), so that a
   sheet handed out in class leads to the pages it names. The address is the link's full
   one, as the browser resolved it (the style sheet cannot turn a relative address into a
   full one). Links to a place on the same page (citation marks [1]) and the page's own
   controls print nothing. Without scripts, only the archive's addresses print. */
(function () {
  "use strict";
  var SKIP = ".reuse, .prevnext, .kicker, .jump, .cite-badge";
  window.addEventListener("beforeprint", function () {
    var links = document.querySelectorAll(".record a[href]:not(.external)");
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.closest(SKIP)) { return; }
      link.setAttribute("data-print-address", link.href);
    });
  });
})();
