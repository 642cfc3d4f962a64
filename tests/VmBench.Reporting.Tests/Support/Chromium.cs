using System.Diagnostics;

namespace VmBench.Reporting.Tests.Support;

/// <summary>Headless Chromium (Debian's /usr/bin/chromium), run with every background service off and its traffic sent to a recording proxy.</summary>
internal static class Chromium
{
    public const string RequireVariable = "VMBENCH_REQUIRE_CHROMIUM";

    public static string? Find()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("VMBENCH_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Chromium's path; null when it is not installed, which fails the test when <see cref="Required"/> and is logged as a skip otherwise.</summary>
    public static string? FindOrSkip(Xunit.Abstractions.ITestOutputHelper output)
    {
        var chromium = Find();
        if (chromium is null)
        {
            Assert.False(Required, $"chromium is not installed and {RequireVariable}=1 (install Debian's chromium)");
            output.WriteLine($"chromium is not installed: skipped (set {RequireVariable}=1 to make this a failure)");
        }

        return chromium;
    }

    /// <summary>True when a missing Chromium must fail the test (CI sets VMBENCH_REQUIRE_CHROMIUM=1).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static async Task<ChromiumResult> RunAsync(string chromium, string profile, int proxyPort, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--disable-extensions",
            $"--user-data-dir={profile}",
            $"--proxy-server=http://127.0.0.1:{proxyPort}", "--proxy-bypass-list=<-loopback>",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within {timeout.TotalSeconds} s");
        }

        return new ChromiumResult(process.ExitCode, await stdout, await stderr);
    }
}
