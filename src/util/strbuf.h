/* A growable, always NUL-terminated string buffer. */
#ifndef COMPTOIR_STRBUF_H
#define COMPTOIR_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds n copies of c. */
void strbuf_pad(struct strbuf *sb, char c, size_t n);
/* Hands the text over: the caller frees the result; sb is left empty. */
char *strbuf_detach(struct strbuf *sb);
/* The text so far ("" when empty; never NULL). */
const char *strbuf_str(const struct strbuf *sb);

#endif
