/* The devices operation: the drivers' enumeration of printers and scanners,
 * put in the words the command line prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "devices.h"
#include "../util/xalloc.h"
#include "../../drivers/usb_enum.h"

int app_devices_list(struct app_device **out, size_t *n, char **warn)
{
	struct usb_enum_device *found;
	size_t count;
	usb_enum_list(&found, &count, warn);
	struct app_device *list = count ? xcalloc(count, sizeof *list) : NULL;
	for (size_t i = 0; i < count; i++) {
		const struct usb_enum_device *u = &found[i];
		struct app_device *d = &list[i];
		strlcpy_safe(d->kind, usb_enum_kind_name(u->kind), sizeof d->kind);
		if (u->vid || u->pid)
			snprintf(d->id, sizeof d->id, "%04x:%04x", u->vid, u->pid);
		/* The product string often repeats the maker's name. */
		if (u->manufacturer[0] && u->product[0] && !strstr(u->product, u->manufacturer))
			snprintf(d->name, sizeof d->name, "%s %s", u->manufacturer, u->product);
		else
			snprintf(d->name, sizeof d->name, "%s", u->product[0] ? u->product : u->manufacturer);
		strlcpy_safe(d->use, u->use, sizeof d->use);
		strlcpy_safe(d->node, u->node, sizeof d->node);
		d->accessible = u->accessible;
	}
	free(found);
	*out = list;
	*n = count;
	return APP_OK;
}
