/* What the handheld flows share: saving the state after a step, going back
 * to the menu, showing an error, and reading what was scanned or typed (a
 * count, "3*CODE", the lot and expiry of a GS1 label). */
#include "wh.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../src/app/documents.h"
#include "../src/core/gs1.h"

void wh_save(struct ui *u)
{
	char *err = NULL;
	if (app_handheld_save(u->app, &u->wh->s, &err) != APP_OK)
		wh_error(u, err, _("Not saved"));
}

void wh_step(struct ui *u, int step)
{
	u->wh->s.step = step;
	ui_field_clear(&u->wh->field);
	wh_save(u);
}

int wh_menu(struct ui *u)
{
	struct ui_wh *w = u->wh;
	if (w->flow && w->flow->close)
		w->flow->close(u);
	w->flow = NULL;
	memset(&w->s, 0, sizeof w->s);
	w->last[0] = '\0';
	ui_field_clear(&w->field);
	wh_save(u);
	return UI_REDRAW;
}

int wh_error(struct ui *u, char *err, const char *fallback)
{
	ui_message(u, UI_MSG_ERROR, "%s", err ? err : fallback);
	free(err);
	return UI_REDRAW;
}

int wh_parse_count(const char *text, int64_t *out)
{
	int64_t v = 0;
	if (!*text || strlen(text) > 9)
		return -1;
	for (const char *p = text; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return -1;
		v = v * 10 + (*p - '0');
	}
	*out = v;
	return v > 0 ? 0 : -1;
}

const char *wh_split_qty(const char *text, char *qty, size_t size)
{
	const char *star = strchr(text, '*');
	qty[0] = '\0';
	if (!star || star == text || (size_t)(star - text) >= size)
		return text;
	memcpy(qty, text, (size_t)(star - text));
	qty[star - text] = '\0';
	return star + 1;
}

void wh_scan_lot(struct ui *u, const char *code)
{
	struct app_handheld *s = &u->wh->s;
	struct gs1_data g;
	s->lot[0] = s->expiry[0] = '\0';
	if (!gs1_looks_like(code) || gs1_parse(code, app_desk_today() / 10000, &g) != 0)
		return;
	if (g.has_lot)
		snprintf(s->lot, sizeof s->lot, "%s", g.lot);
	if (g.has_expiry && g.expiry > 10000101 && g.expiry < 99991231) {
		unsigned y = (unsigned)g.expiry / 10000 % 10000, m = (unsigned)g.expiry / 100 % 100,
		         d = (unsigned)g.expiry % 100;
		snprintf(s->expiry, sizeof s->expiry, "%04u-%02u-%02u", y % 10000, m % 100, d % 100);
	}
}
