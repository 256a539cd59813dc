/* Where receipt bytes go: one interface, one implementation per URI scheme
 * (file:PATH, dev:PATH such as /dev/usb/lp0, usb[:VID:PID[:SERIAL]],
 * tcp:HOST[:PORT]), and the printer's answer to DLE EOT status requests. */
#ifndef COMPTOIR_TRANSPORT_H
#define COMPTOIR_TRANSPORT_H

#include <stddef.h>

struct transport;

struct transport_ops {
	const char *scheme;   /* "file", "dev", "usb", "tcp" */
	/* target is the URI after "scheme:" ("" for a bare "usb") */
	int (*open)(const char *target, struct transport **out, char **err);
	/* Writes all of len bytes within the transport's timeout, or -1. */
	int (*write)(struct transport *t, const void *buf, size_t len, char **err);
	void (*close)(struct transport *t);
	/* Optional. Waits up to timeout_ms for bytes from the printer: returns
	 * how many were read, 0 when none came in time, -1 with *err. */
	int (*read)(struct transport *t, void *buf, size_t size, int timeout_ms, char **err);
	/* Optional. The IEEE 1284 device ID ("MFG:...;MDL:...;"), malloc'd, in
	 * *id; 0 with *id NULL when the printer has none to give; -1 with *err. */
	int (*device_id)(struct transport *t, char **id, char **err);
	/* Optional. Fills *flags (TRANSPORT_STATUS_*); NULL uses DLE EOT over
	 * write and read, or reports unknown when there is no read. */
	int (*status)(struct transport *t, unsigned *flags, char **err);
};

/* Opens a transport for uri. Returns 0, or -1 with *err set (unknown scheme,
 * cannot open). Release with transport_close(). */
int transport_open(const char *uri, struct transport **out, char **err);
/* Writes all of buf or fails with *err set. */
int transport_write(struct transport *t, const void *buf, size_t len, char **err);
void transport_close(struct transport *t);

/* Whether uri names a scheme this build knows. */
int transport_known(const char *uri);

/* How long a printer may take to accept bytes (connect, write) or to
 * answer, in milliseconds: $COMPTOIR_PRINTER_TIMEOUT_MS when set to a
 * positive number, else 5000. transport_set_timeout changes one transport. */
int transport_timeout_default(void);
void transport_set_timeout(struct transport *t, int timeout_ms);
int transport_timeout(const struct transport *t);

/* Reads what the printer sent back: see transport_ops.read. A transport
 * that cannot read returns 0. */
int transport_read(struct transport *t, void *buf, size_t size, int timeout_ms, char **err);

/* The printer's IEEE 1284 device ID, malloc'd (caller frees), to pick an
 * ESC/POS profile. 0 with *id NULL when the transport or the printer cannot
 * say; -1 with *err when the transport failed. */
int transport_device_id(struct transport *t, char **id, char **err);

/* What DLE EOT told. UNKNOWN alone: the printer did not answer (many do not,
 * and file: cannot ask); that is not an error. */
enum {
	TRANSPORT_STATUS_UNKNOWN = 1u << 0,
	TRANSPORT_STATUS_OFFLINE = 1u << 1,
	TRANSPORT_STATUS_COVER_OPEN = 1u << 2,
	TRANSPORT_STATUS_PAPER_OUT = 1u << 3,
	TRANSPORT_STATUS_PAPER_NEAR_END = 1u << 4,
	TRANSPORT_STATUS_ERROR = 1u << 5,
	TRANSPORT_STATUS_DRAWER_HIGH = 1u << 6,   /* drawer connector pin 3 high */
};

/* Asks the printer DLE EOT 1, 2 and 4 and decodes the answers into *flags.
 * Returns 0 (flags may be TRANSPORT_STATUS_UNKNOWN) or -1 with *err when
 * the transport itself failed (unplugged, connection lost). */
int transport_status(struct transport *t, unsigned *flags, char **err);

/* Asks DLE EOT n alone and decodes the answer into *flags (UNKNOWN when
 * none came within the status wait). Same returns as transport_status. */
int transport_status_query(struct transport *t, int n, unsigned *flags, char **err);

/* Decodes one answer byte to DLE EOT n (n = 1 printer, 2 offline cause,
 * 3 error cause, 4 paper sensor) into TRANSPORT_STATUS_* flags; a byte
 * that is not a status answer (fixed bits wrong) or an unknown n gives
 * TRANSPORT_STATUS_UNKNOWN. Pure: no I/O. */
unsigned transport_status_decode(int n, unsigned char answer);

/* A translated one-line description of flags, such as "online" or
 * "offline, cover open". Writes into buf of size bytes, returns buf. */
const char *transport_status_describe(unsigned flags, char *buf, size_t size);

#endif
