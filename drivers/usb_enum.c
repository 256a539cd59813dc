/* Enumeration of printers and scanners: libusb's device list classified by
 * interface class, strings from sysfs (no need to open the device), and
 * the /dev/usb/lp* and /dev/ttyACM* nodes. */
#include <dirent.h>
#include <libusb.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "usb_enum.h"
#include "../src/util/i18n.h"
#include "../src/util/xalloc.h"

/* Makers of receipt printers and scanners, by USB vendor ID; the same list
 * is in contrib/udev/70-comptoir.rules. */
static const unsigned usb_enum_pos_vendors[] = {
	0x0416,   /* Winbond: the 0416:5011 58 mm clones */
	0x04b8,   /* Seiko Epson */
	0x0519,   /* Star Micronics */
	0x0dd4,   /* Custom */
	0x0fe6,   /* ICS Advent: clone printers */
	0x1504,   /* Bixolon */
	0x154f,   /* SNBC */
	0x05e0,   /* Symbol / Zebra scanners */
	0x0c2e,   /* Honeywell (Metrologic) scanners */
	0x0536,   /* Hand Held Products scanners */
	0x05f9,   /* Datalogic scanners */
	0x1eab,   /* Newland scanners */
};

int usb_enum_pos_vendor(unsigned vid)
{
	for (size_t i = 0; i < sizeof usb_enum_pos_vendors / sizeof usb_enum_pos_vendors[0]; i++)
		if (usb_enum_pos_vendors[i] == vid)
			return 1;
	return 0;
}

const char *usb_enum_kind_name(enum usb_enum_kind kind)
{
	switch (kind) {
	case USB_ENUM_PRINTER: return _("printer");
	case USB_ENUM_VENDOR: return _("vendor-class");
	case USB_ENUM_HID_KEYBOARD: return _("HID keyboard/scanner");
	case USB_ENUM_CDC_ACM: return _("CDC-ACM serial");
	case USB_ENUM_LP_NODE: return _("printer node");
	case USB_ENUM_TTY_NODE: return _("serial node");
	}
	return "?";
}

static void usb_enum_bulk(const struct libusb_interface_descriptor *alt, int *out, int *in,
                          int *in_max)
{
	*out = *in = *in_max = 0;
	for (int k = 0; k < alt->bNumEndpoints; k++) {
		const struct libusb_endpoint_descriptor *ep = &alt->endpoint[k];
		if ((ep->bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK)
			continue;
		if ((ep->bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN) {
			if (!*in) {
				*in = ep->bEndpointAddress;
				*in_max = ep->wMaxPacketSize;
			}
		} else if (!*out) {
			*out = ep->bEndpointAddress;
		}
	}
}

int usb_enum_printer_endpoints(const struct libusb_config_descriptor *cfg, int allow_vendor,
                               struct usb_enum_endpoints *e)
{
	/* Two passes: the printer class first, so that a device with both a
	 * printer and a vendor interface is driven as a printer. */
	for (int pass = 0; pass < (allow_vendor ? 2 : 1); pass++) {
		int want = pass == 0 ? LIBUSB_CLASS_PRINTER : LIBUSB_CLASS_VENDOR_SPEC;
		for (int i = 0; i < cfg->bNumInterfaces; i++) {
			const struct libusb_interface *ifc = &cfg->interface[i];
			for (int a = 0; a < ifc->num_altsetting; a++) {
				const struct libusb_interface_descriptor *alt = &ifc->altsetting[a];
				if (alt->bInterfaceClass != want)
					continue;
				int out, in, in_max;
				usb_enum_bulk(alt, &out, &in, &in_max);
				if (!out)
					continue;
				e->ifnum = alt->bInterfaceNumber;
				e->alt = alt->bAlternateSetting;
				e->cls = want;
				e->ep_out = out;
				e->ep_in = in;
				e->in_max = in_max;
				return 0;
			}
		}
	}
	return -1;
}

/* sysfs names a device by bus and port path: 1-1, 1-1.4, usb1 for a root. */
static int usb_enum_sysfs_path(libusb_device *dev, const char *attr, char *path, size_t size)
{
	uint8_t ports[8];
	int n = libusb_get_port_numbers(dev, ports, (int)sizeof ports);
	int bus = libusb_get_bus_number(dev);
	int len = n > 0 ? snprintf(path, size, "/sys/bus/usb/devices/%d-", bus)
	                : snprintf(path, size, "/sys/bus/usb/devices/usb%d", bus);
	for (int i = 0; i < n && len > 0 && (size_t)len < size; i++)
		len += snprintf(path + len, size - (size_t)len, i ? ".%u" : "%u", ports[i]);
	if (len > 0 && (size_t)len < size)
		len += snprintf(path + len, size - (size_t)len, "/%s", attr);
	return len > 0 && (size_t)len < size ? 0 : -1;
}

/* Reads a small text file, trailing space and newline removed. */
static int usb_enum_read_text(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	n = strlen(buf);
	while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return n ? 0 : -1;
}

int usb_enum_string(libusb_device *dev, libusb_device_handle *h, const char *attr, int index,
                    char *buf, size_t size)
{
	char path[PATH_MAX];
	buf[0] = '\0';
	if (usb_enum_sysfs_path(dev, attr, path, sizeof path) == 0 &&
	    usb_enum_read_text(path, buf, size) == 0)
		return 0;
	if (h && index > 0 &&
	    libusb_get_string_descriptor_ascii(h, (uint8_t)index, (unsigned char *)buf, (int)size) > 0)
		return 0;
	buf[0] = '\0';
	return -1;
}

/* The kind of a USB device, or -1 when it is neither printer nor scanner. */
static int usb_enum_classify(libusb_device *dev, const struct libusb_device_descriptor *d)
{
	struct libusb_config_descriptor *cfg;
	if (libusb_get_active_config_descriptor(dev, &cfg) != 0 &&
	    libusb_get_config_descriptor(dev, 0, &cfg) != 0)
		return -1;
	int kind = -1;
	struct usb_enum_endpoints e;
	if (usb_enum_printer_endpoints(cfg, usb_enum_pos_vendor(d->idVendor), &e) == 0)
		kind = e.cls == LIBUSB_CLASS_PRINTER ? USB_ENUM_PRINTER : USB_ENUM_VENDOR;
	for (int i = 0; kind < 0 && i < cfg->bNumInterfaces; i++) {
		for (int a = 0; a < cfg->interface[i].num_altsetting; a++) {
			const struct libusb_interface_descriptor *alt = &cfg->interface[i].altsetting[a];
			if (alt->bInterfaceClass == LIBUSB_CLASS_HID && alt->bInterfaceProtocol == 1)
				kind = USB_ENUM_HID_KEYBOARD;
			else if (alt->bInterfaceClass == LIBUSB_CLASS_COMM && alt->bInterfaceSubClass == 2)
				kind = USB_ENUM_CDC_ACM;
		}
	}
	libusb_free_config_descriptor(cfg);
	return kind;
}

static void usb_enum_push(struct usb_enum_device **list, size_t *n, size_t *cap,
                          const struct usb_enum_device *d)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*list = xrealloc(*list, *cap * sizeof **list);
	}
	(*list)[(*n)++] = *d;
}

static void usb_enum_usb(libusb_context *ctx, struct usb_enum_device **list, size_t *n, size_t *cap)
{
	libusb_device **devs;
	ssize_t count = libusb_get_device_list(ctx, &devs);
	for (ssize_t i = 0; i < count; i++) {
		struct libusb_device_descriptor d;
		if (libusb_get_device_descriptor(devs[i], &d) != 0)
			continue;
		int kind = usb_enum_classify(devs[i], &d);
		if (kind < 0)
			continue;
		struct usb_enum_device e = { .kind = (enum usb_enum_kind)kind, .vid = d.idVendor,
		                             .pid = d.idProduct };
		snprintf(e.node, sizeof e.node, "/dev/bus/usb/%03u/%03u",
		         libusb_get_bus_number(devs[i]), libusb_get_device_address(devs[i]));
		e.accessible = access(e.node, R_OK | W_OK) == 0;
		/* Strings come from sysfs; the device is opened for them only when
		 * sysfs has none and we may. */
		libusb_device_handle *h = NULL;
		char probe[8];
		if (usb_enum_string(devs[i], NULL, "product", 0, probe, sizeof probe) != 0 && e.accessible)
			libusb_open(devs[i], &h);
		usb_enum_string(devs[i], h, "manufacturer", d.iManufacturer, e.manufacturer,
		                sizeof e.manufacturer);
		usb_enum_string(devs[i], h, "product", d.iProduct, e.product, sizeof e.product);
		usb_enum_string(devs[i], h, "serial", d.iSerialNumber, e.serial, sizeof e.serial);
		if (h)
			libusb_close(h);
		snprintf(e.use, sizeof e.use, "usb:%04x:%04x", e.vid, e.pid);
		usb_enum_push(list, n, cap, &e);
	}
	if (count >= 0)
		libusb_free_device_list(devs, 1);
	/* Two devices of one model are told apart by their serial number. */
	for (size_t i = 0; i < *n; i++)
		for (size_t j = 0; j < *n; j++)
			if (i != j && (*list)[i].vid == (*list)[j].vid &&
			    (*list)[i].pid == (*list)[j].pid && (*list)[i].serial[0]) {
				snprintf((*list)[i].use, sizeof (*list)[i].use, "usb:%04x:%04x:%s",
				         (*list)[i].vid, (*list)[i].pid, (*list)[i].serial);
				break;
			}
}

/* Reads dir/attr as text. */
static int usb_enum_read_attr(const char *dir, const char *attr, char *buf, size_t size)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s", dir, attr);
	return usb_enum_read_text(path, buf, size);
}

/* The USB device above a /dev node, through /sys/class/CLASS/NAME: the
 * node's folder sits in the interface's, itself in the device's. */
static void usb_enum_node_ids(const char *cls, const char *name, struct usb_enum_device *e)
{
	char path[PATH_MAX], real[PATH_MAX], text[64];
	snprintf(path, sizeof path, "/sys/class/%s/%s", cls, name);
	if (!realpath(path, real))
		return;
	for (int up = 0; up < 4; up++) {
		char *slash = strrchr(real, '/');
		if (!slash || slash == real)
			return;
		*slash = '\0';
		if (usb_enum_read_attr(real, "idVendor", text, sizeof text) != 0)
			continue;
		e->vid = (unsigned)strtoul(text, NULL, 16);
		if (usb_enum_read_attr(real, "idProduct", text, sizeof text) == 0)
			e->pid = (unsigned)strtoul(text, NULL, 16);
		usb_enum_read_attr(real, "manufacturer", e->manufacturer, sizeof e->manufacturer);
		usb_enum_read_attr(real, "product", e->product, sizeof e->product);
		return;
	}
}

static void usb_enum_nodes(const char *dir, const char *prefix, const char *cls,
                           enum usb_enum_kind kind, struct usb_enum_device **list, size_t *n,
                           size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	char **names = NULL;
	size_t count = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0) {
			names = xrealloc(names, (count + 1) * sizeof *names);
			names[count++] = xstrdup(de->d_name);
		}
	closedir(d);
	for (size_t i = 0; i < count; i++) {
		struct usb_enum_device e = { .kind = kind };
		snprintf(e.node, sizeof e.node, "%s/%s", dir, names[i]);
		e.accessible = access(e.node, R_OK | W_OK) == 0;
		snprintf(e.use, sizeof e.use, "%s%s", kind == USB_ENUM_LP_NODE ? "dev:" : "", e.node);
		usb_enum_node_ids(cls, names[i], &e);
		usb_enum_push(list, n, cap, &e);
		free(names[i]);
	}
	free(names);
}

static int usb_enum_cmp(const void *pa, const void *pb)
{
	const struct usb_enum_device *a = pa, *b = pb;
	if (a->kind != b->kind)
		return (int)a->kind - (int)b->kind;
	return strcmp(a->use, b->use);
}

int usb_enum_list(struct usb_enum_device **out, size_t *n, char **warn)
{
	struct usb_enum_device *list = NULL;
	size_t count = 0, cap = 0;
	libusb_context *ctx;
	int r = libusb_init(&ctx);
	if (r == 0) {
		usb_enum_usb(ctx, &list, &count, &cap);
		libusb_exit(ctx);
	} else {
		/* No /dev/bus/usb (a container, a machine without USB): the
		 * device nodes may still be there. */
		error_set(warn, _("cannot read the USB buses: %s"), libusb_strerror(r));
	}
	usb_enum_nodes("/dev/usb", "lp", "usbmisc", USB_ENUM_LP_NODE, &list, &count, &cap);
	usb_enum_nodes("/dev", "ttyACM", "tty", USB_ENUM_TTY_NODE, &list, &count, &cap);
	if (count)
		qsort(list, count, sizeof *list, usb_enum_cmp);
	*out = list;
	*n = count;
	return 0;
}
