/* slow: a client that is slow on purpose, for the server's deadlines and its limit per address
 * (tests/http/guard.sh).
 *   slow HOST PORT head SECONDS  sends a request's head one line a second, never ending it;
 *   slow HOST PORT body SECONDS  sends a whole head announcing 1000 bytes, then a byte a second;
 *   slow HOST PORT hold N        opens N connections at once and tells how many stay open.
 * head and body print how many seconds passed until the server closed the connection and exit
 * 0 when it did so within SECONDS, 1 when it kept it open. hold prints the number open after
 * half a second and exits 0. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HOLD_MAX 1024

static int connect_to(const char *host, int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0 || inet_pton(AF_INET, host, &a.sin_addr) != 1 ||
	    connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* Whether the server closed fd (end of stream or reset), waiting at most `ms`. */
static bool closed_within(int fd, int ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	char buf[512];

	if (poll(&p, 1, ms) <= 0)
		return false;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK))
			return true;
		if (n < 0)
			return false;
	}
}

static int trickle(const char *host, int port, bool body, int seconds)
{
	int fd = connect_to(host, port);
	time_t start = time(NULL);
	const char *head = body ? "POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
				  "application/json\r\nContent-Length: 1000\r\n\r\n"
				: "GET /healthz HTTP/1.1\r\n";

	if (fd < 0) {
		printf("cannot connect\n");
		return 2;
	}
	if (send(fd, head, strlen(head), MSG_NOSIGNAL) < 0)
		goto closed;
	while (time(NULL) - start <= seconds) {
		const char *piece = body ? " " : "X-Slow: a\r\n";
		if (closed_within(fd, 1000))
			goto closed;
		if (send(fd, piece, strlen(piece), MSG_NOSIGNAL) < 0)
			goto closed;
	}
	printf("still open after %d s\n", seconds);
	close(fd);
	return 1;
closed:
	printf("closed by the server after %ld s\n", (long)(time(NULL) - start));
	close(fd);
	return 0;
}

static int hold(const char *host, int port, int n)
{
	static int fds[HOLD_MAX];
	struct timespec half = {0, 500 * 1000 * 1000};
	int open = 0;

	if (n < 1 || n > HOLD_MAX)
		return 2;
	for (int i = 0; i < n; i++)
		fds[i] = connect_to(host, port);
	nanosleep(&half, NULL);
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0 && !closed_within(fds[i], 0))
			open++;
	printf("%d\n", open);
	for (int i = 0; i < n; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: slow HOST PORT head|body SECONDS | slow HOST PORT hold N\n");
		return 2;
	}
	if (strcmp(argv[3], "hold") == 0)
		return hold(argv[1], (int)strtol(argv[2], NULL, 10), (int)strtol(argv[4], NULL, 10));
	return trickle(argv[1], (int)strtol(argv[2], NULL, 10), strcmp(argv[3], "body") == 0,
		       (int)strtol(argv[4], NULL, 10));
}
