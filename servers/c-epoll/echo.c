/*
 * VmBench reference server: one thread, one level-triggered epoll loop, non-blocking sockets.
 *
 * Every read goes into one shared 128 KiB loop buffer and is written straight back. Only when a
 * write is short does the unsent rest move into a heap buffer of that connection; the connection
 * then waits for EPOLLOUT and is not read until the rest is sent (backpressure). An idle
 * connection holds no buffer, only its small struct. readline answers the bytes up to the last
 * newline of what it has (each line is its own answer), and keeps a partial line (at most 4 MiB)
 * on the heap until its newline arrives.
 *
 *   c-epoll --addr HOST:PORT|[IPv6]:PORT|unix:/path --mode echo|readline
 *
 * C_EPOLL_BURN_NS_PER_KIB=N (default 0): after each read of n bytes, busy-spin n*N/1024 ns, so
 * the server can be made a known amount slower at every payload size (to check the harness's
 * statistics against a known difference).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define NAME "c-epoll"
#define USAGE "usage: c-epoll --addr HOST:PORT|[IPv6]:PORT|unix:/path --mode echo|readline"
#define BUF_SIZE (128 * 1024)
#define MAX_LINE (4 * 1024 * 1024) /* readline bound, newline included */
#define MAX_EVENTS 256
#define ACCEPT_BATCH 64
#define ACCEPT_PAUSE_MS 50 /* after EMFILE and the like: stop accepting this long */

enum { MODE_ECHO, MODE_READLINE };

struct conn {
    int fd;
    int writing;          /* waiting for EPOLLOUT to send out (not reading meanwhile) */
    char *out;            /* unsent rest of a short write */
    size_t out_len, out_off;
    char *line;           /* readline: a partial line, waiting for its newline */
    size_t line_len, line_cap;
    struct conn *prev, *next;
};

static char g_buf[BUF_SIZE];
static int g_mode;
static int g_epfd = -1;
static int g_listen_fd = -1;
static int g_sig_fd = -1;
static const char *g_unix_path;
static struct conn *g_conns;
static uint64_t g_burn_ns_per_kib;

/* Tags in epoll_event.data.ptr for the two fds that are not connections. */
static char g_listen_tag, g_sig_tag;

static void usage_exit(const char *fmt, const char *arg)
{
    fprintf(stderr, NAME ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n" USAGE "\n");
    exit(2);
}

static void start_fail(const char *what, const char *arg, int err, const char *fix)
{
    fprintf(stderr, NAME ": %s %s: %s; %s\n", what, arg, strerror(err), fix);
    exit(1);
}

static void burn(size_t n)
{
    uint64_t ns = (uint64_t)n * g_burn_ns_per_kib / 1024;
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    uint64_t end = (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec + ns;
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec >= end)
            return;
    }
}

static uint64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

static void conn_close(struct conn *c)
{
    close(c->fd); /* also removes it from the epoll set */
    if (c->prev)
        c->prev->next = c->next;
    else
        g_conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    free(c->out);
    free(c->line);
    free(c);
}

static int conn_watch(struct conn *c, int writing)
{
    struct epoll_event ev;
    /* No EPOLLRDHUP while writing: level-triggered, it would fire on every wait until reading resumes. */
    ev.events = writing ? EPOLLOUT : (EPOLLIN | EPOLLRDHUP);
    ev.data.ptr = c;
    c->writing = writing;
    return epoll_ctl(g_epfd, EPOLL_CTL_MOD, c->fd, &ev);
}

/* Sends a then b (either may be empty); keeps what the socket did not take. 0 = fine, -1 = close. */
static int conn_send(struct conn *c, const char *a, size_t alen, const char *b, size_t blen)
{
    size_t total = alen + blen;
    ssize_t w;
    if (total == 0)
        return 0;
    do {
        if (alen && blen) {
            struct iovec iov[2] = { { (void *)a, alen }, { (void *)b, blen } };
            struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };
            w = sendmsg(c->fd, &msg, MSG_NOSIGNAL);
        } else if (alen) {
            w = send(c->fd, a, alen, MSG_NOSIGNAL);
        } else {
            w = send(c->fd, b, blen, MSG_NOSIGNAL);
        }
    } while (w < 0 && errno == EINTR);
    if (w < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return -1; /* EPIPE, ECONNRESET, ... */
        w = 0;
    }
    if ((size_t)w == total)
        return 0;

    size_t rest = total - (size_t)w;
    char *out = malloc(rest);
    if (!out)
        return -1;
    size_t skip = (size_t)w, o = 0;
    if (skip < alen) {
        memcpy(out, a + skip, alen - skip);
        o = alen - skip;
        skip = 0;
    } else {
        skip -= alen;
    }
    memcpy(out + o, b + skip, blen - skip);
    c->out = out;
    c->out_len = rest;
    c->out_off = 0;
    return conn_watch(c, 1);
}

/* readline: answer the complete lines of what arrived, keep a partial line. */
static int readline_data(struct conn *c, const char *data, size_t n)
{
    const char *last = memrchr(data, '\n', n);
    if (!last) {
        size_t len = c->line_len + n;
        if (len >= MAX_LINE)
            return -1; /* with its newline it would be longer than the bound: drop */
        if (len > c->line_cap) {
            size_t cap = c->line_cap ? c->line_cap : 4096;
            while (cap < len)
                cap *= 2;
            if (cap > MAX_LINE)
                cap = MAX_LINE;
            char *line = realloc(c->line, cap);
            if (!line)
                return -1;
            c->line = line;
            c->line_cap = cap;
        }
        memcpy(c->line + c->line_len, data, n);
        c->line_len = len;
        return 0;
    }

    size_t head = (size_t)(last - data) + 1, tail = n - head;
    if (c->line_len) {
        const char *first = memchr(data, '\n', head);
        if (c->line_len + (size_t)(first - data) + 1 > MAX_LINE)
            return -1;
    }
    /* The answer is the pending partial line and everything up to the last newline. */
    char *line = c->line;
    size_t line_len = c->line_len;
    c->line = NULL;
    c->line_len = c->line_cap = 0;
    int r = conn_send(c, line, line_len, data, head);
    free(line);
    if (r < 0)
        return -1;
    if (tail) {
        if (tail >= MAX_LINE)
            return -1;
        size_t cap = 4096;
        while (cap < tail)
            cap *= 2;
        c->line = malloc(cap);
        if (!c->line)
            return -1;
        memcpy(c->line, data + head, tail);
        c->line_len = tail;
        c->line_cap = cap;
    }
    return 0;
}

static void on_readable(struct conn *c)
{
    ssize_t n;
    do {
        n = read(c->fd, g_buf, sizeof g_buf);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return;
        conn_close(c); /* ECONNRESET and the like */
        return;
    }
    if (n == 0) {
        /* EOF (a half-close or a close). Nothing is pending: a connection with unsent bytes is not
         * read until they are sent. A trailing partial line is dropped. */
        conn_close(c);
        return;
    }
    if (g_burn_ns_per_kib)
        burn((size_t)n);
    int r = g_mode == MODE_ECHO ? conn_send(c, NULL, 0, g_buf, (size_t)n) : readline_data(c, g_buf, (size_t)n);
    if (r < 0)
        conn_close(c);
}

static void on_writable(struct conn *c)
{
    while (c->out_off < c->out_len) {
        ssize_t w = send(c->fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            conn_close(c);
            return;
        }
        c->out_off += (size_t)w;
    }
    free(c->out);
    c->out = NULL;
    c->out_len = c->out_off = 0;
    if (conn_watch(c, 0) < 0)
        conn_close(c);
}

static void listener_watch(int on)
{
    struct epoll_event ev = { .events = on ? EPOLLIN : 0, .data.ptr = &g_listen_tag };
    epoll_ctl(g_epfd, EPOLL_CTL_MOD, g_listen_fd, &ev);
}

/* Returns 1 when accepting must pause (out of descriptors or memory). */
static int on_accept(void)
{
    for (int i = 0; i < ACCEPT_BATCH; i++) {
        int fd = accept4(g_listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            switch (errno) {
            case EAGAIN:
#if EAGAIN != EWOULDBLOCK
            case EWOULDBLOCK:
#endif
                return 0;
            case EMFILE:
            case ENFILE:
            case ENOBUFS:
            case ENOMEM:
                return 1;
            default:
                continue; /* ECONNABORTED, EINTR, EPROTO, ...: that one connection is gone */
            }
        }
        struct conn *c = calloc(1, sizeof *c);
        if (!c) {
            close(fd);
            return 1;
        }
        c->fd = fd;
        if (!g_unix_path) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        }
        struct epoll_event ev = { .events = EPOLLIN | EPOLLRDHUP, .data.ptr = c };
        if (epoll_ctl(g_epfd, EPOLL_CTL_ADD, fd, &ev) < 0) {
            close(fd);
            free(c);
            return 1;
        }
        c->next = g_conns;
        if (g_conns)
            g_conns->prev = c;
        g_conns = c;
    }
    return 0;
}

static void shutdown_exit(void)
{
    close(g_listen_fd);
    if (g_unix_path)
        unlink(g_unix_path);
    while (g_conns)
        conn_close(g_conns);
    close(g_epfd);
    exit(0);
}

static int parse_port(const char *s, in_port_t *port)
{
    char *end;
    if (!*s || strlen(s) > 5)
        return -1;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return -1;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > 65535)
        return -1;
    *port = htons((in_port_t)v);
    return 0;
}

/* Fills addr from HOST:PORT, [IPv6]:PORT or unix:/path; -1 when it is none of them. */
static int parse_addr(const char *arg, struct sockaddr_storage *addr, socklen_t *len)
{
    char host[INET6_ADDRSTRLEN + 1];
    memset(addr, 0, sizeof *addr);
    if (strncmp(arg, "unix:", 5) == 0) {
        struct sockaddr_un *un = (struct sockaddr_un *)addr;
        const char *path = arg + 5;
        if (!*path || strlen(path) >= sizeof un->sun_path)
            return -1;
        un->sun_family = AF_UNIX;
        strcpy(un->sun_path, path);
        *len = (socklen_t)sizeof *un;
        return 0;
    }
    const char *colon = strrchr(arg, ':');
    if (!colon)
        return -1;
    size_t hlen = (size_t)(colon - arg);
    if (arg[0] == '[') {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
        if (hlen < 3 || arg[hlen - 1] != ']' || hlen - 2 > INET6_ADDRSTRLEN)
            return -1;
        memcpy(host, arg + 1, hlen - 2);
        host[hlen - 2] = 0;
        if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1 || parse_port(colon + 1, &in6->sin6_port) < 0)
            return -1;
        in6->sin6_family = AF_INET6;
        *len = (socklen_t)sizeof *in6;
        return 0;
    }
    struct sockaddr_in *in4 = (struct sockaddr_in *)addr;
    if (hlen == 0 || hlen > INET_ADDRSTRLEN)
        return -1;
    memcpy(host, arg, hlen);
    host[hlen] = 0;
    if (inet_pton(AF_INET, host, &in4->sin_addr) != 1 || parse_port(colon + 1, &in4->sin_port) < 0)
        return -1;
    in4->sin_family = AF_INET;
    *len = (socklen_t)sizeof *in4;
    return 0;
}

static void parse_burn(void)
{
    const char *s = getenv("C_EPOLL_BURN_NS_PER_KIB");
    if (!s || !*s)
        return;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s < '0' || *s > '9' || *end || errno || v > 1000000000ull) {
        fprintf(stderr, NAME ": C_EPOLL_BURN_NS_PER_KIB='%s' is not a whole number of nanoseconds per KiB (0 to 1000000000); unset it or give one\n", s);
        exit(1);
    }
    g_burn_ns_per_kib = v;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        /* The compiler that built this binary (for run.json's versions). */
        printf("cc %s\n", __VERSION__);
        return 0;
    }
    const char *addr_arg = NULL, *mode_arg = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        const char **slot;
        if (strncmp(a, "--addr", 6) == 0 && (a[6] == 0 || a[6] == '=')) {
            slot = &addr_arg;
            v = a[6] ? a + 7 : NULL;
        } else if (strncmp(a, "--mode", 6) == 0 && (a[6] == 0 || a[6] == '=')) {
            slot = &mode_arg;
            v = a[6] ? a + 7 : NULL;
        } else {
            usage_exit("unexpected argument '%s'", a);
        }
        if (!v) {
            if (i + 1 >= argc)
                usage_exit("%s needs a value", a);
            v = argv[++i];
        }
        *slot = v;
    }
    if (!addr_arg || !mode_arg)
        usage_exit("%s", "--addr and --mode are required");
    if (strcmp(mode_arg, "echo") == 0)
        g_mode = MODE_ECHO;
    else if (strcmp(mode_arg, "readline") == 0)
        g_mode = MODE_READLINE;
    else
        usage_exit("mode '%s' is not supported (supported: echo, readline)", mode_arg);
    struct sockaddr_storage addr;
    socklen_t addr_len;
    if (parse_addr(addr_arg, &addr, &addr_len) < 0)
        usage_exit("'%s' is not HOST:PORT, [IPv6]:PORT or unix:/path", addr_arg);
    parse_burn();

    /* As many connections as the hard limit allows. */
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    /* Buffers of short writes and long lines come from mmap and go back to the system when freed. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0 || (g_sig_fd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC)) < 0)
        start_fail("cannot set up signal handling for", addr_arg, errno, "check the process's limits");
    signal(SIGPIPE, SIG_IGN);

    int family = addr.ss_family;
    g_listen_fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (g_listen_fd < 0)
        start_fail("cannot create a socket for", addr_arg, errno, "check the process's descriptor limit");
    if (family == AF_UNIX) {
        const char *path = ((struct sockaddr_un *)&addr)->sun_path;
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
            unlink(path); /* stale socket of a crashed run */
    } else {
        int one = 1;
        setsockopt(g_listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (family == AF_INET6)
            setsockopt(g_listen_fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    if (bind(g_listen_fd, (struct sockaddr *)&addr, addr_len) < 0)
        start_fail("cannot listen on", addr_arg, errno,
                   errno == EADDRINUSE ? "stop what uses it or choose another address"
                                       : "choose an address this machine has and this user may bind");
    if (family == AF_UNIX)
        g_unix_path = ((struct sockaddr_un *)&addr)->sun_path;
    if (listen(g_listen_fd, 65535) < 0) {
        int err = errno;
        if (g_unix_path)
            unlink(g_unix_path);
        start_fail("cannot listen on", addr_arg, err, "stop what uses it or choose another address");
    }

    g_epfd = epoll_create1(EPOLL_CLOEXEC);
    if (g_epfd < 0)
        start_fail("cannot create an epoll instance for", addr_arg, errno, "check the process's limits");
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &g_listen_tag };
    epoll_ctl(g_epfd, EPOLL_CTL_ADD, g_listen_fd, &ev);
    ev.data.ptr = &g_sig_tag;
    epoll_ctl(g_epfd, EPOLL_CTL_ADD, g_sig_fd, &ev);

    struct epoll_event events[MAX_EVENTS];
    int paused = 0;
    uint64_t resume_at = 0;
    for (;;) {
        int n = epoll_wait(g_epfd, events, MAX_EVENTS, paused ? ACCEPT_PAUSE_MS : -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, NAME ": epoll_wait: %s\n", strerror(errno));
            exit(1);
        }
        if (paused && now_ms() >= resume_at) {
            paused = 0;
            listener_watch(1);
        }
        for (int i = 0; i < n; i++) {
            void *p = events[i].data.ptr;
            uint32_t e = events[i].events;
            if (p == &g_sig_tag) {
                shutdown_exit();
            } else if (p == &g_listen_tag) {
                if (on_accept() && !paused) {
                    paused = 1; /* level-triggered, the listener would wake every wait: look away */
                    resume_at = now_ms() + ACCEPT_PAUSE_MS;
                    listener_watch(0);
                }
            } else {
                struct conn *c = p;
                if (c->writing)
                    on_writable(c); /* EPOLLERR/EPOLLHUP: the send fails and closes */
                else if (e & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))
                    on_readable(c); /* read returns the data, then 0 (EOF) or the error */
            }
        }
    }
}
