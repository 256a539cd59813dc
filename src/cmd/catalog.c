/* The catalog command: one price list's prices for every product, written
 * as an A4 PDF or as 80-column text for a kind of buyer. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/catalog.h"
#include "../util/i18n.h"

int cmd_catalog(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "list", required_argument, NULL, 'l' },
		{ "out", required_argument, NULL, 'o' },
		{ "category", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL, *list = NULL, *out = NULL, *category = NULL;
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'l': list = optarg; break;
		case 'o': out = optarg; break;
		case 'c': category = optarg; break;
		case 'h': return cmd_usage("catalog", EXIT_OK);
		default:
			return cmd_bad_option("catalog", c, argv);
		}
	}
	if (optind < argc) {
		cmd_fail(EXIT_USAGE, _("catalog takes no argument ('%s')"), argv[optind]);
		return cmd_usage("catalog", EXIT_USAGE);
	}
	if (!list || !*list || !out || !*out) {
		cmd_fail(EXIT_USAGE, _("catalog needs --list CODE and --out FILE"));
		return cmd_usage("catalog", EXIT_USAGE);
	}
	enum app_catalog_format format = app_catalog_format(out);
	if (format == APP_CATALOG_NONE) {
		cmd_fail(EXIT_USAGE, _("cannot tell the format of '%s': name it FILE.pdf or FILE.txt"),
		         out);
		return cmd_usage("catalog", EXIT_USAGE);
	}
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	struct app_catalog_req req = {
		.list = list, .category = category, .path = out, .format = format,
	};
	struct app_catalog_stats stats;
	char *err = NULL;
	rc = app_catalog_write(a, &req, &stats, &err);
	app_close(a);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("no catalog"));
	char products[64], pages[64];
	snprintf(products, sizeof products, stats.products == 1 ? _("%zu product") : _("%zu products"),
	         stats.products);
	snprintf(pages, sizeof pages, stats.pages == 1 ? _("%d page") : _("%d pages"), stats.pages);
	printf(_("%s: %s on %s\n"), out, products, pages);
	return EXIT_OK;
}
