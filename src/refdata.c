#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"
#include "refdata.h"
#include "text.h"

struct named {
	const char *code;
	const char *name; /* English msgid */
	const char *name_vi; /* for parsing Vietnamese input whatever the language */
};

static const struct named statuses[STATUS_MAX + 1] = {
	[STATUS_PLANNED] = { "planned", N_("Planned"), "Chưa triển khai" },
	[STATUS_IN_PROGRESS] = { "in_progress", N_("In progress"), "Đang triển khai" },
	[STATUS_SUSPENDED] = { "suspended", N_("Suspended"), "Tạm dừng" },
	[STATUS_DONE] = { "done", N_("Done"), "Hoàn thành" },
	[STATUS_CANCELLED] = { "cancelled", N_("Cancelled"), "Hủy" },
	[STATUS_OVERDUE] = { "overdue", N_("Overdue"), "Quá hạn" },
};

static const struct named kinds[KIND_MAX + 1] = {
	[1] = { "task", N_("Task"), "Nhiệm vụ" },
	[2] = { "scheme", N_("Scheme"), "Đề án" },
	[3] = { "project", N_("Project"), "Dự án" },
	[4] = { "pilot", N_("Pilot"), "Thí điểm" },
	[5] = { "event", N_("Event"), "Sự kiện" },
	[6] = { "agreement", N_("Agreement"), "Thỏa thuận" },
	[7] = { "recommendation", N_("Recommendation"), "Kiến nghị" },
};

static const struct named doc_types[DOC_TYPE_MAX + 1] = {
	[1] = { "decision", N_("Decision"), "Quyết định" },
	[2] = { "resolution", N_("Resolution"), "Nghị quyết" },
	[3] = { "conclusion", N_("Conclusion"), "Kết luận" },
	[4] = { "plan", N_("Plan"), "Kế hoạch" },
	[5] = { "action_programme", N_("Action programme"), "Chương trình hành động" },
	[6] = { "legal_normative", N_("Legal normative document"), "Văn bản quy phạm pháp luật" },
	[7] = { "directive", N_("Directive"), "Chỉ thị" },
	[8] = { "notice", N_("Notice"), "Thông báo" },
	[9] = { "other", N_("Other document"), "Văn bản khác" },
};

static const struct named doc_states[DOC_STATE_MAX + 1] = {
	[1] = { "draft", N_("Draft"), "Dự thảo" },
	[2] = { "issued", N_("Issued"), "Đã ban hành" },
	[3] = { "amended", N_("Amended"), "Đã sửa đổi" },
	[4] = { "replaced", N_("Replaced"), "Đã bị thay thế" },
	[5] = { "annulled", N_("Annulled"), "Đã bãi bỏ" },
};

static const struct named doc_relations[DOC_RELATION_MAX + 1] = {
	/* TRANSLATORS: read as "<document> implements <document>". */
	[1] = { "implements", N_("implements"), "thực hiện" },
	[2] = { "amends", N_("amends"), "sửa đổi" },
	[3] = { "replaces", N_("replaces"), "thay thế" },
	[4] = { "reviews", N_("reviews"), "tổng kết" },
};

/* The lists a choice field picks from, and how many entries each has (from 1). */
static const struct {
	const struct named *v;
	int max;
} choice_lists[] = {
	[CHOICE_KIND] = { kinds, KIND_MAX },
	[CHOICE_STATUS] = { statuses, STATUS_CANCELLED }, /* overdue is never stored */
	[CHOICE_DOC_TYPE] = { doc_types, DOC_TYPE_MAX },
	[CHOICE_DOC_STATE] = { doc_states, DOC_STATE_MAX },
	[CHOICE_DOC_RELATION] = { doc_relations, DOC_RELATION_MAX },
};

const char *status_code(int s)
{
	return s >= 1 && s <= STATUS_MAX ? statuses[s].code : NULL;
}

const char *status_name(int s)
{
	return s >= 1 && s <= STATUS_MAX ? _(statuses[s].name) : NULL;
}

bool status_is_open(int s)
{
	return s == STATUS_PLANNED || s == STATUS_IN_PROGRESS || s == STATUS_SUSPENDED;
}

int status_display(int stored, const char *due, const char *today)
{
	if (status_is_open(stored) && due != NULL && *due != '\0' && today != NULL &&
	    strcmp(due, today) < 0)
		return STATUS_OVERDUE;
	return stored;
}

const char *kind_code(int k)
{
	return k >= 1 && k <= KIND_MAX ? kinds[k].code : NULL;
}

const char *kind_name(int k)
{
	return k >= 1 && k <= KIND_MAX ? _(kinds[k].name) : NULL;
}

const char *doc_type_name(int t)
{
	return t >= 1 && t <= DOC_TYPE_MAX ? _(doc_types[t].name) : NULL;
}

const char *doc_state_name(int s)
{
	return s >= 1 && s <= DOC_STATE_MAX ? _(doc_states[s].name) : NULL;
}

const char *doc_relation_name(int r)
{
	return r >= 1 && r <= DOC_RELATION_MAX ? _(doc_relations[r].name) : NULL;
}

/* The fold of s with '_' and '-' as spaces, in a new string (NULL: out of memory). */
static char *words_of(const char *s)
{
	char *f = fold_dup(s), *p;

	for (p = f; p != NULL && *p != '\0'; p++)
		if (*p == '_' || *p == '-')
			*p = ' ';
	return f;
}

/* True when b's words (folded) are the folded text ft. */
static bool same_words(const char *ft, const char *b)
{
	char *fb = words_of(b);
	bool same = fb != NULL && strcmp(ft, fb) == 0;

	free(fb);
	return same;
}

static int parse(const struct named *list, int max, const char *text)
{
	char *ft;
	int i, found = 0;

	if (text == NULL || *text == '\0')
		return 0;
	/* A stored value is a code as it is: no folding needed. */
	for (i = 1; i <= max; i++)
		if (strcmp(text, list[i].code) == 0)
			return i;
	if ((ft = words_of(text)) == NULL)
		return 0;
	for (i = 1; i <= max && found == 0; i++) {
		if (same_words(ft, list[i].code) || same_words(ft, list[i].name) ||
		    same_words(ft, list[i].name_vi) || same_words(ft, _(list[i].name)))
			found = i;
	}
	free(ft);
	return found;
}

int status_parse(const char *text)
{
	return parse(statuses, STATUS_MAX, text);
}

int kind_parse(const char *text)
{
	return parse(kinds, KIND_MAX, text);
}

static int widest(const struct named *list, int max)
{
	int i, w = 0;

	for (i = 1; i <= max; i++) {
		int n = text_width(_(list[i].name));

		if (n > w)
			w = n;
	}
	return w;
}

int status_names_width(void)
{
	return widest(statuses, STATUS_MAX);
}

int kind_names_width(void)
{
	return widest(kinds, KIND_MAX);
}

int choice_count(enum choice_list l)
{
	return choice_lists[l].max;
}

const char *choice_code(enum choice_list l, int v)
{
	return v >= 1 && v <= choice_lists[l].max ? choice_lists[l].v[v].code : NULL;
}

const char *choice_name(enum choice_list l, int v)
{
	return v >= 1 && v <= choice_lists[l].max ? _(choice_lists[l].v[v].name) : NULL;
}

int choice_parse(enum choice_list l, const char *text)
{
	return parse(choice_lists[l].v, choice_lists[l].max, text);
}
