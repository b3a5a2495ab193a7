// Search and browse the readouts, in the page: the form, the results and their snippets, the
// status line. search-index.js reads the index render/search.py writes under search/ (it loads
// only the files a query needs), search-filters.js keeps the filters and offers other names.
// An empty query browses: every readout the filters select, newest first. The query and the
// filters are in the address (?q=…&side=…&from=…), so a search can be shared.
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
      ["search-form", "search-status", "search-filters"].forEach(function (id) { document.getElementById(id).hidden = true; });
      var ui = new window.PagefindUI({ element: "#pagefind-search", showImages: false,
        baseUrl: new URL(".", window.location.href).pathname });
      var query = new URLSearchParams(window.location.search).get("q");
      if (query) { ui.triggerSearch(query); }
    };
    document.head.appendChild(script);
    return;
  }

  var PAGE = 20;            // results shown at a time
  var SNIPPET = 240;        // characters of text under a result

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var panel = document.getElementById("search-filters");
  var offer = document.getElementById("search-offer");
  var files = window.READOUTS_SEARCH_FILES = window.READOUTS_SEARCH_FILES || {};
  var index = files.index;
  var indexScript = document.querySelector('script[src$="search/index.js"]');
  if (!index || !indexScript) {
    status.textContent = "The search index did not load.";
    return;
  }
  var engine = window.READOUTS_SEARCH_ENGINE(index, new URL(".", indexScript.src).href);
  var normalise = engine.normalise;
  var Facets = window.READOUTS_SEARCH_FACETS;

  // The spans of a paragraph each part matches: a word where it stands (or a word it begins,
  // for the last word as typed), a phrase where its words stand in order.
  function matches(text, parts) {
    var found = [];
    var re = /[\p{L}\p{N}\p{M}]+/gu;
    var match;
    while ((match = re.exec(text)) !== null) {
      found.push({ word: normalise(match[0]), start: match.index, end: match.index + match[0].length });
    }
    var spans = [];
    var matched = new Set();
    parts.forEach(function (part, p) {
      found.forEach(function (token, t) {
        var hit = part.words.every(function (word, w) {
          var other = found[t + part.offsets[w]];
          return other && (other.word === word || (part.prefix && other.word.startsWith(word)));
        });
        if (!hit) { return; }
        matched.add(p);
        part.offsets.forEach(function (offset) { spans.push([found[t + offset].start, found[t + offset].end]); });
      });
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    return { spans: spans, distinct: matched.size };
  }

  // The paragraph with most of the parts and its anchor (none when the parts are only in the
  // title: the link opens the readout's top), cut around the first of them, the words marked.
  // Built from text nodes: a readout's text is shown, never run as markup.
  function snippet(paragraphs, parts) {
    var best = { text: paragraphs.map(function (p) { return p[1]; }).join(" "), anchor: "", spans: [], distinct: 0 };
    paragraphs.forEach(function (paragraph) {
      var found = matches(paragraph[1], parts);
      if (found.distinct > best.distinct) { best = { text: paragraph[1], anchor: paragraph[0], spans: found.spans, distinct: found.distinct }; }
    });
    var text = best.text;
    var spans = best.spans;
    var start = spans.length ? Math.max(0, spans[0][0] - 80) : 0;
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < spans[0][0]) { start = space + 1; }
    var end = Math.min(text.length, start + SNIPPET);
    var lastSpace = text.lastIndexOf(" ", end);
    if (end < text.length && lastSpace > start) { end = lastSpace; }
    var excerpt = document.createElement("p");
    excerpt.className = "excerpt-text";
    var at = start;
    excerpt.appendChild(document.createTextNode(start > 0 ? "… " : ""));
    spans.forEach(function (span) {
      if (span[0] < at || span[1] > end) { return; }
      excerpt.appendChild(document.createTextNode(text.slice(at, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      excerpt.appendChild(mark);
      at = span[1];
    });
    excerpt.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return { element: excerpt, anchor: best.anchor };
  }

  function item(doc, parts) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = index.readout_url.replace("{id}", doc.id);
    link.textContent = doc.title;
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = doc.date + " · " + doc.publisher + " · " + doc.kind;
    entry.appendChild(link);
    entry.appendChild(meta);
    if (doc.paragraphs) {
      var excerpt = snippet(doc.paragraphs, parts);
      if (excerpt.anchor) { link.setAttribute("href", link.getAttribute("href") + "#" + excerpt.anchor); }
      entry.appendChild(excerpt.element);
    }
    return entry;
  }

  var more = document.createElement("button");
  more.type = "button";
  more.id = "search-more";
  more.className = "search-more";
  more.textContent = "More results";
  more.hidden = true;
  list.insertAdjacentElement("afterend", more);

  var current = 0;  // the search being shown; answers to earlier ones are dropped
  var shown = { results: [], parts: [], count: 0 };

  function showNext(ticket) {
    var page = shown.results.slice(shown.count, shown.count + PAGE);
    more.hidden = true;
    return Promise.all(page.map(function (result) { return engine.details(result, shown.parts.length > 0); })).then(function (docs) {
      if (ticket !== current) { return; }
      docs.forEach(function (doc) { list.appendChild(item(doc, shown.parts)); });
      shown.count += docs.length;
      more.hidden = shown.count >= shown.results.length;
    });
  }

  function failed(error) {
    status.textContent = "The search index could not be read: " + error.message;
  }

  var filters = new Facets(index, engine.load, function () { remember(); show(input.value); });
  filters.build(panel);

  function show(query) {
    var ticket = ++current;
    var parts = engine.parseQuery(query);
    var shards = filters.shards();
    more.hidden = true;
    Facets.offer(offer, index.names, parts, engine.tokens, engine.stopWords, filters);
    var found = parts.length
      ? Promise.all(parts.map(function (part) { return engine.partScores(part, shards); }))
        .then(function (scored) { return engine.rank(parts, scored); })
      : Promise.resolve(engine.everyReadout(shards));
    return found.then(function (results) {
      return filters.apply(results).then(function (kept) {
        if (ticket !== current) { return; }
        shown = { results: kept, parts: parts, count: 0 };
        list.textContent = "";
        status.textContent = describe(query, parts, kept);
        return showNext(ticket);
      });
    }).catch(failed);
  }

  // The status line, which the live region reads out: how many readouts, and which.
  function describe(query, parts, results) {
    function narrowed(count) { return filters.active() ? (count === 1 ? " that matches" : " that match") + " the filters" : ""; }
    if (!parts.length) {
      return results.length.toLocaleString("en") + (results.length === 1 ? " readout" : " readouts") + narrowed(results.length) +
        (results.length ? ", newest first." : ".");
    }
    var all = results.filter(function (result) { return result.matched === parts.length; }).length;
    return all + (all === 1 ? " readout" : " readouts") + " for “" + query.trim() + "”" + narrowed(all) +
      (results.length > all ? ", then " + (results.length - all) + " with some of its words" : "");
  }

  function remember() {
    var url = new URL(window.location.href);
    url.search = filters.query(input.value).toString();
    window.history.replaceState(null, "", url.toString());
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  filters.read(params);
  // Browsing starts from the filters; a search starts from its results, the filters folded
  // away unless the address sets some or they have a column of their own beside the results.
  panel.open = !input.value.trim() || filters.active() || window.matchMedia("(min-width: 64rem)").matches;
  show(input.value);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember();
    show(input.value);
  });
  // Results follow the typing: the last word also finds the longer words it begins, so it
  // counts before it is finished.
  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { remember(); show(input.value); }, 200);
  });
  more.addEventListener("click", function () { showNext(current).catch(failed); });
})();
