/*
 * The screens' lifecycle, driven through app_handle_event without a
 * terminal: a screen asked before it closes may refuse (back, Esc, quit,
 * F10), quitting asks every screen from the top, and a signal or the
 * terminal going away saves every screen's draft before the program ends.
 */
#include "config.h"

#include "unit.h"

#include "app.h"
#include "canvas.h"
#include "keymap.h"

/* What happened to one fake screen; kept outside it, so that it outlives it. */
struct record {
	bool refuse;     /* close() answers SCREEN_NOT_NOW */
	bool changes;    /* dirty() answers true */
	int asked;       /* close() calls */
	int drafts;      /* save_draft() calls */
	int destroyed;
	int resumed;     /* resume() calls: on the stack's top again */
	int asked_order; /* when close() was last asked, counting every screen's calls */
};

struct fake {
	struct screen base;
	struct record *rec;
};

static struct app app;
static struct text_canvas *paper;
static int calls;

static const char *fake_title(struct screen *s)
{
	(void)s;
	return "fake";
}

static void fake_draw(struct screen *s, struct canvas *c, int top, int height)
{
	(void)s;
	(void)c;
	(void)top;
	(void)height;
}

static int fake_action(struct screen *s, enum action a)
{
	(void)s;
	(void)a;
	return SCREEN_IGNORED;
}

static int fake_close(struct screen *s)
{
	struct record *r = ((struct fake *)s)->rec;

	r->asked++;
	r->asked_order = ++calls;
	return r->refuse ? SCREEN_NOT_NOW : SCREEN_MAY_CLOSE;
}

static bool fake_dirty(struct screen *s)
{
	return ((struct fake *)s)->rec->changes;
}

static int fake_save_draft(struct screen *s)
{
	((struct fake *)s)->rec->drafts++;
	return 0;
}

static void fake_resume(struct screen *s)
{
	((struct fake *)s)->rec->resumed++;
}

static void fake_destroy(struct screen *s)
{
	((struct fake *)s)->rec->destroyed++;
	free(s);
}

static const struct screen_ops fake_ops = {
	.name = "Fake",
	.title = fake_title,
	.draw = fake_draw,
	.action = fake_action,
	.close = fake_close,
	.dirty = fake_dirty,
	.save_draft = fake_save_draft,
	.resume = fake_resume,
	.destroy = fake_destroy,
	.keymap = KEYMAP_DETAIL,
};

/* A screen with none of the lifecycle's functions, as the screens of this version. */
static const struct screen_ops plain_ops = {
	.name = "Plain",
	.title = fake_title,
	.draw = fake_draw,
	.action = fake_action,
	.destroy = fake_destroy,
	.keymap = KEYMAP_LIST,
};

static struct screen *fake(const struct screen_ops *ops, struct record *r)
{
	struct fake *f = calloc(1, sizeof *f);

	assert_non_null(f);
	f->base.ops = ops;
	f->rec = r;
	assert_int_equal(app_push(&app, &f->base), 0);
	return &f->base;
}

static int setup(void **state)
{
	struct error err = { 0 };

	(void)state;
	memset(&app, 0, sizeof app);
	calls = 0;
	paper = text_canvas_new(24, 80);
	app.canvas = text_canvas_canvas(paper);
	return keymap_new(&app.keys, NULL, &err);
}

static int teardown(void **state)
{
	(void)state;
	while (app.depth > 0) {
		app.depth--;
		app.stack[app.depth]->ops->destroy(app.stack[app.depth]);
	}
	keymap_free(&app.keys);
	text_canvas_free(&paper);
	return 0;
}

static void key(ui_key k)
{
	assert_true(app_handle_event(&app, TERM_KEY, k, 0));
}

/* Back, Esc and Ctrl-C ask the screen; a refusal keeps it on the stack. */
static void test_refusing_screen_stays(void **state)
{
	struct record below = { 0 }, top = { .refuse = true };
	struct screen *b, *t;

	(void)state;
	b = fake(&fake_ops, &below);
	t = fake(&fake_ops, &top);
	key('q');
	assert_int_equal(top.asked, 1);
	assert_int_equal(app.depth, 2);
	assert_ptr_equal(app_top(&app), t);
	key(UIK_ESC);
	key(0x03);
	assert_int_equal(top.asked, 3);
	assert_int_equal(top.destroyed, 0);
	assert_int_equal(below.asked, 0);
	assert_false(app.quit);
	/* Once it agrees, back closes it and the one below comes on top. */
	top.refuse = false;
	key('q');
	assert_int_equal(top.asked, 4);
	assert_int_equal(top.destroyed, 1);
	assert_int_equal(app.depth, 1);
	assert_ptr_equal(app_top(&app), b);
	/* A screen without a close function closes as it always did. */
	fake(&plain_ops, &top);
	key(UIK_ESC);
	assert_int_equal(top.destroyed, 2);
	assert_int_equal(app.depth, 1);
}

/* Quitting (F10) asks every screen from the top, and stops at a refusal. */
static void test_quit_asks_every_screen(void **state)
{
	struct record bottom = { 0 }, middle = { .refuse = true }, top = { 0 };

	(void)state;
	fake(&fake_ops, &bottom);
	fake(&fake_ops, &middle);
	fake(&fake_ops, &top);
	key(UIK_F(10));
	assert_int_equal(top.asked, 1);
	assert_int_equal(top.destroyed, 1);  /* it agreed: closed */
	assert_int_equal(middle.asked, 1);   /* asked after it */
	assert_true(middle.asked_order > top.asked_order);
	assert_int_equal(middle.destroyed, 0);
	assert_int_equal(middle.resumed, 2); /* pushed, then on top again */
	assert_int_equal(bottom.asked, 0);   /* never reached */
	assert_false(app.quit);
	assert_int_equal(app.depth, 2);
	/* When it agrees, F10 closes everything and the application quits. */
	middle.refuse = false;
	key(UIK_F(10));
	assert_int_equal(middle.destroyed, 1);
	assert_int_equal(bottom.asked, 1);
	assert_true(bottom.asked_order > middle.asked_order);
	assert_int_equal(bottom.destroyed, 1);
	assert_int_equal(app.depth, 0);
	assert_true(app.quit);
}

/* A signal saves every screen's draft, asks none, and ends the program. */
static void test_signal_saves_drafts(void **state)
{
	struct record a = { 0 }, b = { .refuse = true, .changes = true }, c = { 0 };

	(void)state;
	fake(&fake_ops, &a);
	fake(&plain_ops, &c); /* no save_draft: skipped, nothing breaks */
	fake(&fake_ops, &b);
	assert_false(app_handle_event(&app, TERM_SIGNAL, 0, 15));
	assert_int_equal(a.drafts, 1);
	assert_int_equal(b.drafts, 1);
	assert_int_equal(a.asked + b.asked, 0); /* nobody is there to answer */
	assert_true(app.quit);
	assert_int_equal(app.exit_status, 128 + 15);
}

/* The terminal going away (SSH dropped) saves the drafts too. */
static void test_eof_saves_drafts(void **state)
{
	struct record a = { 0 };

	(void)state;
	fake(&fake_ops, &a);
	assert_false(app_handle_event(&app, TERM_EOF, 0, 0));
	assert_int_equal(a.drafts, 1);
	assert_true(app.quit);
	assert_int_equal(app.exit_status, 1);
}

/* In idle time only the screens with unsaved changes save a draft. */
static void test_idle_drafts_only_when_dirty(void **state)
{
	struct record clean = { 0 }, changed = { .changes = true };

	(void)state;
	fake(&fake_ops, &clean);
	fake(&fake_ops, &changed);
	app_save_drafts(&app, false);
	assert_int_equal(clean.drafts, 0);
	assert_int_equal(changed.drafts, 1);
	assert_false(app_handle_event(&app, TERM_NONE, 0, 0));
	assert_int_equal(changed.drafts, 1);
	assert_false(app.quit);
	/* Every APP_DRAFT_MS of quiet, not more often. */
	app.draft_ms = 10000;
	app_idle_drafts(&app, 10000 + APP_DRAFT_MS - 1);
	assert_int_equal(changed.drafts, 1);
	app_idle_drafts(&app, 10000 + APP_DRAFT_MS);
	assert_int_equal(changed.drafts, 2);
	app_idle_drafts(&app, 10000 + APP_DRAFT_MS + 1000);
	assert_int_equal(changed.drafts, 2);
	app_idle_drafts(&app, 10000 + 2 * APP_DRAFT_MS);
	assert_int_equal(changed.drafts, 3);
	assert_int_equal(clean.drafts, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_refusing_screen_stays, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quit_asks_every_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_saves_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_eof_saves_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_idle_drafts_only_when_dirty, setup, teardown),
	};

	unit_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
