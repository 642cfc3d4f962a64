using System.Text.RegularExpressions;
using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>Selects benchmarks by comma-separated regular expressions (matched anywhere in the name, as a search).</summary>
public static class BenchmarkSelector
{
    public sealed record Selection(IReadOnlyList<Benchmark> Benchmarks, IReadOnlyList<string> Errors);

    public static Selection Select(IReadOnlyList<Benchmark> all, IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(all);
        var list = patterns.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (list.Length == 0)
        {
            return new Selection(all, []);
        }

        var errors = new List<string>();
        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in list)
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                errors.Add($"--benchmarks: '{pattern}' is not a valid regular expression: {ex.Message}");
                continue;
            }

            var matched = all.Where(b => regex.IsMatch(b.Name)).ToArray();
            if (matched.Length == 0)
            {
                errors.Add($"--benchmarks: '{pattern}' matches no benchmark (available: {string.Join(", ", all.Select(b => b.Name))})");
            }

            selected.UnionWith(matched.Select(b => b.Name));
        }

        return new Selection(all.Where(b => selected.Contains(b.Name)).ToArray(), errors);
    }
}
