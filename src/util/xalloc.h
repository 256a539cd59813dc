/* Allocation that never returns NULL: running out of memory ends the
 * program with a message (the terminal is restored by the exit hook). */
#ifndef COMPTOIR_XALLOC_H
#define COMPTOIR_XALLOC_H

#include <stddef.h>
#include <stdarg.h>

/* Each returns memory the caller owns and releases with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* Called before exiting on an allocation failure (the ui sets it to endwin). */
extern void (*xalloc_fatal_hook)(void);

/* Sets *err (when err is not NULL) to a formatted, malloc'd message.
 * Does nothing to an *err already set, so the first cause is kept. */
void error_set(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Copies src into dst of size bytes, always terminated; returns strlen(src). */
size_t strlcpy_safe(char *dst, const char *src, size_t size);

#endif
