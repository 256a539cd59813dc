/* The transport table and the two transports that are plain file
 * descriptors: file: (appended, created 0644) and dev: (a device node). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "transport.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

struct transport {
	const struct transport_ops *ops;
	int fd;
};

/* How long a device may refuse to take bytes before the job waits. */
#define TRANSPORT_WRITE_TIMEOUT_MS 5000

static int transport_fd_open(const char *path, int flags, struct transport **out, char **err)
{
	if (!*path) {
		error_set(err, _("the printer URI names no file"));
		return -1;
	}
	int fd = open(path, flags | O_CLOEXEC, 0644);
	if (fd < 0) {
		error_set(err, _("cannot open %s: %s"), path, strerror(errno));
		return -1;
	}
	struct transport *t = xcalloc(1, sizeof *t);
	t->fd = fd;
	*out = t;
	return 0;
}

static int transport_file_open(const char *path, struct transport **out, char **err)
{
	return transport_fd_open(path, O_WRONLY | O_CREAT | O_APPEND, out, err);
}

static int transport_dev_open(const char *path, struct transport **out, char **err)
{
	return transport_fd_open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY, out, err);
}

static int transport_fd_write(struct transport *t, const void *buf, size_t len, char **err)
{
	const char *p = buf;
	while (len) {
		ssize_t n = write(t->fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { .fd = t->fd, .events = POLLOUT };
			int r = poll(&pfd, 1, TRANSPORT_WRITE_TIMEOUT_MS);
			if (r == 0) {
				error_set(err, _("the printer did not take the data (timeout)"));
				return -1;
			}
			continue;
		}
		if (n <= 0) {
			error_set(err, _("cannot write to the printer: %s"),
			          n < 0 ? strerror(errno) : _("nothing written"));
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static void transport_fd_close(struct transport *t)
{
	close(t->fd);
	free(t);
}

static const struct transport_ops transport_table[] = {
	{ .scheme = "file", .open = transport_file_open, .write = transport_fd_write,
	  .close = transport_fd_close },
	{ .scheme = "dev", .open = transport_dev_open, .write = transport_fd_write,
	  .close = transport_fd_close },
};

static const struct transport_ops *transport_find(const char *uri, const char **target)
{
	const char *colon = strchr(uri, ':');
	if (!colon)
		return NULL;
	size_t n = (size_t)(colon - uri);
	for (size_t i = 0; i < sizeof transport_table / sizeof transport_table[0]; i++)
		if (strlen(transport_table[i].scheme) == n &&
		    strncmp(transport_table[i].scheme, uri, n) == 0) {
			*target = colon + 1;
			return &transport_table[i];
		}
	return NULL;
}

int transport_known(const char *uri)
{
	const char *target;
	return transport_find(uri, &target) != NULL;
}

int transport_open(const char *uri, struct transport **out, char **err)
{
	const char *target;
	const struct transport_ops *ops = transport_find(uri, &target);
	*out = NULL;
	if (!ops) {
		error_set(err, _("unknown printer URI '%s' (use file:PATH or dev:PATH)"), uri);
		return -1;
	}
	if (ops->open(target, out, err) != 0)
		return -1;
	(*out)->ops = ops;
	return 0;
}

int transport_write(struct transport *t, const void *buf, size_t len, char **err)
{
	return t->ops->write(t, buf, len, err);
}

void transport_close(struct transport *t)
{
	if (t)
		t->ops->close(t);
}
