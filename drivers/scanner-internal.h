/* Shared by the scanner readers of drivers/ only: the base every reader's
 * struct starts with, and the table's members. */
#ifndef COMPTOIR_SCANNER_INTERNAL_H
#define COMPTOIR_SCANNER_INTERNAL_H

#include "scanner.h"

struct scanner {
	const struct scanner_ops *ops;
};

extern const struct scanner_ops scanner_usb_ops;
extern const struct scanner_ops scanner_serial_ops;
extern const struct scanner_ops scanner_evdev_ops;

#endif
