using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using VmBench.Runtimes.Processes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// Collects the engine's progress messages of a build, pull or import synchronously (Progress&lt;T&gt;
/// would post them later, out of order): the output lines, and the first error.
/// </summary>
internal sealed class BuildLog : IProgress<JSONMessage>
{
    private static readonly Regex s_ansi = new("\u001b\\[[0-9;]*m", RegexOptions.Compiled);

    private readonly LogBuffer _lines = new(60);
    private string _partial = string.Empty;

    public string? Error { get; private set; }

    /// <summary>The image id the engine reported (aux ID of a build, status of an import).</summary>
    public string? ImageId { get; private set; }

    public void Report(JSONMessage value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lines)
        {
            var error = value.Error?.Message is { Length: > 0 } detail ? detail : value.ErrorMessage;
            if (!string.IsNullOrEmpty(error))
            {
                Error ??= error.Trim();
            }

            if (!string.IsNullOrEmpty(value.Stream))
            {
                _partial += value.Stream;
                var lines = _partial.Split('\n');
                foreach (var line in lines[..^1])
                {
                    _lines.Add(s_ansi.Replace(line, string.Empty).TrimEnd('\r'));
                }

                _partial = lines[^1];
            }

            if (value.Status is { } status && status.StartsWith("sha256:", StringComparison.Ordinal))
            {
                ImageId = status.Trim();
            }

            if (value.Aux?.ExtensionData is { } aux && aux.TryGetValue("ID", out var id) && id?.ToString() is { } text && text.StartsWith("sha256:", StringComparison.Ordinal))
            {
                ImageId = text;
            }
        }
    }

    public string Tail(int lines = 15)
    {
        lock (_lines)
        {
            var tail = _lines.Tail(lines);
            return _partial.Length == 0 ? tail : tail + "\n" + _partial;
        }
    }
}
