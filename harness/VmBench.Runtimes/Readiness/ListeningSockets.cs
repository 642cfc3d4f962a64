using System.Globalization;
using System.Net;
using VmBench.Core.Model;

namespace VmBench.Runtimes.Readiness;

/// <summary>
/// The sockets a set of processes (and their descendants) listens on, read from /proc: each process's socket inodes
/// (/proc/PID/fd) matched with its network namespace's listening sockets (/proc/PID/net/tcp, tcp6, unix). Linux only;
/// empty where /proc cannot be read.
/// </summary>
internal static class ListeningSockets
{
    private const string TcpListen = "0A";
    private const int UnixAcceptConnections = 0x10000;

    /// <summary>The listening addresses in the contract's notation: <c>127.0.0.1:8080</c>, <c>[::]:8080</c>, <c>unix:/path</c>.</summary>
    public static IReadOnlyList<Address> Of(IEnumerable<int> pids, string procRoot = "/proc")
    {
        var found = new HashSet<Address>();
        foreach (var pid in WithDescendants(pids, procRoot))
        {
            var inodes = SocketInodes(pid, procRoot);
            if (inodes.Count == 0)
            {
                continue;
            }

            var net = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "net");
            foreach (var file in new[] { "tcp", "tcp6" })
            {
                foreach (var fields in Rows(Path.Combine(net, file)))
                {
                    if (fields.Length > 9 && fields[3] == TcpListen && inodes.Contains(fields[9]) && Endpoint(fields[1]) is { } endpoint)
                    {
                        found.Add(endpoint);
                    }
                }
            }

            foreach (var fields in Rows(Path.Combine(net, "unix")))
            {
                if (fields.Length > 7 && int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags)
                    && (flags & UnixAcceptConnections) != 0 && inodes.Contains(fields[6]))
                {
                    found.Add(Address.Unix(fields[7]));
                }
            }
        }

        return [.. found.OrderBy(a => a.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>
    /// Where the server listens instead of where it was told; empty when it listens there, or nowhere yet. Told TCP: its
    /// TCP sockets, when none is on <paramref name="address"/>'s port (any interface will do). Told a unix socket: its
    /// TCP sockets and unix sockets, when none is that path. Unix sockets a runtime opens of its own before the server
    /// binds never count where they could be the runtime's: any, when told TCP; .NET's diagnostics socket
    /// (<c>dotnet-diagnostic-*</c>) and abstract ones (<c>@name</c>), when told a unix socket.
    /// </summary>
    public static IReadOnlyList<Address> Elsewhere(IReadOnlyList<Address> listening, Address address)
    {
        var counted = listening.Where(l => !l.IsUnix || (address.IsUnix && !IsRuntimeOwn(l.UnixPath!))).ToArray();
        var there = address.IsUnix ? listening.Contains(address) : counted.Any(l => l.Port == address.Port);
        return there ? [] : counted;
    }

    private static bool IsRuntimeOwn(string unixPath) =>
        unixPath.StartsWith('@') || Path.GetFileName(unixPath).StartsWith("dotnet-diagnostic-", StringComparison.Ordinal);

    private static HashSet<int> WithDescendants(IEnumerable<int> pids, string procRoot)
    {
        var all = new HashSet<int>();
        var pending = new Queue<int>(pids);
        while (pending.Count > 0 && all.Count < 1000)
        {
            var pid = pending.Dequeue();
            if (!all.Add(pid))
            {
                continue;
            }

            try
            {
                foreach (var task in Directory.EnumerateDirectories(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "task")))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        pending.Enqueue(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // gone, or not ours to read
            }
        }

        return all;
    }

    private static HashSet<string> SocketInodes(int pid, string procRoot)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "fd")))
            {
                var target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']'))
                {
                    inodes.Add(target["socket:[".Length..^1]);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // gone, or not ours to read
        }

        return inodes;
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"0100007F:61A8" (IPv4) or 32 hex digits (IPv6), each 32-bit word in host order, port big-endian hex.</summary>
    private static Address? Endpoint(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        var hex = text[..colon];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            var value = uint.Parse(hex.AsSpan(word * 8, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            BitConverter.TryWriteBytes(bytes.AsSpan(word * 4, 4), value); // the kernel wrote the word in this machine's order
        }

        return bytes.Length is 4 or 16 ? Address.Tcp(new IPAddress(bytes), port) : null;
    }
}
