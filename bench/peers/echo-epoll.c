/*
 * echo-epoll: a single-threaded epoll echo server, the practical limit the other echo servers are measured against
 * (bench/compare-echo.sh).
 *
 *   echo-epoll PORT        listens on 127.0.0.1:PORT (backlog SOMAXCONN) until killed
 *
 * Level-triggered and non-blocking. Each readable event is one read into a 64 KiB stack buffer and one write of what
 * was read. A connection holds no memory of its own while idle or while its writes keep up; only when the kernel takes
 * part of a write is the rest copied to a heap buffer for that connection, and the connection then waits for EPOLLOUT
 * (and stops reading, so a client that does not read slows only itself and memory stays bounded) until the rest is
 * sent. No byte is ever dropped. At the descriptor limit (EMFILE) a spare descriptor is given up to accept and close the
 * waiting connection, so the accept loop never spins.
 *
 * Build: cc -O2 -Wall -Wextra -Werror -o echo-epoll echo-epoll.c   (Linux only)
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define READ_SIZE (64 * 1024)
#define MAX_EVENTS 256

/* What a connection still has to send: only set after a partial write. Indexed by descriptor. */
struct pending {
    char *data;
    size_t offset;
    size_t length;
};

static struct pending *pendings;
static size_t pending_count;
static int epfd;

static void die(const char *what) {
    perror(what);
    exit(1);
}

static struct pending *pending_of(int fd) {
    if ((size_t)fd >= pending_count) {
        size_t count = pending_count ? pending_count : 1024;
        while (count <= (size_t)fd) count *= 2;
        struct pending *grown = realloc(pendings, count * sizeof *grown);
        if (!grown) die("realloc");
        memset(grown + pending_count, 0, (count - pending_count) * sizeof *grown);
        pendings = grown;
        pending_count = count;
    }
    return &pendings[fd];
}

static void close_connection(int fd) {
    struct pending *p = pending_of(fd);
    free(p->data);
    p->data = NULL;
    p->offset = p->length = 0;
    close(fd); /* also leaves the epoll set */
}

static void watch(int fd, int op, uint32_t events) {
    struct epoll_event ev = {.events = events, .data.fd = fd};
    if (epoll_ctl(epfd, op, fd, &ev) < 0) die("epoll_ctl");
}

/* Sends what is left after a partial write; back to reading once it is all out. */
static void flush_pending(int fd) {
    struct pending *p = pending_of(fd);
    while (p->offset < p->length) {
        ssize_t n = send(fd, p->data + p->offset, p->length - p->offset, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) return;
            if (errno == EINTR) continue;
            close_connection(fd);
            return;
        }
        p->offset += (size_t)n;
    }
    free(p->data);
    p->data = NULL;
    p->offset = p->length = 0;
    watch(fd, EPOLL_CTL_MOD, EPOLLIN | EPOLLRDHUP);
}

/* One read, one write; the unsent rest (if any) goes to the connection's pending buffer. */
static void echo_once(int fd) {
    char buffer[READ_SIZE];
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) {
        close_connection(fd);
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) close_connection(fd);
        return;
    }
    ssize_t sent = send(fd, buffer, (size_t)n, MSG_NOSIGNAL);
    if (sent < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            close_connection(fd);
            return;
        }
        sent = 0;
    }
    if (sent == n) return;
    struct pending *p = pending_of(fd);
    p->length = (size_t)(n - sent);
    p->offset = 0;
    p->data = malloc(p->length);
    if (!p->data) die("malloc");
    memcpy(p->data, buffer + sent, p->length);
    watch(fd, EPOLL_CTL_MOD, EPOLLOUT);
}

static void accept_all(int listener, int *spare) {
    for (;;) {
        int fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if ((errno == EMFILE || errno == ENFILE) && *spare >= 0) {
                /* Out of descriptors: free the spare, accept the waiting client and close it, keep the spare again. */
                static int said;
                if (!said++) fprintf(stderr, "echo-epoll: out of file descriptors; closing new connections\n");
                close(*spare);
                fd = accept(listener, NULL, NULL);
                if (fd >= 0) close(fd);
                *spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
                continue;
            }
            return; /* EAGAIN: all accepted */
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        watch(fd, EPOLL_CTL_ADD, EPOLLIN | EPOLLRDHUP);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: echo-epoll PORT   (listens on 127.0.0.1)\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0) die("socket");
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0) die("bind");
    if (listen(listener, SOMAXCONN) < 0) die("listen");
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) die("epoll_create1");
    int spare = open("/dev/null", O_RDONLY | O_CLOEXEC);
    watch(listener, EPOLL_CTL_ADD, EPOLLIN);

    struct epoll_event events[MAX_EVENTS];
    for (;;) {
        int count = epoll_wait(epfd, events, MAX_EVENTS, -1);
        if (count < 0) {
            if (errno == EINTR) continue;
            die("epoll_wait");
        }
        for (int i = 0; i < count; i++) {
            int fd = events[i].data.fd;
            uint32_t what = events[i].events;
            if (fd == listener) {
                accept_all(listener, &spare);
            } else if (pending_of(fd)->data) {
                /* Sending a rest: nothing is read until it is out, so the echo keeps its order. */
                if (what & EPOLLOUT) flush_pending(fd);
                else close_connection(fd); /* hung up or failed: the rest cannot be sent */
            } else {
                echo_once(fd); /* a hang-up or error shows as a read of 0 or -1 */
            }
        }
    }
}
