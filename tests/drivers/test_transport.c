/* The transport table and its pure parts: URI schemes, DLE EOT answers
 * decoded, the IEEE 1284 device ID unwrapped, and file: (which cannot ask
 * the printer anything, so its status is unknown). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../drivers/transport-internal.h"

static void test_decode(void)
{
	is_int(transport_status_decode(1, 0x12), 0, "EOT 1 0x12: online");
	is_int(transport_status_decode(1, 0x1a), TRANSPORT_STATUS_OFFLINE, "EOT 1 0x1A: offline");
	is_int(transport_status_decode(1, 0x16), TRANSPORT_STATUS_DRAWER_HIGH,
	       "EOT 1 0x16: drawer pin 3 high");
	is_int(transport_status_decode(2, 0x12), 0, "EOT 2 0x12: no offline cause");
	is_int(transport_status_decode(2, 0x16), TRANSPORT_STATUS_COVER_OPEN, "EOT 2 0x16: cover open");
	is_int(transport_status_decode(2, 0x32), TRANSPORT_STATUS_PAPER_OUT,
	       "EOT 2 0x32: stopped at paper end");
	is_int(transport_status_decode(2, 0x52), TRANSPORT_STATUS_ERROR, "EOT 2 0x52: error");
	is_int(transport_status_decode(3, 0x1a), TRANSPORT_STATUS_ERROR, "EOT 3 0x1A: cutter error");
	is_int(transport_status_decode(3, 0x12), 0, "EOT 3 0x12: no error");
	is_int(transport_status_decode(4, 0x12), 0, "EOT 4 0x12: paper present");
	is_int(transport_status_decode(4, 0x1e), TRANSPORT_STATUS_PAPER_NEAR_END,
	       "EOT 4 0x1E: paper near its end");
	is_int(transport_status_decode(4, 0x7e),
	       TRANSPORT_STATUS_PAPER_NEAR_END | TRANSPORT_STATUS_PAPER_OUT, "EOT 4 0x7E: paper out");
	is_int(transport_status_decode(1, 0x00), TRANSPORT_STATUS_UNKNOWN,
	       "0x00 is no status answer (fixed bits wrong)");
	is_int(transport_status_decode(1, 0x92), TRANSPORT_STATUS_UNKNOWN,
	       "0x92 is no status answer (bit 7 set)");
	is_int(transport_status_decode(1, 'A'), TRANSPORT_STATUS_UNKNOWN, "'A' is no status answer");
	is_int(transport_status_decode(5, 0x12), TRANSPORT_STATUS_UNKNOWN, "n = 5 is not asked");
}

static void test_describe(void)
{
	char b[128];
	is_str(transport_status_describe(0, b, sizeof b), "online", "describe: online");
	is_str(transport_status_describe(TRANSPORT_STATUS_OFFLINE | TRANSPORT_STATUS_COVER_OPEN, b,
	                                 sizeof b), "offline, cover open", "describe: cover open");
	is_str(transport_status_describe(TRANSPORT_STATUS_PAPER_OUT | TRANSPORT_STATUS_PAPER_NEAR_END |
	                                 TRANSPORT_STATUS_ERROR, b, sizeof b),
	       "online, out of paper, printer error", "describe: paper out wins over near end");
	ok(strstr(transport_status_describe(TRANSPORT_STATUS_UNKNOWN, b, sizeof b), "unknown") != NULL,
	   "describe: unknown says unknown");
	char small[8];
	transport_status_describe(TRANSPORT_STATUS_OFFLINE | TRANSPORT_STATUS_COVER_OPEN, small,
	                          sizeof small);
	is_int((int64_t)strlen(small), 7, "describe: a small buffer is cut, not overrun");
}

static void test_device_id(void)
{
	static const char text[] = "MFG:EPSON;CMD:ESC/POS;MDL:TM-T20II;CLS:PRINTER;";
	unsigned char buf[128];
	size_t n = strlen(text);
	buf[0] = (unsigned char)((n + 2) >> 8);
	buf[1] = (unsigned char)(n + 2);
	memcpy(buf + 2, text, n);
	char *id = NULL;
	ok(transport_usb_device_id_parse(buf, n + 2, &id) == 0, "device ID: big-endian length read");
	is_str(id, text, "device ID: the string without its length");
	free(id);
	/* The transfer may bring more than the length says. */
	memset(buf + n + 2, 'X', 10);
	ok(transport_usb_device_id_parse(buf, n + 12, &id) == 0 && id && strcmp(id, text) == 0,
	   "device ID: bytes past the length are left out");
	free(id);
	buf[0] = (unsigned char)(n + 2);
	buf[1] = 0;
	ok(transport_usb_device_id_parse(buf, n + 2, &id) == 0 && id && strcmp(id, text) == 0,
	   "device ID: a little-endian length is understood too");
	free(id);
	buf[0] = 0;
	buf[1] = 2;
	ok(transport_usb_device_id_parse(buf, 2, &id) == -1 && !id, "device ID: empty is none");
	ok(transport_usb_device_id_parse(buf, 1, &id) == -1 && !id, "device ID: one byte is none");
}

static void test_table(void)
{
	ok(transport_known("usb"), "usb alone is a known URI");
	ok(transport_known("usb:0416:5011"), "usb:VID:PID is a known URI");
	ok(transport_known("tcp:192.0.2.1"), "tcp: is a known URI");
	ok(transport_known("dev:/dev/usb/lp0") && transport_known("file:/tmp/x"), "dev: and file:");
	ok(!transport_known("lpt:1") && !transport_known("usbx:1"), "lpt: and usbx: are not");
	struct transport *t = NULL;
	char *err = NULL;
	ok(transport_open("ipp://printer", &t, &err) == -1 && err && strstr(err, "tcp:HOST"),
	   "an unknown scheme names the ones there are");
	free(err);
}

static void test_file(void)
{
	char path[] = "/tmp/comptoir-transport-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	char uri[64];
	snprintf(uri, sizeof uri, "file:%s", path);
	struct transport *t = NULL;
	char *err = NULL;
	ok(transport_open(uri, &t, &err) == 0, "file: opens");
	ok(transport_timeout(t) > 0, "file: has a timeout");
	ok(transport_write(t, "abc", 3, &err) == 0, "file: writes");
	unsigned flags = 0;
	ok(transport_status(t, &flags, &err) == 0 && !err, "file: status is no error");
	is_int(flags, TRANSPORT_STATUS_UNKNOWN, "file: status unknown");
	char *id = (char *)"x";
	ok(transport_device_id(t, &id, &err) == 0 && !id, "file: no device ID");
	transport_close(t);
	FILE *f = fopen(path, "r");
	char got[8] = "";
	size_t n = f ? fread(got, 1, sizeof got - 1, f) : 0;
	if (f)
		fclose(f);
	got[n] = '\0';
	is_str(got, "abc", "file: the bytes are in the file");
	unlink(path);
	free(err);
}

static void test_timeout_env(void)
{
	setenv("COMPTOIR_PRINTER_TIMEOUT_MS", "250", 1);
	is_int(transport_timeout_default(), 250, "COMPTOIR_PRINTER_TIMEOUT_MS sets the timeout");
	setenv("COMPTOIR_PRINTER_TIMEOUT_MS", "soon", 1);
	is_int(transport_timeout_default(), 5000, "a bad value keeps 5 s");
	unsetenv("COMPTOIR_PRINTER_TIMEOUT_MS");
	is_int(transport_timeout_default(), 5000, "unset: 5 s");
}

int main(void)
{
	test_decode();
	test_describe();
	test_device_id();
	test_table();
	test_file();
	test_timeout_env();
	return done_testing();
}
