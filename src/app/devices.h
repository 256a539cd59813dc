/* The printers and scanners connected to this machine, as the command
 * line lists them: what each is and what to give comptoir to use it. */
#ifndef COMPTOIR_APP_DEVICES_H
#define COMPTOIR_APP_DEVICES_H

#include <stddef.h>

struct app_device {
	char kind[40];       /* translated: "printer", "HID keyboard/scanner", ... */
	char id[10];         /* USB VID:PID such as "0416:5011", "" when unknown */
	char name[130];      /* manufacturer and product, "" when unreadable */
	char use[128];       /* usb:0416:5011, dev:/dev/usb/lp0, /dev/ttyACM0 */
	char node[64];       /* the device node this user must be able to open */
	int accessible;      /* whether this user may open it */
};

/* Lists what is plugged in, printers first. *out is malloc'd (the caller
 * frees it), *n its length, 0 when nothing is found. Always returns
 * APP_OK; *warn (malloc'd) says when the USB buses could not be read. */
int app_devices_list(struct app_device **out, size_t *n, char **warn);

#endif
