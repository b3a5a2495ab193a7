// "Cite this": the permalink follows the page's own address (so citations work however the
// site is hosted) and the paragraph in the address (#p-…), and the copy buttons copy. The access
// date is the reader's own, written in when they copy: a build has no business knowing it.
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

  function today() {
    var now = new Date();
    return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
  }

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
      if (source.hasAttribute("data-accessed")) { source.textContent += " Accessed " + today() + "."; }
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
