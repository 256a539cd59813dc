/* The printer's real-time status: DLE EOT n sent through a transport, its
 * one-byte answers decoded into TRANSPORT_STATUS_* flags (the decoding is
 * pure, for the tests), and a line that says them to a person. */
#include <stdio.h>
#include <string.h>
#include "transport-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

/* How long to wait for each answer: printers that answer do so at once. */
#define TRANSPORT_STATUS_WAIT_MS 1000

/* Every answer to DLE EOT has bit 1 and bit 4 set, bits 0 and 7 clear. */
#define STATUS_FIXED_MASK 0x93
#define STATUS_FIXED_BITS 0x12

unsigned transport_status_decode(int n, unsigned char b)
{
	if ((b & STATUS_FIXED_MASK) != STATUS_FIXED_BITS)
		return TRANSPORT_STATUS_UNKNOWN;
	unsigned f = 0;
	switch (n) {
	case 1:   /* printer status */
		if (b & 0x04)
			f |= TRANSPORT_STATUS_DRAWER_HIGH;
		if (b & 0x08)
			f |= TRANSPORT_STATUS_OFFLINE;
		return f;
	case 2:   /* offline cause */
		if (b & 0x04)
			f |= TRANSPORT_STATUS_COVER_OPEN;
		if (b & 0x20)
			f |= TRANSPORT_STATUS_PAPER_OUT;
		if (b & 0x40)
			f |= TRANSPORT_STATUS_ERROR;
		return f;
	case 3:   /* error cause: cutter, unrecoverable, auto-recoverable */
		if (b & 0x68)
			f |= TRANSPORT_STATUS_ERROR;
		return f;
	case 4:   /* roll paper sensor: two bits each, either one counts */
		if (b & 0x0c)
			f |= TRANSPORT_STATUS_PAPER_NEAR_END;
		if (b & 0x60)
			f |= TRANSPORT_STATUS_PAPER_OUT;
		return f;
	default:
		return TRANSPORT_STATUS_UNKNOWN;
	}
}

static int transport_status_wait(const struct transport *t)
{
	return t->timeout_ms < TRANSPORT_STATUS_WAIT_MS ? t->timeout_ms : TRANSPORT_STATUS_WAIT_MS;
}

int transport_status_query(struct transport *t, int n, unsigned *flags, char **err)
{
	*flags = TRANSPORT_STATUS_UNKNOWN;
	if (!t->ops->read)
		return 0;
	unsigned char q[3] = { 0x10, 0x04, (unsigned char)n };
	if (t->ops->write(t, q, sizeof q, err) != 0)
		return -1;
	unsigned char a[64];
	int got = t->ops->read(t, a, sizeof a, transport_status_wait(t), err);
	if (got < 0)
		return -1;
	if (got > 0)   /* the last byte is the answer to this request */
		*flags = transport_status_decode(n, a[got - 1]);
	return 0;
}

int transport_status(struct transport *t, unsigned *flags, char **err)
{
	if (t->ops->status)
		return t->ops->status(t, flags, err);
	static const int ns[] = { 1, 2, 4 };
	unsigned all = 0;
	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
		unsigned f;
		if (transport_status_query(t, ns[i], &f, err) != 0)
			return -1;
		if (f & TRANSPORT_STATUS_UNKNOWN) {
			/* What the first answer told still holds; with no answer at
			 * all the status is unknown. */
			if (i == 0)
				all = TRANSPORT_STATUS_UNKNOWN;
			break;
		}
		all |= f;
	}
	*flags = all;
	return 0;
}

static void transport_status_add(char *buf, size_t size, const char *part)
{
	size_t len = strlen(buf);
	if (len)
		snprintf(buf + len, size - len, ", %s", part);
	else
		snprintf(buf, size, "%s", part);
}

const char *transport_status_describe(unsigned flags, char *buf, size_t size)
{
	if (!size)
		return buf;
	buf[0] = '\0';
	if (flags & TRANSPORT_STATUS_UNKNOWN) {
		snprintf(buf, size, "%s", _("status unknown (the printer does not answer)"));
		return buf;
	}
	transport_status_add(buf, size, (flags & TRANSPORT_STATUS_OFFLINE) ? _("offline") : _("online"));
	if (flags & TRANSPORT_STATUS_COVER_OPEN)
		transport_status_add(buf, size, _("cover open"));
	if (flags & TRANSPORT_STATUS_PAPER_OUT)
		transport_status_add(buf, size, _("out of paper"));
	else if (flags & TRANSPORT_STATUS_PAPER_NEAR_END)
		transport_status_add(buf, size, _("paper near its end"));
	if (flags & TRANSPORT_STATUS_ERROR)
		transport_status_add(buf, size, _("printer error"));
	return buf;
}
