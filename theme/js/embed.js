/* Inside an embedded page (embed/...; render/embed.py). Optional: without it (a sandbox
   without allow-scripts) the page shows every year of its page (a decade's page shows
   that decade), or only those its address names after #years- (render/ranges.py), keeps
   the frame's height, and a <noscript> notice says what to do when links cannot open.
   1. On a timeline, ?from=YYYY&to=YYYY shows only the years that overlap that range.
   2. The page's address (a path when the site was built without site_url) becomes whole.
   3. In a frame, a link that cannot open a new window (a sandbox without allow-popups)
      shows a notice with its address to copy, and a link to open it in the frame.
   4. In a frame, the page tells its parent how tall it is, whenever that changes:
      parent.postMessage({type: "desclasificado:height", height: N, contentHeight: C,
                          href: location.href}, "*")
      C is the page's height in CSS pixels and N the same, at most 900: a page that sets
      the frame's height from N (see the guide for teachers) never grows without bound,
      and a longer page scrolls inside its frame. Nothing is read from the parent. */
(function () {
  "use strict";

  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t, tn = MESSAGES.tn;

  /* 1. Years */
  function year(params, name) {
    var value = params.get(name);
    return value && /^\s*\d{1,4}\s*$/.test(value) ? Number(value) : null;
  }


  var list = document.querySelector(".embed-list");
  if (list && window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    var from = year(params, "from");
    var to = year(params, "to");
    if (from !== null || to !== null) {
      var low = from === null ? -Infinity : from;
      var high = to === null ? Infinity : to;
      if (low > high) { var swap = low; low = high; high = swap; }
      var shown = 0;
      document.documentElement.classList.add("years-applied");  /* hides the #years- line */
      Array.prototype.forEach.call(list.querySelectorAll("section.year"), function (section) {
        var keep = section.hasAttribute("data-from") &&
          Number(section.getAttribute("data-to")) >= low &&
          Number(section.getAttribute("data-from")) <= high;
        section.hidden = !keep;
        if (keep) { shown += section.querySelectorAll(".entry").length; }
      });
      var span = low === high ? t("{count} in {year}.") : low === -Infinity ? t("{count} until {year}.") :
        high === Infinity ? t("{count} from {year}.") : t("{count} from {first} to {last}.");
      var range = list.querySelector(".range");
      if (range) {
        var count = shown ? tn("{n} event", "{n} events", shown) : t("No event");
        range.textContent = span.split("{count}").join(count)
          .split("{year}").join(String(low === -Infinity ? high : low))
          .split("{first}").join(String(low)).split("{last}").join(String(high));
        range.hidden = false;
      }
    }
  }

  /* 2. Where the page comes from: without site_url the page knows only its path; the
     canonical link, resolved by the browser, is the full page's whole address. */
  var canonical = document.querySelector('link[rel="canonical"]');
  Array.prototype.forEach.call(document.querySelectorAll("[data-address]"), function (node) {
    if (canonical && canonical.href && node.textContent.charAt(0) === "/") {
      node.textContent = canonical.href;
    }
  });

  if (window.parent === window) {
    return;
  }

  /* 3. Links, in a frame whose page blocks new windows (a sandbox without allow-popups):
     a link that could not open says so, with its address to copy. */
  var notice = document.querySelector(".popup-notice");
  function blocked(href) {
    notice.querySelector("[data-link]").textContent = href;
    notice.querySelector("[data-here]").setAttribute("href", href);
    notice.hidden = false;
    notice.querySelector("[data-close]").focus();
  }
  if (notice) {
    notice.querySelector("[data-close]").addEventListener("click", function () {
      notice.hidden = true;
    });
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[target="_blank"]') : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey ||
          event.metaKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      var opened = null;
      try { opened = window.open(link.href, "_blank"); } catch (error) { opened = null; }
      if (!opened) {
        blocked(link.href);
        return;
      }
      try { opened.opener = null; } catch (error) { /* already elsewhere */ }
    });
  }

  /* 4. Height, at most MOST: a longer page scrolls inside its frame. */
  var MOST = 900;
  var last = 0;
  function report(always) {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last || always === true) {
      last = height;
      window.parent.postMessage({ type: "desclasificado:height", height: Math.min(height, MOST),
                                  contentHeight: height, href: window.location.href }, "*");
    }
  }
  report(true);
  window.addEventListener("load", function () { report(true); });
  if (window.ResizeObserver) {
    new window.ResizeObserver(report).observe(document.body);
  } else {
    window.addEventListener("resize", report);
  }
})();
