namespace VmBench.Reporting.Html;

/// <summary>The reports' inline style sheet: local fonts only, no @import, no url().</summary>
internal static class ReportCss
{
    public const string Text = """
        :root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bg-alt: #f6f8fa; --bad: #b42318; --warn: #9a6700; --good: #1a7f37; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: var(--fg); margin: 0 auto; padding: 1.5rem 2rem 4rem; max-width: 1400px; line-height: 1.45; overflow-wrap: break-word; }
        [hidden] { display: none !important; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
        p.lead { color: var(--muted); margin: 0 0 1rem; }
        nav { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: .6rem 0; border-bottom: 1px solid var(--line); }
        nav a, a { color: #0969da; text-decoration: none; }
        nav .filter { margin-left: auto; }
        nav select { font: inherit; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .88rem; }
        th, td { border: 1px solid var(--line); padding: .25rem .5rem; vertical-align: top; }
        th { background: var(--bg-alt); text-align: left; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.kv { width: 100%; }
        table.kv th { width: 14rem; }
        table.kv td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; overflow-wrap: anywhere; }
        .scroll { overflow-x: auto; max-width: 100%; }
        td .ci, th .ci { display: block; }
        th.sort { cursor: pointer; }
        th[aria-sort=ascending]::after { content: " \25B2"; font-size: .7em; }
        th[aria-sort=descending]::after { content: " \25BC"; font-size: .7em; }
        .status-failed td, span.failed { color: var(--bad); }
        .status-skipped td, .status-cancelled td, span.skipped { color: var(--muted); }
        .badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: .6rem; border: 1px solid currentColor; white-space: nowrap; }
        .badge.client-bound, .badge.unsteady { color: var(--warn); }
        .ci { color: var(--muted); font-size: .8em; }
        .badge.failed { color: var(--bad); }
        .badge.unfinished, .status-unfinished td, p.interrupted { color: var(--bad); } p.interrupted { font-weight: 600; }
        .badge.skipped, .badge.cancelled { color: var(--muted); }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; }
        .bar { display: inline-block; height: .7rem; background: #8da9c4; vertical-align: middle; margin-right: .4rem; }
        .ranking { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 720px), 1fr)); gap: 0 2rem; }
        .ranking > div { min-width: 0; overflow-x: auto; }
        .chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 520px), 1fr)); gap: 0 1.5rem; }
        .chart-grid > * { min-width: 0; }
        .chart-single figure.chart { max-width: 1100px; }
        figure.chart { margin: 1rem 0 2rem; max-width: 100%; }
        figure.scales .view.log, figure.scales input.log:checked ~ .view.linear { display: none; }
        figure.scales input.log:checked ~ .view.log { display: block; }
        figure.scales label { font-size: .85rem; margin: 0 1rem 0 .25rem; }
        figure.chart svg { width: 100%; height: auto; display: block; border: 1px solid var(--line); }
        figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
        .note { color: var(--muted); font-size: .88rem; }
        .reason { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; white-space: pre-wrap; }
        footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
        @media (max-width: 640px) {
          body { padding: 1rem .75rem 3rem; }
          table.kv, table.kv tbody, table.kv tr, table.kv th, table.kv td { display: block; width: auto; }
          table.kv th { border-bottom: 0; }
          table.kv td { border-top: 0; }
        }
        """;
}
