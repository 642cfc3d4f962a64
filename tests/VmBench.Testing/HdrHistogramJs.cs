using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace VmBench.Testing;

/// <summary>
/// A second, independent reader of HdrHistogram logs: hdr-histogram-js under Node.js, installed into
/// tests/tools/hdr-histogram-js by harness/setup-host.sh --tests. Missing, it skips a test unless
/// <see cref="RequireVariable"/>=1 (tests/run-tests.sh sets it), which makes it a failure.
/// </summary>
public static class HdrHistogramJs
{
    public const string RequireVariable = "VMBENCH_REQUIRE_HDR_JS";

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static string Folder => Path.Combine(Repository.Root, "tests", "tools", "hdr-histogram-js");

    /// <summary>True when a missing reader must fail the test.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the reader cannot run (no node, or the package not installed), or null when it can.</summary>
    public static string? Missing()
    {
        if (Node() is null)
        {
            return "node is not installed";
        }

        return Directory.Exists(Path.Combine(Folder, "node_modules", "hdr-histogram-js"))
            ? null
            : $"hdr-histogram-js is not installed in {Folder} (run harness/setup-host.sh --tests, or npm ci there)";
    }

    /// <summary>Decodes <paramref name="hlogFile"/>; each interval and tag total reports the values at <paramref name="percentiles"/>, in order.</summary>
    public static async Task<JsHistogramLog> ReadAsync(string hlogFile, IReadOnlyList<double> percentiles)
    {
        var start = new ProcessStartInfo(Node() ?? throw new InvalidOperationException("node is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        start.ArgumentList.Add(Path.Combine(Folder, "read-hlog.js"));
        start.ArgumentList.Add(hlogFile);
        foreach (var percentile in percentiles)
        {
            start.ArgumentList.Add(percentile.ToString("R", CultureInfo.InvariantCulture));
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"hdr-histogram-js could not read {hlogFile} (exit {process.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<JsHistogramLog>(await stdout, s_json) ?? throw new InvalidOperationException("hdr-histogram-js printed nothing");
    }

    private static string? Node() =>
        new[] { Environment.GetEnvironmentVariable("VMBENCH_NODE"), "/usr/bin/node", "/usr/local/bin/node" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
