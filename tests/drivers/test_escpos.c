/* The ESC/POS encoder against hand-written golden bytes (the USB fixture's
 * job, each code page with French, Indian and Russian text, each command),
 * the QR codes, and the printer profiles and device ID matching. */
#include <stdlib.h>
#include <string.h>
#include "../lib/tap.h"
#include "../lib/golden.h"
#include "../../drivers/escpos.h"
#include "../../drivers/profile.h"
#include "../../drivers/qr.h"

static const char sample[] =
	"Café 12,50 € œuvre « guillemets » l’été\n"
	"Total ₹1,234.50\n"
	"Привет\n";

static void test_fixture(void)
{
	const struct printer_profile *p = profile_by_usb(0x0416, 0x5011);
	ok(p != NULL, "0416:5011 has a profile");
	if (!p)
		return;
	struct escpos e;
	char *err = NULL;
	is_int(escpos_init(&e, p->charset, &err), 0, "encoder for the clone's code page");
	escpos_begin(&e, profile_table(p), p->cancel_kanji);
	escpos_text(&e, "Café 12,50 €\n");
	escpos_cut(&e, ESCPOS_CUT_PARTIAL);
	size_t n;
	const unsigned char *b = escpos_data(&e, &n);
	is_int((int64_t)n, 22, "the job is 22 bytes");
	ok(golden_same(b, n, "fixture-0416-5011.hex"), "byte for byte the USB fixture's job");
	escpos_release(&e);
}

static void test_codepage(enum escpos_charset cs, const char *golden)
{
	static const short tables[] = { [ESCPOS_CP437] = 0, [ESCPOS_CP850] = 2, [ESCPOS_CP852] = 18,
	                                [ESCPOS_CP858] = 19, [ESCPOS_CP866] = 17, [ESCPOS_CP1252] = 16 };
	struct escpos e;
	char *err = NULL;
	if (escpos_init(&e, cs, &err) != 0) {
		ok(0, "%s: %s", golden, err);
		free(err);
		return;
	}
	escpos_begin(&e, tables[cs], 0);
	escpos_text(&e, sample);
	size_t n;
	const unsigned char *b = escpos_data(&e, &n);
	ok(golden_same(b, n, golden), "French, Indian and Russian text in %s", escpos_charset_name(cs));
	int raw = 0;
	for (size_t i = 0; i + 1 < n; i++)
		raw |= (b[i] == 0xC3 && b[i + 1] == 0xA9) || (b[i] == 0xE2 && b[i + 1] == 0x82);
	ok(!raw, "no UTF-8 é or currency sign left in %s", escpos_charset_name(cs));
	escpos_release(&e);
}

static void test_text_safety(void)
{
	struct escpos e;
	char *err = NULL;
	escpos_init(&e, ESCPOS_CP858, &err);
	struct strbuf s = STRBUF_INIT;
	escpos_encode(&e, "A\x1b@B\x1dV\x01" "C\tD\x7f", &s);
	is_str(strbuf_str(&s), "A@BVC D", "control characters in text are dropped, a tab is a space");
	strbuf_release(&s);
	escpos_encode(&e, "x\xff\xc3y", &s);
	is_str(strbuf_str(&s), "x??y", "invalid UTF-8 becomes '?'");
	strbuf_release(&s);
	escpos_encode(&e, "e\xcc\x81t\xc3\xa9", &s);   /* e + combining acute, then é */
	is_str(strbuf_str(&s), "et\x82", "a combining accent the code page lacks is dropped, not '?'");
	strbuf_release(&s);
	escpos_encode(&e, "\xe2\x80\xaf" "1\xc2\xa0" "2", &s);  /* narrow and plain no-break spaces */
	is_str(strbuf_str(&s), " 1 2", "no-break spaces print as spaces");
	strbuf_release(&s);
	escpos_encode(&e, "\xe4\xb8\xad\xf0\x9f\x98\x80", &s);  /* 中, an emoji */
	is_str(strbuf_str(&s), "??", "what nothing can stand for becomes '?'");
	strbuf_release(&s);
	escpos_encode(&e, "\xe2\x82\xb9" "5", &s);
	is_str(strbuf_str(&s), "Rs.5", "the rupee sign prints as Rs.");
	strbuf_release(&s);
	escpos_release(&e);
	enum escpos_charset cs;
	ok(escpos_charset_parse("cp858", &cs) == 0 && cs == ESCPOS_CP858, "cp858 parsed");
	ok(escpos_charset_parse("1252", &cs) == 0 && cs == ESCPOS_CP1252, "1252 parsed");
	ok(escpos_charset_parse("utf8", &cs) == -1, "utf8 is no printer code page");
}

static void test_commands(void)
{
	struct escpos e;
	char *err = NULL;
	escpos_init(&e, ESCPOS_CP437, &err);
	escpos_bold(&e, 1);
	escpos_bold(&e, 0);
	escpos_size(&e, 2, 2);
	escpos_size(&e, 1, 1);
	escpos_align(&e, ESCPOS_CENTER);
	escpos_align(&e, ESCPOS_RIGHT);
	escpos_align(&e, ESCPOS_LEFT);
	escpos_feed(&e, 3);
	is_int(escpos_ean13(&e, "400638133393", &err), 0, "EAN-13 from 12 digits");
	is_int(escpos_code128(&e, "A{1", &err), 0, "Code 128 with a brace");
	escpos_cut(&e, ESCPOS_CUT_FULL);
	escpos_cut(&e, ESCPOS_CUT_PARTIAL);
	is_int(escpos_drawer(&e, 2), 0, "drawer on pin 2");
	is_int(escpos_drawer(&e, 5), 0, "drawer on pin 5");
	size_t n;
	const unsigned char *b = escpos_data(&e, &n);
	ok(golden_same(b, n, "commands.hex"), "every command byte for byte");

	size_t before = n;
	is_int(escpos_drawer(&e, 3), -1, "no drawer pin 3");
	is_int(escpos_ean13(&e, "4006381333932", &err), -1, "a wrong EAN-13 check digit is refused");
	ok(err && strstr(err, "check digit should be 1"), "and the right digit is named");
	free(err);
	err = NULL;
	is_int(escpos_ean13(&e, "40063813339", &err), -1, "11 digits are refused");
	free(err);
	err = NULL;
	is_int(escpos_code128(&e, "caf\xc3\xa9", &err), -1, "Code 128 refuses non-ASCII");
	free(err);
	err = NULL;
	is_int(escpos_code128(&e, "", &err), -1, "and empty data");
	free(err);
	err = NULL;
	escpos_data(&e, &n);
	is_int((int64_t)n, (int64_t)before, "refused commands add no bytes");
	escpos_release(&e);
}

static void test_qr(void)
{
	struct escpos e;
	char *err = NULL;
	escpos_init(&e, ESCPOS_CP437, &err);
	is_int(escpos_qr(&e, "T1", 4, QR_LEVEL_M, &err), 0, "native QR code");
	size_t n;
	const unsigned char *b = escpos_data(&e, &n);
	ok(golden_same(b, n, "qr-native.hex"), "GS ( k model, size, level, store, print");
	escpos_release(&e);

	escpos_init(&e, ESCPOS_CP437, &err);
	is_int(escpos_qr_raster(&e, "T1", 4, QR_LEVEL_M, 384, &err), 0, "QR code as a raster image");
	b = escpos_data(&e, &n);
	/* version 1: 21 modules, 4 of quiet zone each side: 29 x 4 = 116 dots,
	 * 15 bytes a row */
	static const unsigned char head[] = { 0x1D, 0x76, 0x30, 0x00, 15, 0, 116, 0 };
	ok(n == sizeof head + 15 * 116 && memcmp(b, head, sizeof head) == 0,
	   "GS v 0, 15 bytes x 116 rows");
	const unsigned char *img = b + sizeof head;
	/* the symbol's top row (dots 16..19): the two top finder patterns are
	 * dark on modules 0..6 and 14..20 (dots 16..43, 72..99), their
	 * separators light on modules 7 and 13, the quiet zone light */
	int row_ok = 1;
	for (int y = 16; y < 20; y++)
		for (int x = 0; x < 116; x++) {
			int dark = (img[y * 15 + x / 8] >> (7 - x % 8)) & 1;
			int m = x / 4 - 4;
			if ((m >= 0 && m <= 6) || (m >= 14 && m <= 20))
				row_ok &= dark;
			else if (m < 0 || m == 7 || m == 13 || m > 20)
				row_ok &= !dark;
		}
	ok(row_ok, "the finder patterns' top edges are where they belong");
	int quiet = 1;
	for (int i = 0; i < 16 * 15; i++)
		quiet &= img[i] == 0;
	ok(quiet, "the quiet zone above is white");
	escpos_release(&e);

	escpos_init(&e, ESCPOS_CP437, &err);
	is_int(escpos_qr_raster(&e, "T1", 16, QR_LEVEL_M, 384, &err), 0, "a module too big shrinks");
	b = escpos_data(&e, &n);
	is_int(b[4] * 8 <= 384 && b[4] * 8 >= 29 * 13, 1, "to fit 384 dots (13 dots a module)");
	escpos_release(&e);

	char big[QR_MAX_BYTES + 2];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	escpos_init(&e, ESCPOS_CP437, &err);
	is_int(escpos_qr(&e, big, 4, QR_LEVEL_L, &err), -1, "too much data for a QR code");
	free(err);
	err = NULL;
	is_int(escpos_qr_raster(&e, "", 4, QR_LEVEL_L, 384, &err), -1, "nothing to encode");
	free(err);
	err = NULL;
	escpos_release(&e);

	char *t = qr_halfblocks("T1", QR_LEVEL_M, 2, 0, &err);
	ok(t != NULL, "QR code as half blocks");
	if (!t)
		return;
	/* 21 + 2 x 2 = 25 module rows: 13 lines of 25 characters */
	int lines = 0;
	for (char *p = t; *p; p++)
		lines += *p == '\n';
	is_int(lines, 13, "13 lines for 25 module rows");
	char *second = strchr(t, '\n') + 1;
	/* rows 2 and 3: the finder's dark top edge over its ring (dark, light
	 * x 5, dark) */
	const char *want = "  \xe2\x96\x88\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80\xe2\x96\x80"
	                   "\xe2\x96\x80\xe2\x96\x88";
	ok(strncmp(second, want, strlen(want)) == 0, "the finder pattern drawn with blocks");
	ok(strspn(t, " ") == 25 && t[25] == '\n', "the quiet zone is blank");
	free(t);
	t = qr_halfblocks("T1", QR_LEVEL_M, 2, 1, &err);
	ok(t && strncmp(t, "\xe2\x96\x88", 3) == 0, "inverted: the quiet zone is solid");
	free(t);
}

static void test_profiles(void)
{
	int tables_ok = 1;
	for (const struct printer_profile *p = printer_profiles; p->name; p++)
		if (p->escpos && (profile_table(p) < 0 ||
		                  (p->columns != 32 && p->columns != 42 && p->columns != 48)))
			tables_ok = 0;
	ok(tables_ok, "every ESC/POS profile has its code page's number and 32, 42 or 48 columns");
	const struct printer_profile *p = profile_find("TM-T88");
	ok(p && strcmp(p->name, "tm-t88") == 0 && p->columns == 42 && p->qr,
	   "tm-t88 found by name: 42 columns, QR codes");
	ok(p && profile_table(p) == 16 && p->charset == ESCPOS_CP1252, "WPC1252 is table 16 on Epson");
	p = profile_find("clone-58");
	ok(p && profile_table(p) == 19 && !p->cancel_kanji && p->columns == 32,
	   "clone-58: PC858 at 19, 32 columns, no FS .");
	p = profile_find("clone-58-cjk");
	ok(p && p->cancel_kanji, "clone-58-cjk sends FS .");
	ok(profile_find("tm-u220") == NULL, "an unknown name");
	ok(profile_by_usb(0x0416, 0x5012) == NULL, "unknown USB ids");
	ok(strcmp(profile_for_width(32)->name, "generic-58") == 0 &&
	   strcmp(profile_for_width(42)->name, "tm-t88") == 0 &&
	   strcmp(profile_for_width(48)->name, "generic-80") == 0, "a profile for each width");

	char v[32];
	const char *id = "MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;CLS:PRINTER;DES:TM-T88V;";
	ok(profile_device_id_field(id, "MDL", v, sizeof v) == 0 && strcmp(v, "TM-T88V") == 0,
	   "MDL read from a device ID");
	ok(profile_device_id_field(id, "mfg", v, sizeof v) == 0 && strcmp(v, "EPSON") == 0,
	   "keys are case-insensitive");
	ok(profile_device_id_field("MANUFACTURER: Star Micronics ;MODEL:TSP143IIIU", "MFG", v,
	                           sizeof v) == 0 && strcmp(v, "Star Micronics") == 0,
	   "long key names, blanks trimmed");
	ok(profile_device_id_field(id, "SN", v, sizeof v) == -1, "an absent field");
	ok(profile_device_id_field(id, "DES", v, 4) == -1, "a value that does not fit");
	ok(profile_device_id_field("MDL", "MDL", v, sizeof v) == -1, "a field without ':'");

	static const unsigned char usb_be[] = "\x00\x1cMFG:EPSON;MDL:TM-T88V;CMD:ESC/POS;";
	char buf[64];
	ok(profile_device_id_from_usb(usb_be, 28, buf, sizeof buf) == 0 &&
	   strcmp(buf, "MFG:EPSON;MDL:TM-T88V;CMD:") == 0,
	   "GET_DEVICE_ID: the big-endian length counts itself");
	static const unsigned char usb_le[] = "\x14\x00MFG:STAR;MDL:TSP1;x";
	ok(profile_device_id_from_usb(usb_le, sizeof usb_le - 1, buf, sizeof buf) == 0 &&
	   strcmp(buf, "MFG:STAR;MDL:TSP1;") == 0, "and a little-endian length is read too");
	ok(profile_device_id_from_usb(usb_be, sizeof usb_be - 1, buf, 10) == 0 &&
	   strcmp(buf, "MFG:EPSON") == 0, "cut to the room given");
	ok(profile_device_id_from_usb(usb_be, 2, buf, sizeof buf) == -1, "two bytes hold no ID");

	p = profile_by_device_id(id);
	ok(p && strcmp(p->name, "tm-t88") == 0, "TM-T88V picks tm-t88");
	p = profile_by_device_id("MANUFACTURER:EPSON;COMMAND SET:ESC/POS;MODEL:TM-T88IV;");
	ok(p && strcmp(p->name, "tm-t88iv") == 0, "TM-T88IV picks the longer match, without QR");
	p = profile_by_device_id("MFG:EPSON;CMD:ESC/POS,EPSON;MDL:TM-T20II;");
	ok(p && strcmp(p->name, "tm-t20") == 0, "TM-T20II picks tm-t20");
	p = profile_by_device_id("MFG:STAR;CMD:ESC/POS;MDL:TSP143IIIU;");
	ok(p && strcmp(p->name, "star") == 0, "a Star in ESC/POS mode");
	p = profile_by_device_id("MFG:Xprinter;CMD:ESCPOS;MDL:XP-80C;");
	ok(p && strcmp(p->name, "generic-80") == 0, "an unknown ESC/POS printer: generic 80 mm");
	ok(profile_by_device_id("MFG:HP;CMD:PCL,PJL,POSTSCRIPT;MDL:LaserJet 4;") == NULL,
	   "a printer without ESC/POS has no profile");
	ok(profile_by_device_id("MFG:STAR;CMD:STAR;MDL:TSP143IIIU;") == NULL,
	   "nor a Star in its own command mode");
	ok(profile_by_device_id("") == NULL, "nor an empty device ID");
}

int main(void)
{
	test_fixture();
	test_codepage(ESCPOS_CP1252, "text-cp1252.hex");
	test_codepage(ESCPOS_CP858, "text-cp858.hex");
	test_codepage(ESCPOS_CP850, "text-cp850.hex");
	test_codepage(ESCPOS_CP437, "text-cp437.hex");
	test_codepage(ESCPOS_CP852, "text-cp852.hex");
	test_codepage(ESCPOS_CP866, "text-cp866.hex");
	test_text_safety();
	test_commands();
	test_qr();
	test_profiles();
	return done_testing();
}
