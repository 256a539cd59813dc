/* QR codes through libqrencode: the matrix of modules, and the half-block
 * drawing for a terminal (two module rows per text line). */
#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include "qr.h"
#include "../src/util/i18n.h"
#include "../src/util/strbuf.h"
#include "../src/util/xalloc.h"

int qr_encode(const char *data, enum qr_level level, struct qr_matrix *out, char **err)
{
	static const QRecLevel levels[] = { QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H };
	out->width = 0;
	out->cells = NULL;
	if (!*data) {
		error_set(err, _("nothing to put in the QR code"));
		return -1;
	}
	if ((unsigned)level > QR_LEVEL_H)
		level = QR_LEVEL_M;
	if (strlen(data) > QR_MAX_BYTES) {
		error_set(err, _("too much data for a QR code (%zu bytes)"), strlen(data));
		return -1;
	}
	errno = 0;
	QRcode *q = QRcode_encodeString8bit(data, 0, levels[level]);
	if (!q) {
		if (errno == ENOMEM)
			error_set(err, _("out of memory for the QR code"));
		else
			error_set(err, _("too much data for a QR code (%zu bytes)"), strlen(data));
		return -1;
	}
	size_t n = (size_t)q->width * (size_t)q->width;
	out->width = q->width;
	out->cells = xmalloc(n);
	for (size_t i = 0; i < n; i++)
		out->cells[i] = q->data[i] & 1;
	QRcode_free(q);
	return 0;
}

void qr_matrix_release(struct qr_matrix *m)
{
	free(m->cells);
	m->cells = NULL;
	m->width = 0;
}

/* Whether the module at (x, y), quiet zone included, is dark. */
static int qr_dark(const struct qr_matrix *m, int quiet, int x, int y)
{
	x -= quiet;
	y -= quiet;
	if (x < 0 || y < 0 || x >= m->width || y >= m->width)
		return 0;
	return m->cells[y * m->width + x];
}

char *qr_halfblocks(const char *data, enum qr_level level, int quiet, int light_blocks,
                    char **err)
{
	struct qr_matrix m;
	if (qr_encode(data, level, &m, err) != 0)
		return NULL;
	if (quiet < 0)
		quiet = 0;
	int side = m.width + 2 * quiet;
	struct strbuf sb = STRBUF_INIT;
	for (int y = 0; y < side; y += 2) {
		for (int x = 0; x < side; x++) {
			int top = qr_dark(&m, quiet, x, y) != light_blocks;
			/* below the last row (odd side): never inked */
			int bottom = y + 1 < side && qr_dark(&m, quiet, x, y + 1) != light_blocks;
			if (top && bottom)
				strbuf_puts(&sb, "\xe2\x96\x88");   /* █ U+2588 */
			else if (top)
				strbuf_puts(&sb, "\xe2\x96\x80");   /* ▀ U+2580 */
			else if (bottom)
				strbuf_puts(&sb, "\xe2\x96\x84");   /* ▄ U+2584 */
			else
				strbuf_addch(&sb, ' ');
		}
		strbuf_addch(&sb, '\n');
	}
	qr_matrix_release(&m);
	return strbuf_detach(&sb);
}
