/* scanner_hid.c through libusb on umockdev's fake HID scanner (0c2e:1200,
 * interrupt IN 0x81): found by VID:PID, its interface claimed, the boot
 * reports replayed from an .ioctl file decoded into whole codes. Run by
 * scanner_usb.sh under umockdev-run:
 *   SCANNER_CODES='CODE|CODE...' test_scanner_usb us|fr
 * (the codes the file's reports type, in the environment: umockdev-run takes
 * its arguments as ASCII)
 * SCANNER_GONE=1: after the codes the device vanishes, which must be said.
 * TAP_FIRST=N numbers the assertions from N + 1, for a second run. */
#include <poll.h>
#include <stdlib.h>
#include "../lib/tap.h"
#include "../../drivers/scanner.h"

int main(int argc, char **argv)
{
	struct scanner *s = NULL;
	char *err = NULL;
	char code[SCANNER_CODE_MAX + 1];

	const char *codes = getenv("SCANNER_CODES");
	if (argc < 2 || !codes) {
		printf("Bail out! usage: SCANNER_CODES='CODE|CODE...' test_scanner_usb us|fr\n");
		return 99;
	}
	if (getenv("TAP_FIRST"))
		tap_n = atoi(getenv("TAP_FIRST"));
	enum scanner_keymap km = strcmp(argv[1], "fr") == 0 ? SCANNER_KEYMAP_FR : SCANNER_KEYMAP_US;

	is_int(scanner_open("usb:0c2e:1201", km, &s, &err), -1, "no device 0c2e:1201: refused");
	ok(err && strstr(err, "0c2e:1201"), "... saying which device (%s)", err ? err : "");
	free(err);
	err = NULL;

	int rc = scanner_open("usb:0c2e:1200", km, &s, &err);
	if (!ok(rc == 0, "the fake scanner 0c2e:1200 opens and its HID interface is claimed")) {
		printf("# %s\n", err ? err : "?");
		return done_testing();
	}
	ok(scanner_fd(s) >= 0, "it gives a descriptor to wait on");
	char want[1024];
	snprintf(want, sizeof want, "%s", codes);
	int i = 0;
	for (char *w = strtok(want, "|"); w; w = strtok(NULL, "|")) {
		int got = 0;
		i++;
		for (int tries = 0; tries < 50 && !got; tries++) {
			int r = scanner_read(s, code, sizeof code, &err);
			if (r < 0)
				break;
			if (r > 0) {
				got = 1;
				break;
			}
			struct pollfd p = { .fd = scanner_fd(s), .events = POLLIN };
			poll(&p, 1, 100);
		}
		if (!got)
			code[0] = '\0';
		is_str(code, w, "%s keymap: code %d read whole from the reports", argv[1], i);
	}
	if (getenv("SCANNER_GONE")) {
		int r = 0;
		for (int tries = 0; tries < 50 && r == 0; tries++) {
			r = scanner_read(s, code, sizeof code, &err);
			if (r == 0) {
				struct pollfd p = { .fd = scanner_fd(s), .events = POLLIN };
				poll(&p, 1, 100);
			}
		}
		is_int(r, -1, "the scanner unplugged: the read says so");
		ok(err && strstr(err, "gone"), "... with a message (%s)", err ? err : "");
	}
	scanner_close(s);
	ok(1, "closed: the reader stopped, the interface released");
	free(err);
	return done_testing();
}
