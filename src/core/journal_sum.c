/* Adding sale and return records up for the X and Z reports and the
 * closings, and writing those sums as canonical payload lines (and reading
 * them back). A return lowers the totals whatever sign it was written with. */
#include <stdlib.h>
#include <string.h>
#include "journal_read.h"

void jsum_init(struct jsum *s)
{
	memset(s, 0, sizeof *s);
}

static struct jsum_rate *jsum_rate_slot(struct jsum *s, int32_t rate)
{
	size_t i = 0;
	while (i < s->nrates && s->rates[i].rate < rate)
		i++;
	if (i < s->nrates && s->rates[i].rate == rate)
		return &s->rates[i];
	if (s->nrates == JSUM_RATES_MAX)
		return NULL;
	memmove(&s->rates[i + 1], &s->rates[i], (s->nrates - i) * sizeof s->rates[0]);
	s->nrates++;
	memset(&s->rates[i], 0, sizeof s->rates[i]);
	s->rates[i].rate = rate;
	return &s->rates[i];
}

static struct jsum_method *jsum_method_slot(struct jsum *s, const char *name)
{
	for (size_t i = 0; i < s->nmethods; i++)
		if (strcmp(s->methods[i].name, name) == 0)
			return &s->methods[i];
	if (s->nmethods == JSUM_METHODS_MAX || strlen(name) >= sizeof s->methods[0].name)
		return NULL;
	struct jsum_method *m = &s->methods[s->nmethods++];
	memset(m, 0, sizeof *m);
	memcpy(m->name, name, strlen(name) + 1);
	return m;
}

int jsum_add(struct jsum *s, const struct jread_ticket *t)
{
	int ret = strcmp(t->kind, "return") == 0;
	/* A return written with positive amounts is turned around. */
	int64_t k = ret && t->total > 0 ? -1 : 1;
	for (size_t i = 0; i < t->nlines; i++) {
		const struct jread_line *l = &t->lines[i];
		if (l->voided)
			continue;
		struct jsum_rate *r = jsum_rate_slot(s, l->tax_rate);
		if (!r)
			return JREAD_FULL;
		r->net += k * l->net;
		r->tax += k * l->tax;
		r->gross += k * l->gross;
		r->cgst += k * l->cgst;
		r->sgst += k * l->sgst;
		r->igst += k * l->igst;
	}
	int64_t change = ret ? 0 : t->change;
	int change_left = change != 0;
	for (size_t i = 0; i < t->npays; i++) {
		const struct jread_pay *p = &t->pays[i];
		struct jsum_method *m = jsum_method_slot(s, p->method);
		if (!m)
			return JREAD_FULL;
		int cash = strcmp(p->method, "cash") == 0;
		if (ret) {
			int64_t out = llabs(p->amount);
			m->amount -= out;
			if (cash)
				s->cash_refunds += out;
			continue;
		}
		m->amount += p->amount;
		if (cash) {
			s->cash_sales += p->amount;
			/* Change is given back in cash, once per ticket. */
			if (change_left) {
				m->amount -= change;
				change_left = 0;
			}
		}
	}
	if (change_left) {
		struct jsum_method *m = jsum_method_slot(s, "cash");
		if (!m)
			return JREAD_FULL;
		m->amount -= change;
	}
	s->change += change;
	if (ret) {
		s->returns++;
		s->returns_total += k * t->total;
	} else {
		s->sales++;
		s->sales_total += t->total;
	}
	s->total += k * t->total;
	s->net += k * t->net;
	s->tax += k * t->tax;
	s->discount += k * t->discount;
	s->rounding += k * t->rounding;
	return JREAD_OK;
}

int64_t jsum_cash_net(const struct jsum *s)
{
	return s->cash_sales - s->change - s->cash_refunds;
}

int jsum_write(const struct jsum *s, struct jbuf *b)
{
	int bad = journal_field(b, "count", "ii", s->sales, s->returns);
	bad |= journal_field(b, "sales", "i", s->sales_total);
	bad |= journal_field(b, "returns", "i", s->returns_total);
	bad |= journal_field(b, "totals", "iiiii", s->total, s->net, s->tax, s->discount,
	                     s->rounding);
	bad |= journal_field(b, "cash", "iii", s->cash_sales, s->change, s->cash_refunds);
	for (size_t i = 0; i < s->nrates && !bad; i++) {
		const struct jsum_rate *r = &s->rates[i];
		bad |= journal_field(b, "rate", "iiiiiii", (int64_t)r->rate, r->net, r->tax, r->gross,
		                     r->cgst, r->sgst, r->igst);
	}
	for (size_t i = 0; i < s->nmethods && !bad; i++)
		bad |= journal_field(b, "method", "si", s->methods[i].name, s->methods[i].amount);
	return bad ? -1 : 0;
}

/* Reads n integers from fields f[1..n]. */
static int jsum_ints(char **f, int nf, int n, int64_t *out)
{
	if (nf < n + 1)
		return -1;
	for (int i = 0; i < n; i++) {
		char *end;
		if (!*f[i + 1])
			return -1;
		out[i] = strtoll(f[i + 1], &end, 10);
		if (*end)
			return -1;
	}
	return 0;
}

static int jsum_read_line(char *line, struct jsum *s)
{
	char *f[40];
	int64_t v[7];
	int n = jread_split(line, f, 40);
	if (n < 0)
		return JREAD_SYNTAX;
	if (strcmp(f[0], "count") == 0) {
		if (jsum_ints(f, n, 2, v))
			return JREAD_SYNTAX;
		s->sales = v[0];
		s->returns = v[1];
	} else if (strcmp(f[0], "sales") == 0 || strcmp(f[0], "returns") == 0) {
		if (jsum_ints(f, n, 1, v))
			return JREAD_SYNTAX;
		*(f[0][0] == 's' ? &s->sales_total : &s->returns_total) = v[0];
	} else if (strcmp(f[0], "totals") == 0) {
		if (jsum_ints(f, n, 5, v))
			return JREAD_SYNTAX;
		s->total = v[0];
		s->net = v[1];
		s->tax = v[2];
		s->discount = v[3];
		s->rounding = v[4];
	} else if (strcmp(f[0], "cash") == 0) {
		if (jsum_ints(f, n, 3, v))
			return JREAD_SYNTAX;
		s->cash_sales = v[0];
		s->change = v[1];
		s->cash_refunds = v[2];
	} else if (strcmp(f[0], "rate") == 0) {
		if (jsum_ints(f, n, 7, v) || v[0] < 0 || v[0] > 100000)
			return JREAD_SYNTAX;
		struct jsum_rate *r = jsum_rate_slot(s, (int32_t)v[0]);
		if (!r)
			return JREAD_FULL;
		r->net += v[1];
		r->tax += v[2];
		r->gross += v[3];
		r->cgst += v[4];
		r->sgst += v[5];
		r->igst += v[6];
	} else if (strcmp(f[0], "method") == 0) {
		if (n < 3 || jread_unescape(f[1]) != 0 || jsum_ints(f + 1, n - 1, 1, v))
			return JREAD_SYNTAX;
		struct jsum_method *m = jsum_method_slot(s, f[1]);
		if (!m)
			return JREAD_FULL;
		m->amount += v[0];
	}
	return JREAD_OK;
}

int jsum_read(const char *payload, struct jsum *s)
{
	jsum_init(s);
	char *copy = strdup(payload ? payload : "");
	if (!copy)
		return JREAD_NOMEM;
	int rc = JREAD_OK;
	for (char *p = copy; rc == JREAD_OK && *p;) {
		char *nl = strchr(p, '\n');
		if (!nl) {
			rc = JREAD_SYNTAX;
			break;
		}
		*nl = '\0';
		rc = jsum_read_line(p, s);
		p = nl + 1;
	}
	free(copy);
	return rc;
}
