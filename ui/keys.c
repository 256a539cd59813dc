/* Reading keys: bytes from curses (wgetch) decoded in the locale's charset
 * by us, so that a byte that is not text is dropped on its own and never
 * takes the keys after it; curses keys and characters folded into one int;
 * Esc followed by a digit read as F1..F10 (for terminals without function
 * keys); unknown escape sequences swallowed; the end of the input noticed;
 * scans told from typing (the wedge) or read from a local scanner, given as
 * one UI_KEY_SCAN; the names of keys; the global key map. */
#include "ui_int.h"
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "../src/util/charset.h"
#include "../src/util/xalloc.h"

/* How long Esc waits for a digit: long enough for a person. */
#define KEYS_ESC_WAIT_MS 400
/* How long the rest of an escape sequence or of a character may take: the
 * terminal sends them in one go. */
#define KEYS_SEQ_WAIT_MS 50
/* The longest character of any charset, in bytes. */
#define KEYS_CHAR_MAX 8
/* Reads that give nothing although stdin is readable, in a row: the end of
 * the input (a closed pipe, /dev/null, a terminal gone). */
#define KEYS_EMPTY_READS_MAX 3

/* Called when curses gave nothing: 1 when stdin has hung up or is at its
 * end rather than quiet. */
static int keys_input_gone(struct ui *u)
{
	struct pollfd p;
	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	p.revents = 0;
	if (poll(&p, 1, 0) <= 0) {
		/* Nothing to read: the wait simply ended (or a signal came). */
		u->input.empty_reads = 0;
		return 0;
	}
	if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
		return 1;
	return ++u->input.empty_reads >= KEYS_EMPTY_READS_MAX;
}

/* The next byte (0..255) or curses key (KEY_MIN and up), those read ahead
 * first; ERR after ms without one. */
static int keys_raw(struct ui *u, int ms)
{
	if (u->input.n) {
		int k = u->input.ahead[0];
		u->input.n--;
		memmove(u->input.ahead, u->input.ahead + 1, u->input.n * sizeof *u->input.ahead);
		return k;
	}
	if (u->input.closed)
		return ERR;
	timeout(ms);
	int c = getch();
	if (c != ERR) {
		u->input.empty_reads = 0;
		return c;
	}
	if (keys_input_gone(u))
		u->input.closed = 1;
	return ERR;
}

/* Gives keys back to be read again, before those already read ahead. */
static void keys_unread(struct ui *u, const int *k, size_t n)
{
	if (n > UI_INPUT_AHEAD - u->input.n)
		n = UI_INPUT_AHEAD - u->input.n; /* cannot happen: a character is shorter */
	memmove(u->input.ahead + n, u->input.ahead, u->input.n * sizeof *u->input.ahead);
	memcpy(u->input.ahead, k, n * sizeof *k);
	u->input.n += n;
}

/* The code point of one whole character in the locale's charset, or -1 when
 * iconv does not take it (in the C locale, no byte past 0x7F is text). */
static int keys_convert(const char *bytes, size_t n)
{
	size_t bad;
	unsigned long cp;
	char *utf8 = charset_to_utf8(bytes, n, charset_locale_name(), &bad);
	if (!utf8)
		return -1;
	size_t len = ui_utf8_decode(utf8, &cp);
	int ok = len && utf8[len] == '\0';
	free(utf8);
	return ok ? (int)cp : -1;
}

/* Says which bytes were dropped since the last key that was kept. */
static void keys_dropped(struct ui *u, int b)
{
	char *d = u->input.dropped;
	size_t len = strlen(d);
	if (len + 6 < sizeof u->input.dropped)
		snprintf(d + len, sizeof u->input.dropped - len, "%s0x%02x", len ? " " : "", (unsigned)b);
	if (++u->input.ndropped == 1)
		ui_message(u, UI_MSG_ERROR,
		           _("Ignored a byte that is not text in the terminal's charset: %s"), d);
	else
		ui_message(u, UI_MSG_ERROR,
		           _("Ignored bytes that are not text in the terminal's charset: %s"), d);
	u->input.dirty = 1;
}

/* A character that starts with byte b (0x80 and up): its bytes are read as
 * they come, the locale says where it ends (mbrtowc) and iconv converts it.
 * A byte that starts no character is dropped alone, with a message, and the
 * bytes read after it are read again as keys of their own. */
static int keys_char(struct ui *u, int b)
{
	char buf[KEYS_CHAR_MAX];
	int rest[KEYS_CHAR_MAX];
	size_t n = 0;
	int cp = -1;

	buf[n++] = (char)b;
	for (;;) {
		mbstate_t st;
		wchar_t wc;
		memset(&st, 0, sizeof st);
		size_t r = mbrtowc(&wc, buf, n, &st);
		if (r == n) {
			cp = keys_convert(buf, n);
			break;
		}
		if (r != (size_t)-2 || n == sizeof buf)
			break;
		int c = keys_raw(u, KEYS_SEQ_WAIT_MS);
		if (c == ERR)
			break;
		if (c >= 0x100) { /* a curses key: not part of the character */
			keys_unread(u, &c, 1);
			break;
		}
		buf[n++] = (char)c;
	}
	if (cp > 0)
		return cp;
	for (size_t i = 1; i < n; i++)
		rest[i - 1] = (unsigned char)buf[i];
	keys_unread(u, rest, n - 1);
	keys_dropped(u, b);
	return UI_KEY_NONE;
}

static int keys_decode(struct ui *u, int c)
{
	if (c >= 0x100) {
		if (c == KEY_ENTER)
			return UI_KEY_ENTER;
		if (c == KEY_BACKSPACE)
			return UI_KEY_BACKSPACE;
		return UI_FN(c);
	}
	if (c >= 0x80)
		return keys_char(u, c);
	if (c == '\r' || c == '\n')
		return UI_KEY_ENTER;
	if (c == 0x7F || c == 0x08)
		return UI_KEY_BACKSPACE;
	return c;
}

static int keys_read(struct ui *u, int ms)
{
	int c = keys_raw(u, ms);
	if (c == ERR || c == 0)
		return UI_KEY_NONE;
	int k = keys_decode(u, c);
	if (k != UI_KEY_NONE) {
		u->input.dropped[0] = '\0';
		u->input.ndropped = 0;
	}
	return k;
}

/* A key as the screens know it, scans not yet told apart. */
static int keys_next(struct ui *u, int idle_ms)
{
	int k;
	if (u->pending_key) {
		k = u->pending_key;
		u->pending_key = 0;
		return k;
	}
	k = keys_read(u, idle_ms);
	if (k != UI_KEY_ESC)
		return k;
	int next = keys_read(u, KEYS_ESC_WAIT_MS);
	if (next == UI_KEY_NONE)
		return UI_KEY_ESC;
	if (next >= '0' && next <= '9')
		return UI_FN(KEY_F(next == '0' ? 10 : next - '0'));
	if (next == '[' || next == 'O') {
		/* A sequence the terminal description does not know (an F-key of
		 * another terminal): drop it up to its final byte. */
		for (int i = 0; i < 16; i++) {
			int c = keys_read(u, KEYS_SEQ_WAIT_MS);
			if (c == UI_KEY_NONE || (c >= 0x40 && c <= 0x7E && !(i == 0 && c == '[')))
				break;
		}
		return UI_KEY_NONE;
	}
	u->pending_key = next;
	return UI_KEY_ESC;
}

static int64_t keys_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_scan_init(struct ui *u)
{
	struct app_scanner_conf c;
	app_scanner_conf(u->app, &c);
	wedge_init(&u->scan.wedge, &c.wedge);
	u->scan.local = NULL;
	if (c.device[0]) {
		char *err = NULL;
		u->scan.error[0] = '\0';
		if (app_scanner_open(&c, &u->scan.local, &err) < 0) {
			snprintf(u->scan.error, sizeof u->scan.error, _("The scanner %s cannot be read: %s"),
			         c.device, err ? err : "?");
			ui_message(u, UI_MSG_ERROR, "%s", u->scan.error);
		}
		free(err);
	}
}

void ui_scan_release(struct ui *u)
{
	if (u->scan.local)
		app_scanner_close(u->scan.local);
	u->scan.local = NULL;
}

/* The wedge's next event as a key; UI_KEY_NONE when it has none. */
static int keys_event(struct ui *u)
{
	struct wedge_event ev;
	while (wedge_next(&u->scan.wedge, &ev)) {
		switch (ev.kind) {
		case WEDGE_EV_KEY:
			return ev.key == '\r' || ev.key == '\n' ? UI_KEY_ENTER : ev.key;
		case WEDGE_EV_SCAN:
			strlcpy_safe(u->scan.text, ev.text, sizeof u->scan.text);
			return UI_KEY_SCAN;
		default:
			ui_message(u, UI_MSG_ERROR, _("A scan longer than %d characters was ignored: %.24s..."),
			           WEDGE_SCAN_MAX, ev.text);
			u->input.dirty = 1;
			break;
		}
	}
	return UI_KEY_NONE;
}

/* A code from the scanner read directly; when the scanner goes away it is
 * closed and the message line says so. */
static int keys_local(struct ui *u)
{
	char *err = NULL;
	int r = app_scanner_read(u->scan.local, u->scan.text, sizeof u->scan.text, &err);
	if (r > 0)
		return UI_KEY_SCAN;
	if (r < 0) {
		ui_message(u, UI_MSG_ERROR, _("The scanner stopped: %s"), err ? err : "?");
		ui_scan_release(u);
		u->input.dirty = 1;
	}
	free(err);
	return UI_KEY_NONE;
}

/* Waits up to ms for the terminal or the local scanner; 1 when it is the
 * scanner that has something. */
static int keys_wait(struct ui *u, int ms)
{
	struct pollfd p[2];
	p[0].fd = STDIN_FILENO;
	p[1].fd = app_scanner_fd(u->scan.local);
	p[0].events = p[1].events = POLLIN;
	p[0].revents = p[1].revents = 0;
	if (poll(p, 2, ms) <= 0)
		return 0;
	return p[1].revents != 0;
}

/* Keys go through the wedge with their arrival time; what it holds (the
 * start of a burst that may be a scan) comes back by its deadline, as typed
 * keys or as one scan. */
int ui_getkey(struct ui *u, int idle_ms)
{
	int64_t start = keys_now_ms();
	for (;;) {
		int k = keys_event(u);
		if (k != UI_KEY_NONE)
			return k;
		if (u->input.dirty || u->input.closed)
			return UI_KEY_NONE;
		if (u->scan.local && keys_local(u) == UI_KEY_SCAN)
			return UI_KEY_SCAN;
		int64_t now = keys_now_ms();
		int64_t wait = idle_ms - (now - start);
		int64_t deadline = wedge_deadline(&u->scan.wedge);
		if (deadline >= 0 && (wait <= 0 || deadline - now < wait))
			wait = deadline - now;
		if (wait < 0)
			wait = 0;
		if (u->scan.local) {
			/* curses may hold keys already read: ask it first */
			k = keys_next(u, 0);
			if (k == UI_KEY_NONE && wait > 0 && !u->input.closed && !u->input.dirty) {
				if (keys_wait(u, (int)wait))
					continue;
				k = keys_next(u, 0);
			}
		} else {
			k = keys_next(u, (int)wait);
		}
		now = keys_now_ms();
		if (k != UI_KEY_NONE) {
			wedge_feed(&u->scan.wedge, k == UI_KEY_ENTER ? WEDGE_ENTER : k, now);
			continue;
		}
		wedge_tick(&u->scan.wedge, now);
		k = keys_event(u);
		if (k != UI_KEY_NONE)
			return k;
		/* A timeout or a signal: the loop looks at its flags, unless keys
		 * are held, which come back by their deadline. */
		if (!wedge_holding(&u->scan.wedge))
			return UI_KEY_NONE;
	}
}

const char *ui_key_name(int key)
{
	static char buf[16];
	if (key >= UI_FN(KEY_F(1)) && key <= UI_FN(KEY_F(12))) {
		snprintf(buf, sizeof buf, "F%d", key - UI_FN(KEY_F(0)));
		return buf;
	}
	switch (key) {
	case UI_KEY_ESC: return "Esc";
	case UI_KEY_ENTER: return "Enter";
	case UI_KEY_BACKSPACE: return "Backspace";
	case UI_FN(KEY_UP): return "Up";
	case UI_FN(KEY_DOWN): return "Down";
	case UI_FN(KEY_PPAGE): return "PgUp";
	case UI_FN(KEY_NPAGE): return "PgDn";
	case UI_FN(KEY_HOME): return "Home";
	case UI_FN(KEY_END): return "End";
	case '\t': return "Tab";
	case UI_KEY_SCAN: return _("Scan");
	default: break;
	}
	if (key > 0 && key < 0x20) {
		snprintf(buf, sizeof buf, "Ctrl-%c", key + '@');
		return buf;
	}
	if (key >= 0x20 && key < 0x7F) {
		snprintf(buf, sizeof buf, "%c", key);
		return buf;
	}
	snprintf(buf, sizeof buf, "#%x", (unsigned)key);
	return buf;
}

int ui_binding_find(const struct ui_binding *b, int key)
{
	for (; b && b->key; b++)
		if (b->key == key)
			return b->action;
	return -1;
}

const struct ui_action *ui_action_find(const struct ui_action *a, int id)
{
	for (; a && a->name; a++)
		if (a->id == id)
			return a;
	return NULL;
}

enum { GLOBAL_HELP, GLOBAL_REDRAW };

const struct ui_action ui_global_actions[] = {
	{ GLOBAL_HELP, "help", N_("Help"), N_("list the keys of this screen") },
	{ GLOBAL_REDRAW, "redraw", NULL, N_("draw the screen again") },
	{ 0, NULL, NULL, NULL },
};

const struct ui_binding ui_global_bindings[] = {
	{ UI_FN(KEY_F(1)), GLOBAL_HELP },
	{ UI_KEY_CTRL('l'), GLOBAL_REDRAW },
	{ 0, 0 },
};

int ui_global_key(struct ui *u, int key)
{
	switch (ui_binding_find(ui_global_bindings, key)) {
	case GLOBAL_HELP:
		if (u->stack[u->depth - 1] != &ui_help_screen)
			ui_push(u, &ui_help_screen);
		return UI_REDRAW;
	case GLOBAL_REDRAW:
		u->full_redraw = 1;
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}
