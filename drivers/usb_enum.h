/* What is plugged in: the USB printers and scanners libusb sees, the
 * printer and serial nodes under /dev, how to name each for comptoir, and
 * the descriptor walk that finds a printer's bulk endpoints. */
#ifndef COMPTOIR_USB_ENUM_H
#define COMPTOIR_USB_ENUM_H

#include <stddef.h>

struct libusb_device;
struct libusb_device_handle;
struct libusb_config_descriptor;

enum usb_enum_kind {
	USB_ENUM_PRINTER,       /* USB printer class (7) */
	USB_ENUM_VENDOR,        /* vendor class (0xff) with a bulk OUT, known POS maker */
	USB_ENUM_HID_KEYBOARD,  /* HID boot keyboard: a keyboard or a scanner */
	USB_ENUM_CDC_ACM,       /* USB serial (communications class, ACM) */
	USB_ENUM_LP_NODE,       /* /dev/usb/lpN, the kernel's printer driver */
	USB_ENUM_TTY_NODE,      /* /dev/ttyACMN, a serial scanner or printer */
};

struct usb_enum_device {
	enum usb_enum_kind kind;
	unsigned vid, pid;        /* 0:0 when unknown (a node without sysfs) */
	char manufacturer[64];    /* "" when unreadable */
	char product[64];
	char serial[64];
	char use[128];            /* usb:VID:PID[:SERIAL], dev:/dev/usb/lp0, /dev/ttyACM0 */
	char node[64];            /* /dev/bus/usb/BBB/DDD or the /dev node itself */
	int accessible;           /* this user may open node for reading and writing */
};

/* Lists printers and scanners: USB devices by class, then /dev/usb/lp*
 * and /dev/ttyACM*. *out is malloc'd (caller frees), *n its length (0 when
 * nothing is plugged in). Returns 0; when the USB buses cannot be read
 * (no /dev/bus/usb), lists the nodes alone and sets *warn (malloc'd). */
int usb_enum_list(struct usb_enum_device **out, size_t *n, char **warn);

/* The kind as a person reads it, translated. */
const char *usb_enum_kind_name(enum usb_enum_kind kind);

/* Whether vid belongs to a maker of receipt printers or scanners whose
 * devices often use the vendor class. */
int usb_enum_pos_vendor(unsigned vid);

/* The interface a printer is driven through. */
struct usb_enum_endpoints {
	int ifnum, alt;
	int cls;                  /* 7 printer, 0xff vendor */
	int ep_out;               /* bulk OUT address */
	int ep_in;                /* bulk IN address, 0 when none */
	int in_max;               /* wMaxPacketSize of ep_in */
};

/* Finds the printer-class interface with a bulk OUT endpoint (and its bulk
 * IN when there is one); with allow_vendor, a vendor-class interface with a
 * bulk OUT also serves. Returns 0, or -1 when there is none. */
int usb_enum_printer_endpoints(const struct libusb_config_descriptor *cfg, int allow_vendor,
                               struct usb_enum_endpoints *e);

/* Reads a string of dev: first from sysfs (attr is "manufacturer",
 * "product" or "serial"; readable without opening the device), else as
 * string descriptor index through h when h is not NULL. Returns 0 with buf
 * filled, -1 when neither is readable. */
int usb_enum_string(struct libusb_device *dev, struct libusb_device_handle *h, const char *attr,
                    int index, char *buf, size_t size);

#endif
