// The search index read in the page, for search.js: a query's parts, the files of the index
// they need (each a script that stores its data on window.READOUTS_SEARCH_FILES, because fetch()
// is refused on file://), and the readouts they find, ranked. render/search.py writes the files
// and describes them; `normalise` here and there must agree.
(function () {
  "use strict";
  var PREFIX_WEIGHT = 0.5;  // the last word while it is typed ("visit" of "visits") counts for less
  var PREFIX_FROM = 2;      // a one-letter word matches only itself

  // `index` is search/index.js's data, `root` the address of the folder it is in. The index is
  // in shards (a year, or a stretch of a busy year's days), in chronological order; a readout is
  // known by its shard's place in index.shards and its number there: shard × 1e6 + number.
  window.READOUTS_SEARCH_ENGINE = function (index, root) {
    var files = window.READOUTS_SEARCH_FILES;
    var stopWords = new Set(index.stop_words);
    var total = index.shards.reduce(function (sum, shard) { return sum + shard.readouts; }, 0);

    // The same steps as normalise() in render/search.py: lower case, no diacritics.
    function normalise(text) {
      return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    }

    function tokens(text) {
      return normalise(text).match(/[\p{L}\p{N}]+/gu) || [];
    }

    // The query as parts, each a word or a quoted phrase: {words, offsets, prefix}. A phrase's
    // offsets are its words' places after its first, counting stop words as the index does
    // ("issue of concluding": 0, 2). Only the last word, unquoted, also finds the longer words it
    // begins, so a query finds the spelling it gives and the word being typed counts before it
    // is finished.
    function parseQuery(query) {
      var parts = [];
      var seen = new Set();
      query.split('"').forEach(function (segment, s) {
        var all = tokens(segment);
        if (s % 2 === 1 && all.length > 1) {
          var words = [];
          var offsets = [];
          all.forEach(function (word, place) {
            if (!stopWords.has(word)) { words.push(word); offsets.push(place); }
          });
          var first = offsets[0];
          if (words.length > 1) {
            parts.push({ words: words, offsets: offsets.map(function (o) { return o - first; }), prefix: false, quoted: true });
            return;
          }
        }
        all.forEach(function (word) {
          if (!stopWords.has(word)) { parts.push({ words: [word], offsets: [0], prefix: false, quoted: s % 2 === 1 }); }
        });
      });
      var last = parts[parts.length - 1];
      if (last && !last.quoted && last.words[0].length >= PREFIX_FROM && /[\p{L}\p{N}]$/u.test(query.normalize("NFKD").replace(/\p{M}/gu, ""))) {
        last.prefix = true;
      }
      return parts.filter(function (part) {
        var key = part.words.join(" ") + (part.prefix ? "*" : "");
        if (seen.has(key)) { return false; }
        seen.add(key);
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
    function keysFor(word, keys, prefix) {
      var longest = "";
      var found = [];
      keys.forEach(function (key) {
        if (word.startsWith(key) && key.length > longest.length) { longest = key; }
        if (prefix && key.length > word.length && key.startsWith(word)) { found.push(key); }
      });
      return longest ? found.concat([longest]) : found;
    }

    // A word's term files (kind "terms") or places files ("pos") in the given shards (their
    // places in index.shards).
    function loadFiles(kind, word, prefix, shards) {
      var loads = [];
      shards.forEach(function (s) {
        var shard = index.shards[s];
        keysFor(word, shard.keys, prefix).forEach(function (key) {
          loads.push(load(shard.name + "/" + kind + "/" + key, shard.name + "/" + kind + "/" + fileName(key) + ".js")
            .then(function (terms) { return { shard: s, terms: terms }; }));
        });
      });
      return Promise.all(loads);
    }

    // shard × 1e6 + number → weight × rarity of one word in each readout that has it (BM25: the
    // weight is stored, rarity is counted here over the shards loaded — each readout is in one
    // shard, so their counts add up to the corpus's when every year is searched); `exact` marks
    // the readouts that have the word itself, not only longer words it begins.
    function wordScores(word, prefix, loaded) {
      var scores = new Map();
      var postings = [];
      var count = {};
      loaded.forEach(function (file) {
        Object.keys(file.terms).forEach(function (term) {
          var exact = term === word;
          if (!exact && !(prefix && term.startsWith(word))) { return; }
          count[term] = (count[term] || 0) + file.terms[term].length / 2;
          postings.push({ shard: file.shard, term: term, flat: file.terms[term], exact: exact,
                          factor: exact ? 1 : PREFIX_WEIGHT * word.length / term.length });
        });
      });
      postings.forEach(function (posting) {
        var frequency = count[posting.term];
        var rarity = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
        var number = 0;
        for (var i = 0; i < posting.flat.length; i += 2) {
          number += posting.flat[i];
          var key = posting.shard * 1e6 + number;
          var score = rarity * posting.flat[i + 1] * posting.factor;
          var found = scores.get(key) || { score: 0, exact: false };
          scores.set(key, { score: Math.max(found.score, score), exact: found.exact || posting.exact });
        }
      });
      return scores;
    }

    // key → the places of a word in each readout that has it: `terms` and `places` are the word's
    // term and places files, in the same order (both are filed under the same keys).
    function wordPlaces(word, terms, places) {
      var found = new Map();
      terms.forEach(function (file, f) {
        var flat = file.terms[word];
        var lists = places[f].terms[word];
        if (!flat || !lists) { return; }
        var number = 0;
        for (var i = 0; i < flat.length; i += 2) {
          number += flat[i];
          var at = 0;
          found.set(file.shard * 1e6 + number, new Set(lists[i / 2].map(function (step) { at += step; return at; })));
        }
      });
      return found;
    }

    // A part's scores: a word's own; a phrase's, the sum of its words' in the readouts where they
    // stand side by side in order, at the places the phrase puts them.
    function partScores(part, shards) {
      if (part.words.length === 1) {
        return loadFiles("terms", part.words[0], part.prefix, shards).then(function (loaded) {
          return wordScores(part.words[0], part.prefix, loaded);
        });
      }
      return Promise.all(part.words.map(function (word) {
        return Promise.all([loadFiles("terms", word, false, shards), loadFiles("pos", word, false, shards)]).then(function (both) {
          return { scores: wordScores(word, false, both[0]), places: wordPlaces(word, both[0], both[1]) };
        });
      })).then(function (each) {
        var scores = new Map();
        each[0].places.forEach(function (starts, key) {
          if (!each.every(function (word) { return word.places.has(key); })) { return; }
          var adjacent = Array.from(starts).some(function (start) {
            return each.every(function (word, w) { return word.places.get(key).has(start + part.offsets[w]); });
          });
          if (!adjacent) { return; }
          var score = each.reduce(function (sum, word) { return sum + word.scores.get(key).score; }, 0);
          scores.set(key, { score: score, exact: true });
        });
        return scores;
      });
    }

    // Every readout with any of the parts: those with all of them first, then those with every
    // part spelt as given (not only begun), then by score.
    function rank(parts, scored) {
      var found = new Map();
      scored.forEach(function (scores) {
        scores.forEach(function (value, key) {
          var result = found.get(key);
          if (!result) {
            result = { key: key, shard: Math.floor(key / 1e6), number: key % 1e6, matched: 0, exact: 0, score: 0 };
            found.set(key, result);
          }
          result.matched += 1;
          result.exact += value.exact ? 1 : 0;
          result.score += value.score;
        });
      });
      return Array.from(found.values()).sort(function (a, b) {
        return b.matched - a.matched || b.exact - a.exact || b.score - a.score || b.shard - a.shard || b.number - a.number;
      });
    }

    // Every readout of the shards, newest first: what an empty query browses.
    function everyReadout(shards) {
      var all = [];
      shards.slice().reverse().forEach(function (s) {
        for (var number = index.shards[s].readouts - 1; number >= 0; number -= 1) {
          all.push({ key: s * 1e6 + number, shard: s, number: number, matched: 0 });
        }
      });
      return all;
    }

    // What a result shows, and its text, from the shard's docs file and the readout's text file.
    function details(result, withText) {
      var shard = index.shards[result.shard].name;
      var file = Math.floor(result.number / index.docs_per_file);
      return load(shard + "/docs/" + file, shard + "/docs/" + file + ".js").then(function (docs) {
        var doc = docs[result.number % index.docs_per_file];
        var shown = { id: doc[0], title: doc[1], date: doc[2], publisher: doc[3], kind: doc[4], paragraphs: null };
        if (!withText) { return shown; }
        return load("text/" + doc[0], "text/" + encodeURIComponent(doc[0]) + ".js").then(function (paragraphs) {
          shown.paragraphs = paragraphs;
          return shown;
        });
      });
    }

    return { normalise: normalise, tokens: tokens, parseQuery: parseQuery, load: load, partScores: partScores,
             rank: rank, everyReadout: everyReadout, details: details, stopWords: stopWords, total: total };
  };
})();
