using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Runtimes.Processes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>Follows a container's stdout and stderr (the engine's multiplexed stream) into a bounded buffer, so the log tail is at hand synchronously.</summary>
internal sealed class ContainerLogs
{
    private readonly LogBuffer _buffer = new(200);
    private readonly BoundedLines _stdout;
    private readonly BoundedLines _stderr;

    public ContainerLogs()
    {
        _stdout = new BoundedLines(_buffer.Add);
        _stderr = new BoundedLines(_buffer.Add);
    }

    public string Tail(int lines)
    {
        lock (_buffer)
        {
            var tail = _buffer.Tail(lines);
            var pending = string.Join('\n', new[] { _stdout.Pending, _stderr.Pending }.Where(p => p.Length > 0));
            return pending.Length == 0 ? tail : tail.Length == 0 ? pending : tail + "\n" + pending;
        }
    }

    /// <summary>Reads until the container's output ends (it exited) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task FollowAsync(DockerClient client, string id, CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Follow = true };
        try
        {
            using var stream = await client.Containers.GetContainerLogsAsync(id, false, parameters, cancellationToken).ConfigureAwait(false);
            var buffer = new byte[8192];
            var decoderOut = Encoding.UTF8.GetDecoder();
            var decoderErr = Encoding.UTF8.GetDecoder();
            var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
                if (read.EOF)
                {
                    break;
                }

                var toErr = read.Target == MultiplexedStream.TargetStream.StandardError;
                var count = (toErr ? decoderErr : decoderOut).GetChars(buffer, 0, read.Count, chars, 0);
                Append(toErr ? _stderr : _stdout, chars.AsSpan(0, count));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped following: the container is being removed.
        }
        catch (Exception ex) when (ex is DockerApiException or IOException or HttpRequestException)
        {
            lock (_buffer)
            {
                _buffer.Add($"[vmbench: container log unavailable: {ex.Message}]");
            }
        }
    }

    private void Append(BoundedLines pending, ReadOnlySpan<char> text)
    {
        lock (_buffer)
        {
            pending.Write(text);
        }
    }
}
