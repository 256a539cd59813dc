/* comptoir devices: the printers and scanners plugged into this machine,
 * with the URI or device to give comptoir for each. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/devices.h"
#include "../util/i18n.h"

static void devices_help(void)
{
	cmd_usage("devices", EXIT_OK);
	fputs(_("\nLists USB printers (printer class, and the vendor-class receipt printers of\n"
	        "known makers), USB keyboards (a keyboard-mode scanner is one, and so is a\n"
	        "keyboard), USB serial (CDC-ACM) devices, then the /dev/usb/lp* printer nodes\n"
	        "and /dev/ttyACM* serial nodes. For each:\n"
	        "the USB VID:PID, the kind, the maker and product when readable, and what to\n"
	        "use: a printer URI (usb:VID:PID, with :SERIAL when two are alike, or\n"
	        "dev:/dev/usb/lp0) for [printer] uri or --printer, or the device node.\n"
	        "A '*' marks a device this user cannot open: printer-class devices need group\n"
	        "lp; vendor-class printers and scanners need contrib/udev/70-comptoir.rules\n"
	        "(see the README). With nothing connected it says so and exits 0.\n"), stdout);
}

int cmd_devices(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'h': devices_help(); return EXIT_OK;
		default: return cmd_bad_option("devices", c, argv);
		}
	}
	if (optind < argc) {
		cmd_fail(EXIT_USAGE, _("devices takes no argument"));
		return cmd_usage("devices", EXIT_USAGE);
	}
	struct app_device *list;
	size_t n;
	char *warn = NULL;
	app_devices_list(&list, &n, &warn);
	if (warn)
		cmd_warn("%s", warn);
	free(warn);
	if (!n) {
		puts(_("No printer or scanner found."));
		return EXIT_OK;
	}
	int denied = 0;
	printf("%-10s %-21s %-34s %s\n", _("ID"), _("KIND"), _("NAME"), _("USE"));
	for (size_t i = 0; i < n; i++) {
		const struct app_device *d = &list[i];
		printf("%-10s %-21s %-34s %s%s\n", d->id[0] ? d->id : "-", d->kind,
		       d->name[0] ? d->name : "-", d->use, d->accessible ? "" : " *");
		denied |= !d->accessible;
	}
	if (denied)
		puts(_("* this user cannot open it: see 'comptoir devices --help'"));
	free(list);
	return EXIT_OK;
}
