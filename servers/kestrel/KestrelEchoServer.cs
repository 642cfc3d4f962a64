using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmBench.Servers.Hosting;
using VmBench.Servers.Kestrel.Internal;

namespace VmBench.Servers.Kestrel;

/// <summary>
/// Kestrel from the ASP.NET Core shared framework, hosted in-process: echo and readline are raw
/// <see cref="ConnectionHandler"/>s working on the connection's pipes, http is a minimal
/// keep-alive HTTP/1.1 endpoint answering <c>GET /</c>. With TLS, Kestrel's own TLS middleware
/// (<c>UseHttps</c>) runs ahead of the echo and readline handlers.
/// </summary>
public sealed class KestrelEchoServer : IEchoServer
{
    /// <summary>How long a stop waits for open HTTP requests before Kestrel aborts the connections.</summary>
    private static readonly TimeSpan s_shutdownTimeout = TimeSpan.FromSeconds(2);

    private WebApplication? _app;
    private EndPoint? _localEndPoint;

    public IReadOnlyCollection<ServerMode> Modes { get; } = [ServerMode.Echo, ServerMode.Readline, ServerMode.Http];

    public bool SupportsTls => true;

    public EndPoint LocalEndPoint => _localEndPoint ?? throw new InvalidOperationException("The server is not started.");

    public async ValueTask StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_app is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var app = Build(options);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            _localEndPoint = BoundEndPoint(app, options.EndPoint);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;
    }

    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        var app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => StopAsync(CancellationToken.None);

    private static WebApplication Build(ServerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.None);

        // The process (ServerHost or a test) owns signals and console output, not the host.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = s_shutdownTimeout);
        builder.Services.AddSingleton(new ReadlineConnectionHandler(options.MaxLineLength));
        builder.Services.AddSingleton<EchoConnectionHandler>();

        // Blocks as large as one socket read: the transport receives into one block at a time.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>>(new BlockMemoryPoolFactory(BlockMemoryPool.DefaultBlockSize, BlockMemoryPool.DefaultRetainedBlocks));

        builder.WebHost.UseSockets(sockets =>
        {
            // The handlers never block: run them on the socket engine's thread instead of hopping
            // to the thread pool for every read. Together with the socket engine's inline
            // completions (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1, set in server.json) an
            // echo then runs start to end on the epoll thread, as a C event loop does.
            sockets.UnsafePreferInlineScheduling = true;

            // The accept queue the other servers ask for (Kestrel's default of 512 overflows when 1,000 connect at once).
            sockets.Backlog = 4096;

            // WaitForDataBeforeAllocatingBuffer stays on (the default): a quiet connection holds
            // no block, which matters with blocks of BlockMemoryPool.DefaultBlockSize.
            if (options.Mode == ServerMode.Readline)
            {
                // The input pipe must hold a whole line of the allowed length, or the reader
                // (waiting for a newline) and the paused socket reader would wait on each other.
                sockets.MaxReadBufferSize = options.MaxLineLength + (64L * 1024);
            }
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (options.EndPoint is UnixDomainSocketEndPoint unix)
            {
                kestrel.ListenUnixSocket(unix.ToString(), listen => Configure(listen, options));
            }
            else if (options.EndPoint is IPEndPoint ip)
            {
                kestrel.Listen(ip, listen => Configure(listen, options));
            }
            else
            {
                throw new ArgumentException($"Unsupported endpoint '{options.EndPoint}'.", nameof(options));
            }
        });

        var app = builder.Build();
        if (options.Mode == ServerMode.Http)
        {
            app.Run(HelloWorldEndpoint.HandleAsync);
        }

        return app;
    }

    private static void Configure(ListenOptions listen, ServerOptions options)
    {
        if (options.Tls is { } tls)
        {
            // Kestrel's TLS connection middleware, ahead of the handler: the handler's pipes carry plaintext. The
            // handshake options are Hosting's (ServerTls), one instance for every connection, as the other servers use.
            var handshake = ValueTask.FromResult(tls.AuthenticationOptions);
            listen.UseHttps(new TlsHandshakeCallbackOptions { OnConnection = _ => handshake, HandshakeTimeout = ServerTls.HandshakeTimeout });
        }

        switch (options.Mode)
        {
            case ServerMode.Echo:
                listen.UseConnectionHandler<EchoConnectionHandler>();
                break;
            case ServerMode.Readline:
                listen.UseConnectionHandler<ReadlineConnectionHandler>();
                break;
            default:
                listen.Protocols = HttpProtocols.Http1;
                break;
        }
    }

    /// <summary>The endpoint Kestrel really bound: with port 0 asked, the port comes from the addresses feature.</summary>
    private static EndPoint BoundEndPoint(WebApplication app, EndPoint requested)
    {
        if (requested is not IPEndPoint ip)
        {
            return requested;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        foreach (var address in addresses)
        {
            var binding = BindingAddress.Parse(address);
            if (!binding.IsUnixPipe && binding.Port > 0)
            {
                return new IPEndPoint(ip.Address, binding.Port);
            }
        }

        throw new InvalidOperationException($"Kestrel reported no bound TCP address (addresses: {string.Join(", ", addresses)}).");
    }
}
