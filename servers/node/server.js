'use strict';
// VmBench echo server: Node.js `net` (libuv). Echo: write back each chunk; readline: echo complete lines.
const fs = require('fs');
const net = require('net');

const NAME = 'node';
const MAX_LINE = 4 * 1024 * 1024; // readline bound, newline included (as the .NET servers)
const BACKLOG = 4096; // listen backlog, as the other servers (node's default of 511 overflows at 10,000 connections)
const USAGE = `usage: ${NAME} --addr HOST:PORT|[IPv6]:PORT|unix:/path --mode echo|readline`;

function usage(error) {
  process.stderr.write(`${NAME}: ${error}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    if ((argv[i] !== '--addr' && argv[i] !== '--mode') || argv[i] in opts) usage(`unexpected argument '${argv[i]}'`);
    if (i + 1 >= argv.length) usage(`${argv[i]} needs a value`);
    opts[argv[i]] = argv[i + 1];
  }
  const addr = opts['--addr'], mode = opts['--mode'];
  if (addr === undefined || mode === undefined) usage('--addr and --mode are required');
  if (mode !== 'echo' && mode !== 'readline') usage(`mode '${mode}' is not supported (supported: echo, readline)`);
  if (addr.startsWith('unix:') && addr.length > 5) return { text: addr, path: addr.slice(5), mode };
  const m = /^(?:\[([^\]]+)\]|([^:\[\]]+)):(\d{1,5})$/.exec(addr);
  const host = m && (m[1] || m[2]), port = m && Number(m[3]);
  if (!m || port > 65535 || net.isIP(host) !== (m[1] ? 6 : 4)) usage(`'${addr}' is not HOST:PORT, [IPv6]:PORT or unix:/path`);
  return { text: addr, host, port, mode };
}

// Backpressure: when the peer is not reading, stop reading from it until its queue drains.
function send(socket, data) {
  if (!socket.write(data)) {
    socket.pause();
    socket.once('drain', () => socket.resume());
  }
}

function echo(socket) {
  socket.on('data', (data) => send(socket, data));
}

function readline(socket) {
  let pending = []; // chunks of the unfinished line
  let pendingLength = 0;
  socket.on('data', (data) => {
    const last = data.lastIndexOf(10);
    if (last < 0) {
      pending.push(data);
      pendingLength += data.length;
      if (pendingLength > MAX_LINE) socket.destroy(); // an endless line: drop the connection
      return;
    }
    // Lines wholly inside one chunk are shorter than a read (64 KiB); only the first can be long.
    if (pendingLength > 0 && pendingLength + data.indexOf(10) + 1 > MAX_LINE) return socket.destroy();
    const complete = last + 1 === data.length ? data : data.subarray(0, last + 1);
    if (pendingLength === 0) send(socket, complete);
    else {
      pending.push(complete);
      send(socket, Buffer.concat(pending, pendingLength + complete.length));
    }
    pending = last + 1 === data.length ? [] : [data.subarray(last + 1)];
    pendingLength = data.length - last - 1;
    if (pendingLength > MAX_LINE) socket.destroy();
  });
}

const opts = parseArgs(process.argv.slice(2));
const handler = opts.mode === 'echo' ? echo : readline;
const sockets = new Set();
// allowHalfOpen false: on the client's EOF node ends our side after writing what is pending.
const server = net.createServer({ allowHalfOpen: false }, (socket) => {
  sockets.add(socket);
  if (opts.path === undefined) socket.setNoDelay(true);
  socket.on('error', () => {}); // resets: 'close' follows
  socket.on('close', () => sockets.delete(socket));
  handler(socket);
});

server.on('error', (err) => {
  process.stderr.write(`${NAME}: cannot listen on ${opts.text}: ${err.message}\n`);
  process.exit(1);
});

if (opts.path !== undefined) {
  try {
    if (fs.lstatSync(opts.path).isSocket()) fs.unlinkSync(opts.path); // stale socket of a crashed run
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  server.listen({ path: opts.path, backlog: BACKLOG });
} else {
  server.listen({ host: opts.host, port: opts.port, ipv6Only: net.isIP(opts.host) === 6, backlog: BACKLOG });
}

function shutdown() {
  server.close();
  for (const socket of sockets) socket.destroy();
  if (opts.path !== undefined) {
    try { fs.unlinkSync(opts.path); } catch (err) { /* already removed by close */ }
  }
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
