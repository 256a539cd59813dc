/* A tiny TAP producer for comptoir's C tests: ok(), is_int(), is_str(),
 * then done() prints the plan and returns the exit status. */
#ifndef COMPTOIR_TAP_H
#define COMPTOIR_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <inttypes.h>

static int tap_n, tap_failed;

static inline __attribute__((format(printf, 2, 0))) int tap_report(int pass, const char *fmt, va_list ap)
{
	tap_n++;
	if (!pass)
		tap_failed++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	vprintf(fmt, ap);
	putchar('\n');
	fflush(stdout);
	return pass;
}

static inline __attribute__((format(printf, 2, 3))) int ok(int pass, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tap_report(pass, fmt, ap);
	va_end(ap);
	return pass;
}

static inline __attribute__((format(printf, 3, 4))) int is_int(int64_t got, int64_t want, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int pass = tap_report(got == want, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got: %" PRId64 "\n#   expected: %" PRId64 "\n", got, want);
	return pass;
}

static inline __attribute__((format(printf, 3, 4))) int is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int pass = tap_report(got && want && strcmp(got, want) == 0, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got: '%s'\n#   expected: '%s'\n", got ? got : "(null)", want ? want : "(null)");
	return pass;
}

static inline void diag(const char *msg)
{
	printf("# %s\n", msg);
}

static inline int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
