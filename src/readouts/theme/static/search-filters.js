// The search page's filters and its "Also search for" offers, for search.js.
// A filter is a year range and, for each facet index.js lists (side, publisher, kind, language,
// topic, person), the values ticked: a readout passes with any ticked value of a facet and every
// facet that has one ticked. Each value shows how many of the readouts found it would leave,
// counted with every other filter applied, so the numbers say what ticking it would give. The
// facets of a shard's readouts (index.shards: a year, or a stretch of a busy year) are in
// search/<shard>/facets.js, loaded for the shards that have results: a search in one year loads
// nothing of the others.
(function () {
  "use strict";
  var MAX_OFFERS = 3;  // groups of names offered under a query, at most

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  function Facets(index, load, changed) {
    this.index = index;
    this.load = load;
    this.changed = changed;
    this.chosen = {};   // facet name → the ids of the values ticked
    this.boxes = {};    // facet name → value id → {item, input, count}
    this.groups = {};   // facet name → its fieldset
    this.range = { from: "", to: "" };
    this.dated = Array.from(new Set(index.shards.map(function (shard) { return shard.year; })))
      .filter(function (year) { return year !== "undated"; });
    var self = this;
    index.facets.forEach(function (facet) { self.chosen[facet.name] = new Set(); });
  }

  // The panel: two selects for the years, a group of checkboxes per facet, a button to clear.
  Facets.prototype.build = function (panel) {
    var self = this;
    var groups = panel.querySelector(".facet-groups");
    var years = element("fieldset", "facet");
    years.appendChild(element("legend", null, "Years"));
    this.selects = {};
    [["from", "From"], ["to", "To"]].forEach(function (pair) {
      var label = element("label", "year-select", pair[1] + " ");
      var select = element("select");
      select.id = "filter-" + pair[0];
      select.name = pair[0];
      label.appendChild(select);
      years.appendChild(label);
      select.addEventListener("change", function () { self.range[pair[0]] = select.value; self.changed(); });
      self.selects[pair[0]] = select;
    });
    groups.appendChild(years);
    this.index.facets.forEach(function (facet) {
      var group = element("fieldset", "facet facet-" + facet.name);
      group.appendChild(element("legend", null, facet.label));
      var values = element("ul", "facet-values");
      self.boxes[facet.name] = {};
      facet.values.forEach(function (value) {
        var item = element("li");
        var label = element("label");
        var box = element("input");
        box.type = "checkbox";
        box.name = facet.name;
        box.value = value[0];
        box.addEventListener("change", function () {
          if (box.checked) { self.chosen[facet.name].add(value[0]); } else { self.chosen[facet.name].delete(value[0]); }
          self.changed();
        });
        var count = element("span", "count");
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + value[1] + " "));
        label.appendChild(count);
        item.appendChild(label);
        values.appendChild(item);
        self.boxes[facet.name][value[0]] = { item: item, input: box, count: count };
      });
      group.appendChild(values);
      groups.appendChild(group);
      self.groups[facet.name] = group;
    });
    this.clear = panel.querySelector(".facet-clear");
    this.clear.addEventListener("click", function () {
      self.read(new URLSearchParams(""));
      self.changed();
    });
    panel.hidden = false;
  };

  // The filters an address gives (?from=2017&side=japan&side=russia), shown in the panel.
  Facets.prototype.read = function (params) {
    var self = this;
    this.range = { from: params.get("from") || "", to: params.get("to") || "" };
    this.index.facets.forEach(function (facet) {
      self.chosen[facet.name] = new Set(params.getAll(facet.name));
      Object.keys(self.boxes[facet.name] || {}).forEach(function (id) {
        self.boxes[facet.name][id].input.checked = self.chosen[facet.name].has(id);
      });
    });
  };

  // The address's query for a search with these filters.
  Facets.prototype.query = function (text) {
    var params = new URLSearchParams();
    if (text.trim()) { params.set("q", text); }
    var self = this;
    ["from", "to"].forEach(function (end) { if (self.range[end]) { params.set(end, self.range[end]); } });
    this.index.facets.forEach(function (facet) {
      self.chosen[facet.name].forEach(function (id) { params.append(facet.name, id); });
    });
    return params;
  };

  Facets.prototype.active = function () {
    var self = this;
    return Boolean(this.range.from || this.range.to) ||
      this.index.facets.some(function (facet) { return self.chosen[facet.name].size > 0; });
  };

  function inRange(year, range) {
    if (!range.from && !range.to) { return true; }
    return year !== "undated" && (!range.from || year >= range.from) && (!range.to || year <= range.to);
  }

  // The places in index.shards of the shards whose years the range lets through: a query reads
  // only theirs.
  Facets.prototype.shards = function () {
    var range = this.range;
    return this.index.shards.map(function (shard, s) { return inRange(shard.year, range) ? s : -1; })
      .filter(function (s) { return s >= 0; });
  };

  // Whether a readout's row of facet values passes every filter but `except`'s.
  Facets.prototype.passes = function (row, except) {
    var self = this;
    return this.index.facets.every(function (facet, column) {
      var chosen = self.chosen[facet.name];
      if (facet.name === except || chosen.size === 0) { return true; }
      var values = facet.many ? row[column] : [row[column]];
      return values.some(function (value) { return chosen.has(facet.values[value][0]); });
    });
  };

  // The results the filters keep, once the facets of their shards are loaded; the panel's counts
  // are updated from them on the way.
  Facets.prototype.apply = function (results) {
    var self = this;
    var shards = Array.from(new Set(results.map(function (result) { return result.shard; })));
    return Promise.all(shards.map(function (s) {
      var shard = self.index.shards[s].name;
      return self.load(shard + "/facets", shard + "/facets.js");
    })).then(function () {
      var rows = results.map(function (result) {
        return window.READOUTS_SEARCH_FILES[self.index.shards[result.shard].name + "/facets"][result.number];
      });
      self.count(results, rows);
      return results.filter(function (result, r) {
        return self.passes(rows[r]) && inRange(self.index.shards[result.shard].year, self.range);
      });
    });
  };

  // Each value's count: the results that pass every other filter and have the value.
  Facets.prototype.count = function (results, rows) {
    var self = this;
    var perYear = {};
    results.forEach(function (result, r) {
      if (self.passes(rows[r])) {
        var year = self.index.shards[result.shard].year;
        perYear[year] = (perYear[year] || 0) + 1;
      }
    });
    this.showYears(perYear);
    this.index.facets.forEach(function (facet, column) {
      var counts = {};
      rows.forEach(function (row, r) {
        if (!self.passes(row, facet.name) || !inRange(self.index.shards[results[r].shard].year, self.range)) { return; }
        (facet.many ? row[column] : [row[column]]).forEach(function (value) {
          var id = facet.values[value][0];
          counts[id] = (counts[id] || 0) + 1;
        });
      });
      var shown = 0;
      Object.keys(self.boxes[facet.name]).forEach(function (id) {
        var box = self.boxes[facet.name][id];
        box.count.textContent = "(" + (counts[id] || 0) + ")";
        // A value no readout found has is left out, unless it is ticked: it can be unticked.
        box.item.hidden = !counts[id] && !box.input.checked;
        shown += box.item.hidden ? 0 : 1;
      });
      self.groups[facet.name].hidden = shown === 0;
    });
    this.clear.hidden = !this.active();
  };

  // The year selects, each year with the readouts found in it.
  Facets.prototype.showYears = function (perYear) {
    var self = this;
    ["from", "to"].forEach(function (end) {
      var select = self.selects[end];
      select.textContent = "";
      var any = element("option", null, end === "from" ? "earliest" : "latest");
      any.value = "";
      select.appendChild(any);
      self.dated.forEach(function (year) {
        var option = element("option", null, year + " (" + (perYear[year] || 0) + ")");
        option.value = year;
        select.appendChild(option);
      });
      select.value = self.range[end];
    });
  };

  // Under the query, the other names of what it names: each glossary term's names on every side
  // and each person's spellings, as links to searches of their own. A query finds the spelling it
  // gives; these say which others the archive holds ("Habomai": "Northern Territories", …).
  Facets.offer = function (place, groups, parts, tokens, stopWords, filters) {
    place.textContent = "";
    place.hidden = true;
    if (!parts.length) { return; }
    function words(name) { return tokens(name).filter(function (word) { return !stopWords.has(word); }); }
    function holds(name, part) {
      for (var start = 0; start + part.words.length <= name.length; start += 1) {
        var all = part.words.every(function (word, w) {
          var other = name[start + w];
          return other === word || (part.prefix && w === part.words.length - 1 && other.startsWith(word));
        });
        if (all) { return true; }
      }
      return false;
    }
    // A group is offered when one of its names holds a word or phrase of the query (of three
    // letters or more: "se" of "Sergey" would offer every Sergey); its names the query finds as
    // it is (each part in them) are not offered again.
    var offered = 0;
    groups.forEach(function (group) {
      var named = group.names.some(function (name) {
        return parts.some(function (part) { return part.words.join("").length >= 3 && holds(words(name), part); });
      });
      var others = group.names.filter(function (name) {
        return !parts.every(function (part) { return holds(words(name), part); });
      });
      if (!named || !others.length || offered >= MAX_OFFERS) { return; }
      offered += 1;
      var line = element("p", "search-offer-line", "Also search for: ");
      others.forEach(function (name, n) {
        if (n > 0) { line.appendChild(document.createTextNode(" / ")); }
        var link = element("a", null, name);
        link.href = "?" + filters.query("\"" + name + "\"").toString();
        line.appendChild(link);
      });
      line.appendChild(element("span", "meta", group.kind === "person"
        ? " — other spellings of " + group.label : " — the glossary's names for " + group.label));
      place.appendChild(line);
      place.hidden = false;
    });
  };

  window.READOUTS_SEARCH_FACETS = Facets;
})();
