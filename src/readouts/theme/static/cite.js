// "Cite this": the permalink follows the page's own address (so citations work however the
// site is hosted) and the paragraph in the address (#p-…), and the copy buttons copy. The access
// date is the reader's own, written in when they copy, in every format: a build has no business
// knowing it.
(function () {
  "use strict";
  var box = document.getElementById("cite");
  if (!box) { return; }
  var built = box.getAttribute("data-permalink");
  var label = document.getElementById("cite-target");
  var originals = [];
  box.querySelectorAll("[data-citation]").forEach(function (node) { originals.push([node, node.textContent]); });

  function permalink() {
    var base = box.getAttribute("data-base") ? built : window.location.href.split("#")[0].split("?")[0];
    var hash = window.location.hash;
    var block = hash && document.getElementById(hash.slice(1));
    return { url: block && /^#p-/.test(hash) ? base + hash : base, block: block && /^#p-/.test(hash) ? block : null };
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function two(number) { return (number < 10 ? "0" : "") + number; }

  // Today's date in each format's own field, added to the citation as built (which has none).
  var ACCESSED = {
    text: function (body, now) {
      return body + " Accessed " + now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear() + ".";
    },
    bibtex: function (body, now) {  // biblatex's urldate; BibTeX styles without it skip the field
      var day = now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
      return body.replace(/\n\}\s*$/, ",\n  urldate = {" + day + "}\n}");
    },
    ris: function (body, now) {  // Y2: the access date
      var day = now.getFullYear() + "/" + two(now.getMonth() + 1) + "/" + two(now.getDate());
      return body.replace(/\nER {2}- ?\s*$/, "\nY2  - " + day + "\nER  - ");
    },
    csl: function (body, now) {
      var items = JSON.parse(body);
      items.forEach(function (item) {
        item.accessed = { "date-parts": [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] };
      });
      return JSON.stringify(items, null, 2);
    }
  };

  function update() {
    var target = permalink();
    originals.forEach(function (pair) { pair[0].textContent = pair[1].split(built).join(target.url); });
    if (label) {
      var mark = target.block && target.block.querySelector(".pilcrow");
      label.textContent = mark ? "paragraph " + mark.textContent.replace("¶", "") : "the whole readout";
    }
  }

  box.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      update();
      // Shown as well as copied, so the page says what the clipboard holds.
      if (source.hasAttribute("data-accessed")) {
        var format = ACCESSED[source.getAttribute("data-accessed")] || ACCESSED.text;
        source.textContent = format(source.textContent, new Date());
      }
      var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(done);
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        document.execCommand("copy");
        done();
      }
    });
  });
  window.addEventListener("hashchange", update);
  update();
})();
