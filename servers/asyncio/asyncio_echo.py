"""VmBench's asyncio echo server (Protocol echo, streams readline) on the loop its entry chooses:
servers/asyncio/server.py (the stock selector loop) and servers/uvloop/server.py (uvloop, through a link to this file)."""
import argparse, asyncio, ipaddress, os, signal, socket, stat, sys

MAX_LINE = 4 * 1024 * 1024  # readline bound, newline included (as the .NET servers)
BACKLOG = 4096  # listen backlog, as the other servers
conns = set()  # open transports, aborted at shutdown


def nodelay(transport):
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        conns.add(transport)
        nodelay(transport)

    def data_received(self, data):
        self.transport.write(data)

    def eof_received(self):
        return False  # the transport writes what is pending, then closes

    def pause_writing(self):  # the peer is not reading: stop reading from it
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()

    def connection_lost(self, exc):
        conns.discard(self.transport)


async def readline(reader, writer):
    conns.add(writer.transport)
    nodelay(writer.transport)
    try:
        while True:
            line = await reader.readline()  # ValueError past the limit
            if not line.endswith(b"\n"):
                break  # EOF; a trailing partial line is dropped
            writer.write(line)
            await writer.drain()
    except (ValueError, asyncio.LimitOverrunError, OSError):
        writer.transport.abort()  # an endless line or a reset: drop the connection
    finally:
        conns.discard(writer.transport)
        writer.close()


def address(text):
    if text.startswith("unix:") and len(text) > 5:
        return "unix", text[5:], text
    host, _, port = text.rpartition(":")
    try:
        ip, port = ipaddress.ip_address(host.removeprefix("[").removesuffix("]")), int(port)
        if 0 <= port <= 65535 and (ip.version == 6) == host.startswith("[") == host.endswith("]"):
            return "tcp", (str(ip), port), text
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"'{text}' is not HOST:PORT, [IPv6]:PORT or unix:/path")


async def serve(kind, where, text, mode):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    if kind == "unix":
        try:
            if stat.S_ISSOCK(os.lstat(where).st_mode):
                os.unlink(where)  # stale socket of a crashed run
        except FileNotFoundError:
            pass
    # The accept queue the other servers ask for (asyncio's default of 100 overflows at 10,000 connections).
    if mode == "echo":
        server = await (loop.create_unix_server(Echo, where, backlog=BACKLOG) if kind == "unix"
                        else loop.create_server(Echo, *where, backlog=BACKLOG))
    else:
        server = await (asyncio.start_unix_server(readline, where, limit=MAX_LINE, backlog=BACKLOG) if kind == "unix"
                        else asyncio.start_server(readline, *where, limit=MAX_LINE, backlog=BACKLOG))
    try:
        await stop
    finally:
        server.close()
        for transport in list(conns):
            transport.abort()
        await server.wait_closed()
        if kind == "unix" and os.path.exists(where):
            os.unlink(where)


def main(name, policy):
    p = argparse.ArgumentParser(prog=name, allow_abbrev=False)
    p.add_argument("--addr", required=True, type=address, help="HOST:PORT, [IPv6]:PORT or unix:/path")
    p.add_argument("--mode", required=True, choices=("echo", "readline"))
    args = p.parse_args()  # bad arguments: a usage line on stderr, exit 2
    asyncio.set_event_loop_policy(policy)  # the one difference between the two servers
    try:
        asyncio.run(serve(*args.addr, args.mode))
    except OSError as e:
        print(f"{name}: cannot listen on {args.addr[2]}: {e}", file=sys.stderr)
        return 1
    return 0
