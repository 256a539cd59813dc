/* The scanner readers' pure parts and the descriptor ones: HID usage IDs to
 * characters (US, French), boot report sequences, evdev event sequences,
 * codes assembled from characters, URIs; a CDC-ACM serial port played by a
 * pty (raw mode, lines, partial reads, the port going away); evdev's grab
 * refused on a file that is no input device. */
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <pty.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../drivers/scanner.h"

/* Decodes reports (8 bytes each) and assembles what they type into codes,
 * joined with '|' into out. */
static const char *hid_run(enum scanner_keymap km, const uint8_t (*reports)[8], size_t n)
{
	static char out[512];
	struct scanner_hid_keys k;
	struct scanner_line line = { .n = 0 };
	char code[SCANNER_CODE_MAX + 1];
	int chars[8];
	scanner_hid_keys_init(&k, km);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		size_t c = scanner_hid_decode(&k, reports[i], 8, chars, 8);
		for (size_t j = 0; j < c; j++)
			if (scanner_line_add(&line, chars[j], code, sizeof code)) {
				if (out[0])
					strcat(out, "|");
				strcat(out, code);
			}
	}
	return out;
}

#define R(mod, ...) { mod, 0, __VA_ARGS__ }

static void test_keymap(void)
{
	is_int(scanner_usage_char(0x04, 0, 0, SCANNER_KEYMAP_US), 'a', "US: usage 0x04 is a");
	is_int(scanner_usage_char(0x04, 1, 0, SCANNER_KEYMAP_US), 'A', "US: Shift 0x04 is A");
	is_int(scanner_usage_char(0x1E, 0, 0, SCANNER_KEYMAP_US), '1', "US: 0x1E is 1");
	is_int(scanner_usage_char(0x27, 0, 0, SCANNER_KEYMAP_US), '0', "US: 0x27 is 0");
	is_int(scanner_usage_char(0x28, 0, 0, SCANNER_KEYMAP_US), '\n', "US: 0x28 is Enter");
	is_int(scanner_usage_char(0x2D, 1, 0, SCANNER_KEYMAP_US), '_', "US: Shift 0x2D is _");
	is_int(scanner_usage_char(0x38, 0, 0, SCANNER_KEYMAP_US), '/', "US: 0x38 is /");
	is_int(scanner_usage_char(0x62, 0, 0, SCANNER_KEYMAP_US), '0', "keypad 0");
	is_int(scanner_usage_char(0x29, 0, 0, SCANNER_KEYMAP_US), 0, "Esc types nothing");
	is_int(scanner_usage_char(0x04, 0, 0, SCANNER_KEYMAP_FR), 'q', "FR: the A key of a US board is q");
	is_int(scanner_usage_char(0x14, 0, 0, SCANNER_KEYMAP_FR), 'a', "FR: the Q key is a");
	is_int(scanner_usage_char(0x1D, 1, 0, SCANNER_KEYMAP_FR), 'W', "FR: Shift Z key is W");
	is_int(scanner_usage_char(0x33, 0, 0, SCANNER_KEYMAP_FR), 'm', "FR: the ; key is m");
	is_int(scanner_usage_char(0x10, 0, 0, SCANNER_KEYMAP_FR), ',', "FR: the M key is ,");
	is_int(scanner_usage_char(0x1E, 0, 0, SCANNER_KEYMAP_FR), '&', "FR: 1 unshifted is &");
	is_int(scanner_usage_char(0x1F, 0, 0, SCANNER_KEYMAP_FR), 0xE9, "FR: 2 unshifted is é");
	is_int(scanner_usage_char(0x26, 0, 0, SCANNER_KEYMAP_FR), 0xE7, "FR: 9 unshifted is ç");
	is_int(scanner_usage_char(0x27, 1, 0, SCANNER_KEYMAP_FR), '0', "FR: Shift 0 is 0");
	is_int(scanner_usage_char(0x27, 0, 1, SCANNER_KEYMAP_FR), '@', "FR: AltGr 0 is @");
	is_int(scanner_usage_char(0x20, 0, 1, SCANNER_KEYMAP_FR), '#', "FR: AltGr 3 is #");
	is_int(scanner_usage_char(0x08, 0, 1, SCANNER_KEYMAP_FR), 0x20AC, "FR: AltGr E is €");
	is_int(scanner_usage_char(0x34, 0, 0, SCANNER_KEYMAP_FR), 0xF9, "FR: the ' key is ù");
	is_int(scanner_usage_char(0x64, 0, 0, SCANNER_KEYMAP_FR), '<', "FR: the ISO key is <");
	is_int(scanner_evdev_usage(KEY_Q), 0x14, "evdev KEY_Q is usage 0x14");
	is_int(scanner_evdev_usage(KEY_0), 0x27, "evdev KEY_0 is usage 0x27");
	is_int(scanner_evdev_usage(KEY_KPENTER), 0x58, "evdev KEY_KPENTER is usage 0x58");
	is_int(scanner_evdev_usage(KEY_F1), 0, "evdev KEY_F1 types nothing");
}

static void test_hid(void)
{
	static const uint8_t ean[][8] = {
		R(0, 0x20), R(0), R(0, 0x27), R(0), R(0, 0x1E), R(0), R(0, 0x24), R(0),
		R(0, 0x23), R(0), R(0, 0x1F), R(0), R(0, 0x27), R(0), R(0, 0x21), R(0),
		R(0, 0x1F), R(0), R(0, 0x1F), R(0), R(0, 0x27), R(0), R(0, 0x27), R(0),
		R(0, 0x20), R(0), R(0, 0x28), R(0),
	};
	is_str(hid_run(SCANNER_KEYMAP_US, ean, sizeof ean / 8), "3017620422003",
	       "US: an EAN-13, each key pressed and released, then Enter");

	static const uint8_t same[][8] = {
		R(0, 0x1E), R(0), R(0, 0x1E), R(0), R(0, 0x1E), R(0, 0x1E), R(0), R(0, 0x28), R(0),
	};
	is_str(hid_run(SCANNER_KEYMAP_US, same, sizeof same / 8), "111",
	       "the same key pressed again after a release; held over two reports, once");

	static const uint8_t mixed[][8] = {
		R(0x02, 0x04), R(0), R(0, 0x05, 0x2D), R(0, 1, 1, 1, 1, 1, 1), R(0),
		R(0x20, 0x1E), R(0x20, 0x1E, 0x38), R(0), R(0x01, 0x05), R(0), R(0, 0x28),
	};
	is_str(hid_run(SCANNER_KEYMAP_US, mixed, sizeof mixed / 8), "Ab-!?",
	       "Shift, two keys in one report, a rollover error, a key held, Ctrl ignored");

	static const uint8_t fr[][8] = {
		R(0x02, 0x20), R(0), R(0x02, 0x27), R(0), R(0, 0x14), R(0), R(0x40, 0x08), R(0),
		R(0, 0x1F), R(0), R(0, 0x28), R(0),
	};
	is_str(hid_run(SCANNER_KEYMAP_FR, fr, sizeof fr / 8), "30a€é",
	       "FR: Shift digits, a, AltGr €, é");
	is_str(hid_run(SCANNER_KEYMAP_US, fr, sizeof fr / 8), "#)q2",
	       "the same reports in the US keymap");

	static const uint8_t two[][8] = {
		R(0, 0x05), R(0), R(0, 0x28), R(0), R(0, 0x28), R(0), R(0, 0x06), R(0), R(0, 0x58),
	};
	is_str(hid_run(SCANNER_KEYMAP_US, two, sizeof two / 8), "b|c",
	       "two codes; an empty one between is nothing; keypad Enter ends a code");

	struct scanner_hid_keys k;
	int chars[8];
	uint8_t shortr[4] = { 0, 0, 0x04, 0 };
	scanner_hid_keys_init(&k, SCANNER_KEYMAP_US);
	is_int((int64_t)scanner_hid_decode(&k, shortr, sizeof shortr, chars, 8), 0,
	       "a report shorter than 8 bytes is nothing");
}

static int evdev_feed(struct scanner_evdev_keys *k, unsigned type, unsigned code, int value)
{
	struct input_event ev;
	memset(&ev, 0, sizeof ev);
	ev.type = (unsigned short)type;
	ev.code = (unsigned short)code;
	ev.value = value;
	return scanner_evdev_decode(k, ev.type, ev.code, ev.value);
}

static void test_evdev(void)
{
	static const struct { unsigned type, code; int value; } seq[] = {
		{ EV_MSC, MSC_SCAN, 0x70020 }, { EV_KEY, KEY_3, 1 }, { EV_SYN, SYN_REPORT, 0 },
		{ EV_KEY, KEY_3, 0 }, { EV_KEY, KEY_0, 1 }, { EV_KEY, KEY_0, 2 }, { EV_KEY, KEY_0, 0 },
		{ EV_KEY, KEY_LEFTSHIFT, 1 }, { EV_KEY, KEY_A, 1 }, { EV_KEY, KEY_A, 0 },
		{ EV_KEY, KEY_LEFTSHIFT, 0 }, { EV_KEY, KEY_A, 1 }, { EV_KEY, KEY_A, 0 },
		{ EV_KEY, KEY_LEFTCTRL, 1 }, { EV_KEY, KEY_B, 1 }, { EV_KEY, KEY_LEFTCTRL, 0 },
		{ EV_KEY, KEY_KP7, 1 }, { EV_KEY, KEY_ENTER, 1 },
	};
	struct scanner_evdev_keys k;
	struct scanner_line line = { .n = 0 };
	char code[SCANNER_CODE_MAX + 1] = "";
	int whole = 0;
	scanner_evdev_keys_init(&k, SCANNER_KEYMAP_US);
	for (size_t i = 0; i < sizeof seq / sizeof *seq; i++) {
		int c = evdev_feed(&k, seq[i].type, seq[i].code, seq[i].value);
		if (c && scanner_line_add(&line, c, code, sizeof code))
			whole++;
	}
	is_int(whole, 1, "evdev: one code");
	is_str(code, "30Aa7", "evdev: presses only, no repeats, Shift followed, Ctrl ignored, keypad");

	scanner_evdev_keys_init(&k, SCANNER_KEYMAP_FR);
	evdev_feed(&k, EV_KEY, KEY_RIGHTALT, 1);
	is_int(evdev_feed(&k, EV_KEY, KEY_E, 1), 0x20AC, "evdev FR: AltGr E is €");
	evdev_feed(&k, EV_KEY, KEY_RIGHTALT, 0);
	is_int(evdev_feed(&k, EV_KEY, KEY_2, 1), 0xE9, "evdev FR: 2 is é");
}

static void test_line(void)
{
	struct scanner_line l = { .n = 0 };
	char code[SCANNER_CODE_MAX + 1];
	int whole = 0;
	const char *in = "\x02" "ABC\x03\r\n";
	for (const char *p = in; *p; p++)
		whole += scanner_line_add(&l, (unsigned char)*p, code, sizeof code);
	is_int(whole, 1, "CR LF ends one code, not two");
	is_str(code, "ABC", "STX and ETX framing is dropped");
	for (int i = 0; i < SCANNER_CODE_MAX + 5; i++)
		scanner_line_add(&l, '9', code, sizeof code);
	is_int(scanner_line_add(&l, '\n', code, sizeof code), 0, "a code too long is dropped whole");
	scanner_line_add(&l, 'x', code, sizeof code);
	is_int(scanner_line_add(&l, '\n', code, sizeof code), 1, "... and the next one is read");

	uint16_t vid = 0, pid = 0;
	ok(scanner_parse_vid_pid("0c2e:1200", &vid, &pid) == 0 && vid == 0x0c2e && pid == 0x1200,
	   "VID:PID 0c2e:1200");
	is_int(scanner_parse_vid_pid("0c2e", &vid, &pid), -1, "VID alone is refused");
	is_int(scanner_parse_vid_pid("0c2e:12g0", &vid, &pid), -1, "not hexadecimal is refused");
	char *err = NULL;
	is_int(scanner_uri_check("serial:/dev/ttyACM0", &err), 0, "serial: URI");
	is_int(scanner_uri_check("evdev:/dev/input/event3", &err), 0, "evdev: URI");
	is_int(scanner_uri_check("usb:05e0:1200", &err), 0, "usb: URI");
	is_int(scanner_uri_check("hid:/dev/hidraw0", &err), -1, "an unknown scheme is refused");
	free(err);
}

static void test_serial(void)
{
	int master, slave;
	char name[64], uri[80], code[SCANNER_CODE_MAX + 1];
	char *err = NULL;
	struct scanner *s;
	struct termios tio;

	if (openpty(&master, &slave, name, NULL, NULL) != 0) {
		ok(0, "openpty: %s", strerror(errno));
		return;
	}
	snprintf(uri, sizeof uri, "serial:%s", name);
	if (!ok(scanner_open(uri, SCANNER_KEYMAP_US, &s, &err) == 0, "a pty opens as serial:%s", name)) {
		printf("# %s\n", err);
		free(err);
		close(master);
		close(slave);
		return;
	}
	tcgetattr(slave, &tio);
	ok(!(tio.c_lflag & (ICANON | ECHO)) && !(tio.c_iflag & ICRNL), "the port is in raw mode");
	is_int(scanner_read(s, code, sizeof code, &err), 0, "nothing sent: no code, no wait");
	const char *sent = "3017620422003\r\nABC\nDE";
	if (write(master, sent, strlen(sent)) != (ssize_t)strlen(sent))
		ok(0, "write to the pty");
	usleep(50000);
	is_int(scanner_read(s, code, sizeof code, &err), 1, "a line ended by CR LF is a code");
	is_str(code, "3017620422003", "... the whole code");
	is_int(scanner_read(s, code, sizeof code, &err), 1, "a line ended by LF");
	is_str(code, "ABC", "... is the next code");
	is_int(scanner_read(s, code, sizeof code, &err), 0, "half a code is not given yet");
	if (write(master, "F\xc3\xa9\r", 4) != 4)
		ok(0, "write to the pty");
	usleep(50000);
	is_int(scanner_read(s, code, sizeof code, &err), 1, "its end comes in a later read");
	is_str(code, "DEFé", "... and the code is whole, UTF-8 kept");
	close(slave);
	close(master);
	is_int(scanner_read(s, code, sizeof code, &err), -1, "the port gone is said");
	ok(err != NULL, "... with a message (%s)", err ? err : "");
	free(err);
	scanner_close(s);
}

static void test_evdev_open(void)
{
	struct scanner *s;
	char *err = NULL;
	is_int(scanner_open("evdev:/dev/null", SCANNER_KEYMAP_US, &s, &err), -1,
	       "evdev: a file that is no input device is refused");
	ok(err && strstr(err, "EVIOCGRAB"), "... the grab failed (%s)", err ? err : "");
	free(err);
	err = NULL;
	is_int(scanner_open("serial:/dev/null", SCANNER_KEYMAP_US, &s, &err), -1,
	       "serial: a file that is no tty is refused");
	free(err);
	if (access("/dev/uinput", W_OK) != 0)
		printf("ok %d # SKIP no /dev/uinput here: an evdev device cannot be made to grab\n", ++tap_n);
}

int main(void)
{
	test_keymap();
	test_hid();
	test_evdev();
	test_line();
	test_serial();
	test_evdev_open();
	return done_testing();
}
