/* The receipt document as ESC/POS through the encoder of drivers/, laid
 * out in the printer's columns after conversion to its code page (one byte
 * per column, so "€" turned into "EUR" still lines up); and the printing of
 * receipts in the format the printer's profile asks for. */
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "receipt.h"
#include "receipt-internal.h"
#include "../../drivers/transport.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

/* Adds the first `cols` bytes of the encoded text s. */
static void receipt_escpos_cut_to(struct escpos *e, const struct strbuf *s, size_t cols)
{
	escpos_raw(e, strbuf_str(s), s->len < cols ? s->len : cols);
}

static void receipt_escpos_pair(struct escpos *e, size_t width, const struct strbuf *l,
                                const struct strbuf *r)
{
	size_t rw = r->len;
	size_t room = width > rw + 1 ? width - rw - 1 : 0;
	size_t lw = l->len < room ? l->len : room;
	escpos_raw(e, strbuf_str(l), lw);
	strbuf_pad(&e->out, ' ', lw + rw < width ? width - lw - rw : 1);
	escpos_raw(e, strbuf_str(r), rw);
}

static int receipt_escpos_item(const struct receipt_item *it, const struct printer_profile *p,
                               struct escpos *e, char **err)
{
	struct strbuf l = STRBUF_INIT, r = STRBUF_INIT;
	escpos_encode(e, it->left ? it->left : "", &l);
	escpos_encode(e, it->right ? it->right : "", &r);
	size_t width = (size_t)p->columns;
	int big = 0;
	if ((it->attr & RECEIPT_BIG) && l.len + (r.len ? r.len + 1 : 0) <= width / 2) {
		big = 1;   /* only when it fits at double width */
		width /= 2;
	}
	if (it->attr & RECEIPT_BOLD)
		escpos_bold(e, 1);
	if (big)
		escpos_size(e, 2, 2);
	int rc = 0;
	switch (it->kind) {
	case RECEIPT_LINE:
		receipt_escpos_cut_to(e, &l, width);
		escpos_newline(e);
		break;
	case RECEIPT_CENTER:
		escpos_align(e, ESCPOS_CENTER);
		receipt_escpos_cut_to(e, &l, width);
		escpos_newline(e);
		escpos_align(e, ESCPOS_LEFT);
		break;
	case RECEIPT_PAIR:
		receipt_escpos_pair(e, width, &l, &r);
		escpos_newline(e);
		break;
	case RECEIPT_RULE:
		strbuf_pad(&e->out, '-', width);
		escpos_newline(e);
		break;
	case RECEIPT_EAN13:
		escpos_align(e, ESCPOS_CENTER);
		rc = escpos_ean13(e, it->left ? it->left : "", err);
		escpos_align(e, ESCPOS_LEFT);
		break;
	case RECEIPT_CODE128:
		escpos_align(e, ESCPOS_CENTER);
		rc = escpos_code128(e, it->left ? it->left : "", err);
		escpos_align(e, ESCPOS_LEFT);
		break;
	case RECEIPT_QR:
		escpos_align(e, ESCPOS_CENTER);
		if (p->qr)
			rc = escpos_qr(e, it->left ? it->left : "", p->dots >= 512 ? 6 : 4, QR_LEVEL_M, err);
		else
			rc = escpos_qr_raster(e, it->left ? it->left : "", p->dots >= 512 ? 6 : 4,
			                      QR_LEVEL_M, p->dots, err);
		escpos_align(e, ESCPOS_LEFT);
		break;
	case RECEIPT_CUT:
		if (p->cut)
			escpos_cut(e, ESCPOS_CUT_PARTIAL);
		else
			escpos_feed(e, 4);   /* past the tear bar */
		break;
	}
	if (big)
		escpos_size(e, 1, 1);
	if (it->attr & RECEIPT_BOLD)
		escpos_bold(e, 0);
	strbuf_release(&l);
	strbuf_release(&r);
	return rc;
}

int receipt_doc_escpos(const struct receipt_doc *d, const struct printer_profile *p,
                       struct escpos *e, char **err)
{
	escpos_begin(e, profile_table(p), p->cancel_kanji);
	for (size_t i = 0; i < d->n; i++)
		if (receipt_escpos_item(&d->items[i], p, e, err) != 0)
			return -1;
	return 0;
}

int app_printer_profile_check(const char *name, char **err)
{
	if (profile_find(name))
		return APP_OK;
	struct strbuf names = STRBUF_INIT;
	for (const struct printer_profile *p = printer_profiles; p->name; p++) {
		if (names.len)
			strbuf_puts(&names, ", ");
		strbuf_puts(&names, p->name);
	}
	error_set(err, _("unknown printer profile '%s' (%s)"), name, strbuf_str(&names));
	strbuf_release(&names);
	return APP_ERR;
}

char *app_printer_profiles_list(void)
{
	struct strbuf sb = STRBUF_INIT;
	for (const struct printer_profile *p = printer_profiles; p->name; p++)
		strbuf_addf(&sb, "%-13s %s\n", p->name, p->label);
	return strbuf_detach(&sb);
}

void app_set_printer_profile(struct app *a, const char *name)
{
	strlcpy_safe(a->shop.printer_profile, name ? name : "", sizeof a->shop.printer_profile);
}

const struct printer_profile *receipt_profile(const struct app *a, const char *name,
                                                     char **err)
{
	if (!name || !*name)
		name = a ? a->shop.printer_profile : NULL;
	if (!name || !*name)
		return profile_for_width(a ? a->shop.receipt_width : 48);
	if (app_printer_profile_check(name, err) != APP_OK)
		return NULL;
	return profile_find(name);
}

int receipt_escpos_bytes(const struct receipt_doc *doc, const struct printer_profile *p,
                                unsigned char **out, size_t *len, char **err)
{
	if (!p->escpos) {
		error_set(err, _("printer profile '%s' takes plain text, not ESC/POS"), p->name);
		return APP_ERR;
	}
	struct escpos e;
	if (escpos_init(&e, p->charset, err) != 0)
		return APP_ERR;
	if (receipt_doc_escpos(doc, p, &e, err) != 0) {
		escpos_release(&e);
		return APP_ERR;
	}
	*out = escpos_detach(&e, len);
	escpos_release(&e);
	return APP_OK;
}

int app_receipt_escpos(struct app *a, int64_t number, int copy, const char *profile,
                       unsigned char **out, size_t *len, char **err)
{
	*out = NULL;
	*len = 0;
	const struct printer_profile *p = receipt_profile(a, profile, err);
	if (!p)
		return APP_ERR;
	struct receipt_doc doc;
	receipt_doc_init(&doc);
	int rc = app_receipt_doc(a, number, copy, &doc, err);
	if (rc == APP_OK)
		rc = receipt_escpos_bytes(&doc, p, out, len, err);
	receipt_doc_release(&doc);
	return rc;
}

int app_print_bytes(const char *uri, const void *bytes, size_t len, char **err)
{
	struct transport *tr;
	if (transport_open(uri, &tr, err) != 0)
		return APP_ERR;
	int rc = transport_write(tr, bytes, len, err);
	if (rc != 0) {
		/* Ask the printer why, briefly: paper out and cover open are worth
		 * telling the cashier. Printers that do not answer say nothing. */
		unsigned flags = 0;
		char why[160];
		transport_set_timeout(tr, 500);
		if (transport_status(tr, &flags, NULL) == 0 && !(flags & TRANSPORT_STATUS_UNKNOWN) &&
		    err && *err) {
			char *first = *err;
			*err = NULL;
			error_set(err, "%s (%s)", first,
			          transport_status_describe(flags, why, sizeof why));
			free(first);
		}
	}
	transport_close(tr);
	return rc == 0 ? APP_OK : APP_ERR;
}

/* Without a configured profile, a printer that tells its IEEE 1284 device
 * ID (usb:, dev:) picks one when the ID names a known model; NULL keeps
 * plain text. */
static const struct printer_profile *receipt_profile_detect(const char *uri)
{
	struct transport *tr;
	char *id = NULL;
	if (transport_open(uri, &tr, NULL) != 0)
		return NULL;
	transport_set_timeout(tr, 500);
	const struct printer_profile *p = NULL;
	if (transport_device_id(tr, &id, NULL) == 0 && id)
		p = profile_by_device_id(id);
	free(id);
	transport_close(tr);
	return p;
}

int app_print_receipt(struct app *a, const char *uri, int64_t number, int copy, char **err)
{
	const struct printer_profile *p = NULL;
	if (a->shop.printer_profile[0] && !(p = receipt_profile(a, NULL, err)))
		return APP_ERR;
	if (!p)
		p = receipt_profile_detect(uri);
	int rc;
	if (p && p->escpos) {
		unsigned char *bytes = NULL;
		size_t len = 0;
		rc = app_receipt_escpos(a, number, copy, NULL, &bytes, &len, err);
		if (rc == APP_OK)
			rc = app_print_bytes(uri, bytes, len, err);
		free(bytes);
		return rc;
	}
	char *text = NULL;
	rc = app_receipt_text(a, number, copy, &text, err);
	if (rc == APP_OK)
		rc = app_print_text(a, uri, text, err);
	free(text);
	return rc;
}

char *app_qr_text(const char *data, int light_blocks, char **err)
{
	return qr_halfblocks(data, QR_LEVEL_M, 2, light_blocks, err);
}
