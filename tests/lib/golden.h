/* Reads the hand-written golden byte files of tests/drivers/golden (see its
 * README: hex pairs, "ASCII text", XX*N repeats, # comments) and compares
 * bytes with them, showing the first difference. */
#ifndef COMPTOIR_GOLDEN_H
#define COMPTOIR_GOLDEN_H

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int golden_hex(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

/* Loads GOLDEN_DIR/name into a malloc'd buffer; NULL (with a diagnostic)
 * when the file is missing or malformed. */
static unsigned char *golden_load(const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", GOLDEN_DIR, name);
	FILE *f = fopen(path, "r");
	if (!f) {
		printf("# cannot open %s\n", path);
		return NULL;
	}
	size_t cap = 256, n = 0;
	unsigned char *out = malloc(cap);
	int c, bad = 0, last = -1;
	while (!bad && (c = fgetc(f)) != EOF) {
		if (n + 256 > cap)
			out = realloc(out, cap *= 2);
		if (c == '#') {
			while ((c = fgetc(f)) != EOF && c != '\n')
				;
		} else if (c == '"') {
			while ((c = fgetc(f)) != EOF && c != '"') {
				if (n + 1 >= cap)
					out = realloc(out, cap *= 2);
				out[n++] = (unsigned char)c;
			}
			bad = c != '"';
		} else if (c == '*') {
			int count = 0;
			while ((c = fgetc(f)) != EOF && isdigit(c))
				count = count * 10 + (c - '0');
			if (c != EOF)
				ungetc(c, f);
			if (last < 0 || count < 1) {
				bad = 1;
				break;
			}
			while (n + (size_t)count + 256 > cap)
				out = realloc(out, cap *= 2);
			for (int i = 1; i < count; i++)
				out[n++] = (unsigned char)last;
			last = -1;
		} else if (golden_hex(c) >= 0) {
			int d = fgetc(f);
			if (golden_hex(d) < 0) {
				bad = 1;
				break;
			}
			last = golden_hex(c) * 16 + golden_hex(d);
			out[n++] = (unsigned char)last;
			continue;
		} else if (!isspace(c)) {
			bad = 1;
		}
		last = -1;
	}
	fclose(f);
	if (bad) {
		printf("# %s is malformed\n", path);
		free(out);
		return NULL;
	}
	*len = n;
	return out;
}

/* Whether got (n bytes) is the golden file's content; says where not. */
static int golden_same(const unsigned char *got, size_t n, const char *name)
{
	size_t wn;
	unsigned char *want = golden_load(name, &wn);
	if (!want)
		return 0;
	size_t i = 0;
	while (i < n && i < wn && got[i] == want[i])
		i++;
	int same = i == n && i == wn;
	if (!same) {
		printf("# %s: %zu bytes, got %zu; first difference at byte %zu:\n", name, wn, n, i);
		size_t from = i > 8 ? i - 8 : 0;
		printf("#   got: ");
		for (size_t k = from; k < n && k < i + 8; k++)
			printf("%02X ", got[k]);
		printf("\n#  want: ");
		for (size_t k = from; k < wn && k < i + 8; k++)
			printf("%02X ", want[k]);
		printf("\n");
	}
	free(want);
	return same;
}

#endif
