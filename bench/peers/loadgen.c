/*
 * loadgen: a single-threaded epoll load generator for echo servers that checks every byte (bench/compare-echo.sh).
 *
 * Echo load:
 *   loadgen HOST PORT [-c N] [--size BYTES] [--duration SECS] [--pipeline N]
 *     N connections (default 50), each sends a message of BYTES bytes (default 64; a K or M suffix means KiB or MiB),
 *     waits for the whole echo, compares every byte, and sends the next; with --pipeline N each connection keeps N
 *     messages in flight (default 1). Runs for SECS seconds (default 5, fractions allowed) after all are connected.
 *     Every message's content differs from the one before (a slice of a random pattern at an offset that depends on
 *     the connection and the message's number), so a lost, repeated, reordered or corrupted echo is caught.
 *     Prints one JSON line:
 *       {"mode":"echo","connections":50,"size":64,"pipeline":1,"duration_s":5.000,"round_trips":...,
 *        "round_trips_per_s":...,"mb_per_s":...,"mismatches":0,"errors":0,"p50_us":...,"p90_us":...,"p99_us":...,
 *        "p999_us":...,"max_us":...,"connect_ms":...}
 *     round_trips counts whole echoes back before the end; mb_per_s is echoed payload one way (10^6 bytes a second);
 *     mismatches counts messages whose echo differed in any byte (or came back longer than what was sent); errors
 *     counts connections that failed to connect, were closed or reset; latencies are per message, from its first
 *     byte sent to its last byte back, in microseconds.
 *
 * Idle connections:
 *   loadgen HOST PORT --idle N [--hold SECS] [--window W]
 *     Opens N connections, at most W (default 1000) not yet answered at a time; each sends one byte as soon as it is
 *     connected and waits for its echo, so a connection counts only once the server has accepted it and served it.
 *     Then prints one JSON line and holds them all for SECS seconds (default 10) before closing them (abortively, so
 *     no TIME_WAIT is left on the loopback ports):
 *       {"mode":"idle","connections":N,"connected":N,"connect_ms":...,"mismatches":0,"errors":0,"hold_s":10.000}
 *     connect_ms is the time until the last connection was answered. A connection the server closes during the hold
 *     is reported on stderr.
 *
 * HOST is a numeric IPv4 or IPv6 address (never resolved). Raises its own soft descriptor limit to the hard limit when
 * it needs to. Exit status: 0 when every round trip matched and nothing failed, 1 otherwise, 2 on bad usage.
 *
 * Build: cc -O2 -Wall -Wextra -Werror -o loadgen loadgen.c   (Linux only)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define READ_SIZE (64 * 1024)
#define MAX_EVENTS 256
#define MAX_IOV 64
#define PATTERN_SPAN 4093 /* a prime: offsets of consecutive messages always differ */

/* ---- options ---- */

struct options {
    const char *host, *port;
    long connections;
    size_t size;
    double duration;
    long pipeline;
    long idle;
    double hold;
    long window;
};

static void usage(void) {
    fprintf(stderr,
            "usage: loadgen HOST PORT [-c N] [--size BYTES] [--duration SECS] [--pipeline N]\n"
            "       loadgen HOST PORT --idle N [--hold SECS] [--window W]\n");
    exit(2);
}

static long parse_count(const char *text) {
    char *end;
    long value = strtol(text, &end, 10);
    if (*end || value < 1) usage();
    return value;
}

static size_t parse_size(const char *text) {
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (!strcmp(end, "K") || !strcmp(end, "k") || !strcmp(end, "KiB")) value *= 1024;
    else if (!strcmp(end, "M") || !strcmp(end, "m") || !strcmp(end, "MiB")) value *= 1024 * 1024;
    else if (*end) usage();
    if (value < 1 || value > (1ull << 30)) usage();
    return (size_t)value;
}

static double parse_seconds(const char *text) {
    char *end;
    double value = strtod(text, &end);
    if (*end || !(value > 0)) usage();
    return value;
}

static struct options parse(int argc, char **argv) {
    struct options o = {.connections = 50, .size = 64, .duration = 5, .pipeline = 1, .hold = 10, .window = 1000};
    int positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "-c") && has_value) o.connections = parse_count(argv[++i]);
        else if (!strcmp(a, "--size") && has_value) o.size = parse_size(argv[++i]);
        else if (!strcmp(a, "--duration") && has_value) o.duration = parse_seconds(argv[++i]);
        else if (!strcmp(a, "--pipeline") && has_value) o.pipeline = parse_count(argv[++i]);
        else if (!strcmp(a, "--idle") && has_value) o.idle = parse_count(argv[++i]);
        else if (!strcmp(a, "--hold") && has_value) o.hold = parse_seconds(argv[++i]);
        else if (!strcmp(a, "--window") && has_value) o.window = parse_count(argv[++i]);
        else if (a[0] == '-') usage();
        else if (positional == 0) o.host = a, positional++;
        else if (positional == 1) o.port = a, positional++;
        else usage();
    }
    if (positional != 2) usage();
    return o;
}

/* ---- time and latency histogram ---- */

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Log-linear buckets of nanoseconds: exact below 1024, then 512 buckets an octave (0.2% precision). */
#define HIST_BUCKETS (1024 + 54 * 512)
static uint64_t histogram[HIST_BUCKETS];
static uint64_t histogram_count, histogram_max;

static size_t bucket_of(uint64_t v) {
    if (v < 1024) return (size_t)v;
    int e = 63 - __builtin_clzll(v); /* 10 or more */
    int shift = e - 9;
    return 1024 + (size_t)(e - 10) * 512 + (size_t)((v >> shift) - 512);
}

static uint64_t value_of(size_t bucket) {
    if (bucket < 1024) return bucket;
    size_t e = (bucket - 1024) / 512 + 10;
    return ((bucket - 1024) % 512 + 512) << (e - 9);
}

static void record(uint64_t ns) {
    size_t b = bucket_of(ns);
    if (b >= HIST_BUCKETS) b = HIST_BUCKETS - 1;
    histogram[b]++;
    histogram_count++;
    if (ns > histogram_max) histogram_max = ns;
}

static double percentile_us(double p) {
    if (!histogram_count) return 0;
    uint64_t rank = (uint64_t)(p / 100.0 * (double)histogram_count + 0.5);
    if (rank < 1) rank = 1;
    uint64_t seen = 0;
    for (size_t b = 0; b < HIST_BUCKETS; b++) {
        seen += histogram[b];
        if (seen >= rank) return (double)value_of(b) / 1000.0;
    }
    return (double)histogram_max / 1000.0;
}

/* ---- sockets ---- */

static struct addrinfo *target;
static int epfd;

static void resolve_numeric(const char *host, const char *port) {
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICHOST | AI_NUMERICSERV};
    int rc = getaddrinfo(host, port, &hints, &target);
    if (rc) {
        fprintf(stderr, "loadgen: %s %s: %s (HOST must be a numeric address)\n", host, port, gai_strerror(rc));
        exit(2);
    }
}

static void ensure_descriptors(long needed) {
    struct rlimit limit;
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur >= (rlim_t)needed) return;
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < (rlim_t)needed) {
        fprintf(stderr, "loadgen: %ld connections need %ld descriptors; the limit is %llu (raise ulimit -n)\n",
                needed - 64, needed, (unsigned long long)limit.rlim_cur);
        exit(2);
    }
}

/* A non-blocking connect under way (EINPROGRESS) or done; -1 when it failed at once. */
static int start_connect(void) {
    int fd = socket(target->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, target->ai_addr, target->ai_addrlen) < 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    return fd;
}

static bool connect_succeeded(int fd) {
    int error = 0;
    socklen_t length = sizeof error;
    return getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0;
}

static void watch(int fd, int op, uint32_t events, uint64_t data) {
    struct epoll_event ev = {.events = events, .data.u64 = data};
    if (epoll_ctl(epfd, op, fd, &ev) < 0) {
        perror("loadgen: epoll_ctl");
        exit(1);
    }
}

/* ---- echo load ---- */

struct connection {
    int fd;
    bool connected, writable_wait, current_bad;
    uint64_t sent, received; /* bytes of this connection's stream */
    uint64_t *started;       /* send time of each message in flight, by message number % pipeline */
};

static struct options opt;
static unsigned char *pattern; /* opt.size + PATTERN_SPAN random bytes */
static uint64_t round_trips, mismatches, errors;
static bool counting = true;

static const unsigned char *message(size_t connection, uint64_t number) {
    return pattern + (number * 2654435761u + connection * 40503u) % PATTERN_SPAN;
}

static void fail(struct connection *c) {
    errors++;
    close(c->fd);
    c->fd = -1;
}

/* Sends up to the pipeline's depth: as many messages as are allowed in flight, several in one writev. */
static void send_more(struct connection *c, size_t index) {
    uint64_t limit = (c->received / opt.size + (uint64_t)opt.pipeline) * opt.size;
    while (c->sent < limit) {
        struct iovec iov[MAX_IOV];
        int count = 0;
        uint64_t at = c->sent;
        uint64_t now = now_ns();
        while (at < limit && count < MAX_IOV) {
            uint64_t number = at / opt.size;
            size_t offset = (size_t)(at % opt.size);
            if (offset == 0) c->started[number % (uint64_t)opt.pipeline] = now;
            iov[count].iov_base = (void *)(message(index, number) + offset);
            iov[count].iov_len = opt.size - offset;
            at += opt.size - offset;
            count++;
        }
        ssize_t n = writev(c->fd, iov, count);
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!c->writable_wait) watch(c->fd, EPOLL_CTL_MOD, EPOLLIN | EPOLLOUT, index);
                c->writable_wait = true;
                return;
            }
            fail(c);
            return;
        }
        c->sent += (uint64_t)n;
    }
    if (c->writable_wait) watch(c->fd, EPOLL_CTL_MOD, EPOLLIN, index);
    c->writable_wait = false;
}

/* One read; every byte compared with what was sent; each whole echo is a round trip. */
static void receive(struct connection *c, size_t index) {
    unsigned char buffer[READ_SIZE];
    ssize_t n = recv(c->fd, buffer, sizeof buffer, 0);
    if (n == 0) {
        fail(c); /* closed by the server with echoes owed */
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) fail(c);
        return;
    }
    if (c->received + (uint64_t)n > c->sent) {
        mismatches++; /* more came back than was sent */
        fail(c);
        return;
    }
    size_t done = 0;
    while (done < (size_t)n) {
        uint64_t number = c->received / opt.size;
        size_t offset = (size_t)(c->received % opt.size);
        size_t take = opt.size - offset;
        if (take > (size_t)n - done) take = (size_t)n - done;
        if (memcmp(buffer + done, message(index, number) + offset, take)) c->current_bad = true;
        done += take;
        c->received += take;
        if (offset + take == opt.size) {
            if (c->current_bad) mismatches++;
            c->current_bad = false;
            if (counting) {
                round_trips++;
                record(now_ns() - c->started[number % (uint64_t)opt.pipeline]);
            }
        }
    }
    send_more(c, index);
}

static int run_echo(void) {
    ensure_descriptors(opt.connections + 64);
    pattern = malloc(opt.size + PATTERN_SPAN);
    struct connection *connections = calloc((size_t)opt.connections, sizeof *connections);
    if (!pattern || !connections) return perror("loadgen: malloc"), 1;
    uint64_t seed = now_ns() | 1;
    for (size_t i = 0; i < opt.size + PATTERN_SPAN; i++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17; /* xorshift64 */
        pattern[i] = (unsigned char)(seed >> 24);
    }

    uint64_t connect_start = now_ns();
    long pending = 0;
    for (long i = 0; i < opt.connections; i++) {
        struct connection *c = &connections[i];
        c->started = calloc((size_t)opt.pipeline, sizeof *c->started);
        if (!c->started) return perror("loadgen: malloc"), 1;
        c->fd = start_connect();
        if (c->fd < 0) {
            errors++;
            continue;
        }
        watch(c->fd, EPOLL_CTL_ADD, EPOLLOUT, (uint64_t)i);
        pending++;
    }
    struct epoll_event events[MAX_EVENTS];
    while (pending > 0) {
        int count = epoll_wait(epfd, events, MAX_EVENTS, 10000);
        if (count <= 0) {
            if (count < 0 && errno == EINTR) continue;
            fprintf(stderr, "loadgen: %ld connections not connected after 10 s\n", pending);
            return 1;
        }
        for (int e = 0; e < count; e++) {
            struct connection *c = &connections[events[e].data.u64];
            pending--;
            if (!connect_succeeded(c->fd)) {
                fail(c);
                continue;
            }
            c->connected = true;
            watch(c->fd, EPOLL_CTL_MOD, EPOLLIN, events[e].data.u64);
        }
    }
    double connect_ms = (double)(now_ns() - connect_start) / 1e6;

    uint64_t start = now_ns();
    uint64_t end = start + (uint64_t)(opt.duration * 1e9);
    for (long i = 0; i < opt.connections; i++)
        if (connections[i].fd >= 0) send_more(&connections[i], (size_t)i);
    for (;;) {
        uint64_t now = now_ns();
        if (now >= end) break;
        int timeout_ms = (int)((end - now) / 1000000u) + 1;
        int count = epoll_wait(epfd, events, MAX_EVENTS, timeout_ms);
        if (count < 0 && errno != EINTR) return perror("loadgen: epoll_wait"), 1;
        for (int e = 0; e < count; e++) {
            size_t index = (size_t)events[e].data.u64;
            struct connection *c = &connections[index];
            if (c->fd < 0) continue;
            if (events[e].events & EPOLLIN || events[e].events & (EPOLLHUP | EPOLLERR)) receive(c, index);
            if (c->fd >= 0 && events[e].events & EPOLLOUT) send_more(c, index);
        }
        if (errors >= (uint64_t)opt.connections) break; /* nobody left */
    }
    counting = false;
    double elapsed = (double)(now_ns() - start) / 1e9;

    printf("{\"mode\":\"echo\",\"connections\":%ld,\"size\":%zu,\"pipeline\":%ld,\"duration_s\":%.3f,"
           "\"round_trips\":%llu,\"round_trips_per_s\":%.0f,\"mb_per_s\":%.1f,\"mismatches\":%llu,\"errors\":%llu,"
           "\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,\"max_us\":%.1f,\"connect_ms\":%.1f}\n",
           opt.connections, opt.size, opt.pipeline, elapsed, (unsigned long long)round_trips,
           (double)round_trips / elapsed, (double)round_trips * (double)opt.size / elapsed / 1e6,
           (unsigned long long)mismatches, (unsigned long long)errors, percentile_us(50), percentile_us(90),
           percentile_us(99), percentile_us(99.9), (double)histogram_max / 1000.0, connect_ms);
    fflush(stdout);
    for (long i = 0; i < opt.connections; i++)
        if (connections[i].fd >= 0) close(connections[i].fd);
    return mismatches == 0 && errors == 0 && round_trips > 0 ? 0 : 1;
}

/* ---- idle connections ---- */

enum idle_state { IDLE_UNUSED, IDLE_CONNECTING, IDLE_PINGING, IDLE_READY, IDLE_FAILED };

static int *idle_fds;
static unsigned char *idle_states;

static unsigned char ping_byte(size_t index) {
    return (unsigned char)(index * 131u + 7u);
}

static void idle_fail(size_t index) {
    errors++;
    if (idle_fds[index] >= 0) close(idle_fds[index]);
    idle_fds[index] = -1;
    idle_states[index] = IDLE_FAILED;
}

static void idle_open(size_t index) {
    idle_fds[index] = start_connect();
    if (idle_fds[index] < 0) {
        idle_fail(index);
        return;
    }
    idle_states[index] = IDLE_CONNECTING;
    watch(idle_fds[index], EPOLL_CTL_ADD, EPOLLOUT, index);
}

/* Connecting -> ping sent -> echo back: ready. Returns true when the connection has left the window. */
static bool idle_step(size_t index, uint32_t what) {
    int fd = idle_fds[index];
    if (idle_states[index] == IDLE_CONNECTING) {
        if (!connect_succeeded(fd)) return idle_fail(index), true;
        unsigned char b = ping_byte(index);
        if (send(fd, &b, 1, MSG_NOSIGNAL) != 1) return idle_fail(index), true;
        idle_states[index] = IDLE_PINGING;
        watch(fd, EPOLL_CTL_MOD, EPOLLIN, index);
        return false;
    }
    if (idle_states[index] == IDLE_PINGING) {
        unsigned char b;
        ssize_t n = recv(fd, &b, 1, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return false;
        if (n != 1) return idle_fail(index), true;
        if (b != ping_byte(index)) mismatches++;
        idle_states[index] = IDLE_READY;
        return true;
    }
    if (idle_states[index] == IDLE_READY && what) {
        /* A ready connection has nothing to read: this is the server closing or resetting it. */
        fprintf(stderr, "loadgen: connection %zu closed by the server while idle\n", index);
        idle_fail(index);
    }
    return false;
}

static int run_idle(void) {
    size_t total = (size_t)opt.idle;
    ensure_descriptors(opt.idle + 64);
    idle_fds = malloc(total * sizeof *idle_fds);
    idle_states = calloc(total, 1);
    if (!idle_fds || !idle_states) return perror("loadgen: malloc"), 1;

    uint64_t start = now_ns();
    size_t next = 0, settled = 0;
    long in_window = 0;
    struct epoll_event events[MAX_EVENTS];
    while (settled < total) {
        while (next < total && in_window < opt.window) {
            idle_open(next);
            if (idle_states[next] == IDLE_FAILED) settled++;
            else in_window++;
            next++;
        }
        if (settled == total) break;
        int count = epoll_wait(epfd, events, MAX_EVENTS, 30000);
        if (count == 0) {
            fprintf(stderr, "loadgen: %ld connections not answered after 30 s\n", in_window);
            return 1;
        }
        for (int e = 0; e < count; e++) {
            size_t index = (size_t)events[e].data.u64;
            bool was_ready = idle_states[index] == IDLE_READY;
            if (idle_states[index] == IDLE_FAILED) continue;
            if (idle_step(index, events[e].events) && !was_ready) {
                settled++;
                in_window--;
            }
        }
    }
    double connect_ms = (double)(now_ns() - start) / 1e6;
    size_t ready = 0;
    for (size_t i = 0; i < total; i++) ready += idle_states[i] == IDLE_READY;
    printf("{\"mode\":\"idle\",\"connections\":%zu,\"connected\":%zu,\"connect_ms\":%.1f,\"mismatches\":%llu,"
           "\"errors\":%llu,\"hold_s\":%.3f}\n",
           total, ready, connect_ms, (unsigned long long)mismatches, (unsigned long long)errors, opt.hold);
    fflush(stdout);

    uint64_t end = now_ns() + (uint64_t)(opt.hold * 1e9);
    for (uint64_t now = now_ns(); now < end; now = now_ns()) {
        int count = epoll_wait(epfd, events, MAX_EVENTS, (int)((end - now) / 1000000u) + 1);
        for (int e = 0; e < count; e++) {
            size_t index = (size_t)events[e].data.u64;
            if (idle_states[index] == IDLE_READY) idle_step(index, events[e].events);
        }
    }
    /* Abortive close: no TIME_WAIT left behind, so runs one after another do not run out of loopback ports. */
    struct linger abort_close = {.l_onoff = 1, .l_linger = 0};
    for (size_t i = 0; i < total; i++) {
        if (idle_fds[i] < 0) continue;
        setsockopt(idle_fds[i], SOL_SOCKET, SO_LINGER, &abort_close, sizeof abort_close);
        close(idle_fds[i]);
    }
    return mismatches == 0 && errors == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    opt = parse(argc, argv);
    signal(SIGPIPE, SIG_IGN);
    resolve_numeric(opt.host, opt.port);
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) return perror("loadgen: epoll_create1"), 1;
    return opt.idle ? run_idle() : run_echo();
}
