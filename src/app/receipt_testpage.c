/* The printer test page: what a shop checks when it sets up a printer,
 * the letters of French receipts, the rupee, the sizes, the line width and
 * every kind of code the receipts use. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "receipt.h"
#include "receipt-internal.h"
#include "../util/i18n.h"
#include "../util/xalloc.h"

static void receipt_testpage_layout(const struct printer_profile *p, struct receipt_doc *d)
{
	char line[160];
	receipt_doc_add(d, RECEIPT_CENTER, RECEIPT_BOLD | RECEIPT_BIG, "comptoir", NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0, _("Printer test page"), NULL);
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	snprintf(line, sizeof line, _("Profile %s"), p->name);
	receipt_doc_add(d, RECEIPT_LINE, 0, line, NULL);
	receipt_doc_add(d, RECEIPT_LINE, 0, p->label, NULL);
	if (p->escpos) {
		snprintf(line, sizeof line, _("Code page %s (ESC t %d)"),
		         escpos_charset_name(p->charset), profile_table(p));
		receipt_doc_add(d, RECEIPT_LINE, 0, line, NULL);
	}
	snprintf(line, sizeof line, _("%d columns:"), p->columns);
	receipt_doc_add(d, RECEIPT_LINE, 0, line, NULL);
	for (int i = 0; i < p->columns && i + 1 < (int)sizeof line; i++)
		line[i] = (char)('0' + (i + 1) % 10);
	line[p->columns < (int)sizeof line ? p->columns : (int)sizeof line - 1] = '\0';
	receipt_doc_add(d, RECEIPT_LINE, 0, line, NULL);
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	receipt_doc_add(d, RECEIPT_LINE, 0, "é è à ç ù ô œ € « » ’", NULL);
	receipt_doc_add(d, RECEIPT_LINE, 0, "É È À Ç Ù Ô Œ â ê î û ë ï ü", NULL);
	receipt_doc_add(d, RECEIPT_PAIR, 0, "Café crème", "12,50 €");
	receipt_doc_add(d, RECEIPT_PAIR, 0, "« L’œuvre »", "1 234,00 €");
	receipt_doc_add(d, RECEIPT_PAIR, 0, "Masala chai", "₹1,234.50");
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	receipt_doc_add(d, RECEIPT_LINE, RECEIPT_BOLD, _("Bold"), NULL);
	receipt_doc_add(d, RECEIPT_CENTER, RECEIPT_BIG, _("Double"), NULL);
	receipt_doc_add(d, RECEIPT_PAIR, RECEIPT_BOLD, _("TOTAL"), "12,50 €");
	receipt_doc_add(d, RECEIPT_RULE, 0, NULL, NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0, "EAN-13", NULL);
	receipt_doc_add(d, RECEIPT_EAN13, 0, "4006381333931", NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0, "Code 128", NULL);
	receipt_doc_add(d, RECEIPT_CODE128, 0, "T00000042", NULL);
	receipt_doc_add(d, RECEIPT_CENTER, 0, "QR", NULL);
	receipt_doc_add(d, RECEIPT_QR, 0, "comptoir test page: Café 12,50 €", NULL);
	receipt_doc_add(d, RECEIPT_CUT, 0, NULL, NULL);
}

int app_printer_test_page(const char *profile, unsigned char **out, size_t *len, char **err)
{
	*out = NULL;
	*len = 0;
	const struct printer_profile *p = receipt_profile(NULL, profile ? profile : "generic-80", err);
	if (!p)
		return APP_ERR;
	struct receipt_doc doc;
	receipt_doc_init(&doc);
	receipt_testpage_layout(p, &doc);
	int rc = APP_OK;
	if (p->escpos) {
		rc = receipt_escpos_bytes(&doc, p, out, len, err);
	} else {
		char *text = receipt_doc_text(&doc, (size_t)p->columns);
		*len = strlen(text);
		*out = (unsigned char *)text;
	}
	receipt_doc_release(&doc);
	return rc;
}
