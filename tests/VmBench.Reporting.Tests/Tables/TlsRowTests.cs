using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Html;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Tables;

/// <summary>TLS cells beside their plaintext twins: the per-trial ratio, in every report.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsRowTests
{
    private static RunResult WithTls()
    {
        var run = new RunBuilder()
            .Repeat(3)
            .Benchmark("sockets", b => b.Variation(1024, 10, 40_000, repeats: 3, noise: 0.2))
            .Benchmark("sockets", b => b.Variation(1024, 10, 10_000, repeats: 3, noise: 0.2).Variation(1024, 100, 12_000, repeats: 3), protocol: "tlsecho")
            .Benchmark("libuv", b => b.Variation(1024, 10, 9_000, repeats: 3), protocol: "tlsecho") // no tcpecho-libuv in the run
            .Build();
        var session = new TlsSession("TLSv1.3", "TLS_AES_256_GCM_SHA384");
        return run with
        {
            Benchmarks = run.Benchmarks.Select(b => b.Protocol != "tlsecho" ? b : b with
            {
                Variations = b.Variations.Select(v => v with { Trials = v.Trials.Select(t => t with { Result = t.Result with { Tls = session } }).ToArray() }).ToArray(),
            }).ToArray(),
        };
    }

    [Fact]
    public void A_tls_cell_is_paired_trial_by_trial_with_its_plaintext_twin()
    {
        var row = Assert.Single(TlsRow.From(WithTls()));

        // The same noise pattern on both cells: every trial's ratio is exactly 1/4, whatever the spread between trials.
        Assert.Equal("tlsecho-sockets", row.Benchmark);
        Assert.Equal("tcpecho-sockets", row.Plaintext);
        Assert.Equal("1 KiB c=10", row.Variation);
        Assert.Equal("0.25x", row.Ratio);
        Assert.Equal("0.25 – 0.25", row.RatioInterval);
        Assert.Equal(3, row.Pairs);
        Assert.Equal("TLSv1.3 TLS_AES_256_GCM_SHA384", row.Negotiated);
    }

    [Fact]
    public void Markdown_and_html_show_the_table_and_a_run_without_tls_has_none()
    {
        var markdown = MarkdownExporter.Render(WithTls());
        var html = HtmlReportBuilder.Build(WithTls(), [], [], new VmBench.Reporting.Micro.MicroReadResult([], []));

        Assert.Contains("## TLS beside plaintext", markdown, StringComparison.Ordinal);
        Assert.Contains("| tlsecho-sockets | tcpecho-sockets | 1 KiB c=10 |", markdown, StringComparison.Ordinal);
        Assert.Contains("<h3>TLS beside plaintext</h3>", html, StringComparison.Ordinal);
        Assert.Contains("0.25x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS beside plaintext", MarkdownExporter.Render(SampleRuns.Typical()), StringComparison.Ordinal);
    }
}
