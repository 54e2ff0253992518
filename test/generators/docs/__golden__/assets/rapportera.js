// "Vad ska vi rapportera?": asks answerObligations (window.kodkatalogSvar, the same function
// `kodkatalog obligations` runs) about the data in window.kodkatalogSkyldigheter and shows the
// answer. Everything runs in the page: nothing is sent anywhere.
(function () {
  'use strict';
  var data = window.kodkatalogSkyldigheter;
  var svar = window.kodkatalogSvar;
  var form = document.getElementById('rapportera');
  if (!data || !svar || !form) return;
  var section = document.getElementById('resultat');
  var summary = document.getElementById('resultat-sammanfattning');
  var list = document.getElementById('resultat-lista');
  var dateInput = document.getElementById('datum');
  var areaSelect = document.getElementById('omrade');
  var datePattern = /^\d{4}-\d{2}-\d{2}$/;
  var FORMATS = { csv: 'CSV', ndjson: 'NDJSON', json: 'JSON' };
  var SUBJECTS = { 'record-type': 'posttypen', element: 'uppgiften', rule: 'regeln', code: 'koden' };
  var SHOWN_SUBMISSIONS = 4;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function link(href, text) { return el('a', text, { href: href }); }
  function fact(dl, term, value) {
    dl.appendChild(el('dt', term));
    var dd = el('dd');
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }
  function sv(t) { return svar.say(t, 'sv'); }
  function labelOf(codes, code) {
    for (var i = 0; i < codes.length; i++) if (codes[i].code === code) return sv(codes[i].label);
    return code;
  }
  function ruleList(rules) {
    var ul = el('ul', null, { 'class': 'regellista' });
    rules.forEach(function (rule) {
      var li = el('li');
      li.appendChild(link(rule.doc, rule.id));
      li.appendChild(document.createTextNode(': ' + sv(rule.message) + ' (' + svar.severityText(rule.severity, 'sv') + ')'));
      ul.appendChild(li);
    });
    return ul;
  }
  function submissions(o) {
    var ul = el('ul');
    o.submissions.slice(0, SHOWN_SUBMISSIONS).forEach(function (s) {
      var text = capital(svar.periodLabel(s.period, 'sv')) + ': senast ' + svar.longDate(s.due, 'sv') + ' (' + svar.dayAndDate(s.due, 'sv') + ')';
      if (s.moved) text += ', flyttad från ' + svar.longDate(s.nominalDue, 'sv') + ' som är ' + svar.whyNotWorking(s.nominalDue, 'sv');
      ul.appendChild(el('li', text));
    });
    return ul;
  }
  function recordTypeTable(rt) {
    var wrap = el('div', null, { 'class': 'tabell', role: 'region', tabindex: '0', 'aria-label': 'Uppgifter i ' + sv(rt.label) });
    var table = el('table');
    var head = el('tr');
    head.appendChild(el('th', 'Uppgift', { scope: 'col' }));
    head.appendChild(el('th', 'Krav', { scope: 'col' }));
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el('tbody');
    rt.elements.forEach(function (e) {
      var row = el('tr');
      var th = el('th', null, { scope: 'row' });
      th.appendChild(link(e.doc, sv(e.label)));
      if (e.key) th.appendChild(el('span', 'nyckel', { 'class': 'markering' }));
      row.appendChild(th);
      row.appendChild(el('td', svar.requiredText(e.required, 'sv'), { 'class': 'krav krav-' + e.required }));
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    return wrap;
  }
  function obligation(o, date) {
    var art = el('article', null, { 'class': 'skyldighet' });
    var h = el('h3');
    h.appendChild(link(o.doc, sv(o.label)));
    art.appendChild(h);
    if (o.population) art.appendChild(el('p', sv(o.population)));
    if (o.asOf > date) art.appendChild(el('p', 'Gäller från ' + svar.longDate(o.asOf, 'sv') + '. Posterna och uppgifterna nedan är de som gäller från den dagen.'));
    var dl = el('dl', null, { 'class': 'fakta' });
    fact(dl, 'Status', svar.statusText(o.status, 'sv'));
    fact(dl, 'Period', svar.periodRuleText(o.period, 'sv'));
    fact(dl, 'Tidsfrist', svar.deadlineRuleText(o.deadline, o.period, 'sv'));
    if (o.submissions.length) fact(dl, 'Nästa tidsfrister', submissions(o));
    fact(dl, 'Hur', svar.channelText(o.channel, 'sv'));
    fact(dl, 'Filformat', o.formats.map(function (f) { return FORMATS[f] || f; }).join(', '));
    fact(dl, 'Lagstöd', o.legalBasis.map(function (c) { return sv(c.label); }).join(', '));
    art.appendChild(dl);
    o.recordTypes.forEach(function (rt) {
      var h4 = el('h4');
      h4.appendChild(document.createTextNode('Posttyp '));
      h4.appendChild(link(rt.doc, sv(rt.label)));
      art.appendChild(h4);
      art.appendChild(recordTypeTable(rt));
      var rules = o.rules.filter(function (r) { return r.recordType === rt.id; });
      if (rules.length) {
        art.appendChild(el('p', 'Regler som kontrolleras:'));
        art.appendChild(ruleList(rules));
      }
    });
    var own = o.rules.filter(function (r) { return !r.recordType; });
    if (own.length) {
      art.appendChild(el('h4', 'Regler för hela inlämningen'));
      art.appendChild(ruleList(own));
    }
    if (o.changes.length) {
      art.appendChild(el('h4', 'Ändringar under året'));
      var ul = el('ul');
      o.changes.forEach(function (c) {
        ul.appendChild(el('li', svar.longDate(c.date, 'sv') + ': ' + (c.change === 'added' ? 'tillkommer ' : 'upphör ') + (SUBJECTS[c.subject] || '') + ' ' + sv(c.label).replace(/\.$/, '') + '.'));
      });
      art.appendChild(ul);
    }
    return art;
  }
  function selectedActor() {
    var checked = form.querySelector('input[name="aktor"]:checked');
    return checked ? checked.value : '';
  }
  function run(focus) {
    var date = dateInput.value.trim();
    section.hidden = false;
    list.textContent = '';
    if (!datePattern.test(date) || !svar.isIsoDate(date)) {
      summary.textContent = 'Skriv ett datum som finns, som ÅÅÅÅ-MM-DD.';
      dateInput.focus();
      return;
    }
    var actor = selectedActor();
    var area = areaSelect.value;
    var query = area ? { actor: actor, area: area, date: date } : { actor: actor, date: date };
    var answer = svar.answerObligations(data, query);
    var who = labelOf(data.actors, actor) + (area ? ', ' + labelOf(data.areas, area) : ', alla verksamhetsområden');
    var n = answer.obligations.length;
    summary.textContent = n === 0
      ? 'Inga uppgiftsskyldigheter för ' + who + ' under året från ' + svar.longDate(date, 'sv') + '.'
      : (n === 1 ? 'En uppgiftsskyldighet' : n + ' uppgiftsskyldigheter') + ' för ' + who + ' under året från ' + svar.longDate(date, 'sv') + '.';
    answer.obligations.forEach(function (o) { list.appendChild(obligation(o, date)); });
    try {
      var url = new URL(window.location.href);
      url.searchParams.set('aktor', actor);
      url.searchParams.set('omrade', area);
      url.searchParams.set('datum', date);
      window.history.replaceState(null, '', url.toString());
    } catch (e) { /* some browsers refuse replaceState on file:// */ }
    if (focus) section.focus();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run(true);
  });

  var params = new URLSearchParams(window.location.search);
  var actor = params.get('aktor');
  var radios = form.querySelectorAll('input[name="aktor"]');
  for (var i = 0; i < radios.length; i++) if (radios[i].value === actor) radios[i].checked = true;
  var area = params.get('omrade');
  if (area !== null) areaSelect.value = area;
  var date = params.get('datum');
  // Without a date in the address, today is the natural question ("what applies now?").
  var now = new Date();
  dateInput.value = date && datePattern.test(date) ? date : svar.isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  if (actor || area || date) run(false);
})();
