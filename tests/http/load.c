/* load: holds N keep-alive connections to the server and sends R requests on each, all at once;
 * every request must be answered with 200, on the same connection, before the deadline.
 * Usage: load HOST PORT [CONNECTIONS [ROUNDS [PATH]]]; prints one TAP line. A stall (a
 * connection that gets no answer in time) or a closed connection is a failure. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNECTIONS 1024
#define DEADLINE_SECONDS 60

struct conn {
	int fd;
	int answered;
	char buf[8192];
	size_t len;
	bool closed;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int send_request(struct conn *c, const char *host, const char *path)
{
	char req[512];
	int n = snprintf(req, sizeof(req),
			 "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: keep-alive\r\n\r\n", path, host);
	return send(c->fd, req, (size_t)n, MSG_NOSIGNAL) == n ? 0 : -1;
}

/* Takes complete answers off the front of c->buf; -1 on a bad one. */
static int take_answers(struct conn *c, int *ok)
{
	for (;;) {
		char *end = memmem(c->buf, c->len, "\r\n\r\n", 4);
		char *cl;
		size_t head, body = 0, total;
		if (!end)
			return 0;
		head = (size_t)(end - c->buf) + 4;
		cl = memmem(c->buf, head, "Content-Length: ", 16);
		if (cl)
			body = strtoul(cl + 16, NULL, 10);
		total = head + body;
		if (c->len < total)
			return 0;
		if (strncmp(c->buf, "HTTP/1.1 200", 12) != 0)
			return -1;
		if (memmem(c->buf, head, "Connection: close", 17))
			c->closed = true;
		memmove(c->buf, c->buf + total, c->len - total);
		c->len -= total;
		c->answered++;
		(*ok)++;
	}
}

int main(int argc, char **argv)
{
	const char *host = argc > 1 ? argv[1] : "127.0.0.1";
	int port = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 8080;
	int count = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 256;
	int rounds = argc > 4 ? (int)strtol(argv[4], NULL, 10) : 20;
	const char *path = argc > 5 ? argv[5] : "/healthz";
	static struct conn conns[MAX_CONNECTIONS];
	static struct pollfd fds[MAX_CONNECTIONS];
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	int ok = 0, want, failed = 0;
	double t0, elapsed;

	if (count < 1 || count > MAX_CONNECTIONS || rounds < 1 || inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
		fprintf(stderr, "usage: load HOST PORT [CONNECTIONS<=1024 [ROUNDS [PATH]]]\n");
		return 2;
	}
	want = count * rounds;
	for (int i = 0; i < count; i++) {
		int one = 1;
		conns[i].fd = socket(AF_INET, SOCK_STREAM, 0);
		if (conns[i].fd < 0 || connect(conns[i].fd, (struct sockaddr *)&addr, sizeof(addr))) {
			printf("not ok - load: connection %d: %s\n", i, strerror(errno));
			return 1;
		}
		setsockopt(conns[i].fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	}
	t0 = now();
	for (int i = 0; i < count; i++)
		if (send_request(&conns[i], host, path))
			failed++;
	while (ok < want && !failed && now() - t0 < DEADLINE_SECONDS) {
		int n;
		for (int i = 0; i < count; i++) {
			fds[i].fd = conns[i].fd;
			fds[i].events = POLLIN;
		}
		n = poll(fds, (nfds_t)count, 1000);
		if (n < 0 && errno != EINTR)
			break;
		for (int i = 0; n > 0 && i < count; i++) {
			struct conn *c = &conns[i];
			ssize_t got;
			int before;
			if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			got = recv(c->fd, c->buf + c->len, sizeof(c->buf) - c->len, 0);
			if (got <= 0) {
				c->closed = true;
				failed++;
				continue;
			}
			c->len += (size_t)got;
			before = c->answered;
			if (take_answers(c, &ok) < 0 || c->closed) {
				failed++;
				continue;
			}
			for (int k = before; k < c->answered; k++)
				if (c->answered < rounds && send_request(c, host, path))
					failed++;
		}
	}
	elapsed = now() - t0;
	for (int i = 0; i < count; i++)
		close(conns[i].fd);
	if (ok == want && !failed) {
		printf("ok - load: %d keep-alive connections, %d requests each, all answered on the same "
		       "connection in %.2f s (%.0f requests/s)\n",
		       count, rounds, elapsed, want / elapsed);
		return 0;
	}
	printf("not ok - load: %d of %d requests answered in %.2f s, %d connections failed or closed\n",
	       ok, want, elapsed, failed);
	return 1;
}
