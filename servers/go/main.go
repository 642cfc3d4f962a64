// VmBench echo server: Go net (the runtime's netpoller), one goroutine per connection.
// Run with GOMAXPROCS=1 (the manifest and the Dockerfile set it), as vmbench's goecho.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	name    = "goecho"
	maxLine = 4 << 20 // readline bound, newline included (as the .NET servers)
	bufSize = 64 << 10
	usage   = "usage: goecho --addr HOST:PORT|[IPv6]:PORT|unix:/path --mode echo|readline"
)

var (
	mu    sync.Mutex
	conns = map[net.Conn]struct{}{}
)

func echo(c net.Conn) {
	buf := make([]byte, bufSize)
	for {
		n, err := c.Read(buf)
		if n > 0 {
			if _, werr := c.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			return // EOF (everything read is written) or a reset
		}
	}
}

func readline(c net.Conn) {
	r := bufio.NewReaderSize(c, bufSize)
	w := bufio.NewWriterSize(c, bufSize)
	var long []byte // a line longer than the read buffer, being assembled
	lined := 0      // buffered bytes known to end in a newline: read on without flushing
	for {
		piece, err := r.ReadSlice('\n')
		line := piece
		if err == bufio.ErrBufferFull || (err == nil && len(long) > 0) {
			if len(long)+len(piece) > maxLine {
				return // an endless line: drop the connection
			}
			long = append(long, piece...)
			if err != nil {
				continue
			}
			line, long = long, nil
		} else if err != nil {
			w.Flush() // EOF or a reset; a trailing partial line is dropped
			return
		}
		if _, err := w.Write(line); err != nil {
			return
		}
		// Answer pipelined lines in one write, but flush before a read could block.
		if lined -= len(piece); lined <= 0 {
			rest, _ := r.Peek(r.Buffered())
			if lined = bytes.LastIndexByte(rest, '\n') + 1; lined == 0 {
				if err := w.Flush(); err != nil {
					return
				}
			}
		}
	}
}

func serve(c net.Conn, handler func(net.Conn)) {
	defer func() {
		mu.Lock()
		delete(conns, c)
		mu.Unlock()
		c.Close()
	}()
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	handler(c)
}

func fail(code int, format string, args ...any) {
	fmt.Fprintf(os.Stderr, name+": "+format+"\n", args...)
	if code == 2 {
		fmt.Fprintln(os.Stderr, usage)
	}
	os.Exit(code)
}

func main() {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", "", "HOST:PORT, [IPv6]:PORT or unix:/path")
	mode := fs.String("mode", "", "echo or readline")
	version := fs.Bool("version", false, "print the Go version the binary was built with, and exit")
	if err := fs.Parse(os.Args[1:]); err != nil {
		fail(2, "%v", err)
	}
	if *version {
		fmt.Println(runtime.Version())
		return
	}
	if fs.NArg() > 0 {
		fail(2, "unexpected argument '%s'", fs.Arg(0))
	}
	if *addr == "" || *mode == "" {
		fail(2, "--addr and --mode are required")
	}
	handler := map[string]func(net.Conn){"echo": echo, "readline": readline}[*mode]
	if handler == nil {
		fail(2, "mode '%s' is not supported (supported: echo, readline)", *mode)
	}
	network, where := "tcp", *addr
	if path := strings.TrimPrefix(*addr, "unix:"); path != *addr && path != "" {
		network, where = "unix", path
		if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSocket != 0 {
			os.Remove(path) // stale socket of a crashed run
		}
	} else if ap, err := netip.ParseAddrPort(*addr); err != nil || ap.Addr().Zone() != "" {
		fail(2, "'%s' is not HOST:PORT, [IPv6]:PORT or unix:/path", *addr)
	} else if ap.Addr().Is4() {
		network = "tcp4"
	} else {
		network = "tcp6"
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	ln, err := net.Listen(network, where)
	if err != nil {
		fail(1, "cannot listen on %s: %v", *addr, err)
	}

	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				if errors.Is(err, net.ErrClosed) {
					return
				}
				time.Sleep(10 * time.Millisecond) // e.g. EMFILE: back off, keep serving the others
				continue
			}
			mu.Lock()
			conns[c] = struct{}{}
			mu.Unlock()
			go serve(c, handler)
		}
	}()
	<-stop
	ln.Close() // a unix listener removes its socket file
	mu.Lock()
	for c := range conns {
		c.Close()
	}
	mu.Unlock()
	os.Exit(0)
}
