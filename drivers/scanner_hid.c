/* usb:VID:PID — a barcode scanner that is a USB HID keyboard (boot
 * protocol), read through libusb: its interrupt IN reports decoded into
 * characters (scanner_hid_decode, pure) by a thread that hands whole codes to
 * the caller through a pipe, whose read end is the descriptor to wait on. */
#include <errno.h>
#include <fcntl.h>
#include <libusb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scanner-internal.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

/* Modifier bits of a boot report: Shift (left, right), AltGr, Ctrl. */
#define HID_SHIFT 0x22
#define HID_ALTGR 0x40
#define HID_CTRL 0x11
/* How long one wait for a report lasts before the thread looks at its stop
 * flag. */
#define HID_POLL_MS 200

void scanner_hid_keys_init(struct scanner_hid_keys *k, enum scanner_keymap km)
{
	memset(k, 0, sizeof *k);
	k->km = km;
}

size_t scanner_hid_decode(struct scanner_hid_keys *k, const uint8_t *report, size_t len, int *out,
                          size_t max)
{
	size_t n = 0;
	if (len < 8)
		return 0;
	for (int i = 2; i < 8; i++)
		if (report[i] == 0x01) /* phantom state: too many keys at once */
			return 0;
	int shift = (report[0] & HID_SHIFT) != 0;
	int altgr = (report[0] & HID_ALTGR) != 0;
	int ctrl = (report[0] & HID_CTRL) != 0;
	for (int i = 2; i < 8; i++) {
		uint8_t u = report[i];
		if (u < 0x04 || memchr(k->prev, u, sizeof k->prev))
			continue;
		int c = ctrl ? 0 : scanner_usage_char(u, shift, altgr, k->km);
		if (c && n < max)
			out[n++] = c;
	}
	memcpy(k->prev, report + 2, sizeof k->prev);
	return n;
}

struct scanner_usb {
	struct scanner base;
	libusb_context *ctx;
	libusb_device_handle *h;
	int iface;
	unsigned char ep;
	int packet;                    /* the endpoint's largest report */
	int pipe[2];
	pthread_t thread;
	int started;
	int reattach;                  /* the kernel driver had it: give it back */
	atomic_int stop;
	char why[128];                 /* why the thread ended, set before it closes pipe[1] */
	struct scanner_hid_keys keys;  /* the thread's */
	struct scanner_line line;      /* the thread's */
	char rbuf[SCANNER_CODE_MAX + 2];
	size_t rn;
};

static void scanner_usb_send(struct scanner_usb *s, const char *code)
{
	size_t len = strlen(code);
	char buf[SCANNER_CODE_MAX + 2];
	memcpy(buf, code, len);
	buf[len++] = '\n';
	const char *p = buf;
	while (len) {
		ssize_t w = write(s->pipe[1], p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		len -= (size_t)w;
	}
}

static void *scanner_usb_thread(void *arg)
{
	struct scanner_usb *s = arg;
	unsigned char report[64];
	char code[SCANNER_CODE_MAX + 1];
	int chars[8];

	while (!atomic_load(&s->stop)) {
		int got = 0;
		int r = libusb_interrupt_transfer(s->h, s->ep, report, s->packet, &got, HID_POLL_MS);
		if (r == LIBUSB_ERROR_TIMEOUT || r == LIBUSB_ERROR_INTERRUPTED)
			continue;
		if (r < 0) {
			strlcpy_safe(s->why, libusb_strerror((enum libusb_error)r), sizeof s->why);
			break;
		}
		size_t n = scanner_hid_decode(&s->keys, report, (size_t)got, chars, 8);
		for (size_t i = 0; i < n; i++)
			if (scanner_line_add(&s->line, chars[i], code, sizeof code))
				scanner_usb_send(s, code);
	}
	close(s->pipe[1]);
	s->pipe[1] = -1;
	return NULL;
}

/* The first HID interface with an interrupt IN endpoint. */
static int scanner_usb_find(struct scanner_usb *s, int *boot)
{
	struct libusb_config_descriptor *cfg;
	int found = -1;
	if (libusb_get_active_config_descriptor(libusb_get_device(s->h), &cfg) != 0)
		return -1;
	for (int i = 0; i < cfg->bNumInterfaces && found < 0; i++) {
		if (cfg->interface[i].num_altsetting < 1)
			continue;
		const struct libusb_interface_descriptor *d = &cfg->interface[i].altsetting[0];
		if (d->bInterfaceClass != LIBUSB_CLASS_HID)
			continue;
		for (int e = 0; e < d->bNumEndpoints; e++) {
			const struct libusb_endpoint_descriptor *ep = &d->endpoint[e];
			if ((ep->bmAttributes & 3) == LIBUSB_TRANSFER_TYPE_INTERRUPT &&
			    (ep->bEndpointAddress & LIBUSB_ENDPOINT_IN)) {
				s->iface = d->bInterfaceNumber;
				s->ep = ep->bEndpointAddress;
				s->packet = ep->wMaxPacketSize >= 8 && ep->wMaxPacketSize <= 64 ? ep->wMaxPacketSize : 8;
				*boot = d->bInterfaceSubClass == 1;
				found = 0;
				break;
			}
		}
	}
	libusb_free_config_descriptor(cfg);
	return found;
}

static void scanner_usb_free(struct scanner_usb *s)
{
	if (s->started) {
		atomic_store(&s->stop, 1);
		pthread_join(s->thread, NULL);
	}
	if (s->h) {
		if (s->started)
			libusb_release_interface(s->h, s->iface);
		if (s->reattach)
			libusb_attach_kernel_driver(s->h, s->iface);
		libusb_close(s->h);
	}
	if (s->ctx)
		libusb_exit(s->ctx);
	if (s->pipe[0] >= 0)
		close(s->pipe[0]);
	if (s->pipe[1] >= 0)
		close(s->pipe[1]);
	free(s);
}

static int scanner_usb_open(const char *target, enum scanner_keymap km, struct scanner **out,
                            char **err)
{
	uint16_t vid, pid;
	int boot = 0, r;
	if (scanner_parse_vid_pid(target, &vid, &pid) < 0) {
		error_set(err, _("expected usb:VID:PID, not usb:%s"), target);
		return -1;
	}
	struct scanner_usb *s = xcalloc(1, sizeof *s);
	s->pipe[0] = s->pipe[1] = -1;
	scanner_hid_keys_init(&s->keys, km);
	if ((r = libusb_init(&s->ctx)) != 0) {
		s->ctx = NULL;
		error_set(err, _("cannot start libusb: %s"), libusb_strerror((enum libusb_error)r));
		goto fail;
	}
	s->h = libusb_open_device_with_vid_pid(s->ctx, vid, pid);
	if (!s->h) {
		error_set(err, _("no USB device %04x:%04x (unplugged, or no permission on /dev/bus/usb)"),
		          vid, pid);
		goto fail;
	}
	if (scanner_usb_find(s, &boot) < 0) {
		error_set(err, _("USB device %04x:%04x has no HID keyboard interface"), vid, pid);
		goto fail;
	}
	/* The kernel's usbhid holds a keyboard: take it, give it back on close. */
	if (libusb_kernel_driver_active(s->h, s->iface) == 1) {
		if ((r = libusb_detach_kernel_driver(s->h, s->iface)) != 0) {
			error_set(err, _("cannot take the scanner from the kernel's keyboard driver: %s"),
			          libusb_strerror((enum libusb_error)r));
			goto fail;
		}
		s->reattach = 1;
	}
	if ((r = libusb_claim_interface(s->h, s->iface)) != 0) {
		error_set(err, _("cannot claim the scanner's interface: %s"),
		          libusb_strerror((enum libusb_error)r));
		goto fail;
	}
	/* Boot protocol: the 8-byte reports decoded here. A device that
	 * refuses the request is already in it (the default after reset). */
	if (boot)
		libusb_control_transfer(s->h, LIBUSB_ENDPOINT_OUT | LIBUSB_REQUEST_TYPE_CLASS |
		                        LIBUSB_RECIPIENT_INTERFACE, 0x0B, 0, (uint16_t)s->iface, NULL, 0, 500);
	if (pipe2(s->pipe, O_CLOEXEC) != 0 || fcntl(s->pipe[0], F_SETFL, O_NONBLOCK) != 0) {
		error_set(err, _("cannot make a pipe: %s"), strerror(errno));
		libusb_release_interface(s->h, s->iface);
		goto fail;
	}
	if (pthread_create(&s->thread, NULL, scanner_usb_thread, s) != 0) {
		error_set(err, "%s", _("cannot start the scanner's reader"));
		libusb_release_interface(s->h, s->iface);
		goto fail;
	}
	s->started = 1;
	*out = &s->base;
	return 0;
fail:
	scanner_usb_free(s);
	return -1;
}

static int scanner_usb_fd(struct scanner *base)
{
	return ((struct scanner_usb *)base)->pipe[0];
}

static int scanner_usb_read(struct scanner *base, char *code, size_t size, char **err)
{
	struct scanner_usb *s = (struct scanner_usb *)base;
	for (;;) {
		char *nl = memchr(s->rbuf, '\n', s->rn);
		if (nl) {
			size_t len = (size_t)(nl - s->rbuf);
			int fits = len < size;
			if (fits) {
				memcpy(code, s->rbuf, len);
				code[len] = '\0';
			}
			s->rn -= len + 1;
			memmove(s->rbuf, nl + 1, s->rn);
			if (fits)
				return 1;
			continue;
		}
		if (s->rn == sizeof s->rbuf)
			s->rn = 0; /* cannot happen: the thread sends whole codes */
		ssize_t r = read(s->pipe[0], s->rbuf + s->rn, sizeof s->rbuf - s->rn);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return 0;
		if (r == 0) {
			error_set(err, _("the USB scanner is gone: %s"), s->why[0] ? s->why : "?");
			return -1;
		}
		s->rn += (size_t)r;
	}
}

static void scanner_usb_close(struct scanner *base)
{
	scanner_usb_free((struct scanner_usb *)base);
}

const struct scanner_ops scanner_usb_ops = {
	.scheme = "usb",
	.open = scanner_usb_open,
	.fd = scanner_usb_fd,
	.read = scanner_usb_read,
	.close = scanner_usb_close,
};
