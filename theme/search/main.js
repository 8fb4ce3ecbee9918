/* The search page's script: MkDocs' own search/main.js (mkdocs/contrib/search), with the
   results showing the kind and date of each page. The text the index holds for a generated
   page opens with "kind | date |", the kind a code (desclasificado/render/searchtext.py); it
   becomes a label above the title, in the page's language, and is left out of the excerpt.
   A status line says how many results. */
/* Messages come from the page, in its language (render/i18n.py, script_messages). */
var MESSAGES = (function () {
  var block = document.getElementById("messages");
  try { return block ? JSON.parse(block.textContent) : {}; } catch (error) { return {}; }
})();
function t(text) {
  var found = MESSAGES.messages && MESSAGES.messages[text];
  return typeof found === "string" ? found : text;
}
function tn(one, other, n) {
  var forms = MESSAGES.messages && MESSAGES.messages[one];
  var lang = MESSAGES.lang || "en";
  var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) :
    (n === 1 ? "one" : "other");
  var text = forms && typeof forms === "object" ? forms[category] || forms.other :
    (n === 1 ? one : other);
  return text.split("{n}").join(n.toLocaleString(lang));
}

var KIND_LABELS = {event: t("Event"), document: t("Document"), actor: t("Actor"),
                   country: t("Country"), theme: t("Theme"), timeline: t("Timeline"),
                   page: t("Page")};

function getSearchTermFromLocation() {
  var sPageURL = window.location.search.substring(1);
  var sURLVariables = sPageURL.split('&');
  for (var i = 0; i < sURLVariables.length; i++) {
    var sParameterName = sURLVariables[i].split('=');
    if (sParameterName[0] == 'q') {
      return decodeURIComponent(sParameterName[1].replace(/\+/g, '%20'));
    }
  }
}

function joinUrl (base, path) {
  if (path.substring(0, 1) === "/") {
    // path starts with `/`. Thus it is absolute.
    return path;
  }
  if (base.substring(base.length-1) === "/") {
    // base ends with `/`
    return base + path;
  }
  return base + "/" + path;
}

function escapeHtml (value) {
  // split and join, not regular expressions, which Babel's message extractor misreads
  return value.split('&').join('&amp;').split('"').join('&quot;')
    .split('<').join('&lt;').split('>').join('&gt;');
}

// a RegExp from a string, for the same reason as in escapeHtml
var KIND = new RegExp("^(event|document|actor|country|theme|timeline) \\|\\s*([^|]*?)\\s*\\|\\s*");

function formatResult (location, title, summary) {
  var found = KIND.exec(summary);
  var kind = found ? found[1] : "page";
  var date = found ? found[2].trim() : "";
  var text = found ? summary.slice(found[0].length) : summary;
  var label = '<p class="result-kind"><span class="kind kind-' + kind + '">' +
    escapeHtml(KIND_LABELS[kind]) + '</span>' + (date ? ' <span class="when">' + escapeHtml(date) + '</span>' : '') + '</p>';
  return '<article class="result">' + label + '<h3><a href="' + joinUrl(base_url, location) + '">' +
    escapeHtml(title) + '</a></h3><p class="excerpt">' + escapeHtml(text) + (text.length >= 150 ? '…' : '') +
    '</p></article>';
}

function announce (count) {
  var status = document.getElementById("search-status");
  if (status) {
    status.textContent = count === null ? "" : tn("{n} result", "{n} results", count);
  }
}

function displayResults (results) {
  var search_results = document.getElementById("mkdocs-search-results");
  while (search_results.firstChild) {
    search_results.removeChild(search_results.firstChild);
  }
  if (results.length > 0){
    for (var i=0; i < results.length; i++){
      var result = results[i];
      var html = formatResult(result.location, result.title, result.summary);
      search_results.insertAdjacentHTML('beforeend', html);
    }
  } else {
    var noResultsText = search_results.getAttribute('data-no-results-text');
    if (!noResultsText) {
      noResultsText = t("No results found");
    }
    search_results.insertAdjacentHTML('beforeend', '<p>' + noResultsText + '</p>');
  }
  var query = document.getElementById('mkdocs-search-query');
  announce(query && query.value.length > min_search_length ? results.length : null);
}

function doSearch () {
  var query = document.getElementById('mkdocs-search-query').value;
  if (query.length > min_search_length) {
    if (!window.Worker) {
      displayResults(search(query));
    } else {
      searchWorker.postMessage({query: query});
    }
  } else {
    // Clear results for short queries
    displayResults([]);
  }
}

function initSearch () {
  var search_input = document.getElementById('mkdocs-search-query');
  if (search_input) {
    search_input.addEventListener("keyup", doSearch);
  }
  var term = getSearchTermFromLocation();
  if (term) {
    search_input.value = term;
    doSearch();
  }
}

function onWorkerMessage (e) {
  if (e.data.allowSearch) {
    initSearch();
  } else if (e.data.results) {
    var results = e.data.results;
    displayResults(results);
  } else if (e.data.config) {
    min_search_length = e.data.config.min_search_length-1;
  }
}

if (!window.Worker) {
  console.log('Web Worker API not supported');
  // load index in main thread
  $.getScript(joinUrl(base_url, "search/worker.js")).done(function () {
    console.log('Loaded worker');
    init();
    window.postMessage = function (msg) {
      onWorkerMessage({data: msg});
    };
  }).fail(function (jqxhr, settings, exception) {
    console.error('Could not load worker.js');
  });
} else {
  // Wrap search in a web worker
  var searchWorker = new Worker(joinUrl(base_url, "search/worker.js"));
  searchWorker.postMessage({init: true});
  searchWorker.onmessage = onWorkerMessage;
}
