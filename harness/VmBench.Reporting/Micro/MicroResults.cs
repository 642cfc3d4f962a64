using System.Text.Json;

namespace VmBench.Reporting.Micro;

/// <summary>
/// Reads BenchmarkDotNet's full JSON exports (<c>*-report-full.json</c>) from a run's <c>micro/</c> folder,
/// loosely: Benchmarks[].FullName/Type/Method/Parameters, Statistics.Mean (ns), Memory.BytesAllocatedPerOperation.
/// A file that is not such an export is reported in <see cref="MicroReadResult.Problems"/>, never thrown.
/// </summary>
public static class MicroResults
{
    public const string FolderName = "micro";

    public const string FilePattern = "*-report-full.json";

    public static MicroReadResult Read(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, FolderName);
        var benchmarks = new List<MicroBenchmark>();
        var problems = new List<string>();
        if (!Directory.Exists(folder))
        {
            return new MicroReadResult(benchmarks, problems);
        }

        foreach (var file in Directory.EnumerateFiles(folder, FilePattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                benchmarks.AddRange(Parse(document.RootElement));
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"{Path.GetFileName(file)}: {ex.Message}");
            }
        }

        return new MicroReadResult(benchmarks, problems);
    }

    public static IReadOnlyList<MicroBenchmark> Parse(JsonElement root)
    {
        var list = new List<MicroBenchmark>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var b in benchmarks.EnumerateArray())
        {
            if (b.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var mean = Number(b, "Statistics", "Mean");
            if (mean is null)
            {
                continue;
            }

            list.Add(new MicroBenchmark(
                Text(b, "FullName"),
                Text(b, "Type"),
                Text(b, "Method"),
                Text(b, "Parameters"),
                mean.Value,
                Number(b, "Memory", "BytesAllocatedPerOperation")));
        }

        return list;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;

    private static double? Number(JsonElement element, string parent, string name) =>
        element.TryGetProperty(parent, out var inner) && inner.ValueKind == JsonValueKind.Object
            && inner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
}
