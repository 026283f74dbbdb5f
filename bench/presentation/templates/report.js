/* The report's optional script: sortable columns, lists filtered by the address (#errors?run=0&type=date,
   #cases?cap=ID&run=1) drawn from the page's data, and CSV files of its tables. Text goes into the page as
   text (textContent), never as markup. Without it the page shows every table and the first examples. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Sorting: a button in each numbered column heading; numbers by value, words by text, blanks last. */
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var hint = table.querySelector('caption');
    if (hint) hint.appendChild(el('span', 'sort-hint', '; sort by a column with its heading'));
    table.querySelectorAll('thead th[data-col]').forEach(function (th) {
      var button = el('button', 'sort');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var col = Number(th.dataset.col), down = th.getAttribute('aria-sort') !== 'descending';
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        function key(row) {
          var value = row.cells[col] && row.cells[col].dataset.sort;
          return value === undefined || value === '-1' ? null : value;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || y === null) return (x === null) - (y === null);
          var order = isNaN(Number(x)) || isNaN(Number(y)) ? x.localeCompare(y) : Number(x) - Number(y);
          return down ? -order : order;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
        table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
      });
    });
  });

  /* Opening an article or case named by the address, wherever it is folded. */
  function reveal(target) {
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
    }
    var own = target.querySelector('details');
    if (own) own.open = true;
    target.scrollIntoView();
  }

  var block = document.getElementById('report-data');
  if (!block) {
    window.addEventListener('hashchange', revealTarget);
    revealTarget();
    return;
  }
  var data = JSON.parse(block.textContent);
  var tables = {};

  function rows(name) {
    if (!tables[name]) {
      var packed = data.tables[name];
      tables[name] = !packed ? [] : packed.rows.map(function (row) {
        var record = {};
        packed.columns.forEach(function (column, i) { record[column] = packed.strings[i][row[i]]; });
        return record;
      });
    }
    return tables[name];
  }

  /* CSV as bench report --csv writes it (data.py's csv_text): CRLF, RFC 4180 quoting, formulas defused. */
  var NUMBER = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
  function field(cell) {
    if (/^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell)) cell = "'" + cell;
    return /[",\r\n]/.test(cell) ? '"' + cell.replace(/"/g, '""') + '"' : cell;
  }
  function csv(name) {
    var packed = data.tables[name];
    var lines = [packed.columns].concat(packed.rows.map(function (row) {
      return row.map(function (index, i) { return packed.strings[i][index]; });
    }));
    return lines.map(function (line) { return line.map(field).join(',') + '\r\n'; }).join('');
  }
  document.querySelectorAll('button.download').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var link = el('a');
      link.href = URL.createObjectURL(new Blob([csv(button.dataset.table)], {type: 'text/csv;charset=utf-8'}));
      link.download = button.dataset.table + '.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });
  });

  /* Lists drawn from the data, in the markup of the page's own lists. */
  function kindOf(kind) { return data.kinds[kind] || ['?', kind, 'k-other']; }
  function typeClass(type) { return data.types[type] || 't-other'; }
  function docLink(doc) {
    return document.getElementById('doc-' + doc) ? '#doc-' + doc : '#errors?doc=' + encodeURIComponent(doc);
  }
  function side(parent, text, value) {
    if (!value) { parent.appendChild(document.createTextNode('–')); return; }
    if (text) parent.appendChild(document.createTextNode('“' + text + '” '));
    parent.appendChild(el('b', '', value));
  }
  function errorItem(e, inCase) {
    var kind = kindOf(e.kind), li = el('li', 'err ' + kind[2]);
    li.dataset.kind = e.kind; li.dataset.run = e.run; li.dataset.doc = e.doc_id;
    li.appendChild(el('span', 'kind chip ' + kind[2], kind[0] + ' ' + kind[1]));
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'lab ' + typeClass(e.type), e.type));
    if (inCase) {
      li.appendChild(document.createTextNode(' ' + e.run));
    } else {
      li.appendChild(document.createTextNode(' '));
      var link = el('a', '', e.capability !== undefined ? e.doc_id : e.article || e.doc_id);
      link.href = docLink(e.doc_id);
      li.appendChild(link);
      if (e.capability) { li.appendChild(document.createTextNode(' ')); li.appendChild(el('small', '', e.capability)); }
    }
    var vals = el('div', 'vals', 'gold: ');
    side(vals, e.gold_text, e.gold_value);
    vals.appendChild(document.createTextNode(' · predicted: '));
    side(vals, e.predicted_text, e.predicted_value);
    if (e.predicted_type && e.predicted_type !== e.type) {
      vals.appendChild(document.createTextNode(' '));
      vals.appendChild(el('small', '', 'as ' + e.predicted_type));
    }
    li.appendChild(vals);
    if (e.context) {
      var ctx = el('div', 'ctx'), open = e.context.indexOf('[['), close = e.context.lastIndexOf(']]');
      if (open >= 0 && close > open) {
        ctx.appendChild(document.createTextNode(e.context.slice(0, open)));
        ctx.appendChild(el('mark', '', e.context.slice(open + 2, close)));
        ctx.appendChild(document.createTextNode(e.context.slice(close + 2)));
      } else {
        ctx.textContent = e.context;
      }
      li.appendChild(ctx);
    }
    return li;
  }
  function caseItem(doc, examples, errors) {
    var li = el('li', 'case'), head = el('a', '', doc);
    li.dataset.doc = doc;
    head.href = docLink(doc);
    li.appendChild(head);
    if (examples.length) li.appendChild(el('div', 'vals', 'expected: ' + (examples[0].expected || '(none)')));
    examples.forEach(function (c) { li.appendChild(el('div', 'vals', c.run + ' predicted: ' + (c.predicted || '(none)'))); });
    if (errors.length) {
      var list = el('ol', 'errors');
      errors.forEach(function (e) { list.appendChild(errorItem(e, true)); });
      li.appendChild(list);
    }
    return li;
  }

  /* A list of many items, drawn a page (data.max items) at a time. */
  function paged(box, heading, items, draw, className) {
    box.textContent = '';
    box.appendChild(el('h3', 'filter-head', heading));
    var clear = el('a', 'clear', 'clear the filter');
    clear.href = '#' + box.parentElement.id;
    box.appendChild(clear);
    var list = el('ol', className), shown = 0, more = el('button', 'more');
    more.type = 'button';
    box.appendChild(list);
    box.appendChild(more);
    function next() {
      items.slice(shown, shown + data.max).forEach(function (item) { list.appendChild(draw(item)); });
      shown = Math.min(items.length, shown + data.max);
      more.hidden = shown >= items.length;
      more.textContent = 'show ' + Math.min(data.max, items.length - shown) + ' more of ' + (items.length - shown);
    }
    more.addEventListener('click', next);
    next();
  }

  var FILTERS = {run: 'run', kind: 'kind', type: 'type', cap: 'capability', doc: 'document', side: 'side'};
  function words(params) {
    var parts = [];
    params.forEach(function (value, key) {
      var shown = key === 'run' ? data.runs[Number(value)] : key === 'side' ? (value === 'fn' ? 'a gold side' : 'a predicted side') : value;
      parts.push((FILTERS[key] || key) + ' ' + shown);
    });
    return parts.join(' · ');
  }
  function errorMatches(e, params) {
    var run = params.get('run'), type = params.get('type'), s = params.get('side');
    return (run === null || e.run === data.runs[Number(run)]) &&
      (!params.has('kind') || e.kind === params.get('kind')) &&
      (type === null || e.type === type || e.predicted_type === type) &&
      (!params.has('doc') || e.doc_id === params.get('doc')) &&
      (!params.has('cap') || e.capability === params.get('cap')) &&
      (s === null || (s === 'fn' ? e.gold_value !== '' : e.predicted_value !== ''));
  }
  function showErrors(params) {
    var found = rows('errors').filter(function (e) { return errorMatches(e, params); });
    paged(document.getElementById('errors-filtered'), found.length + ' error' + (found.length === 1 ? '' : 's') +
          ' of ' + words(params), found, function (e) { return errorItem(e, false); }, 'errors');
  }
  function showCases(params) {
    var cap = params.get('cap'), run = params.get('run'), label = run === null ? null : data.runs[Number(run)];
    function mine(r) { return (r.capability === cap) && (label === null || r.run === label); }
    var examples = rows('cases').filter(mine), errors = rows('errors').filter(mine), docs = [];
    examples.concat(errors).forEach(function (r) { if (docs.indexOf(r.doc_id) < 0) docs.push(r.doc_id); });
    paged(document.getElementById('cases-filtered'), docs.length + ' case' + (docs.length === 1 ? '' : 's') +
          ' of ' + words(params), docs, function (doc) {
            return caseItem(doc, examples.filter(function (r) { return r.doc_id === doc; }),
                            errors.filter(function (r) { return r.doc_id === doc; }));
          }, 'cases');
  }

  /* The filter form of the error list: choosing a value rewrites the address, which draws the list. */
  function choice(form, key, name, values, current) {
    var label = el('label', '', name + ' '), select = el('select');
    select.name = key;
    select.appendChild(el('option', '', 'any')).value = '';
    values.forEach(function (pair) {
      var option = select.appendChild(el('option', '', pair[1]));
      option.value = pair[0];
      option.selected = pair[0] === current;
    });
    label.appendChild(select);
    form.appendChild(label);
  }
  function drawForm(params) {
    var form = document.getElementById('error-filters');
    if (!form) return;
    form.textContent = '';
    form.hidden = false;
    var kinds = [], types = [], caps = [];
    rows('errors').forEach(function (e) {
      if (kinds.indexOf(e.kind) < 0) kinds.push(e.kind);
      if (types.indexOf(e.type) < 0) types.push(e.type);
      if (e.capability && caps.indexOf(e.capability) < 0) caps.push(e.capability);
    });
    choice(form, 'run', 'run', data.runs.map(function (r, i) { return [String(i), r]; }), params.get('run'));
    choice(form, 'kind', 'kind', kinds.map(function (k) { return [k, kindOf(k)[1]]; }), params.get('kind'));
    choice(form, 'type', 'type', types.map(function (t) { return [t, t]; }), params.get('type'));
    if (caps.length) choice(form, 'cap', 'capability', caps.map(function (c) { return [c, c]; }), params.get('cap'));
  }
  var filterForm = document.getElementById('error-filters');
  if (filterForm) {
    filterForm.addEventListener('change', function () {
      var wanted = new URLSearchParams(), current = filterOf(location.hash);
      filterForm.querySelectorAll('select').forEach(function (s) { if (s.value) wanted.set(s.name, s.value); });
      ['doc', 'side'].forEach(function (key) {
        if (current && current.params.has(key)) wanted.set(key, current.params.get(key));
      });
      var query = wanted.toString();
      location.hash = query ? 'errors?' + query : 'errors';
    });
    filterForm.addEventListener('submit', function (event) { event.preventDefault(); });
  }

  function filterOf(hash) {
    var match = /^#(errors|cases)\?(.+)$/.exec(hash);
    return match ? {section: match[1], params: new URLSearchParams(match[2])} : null;
  }
  function revealTarget() {
    if (!location.hash || location.hash.indexOf('?') >= 0) return;
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) reveal(target);
  }
  function apply() {
    var filter = filterOf(location.hash);
    ['errors', 'cases'].forEach(function (name) {
      var section = document.getElementById(name), active = filter && filter.section === name;
      if (!section) return;
      section.classList.toggle('filtering', !!active);
      document.getElementById(name + '-filtered').hidden = !active;
    });
    drawForm(filter && filter.section === 'errors' ? filter.params : new URLSearchParams());
    if (filter) {
      (filter.section === 'errors' ? showErrors : showCases)(filter.params);
      document.getElementById(filter.section).scrollIntoView();
    } else {
      revealTarget();
    }
  }
  window.addEventListener('hashchange', apply);
  apply();
})();
