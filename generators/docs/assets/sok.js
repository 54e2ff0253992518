// Client-side search over the index in sokindex.js: every word typed must occur in an entry's
// title, detail or extra words. Matching ignores case and, as a fallback for keyboards without å, ä
// and ö, diacritics; exact matches rank first.
(function () {
  'use strict';
  var data = window.kodkatalogSokindex;
  var form = document.getElementById('sok');
  var input = document.getElementById('sokord');
  var status = document.getElementById('sokstatus');
  var list = document.getElementById('traffar');
  if (!data || !form) return;
  var MAX = 100;

  function lower(s) { return s.normalize('NFC').toLocaleLowerCase('sv'); }
  function fold(s) { return s.normalize('NFD').replace(/[\u0300-\u036f]/g, ''); }

  var entries = data.e.map(function (e) {
    var title = lower(e[1]);
    var all = title + ' ' + lower(e[2]) + ' ' + lower(e[5]);
    return { kind: e[0], title: e[1], detail: e[2], page: e[3], fragment: e[4], t: title, a: all, ft: fold(title), fa: fold(all) };
  });

  function score(entry, words, folded) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var f = folded[i];
      var exact = entry.a.indexOf(w) >= 0;
      if (!exact && entry.fa.indexOf(f) < 0) return 0;
      if (entry.t === w || entry.t.split(' ')[0] === w) s += 100;
      else if (entry.t.indexOf(w) === 0) s += 50;
      else if ((' ' + entry.t).indexOf(' ' + w) >= 0) s += 30;
      else if (entry.t.indexOf(w) >= 0 || entry.ft.indexOf(f) >= 0) s += 20;
      else s += 5;
      if (exact) s += 1;
    }
    return s;
  }

  var collator = new Intl.Collator('sv', { numeric: true });

  function search(query) {
    var words = lower(query).split(/\s+/).filter(Boolean);
    list.textContent = '';
    if (words.length === 0) {
      status.textContent = '';
      return;
    }
    var folded = words.map(fold);
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], words, folded);
      if (s > 0) hits.push({ s: s, e: entries[i] });
    }
    hits.sort(function (a, b) {
      return b.s - a.s || a.e.kind - b.e.kind || collator.compare(a.e.title, b.e.title);
    });
    var shown = hits.slice(0, MAX);
    for (var j = 0; j < shown.length; j++) {
      var e = shown[j].e;
      var li = document.createElement('li');
      var kind = document.createElement('span');
      kind.className = 'slag';
      kind.textContent = data.k[e.kind] + ':';
      var a = document.createElement('a');
      a.href = data.p[e.page] + (e.fragment ? '#' + e.fragment : '');
      a.textContent = e.title;
      var detail = document.createElement('span');
      detail.className = 'detalj';
      detail.textContent = e.detail;
      li.appendChild(kind);
      li.appendChild(a);
      if (e.detail) li.appendChild(detail);
      list.appendChild(li);
    }
    status.textContent = hits.length === 0
      ? 'Inga träffar på ”' + query + '”.'
      : hits.length > MAX
        ? hits.length + ' träffar på ”' + query + '”. De ' + MAX + ' bästa visas; skriv fler ord för att begränsa.'
        : hits.length + (hits.length === 1 ? ' träff' : ' träffar') + ' på ”' + query + '”.';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    search(input.value);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      window.history.replaceState(null, '', url.toString());
    } catch (e) { /* some browsers refuse replaceState on file:// */ }
  });
  var timer;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 200);
  });
  var q = new URLSearchParams(window.location.search).get('q');
  if (q) {
    input.value = q;
    search(q);
  }
})();
