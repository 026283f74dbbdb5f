document.querySelectorAll('table.compare caption').forEach(function (caption) {
  var hint = document.createElement('span');
  hint.className = 'sort-hint'; hint.textContent = '; click a column heading to sort';
  caption.appendChild(hint);
});
document.querySelectorAll('table.compare').forEach(function (table) {
  table.querySelectorAll('thead th[data-col]').forEach(function (th) {
    var button = document.createElement('button');
    button.className = 'sort'; button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var col = Number(th.dataset.col), down = th.getAttribute('aria-sort') !== 'descending';
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
        x = x === undefined ? -1 : Number(x); y = y === undefined ? -1 : Number(y);
        return down ? y - x : x - y;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
    });
  });
});
