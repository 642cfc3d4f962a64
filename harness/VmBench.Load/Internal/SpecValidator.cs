using System.Globalization;
using System.Net;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Core.Model;

namespace VmBench.Load.Internal;

/// <summary>Checks a <see cref="LoadSpec"/> before anything connects; throws <see cref="ArgumentException"/> with a message naming the field.</summary>
internal static class SpecValidator
{
    public const int MaxConcurrency = 100_000;
    public const long MaxRequestBytes = 256L * 1024 * 1024;

    public static TargetAddress Validate(LoadSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Concurrency is < 1 or > MaxConcurrency)
        {
            throw new ArgumentException($"concurrency must be from 1 to {MaxConcurrency.ToString("N0", CultureInfo.InvariantCulture)} (got {spec.Concurrency})");
        }

        if (spec.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"duration must be more than 0 s (got {spec.Duration.TotalSeconds} s)");
        }

        if (spec.Warmup < TimeSpan.Zero)
        {
            throw new ArgumentException($"warm-up must be 0 s or more (got {spec.Warmup.TotalSeconds} s)");
        }

        if (spec.Rate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentException($"rate must be a positive number of requests/s (got {rate})");
        }

        if (spec.Mode != Mode.Http)
        {
            var minimum = spec.Mode == Mode.Readline ? 2 : 1;
            if (spec.MessageSize < minimum)
            {
                throw new ArgumentException(spec.Mode == Mode.Readline
                    ? $"message size must be at least 2 bytes in readline mode (a printable byte and the newline; got {spec.MessageSize})"
                    : $"message size must be at least 1 byte (got {spec.MessageSize})");
            }

            if (spec.MessagesPerRequest < 1)
            {
                throw new ArgumentException($"messages per request must be at least 1 (got {spec.MessagesPerRequest})");
            }

            if ((long)spec.MessageSize * spec.MessagesPerRequest > MaxRequestBytes)
            {
                throw new ArgumentException($"message size x messages per request must be at most 256 MiB (got {(long)spec.MessageSize * spec.MessagesPerRequest} bytes)");
            }
        }

        if (spec.Tls is not null && spec.Mode == Mode.Http)
        {
            throw new ArgumentException("TLS runs echo and readline only (got mode http)");
        }

        // Refused before any lookup: a name other than localhost is never resolved without the opt-in.
        var target = TargetAddress.Of(spec.Address);
        if (!target.IsLoopback && !spec.AllowNonLoopback)
        {
            throw new NonLoopbackTargetException(spec.Address.ToString());
        }

        var resolved = target.Resolve();
        if (spec.Pattern == LoadPattern.Churn)
        {
            ValidateChurn(spec, resolved);
        }

        return resolved;
    }

    /// <summary>Churn binds every connection to a source address of 127.0.0.0/8 (<see cref="SourceAddresses"/>): echo, one message per connection, to an IPv4 loopback server.</summary>
    private static void ValidateChurn(LoadSpec spec, TargetAddress target)
    {
        if (spec.Mode != Mode.Echo)
        {
            throw new ArgumentException($"churn (one connection per request) runs echo exchanges only (got mode {Names.Of(spec.Mode)})");
        }

        if (spec.MessagesPerRequest != 1)
        {
            throw new ArgumentException($"churn sends one message per connection (got {spec.MessagesPerRequest} messages per request)");
        }

        if (target.EndPoint is not IPEndPoint { AddressFamily: AddressFamily.InterNetwork } ip || !IPAddress.IsLoopback(ip.Address))
        {
            throw new ArgumentException(target.IsUnix
                ? $"churn (one connection per request) runs over tcp only, not a unix socket ({target.Text})"
                : $"churn (one connection per request) needs an IPv4 loopback target (127.0.0.0/8; got {target.Text}): it spreads its connections over {SourceAddresses.Count} source addresses of 127.0.0.0/8 so TIME_WAIT cannot run out of ports, and IPv6 has one loopback address");
        }
    }
}
