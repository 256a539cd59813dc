/* comptoir ask: one question from the arguments, or one per line on
 * standard input (answers separated by a blank line), so that a messaging
 * gateway can pipe buyers' questions through it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd.h"
#include "../app/documents.h"
#include "../app/ask.h"
#include "../util/i18n.h"
#include "../util/strbuf.h"

/* The desk's orders answer "order N": only the asking customer's own. */
static int ask_order_answer(struct app *a, const char *customer, const char *number,
                            char **answer, char **err)
{
	char *end;
	long long n = strtoll(number, &end, 10);
	if (*end || n <= 0)
		return APP_NOTFOUND;
	return app_doc_order_summary(a, customer, (int64_t)n, answer, err);
}

static const struct app_ask_orders ask_orders_desk = { .answer = ask_order_answer };
static const struct app_ask_orders *const ask_orders = &ask_orders_desk;

/* Reads one line of stdin into buf (at most size - 1 bytes kept, NULs
 * included, the rest of a longer line skipped); *len is the bytes kept.
 * Returns 0, or -1 at the end. */
static int ask_read_line(char *buf, size_t size, size_t *len)
{
	int c;
	size_t n = 0, all = 0;
	while ((c = getchar()) != EOF && c != '\n') {
		if (n + 1 < size)
			buf[n++] = (char)c;
		all++;
	}
	if (c == EOF && all == 0)
		return -1;
	if (n && n == all && buf[n - 1] == '\r')
		n--;
	buf[n] = '\0';
	*len = n;
	return 0;
}

static int ask_one(struct app *a, const struct app_ask *q, const char *text, size_t len)
{
	char *answer = NULL, *err = NULL;
	int rc = app_ask(a, q, text, len, &answer, &err);
	if (rc != APP_OK)
		return cmd_fail_err(rc, err, _("cannot answer"));
	fputs(answer, stdout);
	free(answer);
	return EXIT_OK;
}

int cmd_ask(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "customer", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *db = NULL;
	struct app_ask q = { .customer = NULL, .orders = ask_orders };
	int c;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "+:", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'c': q.customer = optarg; break;
		case 'h': return cmd_usage("ask", EXIT_OK);
		default: return cmd_bad_option("ask", c, argv);
		}
	}
	struct app *a;
	int rc = cmd_open(db, &a);
	if (rc)
		return rc;
	char *err = NULL;
	if ((rc = app_ask_check(a, &q, &err)) != APP_OK) {
		app_close(a);
		return cmd_fail_err(rc, err, _("unknown customer"));
	}
	if (optind < argc) {
		/* The words of TEXT, quoted or not, make one question; bounded by
		 * app_ask like a line of standard input. */
		struct strbuf sb = STRBUF_INIT;
		for (int i = optind; i < argc; i++) {
			if (i > optind)
				strbuf_addch(&sb, ' ');
			strbuf_puts(&sb, argv[i]);
		}
		rc = ask_one(a, &q, strbuf_str(&sb), sb.len);
		strbuf_release(&sb);
	} else {
		/* One byte more than app_ask reads: a longer line reaches it too
		 * long, and is answered so, instead of being read in part. */
		char line[APP_ASK_MAX + 2];
		size_t len;
		int first = 1;
		while (rc == EXIT_OK && ask_read_line(line, sizeof line, &len) == 0) {
			if (!first)
				putchar('\n');
			first = 0;
			rc = ask_one(a, &q, line, len);
			fflush(stdout);
		}
	}
	app_close(a);
	return rc;
}
