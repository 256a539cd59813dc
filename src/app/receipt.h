/* Receipts for printers: the ticket's receipt as ESC/POS for a printer
 * profile, printing a receipt in the format the printer's profile asks for,
 * the printer test page, the returns code on receipts, and QR codes drawn
 * with half blocks for the screens. */
#ifndef COMPTOIR_RECEIPT_H
#define COMPTOIR_RECEIPT_H

#include <stddef.h>
#include <stdint.h>
#include "app.h"

/* Whether name is a printer profile ("tm-t88", "clone-58", "text", ...);
 * *err lists the known ones when not. */
int app_printer_profile_check(const char *name, char **err);
/* The profile of the receipt printer (config [printer] profile); NULL or
 * "" means none: receipts go out as plain text. */
void app_set_printer_profile(struct app *a, const char *name);
/* The known profiles, one "name  label" line each; the caller frees. */
char *app_printer_profiles_list(void);

/* The receipt of ticket `number` as ESC/POS bytes for the profile `profile`
 * (NULL: the configured one, else the generic one for the receipt width).
 * *out (malloc'd, caller frees) holds *len bytes. APP_OK, or an APP_ code
 * with *err set (unknown ticket or profile, a "text" profile). */
int app_receipt_escpos(struct app *a, int64_t number, int copy, const char *profile,
                       unsigned char **out, size_t *len, char **err);

/* Sends the receipt of ticket `number` to uri: ESC/POS when the configured
 * profile speaks it, plain text when there is none. */
int app_print_receipt(struct app *a, const char *uri, int64_t number, int copy, char **err);

/* The printer test page for a profile (NULL: generic 80 mm): accented
 * letters, € « » ’ œ, the sizes, an EAN-13, a Code 128 and a QR code. */
int app_printer_test_page(const char *profile, unsigned char **out, size_t *len, char **err);

/* Sends bytes to a printer URI. */
int app_print_bytes(const char *uri, const void *bytes, size_t len, char **err);

/* The code printed as a Code 128 on receipts, for returns: "T" and the
 * ticket number on at least eight digits ("T00000042"). */
void app_receipt_code(int64_t number, char *out, size_t size);
/* Reads such a code back; 0 and *number, or -1 when code is not one. */
int app_receipt_code_parse(const char *code, int64_t *number);

/* A QR code of data as text for a terminal: lines of '▀', '▄', '█' and
 * spaces, two module rows per line; light_blocks draws the light modules
 * (light text on a dark screen). The caller frees; NULL with *err. */
char *app_qr_text(const char *data, int light_blocks, char **err);

#endif
