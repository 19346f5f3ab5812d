/* The workbook's reading site: charts drawn from their stored Vega-Lite specs, the code
   toggle, a chart's data as a keyboard-reachable table, Chinese in charts and tooltips
   marked lang="zh-Hans", and the Pagefind search box. Nothing loads from the network. */
(function () {
  "use strict";
  var CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]/;
  var RUN = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef](?:[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef0-9.,%\u00b7:;\- ]*[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef])?/g;

  // wrap every run of Chinese in the HTML text under root in <span lang="zh-Hans">
  function markChinese(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), nodes = [], n;
    while ((n = walker.nextNode())) {
      if (CJK.test(n.nodeValue) && !(n.parentNode.closest && n.parentNode.closest('[lang|="zh"]'))) nodes.push(n);
    }
    nodes.forEach(function (node) {
      var frag = document.createDocumentFragment(), s = node.nodeValue, last = 0, m;
      RUN.lastIndex = 0;
      while ((m = RUN.exec(s))) {
        if (m.index > last) frag.appendChild(document.createTextNode(s.slice(last, m.index)));
        var span = document.createElement("span");
        span.lang = "zh-Hans";
        span.textContent = m[0];
        frag.appendChild(span);
        last = m.index + m[0].length;
      }
      if (last < s.length) frag.appendChild(document.createTextNode(s.slice(last)));
      node.parentNode.replaceChild(frag, node);
    });
  }
  // SVG text cannot hold spans: a <text> with Chinese in it gets lang itself
  function markSvg(root) {
    root.querySelectorAll("svg text").forEach(function (t) {
      if (CJK.test(t.textContent)) t.setAttribute("lang", "zh-Hans");
    });
  }

  // the tooltip element is rewritten on every hover: mark its Chinese each time
  // (vega-tooltip creates the element on the first hover, in <body>)
  var observing = false;
  function watchTooltip() {
    if (observing) return;
    var tip = document.getElementById("vg-tooltip-element");
    if (!tip) return;
    observing = true;
    tip.setAttribute("lang", "en");
    markChinese(tip);
    new MutationObserver(function () { markChinese(tip); }).observe(tip, {childList: true, subtree: true, characterData: true});
  }
  new MutationObserver(watchTooltip).observe(document.body, {childList: true});

  function cell(v) {
    return v === null || v === undefined ? "" : (typeof v === "object" ? JSON.stringify(v) : String(v));
  }
  function dataTable(spec) {
    var sets = spec.datasets || {}, names = Object.keys(sets), table = document.createElement("table");
    if (!names.length) return null;
    var rows = sets[names[0]], cols = [];
    rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (cols.indexOf(k) < 0) cols.push(k); }); });
    var head = table.createTHead().insertRow();
    cols.forEach(function (c) { var th = document.createElement("th"); th.scope = "col"; th.textContent = c; head.appendChild(th); });
    var body = table.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      cols.forEach(function (c) { tr.insertCell().textContent = cell(r[c]); });
    });
    table.tabIndex = 0;
    return table;
  }

  // a chart wider than its column shrinks to fit while its text stays legible (at least
  // MIN_SCALE of its size); past that, it keeps its size and its box scrolls sideways
  var MIN_SCALE = 0.55;
  function fit(out, svg) {
    var natural = parseFloat(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
    var room = out.clientWidth;
    if (natural > room && room / natural >= MIN_SCALE) {
      svg.style.width = "100%";
      svg.style.height = "auto";
      out.classList.add("pingan-vega-scaled");
    } else if (natural > room) {
      out.classList.add("pingan-vega-scrolls");
      out.tabIndex = 0;  // a scrolling box is reachable by keyboard
    }
  }

  var outputs = document.querySelectorAll(".pingan-vega-output");
  if (outputs.length && typeof window.vegaEmbed !== "function") {
    console.error("vega-bundle.js did not load: charts cannot be drawn");
  } else {
    // The build compiled each spec to Vega with vl-convert's Vega-Lite (the release the
    // specs were written for) and left out the compiled spec's $schema: vl-convert's bundle
    // pairs that Vega-Lite with a newer Vega, which draws it, and vega-embed would otherwise
    // warn of a version mismatch on every chart.
    outputs.forEach(function (out) {
      var el = out.querySelector(".pingan-vega");
      var spec = JSON.parse(out.querySelector("script.pingan-vega-spec").textContent);
      var compiled = JSON.parse(out.querySelector("script.pingan-vega-compiled").textContent);
      window.vegaEmbed(el, compiled, {
        mode: "vega",
        renderer: "svg",
        actions: {export: true, source: false, compiled: false, editor: false}
      }).then(function () {
        var svg = el.querySelector("svg");
        if (svg) {
          svg.setAttribute("role", "img");
          svg.setAttribute("aria-label", el.getAttribute("aria-label") || spec.description || "");
          markSvg(el);
          fit(out, svg);
        }
        out.classList.add("pingan-vega-rendered");
        watchTooltip();
      }).catch(function (err) {
        out.classList.add("pingan-vega-failed");
        el.textContent = "This chart could not be drawn: " + err;
        console.error(err);
      });
      var button = out.querySelector(".pg-chart-table"), box = out.querySelector(".pg-chart-datatable");
      if (button && box) {
        button.addEventListener("click", function () {
          if (!box.firstChild) { var t = dataTable(spec); if (t) { box.appendChild(t); markChinese(box); } }
          var open = box.hidden;
          box.hidden = !open;
          button.setAttribute("aria-expanded", String(open));
          button.textContent = open ? "Hide the data table" : "Show the data as a table";
        });
      }
    });
  }

  var toggle = document.getElementById("pg-toggle-code");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var show = toggle.getAttribute("aria-pressed") !== "true";
      document.querySelectorAll("details.pg-code").forEach(function (d) { d.open = show; });
      toggle.setAttribute("aria-pressed", String(show));
      toggle.textContent = show ? "Hide all code" : "Show all code";
    });
  }

  var search = document.getElementById("pg-search");
  if (search && typeof window.PagefindUI === "function") {
    // the index is found beside pagefind-ui.js, which each page loads by its relative path
    new window.PagefindUI({element: "#pg-search", showSubResults: true, showImages: false, resetStyles: false});
  }
})();
