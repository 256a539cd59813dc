/* The ESC/POS commands, byte for byte as Epson's command reference gives
 * them; the text conversion is in escpos_text.c. */
#include <stdlib.h>
#include <string.h>
#include "escpos.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

#define ESC 0x1B
#define GS 0x1D
#define FS 0x1C

/* Barcodes: 80 dots (10 mm at 203 dpi) high, 2-dot modules, digits below. */
#define ESCPOS_BARCODE_HEIGHT 80
#define ESCPOS_BARCODE_MODULE 2
#define ESCPOS_HRI_BELOW 2
/* The quiet zone a QR code needs around it, in modules. */
#define ESCPOS_QR_QUIET 4

static void escpos_bytes(struct escpos *e, size_t n, const unsigned char *b)
{
	strbuf_add(&e->out, (const char *)b, n);
}

#define ESCPOS_PUT(e, ...) do { \
	static const unsigned char b_[] = { __VA_ARGS__ }; \
	escpos_bytes((e), sizeof b_, b_); \
} while (0)

static void escpos_put3(struct escpos *e, unsigned char a, unsigned char b, unsigned char c)
{
	unsigned char v[3] = { a, b, c };
	escpos_bytes(e, 3, v);
}

int escpos_init(struct escpos *e, enum escpos_charset cs, char **err)
{
	strbuf_init(&e->out);
	e->charset = cs;
	const char *name = escpos_charset_name(cs);
	e->cd = name ? iconv_open(name, "UTF-8") : (iconv_t)-1;
	if (e->cd == (iconv_t)-1) {
		error_set(err, _("this system cannot convert text to %s"), name ? name : "?");
		return -1;
	}
	return 0;
}

void escpos_release(struct escpos *e)
{
	strbuf_release(&e->out);
	if (e->cd != (iconv_t)-1)
		iconv_close(e->cd);
	e->cd = (iconv_t)-1;
}

const unsigned char *escpos_data(const struct escpos *e, size_t *len)
{
	*len = e->out.len;
	return (const unsigned char *)strbuf_str(&e->out);
}

unsigned char *escpos_detach(struct escpos *e, size_t *len)
{
	*len = e->out.len;
	return (unsigned char *)strbuf_detach(&e->out);
}

void escpos_begin(struct escpos *e, int table, int cancel_kanji)
{
	ESCPOS_PUT(e, ESC, '@');
	if (cancel_kanji)
		ESCPOS_PUT(e, FS, '.');
	if (table >= 0 && table <= 255)
		escpos_put3(e, ESC, 't', (unsigned char)table);
}

void escpos_raw(struct escpos *e, const void *bytes, size_t len)
{
	strbuf_add(&e->out, bytes, len);
}

void escpos_newline(struct escpos *e)
{
	strbuf_addch(&e->out, '\n');
}

void escpos_bold(struct escpos *e, int on)
{
	escpos_put3(e, ESC, 'E', on ? 1 : 0);
}

void escpos_size(struct escpos *e, int width, int height)
{
	if (width < 1 || width > 8)
		width = 1;
	if (height < 1 || height > 8)
		height = 1;
	escpos_put3(e, GS, '!', (unsigned char)((width - 1) << 4 | (height - 1)));
}

void escpos_align(struct escpos *e, enum escpos_align a)
{
	escpos_put3(e, ESC, 'a', (unsigned char)a);
}

void escpos_feed(struct escpos *e, int lines)
{
	escpos_put3(e, ESC, 'd', (unsigned char)(lines < 0 ? 0 : lines > 255 ? 255 : lines));
}

static void escpos_barcode_setup(struct escpos *e)
{
	escpos_put3(e, GS, 'h', ESCPOS_BARCODE_HEIGHT);
	escpos_put3(e, GS, 'w', ESCPOS_BARCODE_MODULE);
	escpos_put3(e, GS, 'H', ESCPOS_HRI_BELOW);
}

int escpos_ean13(struct escpos *e, const char *digits, char **err)
{
	size_t n = strlen(digits);
	if ((n != 12 && n != 13) || strspn(digits, "0123456789") != n) {
		error_set(err, _("an EAN-13 needs 12 or 13 digits, not '%s'"), digits);
		return -1;
	}
	int sum = 0;
	for (int i = 0; i < 12; i++)
		sum += (digits[i] - '0') * (i % 2 ? 3 : 1);
	char check = (char)('0' + (10 - sum % 10) % 10);
	if (n == 13 && digits[12] != check) {
		error_set(err, _("'%s' is not a valid EAN-13: its check digit should be %c"),
		          digits, check);
		return -1;
	}
	escpos_barcode_setup(e);
	escpos_put3(e, GS, 'k', 67);
	strbuf_addch(&e->out, 13);
	strbuf_add(&e->out, digits, 12);
	strbuf_addch(&e->out, check);
	return 0;
}

int escpos_code128(struct escpos *e, const char *data, char **err)
{
	struct strbuf d = STRBUF_INIT;
	strbuf_puts(&d, "{B");   /* code set B: printable ASCII */
	for (const char *p = data; *p; p++) {
		if (*p < 0x20 || *p > 0x7E) {
			error_set(err, _("a Code 128 holds printable ASCII only, not '%s'"), data);
			strbuf_release(&d);
			return -1;
		}
		if (*p == '{')
			strbuf_addch(&d, '{');
		strbuf_addch(&d, *p);
	}
	if (d.len == 2 || d.len > 255) {
		error_set(err, _("a Code 128 holds 1 to 250 characters"));
		strbuf_release(&d);
		return -1;
	}
	escpos_barcode_setup(e);
	escpos_put3(e, GS, 'k', 73);
	strbuf_addch(&e->out, (char)d.len);
	strbuf_add(&e->out, d.buf, d.len);
	strbuf_release(&d);
	return 0;
}

/* GS ( k pL pH cn fn ...: one QR function of the 2D symbol command. */
static void escpos_qr_fn(struct escpos *e, unsigned char fn, const char *param, size_t len)
{
	size_t p = len + 2;
	unsigned char head[7] = { GS, '(', 'k', (unsigned char)(p & 0xFF), (unsigned char)(p >> 8),
	                          49, fn };
	escpos_bytes(e, sizeof head, head);
	strbuf_add(&e->out, param, len);
}

int escpos_qr(struct escpos *e, const char *data, int module, enum qr_level level, char **err)
{
	size_t n = strlen(data);
	if (n == 0 || n > QR_MAX_BYTES) {
		error_set(err, _("a QR code holds 1 to %d bytes"), QR_MAX_BYTES);
		return -1;
	}
	if (module < 1 || module > 16)
		module = 4;
	if ((unsigned)level > QR_LEVEL_H)
		level = QR_LEVEL_M;
	char model[2] = { 50, 0 };            /* model 2 */
	char size = (char)module;
	char ec = (char)(48 + level);
	escpos_qr_fn(e, 65, model, 2);
	escpos_qr_fn(e, 67, &size, 1);
	escpos_qr_fn(e, 69, &ec, 1);
	struct strbuf store = STRBUF_INIT;
	strbuf_addch(&store, 48);
	strbuf_add(&store, data, n);
	escpos_qr_fn(e, 80, store.buf, store.len);
	strbuf_release(&store);
	escpos_qr_fn(e, 81, "0", 1);        /* print the stored symbol */
	return 0;
}

void escpos_raster(struct escpos *e, const unsigned char *bits, int width_bytes, int height)
{
	unsigned char head[8] = { GS, 'v', '0', 0,
	                          (unsigned char)(width_bytes & 0xFF), (unsigned char)(width_bytes >> 8),
	                          (unsigned char)(height & 0xFF), (unsigned char)(height >> 8) };
	escpos_bytes(e, sizeof head, head);
	escpos_bytes(e, (size_t)width_bytes * (size_t)height, bits);
}

int escpos_qr_raster(struct escpos *e, const char *data, int module, enum qr_level level,
                     int max_dots, char **err)
{
	struct qr_matrix m;
	if (qr_encode(data, level, &m, err) != 0)
		return -1;
	int side = m.width + 2 * ESCPOS_QR_QUIET;
	if (module < 1 || module > 16)
		module = 4;
	if (max_dots > 0 && side * module > max_dots)
		module = max_dots / side;
	if (module < 1) {
		error_set(err, _("the QR code is too wide for this printer"));
		qr_matrix_release(&m);
		return -1;
	}
	int dots = side * module;
	int wb = (dots + 7) / 8;
	unsigned char *bits = xcalloc((size_t)wb * (size_t)dots, 1);
	for (int y = 0; y < dots; y++) {
		int my = y / module - ESCPOS_QR_QUIET;
		if (my < 0 || my >= m.width)
			continue;
		for (int x = 0; x < dots; x++) {
			int mx = x / module - ESCPOS_QR_QUIET;
			if (mx >= 0 && mx < m.width && m.cells[my * m.width + mx])
				bits[y * wb + x / 8] |= (unsigned char)(0x80 >> (x % 8));
		}
	}
	escpos_raster(e, bits, wb, dots);
	free(bits);
	qr_matrix_release(&m);
	return 0;
}

void escpos_cut(struct escpos *e, enum escpos_cut how)
{
	/* function B: feed to the cutter first, so the last lines are kept */
	escpos_put3(e, GS, 'V', how == ESCPOS_CUT_FULL ? 65 : 66);
	strbuf_addch(&e->out, 0);
}

int escpos_drawer(struct escpos *e, int pin)
{
	if (pin != 2 && pin != 5)
		return -1;
	/* on 25 x 2 ms, off 250 x 2 ms: inside the 20 % duty a solenoid takes */
	unsigned char b[5] = { ESC, 'p', pin == 2 ? 0 : 1, 25, 250 };
	escpos_bytes(e, sizeof b, b);
	return 0;
}
