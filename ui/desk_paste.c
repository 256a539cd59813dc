/* The desk's paste box: lines from a message or a CSV ("10 x ALM-BISC",
 * "ALM-BISC;10"), pasted or typed one per line, then F10 puts the known
 * ones into a draft order and lists the others with their line numbers.
 * A paste comes as fast keys with Enter between: a line the wedge took for
 * a scan is one line of the text here, never a product scanned. */
#include "desk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum paste_action {
	ACT_DONE,
	ACT_NEWLINE,
	ACT_SCAN,
	ACT_CANCEL,
};

static const struct ui_action paste_actions[] = {
	{ ACT_DONE, "done", N_("Done"), N_("put the lines into the draft order") },
	{ ACT_CANCEL, "cancel", N_("Cancel"), N_("twice: leave, nothing added") },
	{ ACT_NEWLINE, "newline", NULL, N_("end the line") },
	{ ACT_SCAN, "scan", NULL, N_("a fast line (pasted or scanned) is a line of the text") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding paste_bindings[] = {
	{ UI_FN(KEY_F(10)), ACT_DONE },
	{ UI_KEY_ESC, ACT_CANCEL },
	{ UI_KEY_ENTER, ACT_NEWLINE },
	{ UI_KEY_SCAN, ACT_SCAN },
	{ 0, 0 },
};

/* 1: F10 pastes into the draft on screen; 0: into a new draft. */
static int paste_into_draft;

int desk_paste_open(struct ui *u, int into_draft)
{
	struct desk_state *d = desk_state();
	d->paste_len = 0;
	d->paste[0] = '\0';
	d->paste_full = d->paste_armed = 0;
	paste_into_draft = into_draft;
	ui_message(u, UI_MSG_INFO, "%s", _("Paste or type the lines, one per line; F10 when done"));
	ui_push(u, &desk_paste_screen);
	return UI_REDRAW;
}

/* Appends bytes; a text too long is marked full, not cut silently. */
static void paste_append(const char *s, size_t n)
{
	struct desk_state *d = desk_state();
	if (d->paste_len + n >= sizeof d->paste) {
		d->paste_full = 1;
		return;
	}
	memcpy(d->paste + d->paste_len, s, n);
	d->paste_len += n;
	d->paste[d->paste_len] = '\0';
}

/* Removes the last character (a line's end too). */
static void paste_backspace(void)
{
	struct desk_state *d = desk_state();
	while (d->paste_len) {
		unsigned char c = (unsigned char)d->paste[--d->paste_len];
		if ((c & 0xC0) != 0x80)
			break;
	}
	d->paste[d->paste_len] = '\0';
	d->paste_full = 0;
}

/* ^U: the line being typed is cleared. */
static void paste_kill_line(void)
{
	struct desk_state *d = desk_state();
	while (d->paste_len && d->paste[d->paste_len - 1] != '\n')
		d->paste_len--;
	d->paste[d->paste_len] = '\0';
	d->paste_full = 0;
}

static int paste_done(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_paste_result res;
	char *err = NULL;
	if (d->paste_full) {
		ui_message(u, UI_MSG_ERROR, _("Too much text: at most %d bytes at once"),
		           DESK_PASTE_MAX - 1);
		return UI_REDRAW;
	}
	if (!paste_into_draft) {
		int64_t number = 0;
		if (app_draft_new(u->app, d->cust.code, 0, NULL, NULL, 0, &number, &err) != APP_OK) {
			ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("No draft was made"));
			free(err);
			return UI_REDRAW;
		}
		d->draft = number;
	}
	memset(&res, 0, sizeof res);
	if (app_draft_paste(u->app, d->draft, d->paste, d->paste_len, &res, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("The lines were not added"));
		free(err);
		if (!paste_into_draft) {
			/* The draft exists, empty: show it rather than lose its number. */
			ui_pop(u);
			return desk_draft_open(u, d->draft);
		}
		return UI_REDRAW;
	}
	d->nrejects_all = res.nrejects;
	d->nrejects = res.nrejects < DESK_REJECTS_MAX ? res.nrejects : DESK_REJECTS_MAX;
	if (d->nrejects)
		memcpy(d->rejects, res.rejects, d->nrejects * sizeof d->rejects[0]);
	size_t added = res.added;
	app_paste_result_release(&res);
	ui_pop(u);
	if (!paste_into_draft)
		desk_draft_open(u, d->draft);
	else
		desk_draft_load(u);
	if (added && d->nlines)
		d->lsel = d->nlines - 1;  /* the last line pasted */
	if (d->nrejects_all)
		ui_message(u, UI_MSG_ERROR,
		           _("%zu lines added to draft %lld; %zu not added, listed with their line numbers"),
		           added, (long long)d->draft, d->nrejects_all);
	else
		ui_message(u, UI_MSG_INFO, _("%zu lines added to draft %lld"), added,
		           (long long)d->draft);
	return UI_REDRAW;
}

static int paste_action(struct ui *u, int act)
{
	struct desk_state *d = desk_state();
	int armed = d->paste_armed;
	d->paste_armed = 0;
	switch (act) {
	case ACT_DONE:
		return paste_done(u);
	case ACT_NEWLINE:
		paste_append("\n", 1);
		return UI_REDRAW;
	case ACT_SCAN:
		paste_append(u->scan.text, strlen(u->scan.text));
		paste_append("\n", 1);
		return UI_REDRAW;
	case ACT_CANCEL:
		if (!d->paste_len || armed) {
			ui_message(u, UI_MSG_INFO, "%s", _("Nothing was added"));
			return UI_POP;
		}
		d->paste_armed = 1;
		ui_message(u, UI_MSG_INFO, "%s", _("Esc again to leave: the lines will be lost"));
		return UI_REDRAW;
	default:
		return UI_UNHANDLED;
	}
}

static int paste_key(struct ui *u, int key)
{
	struct desk_state *d = desk_state();
	char buf[8];
	d->paste_armed = 0;
	if (key == UI_KEY_BACKSPACE) {
		paste_backspace();
		return UI_REDRAW;
	}
	if (key == UI_KEY_CTRL('u')) {
		paste_kill_line();
		return UI_REDRAW;
	}
	if (key == '\t') {
		paste_append("\t", 1);
		return UI_REDRAW;
	}
	if (key < 0x20 || key == 0x7F || key > 0x10FFFF)
		return UI_UNHANDLED;
	(void)u;
	paste_append(buf, ui_utf8_encode((unsigned long)key, buf));
	return UI_REDRAW;
}

static void paste_draw(struct ui *u)
{
	struct desk_state *d = desk_state();
	char title[256];
	snprintf(title, sizeof title, _("Paste lines: %s %s"), d->cust.code, d->cust.name);
	char right[48] = "";
	if (paste_into_draft)
		snprintf(right, sizeof right, _("draft %lld"), (long long)d->draft);
	ui_draw_title(u, title, right);
	ui_print(1, 1, COLS - 2, _("One line each: 10 x ALM-BISC, ALM-BISC;10 or ALM-BISC 10"));
	/* Lines numbered as the draft will name them; the last ones shown. */
	size_t nl = 1;
	for (size_t i = 0; i < d->paste_len; i++)
		nl += d->paste[i] == '\n';
	int rows = LINES - 6;
	size_t first = nl > (size_t)rows ? nl - (size_t)rows + 1 : 1;
	const char *p = d->paste;
	int cy = 3, cx = 7;
	for (size_t no = 1; no <= nl; no++) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (no >= first) {
			int y = 3 + (int)(no - first);
			char line[ORDERPARSE_LINE_MAX * 2 + 1];
			size_t n = len < sizeof line - 1 ? len : sizeof line - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			for (size_t k = 0; k < n; k++)
				if (line[k] == '\t')
					line[k] = ' ';
			ui_blank(y, 0, COLS);
			ui_printf(y, 1, 5, "%4zu", no);
			int w = ui_print(y, 7, COLS - 8, line);
			cy = y;
			cx = 7 + w;
		}
		if (!end)
			break;
		p = end + 1;
	}
	ui_draw_message(u, LINES - 2);
	ui_draw_helpbar(u, &desk_paste_screen);
	u->cursor_y = cy;
	u->cursor_x = cx < COLS - 1 ? cx : COLS - 1;
}

const struct ui_screen desk_paste_screen = {
	.name = "desk-paste",
	.actions = paste_actions,
	.bindings = paste_bindings,
	.draw = paste_draw,
	.action = paste_action,
	.key = paste_key,
};
