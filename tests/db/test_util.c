/* The util layer: charset conversion and transliteration at the edges,
 * string buffers, and the config file reader. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/util/charset.h"
#include "../../src/util/strbuf.h"
#include "../../src/app/config.h"

static void test_charset(void)
{
	char *s = charset_from_utf8("Crème brûlée", "ASCII");
	is_str(s, "Creme brulee", "accents dropped for ASCII");
	free(s);
	s = charset_from_utf8("Œuf cœur 12,50 € ₹5", "ASCII");
	is_str(s, "OEuf coeur 12,50 EUR Rs5", "ligatures and currency signs spelled out");
	free(s);
	s = charset_from_utf8("Café 12,50 €", "CP1252");
	is_str(s, "Caf\xe9 12,50 \x80", "CP1252 keeps é and €");
	free(s);
	s = charset_from_utf8("Café €", "CP858");
	is_str(s, "Caf\x82 \xd5", "CP858 has é at 0x82 and € at 0xD5");
	free(s);
	s = charset_from_utf8("bad \xff byte", "ASCII");
	is_str(s, "bad ? byte", "an invalid byte becomes '?'");
	free(s);
	ok(charset_from_utf8("x", "NO-SUCH-CHARSET") == NULL, "unknown charset gives NULL");
	size_t bad = 0;
	s = charset_to_utf8("Caf\xe9", 4, "CP1252", &bad);
	is_str(s, "Café", "CP1252 to UTF-8");
	free(s);
	ok(charset_to_utf8("Caf\xe9", 4, "UTF-8", &bad) == NULL && bad == 3,
	   "invalid UTF-8 found at its offset");
	setlocale(LC_ALL, "C");
	ok(!charset_locale_is_utf8(), "C locale is not UTF-8");
	s = charset_for_terminal("Pâté");
	is_str(s, "Pate", "terminal text transliterated in the C locale");
	free(s);
}

static void test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	is_str(strbuf_str(&sb), "", "empty buffer reads as empty string");
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%d,", i % 10);
	is_int((int64_t)sb.len, 2000, "grows past its first size");
	strbuf_pad(&sb, '-', 3);
	ok(strcmp(sb.buf + sb.len - 5, "9,---") == 0, "pad appends");
	char *s = strbuf_detach(&sb);
	ok(sb.buf == NULL && s[0] == '0', "detach hands the text over");
	free(s);
}

static void test_config(void)
{
	char dir[] = "/tmp/comptoir-conf-XXXXXX";
	if (!mkdtemp(dir))
		return;
	char path[300];
	snprintf(path, sizeof path, "%s/c.conf", dir);
	FILE *f = fopen(path, "w");
	fputs("; till config\n[comptoir]\ndb = /srv/shop.db\nterminal = till-2\n"
	      "[printer]\nuri = file:/tmp/r.txt\nwidth = 48\n", f);
	fclose(f);
	struct app_config c;
	memset(&c, 0, sizeof c);
	char *err = NULL;
	is_int(config_load_file(&c, path, &err), 0, "config read");
	is_str(c.db, "/srv/shop.db", "db");
	is_str(c.terminal, "till-2", "terminal");
	is_str(c.printer, "file:/tmp/r.txt", "printer uri");
	is_int(c.receipt_width, 48, "width");
	f = fopen(path, "w");
	fputs("[comptoir]\ndb = x\ncolour = blue\n", f);
	fclose(f);
	is_int(config_load_file(&c, path, &err), -1, "unknown setting refused");
	ok(err && strstr(err, "line 3") && strstr(err, "colour"), "message: %s", err ? err : "");
	free(err);
	err = NULL;
	f = fopen(path, "w");
	fputs("[printer]\nwidth = 40\n", f);
	fclose(f);
	is_int(config_load_file(&c, path, &err), -1, "bad width refused");
	free(err);
	err = NULL;
	setenv("COMPTOIR_CONFIG", path, 1);
	unlink(path);
	is_int(config_load(&c, &err), -1, "a named config that is missing is an error");
	free(err);
	unsetenv("COMPTOIR_CONFIG");
	rmdir(dir);
}

int main(void)
{
	test_charset();
	test_strbuf();
	test_config();
	return done_testing();
}
