using System.Diagnostics;
using System.Runtime.InteropServices;
using VmBench.Core.Model;

namespace VmBench.Load.Tests.TestServers;

/// <summary>
/// A threaded Python echo server in its own process on 127.0.0.1 (a free port), so a test can freeze it with
/// SIGSTOP; disposing resumes and kills it, whatever the test did.
/// </summary>
public sealed class EchoProcess : IDisposable
{
    private const int SigKill = 9;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private const string Script = """
        import socket, sys, threading
        def serve(c):
            with c:
                while True:
                    data = c.recv(262144)
                    if not data:
                        return
                    c.sendall(data)
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen(64)
        print(s.getsockname()[1], flush=True)
        while True:
            c, _ = s.accept()
            c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=serve, args=(c,), daemon=True).start()
        """;

    private readonly Process _process;

    public EchoProcess()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var line = _process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(10)) || !int.TryParse(line.Result, out var port))
        {
            Dispose();
            throw new InvalidOperationException("the python3 echo server did not print its port within 10 s");
        }

        Address = Address.Parse($"127.0.0.1:{port}");
    }

    public Address Address { get; }

    public void Freeze() => Signal(SigStop);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill(_process.Id, SigCont);
            Kill(_process.Id, SigKill);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
