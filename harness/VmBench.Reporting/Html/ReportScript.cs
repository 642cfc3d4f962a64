using System.Security.Cryptography;
using System.Text;

namespace VmBench.Reporting.Html;

/// <summary>
/// The pages' one inline script: sortable tables (click or Enter on a column header) and a filter by protocol.
/// It only rearranges and hides what the page already shows, so with scripts off every table and chart is
/// still there, in report order. It asks for nothing: the page's Content-Security-Policy allows this script
/// (by its hash) and no source of anything.
/// </summary>
internal static class ReportScript
{
    public const string Text = """
        (function () {
          'use strict';
          var each = function (list, f) { Array.prototype.forEach.call(list, f); };
          var keyOf = function (cell) {
            var raw = cell.getAttribute('data-sort');
            if (raw !== null && raw !== '' && !isNaN(Number(raw))) { return { n: Number(raw) }; }
            return { s: cell.textContent.trim().toLowerCase() };
          };
          var compare = function (a, b) {
            if (!a || !b) { return (a ? 0 : 1) - (b ? 0 : 1); }
            var x = keyOf(a), y = keyOf(b);
            if ('n' in x && 'n' in y) { return x.n - y.n; }
            if ('n' in x) { return -1; }
            if ('n' in y) { return 1; }
            return x.s < y.s ? -1 : x.s > y.s ? 1 : 0;
          };
          each(document.querySelectorAll('table.sortable'), function (table) {
            var head = table.tHead, body = table.tBodies[0];
            if (!head || !body) { return; }
            var headers = head.rows[0].cells;
            each(headers, function (th, column) {
              th.tabIndex = 0;
              th.classList.add('sort');
              th.title = 'sort by this column';
              var sort = function () {
                var ascending = th.getAttribute('aria-sort') !== 'ascending';
                each(headers, function (other) { other.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) { var c = compare(a.cells[column], b.cells[column]); return ascending ? c : -c; });
                each(rows, function (row) { body.appendChild(row); });
              };
              th.addEventListener('click', sort);
              th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
            });
          });
          var tagged = document.querySelectorAll('[data-protocol]');
          var protocols = [];
          each(tagged, function (e) { var p = e.getAttribute('data-protocol'); if (protocols.indexOf(p) < 0) { protocols.push(p); } });
          var slot = document.getElementById('protocol-filter');
          if (!slot || protocols.length < 2) { return; }
          var label = document.createElement('label');
          label.textContent = 'Protocol ';
          var select = document.createElement('select');
          each(['all'].concat(protocols.sort()), function (p) {
            var option = document.createElement('option');
            option.value = p;
            option.textContent = p;
            select.appendChild(option);
          });
          select.addEventListener('change', function () {
            each(tagged, function (e) { e.hidden = select.value !== 'all' && e.getAttribute('data-protocol') !== select.value; });
          });
          label.appendChild(select);
          slot.appendChild(label);
        })();
        """;

    /// <summary>The &lt;script&gt; element to put at the end of the body.</summary>
    public static string Element => "<script>" + Text + "</script>\n";

    /// <summary>
    /// A Content-Security-Policy that lets the page load nothing: inline styles, data: images and this script by
    /// its SHA-256 only (a browser also blocks any request a chart or a manifest text might smuggle in).
    /// </summary>
    public static string PolicyMeta =>
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
        + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text))) + "'\">\n";
}
