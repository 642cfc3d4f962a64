using VmBench.Reporting.Exporters;
using VmBench.Reporting.Micro;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Micro;

[Trait(Tier.Key, Tier.Fast)]
public sealed class MicroResultsTests
{
    private const string BdnExport = """
        {
          "Title": "VmBench.Micro.EchoRoundTrip-20260101-120000",
          "HostEnvironmentInfo": { "RuntimeVersion": ".NET 10.0.0" },
          "Benchmarks": [
            {
              "DisplayInfo": "EchoRoundTrip.Sockets: DefaultJob [Size=64]",
              "Namespace": "VmBench.Micro", "Type": "EchoRoundTrip", "Method": "Sockets", "MethodTitle": "Sockets",
              "Parameters": "Size=64", "FullName": "VmBench.Micro.EchoRoundTrip.Sockets(Size: 64)",
              "Statistics": { "N": 15, "Mean": 12345.6, "Median": 12300.1, "StandardDeviation": 50.2 },
              "Memory": { "Gen0Collections": 1, "Gen1Collections": 0, "Gen2Collections": 0, "TotalOperations": 1000, "BytesAllocatedPerOperation": 312 }
            },
            {
              "Type": "EchoRoundTrip", "Method": "Libuv<script>", "Parameters": "Size=64", "FullName": "VmBench.Micro.EchoRoundTrip.Libuv(Size: 64)",
              "Statistics": { "Mean": 9876.5 }
            },
            { "Type": "EchoRoundTrip", "Method": "NoStatistics" }
          ]
        }
        """;

    [Fact]
    public void Reads_bdn_full_json_loosely()
    {
        using var temp = new TempDirectory();
        WriteExport(temp.Path);

        var result = MicroResults.Read(temp.Path);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Benchmarks.Count);
        var sockets = result.Benchmarks[0];
        Assert.Equal("Sockets", sockets.Method);
        Assert.Equal("Size=64", sockets.Parameters);
        Assert.Equal(12345.6, sockets.MeanNs);
        Assert.Equal(312, sockets.AllocatedBytes);
        Assert.Null(result.Benchmarks[1].AllocatedBytes);
    }

    [Fact]
    public void A_broken_export_is_a_problem_not_an_exception()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, MicroResults.FolderName));
        File.WriteAllText(Path.Combine(temp.Path, MicroResults.FolderName, "Broken-report-full.json"), "{ \"Benchmarks\": [");

        var result = MicroResults.Read(temp.Path);

        Assert.Empty(result.Benchmarks);
        Assert.Single(result.Problems);
    }

    [Fact]
    public async Task Report_gets_a_micro_benchmarks_section_with_table_and_charts()
    {
        using var temp = new TempDirectory();
        WriteExport(temp.Path);

        await Reports.GenerateAsync(SampleRuns.Typical(), temp.Path);
        var html = File.ReadAllText(Path.Combine(temp.Path, HtmlExporter.FileName));

        Assert.Contains("<section id=\"micro\">", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<tr class=\"micro-row\">").Length - 1);
        Assert.Contains("id=\"chart-micro-time\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-micro-allocations\"", html, StringComparison.Ordinal);
        Assert.Contains("Libuv&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Path, "charts", "micro-time.png")));
    }

    [Fact]
    public async Task No_micro_folder_no_section()
    {
        using var temp = new TempDirectory();

        await Reports.GenerateAsync(SampleRuns.Typical(), temp.Path);

        Assert.DoesNotContain("<section id=\"micro\">", File.ReadAllText(Path.Combine(temp.Path, HtmlExporter.FileName)), StringComparison.Ordinal);
    }

    private static void WriteExport(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, MicroResults.FolderName, "results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "VmBench.Micro.EchoRoundTrip-report-full.json"), BdnExport);
    }
}
