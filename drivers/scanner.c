/* The table of scanner readers, the calls that go through it, and what
 * they share: codes assembled from characters, VID:PID parsed. */
#include <stdlib.h>
#include <string.h>
#include "scanner.h"
#include "../src/core/text.h"
#include "scanner-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

static const struct scanner_ops *const scanner_table[] = {
	&scanner_usb_ops,
	&scanner_serial_ops,
	&scanner_evdev_ops,
};

static const struct scanner_ops *scanner_find(const char *uri, const char **target)
{
	for (size_t i = 0; i < sizeof scanner_table / sizeof *scanner_table; i++) {
		size_t n = strlen(scanner_table[i]->scheme);
		if (strncmp(uri, scanner_table[i]->scheme, n) == 0 && uri[n] == ':') {
			*target = uri + n + 1;
			return scanner_table[i];
		}
	}
	return NULL;
}

int scanner_uri_check(const char *uri, char **err)
{
	const char *target;
	const struct scanner_ops *ops = scanner_find(uri, &target);
	if (!ops || !*target) {
		error_set(err, _("scanner '%s': expected usb:VID:PID, serial:/dev/ttyACM0 or "
		                 "evdev:/dev/input/eventN"), uri);
		return -1;
	}
	uint16_t vid, pid;
	if (ops == &scanner_usb_ops && scanner_parse_vid_pid(target, &vid, &pid) < 0) {
		error_set(err, _("scanner '%s': expected usb:VID:PID in hexadecimal, e.g. usb:0c2e:1200"), uri);
		return -1;
	}
	return 0;
}

int scanner_open(const char *uri, enum scanner_keymap km, struct scanner **out, char **err)
{
	const char *target;
	*out = NULL;
	if (scanner_uri_check(uri, err) < 0)
		return -1;
	const struct scanner_ops *ops = scanner_find(uri, &target);
	if (ops->open(target, km, out, err) < 0)
		return -1;
	(*out)->ops = ops;
	return 0;
}

int scanner_fd(struct scanner *s)
{
	return s->ops->fd(s);
}

int scanner_read(struct scanner *s, char *code, size_t size, char **err)
{
	return s->ops->read(s, code, size, err);
}

void scanner_close(struct scanner *s)
{
	if (s)
		s->ops->close(s);
}

int scanner_line_add(struct scanner_line *l, int cp, char *code, size_t size)
{
	if (cp == '\n' || cp == '\r') {
		int whole = l->n && !l->overflow && l->n < size;
		if (whole) {
			memcpy(code, l->buf, l->n);
			code[l->n] = '\0';
		}
		l->n = 0;
		l->overflow = 0;
		return whole;
	}
	if (cp < 0x20 || cp == 0x7F || cp >= 0x10000)
		return 0; /* framing (STX, ETX) and keys that type nothing */
	char tmp[4];
	size_t n = utf8_encode((unsigned long)cp, tmp);
	scanner_line_bytes(l, tmp, n);
	return 0;
}

void scanner_line_bytes(struct scanner_line *l, const char *bytes, size_t n)
{
	if (l->n + n > SCANNER_CODE_MAX) {
		l->overflow = 1;
		return;
	}
	memcpy(l->buf + l->n, bytes, n);
	l->n += n;
}

static int scanner_hex16(const char *s, size_t n, uint16_t *out)
{
	unsigned v = 0;
	if (n < 1 || n > 4)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned)d;
	}
	*out = (uint16_t)v;
	return 0;
}

int scanner_parse_vid_pid(const char *s, uint16_t *vid, uint16_t *pid)
{
	const char *colon = strchr(s, ':');
	if (!colon)
		return -1;
	if (scanner_hex16(s, (size_t)(colon - s), vid) < 0)
		return -1;
	return scanner_hex16(colon + 1, strlen(colon + 1), pid);
}
