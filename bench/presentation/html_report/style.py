"""The page's look: the Okabe–Ito palette (colour-blind safe), one stylesheet, one small optional script.

Every text colour is near-black on white or on a light tint, or black on an
Okabe–Ito colour (all at least 5:1; the blue takes white text), so all text
passes WCAG AA. Kinds of outcome differ by symbol, word and border style as
well as by colour.
"""

from __future__ import annotations

from bench.scoring.error_analysis import KINDS as ERROR_KINDS

OKABE_ITO = {"orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7", "black": "#000000"}
TYPE_COLOURS = {"date": "#E69F00", "headcount": "#56B4E9", "user_count": "#009E73", "agency": "#F0E442",
                "official": "#CC79A7"}
TINTS = {"date": "#F8E2B3", "headcount": "#CCE8F8", "user_count": "#B3E2D5", "agency": "#FAF6C6", "official": "#F0D7E5"}
KIND_BORDERS = {"missed": "2px dashed #D55E00", "spurious": "2px dotted #CC79A7", "wrong_value": "3px double #E69F00",
                "wrong_type": "2px solid #0072B2", "wrong_boundary": "2px dashed #0072B2", "partial": "2px solid #56B4E9",
                "value_differs": "2px dotted #E69F00"}

_BASE = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:76em;padding:0 1em 3em;color:#1a1a1a;background:#fff}
h1{margin:.6em 0 .2em}h2{margin-top:1.6em;border-bottom:2px solid #1a1a1a}h3{display:inline;font-size:1.1em;margin:0}
a{color:#005A8F}code{overflow-wrap:anywhere}small,.about,.ci,.n-support{color:#404040}
nav.toc ol{padding-left:1.4em;margin:.2em 0}nav.toc li{margin:.15em 0}
.scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.2em 0}
.ci{display:block;font-size:.8em;white-space:nowrap}.best{font-weight:700;white-space:nowrap}.sig{font-weight:700}.few{text-decoration:underline dotted}
.metric-block{display:none}#m-f1:checked~.b-f1,#m-precision:checked~.b-precision,#m-recall:checked~.b-recall{display:block}
.switch-label{font-weight:600;margin-right:.4em}.metric-choice,.kind-filter{margin:0 .2em 0 .6em;vertical-align:middle}
.chart{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:.4em 1em}
figure.panel-box{margin:0}svg.panel{width:100%;max-width:320px;height:auto;display:block}
svg text{font:12px system-ui,sans-serif;fill:#1a1a1a}.panel-title{font-weight:700;font-size:13px}
.bar{fill:#0072B2}.whisker{stroke:#000;stroke-width:1.5;fill:none}.grid{stroke:#999;stroke-dasharray:2 2}
.legend{display:flex;flex-wrap:wrap;gap:.4em 1.2em;padding:0;list-style:none}.legend li{max-width:100%}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #bbb;padding:.8em;line-height:2}
.g{border-radius:3px;padding:.1em 0}.p{text-decoration:underline dotted #000 2px;text-underline-offset:4px}
.lab{font-size:.7em;font-weight:700;text-transform:uppercase;letter-spacing:.02em;padding:0 .3em;margin:0 .3em 0 .15em;
  border-radius:3px;color:#000;white-space:nowrap;vertical-align:.1em}
.chip{font-size:.8em;color:#000;background:#fff;border-radius:.35em;padding:0 .3em;margin:0 .15em;white-space:normal;
  line-height:1.6;overflow-wrap:anywhere;-webkit-box-decoration-break:clone;box-decoration-break:clone}
details>summary{cursor:pointer;padding:.3em 0}section.article{border-top:1px solid #bbb;padding:.2em 0}
.error-runs{margin-top:.5em}ol.errors{padding-left:1.6em}.err{margin:.5em 0;overflow-wrap:anywhere}
.vals{margin:.1em 0}.ctx{background:#f3f3f3;padding:.2em .4em;border-left:3px solid #1a1a1a}
mark{background:#F0E442;color:#000}.kind-filter:not(:checked)+label{text-decoration:line-through}
.notes{font-size:.9em}.prov li{margin:.4em 0;overflow-wrap:anywhere}.sort{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit;text-decoration:underline dotted}
@media (max-width:640px){
 table.compare thead,.sort-hint{display:none}table.compare caption{display:block}table.compare,table.compare tbody,table.compare tr,table.compare td,table.compare th{display:block;width:100%}
 table.compare tr{border:1px solid #bbb;margin-bottom:.6em}table.compare th,table.compare td{border:0;border-bottom:1px solid #ddd}
 table.compare td{display:flex;justify-content:space-between;gap:1em;text-align:right}
 table.compare td::before{content:attr(data-label);font-weight:600;text-align:left}
 table.compare .ci{display:inline;margin-left:.4em}
 table.facts thead{display:none}table.facts,table.facts tbody,table.facts tr{display:block;width:100%}
 table.facts tr{border-bottom:1px solid #bbb;padding:.3em 0}table.facts td{display:inline;border:0;padding:0 .3em 0 0}
}
"""

SCRIPT = """
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
"""


def stylesheet() -> str:
    """The base rules plus one rule per fact type and per outcome kind."""
    types = "".join(f".lab.t-{t}{{background:{c}}}.g.t-{t}{{background:{TINTS[t]}}}" for t, c in TYPE_COLOURS.items())
    kinds = "".join(f".chip.k-{k}{{border:{border}}}" for k, border in KIND_BORDERS.items())
    filters = "".join(f"#ek-{k}:not(:checked)~.error-runs .err.k-{k}{{display:none}}" for k in ERROR_KINDS)
    return _BASE + types + kinds + filters
