/* Amounts in words for printed invoices: whole numbers in English with the
 * Indian grouping (thousand, lakh, crore), and rupees and paise. Pure: no
 * I/O, no locale. */
#ifndef COMPTOIR_WORDS_H
#define COMPTOIR_WORDS_H

#include <stddef.h>
#include <stdint.h>

enum words_error {
	WORDS_OK = 0,
	WORDS_TOO_LONG = -1,   /* out is too small; it holds "" */
	WORDS_NEGATIVE = -2,   /* a negative amount; out holds "" */
};

/* n in words, Indian numbering: 123456 is "One Lakh Twenty Three Thousand
 * Four Hundred Fifty Six"; 0 is "Zero". Above 99 crore the crores are
 * themselves counted in lakhs and crores ("One Lakh Crore"). */
int words_indian(uint64_t n, char *out, size_t size);

/* An amount in paise as Indian invoices write it: "Rupees Twelve and Fifty
 * Paise Only", "Rupees One Only", "Fifty Paise Only", "Rupees Zero Only". */
int words_rupees(int64_t paise, char *out, size_t size);

#endif
