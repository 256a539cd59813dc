/* csv.c: quoting, doubled quotes and line breaks inside quotes, the ';'
 * guess, the BOM, line numbers, every limit, NUL bytes, unterminated quotes,
 * and the formula guard with its way back. */
#include <stdlib.h>
#include "../lib/tap.h"
#include "../../src/core/csv.h"

/* Reads all of text and joins the records as "a|b|c/d|e/" for comparison;
 * returns the last csv_read result (0 at a clean end). */
static int csv_dump(const char *text, size_t len, const struct csv_limits *lim, char *out,
                    size_t size, struct csv_reader *r)
{
	size_t o = 0;
	int rc;
	out[0] = '\0';
	csv_reader_init(r, text, len, lim);
	while ((rc = csv_read(r)) == 1) {
		for (size_t i = 0; i < csv_nfields(r); i++)
			o += (size_t)snprintf(out + o, size - o, "%s%s", i ? "|" : "", csv_field(r, i));
		o += (size_t)snprintf(out + o, size - o, "/");
	}
	return rc;
}

static void parses(const char *text, const char *want, const char *what)
{
	struct csv_reader r;
	char got[512];
	int rc = csv_dump(text, strlen(text), NULL, got, sizeof got, &r);
	is_int(rc, 0, "%s: read to the end", what);
	is_str(got, want, "%s: fields", what);
	csv_reader_release(&r);
}

static void fails(const char *text, size_t len, const struct csv_limits *lim, int want,
                  size_t line, const char *what)
{
	struct csv_reader r;
	char got[512];
	int rc = csv_dump(text, len, lim, got, sizeof got, &r);
	is_int(rc, want, "%s: refused", what);
	is_int((int64_t)r.error_line, (int64_t)line, "%s: on line %zu", what, line);
	csv_reader_release(&r);
}

static void test_read(void)
{
	parses("sku,name\nA1,Jam\n", "sku|name/A1|Jam/", "plain");
	parses("sku,name\r\nA1,Jam\r\n", "sku|name/A1|Jam/", "CRLF");
	parses("sku,name\rA1,Jam", "sku|name/A1|Jam/", "lone CR, no final newline");
	parses("a,\"b,c\",d\n", "a|b,c|d/", "quoted delimiter");
	parses("a,\"say \"\"hi\"\"\",d\n", "a|say \"hi\"|d/", "doubled quotes");
	parses("a,\"two\nlines\",d\n", "a|two\nlines|d/", "line break inside quotes");
	parses("a,\"\",d\n", "a||d/", "empty quoted field");
	parses("a,,\n", "a||/", "empty fields and a trailing delimiter");
	parses("a,b\n\n\nc,d\n\n", "a|b/c|d/", "blank lines skipped");
	parses("\xEF\xBB\xBFsku,name\nA1,Jam\n", "sku|name/A1|Jam/", "BOM skipped");
	parses("sku;name;price\nA1;Confiture;12,50\n", "sku|name|price/A1|Confiture|12,50/",
	       "';' guessed, decimal comma kept");
	parses("sku;\"a,b\";\"c;d\"\nx;y;z\n", "sku|a,b|c;d/x|y|z/", "';' guessed outside quotes");
	parses("name\nCrème brûlée\n", "name/Crème brûlée/", "UTF-8 untouched");
	parses("", "", "empty text");

	struct csv_reader r;
	csv_reader_init(&r, "a;b,c,d\n", 8, NULL);
	is_int(r.delim, ',', "more commas than semicolons: ','");
	csv_reader_release(&r);
	csv_reader_init(&r, "\"x,y,z\";b\n", 10, NULL);
	is_int(r.delim, ';', "commas inside quotes do not count");
	csv_reader_release(&r);

	const char *t = "h1,h2\nv1,\"multi\nline\"\n\nv3,v4\n";
	csv_reader_init(&r, t, strlen(t), NULL);
	csv_read(&r);
	is_int((int64_t)r.record_line, 1, "header on line 1");
	csv_read(&r);
	is_int((int64_t)r.record_line, 2, "quoted record starts on line 2");
	csv_read(&r);
	is_int((int64_t)r.record_line, 5, "after a two-line record and a blank line: line 5");
	is_int(csv_read(&r), 0, "then the end");
	csv_reader_release(&r);
}

static void test_refused(void)
{
	fails("a,b\nc,\"open\nd,e\n", 16, NULL, CSV_UNTERMINATED, 2,
	      "unterminated quote, reported where it opened");
	fails("a,b\n\n\"x\",\"y\nz\nw", 15, NULL, CSV_UNTERMINATED, 3,
	      "unterminated quote after a blank line: line 3");
	fails("a,b\nc,d\0e\n", 10, NULL, CSV_NUL, 2, "NUL byte in a field");
	fails("a,b\nc,\"d\0\"\n", 11, NULL, CSV_NUL, 2, "NUL byte in a quoted field");
	fails("a,b\nc,\"d\"\0\n", 11, NULL, CSV_NUL, 2, "NUL byte after a quoted field");
	fails("a,b\nc,d\"e\n", 10, NULL, CSV_BAD_QUOTE, 2, "stray quote in a field");
	fails("a,b\nc,\"d\"e\n", 11, NULL, CSV_BAD_QUOTE, 2, "text after a closing quote");

	struct csv_limits lim = { 8, 32, 4 };
	fails("a,b\n123456789,x\n", 16, &lim, CSV_FIELD_TOO_LONG, 2, "field past 8 bytes");
	fails("a,b\n12345678,x\n", 15, &lim, 0, 0, "field of exactly 8 bytes");
	fails("a\n12345678,12345678,12345678,1234567\n", 37, &lim, CSV_LINE_TOO_LONG, 2,
	      "record past 32 bytes");
	fails("a\n1,2,3,4,5\n", 12, &lim, CSV_TOO_MANY_FIELDS, 2, "five fields past four");
	fails("a\n\"12345678\n9\"\n", 15, &lim, CSV_QUOTED_TOO_LONG, 2,
	      "quoted field past the limit, reported where it opened");

	size_t big = 10 * 1024 * 1024;
	char *line = malloc(big + 16);
	memcpy(line, "sku,name\n", 9);
	memset(line + 9, 'x', big);
	line[9 + big] = '\n';
	fails(line, big + 10, NULL, CSV_FIELD_TOO_LONG, 2, "a 10 MB line");
	memset(line + 9, ',', big);
	fails(line, big + 10, NULL, CSV_TOO_MANY_FIELDS, 2, "a 10 MB line of commas");
	line[9] = '"';
	fails(line, big + 10, NULL, CSV_QUOTED_TOO_LONG, 2, "a 10 MB quoted field");
	free(line);
}

/* s with line breaks shown as \n, for a test's description. */
static const char *shown(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	for (; *s && o + 3 < size; s++) {
		if (*s == '\n') {
			buf[o++] = '\\';
			buf[o++] = 'n';
		} else {
			buf[o++] = *s;
		}
	}
	buf[o] = '\0';
	return buf;
}

static void formats(const char *in, unsigned flags, const char *want)
{
	char buf[64], a[64], b[64];
	size_t n = csv_format_field(buf, sizeof buf, in, ',', flags);
	is_str(buf, want, "format \"%s\" -> %s", shown(in, a, sizeof a), shown(want, b, sizeof b));
	is_int((int64_t)n, (int64_t)strlen(want), "length of %s", shown(want, b, sizeof b));
}

static void test_write(void)
{
	formats("Jam", 0, "Jam");
	formats("a,b", 0, "\"a,b\"");
	formats("a;b", 0, "a;b");
	formats("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	formats("two\nlines", 0, "\"two\nlines\"");
	formats("", 0, "");
	formats("=1+2", CSV_GUARD, "'=1+2");
	formats("+33 1 23", CSV_GUARD, "'+33 1 23");
	formats("-5", CSV_GUARD, "'-5");
	formats("@SUM(A1)", CSV_GUARD, "'@SUM(A1)");
	formats("'=x", CSV_GUARD, "''=x");
	formats("it's", CSV_GUARD, "it's");
	formats("=1+2", 0, "=1+2");
	formats("=\"a\",b", CSV_GUARD, "\"'=\"\"a\"\",b\"");

	char small[4];
	is_int((int64_t)csv_format_field(small, sizeof small, "a,bcdef", ',', 0), 9,
	       "needed length returned when the buffer is short");
	is_str(small, "\"a,", "short buffer truncated and terminated");

	is_str(csv_unguard("'=1+2"), "=1+2", "guard taken off");
	is_str(csv_unguard("''=x"), "'=x", "one guard taken off");
	is_str(csv_unguard("'hello"), "'hello", "a quote before plain text is data");
	is_str(csv_unguard("it's"), "it's", "inner quote kept");
	is_str(csv_unguard("-5"), "-5", "unguarded text kept");

	/* Every text comes back from its guarded form. */
	const char *samples[] = { "=a", "'=a", "''=a", "'a", "''", "'", "-", "@", "a", "" };
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		char buf[16];
		csv_format_field(buf, sizeof buf, samples[i], ',', CSV_GUARD);
		is_str(csv_unguard(buf), samples[i], "round trip of \"%s\"", samples[i]);
	}
}

int main(void)
{
	test_read();
	test_refused();
	test_write();
	return done_testing();
}
