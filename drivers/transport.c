/* The transport table, the calls that dispatch through it, and the two
 * transports that are plain file descriptors: file: (appended, created
 * 0644) and dev: (a device node such as /dev/usb/lp0, read when it can). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "transport-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

struct transport_fd {
	struct transport base;
	int fd;
	int readable;
	char *path;
};

static int transport_fd_open(const char *path, int flags, struct transport **out, char **err)
{
	if (!*path) {
		error_set(err, _("the printer URI names no file"));
		return -1;
	}
	int readable = (flags & O_ACCMODE) == O_RDWR;
	int fd = open(path, flags | O_CLOEXEC, 0644);
	if (fd < 0 && readable && (errno == EACCES || errno == EPERM || errno == EINVAL)) {
		/* A node we may write but not read still prints. */
		readable = 0;
		fd = open(path, (flags & ~O_ACCMODE) | O_WRONLY | O_CLOEXEC, 0644);
	}
	if (fd < 0) {
		if (errno == EACCES && strncmp(path, "/dev/", 5) == 0)
			error_set(err, _("permission denied on %s: the user needs the device's group "
			                 "(lp for /dev/usb/lp*, see the README and contrib/udev)"), path);
		else
			error_set(err, _("cannot open %s: %s"), path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (readable && (fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)))
		readable = 0;   /* only a printer device answers */
	struct transport_fd *t = xcalloc(1, sizeof *t);
	t->fd = fd;
	t->readable = readable;
	t->path = xstrdup(path);
	*out = &t->base;
	return 0;
}

static int transport_file_open(const char *path, struct transport **out, char **err)
{
	return transport_fd_open(path, O_WRONLY | O_CREAT | O_APPEND, out, err);
}

static int transport_dev_open(const char *path, struct transport **out, char **err)
{
	return transport_fd_open(path, O_RDWR | O_NONBLOCK | O_NOCTTY, out, err);
}

int transport_fd_write_all(int fd, int is_socket, const void *buf, size_t len, int timeout_ms,
                           const char *who, char **err)
{
	const char *p = buf;
	size_t total = len;
	while (len) {
		ssize_t n = is_socket ? send(fd, p, len, MSG_NOSIGNAL) : write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			struct pollfd pfd = { .fd = fd, .events = POLLOUT };
			int r = poll(&pfd, 1, timeout_ms);
			if (r < 0 && errno == EINTR)
				continue;
			if (r == 0) {
				error_set(err, _("%s did not take the data within %d ms (%zu of %zu bytes sent): "
				                 "is it out of paper, offline or jammed?"),
				          who, timeout_ms, total - len, total);
				return -1;
			}
			continue;
		}
		if (n <= 0) {
			if (n < 0 && (errno == EPIPE || errno == ECONNRESET))
				error_set(err, _("%s closed the connection during the job (%zu of %zu bytes sent)"),
				          who, total - len, total);
			else if (n < 0 && (errno == ENODEV || errno == ENXIO || errno == EIO))
				error_set(err, _("%s is gone (unplugged or switched off?): %s"), who,
				          strerror(errno));
			else
				error_set(err, _("cannot write to %s: %s"), who,
				          n < 0 ? strerror(errno) : _("nothing written"));
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int transport_fd_read(int fd, void *buf, size_t size, int timeout_ms, int eof_is_error,
                      const char *who, char **err)
{
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int r = poll(&pfd, 1, timeout_ms);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			error_set(err, _("cannot read from %s: %s"), who, strerror(errno));
			return -1;
		}
		if (r == 0)
			return 0;
		ssize_t n = read(fd, buf, size);
		if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (n < 0) {
			error_set(err, _("cannot read from %s: %s"), who, strerror(errno));
			return -1;
		}
		if (n == 0 && !eof_is_error)
			return 0;
		if (n == 0) {
			error_set(err, _("%s closed the connection"), who);
			return -1;
		}
		return (int)n;
	}
}

static int transport_fdt_write(struct transport *base, const void *buf, size_t len, char **err)
{
	struct transport_fd *t = (struct transport_fd *)base;
	return transport_fd_write_all(t->fd, 0, buf, len, base->timeout_ms, t->path, err);
}

static int transport_fdt_read(struct transport *base, void *buf, size_t size, int timeout_ms,
                              char **err)
{
	struct transport_fd *t = (struct transport_fd *)base;
	if (!t->readable)
		return 0;
	return transport_fd_read(t->fd, buf, size, timeout_ms, 0, t->path, err);
}

/* The kernel's usblp answers GET_DEVICE_ID through this ioctl, with the
 * string as the printer sent it (two length bytes first). */
#define TRANSPORT_LP_GET_DEVICE_ID(len) _IOC(_IOC_READ, 'P', 1, len)

static int transport_fdt_device_id(struct transport *base, char **id, char **err)
{
	struct transport_fd *t = (struct transport_fd *)base;
	unsigned char buf[1024] = { 0 };
	*id = NULL;
	if (!t->readable || ioctl(t->fd, TRANSPORT_LP_GET_DEVICE_ID(sizeof buf), buf) < 0)
		return 0;   /* not usblp, or no ID: nothing to say */
	if (transport_usb_device_id_parse(buf, sizeof buf, id) != 0)
		*id = NULL;
	return 0;
}

static void transport_fdt_close(struct transport *base)
{
	struct transport_fd *t = (struct transport_fd *)base;
	close(t->fd);
	free(t->path);
	free(t);
}

static const struct transport_ops transport_table[] = {
	{ .scheme = "file", .open = transport_file_open, .write = transport_fdt_write,
	  .close = transport_fdt_close },
	{ .scheme = "dev", .open = transport_dev_open, .write = transport_fdt_write,
	  .read = transport_fdt_read, .device_id = transport_fdt_device_id,
	  .close = transport_fdt_close },
	{ .scheme = "usb", .open = transport_usb_open, .write = transport_usb_write,
	  .read = transport_usb_read, .device_id = transport_usb_device_id,
	  .close = transport_usb_close },
	{ .scheme = "tcp", .open = transport_tcp_open, .write = transport_tcp_write,
	  .read = transport_tcp_read, .close = transport_tcp_close },
};

/* "scheme:target", or a bare "scheme" with an empty target (plain "usb"). */
static const struct transport_ops *transport_find(const char *uri, const char **target)
{
	const char *colon = strchr(uri, ':');
	size_t n = colon ? (size_t)(colon - uri) : strlen(uri);
	for (size_t i = 0; i < sizeof transport_table / sizeof transport_table[0]; i++)
		if (strlen(transport_table[i].scheme) == n &&
		    strncmp(transport_table[i].scheme, uri, n) == 0) {
			*target = colon ? colon + 1 : uri + n;
			return &transport_table[i];
		}
	return NULL;
}

int transport_known(const char *uri)
{
	const char *target;
	return transport_find(uri, &target) != NULL;
}

int transport_timeout_default(void)
{
	const char *s = getenv("COMPTOIR_PRINTER_TIMEOUT_MS");
	if (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (*end == '\0' && v > 0 && v <= 600000)
			return (int)v;
	}
	return 5000;
}

void transport_set_timeout(struct transport *t, int timeout_ms)
{
	t->timeout_ms = timeout_ms > 0 ? timeout_ms : 1;
}

int transport_timeout(const struct transport *t)
{
	return t->timeout_ms;
}

int transport_open(const char *uri, struct transport **out, char **err)
{
	const char *target;
	const struct transport_ops *ops = transport_find(uri, &target);
	*out = NULL;
	if (!ops) {
		error_set(err, _("unknown printer URI '%s' (use usb, usb:VID:PID[:SERIAL], "
		                 "tcp:HOST[:PORT], dev:PATH or file:PATH)"), uri);
		return -1;
	}
	if (ops->open(target, out, err) != 0)
		return -1;
	(*out)->ops = ops;
	(*out)->timeout_ms = transport_timeout_default();
	return 0;
}

int transport_write(struct transport *t, const void *buf, size_t len, char **err)
{
	return t->ops->write(t, buf, len, err);
}

int transport_read(struct transport *t, void *buf, size_t size, int timeout_ms, char **err)
{
	if (!t->ops->read)
		return 0;
	return t->ops->read(t, buf, size, timeout_ms, err);
}

int transport_device_id(struct transport *t, char **id, char **err)
{
	*id = NULL;
	if (!t->ops->device_id)
		return 0;
	return t->ops->device_id(t, id, err);
}

void transport_close(struct transport *t)
{
	if (t)
		t->ops->close(t);
}
