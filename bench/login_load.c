/* login_load: does guessing at the login slow down everyone else? (issue 11, bench/login.sh)
 *
 *   login_load HOST PORT COOKIE GUESSERS SECONDS MODE
 *
 * Measures GET /api/v1/me of a logged-in user (the session COOKIE), one after the other on one
 * keep-alive connection for SECONDS: first alone (the baseline, in the same run), then while GUESSERS
 * connections post wrong passwords to POST /api/v1/login as fast as the server answers them.
 * MODE is how the guessers come: "one" — all from one client address, for one name that is
 * nobody's; "spread" — every guess
 * from another address and for another name (X-Forwarded-For, for a server started with
 * --trusted-proxy 127.0.0.1), so that no throttle of an address or a name ever holds it back and
 * every guess costs a password check. Prints the latencies (p50, p90, p99, max) of both phases,
 * their ratio, and what became of the guesses: checked (401), throttled (429), refused because
 * the queue of checks was full (503), other. Every GET /me must be answered 200: the work meant
 * to be accepted; the run fails (exit 1) when one is not. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define GUESSERS_MAX 64

static struct sockaddr_in server;
static atomic_bool stop;
static atomic_ulong checked, throttled, busy, other, guesses;
static bool spread;

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int dial(void)
{
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&server, sizeof(server))) {
		close(fd);
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* Sends `req` and reads one answer; its status, or -1 when the connection failed. */
static int exchange(int fd, const char *req, size_t len)
{
	char buf[16384];
	size_t have = 0;

	if (send(fd, req, len, MSG_NOSIGNAL) != (ssize_t)len)
		return -1;
	for (;;) {
		char *end, *cl;
		size_t head, body = 0;
		ssize_t n = recv(fd, buf + have, sizeof(buf) - 1 - have, 0);
		if (n <= 0)
			return -1;
		have += (size_t)n;
		buf[have] = '\0';
		if (!(end = strstr(buf, "\r\n\r\n")))
			continue;
		head = (size_t)(end - buf) + 4;
		if ((cl = strstr(buf, "Content-Length: ")) && cl < end)
			body = strtoul(cl + 16, NULL, 10);
		if (have >= head + body)
			return (int)strtol(buf + 9, NULL, 10);
	}
}

static void *guesser(void *arg)
{
	unsigned id = (unsigned)(size_t)arg, n = 0;
	int fd = dial();

	while (!atomic_load(&stop) && fd >= 0) {
		char body[128], req[640];
		int len, status;
		n++;
		len = snprintf(body, sizeof(body), "{\"username\":\"%s%u-%u\",\"password\":\"geraden\"}",
			       spread ? "naam" : "consulent", spread ? id : 0, spread ? n : 0);
		len = snprintf(req, sizeof(req),
			       "POST /api/v1/login HTTP/1.1\r\nHost: bench\r\n"
			       "Content-Type: application/json\r\nX-Forwarded-For: 10.%u.%u.%u\r\n"
			       "Content-Length: %d\r\n\r\n%s",
			       spread ? id : 0, spread ? (n >> 8) & 255 : 0, spread ? n & 255 : 1, len,
			       body);
		status = exchange(fd, req, (size_t)len);
		atomic_fetch_add(&guesses, 1);
		if (status == 401)
			atomic_fetch_add(&checked, 1);
		else if (status == 429)
			atomic_fetch_add(&throttled, 1);
		else if (status == 503)
			atomic_fetch_add(&busy, 1);
		else
			atomic_fetch_add(&other, 1);
		if (status < 0) {
			close(fd);
			fd = dial();
		}
	}
	if (fd >= 0)
		close(fd);
	return NULL;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* GET /me for `seconds`; the latencies in ms (sorted) and their number; the number not
 * answered 200. */
static int measure(const char *cookie, double seconds, double **out, int *count)
{
	char req[512];
	int fd = dial(), len, bad = 0, n = 0, cap = 1 << 16;
	double *ms = malloc((size_t)cap * sizeof(*ms)), start = now();

	len = snprintf(req, sizeof(req),
		       "GET /api/v1/me HTTP/1.1\r\nHost: bench\r\nCookie: jr_session=%s\r\n\r\n",
		       cookie);
	while (ms && now() - start < seconds) {
		double t0 = now();
		int status = fd >= 0 ? exchange(fd, req, (size_t)len) : -1;
		if (n == cap) {
			double *more = realloc(ms, (size_t)cap * 2 * sizeof(*ms));
			if (!more)
				break;
			ms = more;
			cap *= 2;
		}
		ms[n++] = (now() - t0) * 1000;
		if (status != 200) {
			bad++;
			if (fd >= 0)
				close(fd);
			fd = dial();
		}
	}
	if (fd >= 0)
		close(fd);
	if (ms)
		qsort(ms, (size_t)n, sizeof(*ms), cmp);
	*out = ms;
	*count = n;
	return ms ? bad : 1;
}

static double pct(const double *ms, int n, int p)
{
	int rank = (n * p + 99) / 100;
	return ms[rank > 0 ? rank - 1 : 0];
}

int main(int argc, char **argv)
{
	pthread_t threads[GUESSERS_MAX];
	double *alone = NULL, *guessed = NULL, t0, secs, seconds;
	int guessers, n_alone = 0, n_guessed = 0, bad_alone, bad_guessed;

	if (argc != 7) {
		fprintf(stderr, "usage: login_load HOST PORT COOKIE GUESSERS SECONDS one|spread\n");
		return 2;
	}
	server.sin_family = AF_INET;
	server.sin_port = htons((unsigned short)strtol(argv[2], NULL, 10));
	guessers = (int)strtol(argv[4], NULL, 10);
	seconds = strtod(argv[5], NULL);
	spread = strcmp(argv[6], "spread") == 0;
	if (inet_pton(AF_INET, argv[1], &server.sin_addr) != 1 || guessers < 1 ||
	    guessers > GUESSERS_MAX || seconds < 1) {
		fprintf(stderr, "login_load: bad arguments\n");
		return 2;
	}
	bad_alone = measure(argv[3], seconds, &alone, &n_alone);
	for (int i = 0; i < guessers; i++)
		pthread_create(&threads[i], NULL, guesser, (void *)(size_t)(i + 1));
	sleep(2); /* the guessers at full speed, the queue of checks full */
	atomic_store(&guesses, 0);
	atomic_store(&checked, 0);
	atomic_store(&throttled, 0);
	atomic_store(&busy, 0);
	atomic_store(&other, 0);
	t0 = now();
	bad_guessed = measure(argv[3], seconds, &guessed, &n_guessed);
	secs = now() - t0;
	atomic_store(&stop, true);
	for (int i = 0; i < guessers; i++)
		pthread_join(threads[i], NULL);
	if (!alone || !guessed || !n_alone || !n_guessed)
		return 1;
	printf("GET /api/v1/me alone:            p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.1f ms  "
	       "(%d requests, %d not 200)\n",
	       pct(alone, n_alone, 50), pct(alone, n_alone, 90), pct(alone, n_alone, 99),
	       alone[n_alone - 1], n_alone, bad_alone);
	printf("GET /api/v1/me with %2d guessers: p50 %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.1f ms  "
	       "(%d requests, %d not 200)\n",
	       guessers, pct(guessed, n_guessed, 50), pct(guessed, n_guessed, 90),
	       pct(guessed, n_guessed, 99), guessed[n_guessed - 1], n_guessed, bad_guessed);
	printf("ratio p50 with/alone: %.2f\n",
	       pct(guessed, n_guessed, 50) / pct(alone, n_alone, 50));
	printf("guesses in those %.1f s (%s): %lu — checked (401) %lu, throttled (429) %lu, "
	       "queue full (503) %lu, other %lu\n",
	       secs, spread ? "every one from another address and name" : "all from one address",
	       atomic_load(&guesses), atomic_load(&checked), atomic_load(&throttled),
	       atomic_load(&busy), atomic_load(&other));
	free(alone);
	free(guessed);
	if (bad_alone || bad_guessed) {
		printf("FAILED: GET /api/v1/me, meant to be accepted, was refused\n");
		return 1;
	}
	return 0;
}
