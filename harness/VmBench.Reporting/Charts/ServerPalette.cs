namespace VmBench.Reporting.Charts;

/// <summary>
/// One colour per server, the same in every chart of a report: servers sorted by id (ordinal) take
/// Category10's colours in order. Shades of a server's colour tell apart its variations.
/// </summary>
public sealed class ServerPalette
{
    /// <summary>d3/matplotlib Category10.</summary>
    public static IReadOnlyList<string> Category10 { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    private readonly Dictionary<string, string> _colors;

    public ServerPalette(IEnumerable<string> serverIds)
    {
        _colors = serverIds
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select((id, i) => (id, color: Category10[i % Category10.Count]))
            .ToDictionary(p => p.id, p => p.color, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Servers => _colors.Keys;

    public string ColorOf(string serverId) => _colors.TryGetValue(serverId, out var color) ? color : "#333333";

    /// <summary>The server's colour mixed with white (<paramref name="towardsWhite"/> 0..1), for the variations of one server.</summary>
    public string ShadeOf(string serverId, double towardsWhite)
    {
        var color = ColorOf(serverId);
        var t = Math.Clamp(towardsWhite, 0, 1);
        int Mix(int start) => (int)Math.Round(Convert.ToInt32(color.Substring(start, 2), 16) + ((255 - Convert.ToInt32(color.Substring(start, 2), 16)) * t));
        return $"#{Mix(1):x2}{Mix(3):x2}{Mix(5):x2}";
    }
}
