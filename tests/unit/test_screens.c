/*
 * Every screen draws on a canvas, so each can be rendered as plain text (for
 * printing, and here for checking) without a terminal: the item list, the
 * detail, the documents register, a document, the help, a menu.
 */
#include "config.h"

#include "unit.h"

#include "app.h"
#include "canvas.h"
#include "context.h"
#include "keymap.h"
#include "menu.h"
#include "screens.h"
#include "seed.h"
#include "store.h"
#include "text.h"

static char *dir;
static struct context ctx;
static struct app app;
static struct text_canvas *paper;

static int build(void **state)
{
	struct error err = { 0 };
	char path[512];

	(void)state;
	dir = unit_tmpdir();
	snprintf(path, sizeof path, "%s/s.db", dir);
	context_init(&ctx);
	snprintf(ctx.today, sizeof ctx.today, "2024-06-30");
	if (store_create(&ctx.store, path, seed_fill, NULL, STORE_NO_MIGRATE, 1000, &err) != 0)
		return -1;
	memset(&app, 0, sizeof app);
	app.ctx = &ctx;
	app.store = ctx.store;
	app.programme = strdup("Chương trình phối hợp");
	paper = text_canvas_new(24, 80);
	app.canvas = text_canvas_canvas(paper);
	return keymap_new(&app.keys, NULL, &err);
}

static int destroy(void **state)
{
	(void)state;
	while (app.depth > 0) {
		app.depth--;
		app.stack[app.depth]->ops->destroy(app.stack[app.depth]);
	}
	keymap_free(&app.keys);
	free(app.programme);
	text_canvas_free(&paper);
	context_free(&ctx);
	unit_rmdir(dir);
	return 0;
}

/* Draws screen s (and what lies under a pop-up) on the paper and returns the text. */
static char *render(struct screen *s)
{
	struct canvas *c = text_canvas_canvas(paper);
	struct strbuf status = STRBUF_INIT;
	char *text;

	c->ops->clear(c);
	if (s->ops->overlay && app.depth >= 2)
		app.stack[app.depth - 2]->ops->draw(app.stack[app.depth - 2], c, 1, c->rows - 2);
	s->ops->draw(s, c, 1, c->rows - 2);
	canvas_put(c, 0, 0, c->cols, s->ops->title(s), ROLE_TITLE, TEXT_ELLIPSIS);
	if (s->ops->status != NULL)
		s->ops->status(s, &status);
	canvas_put(c, c->rows - 1, 0, c->cols, strbuf_str(&status), ROLE_STATUS, TEXT_ELLIPSIS);
	strbuf_free(&status);
	text = text_canvas_string(paper);
	assert_non_null(text);
	return text;
}

static struct screen *push(struct screen *s)
{
	assert_non_null(s);
	assert_int_equal(app_push(&app, s), 0);
	return s;
}

static void pop(void)
{
	app.depth--;
	app.stack[app.depth]->ops->destroy(app.stack[app.depth]);
}

static void test_item_list(void **state)
{
	struct screen *s = push(items_screen_new(&app));
	char *text;

	(void)state;
	text = render(s);
	assert_non_null(strstr(text, "Chương trình phối hợp\n"));
	assert_non_null(strstr(text, "Title"));
	assert_non_null(strstr(text, "+ Phối hợp triển khai các nhiệm vụ"));
	assert_non_null(strstr(text, " 1/…"));
	free(text);
	/* Keys arrive as actions; the idle work counts. */
	assert_int_equal(s->ops->action(s, ACTION_DOWN) & SCREEN_REDRAW, SCREEN_REDRAW);
	while (s->ops->idle(s) != SCREEN_IGNORED)
		;
	text = render(s);
	assert_non_null(strstr(text, " 2/21 · items: 42"));
	free(text);
	/* Typing a search narrows the list. */
	assert_int_equal(s->ops->action(s, ACTION_SEARCH), SCREEN_REDRAW);
	assert_int_equal(s->ops->key(s, 'd'), SCREEN_REDRAW);
	s->ops->key(s, 'i');
	s->ops->key(s, 'n');
	s->ops->key(s, 'h');
	s->ops->key(s, ' ');
	s->ops->key(s, 'v');
	s->ops->key(s, 'u');
	while (s->ops->idle(s) != SCREEN_IGNORED)
		;
	text = render(s);
	assert_non_null(strstr(text, "Search: dinh vu  (3)"));
	assert_non_null(strstr(text, "DAP – Đình Vũ"));
	assert_null(strstr(text, "Techfest"));
	free(text);
	assert_int_equal(s->ops->key(s, UIK_ESC), SCREEN_REDRAW);
	pop();
}

static void test_detail_and_document(void **state)
{
	struct screen *s = push(detail_screen_new(&app, 4));
	char *text;

	(void)state;
	text = render(s);
	assert_non_null(strstr(text, "Item #4\n"));
	assert_non_null(strstr(text, "#4  Ban hành Kế hoạch số 255"));
	assert_non_null(strstr(text, "Kind:"));
	free(text);
	pop();
	s = push(doc_screen_new(&app, 4));
	text = render(s);
	assert_non_null(strstr(text, "Document Plan 255\n"));
	assert_non_null(strstr(text, "This document implements Resolution 36-NQ/TW"));
	free(text);
	pop();
}

static void test_register_help_menu(void **state)
{
	struct screen *s = push(docs_screen_new(&app)), *h;
	char *text;

	(void)state;
	text = render(s);
	assert_non_null(strstr(text, "Documents register\n"));
	assert_non_null(strstr(text, "312        Conclusion"));
	free(text);
	h = push(help_screen_new(&app, s));
	text = render(h);
	assert_non_null(strstr(text, "Keys on this screen (Documents register)"));
	assert_non_null(strstr(text, "Enter:"));
	free(text);
	pop();
	pop();
	s = push(items_screen_new(&app));
	s->ops->action(s, ACTION_FILTER);
	text = render(app_top(&app));
	assert_non_null(strstr(text, "+-Filter by"));
	assert_non_null(strstr(text, "| Status…"));
	free(text);
	pop();
	pop();
}

static long chosen_value = -1;

static void on_done(void *ctx, bool ok, const struct menu_entry *chosen, const struct menu_entry *all,
                    int n)
{
	(void)ctx;
	(void)all;
	(void)n;
	chosen_value = ok && chosen != NULL ? chosen->value : -2;
}

/* A menu longer than the screen: the list component moves in it, typing narrows it. */
static void test_long_menu(void **state)
{
	struct menu_entry e[60];
	char labels[60][32];
	struct screen *s, *m;
	char *text;
	int i;

	(void)state;
	memset(e, 0, sizeof e);
	for (i = 0; i < 60; i++) {
		snprintf(labels[i], sizeof labels[i], "Entry %d", i);
		e[i].label = labels[i];
		e[i].value = i;
	}
	s = push(items_screen_new(&app));
	m = push(menu_new(&app, "Pick one", e, 60, 45, false, on_done, NULL));
	text = render(m);
	assert_non_null(strstr(text, "Pick one"));
	assert_non_null(strstr(text, "Entry 45"));  /* the cursor's entry in view */
	assert_null(strstr(text, "Entry 0 "));
	free(text);
	assert_int_equal(m->ops->action(m, ACTION_END), SCREEN_REDRAW);
	text = render(m);
	assert_non_null(strstr(text, "Entry 59"));
	free(text);
	m->ops->action(m, ACTION_HOME);
	m->ops->action(m, ACTION_PAGE_DOWN);
	m->ops->action(m, ACTION_DOWN);
	text = render(m);
	assert_null(strstr(text, "| Entry 0 "));
	free(text);
	/* Typing narrows: "entry 5" keeps 5 and 50 … 59, the cursor on the first. */
	for (i = 0; labels[5][i] != '\0'; i++)
		m->ops->key(m, labels[5][i]);
	text = render(m);
	assert_non_null(strstr(text, "Type to narrow: E"));
	assert_non_null(strstr(text, "| Entry 5 "));
	assert_non_null(strstr(text, "| Entry 59"));
	assert_null(strstr(text, "Entry 49"));
	free(text);
	m->ops->action(m, ACTION_DOWN);
	assert_int_equal(m->ops->key(m, UIK_ENTER), SCREEN_CLOSE | SCREEN_REDRAW);
	assert_int_equal(chosen_value, 50);
	pop();
	(void)s;
	pop();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_list),
		cmocka_unit_test(test_detail_and_document),
		cmocka_unit_test(test_register_help_menu),
		cmocka_unit_test(test_long_menu),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, build, destroy);
}
