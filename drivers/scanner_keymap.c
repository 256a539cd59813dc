/* Keys to characters for the scanners read as keyboards: HID usage IDs
 * (keyboard page) in the US and French AZERTY layouts, Linux key codes to
 * usage IDs, and the evdev decoder that follows Shift and AltGr. */
#include <linux/input-event-codes.h>
#include <string.h>
#include "scanner.h"

/* Usages 0x1E..0x38 (digits row to slash): unshifted and shifted. */
static const char scanner_us_row[] = "1234567890\n\0\0\t -=[]\\#;'`,./";
static const char scanner_us_row_shift[] = "!@#$%^&*()\n\0\0\t _+{}|~:\"~<>?";

/* The same keys on a French AZERTY keyboard, as code points. */
static const int scanner_fr_row[] = {
	'&', 0xE9, '"', '\'', '(', '-', 0xE8, '_', 0xE7, 0xE0, '\n', 0, 0, '\t', ' ',
	')', '=', '^', '$', '*', '*', 'm', 0xF9, 0xB2, ';', ':', '!',
};
static const int scanner_fr_row_shift[] = {
	'1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '\n', 0, 0, '\t', ' ',
	0xB0, '+', 0xA8, 0xA3, 0xB5, 0xB5, 'M', '%', 0, '.', '/', 0xA7,
};
/* AltGr on the French digits row (usages 0x1F..0x27), then ) and =. */
static const int scanner_fr_row_altgr[] = {
	0, '~', '#', '{', '[', '|', '`', '\\', '^', '@', 0, 0, 0, 0, 0,
	']', '}', 0, 0xA4, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* The keypad, 0x54..0x63: / * - + Enter 1..9 0 . */
static const char scanner_keypad[] = "/*-+\n1234567890.";

static int scanner_letter(unsigned usage, int shift, enum scanner_keymap km)
{
	int c = 'a' + (int)(usage - 0x04);
	if (km == SCANNER_KEYMAP_FR) {
		switch (c) {
		case 'a': c = 'q'; break;
		case 'q': c = 'a'; break;
		case 'w': c = 'z'; break;
		case 'z': c = 'w'; break;
		case 'm': return shift ? '?' : ',';
		default: break;
		}
	}
	return shift ? c - 'a' + 'A' : c;
}

int scanner_usage_char(unsigned usage, int shift, int altgr, enum scanner_keymap km)
{
	if (usage >= 0x04 && usage <= 0x1D) {
		if (altgr)
			return km == SCANNER_KEYMAP_FR && usage == 0x08 ? 0x20AC /* € */ : 0;
		return scanner_letter(usage, shift, km);
	}
	if (usage >= 0x1E && usage <= 0x38) {
		size_t i = usage - 0x1E;
		if (km == SCANNER_KEYMAP_FR) {
			if (altgr)
				return scanner_fr_row_altgr[i];
			return shift ? scanner_fr_row_shift[i] : scanner_fr_row[i];
		}
		if (altgr)
			return 0;
		return (unsigned char)(shift ? scanner_us_row_shift[i] : scanner_us_row[i]);
	}
	if (usage >= 0x54 && usage <= 0x63)
		return (unsigned char)scanner_keypad[usage - 0x54];
	if (usage == 0x64) /* the key left of Z on ISO keyboards */
		return km == SCANNER_KEYMAP_FR ? (shift ? '>' : '<') : (shift ? '|' : '\\');
	return 0;
}

static const struct {
	unsigned short code;
	unsigned char usage;
} scanner_evdev_table[] = {
	{ KEY_1, 0x1E }, { KEY_2, 0x1F }, { KEY_3, 0x20 }, { KEY_4, 0x21 }, { KEY_5, 0x22 },
	{ KEY_6, 0x23 }, { KEY_7, 0x24 }, { KEY_8, 0x25 }, { KEY_9, 0x26 }, { KEY_0, 0x27 },
	{ KEY_MINUS, 0x2D }, { KEY_EQUAL, 0x2E }, { KEY_TAB, 0x2B }, { KEY_ENTER, 0x28 },
	{ KEY_Q, 0x14 }, { KEY_W, 0x1A }, { KEY_E, 0x08 }, { KEY_R, 0x15 }, { KEY_T, 0x17 },
	{ KEY_Y, 0x1C }, { KEY_U, 0x18 }, { KEY_I, 0x0C }, { KEY_O, 0x12 }, { KEY_P, 0x13 },
	{ KEY_LEFTBRACE, 0x2F }, { KEY_RIGHTBRACE, 0x30 },
	{ KEY_A, 0x04 }, { KEY_S, 0x16 }, { KEY_D, 0x07 }, { KEY_F, 0x09 }, { KEY_G, 0x0A },
	{ KEY_H, 0x0B }, { KEY_J, 0x0D }, { KEY_K, 0x0E }, { KEY_L, 0x0F },
	{ KEY_SEMICOLON, 0x33 }, { KEY_APOSTROPHE, 0x34 }, { KEY_GRAVE, 0x35 },
	{ KEY_BACKSLASH, 0x31 },
	{ KEY_Z, 0x1D }, { KEY_X, 0x1B }, { KEY_C, 0x06 }, { KEY_V, 0x19 }, { KEY_B, 0x05 },
	{ KEY_N, 0x11 }, { KEY_M, 0x10 }, { KEY_COMMA, 0x36 }, { KEY_DOT, 0x37 },
	{ KEY_SLASH, 0x38 }, { KEY_SPACE, 0x2C }, { KEY_102ND, 0x64 },
	{ KEY_KPSLASH, 0x54 }, { KEY_KPASTERISK, 0x55 }, { KEY_KPMINUS, 0x56 },
	{ KEY_KPPLUS, 0x57 }, { KEY_KPENTER, 0x58 }, { KEY_KP1, 0x59 }, { KEY_KP2, 0x5A },
	{ KEY_KP3, 0x5B }, { KEY_KP4, 0x5C }, { KEY_KP5, 0x5D }, { KEY_KP6, 0x5E },
	{ KEY_KP7, 0x5F }, { KEY_KP8, 0x60 }, { KEY_KP9, 0x61 }, { KEY_KP0, 0x62 },
	{ KEY_KPDOT, 0x63 },
};

unsigned scanner_evdev_usage(unsigned code)
{
	for (size_t i = 0; i < sizeof scanner_evdev_table / sizeof *scanner_evdev_table; i++)
		if (scanner_evdev_table[i].code == code)
			return scanner_evdev_table[i].usage;
	return 0;
}

void scanner_evdev_keys_init(struct scanner_evdev_keys *k, enum scanner_keymap km)
{
	memset(k, 0, sizeof *k);
	k->km = km;
}

int scanner_evdev_decode(struct scanner_evdev_keys *k, unsigned type, unsigned code, int value)
{
	if (type != EV_KEY)
		return 0;
	switch (code) {
	case KEY_LEFTSHIFT:
	case KEY_RIGHTSHIFT:
		k->shift = value != 0;
		return 0;
	case KEY_RIGHTALT:
		k->altgr = value != 0;
		return 0;
	case KEY_LEFTCTRL:
	case KEY_RIGHTCTRL:
		k->ctrl = value != 0;
		return 0;
	default:
		break;
	}
	if (value != 1 || k->ctrl)
		return 0;
	unsigned usage = scanner_evdev_usage(code);
	return usage ? scanner_usage_char(usage, k->shift, k->altgr, k->km) : 0;
}
