/* comptoir ask: a buyer's question read into what is asked (price, stock,
 * order, help) and answered from the price engine, the stock and the desk's
 * orders, for the asking customer only, in a few lines of plain text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app-internal.h"
#include "ask.h"
#include "../../db/prices.h"
#include "../core/orderparse.h"
#include "../core/text.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define ASK_WORDS 24
#define ASK_ORDER_MAX 32
#define ASK_SHOWN 60   /* columns of a question echoed back */

enum ask_intent { ASK_NONE, ASK_PRICE, ASK_STOCK, ASK_ORDER, ASK_HELP };

/* Words that say what is asked, English and French, lower case. */
static const struct {
	const char *word;
	enum ask_intent intent;
} ask_keywords[] = {
	{ "price", ASK_PRICE }, { "prices", ASK_PRICE }, { "prix", ASK_PRICE },
	{ "tarif", ASK_PRICE }, { "cost", ASK_PRICE }, { "much", ASK_PRICE },
	{ "combien", ASK_PRICE },
	{ "stock", ASK_STOCK }, { "stocks", ASK_STOCK }, { "available", ASK_STOCK },
	{ "have", ASK_STOCK }, { "dispo", ASK_STOCK }, { "disponible", ASK_STOCK },
	{ "avez", ASK_STOCK }, { "avez-vous", ASK_STOCK },
	{ "order", ASK_ORDER }, { "orders", ASK_ORDER }, { "commande", ASK_ORDER },
	{ "cde", ASK_ORDER },
	{ "help", ASK_HELP }, { "aide", ASK_HELP },
};

/* Words around the product and quantity that change nothing. */
static const char *const ask_fillers[] = {
	"what", "whats", "what's", "is", "are", "my", "the", "for", "of", "a", "an", "me", "do",
	"you", "your", "please", "pls", "in", "i", "need", "want", "how", "per", "unit", "units",
	"where", "status", "number", "no", "nr", "can", "get", "it", "still",
	"quel", "quelle", "est", "est-il", "est-ce", "que", "c'est", "mon", "ma", "le", "la",
	"les", "de", "du", "des", "pour", "en", "vous", "svp", "un", "une", "il", "y", "au",
	"n\xc2\xb0", "numero", "num\xc3\xa9ro", "\xc3\xa0", "ou", "o\xc3\xb9",
};

struct ask_words {
	char buf[APP_ASK_MAX + 1];
	char *w[ASK_WORDS];
	size_t n;
};

/* Splits s into words (blanks), each lowered (ASCII) in `low` and stripped
 * of trailing ?!,:; and a trailing '.'.  -1 when there are too many. */
static int ask_split(const char *s, struct ask_words *orig, struct ask_words *low)
{
	strlcpy_safe(orig->buf, s, sizeof orig->buf);
	orig->n = low->n = 0;
	for (char *p = strtok(orig->buf, " "); p; p = strtok(NULL, " ")) {
		size_t n = strlen(p);
		while (n && strchr("?!,:;.", p[n - 1]))
			p[--n] = '\0';
		if (!n)
			continue;
		if (orig->n == ASK_WORDS)
			return -1;
		orig->w[orig->n++] = p;
	}
	char *q = low->buf;
	for (size_t i = 0; i < orig->n; i++) {
		low->w[low->n++] = q;
		for (const char *p = orig->w[i]; *p; p++)
			*q++ = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
		*q++ = '\0';
	}
	return 0;
}

static int ask_is_filler(const char *w)
{
	for (size_t i = 0; i < sizeof ask_fillers / sizeof ask_fillers[0]; i++)
		if (strcmp(w, ask_fillers[i]) == 0)
			return 1;
	return 0;
}

/* What is asked, and the other words (keywords and fillers dropped) joined
 * into rest. */
static enum ask_intent ask_read(const struct ask_words *orig, const struct ask_words *low,
                                char *rest, size_t size)
{
	enum ask_intent intent = ASK_NONE;
	size_t n = 0;
	rest[0] = '\0';
	for (size_t i = 0; i < low->n; i++) {
		enum ask_intent k = ASK_NONE;
		for (size_t j = 0; j < sizeof ask_keywords / sizeof ask_keywords[0]; j++)
			if (strcmp(low->w[i], ask_keywords[j].word) == 0)
				k = ask_keywords[j].intent;
		if (k != ASK_NONE) {
			if (intent == ASK_NONE)
				intent = k;
			continue;
		}
		if (ask_is_filler(low->w[i]))
			continue;
		size_t len = strlen(orig->w[i]);
		if (n + len + 2 > size)
			return ASK_NONE;
		if (n)
			rest[n++] = ' ';
		memcpy(rest + n, orig->w[i], len + 1);
		n += len;
	}
	return intent;
}

static void ask_help(struct strbuf *sb)
{
	strbuf_puts(sb, _("Questions I answer, one per line:\n"
	                  "  price 50 CODE   your price for 50 of a product, and the total\n"
	                  "  price CODE      your price for one\n"
	                  "  stock CODE      whether it is in stock (stock 50 CODE: whether 50 are)\n"
	                  "  order NUMBER    where your order stands\n"
	                  "  help            this list\n"
	                  "French works too: prix, stock, commande, aide.\n"));
}

/* "I did not understand" with the question shown cleaned and cut short. */
static void ask_not_understood(struct strbuf *sb, const char *clean, const char *why)
{
	char shown[ASK_SHOWN * 4 + 4];
	strlcpy_safe(shown, clean, sizeof shown);
	size_t cut = utf8_prefix_for_width(shown, ASK_SHOWN);
	int more = shown[cut] != '\0';
	shown[cut] = '\0';
	if (more)
		strcat(shown, "...");
	if (shown[0])
		strbuf_addf(sb, _("I did not understand \"%s\"%s%s.\n"), shown, why ? ": " : "",
		            why ? why : "");
	else
		strbuf_addf(sb, _("I did not understand the question%s%s.\n"), why ? ": " : "",
		            why ? why : "");
	strbuf_puts(sb, _("Ask for example: price 50 CODE, stock CODE, order NUMBER, or help.\n"));
}

/* The product named by code (tried in upper case too: buyers type "gro-0021").
 * APP_OK, APP_NOTFOUND (answered in sb) or APP_IO. */
static int ask_product(struct app *a, const char *code, struct app_scan *scan, struct strbuf *sb,
                       char **err)
{
	char *e = NULL;
	int rc = app_lookup(a, code, scan, &e);
	if (rc == APP_NOTFOUND) {
		char upper[ORDERPARSE_CODE_MAX * 4 + 1];
		size_t i;
		for (i = 0; code[i] && i + 1 < sizeof upper; i++)
			upper[i] = (code[i] >= 'a' && code[i] <= 'z') ? (char)(code[i] - 'a' + 'A') : code[i];
		upper[i] = '\0';
		if (strcmp(upper, code) != 0) {
			free(e);
			e = NULL;
			rc = app_lookup(a, upper, scan, &e);
		}
	}
	if (rc == APP_IO) {
		*err = e;
		return APP_IO;
	}
	free(e);
	if (rc != APP_OK) {
		char shown[ORDERPARSE_CODE_MAX * 4 + 1];
		strlcpy_safe(shown, code, sizeof shown);
		shown[utf8_prefix_for_width(shown, 30)] = '\0';
		strbuf_addf(sb, _("I do not know the product \"%s\". Check the code on your price list.\n"),
		            shown);
		return APP_NOTFOUND;
	}
	return APP_OK;
}

/* The quantity asked (qty text, NULL for none) in the product's units;
 * APP_ERR with the problem answered in sb. */
static int ask_qty(struct app *a, const struct app_scan *scan, const char *qty, int64_t *q,
                   struct strbuf *sb)
{
	(void)a;
	if (!qty) {
		*q = scan->item.weighed ? 1000 : 1;
		return APP_OK;
	}
	char *e = NULL;
	if (app_parse_qty(qty, scan->item.weighed, q, &e) != APP_OK) {
		strbuf_addf(sb, "%s %s: %s.\n", scan->item.sku, scan->item.name, e ? e : "?");
		free(e);
		return APP_ERR;
	}
	return APP_OK;
}

static void ask_qty_text(char *out, size_t size, const struct app_scan *scan, int64_t q)
{
	char n[32];
	quantity_format(n, sizeof n, q, scan->item.weighed ? 3 : 0, ".");
	if (scan->item.weighed)
		snprintf(out, size, _("%s kg"), n);
	else
		snprintf(out, size, "%s", n);
}

/* The price, as comptoir price --customer gives it: the engine's unit price
 * in the customer's list's tax convention (before tax when exempt). */
static int ask_price(struct app *a, const struct app_ask *q, const char *code, const char *qty,
                     struct strbuf *sb, char **err)
{
	struct app_scan scan;
	int rc = ask_product(a, code, &scan, sb, err);
	if (rc != APP_OK)
		return rc == APP_IO ? APP_IO : APP_OK;
	int64_t n;
	if (ask_qty(a, &scan, qty, &n, sb) != APP_OK)
		return APP_OK;
	struct db_customer dc;
	memset(&dc, 0, sizeof dc);
	if (q->customer && db_customer_full(a->db, q->customer, &dc) != DB_OK) {
		error_set(err, _("cannot read customers: %s"), db_errmsg(a->db));
		return APP_IO;
	}
	int inclusive = a->shop.prices_include_tax;
	money_t unit = scan.item.unit_price;
	int refused = 0;
	const struct price_list *l = NULL;
	if (!scan.price_embedded) {
		struct price_result r;
		char *e = NULL;
		rc = app_resolve_price(a, scan.item.product_id, scan.item.unit_price, scan.item.tax_rate,
		                       dc.id, dc.price_list_id, n, scan.item.weighed, 0, &r, &e);
		if (rc == APP_IO) {
			*err = e;
			return APP_IO;
		}
		if (rc == APP_ERR) {
			strbuf_addf(sb, _("%s %s: no price can be given: please ask the shop.\n"),
			            scan.item.sku, scan.item.name);
			free(e);
			return APP_OK;
		}
		refused = rc;
		if (dc.price_list_id) {
			l = pricing_find_list(a->lists, a->nlists, dc.price_list_id);
			if (l)
				inclusive = l->inclusive;
		}
		if (dc.tax_exempt[0])
			inclusive = 0;
		unit = pricing_to_convention(r.unit, scan.item.tax_rate, r.inclusive, inclusive);
	}
	char qs[48], u[48], rate[16], total[48];
	ask_qty_text(qs, sizeof qs, &scan, n);
	money_format(u, sizeof u, unit, app_msg_money(a));
	tax_rate_format(rate, sizeof rate, scan.item.tax_rate);
	strbuf_addf(sb, "%s %s\n", scan.item.sku, scan.item.name);
	if (refused == PRICING_BELOW_MIN && l && l->min_qty > 1)
		strbuf_addf(sb, _("%s cannot be ordered: sold to you from %lld.\n"), qs,
		            (long long)l->min_qty);
	else if (refused == PRICING_NOT_MULTIPLE && l && l->multiple > 1)
		strbuf_addf(sb, _("%s cannot be ordered: sold to you in multiples of %lld.\n"), qs,
		            (long long)l->multiple);
	else if (refused)
		strbuf_addf(sb, _("%s cannot be ordered: %s.\n"), qs, _(pricing_strerror(refused)));
	if (refused)
		return APP_OK;
	const char *per = scan.item.weighed ? _("per kg") : _("per unit");
	const char *who = q->customer ? _("your price") : _("price");
	if (dc.tax_exempt[0])
		strbuf_addf(sb, _("%s for %s: %s %s %s, before tax (you are exempt from tax)\n"), who, qs,
		            u, a->shop.currency, per);
	else if (inclusive)
		strbuf_addf(sb, _("%s for %s: %s %s %s, tax included (%s %%)\n"), who, qs, u,
		            a->shop.currency, per, rate);
	else
		strbuf_addf(sb, _("%s for %s: %s %s %s, before tax (%s %% tax added)\n"), who, qs, u,
		            a->shop.currency, per, rate);
	int64_t t;
	if (money_muldiv(unit, n, scan.item.weighed ? 1000 : 1, &t) == MONEY_OK) {
		money_format(total, sizeof total, t, app_msg_money(a));
		strbuf_addf(sb, _("total for %s: %s %s %s\n"), qs, total, a->shop.currency,
		            inclusive && !dc.tax_exempt[0] ? _("tax included") : _("before tax"));
	}
	return APP_OK;
}

/* Stock is said as "in stock" or "not in stock", never as a number: a
 * quantity asked is answered yes or no. */
static int ask_stock(struct app *a, const char *code, const char *qty, struct strbuf *sb,
                     char **err)
{
	struct app_scan scan;
	int rc = ask_product(a, code, &scan, sb, err);
	if (rc != APP_OK)
		return rc == APP_IO ? APP_IO : APP_OK;
	int64_t n = 0;
	if (qty && ask_qty(a, &scan, qty, &n, sb) != APP_OK)
		return APP_OK;
	struct app_stock_row rows[1];
	size_t nrows;
	int64_t total = 0;
	int weighed;
	char *e = NULL;
	rc = app_stock(a, scan.item.sku, &total, &weighed, rows, 1, &nrows, &e);
	if (rc == APP_IO) {
		*err = e;
		return APP_IO;
	}
	free(e);
	if (rc != APP_OK) {
		strbuf_addf(sb, _("%s %s: stock cannot be told now: please ask the shop.\n"),
		            scan.item.sku, scan.item.name);
		return APP_OK;
	}
	char qs[48];
	ask_qty_text(qs, sizeof qs, &scan, n);
	if (qty && total >= n)
		strbuf_addf(sb, _("%s %s: yes, %s can be supplied from stock.\n"), scan.item.sku,
		            scan.item.name, qs);
	else if (qty && total > 0)
		strbuf_addf(sb, _("%s %s: in stock, but not %s at the moment; ask the shop for a "
		                  "delivery date.\n"), scan.item.sku, scan.item.name, qs);
	else if (total > 0)
		strbuf_addf(sb, _("%s %s: in stock.\n"), scan.item.sku, scan.item.name);
	else
		strbuf_addf(sb, _("%s %s: not in stock at the moment.\n"), scan.item.sku,
		            scan.item.name);
	return APP_OK;
}

/* Copies the desk's answer without blank lines (they separate answers). */
static void ask_add_lines(struct strbuf *sb, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");
		char line[256];
		size_t m = n < sizeof line - 1 ? n : sizeof line - 1;
		memcpy(line, text, m);
		line[m] = '\0';
		char clean[256];
		if (text_clean(line, clean, sizeof clean, 0) != TEXT_BAD_UTF8 && clean[0])
			strbuf_addf(sb, "%s\n", clean);
		text += n + (text[n] == '\n');
	}
}

static int ask_order(struct app *a, const struct app_ask *q, const char *rest, struct strbuf *sb,
                     char **err)
{
	const char *num = rest[0] == '#' ? rest + 1 : rest;
	size_t len = strlen(num);
	if (!len || len > ASK_ORDER_MAX || strspn(num, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                               "abcdefghijklmnopqrstuvwxyz-/") != len) {
		strbuf_puts(sb, _("Which order? Write: order NUMBER (the number on your order).\n"));
		return APP_OK;
	}
	if (!q->customer) {
		strbuf_puts(sb, _("Orders are answered only to the customer who placed them.\n"));
		return APP_OK;
	}
	if (!q->orders || !q->orders->answer) {
		strbuf_puts(sb, _("Order questions cannot be answered here yet: please ask the shop "
		                  "during opening hours.\n"));
		return APP_OK;
	}
	char *answer = NULL, *e = NULL;
	int rc = q->orders->answer(a, q->customer, num, &answer, &e);
	if (rc == APP_IO) {
		free(answer);
		*err = e;
		return APP_IO;
	}
	free(e);
	if (rc == APP_OK && answer && answer[0])
		ask_add_lines(sb, answer);
	else
		strbuf_addf(sb, _("I find no order %s of yours.\n"), num);
	free(answer);
	return APP_OK;
}

int app_ask_check(struct app *a, const struct app_ask *q, char **err)
{
	if (!q->customer)
		return APP_OK;
	return app_customer(a, q->customer, NULL, 0, err);
}

/* Cleans the raw question: NULs dropped, tabs made blanks, controls
 * stripped, UTF-8 checked.  -1 when too long, -2 when not UTF-8. */
static int ask_clean(const char *s, size_t len, char *out, size_t size)
{
	char raw[APP_ASK_MAX + 1];
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < len; i++) {
		if (!s[i])
			continue;
		if (n == APP_ASK_MAX)
			return -1;
		raw[n++] = s[i] == '\t' ? ' ' : s[i];
	}
	raw[n] = '\0';
	int rc = text_clean(raw, out, size, 0);
	if (rc == TEXT_BAD_UTF8)
		return -2;
	return rc == TEXT_TOO_LONG ? -1 : 0;
}

int app_ask(struct app *a, const struct app_ask *q, const char *question, size_t len,
            char **answer, char **err)
{
	struct strbuf sb = STRBUF_INIT;
	char clean[APP_ASK_MAX + 1], rest[APP_ASK_MAX + 1];
	struct ask_words orig, low;
	int rc = APP_OK;
	*answer = NULL;
	int c = ask_clean(question, len, clean, sizeof clean);
	if (c == -1) {
		strbuf_addf(&sb, _("I did not understand: the question is too long (at most %d "
		                   "characters).\n"), APP_ASK_MAX);
		strbuf_puts(&sb, _("Ask for example: price 50 CODE, stock CODE, order NUMBER, or help.\n"));
	} else if (c == -2) {
		ask_not_understood(&sb, "", _("it is not UTF-8 text"));
	} else if (strcmp(clean, "?") == 0) {
		ask_help(&sb);
	} else if (!clean[0] || ask_split(clean, &orig, &low) != 0) {
		ask_not_understood(&sb, clean, NULL);
	} else {
		enum ask_intent intent = ask_read(&orig, &low, rest, sizeof rest);
		struct orderparse_line l;
		orderparse_line(rest, strlen(rest), &l);
		int one = rest[0] && !strchr(rest, ' ');
		const char *code = l.status == ORDERPARSE_OK ? l.code : one ? rest : NULL;
		const char *qty = l.status == ORDERPARSE_OK ? l.qty : NULL;
		switch (intent) {
		case ASK_HELP:
			ask_help(&sb);
			break;
		case ASK_PRICE:
		case ASK_STOCK:
			if (!code && !rest[0])
				strbuf_puts(&sb, intent == ASK_PRICE
				                 ? _("Which product? Write: price 50 CODE, or price CODE.\n")
				                 : _("Which product? Write: stock CODE.\n"));
			else if (!code)
				ask_not_understood(&sb, clean, l.status == ORDERPARSE_UNKNOWN ? NULL
				                               : _(orderparse_strerror(l.status)));
			else if (intent == ASK_PRICE)
				rc = ask_price(a, q, code, qty, &sb, err);
			else
				rc = ask_stock(a, code, qty, &sb, err);
			break;
		case ASK_ORDER:
			rc = ask_order(a, q, rest, &sb, err);
			break;
		case ASK_NONE:
			ask_not_understood(&sb, clean, NULL);
			break;
		}
	}
	if (rc != APP_OK) {
		strbuf_release(&sb);
		return rc;
	}
	*answer = strbuf_detach(&sb);
	return APP_OK;
}
