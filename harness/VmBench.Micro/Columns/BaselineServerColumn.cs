using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using VmBench.Micro.Echo;

namespace VmBench.Micro.Columns;

/// <summary>
/// Mean time relative to the baseline server (<see cref="EchoServers.BaselineId"/>) at the same transport and
/// payload size. BenchmarkDotNet's own baseline is per method or job, not per parameter value, so the
/// server-as-parameter design gets its ratio here; cases without a <c>Server</c> parameter show nothing.
/// </summary>
public sealed class BaselineServerColumn : IColumn
{
    public const string ServerParameter = "Server";

    public string Id => nameof(BaselineServerColumn);

    public string ColumnName => $"vs {EchoServers.BaselineId}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean time relative to the {EchoServers.BaselineId} server at the same transport and size (below 1: faster)";

    public bool IsAvailable(Summary summary) =>
        summary?.BenchmarksCases.Any(c => c.Parameters.Items.Any(p => p.Name == ServerParameter)) == true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var baseline = summary.BenchmarksCases.FirstOrDefault(c => IsBaselineOf(c, benchmarkCase));
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return mean is { } m && baselineMean is > 0 ? (m / baselineMean.Value).ToString("0.00", CultureInfo.InvariantCulture) : "-";
    }

    public override string ToString() => ColumnName;

    /// <summary>Same type, method, job and parameters, except the server, which is the baseline.</summary>
    private static bool IsBaselineOf(BenchmarkCase candidate, BenchmarkCase benchmarkCase)
    {
        if (candidate.Descriptor != benchmarkCase.Descriptor || candidate.Job.Id != benchmarkCase.Job.Id)
        {
            return false;
        }

        var items = benchmarkCase.Parameters.Items;
        if (!items.Any(p => p.Name == ServerParameter) || candidate.Parameters.Items.Count != items.Count)
        {
            return false;
        }

        foreach (var parameter in candidate.Parameters.Items)
        {
            if (parameter.Name == ServerParameter)
            {
                if (!Equals(parameter.Value, EchoServers.BaselineId))
                {
                    return false;
                }
            }
            else if (!Equals(parameter.Value, benchmarkCase.Parameters[parameter.Name]))
            {
                return false;
            }
        }

        return true;
    }
}
