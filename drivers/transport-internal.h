/* Shared by the transports of drivers/ only: the common head of every
 * transport object, the helpers for file-descriptor transports, and the
 * open functions of the schemes that live in their own files. */
#ifndef COMPTOIR_TRANSPORT_INTERNAL_H
#define COMPTOIR_TRANSPORT_INTERNAL_H

#include "transport.h"

/* Each transport embeds this as its first member. transport_open fills
 * ops and timeout_ms after the scheme's open returns. */
struct transport {
	const struct transport_ops *ops;
	int timeout_ms;
};

/* Writes all of buf to fd, waiting up to timeout_ms each time the fd does
 * not take bytes. Sockets are written with MSG_NOSIGNAL. who names the
 * printer in messages. */
int transport_fd_write_all(int fd, int is_socket, const void *buf, size_t len, int timeout_ms,
                           const char *who, char **err);
/* Reads what is there within timeout_ms: >0 bytes, 0 none, -1 error. An
 * end of file is an error (the printer went away) when eof_is_error, else
 * nothing read. */
int transport_fd_read(int fd, void *buf, size_t size, int timeout_ms, int eof_is_error,
                      const char *who, char **err);

int transport_usb_open(const char *target, struct transport **out, char **err);
int transport_usb_write(struct transport *t, const void *buf, size_t len, char **err);
int transport_usb_read(struct transport *t, void *buf, size_t size, int timeout_ms, char **err);
int transport_usb_device_id(struct transport *t, char **id, char **err);
void transport_usb_close(struct transport *t);

/* Parses the answer to the printer-class GET_DEVICE_ID request (n bytes,
 * the first two a big-endian length that counts themselves) into a
 * malloc'd string in *id. Returns 0, or -1 when buf holds no ID. */
int transport_usb_device_id_parse(const unsigned char *buf, size_t n, char **id);

int transport_tcp_open(const char *target, struct transport **out, char **err);
int transport_tcp_write(struct transport *t, const void *buf, size_t len, char **err);
int transport_tcp_read(struct transport *t, void *buf, size_t size, int timeout_ms, char **err);
void transport_tcp_close(struct transport *t);

#endif
