/* wedge.c: scans told from typing by timing (SSH batches, a key typed in the
 * same read as a scan, pastes, bounded length), by prefix and suffix (split
 * across reads, timeouts, too long), the AZERTY digits, the config words, and
 * a long random storm of scans and typing checked key by key. */
#include <stdlib.h>
#include "../lib/tap.h"
#include "../../src/core/wedge.h"

#define F2 0x1000102  /* a function key as the screens pass it */

static char out[65536];

/* Takes the events into out: typed keys as themselves (Enter as <CR>, other
 * keys as <K>), scans as [text], scans too long as {TOO_LONG}. */
static const char *take(struct wedge *w)
{
	struct wedge_event ev;
	size_t o = strlen(out);
	while (wedge_next(w, &ev)) {
		if (ev.kind == WEDGE_EV_SCAN)
			o += (size_t)snprintf(out + o, sizeof out - o, "[%s]", ev.text);
		else if (ev.kind == WEDGE_EV_TOO_LONG)
			o += (size_t)snprintf(out + o, sizeof out - o, "{TOO_LONG}");
		else if (ev.key == '\r')
			o += (size_t)snprintf(out + o, sizeof out - o, "<CR>");
		else if (ev.key >= WEDGE_KEY_OTHER)
			o += (size_t)snprintf(out + o, sizeof out - o, "<K>");
		else if (ev.key < 0x80)
			out[o++] = (char)ev.key;
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "<U+%04X>", (unsigned)ev.key);
		out[o] = '\0';
	}
	return out;
}

static void reset(struct wedge *w, const struct wedge_config *c)
{
	wedge_init(w, c);
	out[0] = '\0';
}

/* One UTF-8 character of s as a code point; *len its bytes. */
static int decode(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80) {
		*len = 1;
		return u[0];
	}
	if ((u[0] & 0xE0) == 0xC0) {
		*len = 2;
		return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	}
	*len = 3;
	return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
}

/* Feeds the characters of s (UTF-8) at t, t + step, ...; returns the time
 * after the last. Each key's events are taken at once, as the screens do. */
static int64_t feed(struct wedge *w, const char *s, int64_t t, int64_t step)
{
	while (*s) {
		size_t n;
		int k = decode(s, &n);
		wedge_feed(w, k, t);
		take(w);
		s += n;
		t += step;
	}
	return t - step;
}

static void key(struct wedge *w, int k, int64_t t)
{
	wedge_feed(w, k, t);
	take(w);
}

static void tick(struct wedge *w, int64_t t)
{
	wedge_tick(w, t);
	take(w);
}

static struct wedge_config timing(void)
{
	struct wedge_config c;
	wedge_config_default(&c);
	return c;
}

static struct wedge_config prefix(int p, int suffix)
{
	struct wedge_config c;
	wedge_config_default(&c);
	c.prefix = p;
	c.suffix = suffix;
	return c;
}

static void test_timing(void)
{
	struct wedge w;
	struct wedge_config c = timing();

	reset(&w, &c);
	feed(&w, "3017620422003\r", 1000, 0);
	is_str(out, "[3017620422003]", "a scan in one read is one scan");

	reset(&w, &c);
	feed(&w, "3017620422003\r", 1000, 3);
	is_str(out, "[3017620422003]", "a scan at 3 ms a key is one scan");

	reset(&w, &c);
	int64_t t = feed(&w, "12", 1000, 150);
	is_str(out, "1", "typing: a key is given back when the next comes after a pause");
	tick(&w, t + 30);
	is_str(out, "1", "typing: the last key is held for the length of a pause");
	is_int(wedge_deadline(&w), t + 61, "the deadline is the pause after the last key");
	tick(&w, t + 61);
	is_str(out, "12", "typing: ... then given back");
	key(&w, '\r', t + 200);
	is_str(out, "12<CR>", "typing: Enter after typing is a typed Enter");
	is_int(wedge_deadline(&w), -1, "nothing held, no deadline");

	reset(&w, &c);
	feed(&w, "ab\r", 1000, 0);
	is_str(out, "ab<CR>", "a fast burst shorter than a scan is typing");

	reset(&w, &c);
	feed(&w, "3017620", 1000, 0);
	is_str(out, "", "the start of a scan is held");
	ok(wedge_holding(&w), "wedge_holding says so");
	feed(&w, "422003\r", 1020, 0);
	is_str(out, "[3017620422003]", "a scan split over two SSH batches 20 ms apart is one scan");

	reset(&w, &c);
	feed(&w, "301", 1000, 0);
	feed(&w, "7620", 1020, 0);
	feed(&w, "4220", 1075, 0);
	feed(&w, "03\r", 1130, 0);
	is_str(out, "[3017620422003]", "batches 55 ms apart (jitter) are still one scan");

	reset(&w, &c);
	feed(&w, "3017620", 1000, 0);
	tick(&w, 1100);
	feed(&w, "003\r", 1100, 0);
	is_str(out, "3017620003<CR>", "a pause of 100 ms inside ends the burst: typing");

	reset(&w, &c);
	feed(&w, "53017620422003\r", 1000, 0);
	is_str(out, "5[3017620422003]", "a digit typed in the scan's read, the whole no GTIN-14: typed");
	reset(&w, &c);
	feed(&w, "03017620422003\r", 1000, 0);
	is_str(out, "[03017620422003]", "a valid GTIN-14 is scanned whole, though it ends with an EAN-13");
	reset(&w, &c);
	feed(&w, "3*3017620422003\r", 1000, 0);
	is_str(out, "3*[3017620422003]", "a quantity typed in the scan's read stays typed");

	reset(&w, &c);
	feed(&w, "53017620422003", 1000, 0);
	feed(&w, "\r", 1020, 0);
	is_str(out, "5[3017620422003]", "a key typed in the same read as a scan stays typed, before it");

	reset(&w, &c);
	feed(&w, "x", 1000, 0);
	feed(&w, "3017620422003\r", 1030, 0);
	is_str(out, "x[3017620422003]", "a key typed 30 ms before a scan stays typed");

	reset(&w, &c);
	feed(&w, "ab3017620422003\r", 1000, 0);
	is_str(out, "ab[3017620422003]", "two keys typed in the scan's read stay typed");

	reset(&w, &c);
	feed(&w, "12345670\r", 1000, 0);
	is_str(out, "[12345670]", "an EAN-8 scan");
	reset(&w, &c);
	feed(&w, "936012345670\r", 1000, 0);
	is_str(out, "[936012345670]", "a UPC-A scan that would be an EAN-8 without its first keys");

	reset(&w, &c);
	feed(&w, "SKU-00042\r", 1000, 1);
	is_str(out, "[SKU-00042]", "a code that is not a barcode is scanned whole");

	reset(&w, &c);
	feed(&w, "3017620422003\rx", 1000, 0);
	is_str(out, "[3017620422003]", "a key after a scan in the same read: the scan first");
	tick(&w, 1100);
	is_str(out, "[3017620422003]x", "... then the key");

	reset(&w, &c);
	feed(&w, "3017620422003\r4006381333931\r", 1000, 0);
	is_str(out, "[3017620422003][4006381333931]", "two scans in one read are two scans");

	reset(&w, &c);
	feed(&w, "301", 1000, 0);
	key(&w, F2, 1001);
	is_str(out, "301<K>", "a function key ends a burst: the keys before are typed, in order");

	reset(&w, &c);
	feed(&w, "12", 1000, 0);
	key(&w, 0x15, 1001);
	is_str(out, "12\x15", "a control key (Ctrl-U) ends a burst too");

	char long_text[WEDGE_SCAN_MAX + 2];
	memset(long_text, 'A', WEDGE_SCAN_MAX);
	long_text[WEDGE_SCAN_MAX] = '\0';
	reset(&w, &c);
	feed(&w, long_text, 1000, 0);
	feed(&w, "\r", 1000, 0);
	ok(out[0] == '[' && strlen(out) == WEDGE_SCAN_MAX + 2, "a scan of exactly %d characters", WEDGE_SCAN_MAX);

	char paste[200];
	memset(paste, 'p', 150);
	paste[150] = '\0';
	reset(&w, &c);
	feed(&w, paste, 1000, 0);
	feed(&w, "\r", 1000, 0);
	ok(strlen(out) == 154 && strstr(out, "<CR>") && !strchr(out, '['),
	   "a burst longer than any scan (a paste) is typing, Enter included");
	reset(&w, &c);
	feed(&w, paste, 1000, 0);
	feed(&w, "3017620422003\r", 1030, 0);
	ok(!strchr(out, '['), "... up to the next pause");
	feed(&w, "3017620422003\r", 1200, 0);
	ok(strstr(out, "[3017620422003]") != NULL, "after the pause, scans are scans again");

	c.timing = 0;
	reset(&w, &c);
	feed(&w, "3017620422003\r", 1000, 0);
	is_str(out, "3017620422003<CR>", "timing off, no prefix: every key is typed, at once");
	is_int(wedge_deadline(&w), -1, "... and nothing is held");
}

static void test_azerty(void)
{
	struct wedge w;
	struct wedge_config c = timing();

	is_int(wedge_azerty_digit('&'), '1', "& is 1");
	is_int(wedge_azerty_digit(0xE9), '2', "é is 2");
	is_int(wedge_azerty_digit(0xE0), '0', "à is 0");
	is_int(wedge_azerty_digit(0xE7), '9', "ç is 9");
	is_int(wedge_azerty_digit('5'), -1, "5 is not an AZERTY digit");

	reset(&w, &c);
	feed(&w, "&é\"'(-è_çà\r", 1000, 0);
	is_str(out, "[1234567890]", "auto: a scan of &é\"'(-è_çà is 1234567890");

	/* 3017620422003 typed by a US scanner on an AZERTY keyboard */
	const char *fr = "\"à&è-éà'ééàà\"\r";
	reset(&w, &c);
	feed(&w, fr, 1000, 0);
	is_str(out, "[3017620422003]", "auto: an EAN-13 from an AZERTY keyboard is mapped back");

	reset(&w, &c);
	feed(&w, "x", 1000, 0);
	feed(&w, fr, 1000, 0);
	is_str(out, "x[3017620422003]", "auto: a key typed in the same read stays typed");

	reset(&w, &c);
	feed(&w, "AB&é\r", 1000, 0);
	is_str(out, "[AB&é]", "auto: a scan with other characters is left alone");

	c.layout = WEDGE_LAYOUT_AZERTY;
	reset(&w, &c);
	feed(&w, "AB&é\r", 1000, 0);
	is_str(out, "[AB12]", "azerty: the digits of any scan are mapped");

	c.layout = WEDGE_LAYOUT_US;
	reset(&w, &c);
	feed(&w, "&é\"'\r", 1000, 0);
	is_str(out, "[&é\"']", "us: nothing is mapped");

	c.layout = WEDGE_LAYOUT_AUTO;
	reset(&w, &c);
	feed(&w, "&é", 1000, 200);
	tick(&w, 1500);
	is_str(out, "&<U+00E9>", "typed AZERTY characters are never mapped");
}

static void test_prefix(void)
{
	struct wedge w;
	struct wedge_config c = prefix(0x02, WEDGE_ENTER);

	reset(&w, &c);
	feed(&w, "\x02" "3017620422003\r", 1000, 0);
	is_str(out, "[3017620422003]", "prefix: Ctrl-B CODE Enter is a scan");

	reset(&w, &c);
	feed(&w, "ab\x02" "123\rcd", 1000, 0);
	is_str(out, "ab[123]cd", "prefix: typed keys around a scan in the same read stay typed, in order");
	is_int(wedge_deadline(&w), -1, "prefix: typed keys are never held");

	reset(&w, &c);
	feed(&w, "\x02" "301", 1000, 0);
	feed(&w, "7620", 1200, 0);
	feed(&w, "422003\r", 1600, 0);
	is_str(out, "[3017620422003]", "prefix: a scan split over reads 200-400 ms apart");

	reset(&w, &c);
	feed(&w, "\x02" "12", 1000, 0);
	tick(&w, 1400);
	is_str(out, "", "prefix: held within the timeout");
	tick(&w, 1600);
	is_str(out, "12", "prefix: no suffix within the timeout: the keys were typed");
	feed(&w, "\x02" "34\r", 2000, 0);
	is_str(out, "12[34]", "... and the next scan is whole");

	reset(&w, &c);
	feed(&w, "\x02" "12", 1000, 0);
	feed(&w, "\x02" "34\r", 1010, 0);
	is_str(out, "12[34]", "prefix: a new prefix gives back the unended scan as typing");

	reset(&w, &c);
	feed(&w, "\x02" "12", 1000, 0);
	key(&w, F2, 1001);
	is_str(out, "12<K>", "prefix: a function key inside gives the keys back");

	reset(&w, &c);
	feed(&w, "\x02\r", 1000, 0);
	is_str(out, "", "prefix: an empty scan is nothing");

	char longs[WEDGE_SCAN_MAX + 20];
	memset(longs, '7', WEDGE_SCAN_MAX + 10);
	longs[WEDGE_SCAN_MAX + 10] = '\0';
	reset(&w, &c);
	feed(&w, "\x02", 1000, 0);
	feed(&w, longs, 1000, 0);
	feed(&w, "\rz", 1000, 0);
	is_str(out, "{TOO_LONG}z", "prefix: a scan too long is refused once, the rest dropped up to its suffix");

	c = prefix(0x02, '\t');
	reset(&w, &c);
	feed(&w, "\x02" "ABC\t\r", 1000, 0);
	is_str(out, "[ABC]<CR>", "prefix with Tab as suffix; Enter after it is typed");

	c = prefix('~', '#');
	reset(&w, &c);
	feed(&w, "~4006381333931#", 1000, 0);
	is_str(out, "[4006381333931]", "printable prefix and suffix");

	c = prefix(0x02, WEDGE_ENTER);
	reset(&w, &c);
	feed(&w, "\x02\"à&è-éà'ééàà\"\r", 1000, 0);
	is_str(out, "[3017620422003]", "prefix: AZERTY digits are mapped back too");
}

static void test_parse(void)
{
	int k = -1;
	enum wedge_layout l;

	ok(wedge_parse_key("ctrl-b", &k) == 0 && k == 2, "ctrl-b is 0x02");
	ok(wedge_parse_key("Ctrl-B", &k) == 0 && k == 2, "Ctrl-B is 0x02");
	ok(wedge_parse_key("^B", &k) == 0 && k == 2, "^B is 0x02");
	ok(wedge_parse_key("0x02", &k) == 0 && k == 2, "0x02");
	ok(wedge_parse_key("enter", &k) == 0 && k == WEDGE_ENTER, "enter");
	ok(wedge_parse_key("Tab", &k) == 0 && k == '\t', "tab");
	ok(wedge_parse_key("none", &k) == 0 && k == 0, "none");
	ok(wedge_parse_key("", &k) == 0 && k == 0, "empty is none");
	ok(wedge_parse_key("#", &k) == 0 && k == '#', "one character");
	is_int(wedge_parse_key("ctrl-1", &k), -1, "ctrl-1 is refused");
	is_int(wedge_parse_key("abc", &k), -1, "a word is refused");
	is_int(wedge_parse_key("0x100", &k), -1, "0x100 is refused");
	ok(wedge_parse_layout("azerty", &l) == 0 && l == WEDGE_LAYOUT_AZERTY, "layout azerty");
	ok(wedge_parse_layout("US", &l) == 0 && l == WEDGE_LAYOUT_US, "layout us");
	ok(wedge_parse_layout("auto", &l) == 0 && l == WEDGE_LAYOUT_AUTO, "layout auto");
	is_int(wedge_parse_layout("qwertz", &l), -1, "layout qwertz is refused");
}

/* A storm: scans sent at 0-4 ms a key, delivered in 20 ms batches (every
 * key's time rounded up to the batch), between keys typed 120-400 ms apart;
 * sometimes a typed key lands in the scan's first batch. Every scan must come
 * whole, once, and every typed key in order. */
static unsigned storm_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void ean13(unsigned *seed, char *code)
{
	int sum = 0;
	for (int i = 0; i < 12; i++) {
		code[i] = (char)('0' + storm_rand(seed) % 10);
		sum += (code[i] - '0') * (i % 2 ? 3 : 1);
	}
	code[12] = (char)('0' + (10 - sum % 10) % 10);
	code[13] = '\0';
}

static void test_storm(int use_prefix)
{
	struct wedge w;
	struct wedge_config c = use_prefix ? prefix(0x02, WEDGE_ENTER) : timing();
	static char want[65536];
	unsigned seed = use_prefix ? 7 : 11;
	int64_t t = 1000;
	size_t wo = 0, scans = 0, same_read = 0;

	reset(&w, &c);
	want[0] = '\0';
	for (int i = 0; i < 2000; i++) {
		unsigned r = storm_rand(&seed) % 10;
		if (r < 3) {
			/* typed by a person */
			char k = (char)('a' + storm_rand(&seed) % 26);
			t += 120 + storm_rand(&seed) % 280;
			if (t > wedge_deadline(&w) && wedge_deadline(&w) >= 0)
				tick(&w, wedge_deadline(&w));
			key(&w, k, t);
			want[wo++] = k;
			want[wo] = '\0';
			continue;
		}
		char code[14], typed = 0;
		ean13(&seed, code);
		t += use_prefix ? storm_rand(&seed) % 50 : 100 + storm_rand(&seed) % 200;
		tick(&w, t);
		int64_t start = t;
		if (r == 3) {
			/* a key typed just before the scanner: in the same batch */
			typed = (char)('a' + storm_rand(&seed) % 26);
			key(&w, typed, ((start + 19) / 20) * 20);
			want[wo++] = typed;
			same_read++;
		}
		char seq[20];
		snprintf(seq, sizeof seq, "%s%s\r", use_prefix ? "\x02" : "", code);
		for (const char *p = seq; *p; p++) {
			t += storm_rand(&seed) % 5;
			key(&w, (unsigned char)*p, ((t + 19) / 20) * 20);
		}
		t = ((t + 19) / 20) * 20;
		wo += (size_t)snprintf(want + wo, sizeof want - wo, "[%s]", code);
		scans++;
	}
	tick(&w, t + 10000);
	ok(scans > 1000 && same_read > 50, "%s storm: %zu scans, %zu with a key typed in their read",
	   use_prefix ? "prefix" : "timing", scans, same_read);
	is_str(out, want, "%s storm: every scan whole and once, every typed key in order",
	       use_prefix ? "prefix" : "timing");
}

int main(void)
{
	test_timing();
	test_azerty();
	test_prefix();
	test_parse();
	test_storm(0);
	test_storm(1);
	return done_testing();
}
