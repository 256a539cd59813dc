/* The buyers' catalog of catalog.h: products streamed in catalogue order,
 * each priced by the price engine at quantity 1 and at its breaks, laid out
 * in rows with the wrapping both writers share, and handed to one of them. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "catalog.h"
#include "catalog-internal.h"
#include "../../db/catalog_list.h"
#include "../../db/prices.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"
#include "../util/xalloc.h"

#define CATALOG_PRICES_MAX 12   /* quantity 1 and the breaks shown per product */
#define CATALOG_BREAKS_READ 64
#define CATALOG_ELLIPSIS "\xe2\x80\xa6"   /* … */

const char *const catalog_headings[COL_COUNT] = {
	[COL_SKU] = N_("SKU"), [COL_NAME] = N_("Product"), [COL_UNIT] = N_("Unit"),
	[COL_PACK] = N_("Pack"), [COL_QTY] = N_("Qty"), [COL_PRICE] = N_("Price"), [COL_MARK] = "",
};

/* One product as the writers see it: its cells in words. */
struct catalog_row {
	const struct db_catalog_item *item;
	char pack[96];
	size_t nprices;
	char qty[CATALOG_PRICES_MAX][32];
	char price[CATALOG_PRICES_MAX][48];
	int promo[CATALOG_PRICES_MAX];
};

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t catalog_char_len(const char *s)
{
	size_t n = 1;
	while ((s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

size_t catalog_wrap(struct catalog_doc *d, const char *s, double width,
                    struct catalog_span *out, size_t max)
{
	double (*m)(struct catalog_doc *, const char *, size_t) = d->w->measure;
	size_t n = 0;
	while (n < max) {
		while (*s == ' ')
			s++;
		size_t rest = strlen(s);
		while (rest && s[rest - 1] == ' ')
			rest--;
		if (!rest)
			break;
		if (m(d, s, rest) <= width) {
			out[n++] = (struct catalog_span){ s, rest, 0 };
			break;
		}
		if (n == max - 1) {
			double ew = m(d, CATALOG_ELLIPSIS, strlen(CATALOG_ELLIPSIS));
			size_t k = 0;
			while (k < rest) {
				size_t c = catalog_char_len(s + k);
				if (m(d, s, k + c) + ew > width)
					break;
				k += c;
			}
			while (k && s[k - 1] == ' ')
				k--;
			out[n++] = (struct catalog_span){ s, k, 1 };
			break;
		}
		size_t best = 0, e = 0;
		while (e < rest) {
			size_t end = e;
			while (end < rest && s[end] != ' ')
				end++;
			if (m(d, s, end) > width)
				break;
			best = end;
			for (e = end; e < rest && s[e] == ' '; e++)
				;
		}
		if (!best) {
			best = catalog_char_len(s);
			while (best < rest) {
				size_t c = catalog_char_len(s + best);
				if (m(d, s, best + c) > width)
					break;
				best += c;
			}
		}
		out[n++] = (struct catalog_span){ s, best, 0 };
		s += best;
	}
	return n;
}

const char *catalog_span_text(char *buf, size_t size, const char *s, size_t len,
                              int ellipsis)
{
	size_t el = ellipsis ? strlen(CATALOG_ELLIPSIS) : 0;
	if (len + el + 1 > size)
		len = size - el - 1;
	memcpy(buf, s, len);
	memcpy(buf + len, CATALOG_ELLIPSIS, el);
	buf[len + el] = '\0';
	return buf;
}

/* The rows, whichever the writer. */

static void catalog_new_page(struct catalog_doc *d)
{
	d->w->page_end(d);
	d->page++;
	d->page_rows = 0;
	d->page_promo = 0;
	d->w->page_begin(d);
}

static const char *catalog_category_name(const struct catalog_doc *d)
{
	return d->category[0] ? d->category : _("Other products");
}

/* Lays a product out: SKU, name and pack wrapped in their columns, one
 * line per price; the whole row on one page, with its category heading
 * when it opens one, or the heading repeated when a page break falls
 * inside a category. */
static void catalog_put_row(struct catalog_doc *d, const struct catalog_row *r)
{
	const struct catalog_writer *w = d->w;
	const struct catalog_geometry *g = w->g;
	struct catalog_span cells[COL_PACK + 1][8];
	static const size_t max_lines[COL_PACK + 1] = {
		[COL_SKU] = 8, [COL_NAME] = 3, [COL_UNIT] = 1, [COL_PACK] = 2,
	};
	const char *text[COL_PACK + 1] = {
		[COL_SKU] = r->item->sku, [COL_NAME] = r->item->name,
		[COL_UNIT] = r->item->unit, [COL_PACK] = r->pack,
	};
	size_t n[COL_PACK + 1], lines = r->nprices ? r->nprices : 1;
	for (int c = 0; c <= COL_PACK; c++) {
		n[c] = catalog_wrap(d, text[c], g->w[c], cells[c], max_lines[c]);
		if (n[c] > lines)
			lines = n[c];
	}
	double need = (double)lines * g->line + g->gap + (d->category_new ? g->category : 0);
	if (d->page_rows && d->y + need > g->bottom) {
		catalog_new_page(d);
		if (!d->category_new)
			w->category(d, catalog_category_name(d), 1);
	}
	if (d->category_new) {
		w->category(d, catalog_category_name(d), 0);
		d->category_new = 0;
	}
	double y = d->y;
	for (size_t i = 0; i < lines; i++, y += g->line) {
		for (int c = 0; c <= COL_PACK; c++)
			if (i < n[c])
				w->cell(d, c, y, cells[c][i].s, cells[c][i].len, cells[c][i].ellipsis);
		if (i < r->nprices) {
			w->cell(d, COL_QTY, y, r->qty[i], strlen(r->qty[i]), 0);
			w->cell(d, COL_PRICE, y, r->price[i], strlen(r->price[i]), 0);
			if (r->promo[i]) {
				w->cell(d, COL_MARK, y, "*", 1, 0);
				d->page_promo = 1;
			}
		}
	}
	w->row_end(d, y);
	d->page_rows++;
}

static int catalog_in_chain(const struct catalog_doc *d, int64_t list_id)
{
	for (size_t i = 0; i < d->nchain; i++)
		if (d->chain[i] == list_id)
			return 1;
	return 0;
}

static void catalog_qty_text(struct catalog_doc *d, const struct db_catalog_item *it,
                             int64_t qty, char *out, size_t size)
{
	if (!it->weighed) {
		snprintf(out, size, "%lld+", (long long)qty);
	} else if (qty <= 1) {
		out[0] = '\0';   /* per kg: no quantity to speak of */
	} else {
		/* Breaks of weighed goods are in kilograms. */
		snprintf(out, size, "%lld kg+", (long long)qty);
	}
}

/* The list's prices for a product: at quantity 1, then at each break of
 * the list or of the lists it derives from, each kept only when it changes
 * the price; in the list's convention. */
static int catalog_prices(struct catalog_doc *d, const struct db_catalog_item *it,
                          struct catalog_row *r, char **err)
{
	struct price_break br[CATALOG_BREAKS_READ];
	size_t nb = 0;
	if (db_product_breaks(d->a->db, it->id, br, CATALOG_BREAKS_READ, &nb) != DB_OK) {
		error_set(err, _("cannot read prices: %s"), db_errmsg(d->a->db));
		return APP_IO;
	}
	int64_t qty[CATALOG_PRICES_MAX] = { 1 };
	size_t nq = 1;
	for (size_t i = 0; i < nb; i++) {
		int64_t q = br[i].min_qty;
		if (q <= 1 || !catalog_in_chain(d, br[i].list_id))
			continue;
		size_t j = 0;
		while (j < nq && qty[j] < q)
			j++;
		if ((j < nq && qty[j] == q) || j == CATALOG_PRICES_MAX)
			continue;
		if (nq == CATALOG_PRICES_MAX)
			nq--;
		memmove(&qty[j + 1], &qty[j], (nq - j) * sizeof qty[0]);
		qty[j] = q;
		nq++;
	}
	money_t last = 0;
	for (size_t i = 0; i < nq; i++) {
		struct price_result res;
		int rc = app_resolve_price(d->a, it->id, it->price, it->tax_rate, 0, d->list.id,
		                           it->weighed ? qty[i] * 1000 : qty[i], it->weighed, d->now,
		                           &res, err);
		if (rc == APP_IO || rc == APP_ERR)
			return rc;
		money_t unit = pricing_to_convention(res.unit, it->tax_rate, res.inclusive,
		                                     d->list.inclusive);
		if (r->nprices && unit == last)
			continue;
		last = unit;
		size_t k = r->nprices++;
		catalog_qty_text(d, it, qty[i], r->qty[k], sizeof r->qty[k]);
		money_format(r->price[k], sizeof r->price[k], unit, d->a->shop.money);
		r->promo[k] = res.source == PRICE_FROM_PROMO;
	}
	return APP_OK;
}

static int catalog_product(const struct db_catalog_item *it, void *ctx)
{
	struct catalog_doc *d = ctx;
	struct catalog_row r;
	memset(&r, 0, sizeof r);
	r.item = it;
	int rc = catalog_prices(d, it, &r, d->err);
	if (rc != APP_OK) {
		d->rc = rc;
		return 1;
	}
	if (it->npacks)
		snprintf(r.pack, sizeof r.pack, it->npacks > 1 ? _("cases of %s") : _("case of %s"),
		         it->packs);
	if (!d->products || strcmp(it->category, d->category) != 0) {
		strlcpy_safe(d->category, it->category, sizeof d->category);
		d->category_new = 1;
	}
	catalog_put_row(d, &r);
	d->products++;
	if (ferror(d->f)) {
		error_set(d->err, _("cannot write %s: %s"), d->path, strerror(errno));
		d->rc = APP_ERR;
		return 1;
	}
	return 0;
}

/* The title, terms and date of the first page, in words. */
static void catalog_words(struct catalog_doc *d, const char *list_name)
{
	snprintf(d->title, sizeof d->title, _("Price list: %s"), list_name);
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, d->list.inclusive ? _("Unit prices, tax included")
	                                   : _("Unit prices before tax"));
	if (d->list.min_qty > 1) {
		strbuf_puts(&sb, " \xc2\xb7 ");
		strbuf_addf(&sb, _("minimum %lld units per product"), (long long)d->list.min_qty);
	}
	if (d->list.multiple > 1) {
		strbuf_puts(&sb, " \xc2\xb7 ");
		strbuf_addf(&sb, _("by multiples of %lld units"), (long long)d->list.multiple);
	}
	strlcpy_safe(d->terms, strbuf_str(&sb), sizeof d->terms);
	strbuf_release(&sb);
	int32_t day = app_today(d->now);
	char date[32];
	/* Day first, as in both countries the shop knows (France, India). */
	snprintf(date, sizeof date, "%02d/%02d/%04d", (int)(day % 100), (int)(day / 100 % 100),
	         (int)(day / 10000));
	snprintf(d->date, sizeof d->date, _("Prices on %s"), date);
}

/* Finds the list by code and the lists its prices may come from. */
static int catalog_list(struct catalog_doc *d, const char *code, char **err)
{
	struct app *a = d->a;
	if (app_lists_refresh(a, err) != APP_OK)
		return APP_IO;
	const struct price_list *l = NULL;
	for (size_t i = 0; i < a->nlists && !l; i++)
		if (strcmp(a->lists[i].code, code) == 0)
			l = &a->lists[i];
	if (!l) {
		struct strbuf sb = STRBUF_INIT;
		for (size_t i = 0; i < a->nlists; i++)
			strbuf_addf(&sb, "%s%s", i ? ", " : "", a->lists[i].code);
		error_set(err, _("unknown price list '%s' (the shop has: %s)"), code,
		          sb.len ? strbuf_str(&sb) : _("none"));
		strbuf_release(&sb);
		return APP_NOTFOUND;
	}
	d->list = *l;
	d->chain[d->nchain++] = l->id;
	while (l->id != a->base_list_id && l->parent_id && d->nchain < CATALOG_CHAIN_MAX - 1) {
		l = pricing_find_list(a->lists, a->nlists, l->parent_id);
		if (!l || catalog_in_chain(d, l->id))
			break;
		d->chain[d->nchain++] = l->id;
	}
	if (!catalog_in_chain(d, a->base_list_id))
		d->chain[d->nchain++] = a->base_list_id;
	return APP_OK;
}

enum app_catalog_format app_catalog_format(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot || strchr(dot, '/') || dot == path || dot[-1] == '/')
		return APP_CATALOG_NONE;
	if (strcasecmp(dot, ".pdf") == 0)
		return APP_CATALOG_PDF;
	if (strcasecmp(dot, ".txt") == 0)
		return APP_CATALOG_TEXT;
	return APP_CATALOG_NONE;
}

/* Creates a new file beside path (".NAME.PID-N.tmp"), with the mode a plain
 * fopen would give it. */
static FILE *catalog_open_temp(const char *path, char *tmp, size_t size, char **err)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	int saved = 0;
	for (int i = 0; i < 100; i++) {
		int len = snprintf(tmp, size, "%.*s.%s.%ld-%d.tmp", dirlen, path, path + dirlen,
		                   (long)getpid(), i);
		if (len < 0 || (size_t)len >= size) {
			saved = ENAMETOOLONG;
			break;
		}
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0) {
			FILE *f = fdopen(fd, "wb");
			if (f)
				return f;
			saved = errno;
			close(fd);
			unlink(tmp);
			break;
		}
		saved = errno;
		if (errno != EEXIST)
			break;
	}
	error_set(err, _("cannot write %s: %s"), path, strerror(saved));
	return NULL;
}

int app_catalog_write(struct app *a, const struct app_catalog_req *req,
                      struct app_catalog_stats *stats, char **err)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	const struct catalog_writer *w = req->format == APP_CATALOG_PDF    ? &catalog_pdf_writer
	                                 : req->format == APP_CATALOG_TEXT ? &catalog_text_writer
	                                                                   : NULL;
	if (!w) {
		error_set(err, _("cannot write %s: name it .pdf or .txt"), req->path);
		return APP_ERR;
	}
	struct catalog_doc d;
	memset(&d, 0, sizeof d);
	d.a = a;
	d.w = w;
	d.path = req->path;
	d.now = req->now;
	d.err = err;
	int rc = catalog_list(&d, req->list, err);
	if (rc != APP_OK)
		return rc;
	char name[DB_NAME_MAX + 1];
	if (db_catalog_list_name(a->db, d.list.id, name, sizeof name) != DB_OK || !name[0])
		strlcpy_safe(name, d.list.code, sizeof name);
	catalog_words(&d, name);

	struct stat stt;
	if (stat(req->path, &stt) == 0 && S_ISDIR(stt.st_mode)) {
		error_set(err, _("cannot write %s: %s"), req->path, strerror(EISDIR));
		return APP_ERR;
	}
	char tmp[PATH_MAX];
	d.f = catalog_open_temp(req->path, tmp, sizeof tmp, err);
	if (!d.f)
		return APP_ERR;
	rc = w->open(&d, err);
	if (rc == APP_OK) {
		d.page = 1;
		w->page_begin(&d);
		int walk = db_catalog_each_product(a->db, req->category, catalog_product, &d, err);
		rc = walk == DB_OK ? APP_OK : walk > 0 ? d.rc : APP_IO;
	}
	if (rc == APP_OK && !d.products) {
		if (req->category)
			error_set(err, _("no product in category '%s'"), req->category);
		else
			error_set(err, _("the shop has no products to list"));
		rc = APP_NOTFOUND;
	}
	if (rc == APP_OK) {
		w->page_end(&d);
		rc = w->close(&d, err);
	}
	w->release(&d);
	errno = 0;
	if (fflush(d.f) != 0 || ferror(d.f)) {
		if (rc == APP_OK)
			error_set(err, _("cannot write %s: %s"), req->path, strerror(errno ? errno : EIO));
		rc = rc == APP_OK ? APP_ERR : rc;
	}
	if (fclose(d.f) != 0 && rc == APP_OK) {
		error_set(err, _("cannot write %s: %s"), req->path, strerror(errno));
		rc = APP_ERR;
	}
	if (rc == APP_OK && rename(tmp, req->path) != 0) {
		error_set(err, _("cannot write %s: %s"), req->path, strerror(errno));
		rc = APP_ERR;
	}
	if (rc != APP_OK) {
		unlink(tmp);
		return rc;
	}
	if (stats) {
		stats->products = d.products;
		stats->pages = d.page;
	}
	return APP_OK;
}
