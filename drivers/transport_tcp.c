/* The tcp: transport: a network printer's raw port (9100 unless given),
 * reached with a non-blocking connect bounded by the transport timeout;
 * writes and status reads are bounded the same way. */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "transport-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

#define TCP_DEFAULT_PORT "9100"

struct transport_tcp {
	struct transport base;
	int fd;
	char who[320];   /* "printer HOST:PORT" */
};

/* HOST, HOST:PORT, [V6ADDR] or [V6ADDR]:PORT. */
static int tcp_parse(const char *target, char *host, size_t hsize, char *port, size_t psize,
                     char **err)
{
	const char *h = target, *p = NULL;
	size_t hlen;
	if (*target == '[') {
		const char *close = strchr(target, ']');
		if (!close || (close[1] && close[1] != ':'))
			goto bad;
		h = target + 1;
		hlen = (size_t)(close - h);
		p = close[1] == ':' ? close + 2 : NULL;
	} else {
		const char *colon = strchr(target, ':');
		if (colon && strchr(colon + 1, ':'))
			goto bad;   /* a bare IPv6 address needs brackets */
		hlen = colon ? (size_t)(colon - target) : strlen(target);
		p = colon ? colon + 1 : NULL;
	}
	if (!hlen || hlen >= hsize)
		goto bad;
	memcpy(host, h, hlen);
	host[hlen] = '\0';
	if (p) {
		char *end;
		long v = strtol(p, &end, 10);
		if (!*p || *end || v < 1 || v > 65535)
			goto bad;
		snprintf(port, psize, "%ld", v);
	} else {
		snprintf(port, psize, "%s", TCP_DEFAULT_PORT);
	}
	return 0;
bad:
	error_set(err, _("bad network printer URI 'tcp:%s' (use tcp:HOST or tcp:HOST:PORT; "
	                 "the raw port is 9100 by default)"), target);
	return -1;
}

/* Connects fd to ai within timeout_ms. Returns 0, or an errno value. */
static int tcp_connect_one(int fd, const struct addrinfo *ai, int timeout_ms)
{
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
		return 0;
	if (errno != EINPROGRESS && errno != EINTR)
		return errno;
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	int r;
	do
		r = poll(&pfd, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return ETIMEDOUT;
	if (r < 0)
		return errno;
	int soerr = 0;
	socklen_t len = sizeof soerr;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0)
		return errno;
	return soerr;
}

int transport_tcp_open(const char *target, struct transport **out, char **err)
{
	char host[256], port[8];
	if (tcp_parse(target, host, sizeof host, port, sizeof port, err) != 0)
		return -1;
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM };
	struct addrinfo *res;
	int g = getaddrinfo(host, port, &hints, &res);
	if (g != 0) {
		error_set(err, _("cannot find the network printer '%s': %s"), host, gai_strerror(g));
		return -1;
	}
	int timeout = transport_timeout_default();
	int fd = -1, why = 0;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
		            ai->ai_protocol);
		if (fd < 0) {
			why = errno;
			continue;
		}
		why = tcp_connect_one(fd, ai, timeout);
		if (why == 0)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		if (why == ECONNREFUSED)
			error_set(err, _("printer %s:%s refused the connection (is it on, and is %s its "
			                 "raw printing port?)"), host, port, port);
		else if (why == ETIMEDOUT)
			error_set(err, _("printer %s:%s did not answer within %d ms (switched off, or "
			                 "not on this network?)"), host, port, timeout);
		else
			error_set(err, _("cannot connect to printer %s:%s: %s"), host, port,
			          strerror(why ? why : EIO));
		return -1;
	}
	struct transport_tcp *t = xcalloc(1, sizeof *t);
	t->fd = fd;
	snprintf(t->who, sizeof t->who, _("printer %s:%s"), host, port);
	*out = &t->base;
	return 0;
}

int transport_tcp_write(struct transport *base, const void *buf, size_t len, char **err)
{
	struct transport_tcp *t = (struct transport_tcp *)base;
	return transport_fd_write_all(t->fd, 1, buf, len, base->timeout_ms, t->who, err);
}

int transport_tcp_read(struct transport *base, void *buf, size_t size, int timeout_ms, char **err)
{
	struct transport_tcp *t = (struct transport_tcp *)base;
	return transport_fd_read(t->fd, buf, size, timeout_ms, 1, t->who, err);
}

void transport_tcp_close(struct transport *base)
{
	struct transport_tcp *t = (struct transport_tcp *)base;
	close(t->fd);
	free(t);
}
