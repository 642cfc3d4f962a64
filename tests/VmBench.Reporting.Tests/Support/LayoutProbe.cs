using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace VmBench.Reporting.Tests.Support;

/// <summary>
/// A script added to a test copy of a page: it measures the laid-out page in the browser and writes what it
/// found into a &lt;pre id="layout-probe"&gt; that <c>--dump-dom</c> returns. Found: elements that stick out of
/// the viewport outside a scroll container, tables that overlap, table cells squeezed to a few letters, text
/// cut off at the edge of a chart, a page that scrolls sideways. Measured after that: the details table sorted
/// by requests/s (a click on its header), the rows left by the protocol filter set to readline, the verdict
/// cells of compare.html outside the viewport, and whether a click on "log latency axis" swaps the views.
/// </summary>
internal static partial class LayoutProbe
{
    public const string Script = """
        (function () {
          var vw = document.documentElement.clientWidth;
          var problems = [];
          var name = function (e) {
            var c = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
            return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + c;
          };
          var scroller = function (e) {
            for (var p = e.parentElement; p; p = p.parentElement) {
              var o = getComputedStyle(p).overflowX;
              if (o === 'auto' || o === 'scroll') { return p; }
            }
            return null;
          };
          var visible = function (r) { return r.width > 0 && r.height > 0; };
          Array.prototype.forEach.call(document.body.querySelectorAll('*'), function (e) {
            if (e.closest('svg') && e.tagName.toLowerCase() !== 'svg') { return; }
            var r = e.getBoundingClientRect();
            if (!visible(r) || (r.right <= vw + 1 && r.left >= -1)) { return; }
            var s = scroller(e);
            var sr = s ? s.getBoundingClientRect() : null;
            if (!s || sr.right > vw + 1 || sr.left < -1) {
              problems.push('outside the viewport (' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + vw + ' px): ' + name(e));
            }
          });
          var tables = Array.prototype.filter.call(document.querySelectorAll('table'), function (t) { return !t.parentElement.closest('table') && visible(t.getBoundingClientRect()); });
          tables.forEach(function (a, i) {
            var ra = a.getBoundingClientRect();
            tables.slice(i + 1).forEach(function (b) {
              var rb = b.getBoundingClientRect();
              var x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
              var y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
              if (x > 1 && y > 1) { problems.push('tables overlap: ' + name(a) + ' and ' + name(b)); }
            });
          });
          Array.prototype.forEach.call(document.querySelectorAll('td, th'), function (cell) {
            var r = cell.getBoundingClientRect();
            var words = cell.textContent.trim().split(/\s+/);
            var longest = words.reduce(function (m, w) { return Math.max(m, w.length); }, 0);
            if (visible(r) && longest >= 6 && r.width < 56) { problems.push('cell squeezed to ' + Math.round(r.width) + ' px: ' + cell.textContent.trim().slice(0, 40)); }
          });
          Array.prototype.forEach.call(document.querySelectorAll('svg'), function (svg) {
            var sr = svg.getBoundingClientRect();
            if (!visible(sr)) { return; }
            Array.prototype.forEach.call(svg.querySelectorAll('text'), function (t) {
              var r = t.getBoundingClientRect();
              if (visible(r) && (r.left < sr.left - 2 || r.right > sr.right + 2)) { problems.push('text cut off in ' + (svg.closest('figure') || svg).id + ': ' + t.textContent.slice(0, 60)); }
            });
          });
          if (document.documentElement.scrollWidth > vw + 1) { problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px'); }
          var sorted = [], filtered = -1;
          var details = document.querySelector('table.details');
          if (details && details.tHead) {
            var header = Array.prototype.filter.call(details.tHead.rows[0].cells, function (th) { return th.textContent.indexOf('Requests/s') === 0; })[0];
            if (header) {
              header.click();
              var column = header.cellIndex;
              Array.prototype.forEach.call(details.tBodies[0].rows, function (row) {
                var v = row.cells[column] && row.cells[column].getAttribute('data-sort');
                if (v) { sorted.push(Number(v)); }
              });
            }
          }
          var select = document.querySelector('#protocol-filter select');
          if (select) {
            select.value = 'readline';
            select.dispatchEvent(new Event('change'));
            filtered = Array.prototype.filter.call(document.querySelectorAll('tr.result'), function (r) { return r.getBoundingClientRect().height > 0; }).length;
            select.value = 'all';
            select.dispatchEvent(new Event('change'));
          }
          var verdicts = document.querySelectorAll('td[data-label$="verdict"]');
          var verdictsOutOfView = Array.prototype.filter.call(verdicts, function (td) { var r = td.getBoundingClientRect(); return r.left < 0 || r.right > vw + 1; }).length;
          var logSwitch = null;
          var scales = document.querySelector('figure.scales');
          if (scales) {
            var shown = function (selector) { return scales.querySelector(selector).getBoundingClientRect().height > 0; };
            var before = shown('.view.linear svg') && !shown('.view.log svg');
            scales.querySelector('label[for$="-log"]').click();
            var after = !shown('.view.linear svg') && shown('.view.log svg');
            scales.querySelector('label[for$="-linear"]').click();
            logSwitch = before && after && shown('.view.linear svg');
          }
          var host = window.parent !== window ? window.parent.document : document;
          var out = host.createElement('pre');
          out.id = 'layout-probe';
          out.textContent = JSON.stringify({
            viewport: vw,
            tables: tables.length,
            charts: document.querySelectorAll('svg').length,
            scriptRan: document.querySelector('th.sort') !== null,
            problems: problems,
            sortedRequestsPerSecond: sorted,
            readlineRows: filtered,
            verdicts: verdicts.length,
            verdictsOutOfView: verdictsOutOfView,
            logSwitch: logSwitch
          });
          host.body.appendChild(out);
        })();
        """;

    /// <summary>
    /// A page that shows <paramref name="page"/> in a frame <paramref name="width"/> px wide: a headless window is
    /// at least 500 px wide, a frame can be narrower. The probe writes into this page (Chromium needs
    /// --allow-file-access-from-files to let a file: frame reach its parent).
    /// </summary>
    public static string Host(string page, int width, int height) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\"><iframe src=\"{Uri.EscapeDataString(page)}\" style=\"border:0;display:block;width:{width}px;height:{height}px\"></iframe></body></html>";

    /// <summary>The page with the probe before &lt;/body&gt;, its hash added to the page's script-src so its Content-Security-Policy lets it run.</summary>
    public static string AddTo(string html)
    {
        var hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Script))) + "'";
        var withHash = ScriptSource().Replace(html, m => m.Value + hash + " ", 1);
        Assert.NotEqual(html, withHash);
        return withHash.Replace("</body>", "<script>" + Script + "</script>\n</body>", StringComparison.Ordinal);
    }

    public static LayoutReport Read(string dom)
    {
        var match = ProbeOutput().Match(dom);
        Assert.True(match.Success, "the layout probe wrote nothing (did the page's script policy block it?)");
        return JsonSerializer.Deserialize<LayoutReport>(System.Net.WebUtility.HtmlDecode(match.Groups[1].Value), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    [GeneratedRegex("script-src ")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<pre id=\"layout-probe\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();
}
