/* The search page's script, over the Pagefind index the build writes into pagefind/
   (desclasificado/publish/searchindex.py: one bundle a language, merged from shards at build
   time, listed in shards.json): the page's language's bundle is loaded (load()); a query
   downloads the index chunks of its words, then one fragment for each result shown (ten at
   a time). Each result shows its
   kind (a code in the index's meta, shown as a label in the page's language), its date and
   an excerpt with the words found marked. Everything is put into the page as text nodes,
   never as HTML: the indexed text is contributors' text. A status line says how many results. */
(function () {
  "use strict";
  /* Messages come from the page, in its language (js/messages.js, loaded before). */
  var MESSAGES = window.desclasificadoMessages;
  var t = MESSAGES.t, tn = MESSAGES.tn;

  var KIND_LABELS = {event: t("Event"), document: t("Document"), actor: t("Actor"),
                     country: t("Country"), theme: t("Theme"), timeline: t("Timeline"),
                     page: t("Page")};
  var SHOWN = 10;          // results shown at a time: one fragment downloaded for each
  var EXCERPT_WORDS = 30;  // words around the first match

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !input || !list) { return; }
  var siteRoot = new URL(form.getAttribute("data-site-root") || "./", location.href);
  var bundle = new URL(form.getAttribute("data-bundle") || "pagefind/", location.href);
  var pagefind = null;
  var latest = 0;    // the number of the latest query: older answers are dropped
  var pending = [];  // the results of the latest query not shown yet

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  /* The excerpt: EXCERPT_WORDS words of the indexed text around the first word found after
     the title, each word found in a <mark>. */
  function excerpt(data) {
    var words = (data.content || "").split(new RegExp("\\s+"));
    var found = {};
    var locations = data.locations || [];
    locations.forEach(function (at) { found[at] = true; });
    // the indexed text opens with the title, shown above: the first match after it, if any
    var titled = String((data.meta || {}).title || "").split(new RegExp("\\s+")).length;
    var after = locations.filter(function (at) { return at >= titled; });
    var first = after.length ? after[0] : locations.length ? locations[0] : 0;
    var start = Math.max(0, Math.min(first - Math.floor(EXCERPT_WORDS / 3),
                                     words.length - EXCERPT_WORDS));
    var end = Math.min(words.length, start + EXCERPT_WORDS);
    var p = element("p", "excerpt");
    if (start > 0) { p.appendChild(document.createTextNode("… ")); }
    for (var i = start; i < end; i++) {
      if (i > start) { p.appendChild(document.createTextNode(" ")); }
      p.appendChild(found[i] ? element("mark", "", words[i]) : document.createTextNode(words[i]));
    }
    if (end < words.length) { p.appendChild(document.createTextNode(" …")); }
    return p;
  }

  function resultItem(data) {
    var meta = data.meta || {};
    var kind = KIND_LABELS.hasOwnProperty(meta.kind) ? meta.kind : "page";
    var article = element("article", "result");
    var label = element("p", "result-kind");
    label.appendChild(element("span", "kind kind-" + kind, KIND_LABELS[kind]));
    if (meta.date) {
      label.appendChild(document.createTextNode(" "));
      label.appendChild(element("span", "when", meta.date));
    }
    var heading = element("h3");
    var link = element("a", "", meta.title || data.url);
    // the index holds addresses from the site's root ("/events/x/"): made relative to it
    var path = String(data.url || "");
    while (path.charAt(0) === "/") { path = path.slice(1); }
    link.href = new URL(path, siteRoot).href;
    heading.appendChild(link);
    article.appendChild(label);
    article.appendChild(heading);
    article.appendChild(excerpt(data));
    return article;
  }

  function showMore(query) {
    var batch = pending.splice(0, SHOWN);
    return Promise.all(batch.map(function (result) { return result.data(); }))
      .then(function (found) {
        if (query !== latest) { return; }
        found.forEach(function (data) { list.appendChild(resultItem(data)); });
        if (more) { more.hidden = pending.length === 0; }
      });
  }

  function clear() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    pending = [];
    if (more) { more.hidden = true; }
  }

  function run() {
    var text = input.value.trim();
    var query = ++latest;
    if (!text) {
      clear();
      status.textContent = "";
      return;
    }
    load().then(function (found) {
      return found.search(text);
    }).then(function (search) {
      if (query !== latest || !search) { return; }
      var results = search.results;
      var count = results.length;
      clear();
      pending = results;
      return showMore(query).then(function () {
        if (query !== latest) { return; }
        if (!count) {
          list.appendChild(element("p", "", list.getAttribute("data-no-results-text") ||
                                   t("No results found")));
        }
        status.textContent = tn("{n} result", "{n} results", count);  // once they are shown
      });
    }).catch(function () {
      if (query === latest) { status.textContent = t("Search could not be loaded: browse the timeline, the countries or the themes instead."); }
    });
  }

  /* shards.json lists each language's bundle (a list of one folder; more would be merged
     with Pagefind's mergeIndex): Pagefind is loaded from the page's language's. */
  function shardsOf(listing) {
    var lang = (document.documentElement.getAttribute("lang") || "").toLowerCase();
    var found = listing[lang] || listing[lang.split("-")[0]];
    if (!found) {
      Object.keys(listing).forEach(function (key) {
        if (!found || listing[key].length > found.length) { found = listing[key]; }
      });
    }
    if (!found || !found.length) { throw new Error("no search index"); }
    return found;
  }

  function load() {
    if (!pagefind) {
      pagefind = fetch(new URL("shards.json", bundle).href).then(function (response) {
        if (!response.ok) { throw new Error("no search index"); }
        return response.json();
      }).then(function (listing) {
        var folders = shardsOf(listing);
        var first = new URL(folders[0], bundle);
        return import(new URL("pagefind.js", first).href).then(function (module) {
          return module.options({baseUrl: "/"}).then(function () {
            return Promise.all(folders.slice(1).map(function (folder) {
              return module.mergeIndex(new URL(folder, bundle).href, {baseUrl: "/"});
            }));
          }).then(function () { return module; });
        });
      });
    }
    return pagefind;
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var address = new URL(location.href);
    address.searchParams.set("q", input.value);
    history.replaceState(null, "", address.href);
    run();
  });
  if (more) {
    more.addEventListener("click", function () { showMore(latest); });
  }
  var term = new URL(location.href).searchParams.get("q");
  if (term) {
    input.value = term;
    run();
  }
})();
