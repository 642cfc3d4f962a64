using System.Globalization;
using System.Net;

namespace VmBench.Contract;

/// <summary>A tcp socket of a server on this machine, found through /proc: its inode, and the processes holding it.</summary>
internal static class ProcSockets
{
    private const string Listening = "0A"; // TCP_LISTEN in /proc/net/tcp's "st" column

    /// <summary>
    /// The inode of the socket whose local end is <paramref name="local"/> and remote end <paramref name="remote"/>, or of the
    /// listening socket on <paramref name="local"/> when <paramref name="remote"/> is null (IPv4, or IPv4-mapped on a
    /// dual-stack socket); null when /proc has no such socket.
    /// </summary>
    public static string? Inode(IPEndPoint local, IPEndPoint? remote)
    {
        foreach (var (file, map) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            var localHex = Hex(local, map);
            var remoteHex = remote is null ? null : Hex(remote, map);
            foreach (var line in File.Exists(file) ? File.ReadLines(file).Skip(1) : [])
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1] == localHex && (remoteHex is null ? fields[3] == Listening : fields[2] == remoteHex))
                {
                    return fields[9];
                }
            }
        }

        return null;
    }

    /// <summary>Every process (and its descriptor) holding socket <paramref name="inode"/> that this user may inspect: a server that forks workers shares one.</summary>
    public static IReadOnlyList<(int Pid, int Fd)> Holders(string inode)
    {
        var link = $"socket:[{inode}]";
        var holders = new List<(int, int)>();
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == link)
                    {
                        holders.Add((pid, int.Parse(Path.GetFileName(fd), CultureInfo.InvariantCulture)));
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone, or not ours to read
            }
        }

        return holders;
    }

    /// <summary>An endpoint as /proc/net/tcp prints it: each 32-bit word of the address in this machine's order, the port, in hex.</summary>
    private static string Hex(IPEndPoint endPoint, bool mapped)
    {
        var bytes = (mapped ? endPoint.Address.MapToIPv6() : endPoint.Address).GetAddressBytes();
        var words = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToUInt32(bytes, i * 4).ToString("X8", CultureInfo.InvariantCulture));
        return string.Concat(words) + ":" + endPoint.Port.ToString("X4", CultureInfo.InvariantCulture);
    }
}
