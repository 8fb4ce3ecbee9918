/* A selected passage of a document's transcript, ready to use (render/document.py).

   Select words in the transcript of a document page and a panel offers:
   - on a page served from your own computer (python build.py serve), the source block of an
     event, as python build.py quote prints it, to paste under sources: in an event file:
       - document: "176-10036-10058"
         pages: "3"
         quote: "..."
   - everywhere, "cite this passage": the quote, the document and its page, and the address
     of that page of the transcript, for a worksheet or an article.
   The quote is the transcript's text as selected, its lines joined (a word broken by a hyphen
   at a line end joined up again, as the check reads it); the check still verifies it.
   Without this script the transcript can be selected and copied by hand. */
(function () {
  "use strict";

  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t, tn = MESSAGES.tn;
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  var section = document.querySelector("section[data-passage-document]");
  if (!section || !window.getSelection) { return; }
  var LOCAL = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(window.location.hostname);
  var MAX_QUOTE = 1200;  /* contribute/quoting.py's MAX_QUOTE: the longest quote an event takes */

  function pageOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentNode);
    var page = element && element.closest ? element.closest("section.tpage[data-page]") : null;
    return page && section.contains(page) ? page : null;
  }

  function quoteOf(range) {
    var fragment = range.cloneContents();
    Array.prototype.forEach.call(fragment.querySelectorAll("h3, h4, .cite-badge"), function (heading) {
      heading.parentNode.removeChild(heading);
    });
    return fragment.textContent.replace(/(\p{L})-[ \t]*\n\s*(?=\p{L})/gu, "$1")
      .replace(/\s+/g, " ").trim();
  }

  function pagesOf(first, last) {
    var a = first.getAttribute("data-page"), b = last.getAttribute("data-page");
    return a === b ? a : a + "-" + b;
  }

  function yamlString(text) {
    /* JSON's escapes are YAML's, in a double-quoted scalar */
    return JSON.stringify(text);
  }

  function sourceBlock(pages, quote) {
    return "  - document: " + yamlString(section.getAttribute("data-passage-document")) + "\n" +
      "    pages: " + yamlString(pages) + "\n" +
      "    quote: " + yamlString(quote) + "\n";
  }

  function citation(pages, quote, first) {
    var address = window.location.href.split("#")[0] + "#" + first.id;
    var where = fill(tn("page {pages}", "pages {pages}", pages.indexOf("-") === -1 ? 1 : 2),
                     {pages: pages});
    return fill(t("“{quote}” {title}, {identifier}, {where}. {address}"), {
      quote: quote, title: section.getAttribute("data-passage-title"),
      identifier: section.getAttribute("data-passage-identifier"), where: where,
      address: address});
  }

  /* The panel, built once, hidden until a passage is selected */
  var panel = document.createElement("aside");
  panel.className = "passage-tool";
  panel.hidden = true;
  panel.setAttribute("aria-label", t("The selected passage"));
  var status = document.createElement("p");
  status.className = "passage-status";
  status.setAttribute("role", "status");

  function field(name, label, help) {
    var wrap = document.createElement("div");
    wrap.className = "passage-field passage-" + name;
    var id = "passage-" + name;
    var caption = document.createElement("label");
    caption.setAttribute("for", id);
    caption.textContent = label;
    var area = document.createElement("textarea");
    area.id = id;
    area.readOnly = true;
    area.rows = name === "yaml" ? 4 : 3;
    area.spellcheck = false;
    var note = document.createElement("p");
    note.className = "passage-help";
    note.textContent = help;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "passage-copy";
    button.textContent = t("Copy");
    button.addEventListener("click", function () { copy(area); });
    wrap.appendChild(caption);
    wrap.appendChild(area);
    wrap.appendChild(button);
    wrap.appendChild(note);
    panel.appendChild(wrap);
    return area;
  }

  var yaml = LOCAL ? field("yaml", t("Source block for an event"),
    t("Paste it under sources: in the event's file; python build.py check verifies the quote.")) : null;
  var cite = field("cite", t("Cite this passage"),
    t("The passage, the document and the address of its page."));
  var close = document.createElement("button");
  close.type = "button";
  close.className = "passage-close";
  close.textContent = t("Close");
  close.addEventListener("click", function () { panel.hidden = true; });
  panel.appendChild(status);
  panel.appendChild(close);
  section.appendChild(panel);

  function copy(area) {
    var done = function () { status.textContent = t("Copied to the clipboard."); };
    var refused = function () {
      area.focus();
      area.select();
      status.textContent = t("Copying was refused: select the text and copy it.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(area.value).then(done, function () {
        area.select();
        try { if (document.execCommand("copy")) { done(); return; } } catch (error) { /* below */ }
        refused();
      });
    } else {
      refused();
    }
  }

  function update() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
    var range = selection.getRangeAt(0);
    var first = pageOf(range.startContainer), last = pageOf(range.endContainer);
    if (!first || !last || panel.contains(range.startContainer)) { return; }
    var quote = quoteOf(range);
    if (quote.split(" ").length < 3) { return; }
    var pages = pagesOf(first, last);
    status.textContent = quote.length > MAX_QUOTE ?
      fill(t("The passage is {count} characters: a quote is at most {max}; select less."),
           {count: String(quote.length), max: String(MAX_QUOTE)}) : "";
    if (yaml) { yaml.value = sourceBlock(pages, quote); }
    cite.value = citation(pages, quote, first);
    panel.hidden = false;
  }

  var pending = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, 250);
  });
})();
