namespace VmBench.Core.Runtimes;

/// <summary>A server did not start or did not become ready; the message carries its log tail.</summary>
public sealed class ServerStartException : Exception
{
    public ServerStartException()
    {
    }

    public ServerStartException(string message)
        : base(message)
    {
    }

    public ServerStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static ServerStartException WithLog(string what, string logTail) =>
        new(logTail.Length == 0 ? $"{what} (the server printed nothing)" : $"{what}; the server's last output:{Environment.NewLine}{Indent(logTail)}");

    /// <summary>What went wrong, then <paramref name="details"/> (indented lines: how the server was started), then its last output.</summary>
    public static ServerStartException WithLog(string what, string details, string logTail) =>
        new(string.Join(
            Environment.NewLine,
            what,
            details,
            logTail.Length == 0 ? "  the server printed nothing" : $"  the server's last output:{Environment.NewLine}{Indent(logTail)}"));

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => "  | " + l.TrimEnd('\r')));
}
