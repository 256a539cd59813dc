/* Character sets at the edges: UTF-8 inside, converted with iconv for a
 * non-UTF-8 terminal, a printer code page or a legacy file; characters the
 * target lacks are transliterated (é -> e, œ -> oe, € -> EUR), never garbled. */
#ifndef COMPTOIR_CHARSET_H
#define COMPTOIR_CHARSET_H

#include <stddef.h>

/* Whether the current LC_CTYPE locale uses UTF-8. */
int charset_locale_is_utf8(void);

/* The current locale's character set name as iconv knows it. */
const char *charset_locale_name(void);

/* Converts UTF-8 text to tocode, transliterating what tocode cannot hold;
 * what has no transliteration becomes '?'. Returns malloc'd text the caller
 * frees, or NULL when tocode is unknown to iconv. Invalid UTF-8 input bytes
 * become '?'. */
char *charset_from_utf8(const char *s, const char *tocode);

/* Converts text in fromcode to UTF-8. Returns malloc'd text, or NULL with
 * *bad_offset set to the byte offset of the first invalid sequence (or
 * (size_t)-1 for an unknown charset). */
char *charset_to_utf8(const char *s, size_t len, const char *fromcode, size_t *bad_offset);

/* Text for the current terminal: a copy when the locale is UTF-8, else the
 * transliteration into the locale's charset. Caller frees. */
char *charset_for_terminal(const char *utf8);

#endif
