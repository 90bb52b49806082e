/* paperfacts review: draws papers from the embedded JSON, a page at a time.
   Data: {kinds: [{kind, label}], rules: [rule id], papers: [{i: id, t: title, a: abstract,
   f: [{k: kind index, r: rule index, n: label, d: [[key, value]], e: [[field 0|1, start, end]], l: [fact]}]}]}
   Offsets are UTF-16 (JavaScript string) offsets. */
(function () {
  "use strict";
  if (window.paperfactsReview) return;

  var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return ESC[c]; }); }
  var nf = new Intl.NumberFormat("en-US");

  /* Facts as nested marks: spans sorted by start, longer first; a span inside another
     is its child. A span crossing the end of the one it starts in (none in practice)
     is cut there, and its rest drawn as a continuation without data-kind. */
  function tree(spans, length) {
    spans.sort(function (a, b) { return a.s - b.s || b.e - a.e || a.k - b.k || a.f - b.f; });
    var root = { s: 0, e: length, c: [] }, stack = [root];
    for (var i = 0; i < spans.length; i++) {
      var sp = spans[i];
      while (stack.length > 1 && stack[stack.length - 1].e <= sp.s) stack.pop();
      var top = stack[stack.length - 1];
      if (sp.e > top.e) {
        var rest = { s: top.e, e: sp.e, k: sp.k, f: sp.f, cont: true };
        sp = { s: sp.s, e: top.e, k: sp.k, f: sp.f };
        var j = i + 1;
        while (j < spans.length && (spans[j].s < rest.s || (spans[j].s === rest.s && spans[j].e >= rest.e))) j++;
        spans.splice(j, 0, rest);
      }
      sp.c = [];
      top.c.push(sp);
      stack.push(sp);
    }
    return root;
  }

  function markup(text, node, ctx) {
    var out = "", pos = node.s, height = 0;
    for (var i = 0; i < node.c.length; i++) {
      var ch = node.c[i], inner = markup(text, ch, ctx);
      height = Math.max(height, inner.h + 1);
      var cls = "pf-m pf-h" + Math.min(inner.h, 3);
      var fact = ctx.facts[ch.f];
      out += esc(text.slice(pos, ch.s));
      if (ch.cont) {
        out += '<mark class="' + cls + ' pf-cont" data-f="' + ch.f + '" data-kind-cont="' + ctx.kinds[ch.k].kind + '">';
      } else {
        out += '<mark class="' + cls + '" tabindex="0" data-kind="' + ctx.kinds[ch.k].kind + '" data-rule="' +
          esc(ctx.rules[fact.r]) + '" data-f="' + ch.f + '" aria-describedby="' + ctx.tip + '">';
      }
      out += inner.html + "</mark>";
      pos = ch.e;
    }
    return { html: out + esc(text.slice(pos, node.e)), h: height };
  }

  function fieldHtml(text, field, paper, ctx, visible) {
    var spans = [];
    for (var f = 0; f < paper.f.length; f++) {
      var fact = paper.f[f];
      if (!visible(fact)) continue;
      for (var m = 0; m < fact.e.length; m++) {
        var e = fact.e[m];
        if (e[0] === field) spans.push({ s: e[1], e: e[2], k: fact.k, f: f });
      }
    }
    var local = Object.create(ctx);
    local.facts = paper.f;
    return markup(text, tree(spans, text.length), local).html;
  }

  function paperHtml(paper, index, ctx, visible) {
    var counts = [], seen = {};
    for (var f = 0; f < paper.f.length; f++) {
      var fact = paper.f[f];
      if (visible(fact)) seen[fact.k] = (seen[fact.k] || 0) + 1;
    }
    for (var k = 0; k < ctx.kinds.length; k++) {
      if (seen[k]) counts.push('<span class="pf-count"><span class="pf-sw pf-k-' + ctx.kinds[k].kind + '"></span> ' +
        seen[k] + " " + esc(ctx.kinds[k].label) + (seen[k] > 1 ? "s" : "") + "</span>");
    }
    var title = paper.t === null || paper.t === "" ? '<span class="pf-notext">(no title)</span>'
      : fieldHtml(paper.t, 0, paper, ctx, visible);
    return '<article class="pf-paper" data-i="' + index + '" data-id="' + esc(paper.i) + '">' +
      '<h3 class="pf-title">' + title + "</h3>" +
      '<div class="pf-meta"><code>' + esc(paper.i) + "</code>" +
      (counts.length ? counts.join("") : "<span>no facts shown</span>") + "</div>" +
      '<p class="pf-abstract">' + fieldHtml(paper.a, 1, paper, ctx, visible) + "</p></article>";
  }

  /* Tooltip and linked facts, for marks under root (mouse and keyboard). */
  function bindTips(root, ctx) {
    var tip = root.querySelector(".pf-tip"), lit = [], current = null;
    function clear() {
      for (var i = 0; i < lit.length; i++) lit[i].classList.remove("pf-active", "pf-linked");
      lit = [];
      current = null;
      tip.hidden = true;
    }
    function light(paperEl, f, cls) {
      var marks = paperEl.querySelectorAll('mark[data-f="' + f + '"]');
      for (var i = 0; i < marks.length; i++) { marks[i].classList.add(cls); lit.push(marks[i]); }
    }
    function show(mark) {
      clear();
      var paperEl = mark.closest(".pf-paper"), paper = ctx.papers[+paperEl.dataset.i];
      var f = +mark.dataset.f, fact = paper.f[f], kind = ctx.kinds[fact.k];
      light(paperEl, f, "pf-active");
      var links = [];
      for (var i = 0; i < fact.l.length; i++) {
        var other = paper.f[fact.l[i]];
        light(paperEl, fact.l[i], "pf-linked");
        links.push(esc(ctx.kinds[other.k].label) + " <b>" + esc(other.n) + "</b>");
      }
      var rows = "";
      for (var r = 0; r < fact.d.length; r++) rows += "<tr><th>" + esc(fact.d[r][0]) + "</th><td>" + esc(fact.d[r][1]) + "</td></tr>";
      rows += "<tr><th>rule</th><td><code>" + esc(ctx.rules[fact.r]) + "</code></td></tr>";
      rows += "<tr><th>mentions</th><td>" + fact.e.length + "</td></tr>";
      tip.className = "pf-tip pf-k-" + kind.kind;
      tip.innerHTML = '<div class="pf-tip-kind"><span class="pf-sw pf-k-' + kind.kind + '"></span> ' + esc(kind.label) +
        '</div><div class="pf-tip-name">' + esc(fact.n) + "</div><table>" + rows + "</table>" +
        (links.length ? '<div class="pf-tip-links">linked: ' + links.join(", ") + "</div>" : "");
      tip.hidden = false;
      current = mark;
      place();
    }
    function place() {
      if (!current) return;
      if (!current.isConnected) { clear(); return; }
      var box = current.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
      var left = Math.max(4, Math.min(box.left, window.innerWidth - w - 8));
      var top = box.bottom + 8;
      if (top + h > window.innerHeight - 4) top = Math.max(4, box.top - h - 8);
      tip.style.left = left + "px";
      tip.style.top = top + "px";
    }
    function target(ev) {
      var m = ev.target.closest && ev.target.closest("mark.pf-m");
      return m && root.contains(m) ? m : null;
    }
    root.addEventListener("mouseover", function (ev) { var m = target(ev); if (m) show(m); });
    root.addEventListener("mouseout", function (ev) {
      if (target(ev) && !(ev.relatedTarget && ev.relatedTarget.closest && ev.relatedTarget.closest("mark.pf-m"))) clear();
    });
    root.addEventListener("focusin", function (ev) { var m = target(ev); if (m) show(m); });
    root.addEventListener("focusout", function (ev) { if (target(ev)) clear(); });
    root.addEventListener("keydown", function (ev) { if (ev.key === "Escape") clear(); });
    window.addEventListener("scroll", place, { passive: true });
    return clear;
  }

  function load(root) {
    var data = JSON.parse(root.querySelector("script.pf-data").textContent);
    var tip = root.querySelector(".pf-tip");
    return { kinds: data.kinds, rules: data.rules, papers: data.papers, tip: tip.id };
  }

  /* One paper (a notebook cell): every fact shown. */
  function mountPaper(root) {
    var ctx = load(root);
    root.querySelector(".pf-papers").innerHTML = paperHtml(ctx.papers[0], 0, ctx, function () { return true; });
    bindTips(root, ctx);
  }

  /* The whole page: filters by kind and rule, search, sort, paging. */
  function mountPage(root) {
    var ctx = load(root), papers = ctx.papers;
    var $ = function (sel) { return root.querySelector(sel); };
    var kindBoxes = root.querySelectorAll("input[data-filter-kind]");
    var state = { kinds: [], rule: -1, q: "", withFacts: false, sort: "input", page: 0, per: 20 };
    var hay = null, list = [];
    var clearTip = bindTips(root, ctx);

    function visible(fact) { return state.kinds[fact.k] && (state.rule < 0 || fact.r === state.rule); }
    function shownFacts(p) {
      var n = 0;
      for (var i = 0; i < p.f.length; i++) if (visible(p.f[i])) n += p.f[i].e.length;
      return n;
    }
    function haystack(i) {
      if (!hay) hay = new Array(papers.length);
      if (hay[i] === undefined) {
        var p = papers[i], names = [];
        for (var f = 0; f < p.f.length; f++) names.push(p.f[f].n);
        hay[i] = (p.i + "\n" + (p.t || "") + "\n" + p.a + "\n" + names.join("\n")).toLowerCase();
      }
      return hay[i];
    }
    function filter() {
      var allKinds = state.kinds.every(Boolean);
      var needFacts = state.withFacts || !allKinds || state.rule >= 0;
      var terms = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      list = [];
      var weight = [];
      for (var i = 0; i < papers.length; i++) {
        var n = needFacts || state.sort === "facts" ? shownFacts(papers[i]) : 0;
        if (needFacts && n === 0) continue;
        if (terms.length) {
          var h = haystack(i), ok = true;
          for (var t = 0; t < terms.length && ok; t++) ok = h.indexOf(terms[t]) >= 0;
          if (!ok) continue;
        }
        list.push(i);
        weight[i] = n;
      }
      if (state.sort === "facts") list.sort(function (a, b) { return weight[b] - weight[a] || a - b; });
      state.page = 0;
    }
    function draw() {
      clearTip();
      var pages = Math.max(1, Math.ceil(list.length / state.per));
      state.page = Math.min(state.page, pages - 1);
      var from = state.page * state.per, to = Math.min(list.length, from + state.per), html = "";
      for (var i = from; i < to; i++) html += paperHtml(papers[list[i]], list[i], ctx, visible);
      $(".pf-papers").innerHTML = html || '<p class="pf-empty">No paper matches these filters.</p>';
      $(".pf-status").textContent = list.length
        ? "Papers " + nf.format(from + 1) + "\u2013" + nf.format(to) + " of " + nf.format(list.length) +
          (list.length < papers.length ? " (filtered from " + nf.format(papers.length) + ")" : "")
        : "No paper of " + nf.format(papers.length) + " matches.";
      $(".pf-page").textContent = "page " + nf.format(state.page + 1) + " of " + nf.format(pages);
      $(".pf-prev").disabled = $(".pf-first").disabled = state.page === 0;
      $(".pf-next").disabled = $(".pf-last").disabled = state.page >= pages - 1;
    }
    function update() { filter(); draw(); }
    function readKinds() {
      for (var i = 0; i < kindBoxes.length; i++) {
        state.kinds[+kindBoxes[i].dataset.k] = kindBoxes[i].checked;
        kindBoxes[i].closest(".pf-chip").classList.toggle("pf-off", !kindBoxes[i].checked);
      }
    }
    for (var i = 0; i < kindBoxes.length; i++) kindBoxes[i].addEventListener("change", function () { readKinds(); update(); });
    $(".pf-all").addEventListener("click", function () {
      var on = !Array.prototype.every.call(kindBoxes, function (b) { return b.checked; });
      for (var i = 0; i < kindBoxes.length; i++) kindBoxes[i].checked = on;
      readKinds(); update();
    });
    $(".pf-rule").addEventListener("change", function (ev) { state.rule = ev.target.value === "" ? -1 : +ev.target.value; update(); });
    $(".pf-with-facts").addEventListener("change", function (ev) { state.withFacts = ev.target.checked; update(); });
    $(".pf-sort").addEventListener("change", function (ev) { state.sort = ev.target.value; update(); });
    $(".pf-per").addEventListener("change", function (ev) { state.per = +ev.target.value; draw(); });
    var timer = 0;
    $(".pf-search").addEventListener("input", function (ev) {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = ev.target.value; update(); }, 120);
    });
    function go(page) {
      state.page = page;
      draw();
      var bar = $(".pf-statusbar");
      if (bar.getBoundingClientRect().top < 0) bar.scrollIntoView({ block: "start" });
    }
    $(".pf-first").addEventListener("click", function () { go(0); });
    $(".pf-prev").addEventListener("click", function () { go(state.page - 1); });
    $(".pf-next").addEventListener("click", function () { go(state.page + 1); });
    $(".pf-last").addEventListener("click", function () { go(Math.ceil(list.length / state.per) - 1); });
    function searchFor(bar) {
      var box = $(".pf-search");
      box.value = bar.dataset.q;
      state.q = bar.dataset.q;
      update();
      $(".pf-statusbar").scrollIntoView({ block: "start" });
    }
    var bars = root.querySelectorAll(".pf-bar");
    for (var b = 0; b < bars.length; b++) {
      bars[b].addEventListener("click", function () { searchFor(this); });
      bars[b].addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); searchFor(this); }
      });
    }
    readKinds();
    update();
    root.dataset.ready = "1";
    if (window.performance && performance.mark) performance.mark("paperfacts-ready");
  }

  window.paperfactsReview = { mountPage: mountPage, mountPaper: mountPaper, tree: tree };
})();
