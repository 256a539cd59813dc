/* The keyboard-wedge state machine of wedge.h: keys held while they may be a
 * scan, then given back as one scan or as typed keys in their order; the
 * prefix/suffix and the timing rules, and the AZERTY digits. */
#include <stdlib.h>
#include <string.h>

#include "barcode.h"
#include "text.h"
#include "wedge.h"

enum wedge_state {
	ST_IDLE = 0,  /* nothing held */
	ST_HOLD,      /* timing: a burst that may end as a scan */
	ST_PASS,      /* timing: a burst too long for a scan, typed until a pause */
	ST_SCAN,      /* prefix: inside a scan */
	ST_DISCARD,   /* prefix: a scan too long, dropped up to its suffix */
};

#define Q_SCAN (-1)
#define Q_TOO_LONG (-2)

/* &é"'(-è_çà: the AZERTY characters on the keys of 1234567890. */
static const int wedge_azerty[10] = {
	0xE0 /* à */, '&', 0xE9 /* é */, '"', '\'', '(', '-', 0xE8 /* è */, '_', 0xE7 /* ç */,
};

void wedge_config_default(struct wedge_config *c)
{
	memset(c, 0, sizeof *c);
	c->prefix = 0;
	c->suffix = WEDGE_ENTER;
	c->timing = 1;
	c->layout = WEDGE_LAYOUT_AUTO;
	c->min_len = 4;
	c->gap_ms = 60;
	c->timeout_ms = 500;
}

/* Whether the first n bytes of a and b are equal but for ASCII case. */
static int wedge_ieq_n(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
		char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] - 'A' + 'a') : b[i];
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
	return 1;
}

static int wedge_ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b - 'A' + 'a') : *b;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

int wedge_parse_key(const char *s, int *out)
{
	if (!s[0] || wedge_ieq(s, "none")) {
		*out = 0;
		return 0;
	}
	if (wedge_ieq(s, "enter")) {
		*out = WEDGE_ENTER;
		return 0;
	}
	if (wedge_ieq(s, "tab")) {
		*out = '\t';
		return 0;
	}
	const char *c = NULL;
	if (strlen(s) == 6 && wedge_ieq_n(s, "ctrl-", 5))
		c = s + 5;
	else if (strlen(s) == 2 && s[0] == '^')
		c = s + 1;
	if (c) {
		char ch = *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
		if (ch < '@' || ch > '_')
			return -1;
		*out = ch & 0x1f;
		return 0;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
		char *end;
		long v = strtol(s + 2, &end, 16);
		if (*end || v <= 0 || v > 0x7f)
			return -1;
		*out = (int)v;
		return 0;
	}
	if (s[1] == '\0' && (unsigned char)s[0] > 0x20 && (unsigned char)s[0] < 0x7f) {
		*out = (unsigned char)s[0];
		return 0;
	}
	return -1;
}

int wedge_parse_layout(const char *s, enum wedge_layout *out)
{
	if (wedge_ieq(s, "us"))
		*out = WEDGE_LAYOUT_US;
	else if (wedge_ieq(s, "azerty"))
		*out = WEDGE_LAYOUT_AZERTY;
	else if (wedge_ieq(s, "auto"))
		*out = WEDGE_LAYOUT_AUTO;
	else
		return -1;
	return 0;
}

int wedge_azerty_digit(int cp)
{
	for (int i = 0; i < 10; i++)
		if (wedge_azerty[i] == cp)
			return '0' + i;
	return -1;
}

void wedge_init(struct wedge *w, const struct wedge_config *c)
{
	memset(w, 0, sizeof *w);
	if (c)
		w->cfg = *c;
	else
		wedge_config_default(&w->cfg);
	if (!w->cfg.suffix)
		w->cfg.suffix = WEDGE_ENTER;
	if (w->cfg.min_len < 1)
		w->cfg.min_len = 1;
	if (w->cfg.min_len > WEDGE_SCAN_MAX)
		w->cfg.min_len = WEDGE_SCAN_MAX;
}

/* buf[from..to) as UTF-8 into out, the AZERTY digits mapped back when the
 * layout says so. */
static void wedge_text(const struct wedge *w, size_t from, size_t to, char *out)
{
	int map = w->cfg.layout == WEDGE_LAYOUT_AZERTY;
	if (w->cfg.layout == WEDGE_LAYOUT_AUTO) {
		map = to > from;
		for (size_t i = from; i < to && map; i++)
			map = wedge_azerty_digit(w->buf[i]) >= 0;
	}
	size_t o = 0;
	for (size_t i = from; i < to; i++) {
		int d = map ? wedge_azerty_digit(w->buf[i]) : -1;
		o += utf8_encode((unsigned long)(d >= 0 ? d : w->buf[i]), out + o);
	}
	out[o] = '\0';
}

static void wedge_push(struct wedge *w, int v)
{
	if (w->qn == WEDGE_QUEUE)
		return; /* the caller did not take its events: see wedge_feed() */
	w->queue[(w->qhead + w->qn) % WEDGE_QUEUE] = v;
	w->qn++;
}

static void wedge_push_text(struct wedge *w, int marker, const char *text)
{
	if (w->sn == WEDGE_SCANS || w->qn == WEDGE_QUEUE)
		return;
	strcpy(w->scans[(w->shead + w->sn) % WEDGE_SCANS], text);
	w->sn++;
	wedge_push(w, marker);
}

/* Gives back the keys held as typed keys, in their order. */
static void wedge_release(struct wedge *w)
{
	for (size_t i = 0; i < w->n; i++)
		wedge_push(w, w->buf[i]);
	w->n = 0;
	w->state = ST_IDLE;
}

static int wedge_is_suffix(const struct wedge *w, int k)
{
	if (w->cfg.suffix == WEDGE_ENTER)
		return k == '\r' || k == '\n';
	return k == w->cfg.suffix;
}

/* A character that may be part of a scan. */
static int wedge_is_char(int k)
{
	return k >= 0x20 && k < WEDGE_KEY_OTHER && k != 0x7F && !(k >= 0x80 && k < 0xA0);
}

/* Whether text is a retail barcode with a right check digit; with `tail`,
 * only the 13 and 12 digits of EAN-13 and UPC-A count. */
static int wedge_valid_gtin(const char *text, int tail)
{
	enum barcode_kind kind = BARCODE_NONE;
	size_t n = strlen(text);
	if (!tail && n == 14) {
		int d = barcode_check_digit(text, 13);
		return d >= 0 && text[13] == '0' + d;
	}
	if (barcode_classify(text, &kind) != BARCODE_OK)
		return 0;
	return tail ? kind == BARCODE_EAN13 || kind == BARCODE_UPCA : kind != BARCODE_NONE;
}

/* A burst ended by the suffix is a scan. A key typed just before the scanner
 * started may have come in the same read, with the same time: when the
 * burst is no retail barcode (nor a GTIN-14) but what follows its first one
 * or two keys is an EAN-13 or a UPC-A, those keys were typed. (An EAN-8 is
 * too short to tell: 1234567890 ends with one.) */
static void wedge_timed_scan(struct wedge *w)
{
	char text[WEDGE_TEXT_MAX];
	size_t skip = 0;
	wedge_text(w, 0, w->n, text);
	if (!wedge_valid_gtin(text, 0)) {
		for (size_t k = 1; k <= 2 && w->n - k >= 12; k++) {
			char rest[WEDGE_TEXT_MAX];
			wedge_text(w, k, w->n, rest);
			if (wedge_valid_gtin(rest, 1)) {
				skip = k;
				strcpy(text, rest);
				break;
			}
		}
	}
	for (size_t i = 0; i < skip; i++)
		wedge_push(w, w->buf[i]);
	wedge_push_text(w, Q_SCAN, text);
	w->n = 0;
	w->state = ST_IDLE;
}

static void wedge_feed_timing(struct wedge *w, int k, int64_t now)
{
	if (w->state == ST_PASS) {
		if (now - w->last_ms <= (int64_t)w->cfg.gap_ms) {
			wedge_push(w, k);
			w->last_ms = now;
			return;
		}
		w->state = ST_IDLE;
	}
	if (w->state == ST_HOLD && now - w->last_ms > (int64_t)w->cfg.gap_ms)
		wedge_release(w);
	if (wedge_is_suffix(w, k)) {
		if (w->state == ST_HOLD && w->n >= w->cfg.min_len) {
			wedge_timed_scan(w);
			return;
		}
		wedge_release(w);
		wedge_push(w, k);
		return;
	}
	if (!wedge_is_char(k)) {
		wedge_release(w);
		wedge_push(w, k);
		return;
	}
	if (w->n == WEDGE_SCAN_MAX) {
		/* Longer than any scan: a paste, typed until the next pause. */
		wedge_release(w);
		wedge_push(w, k);
		w->state = ST_PASS;
		w->last_ms = now;
		return;
	}
	w->buf[w->n++] = k;
	w->state = ST_HOLD;
	w->last_ms = now;
}

static void wedge_feed_prefix(struct wedge *w, int k, int64_t now)
{
	if (k == w->cfg.prefix) {
		if (w->state == ST_SCAN)
			wedge_release(w); /* the last one never ended: it was typing */
		w->n = 0;
		w->state = ST_SCAN;
		w->last_ms = now;
		return;
	}
	if (w->state == ST_IDLE) {
		wedge_push(w, k);
		return;
	}
	if (wedge_is_suffix(w, k)) {
		if (w->state == ST_SCAN && w->n) {
			char text[WEDGE_TEXT_MAX];
			wedge_text(w, 0, w->n, text);
			wedge_push_text(w, Q_SCAN, text);
		}
		w->n = 0;
		w->state = ST_IDLE;
		return;
	}
	if (!wedge_is_char(k)) {
		if (w->state == ST_SCAN)
			wedge_release(w);
		w->n = 0;
		w->state = ST_IDLE;
		wedge_push(w, k);
		return;
	}
	w->last_ms = now;
	if (w->state == ST_DISCARD)
		return;
	if (w->n == WEDGE_SCAN_MAX) {
		char text[WEDGE_TEXT_MAX];
		wedge_text(w, 0, w->n, text);
		wedge_push_text(w, Q_TOO_LONG, text);
		w->n = 0;
		w->state = ST_DISCARD;
		return;
	}
	w->buf[w->n++] = k;
}

void wedge_tick(struct wedge *w, int64_t now)
{
	int64_t d = wedge_deadline(w);
	if (w->state == ST_PASS && now - w->last_ms > (int64_t)w->cfg.gap_ms)
		w->state = ST_IDLE;
	if (d < 0 || now < d)
		return;
	if (w->state == ST_DISCARD) {
		w->n = 0;
		w->state = ST_IDLE;
		return;
	}
	wedge_release(w);
}

void wedge_feed(struct wedge *w, int key, int64_t now)
{
	wedge_tick(w, now);
	if (w->cfg.prefix)
		wedge_feed_prefix(w, key, now);
	else if (w->cfg.timing)
		wedge_feed_timing(w, key, now);
	else
		wedge_push(w, key);
}

int64_t wedge_deadline(const struct wedge *w)
{
	switch (w->state) {
	case ST_HOLD:
		return w->last_ms + (int64_t)w->cfg.gap_ms + 1;
	case ST_SCAN:
	case ST_DISCARD:
		return w->last_ms + (int64_t)w->cfg.timeout_ms + 1;
	default:
		return -1;
	}
}

int wedge_holding(const struct wedge *w)
{
	return w->state == ST_HOLD || w->state == ST_SCAN || w->state == ST_DISCARD;
}

int wedge_next(struct wedge *w, struct wedge_event *ev)
{
	if (!w->qn) {
		ev->kind = WEDGE_EV_NONE;
		return 0;
	}
	int v = w->queue[w->qhead];
	w->qhead = (w->qhead + 1) % WEDGE_QUEUE;
	w->qn--;
	ev->key = 0;
	ev->text[0] = '\0';
	if (v >= 0) {
		ev->kind = WEDGE_EV_KEY;
		ev->key = v;
		return 1;
	}
	ev->kind = v == Q_SCAN ? WEDGE_EV_SCAN : WEDGE_EV_TOO_LONG;
	strcpy(ev->text, w->scans[w->shead]);
	w->shead = (w->shead + 1) % WEDGE_SCANS;
	w->sn--;
	return 1;
}
