// Search for readouts, in the page, on the index render/search.py writes under search/.
// search/index.js (the years and the keys of their term files) loads with the page; a query then
// adds the scripts it needs: for each word and year the term file its first letters lead to, then
// the titles of the results it shows and their texts for snippets. Each file is a script that
// stores its data on window.READOUTS_SEARCH_FILES, because fetch() is refused on file:// and the
// site works opened from disk. The query is in the address (?q=…), so a search can be shared.
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

  var PAGE = 20;            // results shown at a time, each with its title and snippet
  var PREFIX_WEIGHT = 0.5;  // a word that only begins a term ("visit" in "visits") counts for less
  var PREFIX_FROM = 2;      // a one-letter word matches only itself
  var SNIPPET = 240;        // characters of text under a result

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var files = window.READOUTS_SEARCH_FILES = window.READOUTS_SEARCH_FILES || {};
  var index = files.index;
  var indexScript = document.querySelector('script[src$="search/index.js"]');
  if (!index || !indexScript) {
    status.textContent = "The search index did not load.";
    return;
  }
  var root = new URL(".", indexScript.src).href;
  var stopWords = new Set(index.stop_words);
  var total = index.years.reduce(function (sum, year) { return sum + year.readouts; }, 0);

  // The same steps as normalise() in render/search.py: lower case, no diacritics.
  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function queryWords(query) {
    var seen = new Set();
    return (normalise(query).match(/[\p{L}\p{N}]+/gu) || []).filter(function (word) {
      if (stopWords.has(word) || seen.has(word)) { return false; }
      seen.add(word);
      return true;
    });
  }

  var loading = {};
  // A file of the index, by the name it stores its data under ("2019/terms/pe"), loaded once.
  function load(name, path) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        if (files[name] !== undefined) { resolve(files[name]); return; }
        var script = document.createElement("script");
        script.src = root + path;
        script.onload = function () {
          if (files[name] === undefined) { reject(new Error(path + " holds no " + name)); } else { resolve(files[name]); }
        };
        script.onerror = function () { reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  // A key's file name, as term_file_name() in render/search.py makes it.
  function fileName(key) {
    return Array.from(key).map(function (char) {
      return /^[a-z0-9]$/.test(char) ? char : "_" + char.codePointAt(0).toString(16) + "_";
    }).join("");
  }

  // The keys whose files can hold a word's terms: the longest key that begins the word, and,
  // when the word may begin longer terms, every key that begins with the word.
  function keysFor(word, keys) {
    var prefix = word.length >= PREFIX_FROM;
    var longest = "";
    var found = [];
    keys.forEach(function (key) {
      if (word.startsWith(key) && key.length > longest.length) { longest = key; }
      if (prefix && key.length > word.length && key.startsWith(word)) { found.push(key); }
    });
    return longest ? found.concat([longest]) : found;
  }

  function loadTerms(word) {
    var loads = [];
    index.years.forEach(function (year, y) {
      keysFor(word, year.keys).forEach(function (key) {
        var name = year.year + "/terms/" + key;
        loads.push(load(name, year.year + "/terms/" + fileName(key) + ".js").then(function (terms) {
          return { year: y, terms: terms };
        }));
      });
    });
    return Promise.all(loads);
  }

  // Every readout with any of the words: those with all of them first, then by score, a sum over
  // the words of weight × rarity (BM25: the weight is stored, rarity is counted here over all years).
  function rank(words, loaded) {
    var found = new Map();
    words.forEach(function (word, w) {
      var postings = [];
      var count = {};
      loaded[w].forEach(function (file) {
        Object.keys(file.terms).forEach(function (term) {
          var exact = term === word;
          if (!exact && !(word.length >= PREFIX_FROM && term.startsWith(word))) { return; }
          var flat = file.terms[term];
          count[term] = (count[term] || 0) + flat.length / 2;
          postings.push({ year: file.year, term: term, flat: flat,
                          factor: exact ? 1 : PREFIX_WEIGHT * word.length / term.length });
        });
      });
      postings.forEach(function (posting) {
        var frequency = count[posting.term];
        var rarity = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
        var number = 0;
        for (var i = 0; i < posting.flat.length; i += 2) {
          number += posting.flat[i];
          var key = posting.year * 1e6 + number;
          var result = found.get(key);
          if (!result) {
            result = { year: posting.year, number: number, best: new Array(words.length).fill(0) };
            found.set(key, result);
          }
          result.best[w] = Math.max(result.best[w], rarity * posting.flat[i + 1] * posting.factor);
        }
      });
    });
    var results = Array.from(found.values());
    results.forEach(function (result) {
      result.matched = result.best.filter(function (score) { return score > 0; }).length;
      result.score = result.best.reduce(function (sum, score) { return sum + score; }, 0);
    });
    return results.sort(function (a, b) {
      return b.matched - a.matched || b.score - a.score || b.year - a.year || b.number - a.number;
    });
  }

  // What a result shows, and its text, from the year's docs file and the readout's text file.
  function details(result) {
    var year = index.years[result.year].year;
    var file = Math.floor(result.number / index.docs_per_file);
    return load(year + "/docs/" + file, year + "/docs/" + file + ".js").then(function (docs) {
      var doc = docs[result.number % index.docs_per_file];
      return load("text/" + doc[0], "text/" + encodeURIComponent(doc[0]) + ".js").then(function (paragraphs) {
        return { id: doc[0], title: doc[1], date: doc[2], publisher: doc[3], kind: doc[4], paragraphs: paragraphs };
      });
    });
  }

  // Which query word a word of the text is (or begins with): its place in `words`, or -1.
  function wordOf(token, words) {
    var word = normalise(token);
    return words.findIndex(function (w) { return word === w || (w.length >= PREFIX_FROM && word.startsWith(w)); });
  }

  // The paragraph with most of the words, cut around the first of them, the words marked (the
  // readout's opening when the words are only in its title, names or terms). Built from text
  // nodes: a readout's text is shown, never run as markup.
  function snippet(paragraphs, words) {
    var best = { text: paragraphs.join(" "), hits: [], distinct: 0 };
    paragraphs.forEach(function (text) {
      var hits = [];
      var seen = new Set();
      var token = /[\p{L}\p{N}\p{M}]+/gu;
      var match;
      while ((match = token.exec(text)) !== null) {
        var found = wordOf(match[0], words);
        if (found >= 0) {
          hits.push([match.index, match.index + match[0].length]);
          seen.add(found);
        }
      }
      if (seen.size > best.distinct) { best = { text: text, hits: hits, distinct: seen.size }; }
    });
    var text = best.text;
    var start = best.hits.length ? Math.max(0, best.hits[0][0] - 80) : 0;
    var space = text.indexOf(" ", start);
    if (start > 0 && space >= 0 && space < best.hits[0][0]) { start = space + 1; }
    var end = Math.min(text.length, start + SNIPPET);
    var lastSpace = text.lastIndexOf(" ", end);
    if (end < text.length && lastSpace > start) { end = lastSpace; }
    var excerpt = document.createElement("p");
    excerpt.className = "excerpt-text";
    var at = start;
    excerpt.appendChild(document.createTextNode(start > 0 ? "… " : ""));
    best.hits.forEach(function (hit) {
      if (hit[0] < at || hit[1] > end) { return; }
      excerpt.appendChild(document.createTextNode(text.slice(at, hit[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(hit[0], hit[1]);
      excerpt.appendChild(mark);
      at = hit[1];
    });
    excerpt.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return excerpt;
  }

  function item(doc, words) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = index.readout_url.replace("{id}", doc.id);
    link.textContent = doc.title;
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = doc.date + " · " + doc.publisher + " · " + doc.kind;
    entry.appendChild(link);
    entry.appendChild(meta);
    entry.appendChild(snippet(doc.paragraphs, words));
    return entry;
  }

  var more = document.createElement("button");
  more.type = "button";
  more.id = "search-more";
  more.className = "search-more";
  more.textContent = "More results";
  more.hidden = true;
  list.insertAdjacentElement("afterend", more);

  var current = 0;  // the query being shown; answers to earlier ones are dropped
  var shown = { results: [], words: [], count: 0 };

  function showNext(ticket) {
    var page = shown.results.slice(shown.count, shown.count + PAGE);
    more.hidden = true;
    return Promise.all(page.map(details)).then(function (docs) {
      if (ticket !== current) { return; }
      docs.forEach(function (doc) { list.appendChild(item(doc, shown.words)); });
      shown.count += docs.length;
      more.hidden = shown.count >= shown.results.length;
    });
  }

  function failed(error) {
    status.textContent = "The search index could not be read: " + error.message;
  }

  function show(query) {
    var ticket = ++current;
    var words = queryWords(query);
    more.hidden = true;
    if (!query.trim()) {
      list.textContent = "";
      status.textContent = total.toLocaleString("en") + " readouts to search.";
      return Promise.resolve();
    }
    return Promise.all(words.map(loadTerms)).then(function (loaded) {
      if (ticket !== current) { return; }
      var results = rank(words, loaded);
      shown = { results: results, words: words, count: 0 };
      list.textContent = "";
      var all = results.filter(function (result) { return result.matched === words.length; }).length;
      status.textContent = all + (all === 1 ? " readout" : " readouts") + " for “" + query + "”" +
        (results.length > all ? ", then " + (results.length - all) + " with some of its words" : "");
      return showNext(ticket);
    }).catch(failed);
  }

  function remember(query) {
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url.toString());
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember(input.value);
    show(input.value);
  });
  // Results follow the typing: every word also finds the longer words it begins, so the last
  // one counts before it is finished.
  var typing = null;
  input.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () { remember(input.value); show(input.value); }, 200);
  });
  more.addEventListener("click", function () { showNext(current).catch(failed); });
})();
