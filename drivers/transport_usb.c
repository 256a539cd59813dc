/* The usb: transport through libusb: finds the printer (first printer
 * class device, or by VID:PID[:SERIAL]), claims its interface from usblp,
 * and moves bytes over its bulk endpoints with timeouts. */
#include <libusb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "transport-internal.h"
#include "usb_enum.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

/* Bytes per bulk transfer: each piece gets the whole timeout, so a long
 * job on a slow printer does not time out as long as it keeps taking. */
#define USB_CHUNK 4096
#define USB_DEVICE_ID_MAX 1024

struct transport_usb {
	struct transport base;
	libusb_context *ctx;
	libusb_device_handle *h;
	struct usb_enum_endpoints ep;
	char who[96];   /* "USB printer 0416:5011" for messages */
};

struct usb_want {
	int by_id;
	unsigned vid, pid;
	char serial[128];
};

static int usb_hex16(const char *s, size_t n, unsigned *out)
{
	if (n < 1 || n > 4)
		return -1;
	unsigned v = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned)d;
	}
	*out = v;
	return 0;
}

/* "" | VID:PID | VID:PID:SERIAL */
static int usb_parse(const char *target, struct usb_want *w, char **err)
{
	memset(w, 0, sizeof *w);
	if (!*target)
		return 0;
	const char *c1 = strchr(target, ':');
	const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	size_t pid_len = c1 ? (c2 ? (size_t)(c2 - c1 - 1) : strlen(c1 + 1)) : 0;
	if (!c1 || usb_hex16(target, (size_t)(c1 - target), &w->vid) != 0 ||
	    usb_hex16(c1 + 1, pid_len, &w->pid) != 0 ||
	    (c2 && (!c2[1] || strlen(c2 + 1) >= sizeof w->serial))) {
		error_set(err, _("bad USB printer URI 'usb:%s' (use usb, usb:VID:PID or "
		                 "usb:VID:PID:SERIAL, VID and PID in hexadecimal)"), target);
		return -1;
	}
	w->by_id = 1;
	if (c2)
		strlcpy_safe(w->serial, c2 + 1, sizeof w->serial);
	return 0;
}

/* Whether dev is the wanted printer; fills *ep. *seen is set when the
 * VID:PID matched, for the message when nothing else did. */
static int usb_match(libusb_device *dev, const struct usb_want *w, struct usb_enum_endpoints *ep,
                     int *seen)
{
	struct libusb_device_descriptor d;
	if (libusb_get_device_descriptor(dev, &d) != 0)
		return 0;
	if (w->by_id && (d.idVendor != w->vid || d.idProduct != w->pid))
		return 0;
	if (w->by_id)
		*seen = 1;
	struct libusb_config_descriptor *cfg;
	if (libusb_get_active_config_descriptor(dev, &cfg) != 0 &&
	    libusb_get_config_descriptor(dev, 0, &cfg) != 0)
		return 0;
	int found = usb_enum_printer_endpoints(cfg, w->by_id, ep) == 0;
	libusb_free_config_descriptor(cfg);
	if (found && w->serial[0]) {
		char serial[128];
		libusb_device_handle *h = NULL;
		if (usb_enum_string(dev, NULL, "serial", 0, serial, sizeof serial) != 0 &&
		    libusb_open(dev, &h) == 0) {
			usb_enum_string(dev, h, "serial", d.iSerialNumber, serial, sizeof serial);
			libusb_close(h);
		}
		found = strcmp(serial, w->serial) == 0;
	}
	return found;
}

static void usb_not_found(const struct usb_want *w, int seen, char **err)
{
	if (!w->by_id)
		error_set(err, _("no USB receipt printer found (plugged in and switched on? "
		                 "'comptoir devices' lists what is connected)"));
	else if (!seen)
		error_set(err, _("no USB device %04x:%04x found (plugged in and switched on? "
		                 "'comptoir devices' lists what is connected)"), w->vid, w->pid);
	else if (w->serial[0])
		error_set(err, _("no USB printer %04x:%04x with serial number %s found"),
		          w->vid, w->pid, w->serial);
	else
		error_set(err, _("USB device %04x:%04x has no printer interface with a bulk OUT "
		                 "endpoint"), w->vid, w->pid);
}

/* Takes the interface from the kernel's usblp. libusb detaches it itself
 * where it can; elsewhere it is detached by hand before claiming. */
static int usb_claim(libusb_device_handle *h, int ifnum)
{
	libusb_set_auto_detach_kernel_driver(h, 1);
	int r = libusb_claim_interface(h, ifnum);
	if (r == LIBUSB_ERROR_OTHER || r == LIBUSB_ERROR_NOT_SUPPORTED) {
		libusb_set_auto_detach_kernel_driver(h, 0);
		if (libusb_kernel_driver_active(h, ifnum) == 1)
			libusb_detach_kernel_driver(h, ifnum);
		r = libusb_claim_interface(h, ifnum);
	}
	return r;
}

static int usb_open_found(struct transport_usb *t, libusb_device *dev, char **err)
{
	char node[64];
	snprintf(node, sizeof node, "/dev/bus/usb/%03u/%03u", libusb_get_bus_number(dev),
	         libusb_get_device_address(dev));
	int r = libusb_open(dev, &t->h);
	if (r == LIBUSB_ERROR_ACCESS) {
		error_set(err, _("permission denied on %s (%s): add the user to group lp for a "
		                 "printer-class device, or install contrib/udev/70-comptoir.rules and "
		                 "join group comptoir, then plug the printer in again"), t->who, node);
		return -1;
	}
	if (r != 0) {
		error_set(err, _("cannot open %s (%s): %s"), t->who, node, libusb_strerror(r));
		return -1;
	}
	r = usb_claim(t->h, t->ep.ifnum);
	if (r == LIBUSB_ERROR_BUSY) {
		error_set(err, _("%s is in use by another program (a print server such as CUPS, or "
		                 "another comptoir)"), t->who);
		return -1;
	}
	if (r == LIBUSB_ERROR_ACCESS) {
		error_set(err, _("permission denied on %s (%s): the kernel's printer driver holds it "
		                 "and may not be detached by this user"), t->who, node);
		return -1;
	}
	if (r == 0 && t->ep.alt != 0)
		r = libusb_set_interface_alt_setting(t->h, t->ep.ifnum, t->ep.alt);
	if (r != 0) {
		error_set(err, _("cannot claim %s: %s"), t->who, libusb_strerror(r));
		return -1;
	}
	return 0;
}

int transport_usb_open(const char *target, struct transport **out, char **err)
{
	struct usb_want w;
	if (usb_parse(target, &w, err) != 0)
		return -1;
	struct transport_usb *t = xcalloc(1, sizeof *t);
	int r = libusb_init(&t->ctx);
	if (r != 0) {
		error_set(err, _("cannot start USB access: %s"), libusb_strerror(r));
		free(t);
		return -1;
	}
	libusb_device **devs;
	ssize_t n = libusb_get_device_list(t->ctx, &devs);
	libusb_device *found = NULL;
	int seen = 0;
	for (ssize_t i = 0; i < n && !found; i++)
		if (usb_match(devs[i], &w, &t->ep, &seen))
			found = devs[i];
	if (found) {
		struct libusb_device_descriptor d;
		libusb_get_device_descriptor(found, &d);
		snprintf(t->who, sizeof t->who, _("USB printer %04x:%04x"), d.idVendor, d.idProduct);
		r = usb_open_found(t, found, err);
	} else {
		usb_not_found(&w, seen, err);
		r = -1;
	}
	if (n >= 0)
		libusb_free_device_list(devs, 1);
	if (r != 0) {
		t->base.ops = NULL;
		transport_usb_close(&t->base);
		return -1;
	}
	*out = &t->base;
	return 0;
}

static void usb_transfer_error(const struct transport_usb *t, int r, size_t done, size_t total,
                               char **err)
{
	if (r == LIBUSB_ERROR_TIMEOUT)
		error_set(err, _("%s did not take the data within %d ms (%zu of %zu bytes sent): "
		                 "is it out of paper, offline or is its cover open?"),
		          t->who, t->base.timeout_ms, done, total);
	else if (r == LIBUSB_ERROR_NO_DEVICE)
		error_set(err, _("%s was unplugged or switched off during the job (%zu of %zu bytes "
		                 "sent)"), t->who, done, total);
	else
		error_set(err, _("USB transfer to %s failed after %zu of %zu bytes: %s"),
		          t->who, done, total, libusb_strerror(r));
}

int transport_usb_write(struct transport *base, const void *buf, size_t len, char **err)
{
	struct transport_usb *t = (struct transport_usb *)base;
	const unsigned char *p = buf;
	size_t done = 0;
	while (done < len) {
		int piece = (int)(len - done < USB_CHUNK ? len - done : USB_CHUNK);
		int sent = 0;
		int r = libusb_bulk_transfer(t->h, (unsigned char)t->ep.ep_out, (unsigned char *)p + done,
		                             piece, &sent, (unsigned)base->timeout_ms);
		if (sent > 0)
			done += (size_t)sent;
		if (r != 0) {
			usb_transfer_error(t, r, done, len, err);
			return -1;
		}
	}
	return 0;
}

int transport_usb_read(struct transport *base, void *buf, size_t size, int timeout_ms, char **err)
{
	struct transport_usb *t = (struct transport_usb *)base;
	if (!t->ep.ep_in || !size)
		return 0;
	/* A whole packet is read, or the host controller reports an overflow. */
	int max = t->ep.in_max > 0 ? t->ep.in_max : 64;
	unsigned char packet[512];
	if (max > (int)sizeof packet)
		max = (int)sizeof packet;
	int got = 0;
	int r = libusb_bulk_transfer(t->h, (unsigned char)t->ep.ep_in, packet, max, &got,
	                             (unsigned)(timeout_ms > 0 ? timeout_ms : 1));
	if (r == LIBUSB_ERROR_NO_DEVICE) {
		error_set(err, _("%s was unplugged or switched off"), t->who);
		return -1;
	}
	if (r == LIBUSB_ERROR_PIPE)
		libusb_clear_halt(t->h, (unsigned char)t->ep.ep_in);
	if (r != 0 && r != LIBUSB_ERROR_TIMEOUT)
		return 0;   /* no usable answer: the status stays unknown */
	if ((size_t)got > size)
		got = (int)size;
	memcpy(buf, packet, (size_t)got);
	return got;
}

int transport_usb_device_id_parse(const unsigned char *buf, size_t n, char **id)
{
	*id = NULL;
	if (n < 3)
		return -1;
	size_t len = (size_t)buf[0] << 8 | buf[1];
	if (len < 3 || len > n) {
		/* Some printers send the length little-endian, or a wrong one. */
		size_t le = (size_t)buf[1] << 8 | buf[0];
		len = le >= 3 && le <= n ? le : n;
	}
	const char *s = (const char *)buf + 2;
	size_t m = strnlen(s, len - 2);
	while (m && (s[m - 1] == ' ' || s[m - 1] == '\r' || s[m - 1] == '\n'))
		m--;
	if (!m)
		return -1;
	*id = xmalloc(m + 1);
	memcpy(*id, s, m);
	(*id)[m] = '\0';
	return 0;
}

int transport_usb_device_id(struct transport *base, char **id, char **err)
{
	struct transport_usb *t = (struct transport_usb *)base;
	*id = NULL;
	if (t->ep.cls != LIBUSB_CLASS_PRINTER)
		return 0;
	unsigned char buf[USB_DEVICE_ID_MAX];
	/* Printer class request 0: wValue the configuration index (the first),
	 * wIndex the interface in the high byte, the alternate setting low. */
	int r = libusb_control_transfer(t->h,
	                                LIBUSB_ENDPOINT_IN | LIBUSB_REQUEST_TYPE_CLASS |
	                                LIBUSB_RECIPIENT_INTERFACE,
	                                0, 0, (uint16_t)(t->ep.ifnum << 8 | t->ep.alt), buf,
	                                sizeof buf, (unsigned)base->timeout_ms);
	if (r == LIBUSB_ERROR_NO_DEVICE) {
		error_set(err, _("%s was unplugged or switched off"), t->who);
		return -1;
	}
	if (r < 0)
		return 0;
	if (transport_usb_device_id_parse(buf, (size_t)r, id) != 0)
		*id = NULL;
	return 0;
}

void transport_usb_close(struct transport *base)
{
	struct transport_usb *t = (struct transport_usb *)base;
	if (t->h) {
		libusb_release_interface(t->h, t->ep.ifnum);
		libusb_close(t->h);
	}
	if (t->ctx)
		libusb_exit(t->ctx);
	free(t);
}
