using System.Globalization;

namespace VmBench.Servers.Hosting;

/// <summary>
/// How many loops or workers a server runs: <c>VMBENCH_WORKERS</c>, which a manifest sets to <c>{cpus}</c>
/// (the CPUs the server is given); 1 when it is unset or empty.
/// </summary>
public static class Workers
{
    public const string Variable = "VMBENCH_WORKERS";

    /// <summary>The count, or false with the error (a value that is not a whole number from 1 to 1024).</summary>
    public static bool TryRead(out int count, out string? error)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        error = null;
        count = 1;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= 1024)
        {
            return true;
        }

        error = $"{Variable}='{text}' is not a number of workers (a whole number from 1 to 1024; unset for 1)";
        return false;
    }
}
