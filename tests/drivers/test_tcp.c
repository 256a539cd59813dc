/* The tcp: transport against a real TCP server in this process (a thread
 * on 127.0.0.1, port chosen by the kernel): bytes arrive exact, status
 * answers are decoded, refusals, silence and a full pipe are clear errors. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../drivers/transport.h"

enum server_mode {
	SERVER_SINK,      /* reads everything until the client closes */
	SERVER_STATUS,    /* answers each DLE EOT n with answers[n] */
	SERVER_SILENT,    /* reads, never answers */
	SERVER_STALL,     /* accepts, never reads */
	SERVER_HANGUP,    /* accepts and closes at once */
};

struct server {
	int listen_fd;
	int port;
	enum server_mode mode;
	unsigned char answers[5];
	unsigned char *got;
	size_t ngot, cap;
	int done_fd;      /* the stalled server waits on this before closing */
	int release_fd;   /* closed by server_stop to release it */
	pthread_t thread;
};

static void server_keep(struct server *s, const unsigned char *buf, size_t n)
{
	if (s->ngot + n > s->cap) {
		s->cap = (s->ngot + n) * 2;
		s->got = realloc(s->got, s->cap);
	}
	memcpy(s->got + s->ngot, buf, n);
	s->ngot += n;
}

static void *server_run(void *arg)
{
	struct server *s = arg;
	int fd = accept(s->listen_fd, NULL, NULL);
	if (fd < 0)
		return NULL;
	unsigned char buf[65536];
	ssize_t n;
	switch (s->mode) {
	case SERVER_SINK:
	case SERVER_SILENT:
		while ((n = read(fd, buf, sizeof buf)) > 0)
			server_keep(s, buf, (size_t)n);
		break;
	case SERVER_STATUS:
		while ((n = read(fd, buf, sizeof buf)) > 0) {
			server_keep(s, buf, (size_t)n);
			for (ssize_t i = 0; i + 2 < n; i++)
				if (buf[i] == 0x10 && buf[i + 1] == 0x04 && buf[i + 2] <= 4) {
					unsigned char a = s->answers[buf[i + 2]];
					if (write(fd, &a, 1) != 1)
						break;
				}
		}
		break;
	case SERVER_STALL:
		n = read(s->done_fd, buf, 1);
		break;
	case SERVER_HANGUP:
		break;
	}
	close(fd);
	return NULL;
}

static void server_start(struct server *s, enum server_mode mode)
{
	memset(s, 0, sizeof *s);
	s->mode = mode;
	s->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (mode == SERVER_STALL) {
		int small = 4096;
		setsockopt(s->listen_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
	}
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	if (bind(s->listen_fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(s->listen_fd, 1) != 0 ||
	    getsockname(s->listen_fd, (struct sockaddr *)&a, &len) != 0) {
		printf("Bail out! cannot listen on 127.0.0.1\n");
		exit(1);
	}
	s->port = ntohs(a.sin_port);
	int p[2];
	if (pipe(p) != 0)
		exit(1);
	s->done_fd = p[0];
	pthread_create(&s->thread, NULL, server_run, s);
	s->release_fd = p[1];
}

static void server_stop(struct server *s)
{
	close(s->release_fd);
	pthread_join(s->thread, NULL);
	close(s->listen_fd);
	close(s->done_fd);
}

static struct transport *connect_ok(const struct server *s, const char *what)
{
	char uri[64];
	snprintf(uri, sizeof uri, "tcp:127.0.0.1:%d", s->port);
	struct transport *t = NULL;
	char *err = NULL;
	if (!ok(transport_open(uri, &t, &err) == 0, "%s: connects", what))
		printf("#   error: %s\n", err);
	free(err);
	return t;
}

static void test_bytes(void)
{
	struct server s;
	server_start(&s, SERVER_SINK);
	struct transport *t = connect_ok(&s, "sink");
	if (!t)
		return;
	size_t n = 300000;
	unsigned char *job = malloc(n);
	for (size_t i = 0; i < n; i++)
		job[i] = (unsigned char)(i * 7 + i / 251);
	char *err = NULL;
	ok(transport_write(t, job, n, &err) == 0 && !err, "sink: 300,000 bytes are written");
	free(err);
	transport_close(t);
	server_stop(&s);
	is_int((int64_t)s.ngot, (int64_t)n, "sink: the server got as many bytes");
	ok(s.ngot == n && memcmp(s.got, job, n) == 0, "sink: the very same bytes, in order");
	free(job);
	free(s.got);
}

static void test_status(void)
{
	struct server s;
	server_start(&s, SERVER_STATUS);
	s.answers[1] = 0x12;          /* online */
	s.answers[2] = 0x12 | 0x04;   /* cover open */
	s.answers[4] = 0x12 | 0x0c;   /* paper near its end */
	struct transport *t = connect_ok(&s, "status");
	if (!t)
		return;
	unsigned flags = 0;
	char *err = NULL;
	ok(transport_status(t, &flags, &err) == 0 && !err, "status: asked and answered");
	is_int(flags, TRANSPORT_STATUS_COVER_OPEN | TRANSPORT_STATUS_PAPER_NEAR_END,
	       "status: cover open, paper near its end");
	char line[128];
	is_str(transport_status_describe(flags, line, sizeof line),
	       "online, cover open, paper near its end", "status: said in words");
	free(err);
	transport_close(t);
	server_stop(&s);
	static const unsigned char asked[] = { 0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 4 };
	ok(s.ngot == sizeof asked && memcmp(s.got, asked, sizeof asked) == 0,
	   "status: the printer was asked DLE EOT 1, 2, 4");
	free(s.got);
}

static void test_silent(void)
{
	struct server s;
	server_start(&s, SERVER_SILENT);
	struct transport *t = connect_ok(&s, "silent");
	if (!t)
		return;
	transport_set_timeout(t, 100);
	unsigned flags = 0;
	char *err = NULL;
	ok(transport_status(t, &flags, &err) == 0 && !err,
	   "silent: a printer that does not answer is no error");
	is_int(flags, TRANSPORT_STATUS_UNKNOWN, "silent: its status is unknown");
	free(err);
	transport_close(t);
	server_stop(&s);
	free(s.got);
}

static void test_stall(void)
{
	struct server s;
	server_start(&s, SERVER_STALL);
	struct transport *t = connect_ok(&s, "stall");
	if (!t)
		return;
	transport_set_timeout(t, 200);
	size_t n = 64u << 20;   /* more than both sockets' buffers hold */
	unsigned char *job = calloc(1, n);
	char *err = NULL;
	int rc = transport_write(t, job, n, &err);
	ok(rc == -1 && err && strstr(err, "did not take the data within 200 ms"),
	   "stall: a printer that stops reading times the job out: %s", err ? err : "(none)");
	free(err);
	free(job);
	transport_close(t);
	server_stop(&s);
}

static void test_hangup(void)
{
	struct server s;
	server_start(&s, SERVER_HANGUP);
	struct transport *t = connect_ok(&s, "hangup");
	if (!t)
		return;
	size_t n = 64u << 20;
	unsigned char *job = calloc(1, n);
	char *err = NULL;
	int rc = transport_write(t, job, n, &err);
	ok(rc == -1 && err && strstr(err, "closed the connection"),
	   "hangup: a printer that hangs up mid-job says so: %s", err ? err : "(none)");
	free(err);
	free(job);
	transport_close(t);
	server_stop(&s);
}

static void test_refused(void)
{
	/* A port bound but not listening refuses connections. */
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof a;
	bind(fd, (struct sockaddr *)&a, sizeof a);
	getsockname(fd, (struct sockaddr *)&a, &len);
	char uri[64];
	snprintf(uri, sizeof uri, "tcp:127.0.0.1:%d", ntohs(a.sin_port));
	struct transport *t = NULL;
	char *err = NULL;
	int rc = transport_open(uri, &t, &err);
	ok(rc == -1 && !t && err && strstr(err, "refused the connection"),
	   "refused: a closed port says so: %s", err ? err : "(none)");
	free(err);
	close(fd);
}

static void test_bad_uris(void)
{
	static const char *bad[] = { "tcp:", "tcp::9100", "tcp:host:0", "tcp:host:65536",
	                             "tcp:host:91x", "tcp:::1", "tcp:[::1", "tcp:[::1]x" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct transport *t = NULL;
		char *err = NULL;
		int rc = transport_open(bad[i], &t, &err);
		ok(rc == -1 && err && strstr(err, "bad network printer URI"), "%s is refused", bad[i]);
		free(err);
	}
}

int main(void)
{
	setenv("COMPTOIR_PRINTER_TIMEOUT_MS", "3000", 1);
	test_bytes();
	test_status();
	test_silent();
	test_stall();
	test_hangup();
	test_refused();
	test_bad_uris();
	return done_testing();
}
