// Search for readouts: runs in the page on the index in search/index.js, with MiniSearch.
// Works opened from disk (file://) and served; the query is in the address (?q=…) so a search
// can be bookmarked and shared.
(function () {
  "use strict";
  // Sites that switch Pagefind on use it when served over HTTP (its index loads with fetch,
  // which file:// forbids); opened from disk, the site's own index below answers.
  var pagefind = document.getElementById("pagefind-search");
  if (pagefind && /^https?:$/.test(window.location.protocol)) {
    var bundle = pagefind.getAttribute("data-pagefind-bundle");
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = bundle + "pagefind-ui.css";
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js";
    script.onload = function () {
      document.getElementById("search-form").hidden = true;
      document.getElementById("search-status").hidden = true;
      var ui = new window.PagefindUI({ element: "#pagefind-search", showImages: false,
        baseUrl: new URL(".", window.location.href).pathname });
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { ui.triggerSearch(query); }
    };
    document.head.appendChild(script);
    return;
  }
  var documents = window.READOUTS_SEARCH_DOCUMENTS || [];
  var byId = {};
  documents.forEach(function (doc) { byId[doc.id] = doc; });
  var search = new MiniSearch({
    fields: ["title", "names", "terms", "topics", "text"],
    storeFields: ["title", "url", "date", "publisher", "kind"],
    searchOptions: { boost: { title: 3, names: 2, terms: 2, topics: 2 }, prefix: true, fuzzy: 0.15, combineWith: "AND" }
  });
  search.addAll(documents);

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");

  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) { at = lower.indexOf(terms[i].toLowerCase()); }
    var start = Math.max(0, at - 80);
    var part = text.slice(start, start + 260);
    return (start > 0 ? "… " : "") + part + (start + 260 < text.length ? " …" : "");
  }

  function show(query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = documents.length + " readouts to search."; return; }
    var results = search.search(query);
    if (!results.length) {
      // Fall back to any word, so a long query still finds something.
      results = search.search(query, { combineWith: "OR" });
    }
    status.textContent = results.length + (results.length === 1 ? " readout" : " readouts") + " for “" + query + "”";
    results.slice(0, 100).forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = result.date + " · " + result.publisher + " · " + result.kind;
      var excerpt = document.createElement("p");
      excerpt.className = "excerpt-text";
      excerpt.textContent = snippet(byId[result.id].text, result.terms);
      item.appendChild(link);
      item.appendChild(meta);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = input.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", value);
    window.history.replaceState(null, "", url.toString());
    show(value);
  });
})();
