/* Keyboard-wedge scans told apart from typing: a state machine fed keys with
 * their arrival time (milliseconds, passed in) that gives back typed keys and
 * whole scans, found by a prefix and suffix or, without a prefix, by timing.
 * Digits of a US scanner on an AZERTY keyboard are mapped back. libc only. */
#ifndef COMPTOIR_WEDGE_H
#define COMPTOIR_WEDGE_H

#include <stddef.h>
#include <stdint.h>

/* The longest scan, in characters; a longer one is refused (prefix) or is
 * typing (timing: a paste). */
#define WEDGE_SCAN_MAX 64
/* A scan as UTF-8, terminated. */
#define WEDGE_TEXT_MAX (WEDGE_SCAN_MAX * 4 + 1)
/* Keys are code points; Enter (CR or LF) is WEDGE_ENTER; a key that is not a
 * character (function keys, arrows) is any value of WEDGE_KEY_OTHER and up,
 * and comes back as it went in. */
#define WEDGE_ENTER '\r'
#define WEDGE_KEY_OTHER 0x110000

enum wedge_layout {
	WEDGE_LAYOUT_US = 0,   /* scans as they come */
	WEDGE_LAYOUT_AZERTY,   /* &é"'(-è_çà in a scan are the digits 1234567890 */
	WEDGE_LAYOUT_AUTO,     /* the same, when a scan holds only those characters */
};

struct wedge_config {
	int prefix;               /* the character that starts a scan; 0: none */
	int suffix;               /* the one that ends it: WEDGE_ENTER, '\t' or any */
	int timing;               /* without a prefix, find scans by their speed */
	enum wedge_layout layout;
	unsigned min_len;         /* timing: the fewest characters of a scan */
	unsigned gap_ms;          /* timing: the longest pause inside a scan */
	unsigned timeout_ms;      /* prefix: the longest pause before the suffix */
};

/* Suffix Enter, timing on, layout auto, at least 4 characters, 60 ms
 * between keys (SSH clients send keys in 20 ms batches), 500 ms after a
 * prefix. */
void wedge_config_default(struct wedge_config *c);

/* Reads a key for the config: "" or "none" (0), "enter", "tab", "ctrl-b" or
 * "^B", "0x02", or one ASCII character. Returns 0, or -1 when s is none of
 * these. */
int wedge_parse_key(const char *s, int *out);
/* "us", "azerty", "auto"; 0 or -1. */
int wedge_parse_layout(const char *s, enum wedge_layout *out);

/* The digit an AZERTY key gives when a US scanner meant it ('&' -> '1'), or
 * -1 when cp is not one of &é"'(-è_çà. */
int wedge_azerty_digit(int cp);

enum wedge_event_kind {
	WEDGE_EV_NONE = 0,
	WEDGE_EV_KEY,       /* a typed key: key */
	WEDGE_EV_SCAN,      /* a whole scan: text */
	WEDGE_EV_TOO_LONG,  /* a scan longer than WEDGE_SCAN_MAX was dropped; text
	                       holds its start */
};

struct wedge_event {
	enum wedge_event_kind kind;
	int key;
	char text[WEDGE_TEXT_MAX];
};

/* Events waiting to be taken; one key fed gives at most WEDGE_SCAN_MAX + 3. */
#define WEDGE_QUEUE (2 * WEDGE_SCAN_MAX + 16)
#define WEDGE_SCANS 4

struct wedge {
	struct wedge_config cfg;
	int state;
	int64_t last_ms;            /* arrival of the last key held */
	int buf[WEDGE_SCAN_MAX + 1];
	size_t n;
	int queue[WEDGE_QUEUE];     /* keys; negative: the next scan text */
	size_t qhead, qn;
	char scans[WEDGE_SCANS][WEDGE_TEXT_MAX];
	size_t shead, sn;
};

void wedge_init(struct wedge *w, const struct wedge_config *c);
/* A key arrived at now_ms (never earlier than the previous one). Take the
 * events with wedge_next() before feeding the next key. */
void wedge_feed(struct wedge *w, int key, int64_t now_ms);
/* Time went by without a key: keys held for a scan that did not come are
 * given back as typed. */
void wedge_tick(struct wedge *w, int64_t now_ms);
/* When wedge_tick() has something to do, or -1 when no key is held. */
int64_t wedge_deadline(const struct wedge *w);
/* Whether keys are held, waiting to be told scan or typing. */
int wedge_holding(const struct wedge *w);
/* The next event, in arrival order; 0 when there is none. */
int wedge_next(struct wedge *w, struct wedge_event *ev);

#endif
