/* Scanners read directly rather than through the terminal: one interface,
 * one implementation per URI scheme (usb:VID:PID a HID keyboard through
 * libusb, serial:/dev/ttyACM0 CDC-ACM lines, evdev:/dev/input/eventN grabbed).
 * Each gives a file descriptor to wait on and whole codes, one per Enter. */
#ifndef COMPTOIR_SCANNER_H
#define COMPTOIR_SCANNER_H

#include <stddef.h>
#include <stdint.h>

/* The longest code, in bytes of UTF-8; a longer one is dropped whole. */
#define SCANNER_CODE_MAX 256

/* How the scanner turns characters into keys (HID and evdev only): its
 * factory setting, US, or French AZERTY. */
enum scanner_keymap {
	SCANNER_KEYMAP_US = 0,
	SCANNER_KEYMAP_FR,
};

struct scanner;

struct scanner_ops {
	const char *scheme;   /* "usb", "serial", "evdev" */
	/* target is the URI after "scheme:" */
	int (*open)(const char *target, enum scanner_keymap km, struct scanner **out, char **err);
	int (*fd)(struct scanner *s);
	/* Reads what is there without waiting; 1 with a code, 0 when no whole
	 * code has come yet, -1 with *err when the scanner has gone. */
	int (*read)(struct scanner *s, char *code, size_t size, char **err);
	void (*close)(struct scanner *s);
};

/* Opens the scanner a URI names. Returns 0, or -1 with *err set. Release
 * with scanner_close(). */
int scanner_open(const char *uri, enum scanner_keymap km, struct scanner **out, char **err);
/* Readable when scanner_read() may have a code; codes already read may
 * wait in the scanner too, so call scanner_read() before waiting. */
int scanner_fd(struct scanner *s);
int scanner_read(struct scanner *s, char *code, size_t size, char **err);
void scanner_close(struct scanner *s);
/* Whether uri names a scheme this build knows; *err says why not. */
int scanner_uri_check(const char *uri, char **err);

/* Assembling codes from characters: Enter (CR or LF) ends one, an empty one
 * is nothing, one longer than SCANNER_CODE_MAX is dropped. */
struct scanner_line {
	char buf[SCANNER_CODE_MAX + 1];
	size_t n;
	int overflow;
};
/* Adds one code point ('\n' or '\r' ends the code); 1 when code holds a
 * whole code. */
int scanner_line_add(struct scanner_line *l, int cp, char *code, size_t size);
/* Adds bytes already in UTF-8 (a serial scanner's). */
void scanner_line_bytes(struct scanner_line *l, const char *bytes, size_t n);

/* Keys to characters: a HID usage ID (USB HID Usage Tables, keyboard page)
 * with Shift and AltGr in the keymap; '\n' for Enter, 0 for a key that types
 * nothing a code holds. */
int scanner_usage_char(unsigned usage, int shift, int altgr, enum scanner_keymap km);
/* The HID usage ID of a Linux key code (linux/input-event-codes.h), or 0. */
unsigned scanner_evdev_usage(unsigned code);

/* USB HID boot keyboard reports (8 bytes: modifiers, reserved, six usage
 * IDs) to characters: a usage in a report that was not in the one before is
 * a key pressed. */
struct scanner_hid_keys {
	uint8_t prev[6];
	enum scanner_keymap km;
};
void scanner_hid_keys_init(struct scanner_hid_keys *k, enum scanner_keymap km);
/* The characters of the keys this report presses, into out (at most max);
 * returns how many. A short report or a rollover error (usage 1) is none. */
size_t scanner_hid_decode(struct scanner_hid_keys *k, const uint8_t *report, size_t len, int *out,
                          size_t max);

/* evdev key events to characters: Shift and AltGr followed, a press (value
 * 1) gives its character; repeats and releases give none. */
struct scanner_evdev_keys {
	int shift, altgr, ctrl;
	enum scanner_keymap km;
};
void scanner_evdev_keys_init(struct scanner_evdev_keys *k, enum scanner_keymap km);
/* The character of one EV_KEY event (type, code, value), or 0. */
int scanner_evdev_decode(struct scanner_evdev_keys *k, unsigned type, unsigned code, int value);

/* Parses "VID:PID" in hex; 0 or -1. */
int scanner_parse_vid_pid(const char *s, uint16_t *vid, uint16_t *pid);

#endif
