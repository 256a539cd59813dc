/* Where receipt bytes go: one interface, one implementation per URI scheme
 * (file:PATH appends to a file, dev:PATH writes to a character device such as
 * /dev/usb/lp0). usb: and tcp: join the table with the printer drivers. */
#ifndef COMPTOIR_TRANSPORT_H
#define COMPTOIR_TRANSPORT_H

#include <stddef.h>

struct transport;

struct transport_ops {
	const char *scheme;   /* "file", "dev" */
	/* target is the URI after "scheme:" */
	int (*open)(const char *target, struct transport **out, char **err);
	int (*write)(struct transport *t, const void *buf, size_t len, char **err);
	void (*close)(struct transport *t);
};

/* Opens a transport for uri. Returns 0, or -1 with *err set (unknown scheme,
 * cannot open). Release with transport_close(). */
int transport_open(const char *uri, struct transport **out, char **err);
/* Writes all of buf or fails with *err set. */
int transport_write(struct transport *t, const void *buf, size_t len, char **err);
void transport_close(struct transport *t);

/* Whether uri names a scheme this build knows. */
int transport_known(const char *uri);

#endif
