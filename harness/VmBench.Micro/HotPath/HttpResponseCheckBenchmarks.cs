using System.Text;
using BenchmarkDotNet.Attributes;
using VmBench.Load.Internal;

namespace VmBench.Micro.HotPath;

/// <summary>The load client's check of one whole HTTP response (<see cref="HttpResponseChecker"/>), as done for every http request.</summary>
[MemoryDiagnoser]
public class HttpResponseCheckBenchmarks
{
    private readonly byte[] _response = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Length: 13\r\nContent-Type: text/plain\r\nDate: Tue, 24 Nov 2026 22:00:00 GMT\r\n\r\nHello, World!");

    [GlobalSetup]
    public void Setup()
    {
        if (HttpResponseChecker.Check(_response, out _, out var error) != HttpResponseChecker.Outcome.Complete)
        {
            throw new InvalidOperationException($"the sample response does not pass the check: {error}");
        }
    }

    [Benchmark]
    public int CheckHttpResponse()
    {
        HttpResponseChecker.Check(_response, out var length, out _);
        return length;
    }
}
