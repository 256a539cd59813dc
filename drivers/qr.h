/* QR codes computed here (libqrencode): the module matrix, for printers
 * that take a raster image, and half-block text lines for a terminal. The
 * ui reaches the text form through the app, never libqrencode itself. */
#ifndef COMPTOIR_QR_H
#define COMPTOIR_QR_H

#include <stddef.h>

/* Error correction: about 7, 15, 25 and 30 % of the symbol recoverable. */
enum qr_level { QR_LEVEL_L = 0, QR_LEVEL_M, QR_LEVEL_Q, QR_LEVEL_H };

/* At most this many bytes fit in a QR code (version 40, level L, 8-bit). */
#define QR_MAX_BYTES 2953

struct qr_matrix {
	int width;              /* modules per side, quiet zone not included */
	unsigned char *cells;   /* width * width, row by row, 1 = dark */
};

/* Encodes data (bytes, 8-bit mode) in the smallest QR code that holds it.
 * Returns 0, or -1 with *err set (empty, too long). Release with
 * qr_matrix_release(). */
int qr_encode(const char *data, enum qr_level level, struct qr_matrix *out, char **err);
void qr_matrix_release(struct qr_matrix *m);

/* The QR code of data as UTF-8 lines of '▀', '▄', '█' and ' ', two module
 * rows per line, with `quiet` light modules around (4 in the standard, 2
 * is enough for most phone readers). light_blocks 0 draws a block for each
 * dark module (dark text on a light screen); 1 draws the light modules,
 * quiet zone included (light text on a dark screen, as most terminals).
 * Returns malloc'd text, each line ending in '\n', or NULL with *err. */
char *qr_halfblocks(const char *data, enum qr_level level, int quiet, int light_blocks,
                    char **err);

#endif
