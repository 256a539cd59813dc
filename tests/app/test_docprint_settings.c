/* The shop settings printed documents read: a seller's tax id checked as an
 * EU VAT number in France and a GSTIN in India, the recovery indemnity as
 * an amount, free text cleaned, "" unsets, other keys are not ours. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../lib/tap.h"
#include "../../src/app/docprint.h"

static char dir[] = "/tmp/comptoir-docprint-XXXXXX";

static struct app *shop(const char *name, enum app_country country)
{
	char path[256];
	struct app *a = NULL;
	snprintf(path, sizeof path, "%s/%s.db", dir, name);
	if (app_init_shop(path, country, 0, NULL) != APP_OK || app_open(path, 0, &a, NULL) != APP_OK)
		return NULL;
	return a;
}

static int check(struct app *a, const char *key, const char *value, char *out)
{
	char *err = NULL;
	int rc = app_docprint_setting_check(a, key, value, out, 512, &err);
	if (rc == APP_ERR && !(err && strncmp(err, key, strlen(key)) == 0))
		rc = 99;   /* a refusal must name the setting */
	free(err);
	return rc;
}

int main(void)
{
	char out[512];
	if (!mkdtemp(dir))
		return 1;
	struct app *fr = shop("fr", APP_COUNTRY_FR), *in = shop("in", APP_COUNTRY_IN);
	ok(fr && in, "two shops");
	if (!fr || !in)
		return done_testing();
	is_int(check(fr, "seller_tax_id", "fr 40 303265045", out), APP_OK, "a French VAT number");
	is_str(out, "FR40303265045", "kept normalised");
	is_int(check(fr, "seller_tax_id", "FR40303265046", out), APP_ERR, "a wrong check key is refused");
	is_int(check(in, "seller_tax_id", "27AAPFU0939F1ZV", out), APP_OK, "a GSTIN in India");
	is_int(check(in, "seller_tax_id", "FR40303265045", out), APP_ERR, "but not a VAT number");
	is_int(check(fr, "recovery_indemnity", "40", out), APP_OK, "an indemnity");
	is_str(out, "40.00", "kept as an amount");
	is_int(check(fr, "recovery_indemnity", "forty", out), APP_ERR, "words are no amount");
	is_int(check(fr, "seller_legal", "  SAS au capital de 10 000 €\x01 ", out), APP_OK,
	       "free text");
	is_str(out, "SAS au capital de 10 000 €", "cleaned of blanks and controls");
	is_int(check(fr, "late_penalty", "", out), APP_OK, "an empty value unsets");
	is_str(out, "", "and stays empty");
	is_int(check(fr, "iban", "FR76", out), APP_NOTFOUND, "another key is not ours");
	ok(app_docprint_setting_keys[0] && !app_docprint_setting_keys[6], "six keys listed");
	app_close(fr);
	app_close(in);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
