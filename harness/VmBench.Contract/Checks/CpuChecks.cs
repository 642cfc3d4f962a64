using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>The manifest's <c>"cpus": "all"</c>: a server that says it uses every CPU it is given does.</summary>
public static class CpuChecks
{
    private const int Connections = 8;
    private const int MessageSize = 16 * 1024; // bytes to copy make the server, not the test's client, do most of the work
    private const double MostOneThreadMayDo = 0.75;
    private const long FewestNanoseconds = 20_000_000; // 20 ms of CPU: enough to tell one busy thread from several
    private static readonly TimeSpan s_load = TimeSpan.FromSeconds(2);

    /// <summary>
    /// On a machine with two CPUs or more (the check's server is not pinned, so <c>{cpus}</c> is all of them): with
    /// eight connections echoing 16 KiB messages, no single thread of the server (in every process holding its listening socket) does
    /// more than three quarters of its CPU time. A server with one loop does nearly all of it on that loop's thread.
    /// </summary>
    public static readonly ContractCheck EveryCpu = new(
        "Spreads_its_work_over_every_cpu_it_is_given",
        b => b.Server.Cpus == CpuUse.All && b.Protocol.Mode == Mode.Echo && b.Protocol.Address == AddressKind.Tcp && ContractCheck.Contracted(b) && Environment.ProcessorCount >= 2,
        async c =>
        {
            var listener = (IPEndPoint)c.Address.EndPoint;
            var inode = ProcSockets.Inode(listener, null)
                ?? throw new ContractViolation($"its listening socket on {c.Address} is not in /proc/net/tcp (is the server on this machine?)");
            var pids = ProcSockets.Holders(inode).Select(h => h.Pid).ToArray();
            ContractViolation.Unless(pids.Length > 0, $"no process this user may inspect holds its listening socket (inode {inode}); run as root or as the server's user");

            var (before, after) = await EchoForAsync(c, s_load, () => CpuTimes(pids)).ConfigureAwait(false);

            var used = after.Select(t => (Task: t.Key, Nanoseconds: t.Value - before.GetValueOrDefault(t.Key))).Where(t => t.Nanoseconds > 0).OrderByDescending(t => t.Nanoseconds).ToArray();
            var total = used.Sum(t => t.Nanoseconds);
            ContractViolation.Unless(total >= FewestNanoseconds, $"it used {total / 1e6:0} ms of CPU in {s_load.TotalSeconds:0} s of echoing on {Connections} connections: too little to tell how it spreads its work");
            var busiest = used[0];
            ContractViolation.Unless(
                busiest.Nanoseconds <= MostOneThreadMayDo * total,
                $"given {Environment.ProcessorCount} CPUs, its thread {busiest.Task} did {100.0 * busiest.Nanoseconds / total:0} % of its CPU time under load " +
                $"(at most {MostOneThreadMayDo * 100:0} % expected of a server declaring \"cpus\": \"all\"); threads by CPU time: " +
                string.Join(", ", used.Take(6).Select(t => $"{t.Task} {t.Nanoseconds / 1e6:0} ms")));
        });

    /// <summary>
    /// Every connection echoes messages in a closed loop, each verified, until <paramref name="duration"/> is up; <paramref name="read"/>
    /// reads the server's CPU times before and after, with the connections open (a thread-per-connection server's threads end with them).
    /// </summary>
    private static async Task<(T Before, T After)> EchoForAsync<T>(CheckContext c, TimeSpan duration, Func<T> read)
    {
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                sockets.Add(await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false));
            }

            var before = read();
            var until = DateTime.UtcNow + duration;
            await Task.WhenAll(sockets.Select((socket, i) => Task.Run(async () =>
            {
                var payload = Wire.Payload(MessageSize, i);
                while (DateTime.UtcNow < until && !c.CancellationToken.IsCancellationRequested)
                {
                    await Wire.SendAsync(socket, payload).ConfigureAwait(false);
                    var echoed = await Wire.ReadAsync(socket, MessageSize).ConfigureAwait(false);
                    ContractViolation.Unless(payload.AsSpan().SequenceEqual(echoed), $"a {MessageSize}-byte message was not echoed byte for byte under load");
                }
            }, c.CancellationToken))).ConfigureAwait(false);
            return (before, read());
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>The time on a CPU so far of every thread of <paramref name="pids"/>, in nanoseconds (schedstat's first field), by "pid/tid"; threads gone since are left out.</summary>
    private static Dictionary<string, long> CpuTimes(IEnumerable<int> pids)
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pid in pids)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                {
                    var schedstat = File.ReadAllText(Path.Combine(task, "schedstat"));
                    times[$"{pid}/{Path.GetFileName(task)}"] = long.Parse(schedstat.AsSpan(0, schedstat.IndexOf(' ')), CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // a thread or process that ended while being read
            }
        }

        return times;
    }
}
