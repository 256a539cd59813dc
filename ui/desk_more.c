/* The desk's keys beyond the steps (F10 lists them, each a letter on the
 * desk too): paste lines into a draft, repeat the last order, reopen an
 * open draft, copy the selected quote, and print the selected document or
 * the customer's statement as an A4 PDF in the shop's folder. */
#include "desk.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "../src/app/docprint.h"
#include "../src/app/documents.h"

static int more_need_customer(struct ui *u)
{
	if (desk_state()->has_customer)
		return 1;
	ui_message(u, UI_MSG_ERROR, "%s", _("Choose a customer first: F3"));
	return 0;
}

int desk_repeat(struct ui *u)
{
	struct desk_state *d = desk_state();
	int64_t draft = 0;
	char *err = NULL;
	if (!more_need_customer(u))
		return UI_REDRAW;
	int rc = app_order_repeat(u->app, d->cust.code, &draft, &err);
	if (rc != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s",
		           err ? err : rc == APP_NOTFOUND ? _("No order to repeat") : _("Refused"));
		free(err);
		return UI_REDRAW;
	}
	d->nrejects = d->nrejects_all = 0;
	desk_draft_open(u, draft);
	ui_message(u, UI_MSG_INFO, _("Draft %lld repeats the last order at today's prices: F10 places it"),
	           (long long)draft);
	return UI_REDRAW;
}

int desk_drafts(struct ui *u)
{
	struct desk_state *d = desk_state();
	struct app_draft_head *heads = NULL;
	size_t n = 0;
	char *err = NULL;
	if (!more_need_customer(u))
		return UI_REDRAW;
	if (app_drafts_open(u->app, d->cust.code, &heads, &n, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Cannot read the drafts"));
		free(err);
		return UI_REDRAW;
	}
	if (!n) {
		free(heads);
		ui_message(u, UI_MSG_ERROR, "%s", _("No open draft: P pastes lines into a new one"));
		return UI_REDRAW;
	}
	int64_t number = heads[n - 1].number;
	free(heads);
	d->nrejects = d->nrejects_all = 0;
	desk_draft_open(u, number);
	if (n > 1)
		ui_message(u, UI_MSG_INFO, _("The newest of %zu open drafts"), n);
	else
		ui_message_clear(u);
	return UI_REDRAW;
}

int desk_copy_quote(struct ui *u)
{
	struct desk_state *d = desk_state();
	const struct app_desk_doc *doc = desk_selected(u);
	struct app_doc_result res;
	char *err = NULL, total[48], from[24];
	if (!more_need_customer(u))
		return UI_REDRAW;
	if (!doc || strcmp(doc->kind, "quote") != 0) {
		ui_message(u, UI_MSG_ERROR, "%s", _("Select a quote to copy"));
		return UI_REDRAW;
	}
	strlcpy_safe(from, doc->number, sizeof from);
	int rc = app_quote_copy(u->app, strtoll(from, NULL, 10), NULL, &res, &err);
	if (rc != APP_OK)
		return ui_denied_or_error(u, rc, err, _("Refused"), desk_copy_quote);
	ui_money(u, res.total, total, sizeof total);
	ui_message(u, UI_MSG_INFO, _("Quote %s copies quote %s at today's prices, total %s"),
	           res.number, from, total);
	d->sel = 0;
	desk_refresh(u);
	for (size_t i = 0; i < d->ndocs; i++)
		if (strcmp(d->docs[i].kind, "quote") == 0 && strcmp(d->docs[i].number, res.number) == 0)
			d->sel = i;
	return UI_REDRAW;
}

/* The folder printed documents go to: "documents" beside the shop's
 * database, made when missing. 0, or -1 with the message set. */
static int more_folder(struct ui *u, char *out, size_t size)
{
	const char *db = app_db_path(u->app);
	const char *slash = strrchr(db, '/');
	int n = slash ? snprintf(out, size, "%.*s/documents", (int)(slash - db), db)
	              : snprintf(out, size, "documents");
	if (n < 0 || (size_t)n >= size) {
		ui_message(u, UI_MSG_ERROR, "%s", _("The shop's folder has too long a name"));
		return -1;
	}
	if (slash == db)
		snprintf(out, size, "/documents");
	if (mkdir(out, 0750) != 0 && errno != EEXIST) {
		ui_message(u, UI_MSG_ERROR, _("Cannot make the folder %s: %s"), out, strerror(errno));
		return -1;
	}
	return 0;
}

/* A name safe in a file name: letters, digits, '-' and '_' kept. */
static void more_safe(char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '_'))
			*s = '_';
}

int desk_print_doc(struct ui *u)
{
	const struct app_desk_doc *doc = desk_selected(u);
	char dir[4096], path[4200], name[64];
	char *text = NULL, *err = NULL;
	if (!more_need_customer(u))
		return UI_REDRAW;
	if (!doc) {
		ui_message(u, UI_MSG_ERROR, "%s", _("No document selected"));
		return UI_REDRAW;
	}
	if (more_folder(u, dir, sizeof dir) < 0)
		return UI_REDRAW;
	snprintf(name, sizeof name, "%s-%s", doc->kind, doc->number);
	more_safe(name);
	snprintf(path, sizeof path, "%s/%s.pdf", dir, name);
	struct docprint_opts o = { .format = DOCPRINT_PDF, .out = path };
	if (app_doc_print(u->app, doc->kind, doc->number, &o, &text, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Not printed"));
		free(err);
		free(text);
		return UI_REDRAW;
	}
	free(text);
	ui_message(u, UI_MSG_INFO, _("%s %s written to %s"), doc->kind, doc->number, path);
	return UI_REDRAW;
}

int desk_print_statement(struct ui *u)
{
	struct desk_state *d = desk_state();
	char dir[4096], path[4200], name[96];
	char *text = NULL, *err = NULL;
	if (!more_need_customer(u))
		return UI_REDRAW;
	if (more_folder(u, dir, sizeof dir) < 0)
		return UI_REDRAW;
	snprintf(name, sizeof name, "statement-%s-%08d", d->cust.code, (int)app_desk_today());
	more_safe(name);
	snprintf(path, sizeof path, "%s/%s.pdf", dir, name);
	struct docprint_opts o = { .format = DOCPRINT_PDF, .out = path };
	if (app_statement_print(u->app, d->cust.code, 0, 0, &o, &text, &err) != APP_OK) {
		ui_message(u, UI_MSG_ERROR, "%s", err ? err : _("Not printed"));
		free(err);
		free(text);
		return UI_REDRAW;
	}
	free(text);
	ui_message(u, UI_MSG_INFO, _("Statement of %s written to %s"), d->cust.code, path);
	return UI_REDRAW;
}

enum more_action {
	ACT_PASTE,
	ACT_REPEAT,
	ACT_DRAFTS,
	ACT_COPY,
	ACT_PRINT,
	ACT_STATEMENT,
	ACT_BACK,
};

static const struct ui_action more_actions[] = {
	{ ACT_PASTE, "paste", N_("Paste"), N_("paste lines into a new draft order") },
	{ ACT_REPEAT, "repeat", N_("Repeat"), N_("the customer's last order again, as a draft") },
	{ ACT_DRAFTS, "drafts", N_("Drafts"), N_("reopen the customer's newest open draft") },
	{ ACT_COPY, "copy-quote", N_("Copy"), N_("copy the selected quote at today's prices") },
	{ ACT_PRINT, "print", N_("Print"), N_("the selected document as a PDF in the shop's folder") },
	{ ACT_STATEMENT, "statement", N_("Statement"),
	  N_("the customer's statement as a PDF in the shop's folder") },
	{ ACT_BACK, "back", N_("Back"), N_("back to the desk") },
	{ 0, NULL, NULL, NULL },
};

static const struct ui_binding more_bindings[] = {
	{ 'p', ACT_PASTE },
	{ 'r', ACT_REPEAT },
	{ 'w', ACT_DRAFTS },
	{ 'c', ACT_COPY },
	{ 'd', ACT_PRINT },
	{ 's', ACT_STATEMENT },
	{ UI_KEY_ESC, ACT_BACK },
	{ 'P', ACT_PASTE },
	{ 'R', ACT_REPEAT },
	{ 'W', ACT_DRAFTS },
	{ 'C', ACT_COPY },
	{ 'D', ACT_PRINT },
	{ 'S', ACT_STATEMENT },
	{ UI_FN(KEY_F(10)), ACT_BACK },
	{ 0, 0 },
};

int desk_more_open(struct ui *u)
{
	ui_message_clear(u);
	ui_push(u, &desk_more_screen);
	return UI_REDRAW;
}

static int more_action(struct ui *u, int act)
{
	if (act == ACT_BACK)
		return UI_POP;
	/* The menu closes first: what follows opens over the desk. */
	ui_pop(u);
	switch (act) {
	case ACT_PASTE:
		if (!more_need_customer(u))
			return UI_REDRAW;
		return desk_paste_open(u, 0);
	case ACT_REPEAT:
		return desk_repeat(u);
	case ACT_DRAFTS:
		return desk_drafts(u);
	case ACT_COPY:
		return desk_copy_quote(u);
	case ACT_PRINT:
		return desk_print_doc(u);
	case ACT_STATEMENT:
		return desk_print_statement(u);
	default:
		return UI_REDRAW;
	}
}

static void more_draw(struct ui *u)
{
	int w = COLS - 4 < 64 ? COLS - 4 : 64;
	int h = 10;
	int x = (COLS - w) / 2, y = (LINES - h) / 2 - 1;
	for (int i = 0; i < h; i++)
		ui_blank(y + i, x, w);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attron(A_BOLD);
	ui_printf(y, x + 2, w - 4, " %s ", _("More"));
	attroff(A_BOLD);
	int row = y + 1;
	for (const struct ui_binding *b = more_bindings; b->key != UI_KEY_ESC; b++, row++) {
		const struct ui_action *a = ui_action_find(more_actions, b->action);
		char key[4] = { (char)(b->key - 'a' + 'A'), '\0' };
		attron(A_BOLD);
		ui_print(row, x + 2, 2, key);
		attroff(A_BOLD);
		ui_print(row, x + 5, w - 7, _(a->help));
	}
	ui_print(row + 1, x + 2, w - 4, _("Esc: back"));
	ui_draw_helpbar(u, &desk_more_screen);
}

const struct ui_screen desk_more_screen = {
	.name = "desk-more",
	.actions = more_actions,
	.bindings = more_bindings,
	.overlay = 1,
	.draw = more_draw,
	.action = more_action,
};
