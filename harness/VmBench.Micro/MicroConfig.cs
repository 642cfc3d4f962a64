using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using VmBench.Micro.Columns;

namespace VmBench.Micro;

/// <summary>
/// The suite's one configuration.
/// Full: BenchmarkDotNet's ShortRun job (1 launch, 3 warm-up and 3 measured iterations) with the default
/// out-of-process toolchain, so every case runs in a fresh process with a fresh server and no JIT, GC or
/// thread-pool state left by another case.
/// Dry (<c>--dry</c>, for CI): the Dry job (one cold invocation) with the in-process emit toolchain, no
/// project generation or build: it checks that everything runs and exports, its figures mean nothing.
/// Both: the memory diagnoser (bytes allocated per operation on all threads: the in-process server's and the
/// client's), the ratio to the sockets server, and JSON (full), GitHub Markdown, HTML and CSV exports.
/// </summary>
public static class MicroConfig
{
    /// <summary>The generated project builds every .NET server and the load client: minutes on a busy 2-core machine (the default is 2).</summary>
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(10);

    public static IConfig Create(bool dry)
    {
        var job = dry
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Dry")
            : Job.ShortRun.WithId("ShortRun");
        return ManualConfig.CreateEmpty()
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(new BaselineServerColumn())
            .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
            .AddAnalyser(DefaultConfig.Instance.GetAnalysers().ToArray())
            .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub, HtmlExporter.Default, CsvExporter.Default)
            .AddJob(job)
            .WithBuildTimeout(s_buildTimeout);
    }
}
