/* serial:PATH and evdev:PATH — scanners that are a file descriptor read
 * without waiting: a CDC-ACM serial port in raw mode (codes end with CR or
 * LF) and a Linux input device grabbed for comptoir alone (EVIOCGRAB), its
 * key events decoded in the scanner's keymap. */
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "scanner-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

struct scanner_fd {
	struct scanner base;
	int fd;
	int evdev;
	struct scanner_line line;
	struct scanner_evdev_keys keys;
};

static int scanner_fd_new(const char *path, struct scanner_fd **out, char **err)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		error_set(err, _("cannot open %s: %s"), path, strerror(errno));
		return -1;
	}
	struct scanner_fd *s = xcalloc(1, sizeof *s);
	s->fd = fd;
	*out = s;
	return 0;
}

static int scanner_serial_open(const char *path, enum scanner_keymap km, struct scanner **out,
                               char **err)
{
	struct scanner_fd *s;
	struct termios tio;
	(void)km;
	if (scanner_fd_new(path, &s, err) < 0)
		return -1;
	/* Raw: no echo, no line editing, no CR/LF translation, 8 bits. */
	if (tcgetattr(s->fd, &tio) != 0) {
		error_set(err, _("%s is not a serial port: %s"), path, strerror(errno));
		close(s->fd);
		free(s);
		return -1;
	}
	cfmakeraw(&tio);
	tio.c_cflag |= CLOCAL | CREAD;
	tio.c_cc[VMIN] = 1; /* with O_NONBLOCK: EAGAIN when empty, 0 only on hangup */
	tio.c_cc[VTIME] = 0;
	if (tcsetattr(s->fd, TCSANOW, &tio) != 0) {
		error_set(err, _("cannot set %s to raw mode: %s"), path, strerror(errno));
		close(s->fd);
		free(s);
		return -1;
	}
	tcflush(s->fd, TCIFLUSH);
	*out = &s->base;
	return 0;
}

static int scanner_evdev_open(const char *path, enum scanner_keymap km, struct scanner **out,
                              char **err)
{
	struct scanner_fd *s;
	if (scanner_fd_new(path, &s, err) < 0)
		return -1;
	/* The grab keeps the scan from reaching the console or a desktop too. */
	if (ioctl(s->fd, EVIOCGRAB, 1) != 0) {
		error_set(err, _("cannot take %s for comptoir alone (EVIOCGRAB): %s"), path,
		          strerror(errno));
		close(s->fd);
		free(s);
		return -1;
	}
	s->evdev = 1;
	scanner_evdev_keys_init(&s->keys, km);
	*out = &s->base;
	return 0;
}

static int scanner_fd_fd(struct scanner *base)
{
	return ((struct scanner_fd *)base)->fd;
}

static int scanner_fd_gone(ssize_t r, char **err)
{
	if (r == 0)
		error_set(err, "%s", _("the scanner closed its port"));
	else
		error_set(err, _("cannot read the scanner: %s"), strerror(errno));
	return -1;
}

/* One byte or one event at a time, so that what follows a whole code stays
 * in the kernel for the next call. */
static int scanner_fd_read(struct scanner *base, char *code, size_t size, char **err)
{
	struct scanner_fd *s = (struct scanner_fd *)base;
	for (;;) {
		int cp;
		if (s->evdev) {
			struct input_event ev;
			ssize_t r = read(s->fd, &ev, sizeof ev);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0 && errno == EAGAIN)
				return 0;
			if (r != (ssize_t)sizeof ev)
				return scanner_fd_gone(r, err);
			cp = scanner_evdev_decode(&s->keys, ev.type, ev.code, ev.value);
		} else {
			unsigned char b;
			ssize_t r = read(s->fd, &b, 1);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0 && errno == EAGAIN)
				return 0;
			if (r != 1)
				return scanner_fd_gone(r, err);
			if (b >= 0x80) { /* UTF-8 from the scanner, kept as it is */
				scanner_line_bytes(&s->line, (const char *)&b, 1);
				continue;
			}
			cp = b;
		}
		if (!cp)
			continue;
		if (scanner_line_add(&s->line, cp, code, size))
			return 1;
	}
}

static void scanner_fd_close(struct scanner *base)
{
	struct scanner_fd *s = (struct scanner_fd *)base;
	if (s->evdev)
		ioctl(s->fd, EVIOCGRAB, 0);
	close(s->fd);
	free(s);
}

const struct scanner_ops scanner_serial_ops = {
	.scheme = "serial",
	.open = scanner_serial_open,
	.fd = scanner_fd_fd,
	.read = scanner_fd_read,
	.close = scanner_fd_close,
};

const struct scanner_ops scanner_evdev_ops = {
	.scheme = "evdev",
	.open = scanner_evdev_open,
	.fd = scanner_fd_fd,
	.read = scanner_fd_read,
	.close = scanner_fd_close,
};
