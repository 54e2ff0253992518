// Code-list browser: "visa endast giltiga koder på datum" and fold/unfold all. The hierarchy itself is
// plain <details>/<summary>, which browsers make keyboard-operable without any script.
(function () {
  'use strict';
  var tools = document.querySelector('.kodverktyg');
  if (!tools) return;
  tools.hidden = false;
  var form = tools.querySelector('.kodfilter');
  var input = tools.querySelector('#giltig-datum');
  var status = tools.querySelector('.filterstatus');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.kod'));
  var datePattern = /^\d{4}-\d{2}-\d{2}$/;

  // Valid on a date: inside the code's own validity dates. A retired code without an end date was
  // never given one, so it is treated as no longer valid.
  function validOn(li, date) {
    var from = li.getAttribute('data-fran');
    var to = li.getAttribute('data-till');
    if (from && date < from) return false;
    if (to && date > to) return false;
    if (!to && li.getAttribute('data-status') === 'retired') return false;
    return true;
  }

  // Children are checked before their parents (reverse document order), so a parent stays visible
  // when any code under it is valid.
  function filter(date) {
    var shown = 0;
    for (var i = items.length - 1; i >= 0; i--) {
      var li = items[i];
      var own = !date || validOn(li, date);
      var child = li.querySelector('li.kod:not([hidden])') !== null;
      li.hidden = !(own || child);
      if (own) shown++;
    }
    if (date) {
      status.textContent = 'Visar ' + shown + ' av ' + items.length + ' koder som gäller ' + date + '.';
      var url = new URL(window.location.href);
      url.searchParams.set('datum', date);
      try { window.history.replaceState(null, '', url.toString()); } catch (e) { /* file:// in some browsers */ }
    } else {
      status.textContent = 'Visar alla ' + items.length + ' koder.';
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var date = input.value;
    if (!datePattern.test(date)) {
      status.textContent = 'Skriv ett datum som ÅÅÅÅ-MM-DD.';
      input.focus();
      return;
    }
    filter(date);
  });
  tools.querySelector('.visa-alla').addEventListener('click', function () {
    input.value = '';
    filter('');
  });
  function setAll(open) {
    var all = document.querySelectorAll('.kodlista details');
    for (var i = 0; i < all.length; i++) all[i].open = open;
  }
  var unfold = tools.querySelector('.fall-ut');
  var fold = tools.querySelector('.fall-ihop');
  if (unfold) unfold.addEventListener('click', function () { setAll(true); });
  if (fold) fold.addEventListener('click', function () { setAll(false); });

  var initial = new URLSearchParams(window.location.search).get('datum');
  if (initial && datePattern.test(initial)) {
    input.value = initial;
    filter(initial);
  }
  // A link to a code inside a folded group opens the groups around it.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
  }
  window.addEventListener('hashchange', reveal);
  reveal();
})();
